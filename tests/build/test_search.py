"""Tier 3: the search index and the search page of a full build."""

import gzip
import os
import shutil
import time
from types import SimpleNamespace

from bs4 import BeautifulSoup
from pelican.settings import read_settings

from campaign.search import cbor
from campaign.search.pagefind import MARKER, SearchIndex, forget_unused

from conftest import FIXTURES, PART_PAGES, ROOT, build_site, indexed
from test_build import PUBLISHED, UNPUBLISHED, soup

POSTS = ["programme", "reunion-19e"]
# Published events, over or not (their pages stay); the embargoed one is not there.
EVENTS = ["meeting-tout-paris", "porte-a-porte-passe-19e", "reunion-logement-19e"]


def searchable() -> set[str]:
    """Every page of the fixture site the index should hold."""
    expected = {f"/vrai-du-faux/{slug}/" for slug in PUBLISHED}
    expected |= {f"/actualites/{slug}/" for slug in POSTS}
    expected |= {f"/agenda/{slug}/" for slug in EVENTS}
    return expected | {f"/fiches/{topic}/" for topic in ("logement", "transports", "ecoles")}


def test_index_holds_exactly_the_published_claims_posts_sheets_and_events(site):
    assert set(indexed(site)) == searchable()


def test_each_claim_is_indexed_with_its_verdict_topics_and_districts(site):
    record = indexed(site)["/vrai-du-faux/cantines-19e/"]
    # No title: the verdict and the conclusion (truth first), not the claim.
    assert record["meta"]["title"].startswith("Invérifiable\u00a0: aucune donnée publique")
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


def test_the_preview_has_no_index_and_its_search_page_says_how_to_get_one(preview_site):
    assert not (preview_site / "pagefind").exists()
    page = soup(preview_site, "recherche")
    assert "make serve SEARCH=1" in page.select_one("[role=note]").get_text()
    assert not page.select("form.search, script")
    assert page.select(".browse a")  # the site is still browsable from there


def test_a_preview_drops_an_index_an_earlier_build_left(tmp_path):
    output = build_site(FIXTURES / "site", tmp_path / "output")
    assert (output / "pagefind").is_dir()
    build_site(FIXTURES / "site", output, CAMPAIGN_SEARCH=False)
    assert not (output / "pagefind").exists()


def test_the_preview_settings_leave_the_index_to_make_publish():
    assert read_settings(str(ROOT / "pelicanconf.py"))["CAMPAIGN_SEARCH"] is False
    assert read_settings(str(ROOT / "publishconf.py"))["CAMPAIGN_SEARCH"] is True


def test_previewed_drafts_are_never_indexed(tmp_path):
    """A preview asked for its index (`make serve SEARCH=1`) indexes only what is public."""
    preview = build_site(
        FIXTURES / "site", tmp_path / "output", CAMPAIGN_SHOW_DRAFTS=True, CAMPAIGN_SEARCH=True
    )
    for slug in UNPUBLISHED:
        page = soup(preview, f"vrai-du-faux/{slug}")
        assert page.select_one(".draft")
        assert not page.select("[data-pagefind-body]")
    urls = set(indexed(preview))
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


def parts_of(site) -> dict[str, set[str]]:
    """{folder of a part below the site: URLs it indexes}."""
    folders = [site / "pagefind"] + sorted((site / "pagefind" / "parties").iterdir())
    return {
        str(folder.relative_to(site)): set(indexed(folder.parent, folder)) for folder in folders
    }


def part_holding(site, path) -> str:
    """The folder of the part a file of the index belongs to."""
    relative = path.relative_to(site / "pagefind").parts
    return "pagefind" if relative[0] != "parties" else f"pagefind/parties/{relative[1]}"


def test_parts_hold_every_published_page_once_claims_apart(parts_site):
    parts = parts_of(parts_site)
    assert len(parts) > 2
    urls = [url for part in parts.values() for url in part]
    assert sorted(urls) == sorted(searchable())
    for part in parts.values():
        claims = {url.startswith("/vrai-du-faux/") for url in part}
        assert len(claims) == 1  # a part holds claims only, or no claim
    page = soup(parts_site, "recherche")
    listed = page.select_one("form.search")["data-parts"].split()
    assert listed == [f"{folder}/" for folder in list(parts)[1:]]
    # Merged parts use the first part's script and WebAssembly.
    for folder in list(parts)[1:]:
        names = {path.name for path in (parts_site / folder).iterdir()}
        assert "pagefind-entry.json" in names
        assert not [name for name in names if name.endswith((".js", ".pagefind"))]


def test_one_edit_indexes_again_only_the_part_holding_the_page(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    output = build_site(content, tmp_path / "output", SEARCH_PART_PAGES=PART_PAGES)
    cache = tmp_path / "output-cache" / "recherche"
    indexed_before = {path.name: path.stat().st_ino for path in cache.iterdir()}
    before = {path: path.stat().st_mtime_ns for path in (output / "pagefind").rglob("*")}
    claim = content / "claims" / "velo-tout-paris.md"
    # The analysis, not the summary: a claim without title is headlined by its
    # summary, and its headline is on other pages (the topic's sheet lists it).
    claim.write_text(claim.read_text(encoding="utf-8") + "\nCorrigé : le chiffre exact.\n")
    build_site(content, output, SEARCH_PART_PAGES=PART_PAGES)

    parts = parts_of(output)
    [edited] = [
        folder for folder, urls in parts.items() if "/vrai-du-faux/velo-tout-paris/" in urls
    ]
    assert (
        "Corrigé" in indexed(output, output / edited)["/vrai-du-faux/velo-tout-paris/"]["content"]
    )
    after = {path: path.stat().st_mtime_ns for path in (output / "pagefind").rglob("*")}
    changed = {path for path in after if path.is_file() and before.get(path) != after[path]}
    # The edited part's new fragment, index chunks and entry; nothing of the others.
    assert changed
    assert {part_holding(output, path) for path in changed} == {edited}
    # Pagefind ran again for the edited part only: the others' indexes are the same
    # folders of the cache, beside the new one and the edited part's old one (kept
    # for a while: see the next test).
    indexed_after = {path.name: path.stat().st_ino for path in cache.iterdir()}
    kept = indexed_before.items() & indexed_after.items()
    assert len(kept) == len(parts) and len(indexed_after) == len(parts) + 1


def test_previews_and_publications_in_turn_index_nothing_again(tmp_path):
    """A preview's pages are not the published ones (relative addresses), nor are
    their parts: the cache keeps both sets, so `make html` then `make publish` then
    `make html` again reuse every part. Parts no build uses any more go."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)
    cache = tmp_path / "cache"
    preview = {"CACHE_PATH": str(cache), "SEARCH_PART_PAGES": PART_PAGES}
    published = {**preview, "RELATIVE_URLS": False, "SITEURL": "https://campagne.test"}
    build_site(content, tmp_path / "apercu", **preview)
    build_site(content, tmp_path / "public", **published)
    parts = {path.name: path.stat().st_ino for path in (cache / "recherche").iterdir()}
    build_site(content, tmp_path / "apercu", **preview)
    build_site(content, tmp_path / "public", **published)
    again = {path.name: path.stat().st_ino for path in (cache / "recherche").iterdir()}
    assert again == parts  # nothing indexed again, nothing removed
    claim = content / "claims" / "velo-tout-paris.md"
    for number in range(3):  # three edits: the oldest parts are left behind, then go
        claim.write_text(claim.read_text(encoding="utf-8") + f"\nÉdition {number}.\n")
        build_site(content, tmp_path / "apercu", **preview)
    assert len(list((cache / "recherche").iterdir())) <= 2 * len(parts_of(tmp_path / "apercu"))


def test_a_part_another_build_is_making_is_left_alone(tmp_path):
    cache = tmp_path / "recherche"
    for name in ("a" * 24, "b" * 24, "en-cours-autre-build", "en-cours-abandonne"):
        (cache / name).mkdir(parents=True)
    an_hour_ago = time.time() - 3601
    os.utime(cache / "en-cours-abandonne", (an_hour_ago, an_hour_ago))
    os.utime(cache / ("b" * 24), (an_hour_ago, an_hour_ago))
    forget_unused(str(cache), {"c" * 24})
    assert sorted(path.name for path in cache.iterdir()) == ["a" * 24, "en-cours-autre-build"]


def test_a_searchable_page_the_writer_did_not_report_is_read_from_disk(site, tmp_path):
    """A part whose pages were written some other way is still indexed at the end."""
    pages = [
        SimpleNamespace(url=f"vrai-du-faux/{slug}/", save_as=f"vrai-du-faux/{slug}/index.html",
                        date=index, slug=slug, claim=True)
        for index, slug in enumerate(PUBLISHED)
    ]  # fmt: skip
    settings = {
        "DEFAULT_LANG": "fr",
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_PART_PAGES": 500,
    }
    index = SearchIndex(pages, settings, str(site))
    index.finish(str(tmp_path / "pagefind"))
    assert set(indexed(tmp_path, tmp_path / "pagefind")) == {f"/{page.url}" for page in pages}


def test_every_index_file_of_a_build_reads_and_writes_back_the_same(site):
    # Fragments are JSON; the other index files are CBOR.
    files = [p for p in (site / "pagefind").rglob("*.pf_*") if p.suffix != ".pf_fragment"]
    assert {p.suffix for p in files} == {".pf_meta", ".pf_filter", ".pf_index"}
    for path in files:
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(MARKER), path
        body = data.removeprefix(MARKER)
        assert cbor.encode(cbor.decode(body)) == body, path
