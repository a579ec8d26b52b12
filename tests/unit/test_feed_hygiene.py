"""Feeds clean for every reader: absolute links inside items, distinct `updated`
stamps (the two warnings the W3C feed validator gave on a publish build)."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, datetime
from xml.etree import ElementTree

import feedparser

from campaign.sharing.feeds import (
    FeedEntry,
    FeedSpec,
    absolute_links,
    build_atom,
    build_rss,
    distinct_updates,
)

PAGE = "https://exemple.fr/actualites/bilan/"
MOMENT = datetime(2026, 11, 19, 8, 0, tzinfo=UTC)


def test_relative_links_and_images_become_absolute():
    html = (
        "<p><a href=\"/contact/\">Contact</a> <a href='#note'>note</a> "
        '<img src="../images/x.png" alt=""> <a href="mailto:a@b.fr">écrire</a> '
        '<a href="https://autre.fr/">ailleurs</a></p>'
    )
    out = absolute_links(html, PAGE)
    assert 'href="https://exemple.fr/contact/"' in out
    assert "href='https://exemple.fr/actualites/bilan/#note'" in out
    assert 'src="https://exemple.fr/actualites/images/x.png"' in out
    assert 'href="mailto:a@b.fr"' in out and 'href="https://autre.fr/"' in out


def entry(slug: str, updated: datetime) -> FeedEntry:
    return FeedEntry(
        id=f"https://exemple.fr/{slug}/",
        title=slug,
        link=f"https://exemple.fr/{slug}/",
        slug=slug,
        summary="Résumé.",
        content_html="<p>Texte.</p>",
        categories=(),
        published=MOMENT,
        updated=updated,
    )


def test_no_two_entries_share_an_updated_stamp_and_the_result_is_stable():
    entries = [entry("a", MOMENT), entry("b", MOMENT), entry("c", MOMENT)]
    stamps = [e.updated for e in distinct_updates(entries)]
    assert len(set(stamps)) == 3 and min(stamps) == MOMENT
    assert distinct_updates(list(reversed(entries))) == distinct_updates(entries)
    spec = FeedSpec("Tout", "", "https://exemple.fr", "flux/tout", "campagne")
    feed = feedparser.parse(build_atom(spec, entries))
    assert len({e.updated for e in feed.entries}) == 3


SHARE_TEXT = "Faux : 5 < 6 & <galerie> ]]> <!-- “ok” 🎤 #Paris"


def test_rss_description_is_plain_text_every_reader_reads_back():
    """RSS 2.0 readers take <description> as HTML: the share text went in escaped
    once, so « <galerie> » vanished as a tag and « <!-- » hid the rest (the W3C
    validator: NotHtml). Escaped as HTML, it reads back as written."""
    spec = FeedSpec("Tout", "", "https://exemple.fr", "flux/tout", "campagne")
    hostile = replace(entry("a", MOMENT), summary=SHARE_TEXT)
    data = build_rss(spec, [hostile])
    [item] = ElementTree.fromstring(data).iter("item")
    description = item.findtext("description")
    assert "<" not in description and html.unescape(description) == SHARE_TEXT
    read = feedparser.parse(data).entries[0]  # HTML, as the reader shows it
    assert read.summary_detail.type == "text/html"
    assert html.unescape(read.summary) == SHARE_TEXT
    # Atom says its summary is text (RFC 4287): written as is.
    assert feedparser.parse(build_atom(spec, [hostile])).entries[0].summary == SHARE_TEXT
