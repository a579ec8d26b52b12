"""Tier 3: transparency (issue 20), the fixture tests/fixtures/transparency built
once: who is who, the right of reply, claims under verification, manipulated media,
promises. Pages read with BeautifulSoup, JSON-LD with json."""

import json

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from campaign.typography import french

from conftest import FIXTURES, build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("transparence") / "output"
    return build_site(FIXTURES / "transparency", output, CAMPAIGN_LIST="Paris Passerelles")


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def text(node) -> str:
    """The node's text as read, white space collapsed."""
    return " ".join(node.get_text().split())


def spoken(node) -> str:
    """The node's text as a screen reader says it: hidden shapes left out."""
    node = BeautifulSoup(str(node), "html.parser")
    for hidden in node.select("[aria-hidden=true]"):
        hidden.decompose()
    return text(node)


# 1. Who is who


def test_claim_page_shows_the_role_and_claim_review_carries_it(site):
    page = soup(site, "vrai-du-faux/logement-marchetti")  # claimant named by slug
    caption = text(page.select_one(".quote figcaption"))
    assert caption.startswith("Hélène Marchetti (tête de liste, liste « Renouveau parisien »")
    [review] = json_ld(page)
    author = review["itemReviewed"]["author"]
    assert author["name"] == "Hélène Marchetti" and author["jobTitle"] == "tête de liste"
    assert [a["name"] for a in author["affiliation"]] == [
        "Renouveau parisien",
        "Les Centristes de Paris",
    ]
    ours = json_ld(soup(site, "vrai-du-faux/logement-arnoult"))[0]["itemReviewed"]["author"]
    assert ours["sameAs"] == "https://www.wikidata.org/wiki/Q42"


def test_claimant_pages_show_who_is_on_which_side(site):
    index = soup(site, "personnalites")
    people = {text(li.a): text(li) for li in index.select(".people li")}
    assert "(tête de liste, liste « Paris Passerelles » (notre liste))" in people["Camille Arnoult"]
    assert "notre liste" not in people["Hélène Marchetti"]
    assert "Renouveau parisien" in people["Hélène Marchetti"]
    assert "nos propres candidats" in text(index.select_one(".lead"))
    page = soup(site, "personnalites/camille-arnoult")
    assert text(page.select_one("h1 + .lead")) == (
        "tête de liste, liste « Paris Passerelles » (notre liste)"
    )


# 2. Right of reply


def test_reply_and_no_reply_have_their_own_block(site):
    answered = soup(site, "vrai-du-faux/logement-arnoult").select_one("section.reply")
    assert text(answered.h2) == "Droit de réponse"
    assert "Nous avons contacté Camille Arnoult le 3 mars 2026" in text(answered)
    assert text(answered.select_one(".reply__text")).startswith("Sa réponse : Je parlais")
    silent = soup(site, "vrai-du-faux/logement-marchetti").select_one("section.reply")
    assert text(silent.select_one(".reply__none")) == "Pas de réponse à la date de publication."
    assert silent.select_one(".reply__text") is None


def test_a_claim_without_response_is_built_all_the_same(site):
    """`make check` warns about it; the build does not refuse it."""
    page = soup(site, "vrai-du-faux/sans-contact")
    assert page.select_one("section.reply") is None
    assert page.select_one(".conclusion .verdict")


# 5. Claims under verification


def test_claim_being_checked_has_no_verdict_summary_or_claim_review(site):
    page = soup(site, "vrai-du-faux/en-cours-cantines")
    assert json_ld(page) == []
    assert page.select_one(".conclusion") is None and page.select_one(".summary") is None
    assert page.select_one("section.share") is None
    assert page.find("meta", property="og:image") is None  # no card: nothing to share
    assert text(page.h1) == "Affirmation de Hélène Marchetti : en cours de vérification"
    notice = spoken(page.select_one(".pending-notice"))
    assert notice.startswith("En cours de vérification Cette affirmation est en cours")
    assert "en cours de vérification" in page.title.get_text()
    assert "moins de repas bio" in text(page.select_one(".quote blockquote"))


def test_claim_being_checked_is_listed_apart_and_counted_nowhere(site):
    index = soup(site, "vrai-du-faux")
    pending = index.select("#en-cours ~ ul .card--pending")
    assert [spoken(card.select_one(".verdict")) for card in pending] == ["En cours de vérification"]
    assert not pending[0].select(".verdict__gauge i")  # no rating gauge, its own shape
    counted = sum(int(text(c)) for c in index.select(".verdict-filter .count"))
    assert counted == 4  # the published claims, not the one being checked
    for verdict in ("faux", "plutot-vrai", "vrai", "inverifiable"):
        listing = (site / "vrai-du-faux/verdict" / verdict / "index.html").read_text()
        assert "en-cours-cantines" not in listing
    feed = json.loads((site / "flux/vrai-du-faux.json").read_text(encoding="utf-8"))
    assert all("en-cours-cantines" not in item["url"] for item in feed["items"])
    assert not (site / "images/cartes/en-cours-cantines.png").exists()
    assert "en-cours-cantines" not in (site / "partager/index.html").read_text()
    claimant = (site / "personnalites/helene-marchetti/index.html").read_text()
    assert "en-cours-cantines" not in claimant
    assert "/vrai-du-faux/en-cours-cantines/" in (site / "sitemap.xml").read_text()


# 6. Manipulated media

MEDIA_CATEGORIES = {  # schema.org MediaManipulationRatingEnumeration
    "OriginalMediaContent",
    "DecontextualizedContent",
    "EditedOrCroppedContent",
    "TransformedContent",
    "StagedContent",
    "SatireOrParodyContent",
}


def test_media_review_and_local_capture(site):
    page = soup(site, "vrai-du-faux/photo-truquee")
    reviews = {data["@type"]: data for data in json_ld(page)}
    assert set(reviews) == {"ClaimReview", "MediaReview"}
    media = reviews["MediaReview"]
    assert media["mediaAuthenticityCategory"] in MEDIA_CATEGORIES
    assert media["mediaAuthenticityCategory"] == "TransformedContent"
    [appearance] = media["itemReviewed"]["mediaItemAppearance"]
    assert appearance == {
        "@type": "ImageObject",
        "contentUrl": "https://example.org/reseau/photo-marche",
        "archivedAt": "https://web.archive.org/web/2026/https://example.org/reseau/photo-marche",
    }
    assert media["itemReviewed"]["creator"]["name"] == "Hélène Marchetti"
    assert media["url"] == reviews["ClaimReview"]["url"]
    block = page.select_one("section.media")
    assert text(block.h2) == "L’image : retouché ou truqué"
    [image] = block.select("img")
    assert image["src"] == "../../images/capture-test.png"  # ours, relative, never hotlinked
    assert (image["width"], image["height"]) == ("320", "200")
    # Published from its pixels only (every picture of content/ is stripped of its
    # metadata, generators/photos.py): the same picture, not the same bytes.
    published = Image.open(site / "images/capture-test.png")
    original = Image.open(FIXTURES / "transparency/images/capture-test.png")
    assert published.size == original.size
    assert published.convert("RGB").tobytes() == original.convert("RGB").tobytes()
    assert image["alt"] == "Capture de la photo retouchée du marché."
    assert not page.select("iframe, video, embed, object")
    loaded = [tag.get("src", "") for tag in page.select("[src]")]
    assert not [src for src in loaded if "example.org" in src or "archive.org" in src]
    links = {a["href"] for a in block.select("a")}
    assert links == {appearance["contentUrl"], appearance["archivedAt"]}


# 4. Promise tracker


def test_promise_page_status_history_and_sources(site):
    page = soup(site, "promesses/creches-13e")
    badge = page.select_one(".conclusion .promise-status")
    assert spoken(badge) == "Statut : Compromis"  # the word, for everyone
    assert badge.select_one("svg.promise-status__icon[aria-hidden=true]")  # and a shape
    assert "--status: #8a5a00" in badge["style"]  # and a colour
    assert (
        text(page.select_one(".conclusion .summary")) == "180 places ouvertes sur les 300 promises."
    )
    steps = page.select(".history__steps li")
    assert [s.time["datetime"] for s in steps] == ["2021-06-01", "2025-09-01"]
    assert [spoken(s.select_one(".promise-status")) for s in steps] == [
        "Statut : En cours",
        "Statut : Compromis",
    ]
    caption = text(page.select_one(".quote figcaption"))
    assert caption.startswith("Promesse de Mathilde Cazenave (maire de Paris sortante")
    assert page.select_one(".sources a")["href"] == "https://www.example.org/petite-enfance"
    assert "promesse « Compromis »" in page.title.get_text()
    # Every status has its own shape: five statuses, five different icons.
    shapes = set()
    for slug in ("tenue", "en-cours", "compromis", "rompue", "au-point-mort"):
        listing = soup(site, f"promesses/statut/{slug}")
        shapes.add(str(listing.select_one("h1 .promise-status svg")))
    assert len(shapes) == 5


def test_promise_listings_by_status_and_index(site):
    index = soup(site, "promesses")
    cards = [a["href"] for a in index.select(".card--promise .card__title a")]
    assert cards == [
        "../promesses/cours-oasis/",
        "../promesses/metro-nuit/",
        "../promesses/creches-13e/",
    ]
    counts = {
        spoken(a.select_one(".promise-status")).removeprefix("Statut : "): text(
            a.select_one(".count")
        )
        for a in index.select(".verdict-filter a")
    }
    assert counts == {
        "Tenue": "1",
        "En cours": "0",
        "Compromis": "1",
        "Rompue": "1",
        "Au point mort": "0",
    }
    broken = soup(site, "promesses/statut/rompue")
    assert [text(a) for a in broken.select(".card__title a")] == [
        "Le métro toute la nuit le samedi"
    ]
    assert not (site / "promesses/brouillon").exists()


def test_district_and_topic_pages_have_a_promise_section(site):
    district = soup(site, "arrondissements/13e").select_one("section.promises")
    assert [text(a) for a in district.select(".card__title a")] == [
        "Nous ouvrirons 300 places de crèche dans le 13e d’ici 2026."
    ]
    elsewhere = soup(site, "arrondissements/19e").select_one("section.promises")
    assert "Aucune promesse suivie ne concerne ce secteur" in text(elsewhere)
    topic = soup(site, "sujets/ecoles").select_one("section.promises")
    assert len(topic.select(".card--promise")) == 2


def test_promise_feeds_search_and_sitemap(site):
    feed = json.loads((site / "flux/promesses.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in feed["items"]]
    assert titles == [  # typeset as every title seen alone: « Tenue », d’école
        french("Promesse « Tenue » : Toutes les cours d'école du 11e seront ouvertes le week-end."),
        french("Promesse « Rompue » : Le métro toute la nuit le samedi"),
        french(
            "Promesse « Compromis » : Nous ouvrirons 300 places de crèche dans le 13e d'ici 2026."
        ),
    ]
    assert "«\u00a0Tenue\u00a0»\u00a0:" in titles[0] and "d’école" in titles[0]
    creches = feed["items"][2]
    assert creches["date_modified"].startswith("2026-03-01")
    assert "utm_medium=flux" in creches["url"]
    for suffix in (".rss.xml", ".atom.xml"):
        assert "creches-13e" in (site / f"flux/promesses{suffix}").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("promesses/", "promesses/creches-13e/", "promesses/statut/rompue/"):
        assert f"/{path}</loc>" in sitemap
    assert "brouillon" not in sitemap
    from conftest import indexed

    urls = set(indexed(site))
    assert {"/promesses/creches-13e/", "/promesses/metro-nuit/"} <= urls
    assert "/vrai-du-faux/en-cours-cantines/" not in urls
