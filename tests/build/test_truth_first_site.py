"""Truth first on the example campaign's built pages and feeds: no surface a stranger
may see alone (<title>, og:title, h1, feed titles, share texts) is the bare claim."""

from __future__ import annotations

from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup

from campaign.sharing.share import MYTH_LABEL

CONTENT = Path(__file__).resolve().parents[2] / "content" / "claims"


def claims() -> dict[str, dict]:
    found = {}
    for path in sorted(CONTENT.glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found[path.stem] = front
    return found


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("'", "’").split())


def test_titles_and_og_titles_lead_with_the_verdict_never_the_claim(example_site):
    labels = {"faux": "Faux", "plutot-faux": "Plutôt faux", "vrai": "Vrai", "trompeur": "Trompeur"}
    checked = 0
    for slug, front in claims().items():
        page = example_site / "vrai-du-faux" / slug / "index.html"
        if not page.exists() or front.get("status") == "en-cours":
            continue  # a draft, not yet published, or being checked (no verdict yet)
        checked += 1
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        claim = plain(front["claim"]).rstrip(".")
        og_title = plain(soup.find("meta", property="og:title")["content"])
        for seen in (plain(soup.title.text), og_title, plain(soup.h1.text)):
            assert claim not in seen, (slug, seen)
        label = labels.get(front["verdict"])
        if label:
            assert og_title.startswith(f"{label} :"), og_title
        share = plain(soup.select_one(".share__text").text)
        if not front.get("share"):
            # The claim follows its label, or is left out when too long to say anything.
            assert MYTH_LABEL not in share or share.index(MYTH_LABEL) < share.index(claim[:30])
            assert share.startswith(f"{label or ''}")
            fact = front.get("figure", {}).get("value") or plain(front["summary"])[1:30]
            assert plain(fact) in share.split(MYTH_LABEL)[0], (slug, share)
    assert checked >= 20


def test_feed_titles_are_never_the_bare_claim(example_site):
    texts = {plain(front["claim"]).rstrip(".") for front in claims().values()}
    feed = feedparser.parse(str(example_site / "flux" / "vrai-du-faux.rss.xml"))
    assert feed.entries
    for entry in feed.entries:
        assert not any(text in plain(entry.title) for text in texts), entry.title


def test_feeds_hold_absolute_links_and_distinct_stamps(production_site):
    import re

    # The W3C feed validator's own patterns (validators.py, absUrlMixin).
    anchor = re.compile(r"""<a\s+href=(?:"(.*?)"|'(.*?)'|([\w-]+))[\s>]""", re.IGNORECASE)
    image = re.compile(r"""<img\s+[^>]*src=(?:"(.*?)"|'(.*?)'|([\w-]+))[\s>]""", re.IGNORECASE)
    feeds = sorted((production_site / "flux").rglob("*.xml"))
    assert feeds
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, path
        for entry in feed.entries:
            html = entry.content[0].value
            for found in anchor.findall(html) + image.findall(html):
                reference = next(part for part in found if part)
                assert re.match(r"\w+:", reference), (path.name, reference)
        if path.name.endswith(".atom.xml"):  # RSS items have no updated stamp
            stamps = [entry.updated for entry in feed.entries]
            assert len(stamps) == len(set(stamps)), path.name


def test_a_listing_says_a_conclusion_once(site):
    """A claim without a title of its own is headlined « Verdict : conclusion »: its
    card does not repeat the conclusion below; a claim titled by its writer (often a
    question) keeps it."""
    page = BeautifulSoup(
        (site / "vrai-du-faux" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    cards = {
        card.find("a")["href"].rstrip("/").rsplit("/", 1)[-1]: card
        for card in page.select("article.card--claim")
    }
    untitled, titled = cards["velo-tout-paris"], cards["logements-sociaux-13e"]
    assert untitled.select_one(".card__summary") is None
    assert plain(untitled.h2.get_text()).startswith("Vrai :")
    assert titled.select_one(".card__summary") is not None
