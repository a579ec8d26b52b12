"""Tier 3: transparency (issue 20), the fixture tests/fixtures/transparency built
once: who is who, the right of reply, claims under verification, manipulated media,
promises. Pages read with BeautifulSoup, JSON-LD with json."""

import json

import pytest
from bs4 import BeautifulSoup

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
    assert text(block.h2) == "L'image : retouché ou truqué"
    [image] = block.select("img")
    assert image["src"] == "../../images/capture-test.png"  # ours, relative, never hotlinked
    assert (image["width"], image["height"]) == ("320", "200")
    assert (site / "images/capture-test.png").read_bytes() == (
        FIXTURES / "transparency/images/capture-test.png"
    ).read_bytes()
    assert image["alt"] == "Capture de la photo retouchée du marché."
    assert not page.select("iframe, video, embed, object")
    loaded = [tag.get("src", "") for tag in page.select("[src]")]
    assert not [src for src in loaded if "example.org" in src or "archive.org" in src]
    links = {a["href"] for a in block.select("a")}
    assert links == {appearance["contentUrl"], appearance["archivedAt"]}
