"""The share kit used as a volunteer would: a phone, one hand, the example campaign."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT, build_site, serve

SCREEN = 844  # an iPhone 12-14's viewport height at 390 px wide
SCREENS_MAX = 10


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size({"width": 390, "height": SCREEN})
    return page


@pytest.fixture(scope="module")
def example_served(example_site):
    with serve(example_site) as address:
        yield address, example_site


def test_the_19e_kit_fits_in_under_ten_screens(phone: Page, example_served):
    address, _ = example_served
    phone.goto(address + "/arrondissements/19e/partager/")
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height < SCREENS_MAX * SCREEN, f"{height} px, {height / SCREEN:.1f} écrans"
    # Local items first, labelled; the past meeting has left by itself.
    local = phone.locator(".kit-item--local")
    expect(local.first.locator(".kit-item__where")).to_have_text("Pour : 19e")
    expect(phone.locator("a[href$='/reunion-publique-logement-19e/']")).to_have_count(0)


def test_partager_hands_text_link_and_card_png_to_the_share_sheet(phone: Page, example_served):
    address, site = example_served
    phone.add_init_script(
        """
        window.shared = null;
        navigator.canShare = (data) => !!data;
        navigator.share = async (data) => {
          const files = await Promise.all((data.files || []).map(async (file) => ({
            name: file.name, type: file.type, size: file.size,
            head: Array.from(new Uint8Array(await file.slice(0, 8).arrayBuffer())),
          })));
          window.shared = {title: data.title, text: data.text, url: data.url, files};
        };
        """
    )
    phone.goto(address + "/arrondissements/19e/partager/")
    item = phone.locator(".kit-item--local").first
    button = item.get_by_role("button", name="Partager")
    expect(button).to_be_visible()
    button.click()
    phone.wait_for_function("window.shared !== null")
    shared = phone.evaluate("window.shared")
    [card] = shared["files"]
    assert card["type"] == "image/png" and card["name"] == "stationnement-19e.png"
    assert card["size"] == (site / "images/cartes/stationnement-19e.png").stat().st_size
    assert card["head"] == list(b"\x89PNG\r\n\x1a\n")
    assert shared["text"].startswith("Faux\u00a0: −14")  # truth first
    assert "http" not in shared["text"]  # the link goes apart
    assert "utm_source=appareil" in shared["url"] and "stationnement-19e" in shared["url"]


def test_without_javascript_the_networks_still_work(browser, example_served):
    address, _ = example_served
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": SCREEN}
    )
    page = context.new_page()
    page.goto(address + "/arrondissements/19e/partager/")
    item = page.locator(".kit-item--local").first
    expect(item.get_by_role("button", name="Partager")).to_be_hidden()
    item.locator("summary", has_text="Autres réseaux").click()
    whatsapp = item.get_by_role("link", name="WhatsApp")
    expect(whatsapp).to_be_visible()
    assert whatsapp.get_attribute("href").startswith("https://wa.me/?text=Faux")
    context.close()


CITYWIDE_CLAIM = """---
claim: "Affirmation pour tout Paris numéro {n}."
claimant: "Hélène Marchetti"
verdict: faux
summary: "Conclusion numéro {n}."
date: 2026-11-21 {hour:02d}:00
topics: [logement]
sources:
  - title: "Source"
    url: https://www.example.org/
---
Analyse.
"""


def test_a_19e_item_stays_after_14_newer_citywide_claims(phone: Page, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for n in range(14):
        text = CITYWIDE_CLAIM.format(n=n, hour=n + 6)
        (content / "claims" / f"tout-paris-{n}.md").write_text(text, encoding="utf-8")
    site = build_site(content, tmp_path / "output")
    with serve(site) as address:
        phone.goto(address + "/arrondissements/19e/partager/")
        local = phone.get_by_role("region", name="Dans le 19e")
        expect(local.locator("a[href$='/vrai-du-faux/stationnement-19e/']")).to_have_count(1)
        everywhere = phone.get_by_role("region", name="Pour tout Paris")
        expect(everywhere.locator("a[href*='/vrai-du-faux/tout-paris-13/']")).to_have_count(1)
