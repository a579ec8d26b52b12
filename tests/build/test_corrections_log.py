"""Tier 3: the corrections log, its feeds, and dateModified following corrections."""

import json

import feedparser
from bs4 import BeautifulSoup

from test_build import json_ld, soup


def test_corrections_page_keeps_the_policy_and_lists_every_correction_newest_first(site):
    page = soup(site, "corrections")
    assert "Nous corrigeons." in page.select_one("article.page").get_text()
    entries = page.select(".corrections-log .log__entry")
    assert [e.select_one(".log__date time")["datetime"] for e in entries] == [
        "2026-03-14",
        "2026-03-05",
    ]
    first = entries[0]
    assert first.select_one(".log__note").get_text() == "Le chiffre de 2024 a été corrigé."
    assert "Plutôt faux" in first.select_one(".verdict").get_text()
    for entry in entries:  # each links to its note on the claim's page, same date
        path, anchor = entry.select_one(".log__claim a")["href"].split("#")
        claim = BeautifulSoup(
            (site / "corrections" / path / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        when = entry.select_one(".log__date time")["datetime"]
        assert claim.find(id=anchor).select_one("time")["datetime"] == when


def test_corrections_feeds_carry_one_entry_per_correction(production_site):
    for fmt in ("rss", "atom"):
        feed = feedparser.parse((production_site / "flux" / f"corrections.{fmt}.xml").read_bytes())
        assert not feed.bozo
        assert [e.id.rsplit("/", 2)[-2:] for e in feed.entries] == [
            ["logements-sociaux-13e", "#correction-1"],
            ["metro-paris-centre", "#correction-1"],
        ]
        assert feed.entries[0].title.startswith("Correction du 14 mars 2026 — Plutôt faux")
    data = json.loads((production_site / "flux" / "corrections.json").read_text())
    assert [item["date_published"][:10] for item in data["items"]] == ["2026-03-14", "2026-03-05"]


def test_date_modified_follows_the_last_correction(site):
    page = soup(site, "vrai-du-faux/metro-paris-centre")  # no `modified`, corrected 5 March
    [review] = json_ld(page)
    assert review["dateModified"] == "2026-03-05"
    meta = page.select_one(".item-meta").get_text(" ", strip=True)
    assert "mis à jour le 5 mars 2026" in meta
