"""The corrections log as a feed: one entry per correction, never per claim.

A reader who shared a verdict subscribes here to learn when it changed. Each
entry is dated by its correction (corrections are dated by day: the day's first
minute, in the site's time zone), titled verdict first (see « Truth first » in
DESIGN.md) and links to the correction on the claim's page.
"""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from ..content.corrections import correction_moment
from ..filters import date_fr
from . import feeds
from .items import categories

FEED_NAME = "corrections"
FEED_TITLE = "Corrections"


def correction_title(logged) -> str:
    """« Correction du 14 mars 2026 — Plutôt faux : <the claim's headline> »."""
    claim = logged.page.claim
    return (
        f"Correction du {date_fr(logged.correction.date)} — {claim.verdict.label} : {claim.title}"
    )


def correction_html(logged, url: str) -> str:
    claim = logged.page.claim
    return (
        f"<p>{escape(logged.correction.note)}</p>\n"
        f"<p>Verdict : {escape(claim.verdict.label)}. {escape(claim.summary)}</p>\n"
        f'<p><a href="{escape(url)}">Lire la vérification corrigée</a></p>'
    )


def correction_entry(logged, zone: ZoneInfo) -> feeds.FeedEntry:
    """The feed entry of one logged correction (assembly.Logged); its id is the
    address of the correction on the claim's page, stable from build to build."""
    page = logged.page
    url = f"{page.share.url}#{logged.anchor}"
    when = correction_moment(logged.correction.date, zone)
    return feeds.FeedEntry(
        id=url,
        title=correction_title(logged),
        link=url,
        slug=page.slug,
        summary=logged.correction.note,
        content_html=correction_html(logged, url),
        categories=categories(page),
        published=when,
        updated=when,
    )
