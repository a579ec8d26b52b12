"""The search page used as a reader would on a phone: more results than one screen
of them, the address that keeps the search, filters."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect
from test_pages import open_page

from conftest import FIXTURES, build_site, serve

MANY = 27  # more claims holding one word than the page shows at once (20)

CLAIM = """---
claim: "Le préau numéro {n} a été rénové."
claimant: "Hélène Marchetti"
verdict: vrai
summary: "Le préau numéro {n} est bien neuf."
date: 2026-02-{day:02d} 10:00
topics: [ecoles]
sources:
  - title: "Source"
    url: https://www.example.org/
---
Le préau a été refait.
"""


@pytest.fixture(scope="module")
def many_site(tmp_path_factory):
    """The fixture site with MANY more claims, each holding the word « préau »."""
    root = tmp_path_factory.mktemp("nombreux")
    content = root / "content"
    shutil.copytree(FIXTURES / "site", content)
    for n in range(MANY):
        text = CLAIM.format(n=n, day=1 + n % 28)
        (content / "claims" / f"preau-{n}.md").write_text(text, encoding="utf-8")
    with serve(build_site(content, root / "output")) as address:
        yield address


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def test_every_result_can_be_reached_not_only_the_first_twenty(phone: Page, many_site):
    open_page(phone, many_site + "/recherche/")
    phone.get_by_label("Mots à chercher").fill("préau")
    status = phone.get_by_role("status")
    # The claims, and the sheet of their topic, which quotes them.
    expect(status).to_have_text(f"{MANY + 1} résultats.")
    links = phone.locator(".search__results a")
    expect(links).to_have_count(20)
    more = phone.get_by_role("button", name=f"Afficher {MANY + 1 - 20} résultats de plus")
    more.click()
    expect(links).to_have_count(MANY + 1)
    expect(links.nth(20)).to_be_focused()  # the reader goes on where the new ones start
    expect(more).to_be_hidden()
    hrefs = links.evaluate_all("links => links.map(a => a.pathname)")
    assert len(set(hrefs)) == MANY + 1
    for href in hrefs[::9]:
        assert phone.request.get(many_site + href).status == 200
    # A narrower search starts from the first page of results again.
    phone.get_by_label("Mots à chercher").fill("préau numéro 7")
    expect(status).not_to_have_text(f"{MANY + 1} résultats.")
    expect(more).to_be_hidden()


def test_clearing_the_words_clears_them_from_the_address(phone: Page, served_site):
    open_page(phone, served_site + "/recherche/?q=velo")
    expect(phone.locator(".search__results li")).not_to_have_count(0)
    phone.get_by_label("Mots à chercher").fill("")
    expect(phone.locator(".search__results li")).to_have_count(0)
    assert phone.url == served_site + "/recherche/"  # a reload would bring them back


def test_filters_are_kept_in_the_address(phone: Page, served_site):
    open_page(phone, served_site + "/recherche/")
    phone.get_by_text("Affiner par verdict, sujet ou arrondissement").click()
    phone.get_by_label("Arrondissement").select_option("13e arrondissement")
    phone.get_by_label("Mots à chercher").fill("logement")
    links = phone.locator(".search__results").get_by_role("link")
    expect(links).to_have_text(["Le 13e a-t-il perdu 2 000 logements sociaux ?"])
    open_page(phone, phone.url)  # reloaded, or sent to someone
    expect(phone.get_by_label("Arrondissement")).to_have_value("13e arrondissement")
    expect(links).to_have_text(["Le 13e a-t-il perdu 2 000 logements sociaux ?"])
