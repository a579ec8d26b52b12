"""Argument sheets (fiches argumentaires): one per topic, written or derived.

A sheet file gives the pitch, key figures, arguments and doorstep objections of a
topic; the topic's fact-checks are pulled in by themselves. A topic with published
fact-checks and no published sheet file gets a sheet derived from them: their key
figures, their conclusions as arguments, and the false or misleading claims as
objections answered by the fact-check.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Claim, KeyFigure, Objection, Sheet, Topic, Verdict
from .validate import FIGURES_MAX, FIGURES_MIN

DERIVED_ARGUMENTS = 3
DERIVED_OBJECTIONS = 4


@dataclass(frozen=True)
class Answer:
    """An objection with the page of the fact-check backing its answer, if published."""

    objection: Objection
    claim_page: object | None


def derive_sheet(topic: Topic, claim_pages: list, url_of) -> Sheet:
    """A sheet made of the topic's published claims, newest first in `claim_pages`."""
    claims: list[Claim] = [page.item for page in claim_pages]
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


def sources_of(figures: tuple[KeyFigure, ...]) -> list[KeyFigure]:
    """One entry per source address, in the order the figures cite them."""
    seen: dict[str, KeyFigure] = {}
    for figure in figures:
        seen.setdefault(figure.source, figure)
    return list(seen.values())
