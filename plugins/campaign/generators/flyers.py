"""Writes each district's printable flyer (A5, one side): the local lead, the next
three events, the three latest local fact-checks, a QR code to the district page."""

from __future__ import annotations

from ..images.qr import qr_code
from ..output.inputs import data_inputs
from ..sharing.items import site_url
from ..sharing.share import tagged_url
from .base import CampaignGenerator

PRINT_SOURCE, PRINT_MEDIUM = "tract", "impression"
SHOWN = 3


class FlyersGenerator(CampaignGenerator):
    """/arrondissements/<district>/tract/: a page made to be printed on A5."""

    def generate_output(self, writer):
        campaign = self.campaign
        for district in campaign.catalogue.districts:
            page_url = self.settings["DISTRICT_URL"].format(slug=district.slug)
            address = tagged_url(
                f"{site_url(self.settings)}/{page_url}",
                PRINT_SOURCE,
                PRINT_MEDIUM,
                self.settings["CAMPAIGN_UTM"],
                district.slug,
            )
            url = self.settings["DISTRICT_FLYER_URL"].format(slug=district.slug)
            events = campaign.district_events(district.slug)[:SHOWN]
            claims = latest_claims(campaign, district.slug)
            shown = [(p.url, p.item) for p in events + claims]
            if writer.reuse(f"{url}index.html", data_inputs(self.context, district, shown)):
                continue  # a QR code takes long to draw: a flyer unchanged is kept
            self.write_at(
                writer,
                url,
                "flyer",
                district=district,
                events=events,
                claims=claims,
                qr_svg=qr_code(address, f"QR code vers la page du secteur : {address}"),
                district_address=f"{site_url(self.settings)}/{page_url}",
            )


def latest_claims(campaign, slug: str) -> list:
    """The three latest fact-checks of the district; for all Paris if it has fewer."""
    local = campaign.claims_by_district.get(slug, [])[:SHOWN]
    return local + campaign.citywide_claims[: SHOWN - len(local)]
