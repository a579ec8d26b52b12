"""Tier 3: a full build of the fixture site, read back with BeautifulSoup."""

import json

import pytest
from bs4 import BeautifulSoup

from campaign.content.reader import CONTENT_CACHE
from campaign.generators.base import ContentError

from conftest import FIXTURES, build_site, copy_fixture

PUBLISHED = ["logements-sociaux-13e", "metro-paris-centre", "cantines-19e", "velo-tout-paris"]
UNPUBLISHED = ["brouillon-logement", "embargo-logement"]


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def claim_links(page: BeautifulSoup) -> list[str]:
    """Slugs of the claims listed on a page, in order."""
    return [
        a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".card--claim .card__title a")
    ]


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("slug", PUBLISHED)
def test_each_claim_has_one_claim_review_matching_its_badge(site, slug):
    page = soup(site, f"vrai-du-faux/{slug}")
    [review] = json_ld(page)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == page.select_one(".quote blockquote").get_text(strip=True)
    badge = page.select_one(".conclusion .verdict")
    assert review["reviewRating"]["alternateName"] in badge.get_text(" ", strip=True)
    assert review["url"].endswith(f"/vrai-du-faux/{slug}/")


def test_claim_page_shows_everything_a_reader_needs(site):
    page = soup(site, "vrai-du-faux/logements-sociaux-13e")
    assert page.html["lang"] == "fr"
    assert page.h1.get_text() == "Le 13e a-t-il perdu 2\u202f000 logements sociaux\u202f?"
    caption = page.select_one(".quote figcaption").get_text(" ", strip=True)
    assert "Hélène Marchetti" in caption and "10 mars 2026" in caption
    badge = page.select_one(".conclusion .verdict")
    assert "Plutôt faux" in badge.get_text() and "2 sur 5" in badge.get_text()
    assert len(badge.select(".verdict__gauge i.on")) == 2  # the shape, not only the colour
    sources = page.select(".sources li")
    assert len(sources) == 2
    assert sources[0].a["href"] == "https://www.example.org/inventaire-sru"
    assert "Préfecture (exemple)" in sources[0].text and "1er juin 2025" in sources[0].text
    assert sources[0].find("a", string="copie archivée")
    assert "14 mars 2026 : Le chiffre de 2024 a été corrigé." in page.select_one(
        ".corrections"
    ).get_text(" ", strip=True).replace(" :", " :")
    assert page.select_one(".analysis h3").get_text() == "Ce que disent les sources"
    topics = [a["href"] for a in page.select(".item-meta .tag")]
    assert topics == ["../../sujets/logement/"]
    assert "13e arrondissement" in page.select_one(".item-meta").get_text()


def test_claim_review_fields(site):
    [review] = json_ld(soup(site, "vrai-du-faux/logements-sociaux-13e"))
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Plutôt faux",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["itemReviewed"]["author"] == {  # with her role from data/claimants.yaml
        "@type": "Person",
        "name": "Hélène Marchetti",
        "jobTitle": "tête de liste",
        "affiliation": [
            {"@type": "Organization", "name": "Renouveau parisien"},
            {"@type": "Organization", "name": "Les Centristes de Paris"},
        ],
        "sameAs": "https://example.org/marchetti",
    }
    assert review["itemReviewed"]["datePublished"] == "2026-03-10"
    assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/debat-13e"
    assert review["datePublished"] == "2026-03-12" and review["dateModified"] == "2026-03-14"


def test_unrated_verdict_has_no_rating_value(site):
    [review] = json_ld(soup(site, "vrai-du-faux/cantines-19e"))
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Invérifiable"}


def test_script_in_a_summary_cannot_escape_the_json_ld(site):
    page = soup(site, "vrai-du-faux/metro-paris-centre")
    inline = [s for s in page.find_all("script") if not s.get("src")]
    assert [s["type"] for s in inline] == ["application/ld+json"]
    [review] = json_ld(page)
    assert review["claimReviewed"] == "La ligne 4 est la plus chargée </script><!-- du réseau."
    assert "<script>alert(1)</script>" in page.select_one(".summary").get_text()  # as text


def test_fact_check_index_lists_published_claims_newest_first(site):
    page = soup(site, "vrai-du-faux")
    assert claim_links(page) == PUBLISHED
    counts = {
        a["href"].split("/")[-2]: a.select_one(".count").text
        for a in page.select(".verdict-filter a")
    }
    assert counts["faux"] == "1" and counts["trompeur"] == "0"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("vrai-du-faux/verdict/faux", ["metro-paris-centre"]),
        ("vrai-du-faux/verdict/vrai", ["velo-tout-paris"]),
        ("vrai-du-faux/verdict/trompeur", []),
        ("sujets/logement", ["logements-sociaux-13e"]),
        ("sujets/transports", ["metro-paris-centre", "velo-tout-paris"]),
        ("personnalites/helene-marchetti", ["logements-sociaux-13e", "cantines-19e"]),
    ],
)
def test_listings_hold_exactly_their_claims(site, url, expected):
    assert claim_links(soup(site, url)) == expected


def test_claimant_page_counts_per_verdict(site):
    rows = soup(site, "personnalites/helene-marchetti").select(".tally tbody tr")
    counts = {row.select_one(".verdict")["class"][1]: row.td.text for row in rows}
    assert len(rows) == 6
    assert counts["verdict--inverifiable"] == "1" and counts["verdict--vrai"] == "0"
    assert counts["verdict--plutot-faux"] == "1"


def test_drafts_and_embargoed_claims_appear_nowhere(site):
    for slug in UNPUBLISHED:
        assert not (site / "vrai-du-faux" / slug).exists()
    every_page = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    for slug in UNPUBLISHED:
        assert slug not in every_page
    assert "brouillon" not in every_page.lower()


def test_drafts_are_previewed_at_their_address_when_asked(preview_site):
    page = soup(preview_site, "vrai-du-faux/brouillon-logement")
    assert "Aperçu" in page.select_one(".draft").text
    assert "brouillon-logement" not in claim_links(soup(preview_site, "vrai-du-faux"))


def test_posts_and_pages(site):
    assert [a.text for a in soup(site, "actualites").select(".card__title a")] == [
        "Réunion publique dans le 19e",
        "Notre programme",
    ]
    assert soup(site, "actualites/reunion-19e").h1.text == "Réunion publique dans le 19e"
    methode = soup(site, "methode")
    assert len(methode.select(".scale dt")) == 6
    assert soup(site, "contact").h1.text == "Contact"
    assert soup(site, "corrections").h1.text == "Corrections"


def test_home_page(site):
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert claim_links(page.select_one("#a-la-une").parent) == ["logements-sociaux-13e"]
    assert claim_links(page.select_one("#dernieres").parent) == PUBLISHED
    assert (site / "404.html").exists()


def test_no_resource_is_loaded_from_another_origin(site):
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        # A letter's e-mail file is read in a mail client, which has no base address:
        # its images are absolute, on the site's own address (here the preview's).
        own = "http://127.0.0.1:8000/" if path.name == "courriel.html" else None
        for tag in page.find_all(["link", "script", "img", "iframe", "source"]):
            address = tag.get("href") or tag.get("src") or ""
            if own and address.startswith(own):
                continue
            assert not address.startswith(("http:", "https:", "//")), (path, address)


def test_same_content_gives_the_same_bytes_whoever_writes_them(site, tmp_path):
    """The session's build (pages written by processes forked from it where there
    are cores: output/forked.py, generators/beside.py), and another, cold, beside
    it, written by its own process alone."""
    first = site
    second = build_site(FIXTURES / "site", tmp_path / "b", CAMPAIGN_WRITING_PROCESSES=0)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_build_from_the_caches_gives_the_same_bytes_as_a_cold_one(tmp_path):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "warm")
    assert any((tmp_path / "warm-cache").glob(f"{CONTENT_CACHE}-Readers-*"))
    warm = build_site(content, tmp_path / "warm")
    cold = build_site(content, tmp_path / "cold")
    files = sorted(p.relative_to(cold) for p in cold.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(warm) for p in warm.rglob("*") if p.is_file())
    for name in files:
        assert (warm / name).read_bytes() == (cold / name).read_bytes(), name


def test_an_edited_claim_is_read_again_and_the_others_from_the_cache(tmp_path):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "output")
    claim = content / "claims" / "velo-tout-paris.md"
    claim.write_text(claim.read_text().replace('summary: "', 'summary: "Mis à jour. ', 1))
    site = build_site(content, tmp_path / "output")
    page = (site / "vrai-du-faux" / "velo-tout-paris" / "index.html").read_text()
    assert "Mis à jour." in page
    assert (
        "Mis à jour."
        not in (site / "vrai-du-faux" / "logements-sociaux-13e" / "index.html").read_text()
    )


def test_a_rebuild_rewrites_only_the_files_that_changed(tmp_path):
    content = copy_fixture("site", tmp_path)
    site = build_site(content, tmp_path / "output")
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*") if path.is_file()}
    claim = content / "claims" / "velo-tout-paris.md"
    claim.write_text(claim.read_text().replace('summary: "', 'summary: "Mis à jour. ', 1))
    build_site(content, tmp_path / "output")
    # The search index is written afresh each build: its files, named after their
    # content, may be gone; every other file is still there.
    changed = {
        path.relative_to(site).as_posix()
        for path in before
        if not path.exists() or path.stat().st_mtime_ns != before[path]
    }
    assert "vrai-du-faux/velo-tout-paris/index.html" in changed
    assert "vrai-du-faux/logements-sociaux-13e/index.html" not in changed
    assert "images/cartes/logements-sociaux-13e.png" not in changed
    assert len(changed) < len(before) / 2


def test_invalid_content_stops_the_build_before_writing(tmp_path):
    content = copy_fixture("site", tmp_path)
    bad = content / "claims" / "velo-tout-paris.md"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("verdict: vrai", "verdict: presque-vrai"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        build_site(content, tmp_path / "output")
    assert "velo-tout-paris.md:4: verdict « presque-vrai » inconnu" in str(error.value)
    assert not (tmp_path / "output").exists()


def test_production_build_uses_absolute_addresses(production_site):
    page = soup(production_site, "vrai-du-faux/velo-tout-paris")
    assert page.find("link", rel="canonical")["href"] == (
        "https://campagne.example.org/vrai-du-faux/velo-tout-paris/"
    )
    [review] = json_ld(page)
    assert review["url"] == "https://campagne.example.org/vrai-du-faux/velo-tout-paris/"
    assert review["author"]["url"] == "https://campagne.example.org"


def test_published_pages_never_load_the_reload_script(site):
    for path in site.rglob("*.html"):
        assert "__apercu" not in path.read_text(encoding="utf-8"), path
