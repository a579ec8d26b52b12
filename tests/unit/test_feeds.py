"""Feed builders: RSS 2.0 and Atom 1.0 read back with feedparser, JSON Feed with json."""

from __future__ import annotations

import calendar
import json
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from campaign.sharing.feeds import (
    EMPTY_FEED_UPDATED,
    FeedEntry,
    FeedSpec,
    build_atom,
    build_json,
    build_rss,
)

PARIS = timezone(timedelta(hours=1))
SITE = "https://exemple.fr"
SPEC = FeedSpec(
    title="Le vrai du faux",
    description="Nos vérifications",
    site_url=SITE,
    path="flux/tout",
    campaign="municipales-2026",
    author="Équipe de campagne",
)
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"


def entry(slug: str, day: int, **changes) -> FeedEntry:
    url = f"{SITE}/vrai-du-faux/{slug}/"
    fields = dict(
        id=url,
        title=f"Titre {slug}",
        link=url,
        slug=slug,
        summary=f"Plutôt faux : texte à partager {slug} #Logement",
        content_html=f"<p>Analyse <strong>{slug}</strong> &amp; sources</p>",
        categories=("Logement", "13e", "Plutôt faux"),
        published=datetime(2026, 3, day, 9, 30, tzinfo=PARIS),
        updated=datetime(2026, 3, day, 18, 0, tzinfo=PARIS),
        image_url=f"{SITE}/images/cartes/{slug}.png",
        image_length=48213,
        image_alt=f"Carte {slug}",
    )
    return FeedEntry(**{**fields, **changes})


# Given out of order on purpose; "middle" was updated last.
ENTRIES = (
    entry("ancien", 1),
    entry("recent", 20),
    entry("milieu", 10, updated=datetime(2026, 3, 25, 8, 0, tzinfo=PARIS)),
)
ORDER = ["recent", "milieu", "ancien"]
NEWEST_UPDATE = datetime(2026, 3, 25, 8, 0, tzinfo=PARIS)


def parsed(build, entries=ENTRIES):
    result = feedparser.parse(build(SPEC, entries))
    assert not result.bozo, result.get("bozo_exception")
    return result


def as_utc_seconds(struct) -> int:
    return calendar.timegm(struct)


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture(params=[("rss", build_rss), ("atom", build_atom)], ids=["rss", "atom"])
def xml_feed(request):
    fmt, build = request.param
    return fmt, build, parsed(build)


def test_entries_come_newest_first(xml_feed):
    _, _, feed = xml_feed
    assert [e.title for e in feed.entries] == [f"Titre {slug}" for slug in ORDER]


def test_links_are_tagged_for_the_format(xml_feed):
    fmt, _, feed = xml_feed
    for slug, item in zip(ORDER, feed.entries, strict=True):
        assert item.link.startswith(f"{SITE}/vrai-du-faux/{slug}/?")
        assert query(item.link) == {
            "utm_source": fmt,
            "utm_medium": "flux",
            "utm_campaign": "municipales-2026",
            "utm_content": slug,
        }


def test_entry_fields(xml_feed):
    _, _, feed = xml_feed
    item = feed.entries[0]
    assert item.id == f"{SITE}/vrai-du-faux/recent/"
    assert item.summary == "Plutôt faux : texte à partager recent #Logement"
    assert item.content[0].value == "<p>Analyse <strong>recent</strong> &amp; sources</p>"
    assert [t.term for t in item.tags] == ["Logement", "13e", "Plutôt faux"]
    published = datetime(2026, 3, 20, 9, 30, tzinfo=PARIS)
    assert as_utc_seconds(item.published_parsed) == int(published.timestamp())


def test_card_is_an_enclosure_and_media_content(xml_feed):
    _, _, feed = xml_feed
    item = feed.entries[0]
    card = f"{SITE}/images/cartes/recent.png"
    [enclosure] = item.enclosures
    assert (enclosure.href, enclosure.type, enclosure.length) == (card, "image/png", "48213")
    [media] = item.media_content
    assert media["url"] == card
    assert (media["medium"], media["width"], media["height"]) == ("image", "1200", "630")


def test_feed_updated_is_the_newest_entry_update_not_now(xml_feed):
    _, _, feed = xml_feed
    assert as_utc_seconds(feed.feed.updated_parsed) == int(NEWEST_UPDATE.timestamp())


def test_self_and_home_links(xml_feed):
    fmt, _, feed = xml_feed
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{SITE}/flux/tout.{fmt}.xml"
    assert feed.feed.link == f"{SITE}/"


def test_atom_links_keep_rel_type_and_length():
    """feedgen 1.0.0 drops them on entry links (lkiesow/python-feedgen#135)."""
    root = ElementTree.fromstring(build_atom(SPEC, ENTRIES))
    links = root.find(f"{ATOM}entry").findall(f"{ATOM}link")
    by_rel = {link.get("rel"): link.attrib for link in links}
    assert set(by_rel) == {"alternate", "enclosure"}
    assert by_rel["enclosure"]["type"] == "image/png"
    assert by_rel["enclosure"]["length"] == "48213"
    assert by_rel["alternate"]["type"] == "text/html"
    assert root.find(f"{ATOM}id").text == f"{SITE}/flux/tout.atom.xml"


def test_media_content_sits_directly_in_the_item():
    for build, item in ((build_rss, "channel/item"), (build_atom, f"{ATOM}entry")):
        root = ElementTree.fromstring(build(SPEC, ENTRIES))
        assert root.find(f"{item}/{MEDIA}content") is not None
        assert root.find(f".//{MEDIA}group") is None


def test_rss_guid_is_a_permalink_only_for_urls():
    root = ElementTree.fromstring(build_rss(SPEC, [entry("a", 1), entry("b", 2, id="tag:b")]))
    guids = {g.text: g.get("isPermaLink") for g in root.iter("guid")}
    assert guids == {f"{SITE}/vrai-du-faux/a/": "true", "tag:b": "false"}


def test_rss_channel_fields():
    root = ElementTree.fromstring(build_rss(SPEC, ENTRIES))
    channel = root.find("channel")
    assert channel.findtext("link") == f"{SITE}/"
    assert channel.findtext("language") == "fr"
    assert channel.findtext("generator") == "campaign"
    assert channel.find(f"{ATOM}link").get("rel") == "self"


@pytest.mark.parametrize("build", [build_rss, build_atom, build_json])
def test_same_input_same_bytes(build):
    assert build(SPEC, ENTRIES) == build(SPEC, ENTRIES)
    assert build(SPEC, ENTRIES) == build(SPEC, tuple(reversed(ENTRIES)))


@pytest.mark.parametrize("build", [build_rss, build_atom])
def test_empty_feed_has_a_fixed_date(build):
    feed = parsed(build, entries=())
    assert feed.entries == []
    assert as_utc_seconds(feed.feed.updated_parsed) == int(EMPTY_FEED_UPDATED.timestamp())
    assert build(SPEC, ()) == build(SPEC, [])


def test_empty_feed_date_comes_from_the_spec():
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    spec = FeedSpec("T", "D", SITE, "flux/vide", "c", empty_updated=fixed)
    assert b"<updated>2026-01-01T00:00:00+00:00</updated>" in build_atom(spec, ())


NASTY = '<script>alert("x")</script> & « Tom & Jerry »'


@pytest.mark.parametrize("build", [build_rss, build_atom])
def test_markup_in_titles_survives_as_text(build):
    data = build(SPEC, [entry("x", 1, title=NASTY, summary=NASTY)])
    assert b"<script>" not in data
    root = ElementTree.fromstring(data)
    titles = [el.text for el in root.iter() if el.tag in ("title", f"{ATOM}title")]
    assert NASTY in titles
    assert parsed(build, [entry("x", 1, title=NASTY)]).entries[0].title == NASTY


def json_feed(entries=ENTRIES) -> dict:
    return json.loads(build_json(SPEC, entries))


def test_json_feed_top_level():
    feed = json_feed()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == f"{SITE}/flux/tout.json"
    assert feed["home_page_url"] == f"{SITE}/"
    assert feed["language"] == "fr"
    assert feed["authors"] == [{"name": "Équipe de campagne"}]


def test_json_feed_items():
    items = json_feed()["items"]
    assert [item["title"] for item in items] == [f"Titre {slug}" for slug in ORDER]
    item = items[0]
    assert set(item) == {
        "id", "url", "title", "summary", "content_html", "image",
        "date_published", "date_modified", "tags",
    }  # fmt: skip
    assert item["id"] == f"{SITE}/vrai-du-faux/recent/"
    assert query(item["url"])["utm_source"] == "json"
    assert query(item["url"])["utm_content"] == "recent"
    assert item["image"] == f"{SITE}/images/cartes/recent.png"
    assert item["date_published"] == "2026-03-20T09:30:00+01:00"
    assert item["date_modified"] == "2026-03-20T18:00:00+01:00"
    assert item["tags"] == ["Logement", "13e", "Plutôt faux"]


def test_json_feed_keeps_markup_as_text_and_allows_no_items():
    assert json_feed([entry("x", 1, title=NASTY)])["items"][0]["title"] == NASTY
    assert json_feed(())["items"] == []
