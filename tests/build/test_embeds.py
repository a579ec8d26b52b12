"""Tier 3: the verdict cards to embed (/vrai-du-faux/<slug>/integrer/) and their code."""

import html

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from test_sitemap import locations

from conftest import FIXTURES, ROOT, build_site, indexed
from test_build import PUBLISHED, UNPUBLISHED, soup

SITE = "https://campagne.example.org"


def card(site, slug: str) -> tuple[BeautifulSoup, int]:
    path = site / "vrai-du-faux" / slug / "integrer" / "index.html"
    data = path.read_bytes()
    return BeautifulSoup(data.decode("utf-8"), "html.parser"), len(data)


@pytest.mark.parametrize("slug", PUBLISHED)
def test_card_is_tiny_self_contained_and_leads_with_the_verdict(production_site, slug):
    page, size = card(production_site, slug)
    claim = soup(production_site, f"vrai-du-faux/{slug}")
    assert size < 4096
    assert page.html["lang"] == "fr"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not page.find_all(["script", "link", "img", "iframe", "object", "embed"])
    assert not page.find_all(src=True) and "@import" not in page.style.string
    assert "url(" not in page.style.string  # no font, no image from anywhere
    [link] = page.find_all("a")
    assert link["href"].startswith(f"{SITE}/vrai-du-faux/{slug}/?utm_source=integration")
    assert link["target"] == "_blank"
    texts = [p.get_text(" ", strip=True) for p in page.select("main > *")]
    verdict = claim.select_one(".conclusion .verdict").get_text(" ", strip=True)
    assert texts[0] == verdict  # word and « n sur 5 », the gauge drawn beside
    assert texts[1] == claim.select_one(".conclusion .summary").get_text(strip=True)
    quoted = claim.select_one(".quote blockquote").get_text(strip=True)
    assert texts[2].startswith("Ce qui a été dit") and quoted in texts[2]


def test_claim_page_offers_the_iframe_code_of_its_own_card(production_site):
    page = soup(production_site, "vrai-du-faux/logements-sociaux-13e")
    details = page.select_one("details.embed")
    assert details.summary.get_text() == "Intégrer ce verdict"
    area = details.textarea
    assert area.has_attr("readonly")
    assert details.find("label")["for"] == area["id"]
    [frame] = BeautifulSoup(html.unescape(area.decode_contents()), "html.parser").find_all(True)
    assert frame.name == "iframe"
    assert frame["src"] == f"{SITE}/vrai-du-faux/logements-sociaux-13e/integrer/"
    assert frame["title"].startswith("Verdict « Plutôt faux »")


def test_cards_are_neither_listed_nor_searchable_nor_made_for_unpublished_claims(
    production_site, preview_site
):
    assert not [url for url in locations(production_site) if "/integrer/" in url]
    assert not [url for url in indexed(production_site) if "/integrer/" in url]
    for slug in UNPUBLISHED:
        assert (preview_site / "vrai-du-faux" / slug / "index.html").exists()
        assert not (preview_site / "vrai-du-faux" / slug / "integrer").exists()
        assert not soup(preview_site, f"vrai-du-faux/{slug}").select("details.embed")


def test_the_preview_has_no_card_and_says_where_the_code_is(preview_site):
    """Copied from a preview, the code would point other sites at this machine."""
    for slug in PUBLISHED:
        assert not (preview_site / "vrai-du-faux" / slug / "integrer").exists()
    page = soup(preview_site, "vrai-du-faux/logements-sociaux-13e")
    assert not page.select("details.embed, textarea")
    assert "site publié" in page.select_one("p.embed[role=note]").get_text()


def test_a_preview_drops_the_cards_an_earlier_build_left(tmp_path):
    output = build_site(FIXTURES / "site", tmp_path / "output")
    assert (output / "vrai-du-faux/logements-sociaux-13e/integrer/index.html").exists()
    build_site(FIXTURES / "site", output, CAMPAIGN_EMBEDS=False)
    assert not (output / "vrai-du-faux/logements-sociaux-13e/integrer").exists()
    assert (output / "vrai-du-faux/logements-sociaux-13e/index.html").exists()


def test_only_the_published_site_has_cards():
    assert read_settings(str(ROOT / "pelicanconf.py"))["CAMPAIGN_EMBEDS"] is False
    assert read_settings(str(ROOT / "publishconf.py"))["CAMPAIGN_EMBEDS"] is True
