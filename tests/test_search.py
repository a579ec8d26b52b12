"""Tier 3: the search index and the search page of a full build."""

import gzip
import json

from bs4 import BeautifulSoup

from conftest import FIXTURES, build_site
from test_build import PUBLISHED, UNPUBLISHED, soup

POSTS = ["programme", "reunion-19e"]


def indexed(site) -> dict[str, dict]:
    """Pagefind's record of every indexed page, by URL (fragments are gzipped JSON)."""
    records = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record
    return records


def test_index_holds_exactly_the_published_claims_posts_and_sheets(site):
    expected = {f"/vrai-du-faux/{slug}/" for slug in PUBLISHED}
    expected |= {f"/actualites/{slug}/" for slug in POSTS}
    expected |= {f"/fiches/{topic}/" for topic in ("logement", "transports", "ecoles")}
    assert set(indexed(site)) == expected


def test_each_claim_is_indexed_with_its_verdict_topics_and_districts(site):
    record = indexed(site)["/vrai-du-faux/cantines-19e/"]
    assert record["meta"]["title"] == "Toutes les cantines du 19e servent 50 % de bio."
    assert record["filters"] == {
        "verdict": ["Invérifiable"],
        "sujet": ["Écoles"],
        "arrondissement": ["19e arrondissement", "Paris Centre"],
    }
    assert "Les données ne sont publiées" in record["content"]
    assert "Partager" not in record["content"]  # the share block is left out


def test_a_city_wide_item_is_filed_under_tout_paris(site):
    assert indexed(site)["/vrai-du-faux/velo-tout-paris/"]["filters"]["arrondissement"] == [
        "Tout Paris"
    ]


def test_only_the_search_script_and_the_index_are_shipped(site):
    names = {path.name for path in (site / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.fr.pagefind"} <= names
    assert not [name for name in names if "ui" in name or "highlight" in name]


def test_previewed_drafts_are_never_indexed(preview_site):
    for slug in UNPUBLISHED:
        page = soup(preview_site, f"vrai-du-faux/{slug}")
        assert page.select_one(".draft")
        assert not page.select("[data-pagefind-body]")
    urls = set(indexed(preview_site))
    assert not any(slug in url for url in urls for slug in UNPUBLISHED)
    assert "/vrai-du-faux/velo-tout-paris/" in urls


def test_an_unpublished_page_left_in_the_output_is_not_indexed(tmp_path):
    """Preview output is kept between builds: a file unpublished since stays out."""
    output = tmp_path / "output"
    build_site(FIXTURES / "site", output)
    stale = output / "vrai-du-faux" / "retire" / "index.html"
    stale.parent.mkdir()
    stale.write_text((output / "vrai-du-faux/velo-tout-paris/index.html").read_text())
    build_site(FIXTURES / "site", output)
    assert "/vrai-du-faux/retire/" not in indexed(output)


def test_search_page_offers_links_to_browse_and_a_labelled_form(site):
    page = soup(site, "recherche")
    assert page.html["lang"] == "fr"
    form = page.select_one("form[role=search]")
    labels = {label["for"] for label in form.select("label")}
    assert labels == {field["id"] for field in form.select("input, select")}
    browse = [a["href"] for a in page.select(".browse a")]
    assert {"../vrai-du-faux/", "../sujets/", "../arrondissements/"} <= set(browse)
    [script] = page.select("script[src]")
    assert script["type"] == "module" and script["src"] == "../theme/js/search.js"


def test_every_page_links_to_search_and_privacy(site):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("a", string="Rechercher")["href"] == "./recherche/"
    assert home.find("a", string="Confidentialité")["href"] == "./confidentialite/"
    privacy = soup(site, "confidentialite")
    assert "aucun cookie" in privacy.get_text()
