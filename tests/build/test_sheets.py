"""Tier 3: argument sheets in a full build: written and derived sheets, their pages,
infographics and places (their fields and drawing: unit/test_sheet_fields.py,
unit/test_infographic.py)."""

import io
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import feedparser
from bs4 import BeautifulSoup
from PIL import Image

from conftest import build_site, copy_fixture

SITE = "https://campagne.example.org"


def soup(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_topic_with_claims_has_a_sheet_page_with_inline_svg(production_site):
    for topic in ("logement", "transports", "ecoles"):
        page = soup(production_site, f"fiches/{topic}/index.html")
        svg = page.select_one(".sheet__infographic svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).text and svg.find("desc", id=desc_id).text
        assert page.select(".key-figures li")
        assert page.select_one("table.distribution caption")


def test_standalone_svg_parses_and_png_is_1080_by_1350(production_site):
    for topic in ("logement", "transports", "ecoles"):
        root = ElementTree.parse(production_site / f"fiches/{topic}.svg").getroot()
        assert (root.get("width"), root.get("height")) == ("1080", "1350")
        assert "Lato" not in root.get("font-family").split(",")[-1]  # ends on a generic
        image = Image.open(io.BytesIO((production_site / f"fiches/{topic}.png").read_bytes()))
        assert (image.format, image.size) == ("PNG", (1080, 1350))


def test_written_sheet_links_objections_to_published_claims_only(production_site):
    page = soup(production_site, "fiches/transports/index.html")
    objections = page.select(".objection")
    # Truth first: the answer is the heading, the objection follows, labelled.
    heard = [o.select_one(".objection__heard").text for o in objections]
    assert heard == [
        "Ce qui a été dit : «\u00a0Le métro ne marche jamais dans le centre.\u00a0»",
        "Ce qui a été dit : «\u00a0Le logement passe avant tout.\u00a0»",
        "Ce qui a été dit : «\u00a0Et les taxis\u202f?\u00a0»",
    ]
    assert objections[0].h3.text.strip().startswith("Verdict : Faux")
    link = objections[0].select_one(".objection__claim a")
    assert link["href"] == f"{SITE}/vrai-du-faux/metro-paris-centre/"
    # A draft claim is not linked, and nothing of it leaks; the answer stays.
    assert objections[1].select_one(".objection__claim") is None
    assert "brouillon" not in str(page)
    assert page.select_one("#propositions + h3").text == "Le plan vélo"
    sources = [a["href"] for a in page.select(".sheet__sources a")]
    assert sources == [
        "https://opendata.paris.fr/",
        "https://www.airparif.fr/",
        "https://www.ratp.fr/",
    ]


def test_derived_sheet_is_made_of_the_topics_claims(production_site):
    page = soup(production_site, "fiches/logement/index.html")
    assert page.select_one(".sheet__derived")
    assert page.h1.text == "Logement\u00a0: l’essentiel"
    figures = [li.select_one(".key-figures__value").text for li in page.select(".key-figures li")]
    # The claim's own figure, then counts of our fact-checks to reach three.
    assert figures == ["25,6 %", "1", "1 sur 1"]
    [argument] = [li.text for li in page.select(".sheet__arguments li")]
    assert argument.startswith("Le parc social du 13e a augmenté")
    [objection] = page.select(".objection")
    heard = objection.select_one(".objection__heard").text
    assert (
        heard
        == "Ce qui a été dit : «\u00a0Le 13e a perdu 2\u202f000 logements sociaux depuis 2020.\u00a0»"
    )
    assert "Le parc social du 13e a augmenté" in objection.h3.text  # the answer leads
    assert objection.select_one("a")["href"].endswith("/vrai-du-faux/logements-sociaux-13e/")
    counts = {
        row.th.get_text(" ", strip=True): row.select_one(".distribution__count").text
        for row in page.select("table.distribution tbody tr")
    }
    assert counts["Verdict : Plutôt faux (2 sur 5)"] == "1"
    assert counts["Verdict : Vrai (5 sur 5)"] == "0"


def test_qr_code_and_print_address_are_tagged_for_print(production_site):
    page = soup(production_site, "fiches/transports/index.html")
    qr = page.select_one(".sheet__print svg.qr")
    assert qr["role"] == "img" and "aria-label" in qr.attrs
    address = qr["aria-label"].rsplit(" : ", 1)[1]
    assert address.startswith(f"{SITE}/fiches/transports/?")
    assert parse_qs(urlsplit(address).query)["utm_medium"] == ["impression"]


def test_sheets_appear_on_topic_district_home_and_index_pages(production_site):
    topic = soup(production_site, "sujets/transports/index.html")
    assert topic.select_one(".topic-sheet a")["href"] == f"{SITE}/fiches/transports/"
    district = soup(production_site, "arrondissements/13e/index.html")
    links = district.select(".sheet-links li")
    assert [li.a.text for li in links] == [
        "Logement\u00a0: l’essentiel",
        "Se déplacer mieux",
        "Écoles\u00a0: l’essentiel",
    ]
    assert "(1 vérification dans ce secteur)" in links[0].text
    home = soup(production_site, "index.html")
    assert [a.text for a in home.select("#fiches ~ ul a")] == ["Logement", "Transports", "Écoles"]
    index = soup(production_site, "fiches/index.html")
    assert len(index.select(".card--sheet")) == 3


def test_sheets_are_in_feeds_and_share_kits_with_their_own_card(production_site):
    feed = feedparser.parse((production_site / "flux/fiches.atom.xml").read_bytes())
    assert not feed.bozo
    entry = next(e for e in feed.entries if e.id.endswith("/fiches/transports/"))
    assert "Fiche argumentaire" in {t.term for t in entry.tags}
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href == f"{SITE}/images/cartes/fiche-transports.png"
    card = Image.open(production_site / "images/cartes/fiche-transports.png")
    assert card.size == (1200, 630)
    assert "#Transports" in entry.summary
    kit = soup(production_site, "arrondissements/19e/partager/index.html")
    items = kit.select("#fiches ~ .kit-item")
    assert [item.h3.a.text for item in items] == [
        "Logement\u00a0: l’essentiel",
        "Se déplacer mieux",
        "Écoles\u00a0: l’essentiel",
    ]
    downloads = [a["href"] for a in items[1].select("a[download]")]
    assert f"{SITE}/fiches/transports.png" in downloads
    assert f"{SITE}/images/cartes/fiche-transports.png" in downloads


def test_a_draft_sheet_gives_way_to_the_derived_one_in_a_publish_build(tmp_path):
    content = copy_fixture("site", tmp_path)
    text = (content / "sheets/transports.md").read_text(encoding="utf-8")
    (content / "sheets/transports.md").write_text(
        text.replace("---\n## Le plan", "status: draft\n---\n## Le plan"), encoding="utf-8"
    )
    output = build_site(content, tmp_path / "output")
    page = (output / "fiches/transports/index.html").read_text(encoding="utf-8")
    assert "Transports : l'essentiel" in page and "Se déplacer mieux" not in page
    preview = build_site(content, tmp_path / "preview", CAMPAIGN_SHOW_DRAFTS=True)
    page = (preview / "fiches/transports/index.html").read_text(encoding="utf-8")
    assert "Se déplacer mieux" in page and "Aperçu" in page


def test_only_topics_with_claims_or_a_sheet_file_get_a_sheet(tmp_path):
    content = copy_fixture("site", tmp_path)
    topics = (content / "data/topics.yaml").read_text(encoding="utf-8")
    topics += (
        "- {slug: sport, name: Sport, colour: '#1d6b6b', description: Stades., hashtag: Sport}\n"
    )
    (content / "data/topics.yaml").write_text(topics, encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    assert sorted(p.name for p in (output / "fiches").iterdir() if p.is_dir()) == [
        "ecoles",
        "logement",
        "transports",
    ]


def test_sheet_pngs_are_drawn_once_then_reused(tmp_path):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "output")
    cache = tmp_path / "output-cache" / "fiches"
    first = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(first) == 3
    path = content / "sheets/transports.md"
    path.write_text(path.read_text(encoding="utf-8").replace("mieux", "autrement"), "utf-8")
    build_site(content, tmp_path / "output")
    second = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(second) == 4  # one new picture for the edited sheet
    assert all(second[name] == mtime for name, mtime in first.items())


def test_sheets_are_in_the_sitemap(production_site):
    sitemap = (production_site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("fiches/", "fiches/transports/", "fiches/logement/", "fiches/ecoles/"):
        assert f"<loc>{SITE}/{path}</loc>" in sitemap
