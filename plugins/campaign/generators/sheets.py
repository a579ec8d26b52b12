"""Argument sheets (fiches argumentaires): one per topic, written or derived.

A sheet file gives the pitch, key figures, arguments and doorstep objections of a
topic; the topic's fact-checks are pulled in by themselves. A topic with published
fact-checks and no published sheet file gets a sheet derived from them: their key
figures, their conclusions as arguments, and the false or misleading claims as
objections answered by the fact-check.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import segno
from markupsafe import Markup

from ..content.model import Claim, KeyFigure, Objection, Sheet, Topic, Verdict
from ..content.validate import FIGURES_MAX, FIGURES_MIN, parse_sheet, unknown_claims
from ..images import infographic
from ..images.cache import ensure_infographic, infographic_folder, infographic_key
from ..sharing import share
from .base import CATALOGUE, SEARCHABLE, DocumentGenerator
from .pages import SheetPage
from .sharing import site_url, write_bytes

DERIVED_ARGUMENTS = 3
DERIVED_OBJECTIONS = 4
PRINT_MEDIUM = "impression"
PRINT_SOURCE = "fiche-imprimee"


@dataclass(frozen=True)
class Answer:
    """An objection with the page of the fact-check backing its answer, if published."""

    objection: Objection
    claim_page: object | None


def derive_sheet(topic: Topic, claim_pages: list, url_of) -> Sheet:
    """A sheet made of the topic's published claims, newest first in `claim_pages`."""
    claims: list[Claim] = [page.claim for page in claim_pages]
    figures = [
        KeyFigure(c.figure.value, c.figure.label, url_of(page), "Le vrai du faux")
        for page, c in zip(claim_pages, claims, strict=True)
        if c.figure
    ]
    objections = [
        Objection(f"« {c.text} »", c.summary, c.slug)
        for c in claims
        if c.verdict.rated and c.verdict.rating <= 3
    ]
    newest = max(c.modified or c.date for c in claims)
    first = min(c.date for c in claims)
    return Sheet(
        topic=topic,
        title=f"{topic.name} : l'essentiel",
        pitch=topic.description,
        date=first,
        modified=newest if newest != first else None,
        key_figures=tuple(figures[:FIGURES_MAX]),
        arguments=tuple(c.summary for c in claims[:DERIVED_ARGUMENTS]),
        objections=tuple(objections[:DERIVED_OBJECTIONS]),
        derived=True,
    )


def tally(claims: list[Claim], verdicts: tuple[Verdict, ...]) -> list[tuple[Verdict, int]]:
    """How many of the claims got each verdict, in the order of the scale."""
    counts = {verdict.slug: 0 for verdict in verdicts}
    for claim in claims:
        counts[claim.verdict.slug] += 1
    return [(verdict, counts[verdict.slug]) for verdict in verdicts]


def counted_figures(claims: list[Claim], topic_url: str) -> list[KeyFigure]:
    """Figures our own fact-checks give, to complete a sheet short of key figures."""
    total = len(claims)
    if not total:
        return []
    wrong = sum(1 for c in claims if c.verdict.rated and c.verdict.rating <= 2)
    right = sum(1 for c in claims if c.verdict.rated and c.verdict.rating >= 4)
    published = "vérifications publiées" if total > 1 else "vérification publiée"
    return [
        KeyFigure(str(total), f"{published} sur ce sujet", topic_url),
        KeyFigure(
            f"{wrong} sur {total}", "affirmations jugées fausses ou plutôt fausses", topic_url
        ),
        KeyFigure(f"{right} sur {total}", "affirmations jugées vraies ou plutôt vraies", topic_url),
    ]


def shown_figures(sheet: Sheet, claims: list[Claim], topic_url: str) -> tuple[KeyFigure, ...]:
    """The sheet's key figures, completed up to three from its fact-checks' counts."""
    figures = list(sheet.key_figures)
    for extra in counted_figures(claims, topic_url):
        if len(figures) >= FIGURES_MIN:
            break
        figures.append(extra)
    return tuple(figures)


def qr_code(url: str, label: str) -> Markup:
    """An inline SVG QR code of `url`, drawn black on white for any printer."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=4, dark="#000", light="#fff", svgclass="qr", omitsize=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))


def sources_of(figures: tuple[KeyFigure, ...]) -> list[KeyFigure]:
    """One entry per source address, in the order the figures cite them."""
    seen: dict[str, KeyFigure] = {}
    for figure in figures:
        seen.setdefault(figure.source, figure)
    return list(seen.values())


class SheetsGenerator(DocumentGenerator):
    """Sheet pages with their infographic (inline, SVG file, PNG) and the sheet index."""

    kind = "sheets"
    field = "sheet"
    paths_setting = "SHEET_PATHS"
    page_class = SheetPage
    parse = staticmethod(parse_sheet)

    def check_parsed(self, parsed: list) -> list:
        claim_slugs = self.context["slugs"]["claims"]
        problems = []
        for _, source in parsed:
            problems += unknown_claims(source.front_matter, claim_slugs)
        return problems

    def generate_context(self):
        super().generate_context()
        catalogue = self.context[CATALOGUE]
        claims_by_topic = self.context["claims_by_topic"]
        written = {page.sheet.topic.slug: page for page in self.pages}
        # A sheet shown in preview takes its topic's address: no derived sheet there.
        previewed = {page.sheet.topic.slug for page in self.previews}
        pages = []
        for topic in catalogue.topics:
            page = written.get(topic.slug)
            claim_pages = claims_by_topic.get(topic.slug, [])
            if page is None and claim_pages and topic.slug not in previewed:
                sheet = derive_sheet(topic, claim_pages, self.absolute_url)
                page = SheetPage.wrap(sheet, None, self.field, self.settings, self.context)
            if page is not None:
                pages.append(page)
        self.pages = pages  # in the order of the topics, as on the topics page
        self.context["sheets"] = pages
        searchable = self.context[SEARCHABLE]
        searchable += [page for page in pages if page.sheet.derived]
        self.context["sheets_by_topic"] = {page.sheet.topic.slug: page for page in pages}
        published = {page.slug: page for page in self.context["claims"]}
        for page in pages + self.previews:
            self.prepare(page, published)

    def absolute_url(self, page) -> str:
        return f"{site_url(self.settings)}/{page.url}"

    def prepare(self, page, published: dict) -> None:
        """Attach to the page what its template and files need, computed once.

        `published` maps the slug of every published claim to its page.
        """
        sheet: Sheet = page.sheet
        catalogue = self.context[CATALOGUE]
        claim_pages = self.context["claims_by_topic"].get(sheet.topic.slug, [])
        claims = [p.claim for p in claim_pages]
        topic_url = (
            f"{site_url(self.settings)}/{self.settings['TOPIC_URL'].format(slug=sheet.slug)}"
        )
        page.claim_pages = claim_pages
        page.distribution = tally(claims, catalogue.verdicts)
        page.figures = shown_figures(sheet, claims, topic_url)
        page.answers = [Answer(o, published.get(o.claim)) for o in sheet.objections]
        page.sources = sources_of(page.figures)
        page.svg_url = self.settings["SHEET_SVG_URL"].format(slug=sheet.slug)
        page.png_url = self.settings["SHEET_PNG_URL"].format(slug=sheet.slug)
        page.print_url = share.tagged_url(
            self.absolute_url(page),
            PRINT_SOURCE,
            PRINT_MEDIUM,
            self.settings["CAMPAIGN_UTM"],
            sheet.slug,
        )
        page.qr_svg = qr_code(page.print_url, f"QR code vers la fiche en ligne : {page.print_url}")
        page.infographic = self.infographic_spec(page)
        page.drawing = infographic.layout(page.infographic)
        page.infographic_svg = Markup(
            infographic.to_svg(page.infographic, page.drawing, f"infographie-{sheet.slug}", False)
        )

    def infographic_spec(self, page) -> infographic.InfographicSpec:
        sheet: Sheet = page.sheet
        address = f"{self.absolute_url(page)}".split("://", 1)[-1]
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
            site_name=self.settings["CAMPAIGN_CARD_FOOTER"] or self.settings["SITENAME"],
            address=address,
        )

    def generate_output(self, writer):
        cache = infographic_folder(self.settings)
        for page in self.pages + self.previews:
            self.write_page(writer, page)
            svg = infographic.to_svg(page.infographic, page.drawing, "infographie", True)
            write_bytes(writer, page.svg_url, svg.encode("utf-8"))
            key = f"infographie {infographic_key(page.drawing)}"
            ensure = functools.partial(ensure_infographic, page.drawing, cache)
            writer.link_cached(page.png_url, key, ensure)
        self.write_listing(writer, self.settings["SHEETS_INDEX_URL"], "sheets", self.pages)
