"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 as bytes: data in, data out, never the clock.

feedgen 1.0.0 traps handled here:
- `add_entry()` prepends by default: entries are added with order="append".
- the feed and every entry default `updated` to now: both are always set.
- Atom entry links lose rel, type and length (lkiesow/python-feedgen#135): Atom
  entry links are written by `AtomLinks` below, never through `FeedEntry.link`.
- `media.content()` wraps in `<media:group>` unless given group=None.
- the Atom generator tag carries feedgen's version: a fixed one is set.
- the RSS channel `<link>` is the last feed link added: the home page goes last.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin

from feedgen.entry import FeedEntry as FeedgenEntry
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .share import tagged_url

FEED_MEDIUM = "flux"
GENERATOR = "campaign"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# `updated` of a feed with no entry, unless its spec says otherwise: fixed, not now.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)
SUFFIXES = {"rss": ".rss.xml", "atom": ".atom.xml", "json": ".json"}
MEDIA_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
CARD_TYPE = "image/png"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed; `link` is the plain canonical URL, tagged per format here."""

    id: str
    title: str
    link: str
    slug: str
    summary: str
    content_html: str
    categories: tuple[str, ...]
    published: datetime
    updated: datetime
    image_url: str = ""
    image_length: int = 0
    image_width: int = 1200
    image_height: int = 630
    image_alt: str = ""


@dataclass(frozen=True)
class FeedSpec:
    """One feed; `path` is its URL path without extension, e.g. "flux/tout"."""

    title: str
    description: str
    site_url: str
    path: str
    campaign: str
    language: str = "fr"
    author: str = ""
    empty_updated: datetime = EMPTY_FEED_UPDATED

    @property
    def home_url(self) -> str:
        return self.site_url + "/"


class AtomLinks(BaseEntryExtension):
    """Atom entry `<link>` elements written with all their attributes (feedgen#135)."""

    def __init__(self) -> None:
        self.links: list[dict[str, str]] = []

    def add(self, **attributes: str) -> None:
        self.links.append({k: v for k, v in attributes.items() if v})

    def extend_atom(self, entry):
        for attributes in self.links:
            xml_elem("link", entry, **attributes)
        return entry


def feed_url(spec: FeedSpec, fmt: str) -> str:
    """Absolute URL of the feed in format "rss", "atom" or "json"."""
    return f"{spec.site_url}/{spec.path}{SUFFIXES[fmt]}"


def entries_newest_first(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    """Newest published first; ties broken by id so the order never depends on input."""
    by_id = sorted(entries, key=lambda e: e.id)
    return sorted(by_id, key=lambda e: (e.published, e.updated), reverse=True)


def distinct_updates(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """The entries with no two `updated` stamps alike (feed validators warn, and
    readers take equal stamps for one change): a later entry in newest-first order
    sharing a stamp gets the next free second. Same entries, same stamps."""
    taken: set[datetime] = set()
    result = []
    for entry in entries_newest_first(entries):
        updated = entry.updated
        while updated in taken:
            updated += timedelta(seconds=1)
        taken.add(updated)
        result.append(entry if updated == entry.updated else replace(entry, updated=updated))
    return result


# href="…" and src="…" in HTML, quoted either way.
_REFERENCE = re.compile(r"""(\b(?:href|src)=)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def absolute_links(html: str, base: str) -> str:
    """Every link and image of an item's HTML made absolute against the page's address:
    a feed reader has no page to resolve "/contact/" or "#note" against."""

    def absolute(match: re.Match) -> str:
        attribute, quote, reference = match.groups()
        if _SCHEME.match(reference.strip()):
            return match.group(0)
        return f"{attribute}{quote}{urljoin(base, reference.strip())}{quote}"

    return _REFERENCE.sub(absolute, html)


def feed_updated(spec: FeedSpec, entries: Sequence[FeedEntry]) -> datetime:
    """The latest entry update, or the spec's fixed date for an empty feed."""
    return max((e.updated for e in entries), default=spec.empty_updated)


def entry_url(spec: FeedSpec, entry: FeedEntry, fmt: str) -> str:
    return tagged_url(entry.link, fmt, FEED_MEDIUM, spec.campaign, entry.slug)


def build_rss(spec: FeedSpec, entries: Sequence[FeedEntry]) -> bytes:
    entries = distinct_updates(entries)  # newest first, no two stamps alike
    fg = _feed(spec, entries, "rss")
    for entry in entries:
        fe = _entry(fg, entry)
        # RSS readers take <description> as HTML: the plain share text is escaped
        # as HTML (then as XML), or « <b> » would vanish and « <!-- » hide the rest.
        fe.description(html.escape(entry.summary, quote=False), isSummary=True)
        fe.link(href=entry_url(spec, entry, "rss"), rel="alternate")
        if entry.image_url:
            fe.enclosure(entry.image_url, str(entry.image_length), CARD_TYPE)
    return fg.rss_str(pretty=True)


def build_atom(spec: FeedSpec, entries: Sequence[FeedEntry]) -> bytes:
    entries = distinct_updates(entries)  # newest first, no two stamps alike
    fg = _feed(spec, entries, "atom")
    for entry in entries:
        fe = _entry(fg, entry)
        fe.summary(entry.summary)  # type="text" by default: written as is
        fe.atom_links.add(href=entry_url(spec, entry, "atom"), rel="alternate", type="text/html")
        if entry.image_url:
            fe.atom_links.add(
                href=entry.image_url,
                rel="enclosure",
                type=CARD_TYPE,
                length=str(entry.image_length or ""),
                title=entry.image_alt,
            )
    return fg.atom_str(pretty=True)


def _feed(spec: FeedSpec, entries: Sequence[FeedEntry], fmt: str) -> FeedGenerator:
    """A feedgen feed with every clock-dependent or versioned default overridden."""
    fg = FeedGenerator()
    fg.load_extension("media")
    fg.register_extension("atom_links", BaseExtension, AtomLinks, atom=True, rss=False)
    fg.id(feed_url(spec, fmt))
    fg.title(spec.title)
    fg.description(spec.description or spec.title)
    fg.link(href=feed_url(spec, fmt), rel="self", type=MEDIA_TYPES[fmt])
    fg.link(href=spec.home_url, rel="alternate", type="text/html")  # last: RSS <link>
    fg.language(spec.language)
    fg.author(name=spec.author or spec.title)  # Atom requires an author
    fg.generator(GENERATOR)
    fg.updated(feed_updated(spec, entries))
    return fg


def _entry(fg: FeedGenerator, entry: FeedEntry) -> FeedgenEntry:
    """The fields RSS and Atom share; links differ and are added by the caller."""
    fe = fg.add_entry(order="append")
    fe.guid(entry.id, permalink=entry.id.startswith(("https://", "http://")))
    fe.title(entry.title)
    fe.content(entry.content_html, type="html")
    fe.category([{"term": name} for name in dict.fromkeys(entry.categories)])
    fe.published(entry.published)
    fe.updated(entry.updated)
    if entry.image_url:
        fe.media.content(group=None, **_media_attributes(entry))
    return fe


def _media_attributes(entry: FeedEntry) -> dict[str, str]:
    attributes = {
        "url": entry.image_url,
        "fileSize": str(entry.image_length or ""),
        "type": CARD_TYPE,
        "medium": "image",
        "width": str(entry.image_width or ""),
        "height": str(entry.image_height or ""),
    }
    return {k: v for k, v in attributes.items() if v}


def build_json(spec: FeedSpec, entries: Sequence[FeedEntry]) -> bytes:
    entries = distinct_updates(entries)  # newest first, no two stamps alike
    feed = {
        "version": JSON_FEED_VERSION,
        "title": spec.title,
        "home_page_url": spec.home_url,
        "feed_url": feed_url(spec, "json"),
        "description": spec.description,
        "language": spec.language,
        "authors": [{"name": spec.author}] if spec.author else [],
        "items": [_json_item(spec, entry) for entry in entries],
    }
    feed = {k: v for k, v in feed.items() if v or k == "items"}
    return (json.dumps(feed, ensure_ascii=False) + "\n").encode("utf-8")  # compact: C speed


def _json_item(spec: FeedSpec, entry: FeedEntry) -> dict:
    item = {
        "id": entry.id,
        "url": entry_url(spec, entry, "json"),
        "title": entry.title,
        "summary": entry.summary,
        "content_html": entry.content_html,
        "image": entry.image_url,
        "date_published": entry.published.isoformat(),
        "date_modified": entry.updated.isoformat(),
        "tags": list(dict.fromkeys(entry.categories)),
    }
    return {k: v for k, v in item.items() if v or k == "content_html"}
