"""The shipped example campaign: builds, and keeps what the README promises."""

import json

from bs4 import BeautifulSoup


def read(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_claim_has_one_claim_review_matching_its_verdict(example_site):
    pages = sorted((example_site / "vrai-du-faux").glob("*/index.html"))
    pages = [p for p in pages if p.parent.name not in ("page", "verdict")]
    assert len(pages) >= 24
    verdicts, topics, districts = set(), set(), set()
    pending = 0
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = page.find_all("script", type="application/ld+json")
        if page.select_one(".pending-notice"):  # being checked: no verdict, no review
            assert scripts == [] and page.select_one(".conclusion") is None, path
            pending += 1
            continue
        reviews = [json.loads(s.string) for s in scripts]
        assert [r["@type"] for r in reviews if r["@type"] != "MediaReview"] == ["ClaimReview"]
        review = reviews[0]
        badge = page.select_one(".conclusion .verdict")
        assert review["reviewRating"]["alternateName"] in badge.get_text(), path
        verdicts.add(badge["class"][1])
        topics.update(a["href"] for a in page.select(".item-meta .tag"))
        districts.update(a["href"] for a in page.select(".item-meta a[href*=arrondissements]"))
    assert len(verdicts) == 6  # every verdict of the scale is used
    assert pending == 1  # the example of a claim being checked
    assert len(topics) >= 6 and len(districts) >= 10


def test_all_seventeen_districts_have_a_page_and_a_link_on_the_map(example_site):
    pages = sorted(p.parent.name for p in (example_site / "arrondissements").glob("*/index.html"))
    assert len(pages) == 17 and "paris-centre" in pages and "20e" in pages
    links = read(example_site, "arrondissements/index.html").select(".district-map a")
    assert sorted(a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links) == pages


def test_listings_exist(example_site):
    for path in ("vrai-du-faux/verdict/faux", "sujets/logement", "personnalites", "actualites"):
        assert (example_site / path / "index.html").exists(), path
    assert len(read(example_site, "actualites/index.html").select(".card")) >= 8


def test_every_page_says_the_campaign_is_fictional(example_site):
    for path in example_site.rglob("*.html"):
        assert "fictifs" in read(example_site, path).select_one(".notice").text, path


def test_promise_tracker_of_the_example(example_site):
    """At least ten promises over four statuses, the incumbent's and our own list's."""
    pages = sorted((example_site / "promesses").glob("*/index.html"))
    pages = [
        read(example_site, p.relative_to(example_site)) for p in pages if p.parent.name != "statut"
    ]
    assert len(pages) >= 10
    statuses = {p.select_one(".conclusion .promise-status")["class"][1] for p in pages}
    assert len(statuses) >= 4
    captions = " ".join(p.select_one(".quote figcaption").get_text() for p in pages)
    assert "notre liste" in captions and "maire de Paris sortante" in captions


def test_transparency_examples(example_site):
    """Roles on /personnalites/, a reply block on every claim, a MediaReview with its capture."""
    people = read(example_site, "personnalites/index.html").select(".people li")
    assert all(li.select_one(".role") for li in people)
    assert sum(1 for li in people if li.select_one(".ours")) == 2
    claims = [
        read(example_site, p.relative_to(example_site))
        for p in sorted((example_site / "vrai-du-faux").glob("*/index.html"))
        if p.parent.name not in ("page", "verdict")
    ]
    rated = [c for c in claims if c.select_one(".conclusion")]
    assert rated and all(c.select_one("section.reply") for c in rated)
    media = [c for c in claims if c.select_one("section.media")]
    assert len(media) == 1
    [image] = media[0].select("section.media img")
    assert (example_site / "vrai-du-faux/photo-poubelles-18e" / image["src"]).resolve().is_file()
