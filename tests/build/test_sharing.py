"""Tier 3: feeds, share kits, share blocks and social cards in a production build."""

import html
import io
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from campaign.sharing.share import LINK_WEIGHT, X_LIMIT

from conftest import build_site, copy_fixture

SITE = "https://campagne.example.org"
FEEDS = [
    "tout",
    "vrai-du-faux",
    "actualites",
    "arrondissements/paris-centre",
    "arrondissements/13e",
    "arrondissements/19e",
    "sujets/logement",
    "sujets/transports",
    "sujets/ecoles",
    "fiches",
    *[f"verdicts/{v}" for v in "vrai plutot-vrai trompeur plutot-faux faux inverifiable".split()],
]


def parse(site, name, fmt):
    feed = feedparser.parse((site / "flux" / f"{name}.{fmt}.xml").read_bytes())
    assert not feed.bozo, (name, fmt, feed.get("bozo_exception"))
    return feed


def slugs(feed) -> list[str]:
    return [entry.id.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries]


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_parses_in_both_formats_and_json(production_site, name):
    rss, atom = parse(production_site, name, "rss"), parse(production_site, name, "atom")
    assert slugs(rss) == slugs(atom)
    assert (production_site / "flux" / f"{name}.json").exists()


def test_feed_items_carry_share_text_tagged_links_categories_and_card(production_site):
    atom = parse(production_site, "tout", "atom")
    assert slugs(atom) == [
        # Today's calls to action (dated by their day) and the events to come (by
        # their announcement) go out in the feeds too.
        "#action-cantines-19e-aujourdhui",
        "#action-velo-semaine",
        "meeting-tout-paris",
        "reunion-logement-19e",
        "logement",  # the sheet derived from the claim below: same dates, id first
        "logements-sociaux-13e",
        "transports",  # a written sheet
        "reunion-19e",
        "metro-paris-centre",
        "ecoles",
        "cantines-19e",
        "programme",
        "velo-tout-paris",
    ]
    entry = atom.entries[5]
    query = parse_qs(urlsplit(entry.link).query)
    assert query == {
        "utm_source": ["atom"],
        "utm_medium": ["flux"],
        "utm_campaign": ["municipales-2026"],
        "utm_content": ["logements-sociaux-13e"],
    }
    assert entry.id == f"{SITE}/vrai-du-faux/logements-sociaux-13e/"
    assert entry.summary.startswith("Plutôt faux")
    assert "#Logement13" in entry.summary and "#ParisPasserelles" in entry.summary
    assert {t.term for t in entry.tags} == {"Logement", "13e arrondissement", "Plutôt faux"}
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href == f"{SITE}/images/cartes/logements-sociaux-13e.png"
    # The newest change (here the day of the latest call to action), not the clock.
    assert atom.feed.updated.startswith("2026-11-22T00:00")


def test_share_texts_fit_an_x_post_with_the_link(production_site):
    for entry in parse(production_site, "tout", "rss").entries:
        text = html.unescape(entry.summary)  # RSS descriptions are HTML
        assert len(text) + 1 + LINK_WEIGHT <= X_LIMIT


def test_district_feed_has_local_and_city_wide_items_only(production_site):
    assert slugs(parse(production_site, "arrondissements/13e", "rss")) == [
        "#action-velo-semaine",  # for all Paris; the 19e's action is not here
        "meeting-tout-paris",  # for all Paris; the 19e's event is not here
        "logement",
        "logements-sociaux-13e",
        "transports",
        "ecoles",
        "programme",
        "velo-tout-paris",
    ]


def test_cards_are_1200_by_630_pngs(production_site):
    for entry in parse(production_site, "tout", "rss").entries:
        path = urlsplit(entry.enclosures[0].href).path
        image = Image.open(io.BytesIO((production_site / path.lstrip("/")).read_bytes()))
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert (
            int(entry.enclosures[0].length) == (production_site / path.lstrip("/")).stat().st_size
        )


def test_claim_page_share_block_and_open_graph(production_site):
    page = BeautifulSoup(
        (production_site / "vrai-du-faux/logements-sociaux-13e/index.html").read_text(),
        "html.parser",
    )
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.find_all("meta")}
    assert meta["og:image"] == f"{SITE}/images/cartes/logements-sociaux-13e.png"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"].startswith("Plutôt faux\u00a0: 25,6")  # truth first
    assert meta["twitter:card"] == "summary_large_image"
    links = {a.text: a["href"] for a in page.select(".share__link")}
    assert list(links) == [
        "X",
        "Facebook",
        "WhatsApp",
        "Telegram",
        "Bluesky",
        "Threads",
        "LinkedIn",
        "Mastodon",
        "E-mail",
    ]
    x = parse_qs(urlsplit(links["X"]).query)
    assert x["url"] == [
        f"{SITE}/vrai-du-faux/logements-sociaux-13e/?utm_source=x&utm_medium=partage"
        "&utm_campaign=municipales-2026&utm_content=logements-sociaux-13e"
    ]
    assert x["text"][0].startswith("Plutôt faux")
    assert page.select_one("a[download]")["href"].endswith(
        "images/cartes/logements-sociaux-13e.png"
    )


def test_share_kit_puts_pinned_items_first(production_site):
    page = BeautifulSoup((production_site / "partager/index.html").read_text(), "html.parser")
    priority = [a.text for a in page.select(".priority .kit-item .kit-item__title a")]
    assert priority == ["Plutôt faux\u00a0: le parc social du 13e a augmenté"]  # truth first
    # Fact-checks stay; news older than CAMPAIGN_SHARE_MAX_AGE (both posts, dated
    # months before the build's moment) has left the kit by itself.
    latest = page.select("#recents ~ .kit-item .kit-item__title a")
    assert len(latest) == 3
    assert not page.select("a[href$='/actualites/reunion-19e/']")
    local = BeautifulSoup(
        (production_site / "arrondissements/19e/partager/index.html").read_text(), "html.parser"
    )
    mine = [a["href"] for a in local.select("#local ~ .kit-item--local .kit-item__title a")]
    assert mine == [f"{SITE}/vrai-du-faux/cantines-19e/"]
    assert [p.text for p in local.select(".kit-item--local .kit-item__where")] == ["Pour : 19e"]
    titles = [a.text for a in local.select(".kit-item__title a")]
    assert "Plutôt faux\u00a0: le parc social du 13e a augmenté" not in titles


def test_unpublished_items_are_in_no_feed_card_or_kit(production_site):
    for path in production_site.rglob("*"):
        if path.suffix in (".xml", ".json", ".html", ".png"):
            assert "brouillon" not in path.name and "embargo" not in path.name
            if path.suffix != ".png":
                text = path.read_text(encoding="utf-8")
                assert "brouillon-logement" not in text and "embargo-logement" not in text


def test_cards_are_drawn_once_then_reused(tmp_path):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "output")
    cache = tmp_path / "output-cache" / "cartes"
    first = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    assert len(first) == 12  # 4 claims, 2 posts, 3 sheets, 3 published events
    claim = content / "claims" / "velo-tout-paris.md"
    claim.write_text(claim.read_text().replace("verdict: vrai", "verdict: plutot-vrai"))
    build_site(content, tmp_path / "output")
    second = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}
    assert len(second) == 13  # one new card for the edited claim (the old one kept a while)
    assert all(second[name] == mtime for name, mtime in first.items())


def test_feed_content_holds_the_claim_verdict_and_sources(production_site):
    [entry] = [e for e in parse(production_site, "tout", "rss").entries if "13e" in e.title]
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert "Le 13e a perdu 2 000 logements sociaux depuis 2020." in content.blockquote.text
    assert "Verdict : Plutôt faux (2 sur 5)." in content.strong.text
    assert content.find("a", href="https://www.example.org/inventaire-sru")
    assert content.find("a", string="Lire sur le site")["href"] == (
        f"{SITE}/vrai-du-faux/logements-sociaux-13e/"
    )


def test_feeds_follow_the_w3c_validator_rules(production_site):
    """What the W3C feed validator checks, asserted offline on the XML itself."""
    import xml.etree.ElementTree as ET

    atom_ns = "{http://www.w3.org/2005/Atom}"
    for name in FEEDS:
        rss = ET.parse(production_site / "flux" / f"{name}.rss.xml").getroot()
        channel = rss.find("channel")
        for tag in ("title", "link", "description", "lastBuildDate"):
            assert channel.find(tag) is not None and channel.find(tag).text, (name, tag)
        [self_link] = channel.findall(f"{atom_ns}link")
        assert self_link.get("rel") == "self" and self_link.get("type") == "application/rss+xml"
        assert self_link.get("href") == f"{SITE}/flux/{name}.rss.xml"
        for item in channel.findall("item"):
            assert item.find("guid").text.startswith(SITE)
            assert item.find("pubDate").text[-5:] in ("+0100", "+0200")
            enclosure = item.find("enclosure")
            assert int(enclosure.get("length")) > 0 and enclosure.get("type") == "image/png"
        atom = ET.parse(production_site / "flux" / f"{name}.atom.xml").getroot()
        assert atom.find(f"{atom_ns}id").text == f"{SITE}/flux/{name}.atom.xml"
        assert atom.find(f"{atom_ns}updated") is not None
        assert atom.find(f"{atom_ns}author/{atom_ns}name").text
        rels = [link.get("rel") for link in atom.findall(f"{atom_ns}link")]
        assert rels.count("self") == 1 and rels.count("alternate") == 1
        for entry in atom.findall(f"{atom_ns}entry"):
            assert len(entry.findall(f"{atom_ns}updated")) == 1
            assert entry.find(f"{atom_ns}id").text.startswith("https://")
            links = {link.get("rel"): link for link in entry.findall(f"{atom_ns}link")}
            assert set(links) == {"alternate", "enclosure"}
            assert links["enclosure"].get("type") == "image/png"
            assert entry.find(f"{atom_ns}content").get("type") == "html"


@pytest.mark.parametrize("name", ["verdicts/plutot-vrai", "promesses"])
def test_an_empty_feed_is_dated_by_the_sites_latest_change(production_site, name):
    """A feed with no item yet was dated 1 January 1970 (the W3C validator:
    ImplausibleDate; readers show « updated 56 years ago »). It takes the latest
    change of the site's published content, as `tout` does: never the clock."""
    tout = parse(production_site, "tout", "atom").feed.updated
    atom, rss = parse(production_site, name, "atom"), parse(production_site, name, "rss")
    assert not atom.entries and not rss.entries
    assert atom.feed.updated == tout == "2026-11-22T00:00:00+01:00"
    assert rss.feed.updated == "Sun, 22 Nov 2026 00:00:00 +0100"
