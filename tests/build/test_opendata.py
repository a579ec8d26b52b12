"""Tier 3: /donnees/, every published claim as JSON, CSV and a ClaimReview DataFeed."""

import csv
import io
import json

from campaign.sharing.opendata import FIELD_NAMES

from test_build import PUBLISHED, UNPUBLISHED, json_ld, soup


def read_json(site, name: str) -> dict:
    return json.loads((site / "donnees" / name).read_text(encoding="utf-8"))


def read_csv(site) -> list[dict]:
    text = (site / "donnees" / "verifications.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_json_and_csv_hold_every_published_claim_and_nothing_else(site):
    data = read_json(site, "verifications.json")
    rows = read_csv(site)
    assert data["count"] == len(data["verifications"]) == len(rows) == len(PUBLISHED)
    assert [v["slug"] for v in data["verifications"]] == [r["slug"] for r in rows] == PUBLISHED
    assert not set(UNPUBLISHED) & {r["slug"] for r in rows}
    assert tuple(rows[0]) == FIELD_NAMES  # claimant_role present, empty without claimants.yaml
    first = data["verifications"][0]
    assert first["verdict"] == "plutot-faux" and first["rating"] == 2
    assert first["topics"] == ["logement"] and first["districts"] == ["13e"]
    assert first["sources"][0]["archive"].startswith("https://web.archive.org/")
    assert first["corrections"] == [
        {"date": "2026-03-14", "note": "Le chiffre de 2024 a été corrigé."}
    ]
    assert rows[0]["sources"].split(" | ")[0] == "https://www.example.org/inventaire-sru"
    assert data["licence"]["url"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def test_claimreview_feed_is_a_data_feed_of_the_pages_claim_reviews(production_site):
    feed = read_json(production_site, "claimreview.json")
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    elements = feed["dataFeedElement"]
    reviews = [review for element in elements for review in element["item"]]
    assert [e["@type"] for e in elements] == ["DataFeedItem"] * len(PUBLISHED)
    assert [r["@type"] for r in reviews] == ["ClaimReview"] * len(PUBLISHED)
    for slug, review in zip(PUBLISHED, reviews, strict=True):
        [on_page] = json_ld(soup(production_site, f"vrai-du-faux/{slug}"))
        on_page.pop("@context")
        assert review == on_page
    assert feed["license"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def test_data_files_are_the_same_bytes_whatever_the_preview_shows(site, preview_site):
    for name in ("verifications.json", "verifications.csv", "claimreview.json"):
        assert (site / "donnees" / name).read_bytes() == (
            preview_site / "donnees" / name
        ).read_bytes()


def test_data_page_explains_every_field_and_the_licence(site):
    page = soup(site, "donnees")
    fields = [code.get_text() for code in page.select("table.fields th code")]
    assert fields == list(FIELD_NAMES)
    licence = page.find("a", rel="license")
    assert licence["href"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert "Licence Ouverte 2.0" in licence.get_text()
    files = [a["href"].rsplit("/", 1)[-1] for a in page.select("a[download]")]
    assert sorted(files) == ["claimreview.json", "verifications.csv", "verifications.json"]
    assert "4 vérifications publiées" in page.select_one(".lead").get_text()
