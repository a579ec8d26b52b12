"""Feeds clean for every reader: absolute links inside items, distinct `updated`
stamps (the two warnings the W3C feed validator gave on a publish build)."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser

from campaign.sharing.feeds import FeedEntry, FeedSpec, absolute_links, build_atom, distinct_updates

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
