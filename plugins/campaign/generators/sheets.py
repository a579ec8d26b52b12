"""The pages and files of argument sheets: page with inline infographic, the
infographic as SVG and PNG, the sheet index.

Sheets themselves (written or derived from a topic's claims) are assembled with
the rest of the state; `prepare_sheet` attaches what a sheet's page and files
show, computed once while gathering.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

from ..assembly import Campaign
from ..content.model import Sheet
from ..content.sheets import Answer, shown_figures, sources_of, tally
from ..images import infographic
from ..images.cache import ensure_infographic, infographic_folder, infographic_key
from ..images.qr import is_local, qr_code
from ..kinds import Kind
from ..sharing import share
from ..sharing.items import site_url
from .base import DocumentGenerator

PRINT_MEDIUM = "impression"
PRINT_SOURCE = "fiche-imprimee"


def absolute_url(page, settings: dict) -> str:
    return f"{site_url(settings)}/{page.url}"


def prepare_sheet(page, campaign: Campaign, settings: dict) -> None:
    """Attach to a sheet's page what its template and files need, computed once."""
    sheet: Sheet = page.sheet
    claim_pages = campaign.claims_by_topic.get(sheet.topic.slug, [])
    claims = [p.claim for p in claim_pages]
    topic_url = f"{site_url(settings)}/{settings['TOPIC_URL'].format(slug=sheet.slug)}"
    published = {p.slug: p for p in campaign.claims}
    page.claim_pages = claim_pages
    page.distribution = tally(claims, campaign.catalogue.verdicts)
    page.figures = shown_figures(sheet, claims, topic_url)
    page.answers = [Answer(o, published.get(o.claim)) for o in sheet.objections]
    page.sources = sources_of(page.figures)
    page.svg_url = settings["SHEET_SVG_URL"].format(slug=sheet.slug)
    page.png_url = settings["SHEET_PNG_URL"].format(slug=sheet.slug)
    page.print_url = share.tagged_url(
        absolute_url(page, settings),
        PRINT_SOURCE,
        PRINT_MEDIUM,
        settings["CAMPAIGN_UTM"],
        sheet.slug,
    )
    # A preview's address works on this machine only: no QR code of it is ever printed.
    page.print_local = is_local(page.print_url)
    label = f"QR code vers la fiche en ligne : {page.print_url}"
    page.qr_svg = "" if page.print_local else qr_code(page.print_url, label)
    page.infographic = infographic_spec(page, settings)
    page.drawing = infographic.layout(page.infographic)
    page.infographic_svg = Markup(
        infographic.to_svg(page.infographic, page.drawing, f"infographie-{sheet.slug}", False)
    )


def infographic_spec(page, settings: dict) -> infographic.InfographicSpec:
    sheet: Sheet = page.sheet
    address = absolute_url(page, settings).split("://", 1)[-1]
    return infographic.InfographicSpec(
        kicker=f"Fiche argumentaire · {sheet.topic.name}",
        title=sheet.title,
        pitch=sheet.pitch,
        figures=tuple((f.value, f.label) for f in page.figures),
        bars=tuple(
            infographic.Bar(verdict.label, count, verdict.colour)
            for verdict, count in page.distribution
        ),
        arguments=sheet.arguments,
        accent=sheet.topic.colour,
        site_name=settings["CAMPAIGN_CARD_FOOTER"] or settings["SITENAME"],
        address=address,
    )


class SheetsGenerator(DocumentGenerator):
    """Sheet pages with their infographic (inline, SVG file, PNG) and the sheet index."""

    kind = Kind.SHEET

    def generate_output(self, writer):
        cache = infographic_folder(self.settings)
        for page in self.pages():
            self.write_page(writer, page)
            svg = infographic.to_svg(page.infographic, page.drawing, "infographie", True)
            self.write_data(writer, page.svg_url, svg.encode("utf-8"))
            key = f"infographie {infographic_key(page.drawing)}"
            ensure = functools.partial(ensure_infographic, page.drawing, cache)
            writer.link_cached(page.png_url, key, ensure)
        sheets = self.campaign.sheets
        self.write_listing(writer, self.settings["SHEETS_INDEX_URL"], "sheets", sheets)
