"""Tier 4: what a browser does, in a real Chromium, on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import Page, expect


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


def test_volunteer_follows_the_district_feed(phone: Page, served_site):
    phone.goto(served_site + "/arrondissements/19e/")
    # « S'abonner » first: a page that says what a feed is, never raw XML.
    phone.locator(".follow-block").get_by_role("link", name="S’abonner").click()
    expect(phone).to_have_url(served_site + "/arrondissements/19e/abonner/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Suivre le 19e arrondissement")
    address = phone.locator(".follow__address code").first.text_content()
    assert address.endswith("/flux/arrondissements/19e.rss.xml")
    path = address.split("://", 1)[1].split("/", 1)[1]
    answer = phone.request.get(f"{served_site}/{path}")
    assert answer.status == 200 and b"<rss" in answer.body()


def test_share_kit_on_a_phone(phone: Page, served_site):
    phone.goto(served_site + "/partager/")
    priority = phone.get_by_role("region", name="À partager en priorité")
    expect(priority.get_by_role("heading", level=3)).to_have_text(
        ["Plutôt faux : le parc social du 13e a augmenté"]  # truth first
    )
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    first = priority.locator(".kit-item").first
    first.locator("summary", has_text="Autres réseaux").click()
    expected_hosts = {
        "X": "x.com",
        "Facebook": "www.facebook.com",
        "WhatsApp": "wa.me",
        "Telegram": "t.me",
        "Bluesky": "bsky.app",
        "Threads": "www.threads.net",
        "LinkedIn": "www.linkedin.com",
        "Mastodon": "share.joinmastodon.org",
    }
    for label, host in expected_hosts.items():
        link = first.get_by_role("link", name=label, exact=True)
        href = link.get_attribute("href")
        assert href.startswith(f"https://{host}/"), href
        assert "utm_source%3D" in href and "utm_medium%3Dpartage" in href
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    assert first.get_by_role("link", name="E-mail").get_attribute("href").startswith("mailto:?")


def test_copy_button_copies_the_share_text(phone: Page, served_site, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    phone.goto(served_site + "/vrai-du-faux/logements-sociaux-13e/")
    button = phone.locator("button[data-copy]")
    expect(button).to_have_accessible_name("Copier le texte")
    phone.bring_to_front()  # the clipboard answers only a focused page
    button.click()
    expect(button).to_have_text("Texte copié")
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Plutôt faux") and copied.endswith(
        "/vrai-du-faux/logements-sociaux-13e/"
    )


def test_without_javascript_the_text_is_there_and_no_dead_button(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(served_site + "/vrai-du-faux/logements-sociaux-13e/")
    expect(page.locator(".share__text")).to_contain_text("#ParisPasserelles")
    expect(page.get_by_role("button", name="Copier le texte")).to_be_hidden()
    context.close()
