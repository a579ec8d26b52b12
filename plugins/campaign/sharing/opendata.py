"""Open data: every published claim as JSON, CSV and a schema.org DataFeed.

Journalists, researchers and fact-check aggregators take the verdicts as data, not
by scraping pages. Everything here comes from the published claims alone: same
content, same bytes (no clock, claims in the state's order, keys sorted).

`FIELDS` is the one list of columns: the CSV's header, the JSON's keys and the
table of /donnees/ all read it, so the documentation cannot drift from the files.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from . import schema

# Lists in one CSV cell (topics, districts, source addresses): slugs and URLs never
# hold a space, so " | " cannot be mistaken for part of a value.
LIST_SEPARATOR = " | "
# Excel, which many newsrooms and volunteers open a CSV with, reads UTF-8 only when
# the file starts with a byte order mark; other tools skip it ("utf-8-sig").
CSV_ENCODING = "utf-8-sig"


@dataclass(frozen=True)
class DataField:
    name: str
    description: str  # French, shown on /donnees/


FIELDS: tuple[DataField, ...] = (
    DataField("slug", "Identifiant de la vérification : la fin de son adresse, qui ne change pas."),
    DataField("url", "Adresse de la vérification sur ce site."),
    DataField("claim", "Les mots exacts vérifiés, tels qu'ils ont été prononcés ou écrits."),
    DataField("title", "Titre de la vérification."),
    DataField("claimant", "Qui l'a dit ou écrit."),
    DataField(
        "claimant_role",
        "Sa liste, son parti ou sa fonction, quand nous la connaissons (vide sinon).",
    ),
    DataField("claimant_url", "Page de référence de la personne (Wikidata…), si connue."),
    DataField("claim_date", "Date de la déclaration (AAAA-MM-JJ), si connue."),
    DataField("appearance", "Adresse où la déclaration a été faite, si connue."),
    DataField("date_published", "Publication de la vérification (ISO 8601, avec le fuseau)."),
    DataField(
        "date_modified",
        "Dernière modification ou correction (ISO 8601) ; vide si jamais modifiée.",
    ),
    DataField("verdict", "Verdict, en identifiant (vrai, plutot-vrai, trompeur…)."),
    DataField("verdict_label", "Verdict, en toutes lettres."),
    DataField("rating", "Note de 1 (faux) à 5 (vrai) ; vide pour un verdict sans note."),
    DataField("summary", "Conclusion en une phrase."),
    DataField("topics", "Sujets (identifiants)."),
    DataField("districts", "Arrondissements ou secteurs (identifiants) ; vide : tout Paris."),
    DataField(
        "sources",
        "Sources : dans le JSON, titre, adresse, éditeur, date et copie archivée ; "
        "dans le CSV, leurs adresses.",
    ),
    DataField(
        "corrections",
        "Corrections publiées : dans le JSON, date et note ; dans le CSV, leur nombre.",
    ),
)
FIELD_NAMES = tuple(field.name for field in FIELDS)


def claimant_role(claimant) -> str:
    """The claimant's list, party or office. It comes from content/data/claimants.yaml
    when the catalogue has one (DESIGN.md); a claimant without a known role, or a
    campaign without that file, leaves the column empty rather than absent, so the
    files keep one shape."""
    role = getattr(claimant, "role", "")
    return role if isinstance(role, str) else ""


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def record(page, url: str) -> dict:
    """One published claim's page as the JSON holds it (lists stay lists)."""
    claim = page.claim
    return {
        "slug": page.slug,
        "url": url,
        "claim": claim.text,
        "title": claim.title,
        "claimant": claim.claimant.name,
        "claimant_role": claimant_role(claim.claimant),
        "claimant_url": claim.claimant.url,
        "claim_date": _iso(claim.claim_date),
        "appearance": claim.appearance,
        "date_published": _iso(claim.date),
        "date_modified": _iso(claim.modified),
        "verdict": claim.verdict.slug,
        "verdict_label": claim.verdict.label,
        "rating": claim.verdict.rating,
        "summary": claim.summary,
        "topics": [topic.slug for topic in claim.topics],
        "districts": [district.slug for district in claim.districts],
        "sources": [
            {
                "title": source.title,
                "url": source.url,
                "publisher": source.publisher,
                "date": _iso(source.date),
                "archive": source.archive,
            }
            for source in claim.sources
        ],
        "corrections": [
            {"date": _iso(correction.date), "note": correction.note}
            for correction in claim.corrections
        ],
    }


def csv_row(data: dict) -> list[str]:
    """A JSON record as one CSV row, in the order of FIELDS."""
    flat = dict(data)
    flat["topics"] = LIST_SEPARATOR.join(data["topics"])
    flat["districts"] = LIST_SEPARATOR.join(data["districts"])
    flat["sources"] = LIST_SEPARATOR.join(source["url"] for source in data["sources"])
    flat["corrections"] = str(len(data["corrections"]))
    flat["rating"] = "" if data["rating"] is None else str(data["rating"])
    return [flat[name] for name in FIELD_NAMES]


@dataclass(frozen=True)
class DataSet:
    """What the data files say of themselves: their publisher, page and licence."""

    publisher: str
    site_url: str
    page_url: str  # /donnees/, absolute
    licence_name: str
    licence_url: str


def verifications_json(records: Sequence[dict], dataset: DataSet) -> bytes:
    document = {
        "publisher": dataset.publisher,
        "source": dataset.site_url + "/",
        "documentation": dataset.page_url,
        "licence": {"name": dataset.licence_name, "url": dataset.licence_url},
        "count": len(records),
        "fields": list(FIELD_NAMES),
        "verifications": list(records),
    }
    # Read by programs (the CSV is for spreadsheets): compact, which Python's C
    # encoder writes ten times faster than an indented one.
    return (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")


def verifications_csv(records: Sequence[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # RFC 4180: commas, quotes when needed, CRLF
    writer.writerow(FIELD_NAMES)
    writer.writerows(csv_row(data) for data in records)
    return buffer.getvalue().encode(CSV_ENCODING)


def claim_review_feed(pages_with_urls: Sequence[tuple], settings: dict, dataset: DataSet) -> bytes:
    """A schema.org DataFeed of the ClaimReviews (the form fact-check aggregators, such
    as Google's Fact Check Tools and Data Commons, read): one DataFeedItem per claim,
    its `item` the very ClaimReview the claim's page carries (sharing/schema.py)."""
    elements = []
    # Read away from the site: the reviewer's address is absolute even in a preview.
    absolute = {**settings, "SITEURL": dataset.site_url}
    for page, url in pages_with_urls:
        review = schema.claim_review(page.claim, url, absolute)
        review.pop("@context")
        element = {
            "@type": "DataFeedItem",
            "dateCreated": review["datePublished"],
            "item": [review],
        }
        if "dateModified" in review:
            element["dateModified"] = review["dateModified"]
        elements.append(element)
    modified = [e.get("dateModified", e["dateCreated"]) for e in elements]
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"Vérifications — {dataset.publisher}",
        "url": dataset.page_url,
        "license": dataset.licence_url,
        "publisher": {
            "@type": "Organization",
            "name": dataset.publisher,
            "url": dataset.site_url + "/",
        },
        "dataFeedElement": elements,
    }
    if modified:
        feed["dateModified"] = max(modified)
    return (json.dumps(feed, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
