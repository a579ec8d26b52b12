"""Tier 3: the districts' landing pages, map and links in a build (lookup and map layout:
unit/test_district_lookup.py)."""

import pytest
from bs4 import BeautifulSoup

from test_build import claim_links, soup


@pytest.mark.parametrize(
    "slug, local",
    [
        ("paris-centre", ["metro-paris-centre", "cantines-19e"]),  # metro names "3"
        ("13e", ["logements-sociaux-13e"]),  # its draft sibling is not listed
        ("19e", ["cantines-19e"]),
    ],
)
def test_district_page_lists_exactly_its_claims(site, slug, local):
    page = soup(site, f"arrondissements/{slug}")
    assert claim_links(page.select_one("#verifications-locales").parent) == local


def test_district_page_has_its_posts_city_wide_items_and_team(site):
    page = soup(site, "arrondissements/19e")
    local_posts = page.select_one("#actualites-locales").parent
    assert [a.text for a in local_posts.select(".card__title a")] == [
        "Réunion publique dans le 19e"
    ]
    citywide = page.select_one("#tout-paris").parent
    assert claim_links(citywide) == ["velo-tout-paris"]
    assert "Notre programme" in citywide.get_text()
    team = soup(site, "arrondissements/13e").select_one(".district-team")
    assert "Prénom Fictif" in team.text
    assert team.find("a", href="mailto:referent-13@example.org")


def test_map_links_every_district_and_marks_the_current_one(site):
    page = soup(site, "arrondissements/13e")
    links = page.select(".district-map a")
    assert [a["aria-label"] for a in links] == [
        "Paris Centre",
        "13e arrondissement (vous êtes ici)",
        "19e arrondissement",
    ]
    [current] = page.select('.district-map a[aria-current="page"]')
    assert current["href"].endswith("arrondissements/13e/")


def test_claim_page_links_its_districts(site):
    page = soup(site, "vrai-du-faux/cantines-19e")
    links = page.select(".item-meta a[href*=arrondissements]")
    assert [a.text for a in links] == ["19e arrondissement", "Paris Centre"]


def test_district_index_lists_all_districts(site):
    page = BeautifulSoup((site / "arrondissements/index.html").read_text(), "html.parser")
    assert len(page.select(".districts li")) == 3
    assert len(page.select(".district-map a")) == 3
