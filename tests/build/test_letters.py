"""Tier 3: the weekly letters of the fixture site (moment: Sunday 22 November 2026,
noon): web pages, e-mail HTML with inline styles, plain-text twins."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

LETTER = "lettres/2026-s47/19e"


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_letters_index_lists_each_week_for_paris_and_each_district(site):
    page = soup(site, "lettres/index.html")
    hrefs = [a["href"] for a in page.find("main").find_all("a")]
    assert any(h.endswith("lettres/2026-s47/") for h in hrefs)
    assert any(h.endswith("lettres/2026-s47/19e/") for h in hrefs)
    assert (site / "lettres/2026-s47/courriel.html").exists()
    assert (site / "lettres/2026-s10/paris-centre/courriel.txt").exists()


def test_the_19e_email_is_made_for_mail_clients(site):
    html = (site / LETTER / "courriel.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("script") is None and "<link" not in html
    # Every rule inlined: only the media queries stay in a <style>.
    (style,) = page.find_all("style")
    assert re.sub(r"@media[^{]*\{.*\}", "", style.string, flags=re.S).strip() == ""
    cells = page.find_all("td")
    assert cells and all("font-family" in td.get("style", "") for td in cells)
    assert "max-width: 600px" in page.find("table", class_="container")["style"]
    assert all(t.get("role") == "presentation" for t in page.find_all("table"))
    for img in page.find_all("img"):
        assert img["src"].startswith("http") and img["alt"]
    links = [a["href"] for a in page.find_all("a")]
    assert links
    for href in links:
        assert parse_qs(urlsplit(href).query).get("utm_medium") == ["email"] or href.endswith(
            "/"
        ), href
    text = page.get_text(" ", strip=True)
    assert "Cantines du 19e : partagez la vérification" in text  # the 19e's action
    assert "Porte-à-porte dans le 13e" not in text  # another district's, and tomorrow's
    assert "Réunion publique sur le logement dans le 19e" in text  # an event to come
    assert "bassin de la Villette" not in text  # an event over by then


def test_the_plain_text_twin_holds_the_same_items_with_tagged_links(site):
    text = (site / LETTER / "courriel.txt").read_text(encoding="utf-8")
    assert text.startswith("La lettre de la semaine du 16 au 22 novembre 2026 — 19e")
    assert "<" not in text
    assert "Cantines du 19e : partagez la vérification" in text
    urls = re.findall(r"https?://\S+", text)
    assert urls and all("utm_medium=email" in url for url in urls if "?" in url)
    assert all(len(line) <= 72 for line in text.splitlines() if "://" not in line)


def test_a_district_letter_holds_its_items_and_the_city_wide_ones(site):
    def text(path):
        return (site / "lettres/2026-s10" / path / "courriel.txt").read_text(encoding="utf-8")

    # Week 10: a post for the 19e and a claim for Paris Centre; the week after, a
    # claim for the 13e. The city-wide letter holds both, each district its own.
    assert "Réunion publique dans le 19e" in text("")
    assert "Réunion publique dans le 19e" in text("19e")
    assert "Réunion publique dans le 19e" not in text("13e")
    assert "ligne 4" in text("paris-centre") and "ligne 4" not in text("19e")
    velo = (site / "lettres/2026-s02/13e/courriel.txt").read_text(encoding="utf-8")
    assert (
        "doublement" in velo
    )  # for all Paris: in every district's letter (truth first: its verdict and conclusion)


def test_drafts_and_embargoes_are_never_in_a_letter(site):
    for path in (site / "lettres").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for slug in ("brouillon-logement", "embargo-logement", "Une action pas encore"):
                assert slug not in text, path
            assert "Rendez-vous pas encore annoncé" not in text, path


def test_the_web_letter_points_to_its_email_files(site):
    page = soup(site, f"{LETTER}/index.html")
    hrefs = {a["href"] for a in page.find("main").find_all("a")}
    assert {"courriel.html", "courriel.txt"} <= hrefs


@pytest.mark.parametrize("path", ["sitemap.xml"])
def test_the_letters_are_in_the_sitemap(site, path):
    sitemap = (site / path).read_text(encoding="utf-8")
    assert "/lettres/</loc>" in sitemap and "/lettres/2026-s47/19e/</loc>" in sitemap


def test_an_email_says_a_claims_conclusion_once(site):
    """A claim without a title of its own (the 19e's letter of week 2): its heading is
    « Verdict : conclusion », and the conclusion is not repeated below it."""
    page = soup(site, "lettres/2026-s02/19e/courriel.html")
    heading = next(h for h in page.find_all("h3") if h.a and "velo-tout-paris" in h.a["href"])
    conclusion = heading.get_text(" ", strip=True).split(":", 1)[1].strip()
    cell = heading.find_parent("td")
    assert cell.get_text(" ", strip=True).lower().count(conclusion[:40].lower()) == 1
