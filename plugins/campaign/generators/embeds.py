"""/vrai-du-faux/<slug>/integrer/: each published claim's verdict as a card to embed.

The cards are not in the sitemap and say `noindex`: a card holds the verdict
without the analysis and sources; a search engine must send readers to the claim's
page, where the evidence is, never to a card (which links there). Nor are they in
the site's search index, which holds the searchable pages only (assembly.py).
"""

from __future__ import annotations

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
    page: a rebuild keeps it when its inputs did not change (output/inputs.py)."""

    def generate_output(self, writer):
        template = self.get_template("embed")
        for page in self.campaign.claims:
            url = embed_url(self.settings, page.slug)
            save_as = f"{url}index.html"
            if writer.reuse(save_as, page_inputs(page, "embed", self.context)):
                continue
            writer.write_file(
                save_as,
                template,
                self.context,
                relative_urls=False,  # read inside other sites: every link absolute
                url=url,
                page=page,
                claim=page.claim,
                link=embed.embed_link(page.share.url, self.settings["CAMPAIGN_UTM"], page.slug),
            )
