"""The « S'abonner » pages: how to follow all Paris, a district or a topic, in French."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, build_site

SITE = "https://campagne.example.org"
CHANNELS = [{"name": "Canal Telegram de la campagne", "url": "https://t.me/exemple"}]
EXTRAS = [
    {
        "title": "Agenda du secteur (iCalendar)",
        "url": "flux/arrondissements/{slug}.ics",
        "description": "les réunions dans votre agenda",
        "scopes": ["district"],
    }
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("subscribe") / "output"
    return build_site(
        FIXTURES / "site",
        output,
        SITEURL=SITE,
        RELATIVE_URLS=False,
        CAMPAIGN_CHANNELS=CHANNELS,
        CAMPAIGN_FOLLOW_EXTRAS=EXTRAS,
    )


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_district_page_explains_feeds_and_lists_addresses_to_copy(built):
    page = soup(built, "arrondissements/19e/abonner/index.html")
    assert page.html["lang"] == "fr"
    assert page.h1.text == "Suivre le 19e arrondissement"
    assert page.find("h2", string="Qu’est-ce qu’un flux\u202f?")
    addresses = [code.text for code in page.select(".follow__address code")]
    assert addresses == [
        f"{SITE}/flux/arrondissements/19e.rss.xml",
        f"{SITE}/flux/arrondissements/19e.atom.xml",
        f"{SITE}/flux/arrondissements/19e.json",
    ]
    assert (built / "flux/arrondissements/19e.rss.xml").exists()
    copy = page.select("button[data-copy]")
    assert [page.find(id=b["data-copy"]).text for b in copy] == addresses


def test_extras_and_channels_come_from_settings_where_they_apply(built):
    district = soup(built, "arrondissements/19e/abonner/index.html")
    [agenda] = district.select("#autres ~ ul a")
    assert agenda["href"] == f"{SITE}/flux/arrondissements/19e.ics"
    assert district.select_one("#canaux ~ ul a")["href"] == "https://t.me/exemple"
    topic = soup(built, "sujets/transports/abonner/index.html")
    assert topic.h1.text == "Suivre le sujet « Transports »"
    assert not topic.select("#autres")  # the calendar is for districts only
    assert (
        topic.select_one(".follow__address code").text == f"{SITE}/flux/sujets/transports.rss.xml"
    )
    everywhere = soup(built, "abonner/index.html")
    assert everywhere.select_one(".follow__address code").text == f"{SITE}/flux/tout.rss.xml"


def test_no_extra_section_when_nothing_is_plugged_in(production_site):
    page = soup(production_site, "arrondissements/19e/abonner/index.html")
    assert not page.select("#autres") and not page.select("#canaux")


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("arrondissements/19e/index.html", "arrondissements/19e/abonner/"),
        ("arrondissements/19e/partager/index.html", "arrondissements/19e/abonner/"),
        ("partager/index.html", "abonner/"),
        ("sujets/transports/index.html", "sujets/transports/abonner/"),
    ],
)
def test_every_feed_block_leads_first_to_its_subscribe_page(built, path, target):
    block = soup(built, path).select_one(".follow-block")
    first = block.find("a")
    assert first.text == "S’abonner" and first["href"] == f"{SITE}/{target}"
