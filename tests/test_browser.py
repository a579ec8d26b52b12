"""Tier 4: what a browser does, in a real Chromium, on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 390, "height": 844})
    return page


def test_reader_goes_from_home_to_a_claim_and_its_sources(phone: Page, served_site):
    errors = []
    phone.on("console", lambda message: message.type == "error" and errors.append(message.text))
    phone.goto(served_site + "/")
    expect(phone).to_have_title(re.compile("Paris Passerelles"))
    phone.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Le vrai du faux"
    ).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Le vrai du faux")
    phone.get_by_role("link", name="Le 13e a-t-il perdu 2 000 logements sociaux ?").click()
    expect(phone).to_have_url(served_site + "/vrai-du-faux/logements-sociaux-13e/")
    expect(phone.locator(".conclusion .verdict")).to_contain_text("Plutôt faux")
    sources = phone.get_by_role("region", name="Sources")
    expect(sources.get_by_role("link", name="Inventaire du logement social")).to_have_attribute(
        "href", "https://www.example.org/inventaire-sru"
    )
    assert errors == []


def test_claim_page_fits_a_phone_screen(phone: Page, served_site):
    phone.goto(served_site + "/vrai-du-faux/logements-sociaux-13e/")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_keyboard_user_can_skip_to_content(phone: Page, served_site):
    phone.goto(served_site + "/vrai-du-faux/")
    phone.keyboard.press("Tab")
    skip = phone.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile("#contenu$"))


def test_volunteer_picks_a_district_on_the_map(phone: Page, served_site):
    phone.goto(served_site + "/arrondissements/")
    district_map = phone.get_by_role("group", name="Carte schématique des arrondissements de Paris")
    expect(district_map).to_be_visible()
    box = district_map.bounding_box()
    assert box["width"] <= 390
    district_map.get_by_role("link", name="19e arrondissement").click()
    expect(phone).to_have_url(served_site + "/arrondissements/19e/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("19e arrondissement")
    current = phone.locator('.district-map a[aria-current="page"]')
    expect(current).to_have_attribute("aria-label", "19e arrondissement (vous êtes ici)")


def test_map_districts_are_reachable_with_the_keyboard(phone: Page, served_site):
    phone.goto(served_site + "/arrondissements/")
    phone.locator(".district-map a").first.focus()
    expect(phone.locator(".district-map a").first).to_be_focused()
    phone.keyboard.press("Tab")
    expect(phone.locator(".district-map a").nth(1)).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(served_site + "/arrondissements/13e/")
