"""/donnees/: the published claims as open data, and the page that explains them."""

from __future__ import annotations

from ..sharing import opendata
from ..sharing.items import site_url
from .base import CampaignGenerator

# Each file with what /donnees/ says of it.
FILES = {
    "verifications.csv": "un tableau, une ligne par vérification, lisible par un tableur "
    "(UTF-8, séparateur virgule)",
    "verifications.json": "les mêmes champs en JSON, les listes détaillées (sources, corrections)",
    "claimreview.json": "un DataFeed schema.org des ClaimReview, une par vérification : "
    "la forme que lisent les agrégateurs de vérifications",
}


def dataset(settings: dict) -> opendata.DataSet:
    base = site_url(settings)
    licence = settings["CAMPAIGN_DATA_LICENCE"]
    return opendata.DataSet(
        publisher=settings["SITENAME"],
        site_url=base,
        page_url=f"{base}/{settings['OPENDATA_URL']}",
        licence_name=licence["name"],
        licence_url=licence["url"],
    )


class OpenDataGenerator(CampaignGenerator):
    """verifications.json, verifications.csv and claimreview.json of every published
    claim, in the state's order (newest first), and the /donnees/ page."""

    def generate_output(self, writer):
        folder = self.settings["OPENDATA_URL"]
        described = dataset(self.settings)
        pages = [(page, page.share.url) for page in self.campaign.claims]
        records = [opendata.record(page, url) for page, url in pages]
        files = {
            "verifications.json": opendata.verifications_json(records, described),
            "verifications.csv": opendata.verifications_csv(records),
            "claimreview.json": opendata.claim_review_feed(pages, self.settings, described),
        }
        for name in FILES:
            self.write_data(writer, f"{folder}{name}", files[name])
        self.write_at(
            writer,
            folder,
            "donnees",
            data_fields=opendata.FIELDS,
            data_files=[(name, text, len(files[name])) for name, text in FILES.items()],
            data_count=len(records),
            list_separator=opendata.LIST_SEPARATOR.strip(),
            dataset=described,
        )
