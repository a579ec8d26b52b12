"""The pages of claims and posts, with their indexes and the verdict listings."""

from __future__ import annotations

import os

from PIL import Image

from ..filters import date_fr
from ..images.strip import READ_FORMATS
from ..kinds import Kind
from ..sharing import embed, schema
from ..sharing.items import site_url
from .base import DocumentGenerator
from .embeds import embed_title, embed_url


def embed_code(page) -> str:
    """The <iframe> code of the claim's verdict card, to copy from its page."""
    settings, claim = page.settings, page.claim
    src = f"{site_url(settings)}/{embed_url(settings, page.slug)}"
    said = f"« {claim.text} » — {claim.claimant.name}, {date_fr(claim.claim_date)}"
    height = embed.embed_height(claim.summary, said, settings["CAMPAIGN_NOTICE"])
    return embed.iframe_code(src, embed_title(page, settings), height)


class ClaimsGenerator(DocumentGenerator):
    """Fact-check pages, the fact-check index and one listing per verdict."""

    kind = Kind.CLAIM
    item_local = True  # see claim.html

    def published(self) -> list:
        """Published claims, then those being checked (shown, never rated)."""
        return self.campaign.claims + self.campaign.pending_claims

    def page_extras(self, page) -> dict:
        if page.claim.pending:  # no verdict: no ClaimReview
            return {}
        url = f"{self.settings['SITEURL']}/{page.url}"
        data = schema.claim_review(page.claim, url, self.settings)
        extras = {"structured_data": schema.to_script_json(data)}
        if page.claim.media:
            media = schema.media_review(page.claim, url, self.settings)
            extras["media_data"] = schema.to_script_json(media)
            # Its size, so the page does not move when the capture arrives.
            capture = os.path.join(self.settings["PATH"], page.claim.media.capture)
            with Image.open(capture, formats=READ_FORMATS) as image:
                extras["media_size"] = image.size
        if self.settings["CAMPAIGN_EMBEDS"]:
            extras["embed_code"] = embed_code(page)
        return extras

    def generate_output(self, writer):
        super().generate_output(writer)
        claims = self.campaign.claims
        self.write_listing(writer, self.settings["CLAIMS_INDEX_URL"], "claims", claims)
        by_verdict = self.campaign.claims_by_verdict
        for verdict in self.campaign.catalogue.verdicts:
            self.write_listing_of(
                writer,
                "VERDICT_URL",
                verdict.slug,
                by_verdict.get(verdict.slug, []),
                verdict=verdict,
            )


class PostsGenerator(DocumentGenerator):
    """News pages and the news index."""

    kind = Kind.POST
    item_local = True  # see post.html

    def generate_output(self, writer):
        super().generate_output(writer)
        posts = self.campaign.posts
        self.write_listing(writer, self.settings["POSTS_INDEX_URL"], "posts", posts)
