"""/vrai-du-faux/<slug>/integrer/: each published claim's verdict as a card to embed.

The cards are not in the sitemap and say `noindex`: a card holds the verdict
without the analysis and sources; a search engine must send readers to the claim's
page, where the evidence is, never to a card (which links there). Nor are they in
the site's search index, which holds the searchable pages only (assembly.py).
"""

from __future__ import annotations

import functools
import os
import shutil

from ..output.inputs import page_inputs
from ..sharing import embed
from .base import CampaignGenerator


def embed_url(settings: dict, slug: str) -> str:
    """The card's address from the site's root: a directory URL."""
    return settings["CLAIM_EMBED_URL"].format(slug=slug)


def embed_title(page, settings: dict) -> str:
    """The frame's title for screen readers, verdict first."""
    return f"Verdict « {page.claim.verdict.label} » — {settings['SITENAME']}"


class EmbedGenerator(CampaignGenerator):
    """One card per published claim. A card shows its claim alone, like the claim's
    page: a rebuild keeps it when its inputs did not change (output/inputs.py).
    Without CAMPAIGN_EMBEDS (the preview's default), none, and those an earlier
    build left are removed."""

    def generate_output(self, writer):
        if not self.settings["CAMPAIGN_EMBEDS"]:  # a preview: none, nor any left before
            for page in self.campaign.claims:
                folder = os.path.join(self.output_path, embed_url(self.settings, page.slug))
                shutil.rmtree(folder, ignore_errors=True)
            return
        pages = [page for page in self.campaign.claims if not self.kept(writer, page)]
        template = self.get_template("embed")
        write = functools.partial(self.write_card, writer, template)
        writer.write_elsewhere("les cartes à intégrer", pages, write)

    def kept(self, writer, page) -> bool:
        url = embed_url(self.settings, page.slug)
        return writer.reuse(f"{url}index.html", page_inputs(page, "embed", self.context))

    def write_card(self, writer, template, page) -> None:
        url = embed_url(self.settings, page.slug)
        writer.write_file(
            f"{url}index.html",
            template,
            self.context,
            relative_urls=False,  # read inside other sites: every link absolute
            url=url,
            page=page,
            claim=page.claim,
            link=embed.embed_link(page.share.url, self.settings["CAMPAIGN_UTM"], page.slug),
        )
