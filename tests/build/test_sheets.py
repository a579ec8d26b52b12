"""Argument sheets: written and derived sheets, their pages, infographics and places."""

import io
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from campaign.content.frontmatter import parse
from campaign.content.model import Catalogue, Topic
from campaign.content.validate import parse_sheet, unknown_claims
from campaign.images import infographic

from conftest import FIXTURES, build_site, copy_fixture

SITE = "https://campagne.example.org"
SVG = "{http://www.w3.org/2000/svg}"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("sheets")
    return build_site(FIXTURES / "site", root / "output", SITEURL=SITE, RELATIVE_URLS=False)


def soup(site, path) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


# --- Validation ---------------------------------------------------------------

TOPICS = Catalogue((), (Topic("logement", "Logement", "#8a3b12", "Loyers.", "Logement"),), ())


def sheet_front(text: str):
    return parse("logement.md", text, first_line=2)


VALID = """topic: logement
title: "Se loger"
pitch: "Une phrase."
date: 2026-03-20 09:00
key_figures:
  - {value: "1", label: "un", source: "https://www.example.org/1"}
  - {value: "2", label: "deux", source: "https://www.example.org/2"}
  - {value: "3", label: "trois", source: "https://www.example.org/3", publisher: "INSEE"}
arguments: ["Un argument."]
objections:
  - {objection: "« Non. »", answer: "Si.", claim: "loyers-13e"}
"""


def test_a_valid_sheet_is_read_whole():
    sheet = parse_sheet(sheet_front(VALID), "logement", TOPICS, PARIS)
    assert sheet.topic.slug == "logement" and sheet.slug == "logement"
    assert [f.value for f in sheet.key_figures] == ["1", "2", "3"]
    assert sheet.key_figures[2].publisher == "INSEE"
    assert sheet.objections[0].claim == "loyers-13e"
    assert not sheet.derived


def test_sheet_file_must_be_named_after_its_topic():
    problems = parse_sheet(sheet_front(VALID), "logements", TOPICS, PARIS)
    assert [str(p) for p in problems] == [
        "logement.md:2: la fiche du sujet « logement » doit s'appeler logement.md "
        "(fichier : logements) ; renommez le fichier ou corrigez « topic »"
    ]


def test_objection_pointing_to_an_unknown_claim_is_located_with_a_suggestion():
    [problem] = unknown_claims(sheet_front(VALID), {"loyers-12e", "metro"})
    assert problem.line == 12
    assert "aucune vérification « loyers-13e » ; vouliez-vous dire « loyers-12e » ?" in (
        problem.message
    )
    assert unknown_claims(sheet_front(VALID), {"loyers-13e"}) == []


def test_too_many_arguments_and_an_over_long_figure_value():
    text = VALID.replace('arguments: ["Un argument."]', "arguments: [a, b, c, d, e, f, g]").replace(
        'value: "1"', 'value: "1 234 567 890 euros"'
    )
    messages = [p.message for p in parse_sheet(sheet_front(text), "logement", TOPICS, PARIS)]
    assert any("« arguments » en compte 7 ; maximum 6" in m for m in messages)
    assert any(
        "« key_figures n° 1 › value » fait 19 caractères ; maximum 14" in m for m in messages
    )


# --- Infographic layout -------------------------------------------------------


def spec(**changes) -> infographic.InfographicSpec:
    values = dict(
        kicker="Fiche argumentaire · Logement",
        title="Se loger à Paris : les vrais chiffres",
        pitch="Le logement social progresse.",
        figures=(("25,6 %", "taux SRU"), ("+1,8 %", "dans le 13e"), ("NO₂", "dioxyde")),
        bars=(infographic.Bar("Vrai", 2, "#1a6b2f"), infographic.Bar("Faux", 0, "#b0182a")),
        arguments=("Premier argument.", "Deuxième argument."),
        accent="#8a3b12",
        site_name="Paris Passerelles · campagne fictive",
        address="campagne.example.org/fiches/logement/",
    )
    return infographic.InfographicSpec(**{**values, **changes})


def texts(drawing) -> list[str]:
    return [shape.text for shape in drawing.shapes if isinstance(shape, infographic.Text)]


def test_every_shape_stays_on_the_canvas_even_with_long_texts():
    long = "Une phrase très longue qui ne tient pas sur une ligne " * 6
    drawing = infographic.layout(
        spec(title=long, pitch=long, arguments=(long[:160],) * 6, figures=(("1", long[:90]),) * 6)
    )
    for shape in drawing.shapes:
        if isinstance(shape, infographic.Rect):
            assert shape.x + shape.width <= infographic.WIDTH
            assert shape.y + shape.height <= infographic.HEIGHT
        else:
            assert 0 <= shape.x and shape.y <= infographic.HEIGHT
    assert drawing.arguments_shown < 6  # what does not fit is left out, not overflowing
    assert any(line.endswith("…") for line in texts(drawing))


def test_chart_writes_every_verdict_with_its_count():
    words = texts(infographic.layout(spec()))
    assert "Nos vérifications sur ce sujet : 2" in words
    assert words.index("Vrai") < words.index("2") and "Faux" in words and "0" in words


def test_characters_the_font_lacks_are_drawn_plainly():
    assert "NO2" in texts(infographic.layout(spec()))


def test_svg_is_valid_xml_with_title_and_description():
    drawing = infographic.layout(spec())
    root = ElementTree.fromstring(infographic.to_svg(spec(), drawing, "x", True).encode())
    assert root.get("role") == "img" and root.get("aria-labelledby") == "x-titre x-desc"
    assert root.find(f"{SVG}title").text == "Fiche argumentaire · Logement : " + spec().title
    assert "Chiffres clés : 25,6 % taux SRU" in root.find(f"{SVG}desc").text


def test_png_cache_key_follows_the_drawing():
    one, two = infographic.layout(spec()), infographic.layout(spec(pitch="Autre phrase."))
    assert infographic.png_key(one) == infographic.png_key(infographic.layout(spec()))
    assert infographic.png_key(one) != infographic.png_key(two)


# --- Built site ---------------------------------------------------------------


def test_every_topic_with_claims_has_a_sheet_page_with_inline_svg(published):
    for topic in ("logement", "transports", "ecoles"):
        page = soup(published, f"fiches/{topic}/index.html")
        svg = page.select_one(".sheet__infographic svg")
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).text and svg.find("desc", id=desc_id).text
        assert page.select(".key-figures li")
        assert page.select_one("table.distribution caption")


def test_standalone_svg_parses_and_png_is_1080_by_1350(published):
    for topic in ("logement", "transports", "ecoles"):
        root = ElementTree.parse(published / f"fiches/{topic}.svg").getroot()
        assert (root.get("width"), root.get("height")) == ("1080", "1350")
        assert "Lato" not in root.get("font-family").split(",")[-1]  # ends on a generic
        image = Image.open(io.BytesIO((published / f"fiches/{topic}.png").read_bytes()))
        assert (image.format, image.size) == ("PNG", (1080, 1350))


def test_written_sheet_links_objections_to_published_claims_only(published):
    page = soup(published, "fiches/transports/index.html")
    objections = page.select(".objection")
    assert [o.h3.text for o in objections] == [
        "« Le métro ne marche jamais dans le centre. »",
        "« Le logement passe avant tout. »",
        "« Et les taxis ? »",
    ]
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


def test_derived_sheet_is_made_of_the_topics_claims(published):
    page = soup(published, "fiches/logement/index.html")
    assert page.select_one(".sheet__derived")
    assert page.h1.text == "Logement : l'essentiel"
    figures = [li.select_one(".key-figures__value").text for li in page.select(".key-figures li")]
    # The claim's own figure, then counts of our fact-checks to reach three.
    assert figures == ["25,6 %", "1", "1 sur 1"]
    [argument] = [li.text for li in page.select(".sheet__arguments li")]
    assert argument.startswith("Le parc social du 13e a augmenté")
    [objection] = page.select(".objection")
    assert objection.h3.text == "« Le 13e a perdu 2 000 logements sociaux depuis 2020. »"
    assert objection.select_one("a")["href"].endswith("/vrai-du-faux/logements-sociaux-13e/")
    counts = {
        row.th.get_text(" ", strip=True): row.select_one(".distribution__count").text
        for row in page.select("table.distribution tbody tr")
    }
    assert counts["Verdict : Plutôt faux (2 sur 5)"] == "1"
    assert counts["Verdict : Vrai (5 sur 5)"] == "0"


def test_qr_code_and_print_address_are_tagged_for_print(published):
    page = soup(published, "fiches/transports/index.html")
    qr = page.select_one(".sheet__print svg.qr")
    assert qr["role"] == "img" and "aria-label" in qr.attrs
    address = qr["aria-label"].rsplit(" : ", 1)[1]
    assert address.startswith(f"{SITE}/fiches/transports/?")
    assert parse_qs(urlsplit(address).query)["utm_medium"] == ["impression"]


def test_sheets_appear_on_topic_district_home_and_index_pages(published):
    topic = soup(published, "sujets/transports/index.html")
    assert topic.select_one(".topic-sheet a")["href"] == f"{SITE}/fiches/transports/"
    district = soup(published, "arrondissements/13e/index.html")
    links = district.select(".sheet-links li")
    assert [li.a.text for li in links] == [
        "Logement : l'essentiel",
        "Se déplacer mieux",
        "Écoles : l'essentiel",
    ]
    assert "(1 vérification dans ce secteur)" in links[0].text
    home = soup(published, "index.html")
    assert [a.text for a in home.select("#fiches ~ ul a")] == ["Logement", "Transports", "Écoles"]
    index = soup(published, "fiches/index.html")
    assert len(index.select(".card--sheet")) == 3


def test_sheets_are_in_feeds_and_share_kits_with_their_own_card(published):
    feed = feedparser.parse((published / "flux/fiches.atom.xml").read_bytes())
    assert not feed.bozo
    entry = next(e for e in feed.entries if e.id.endswith("/fiches/transports/"))
    assert "Fiche argumentaire" in {t.term for t in entry.tags}
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.href == f"{SITE}/images/cartes/fiche-transports.png"
    card = Image.open(published / "images/cartes/fiche-transports.png")
    assert card.size == (1200, 630)
    assert "#Transports" in entry.summary
    kit = soup(published, "arrondissements/19e/partager/index.html")
    items = kit.select("#fiches ~ .kit-item")
    assert [item.h3.a.text for item in items] == [
        "Logement : l'essentiel",
        "Se déplacer mieux",
        "Écoles : l'essentiel",
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


def test_sheets_are_in_the_sitemap(published):
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("fiches/", "fiches/transports/", "fiches/logement/", "fiches/ecoles/"):
        assert f"<loc>{SITE}/{path}</loc>" in sitemap
