"""What axe-core cannot see: reflow with the reader's own text spacing (WCAG 1.4.12),
labels cut off by a drawing (1.4.10), a copy announced to screen readers (4.1.3),
the share kit driven by the keyboard alone (2.1.1, 2.4.3), badges legible in any
colour a campaign picks (1.4.3, 1.4.11)."""

import copy

import pytest
from playwright.sync_api import Page, expect

from campaign import settings as campaign_settings

from conftest import FIXTURES, build_site, serve

# The text-spacing bookmarklet of WCAG 1.4.12's understanding document.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
NARROW = {"width": 320, "height": 640}  # 1280 px at 400 % zoom

SPACED_PAGES = {
    "home": "/",
    "claim": "/vrai-du-faux/logements-sociaux-13e/",
    "verdict": "/vrai-du-faux/verdict/plutot-faux/",
    "claimant": "/personnalites/helene-marchetti/",
    "district": "/arrondissements/19e/",
    "share-kit": "/partager/",
    "promises": "/promesses/",
    "corrections": "/corrections/",
}


@pytest.mark.parametrize("kind", SPACED_PAGES)
def test_text_spacing_at_320_px_never_scrolls_sideways(page: Page, served_site, kind):
    page.set_viewport_size(NARROW)
    page.goto(served_site + SPACED_PAGES[kind])
    page.add_style_tag(content=TEXT_SPACING)
    wide = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
             .filter((e) => e.getBoundingClientRect().right > innerWidth + .5)
             .map((e) => e.tagName.toLowerCase() + '.' + e.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], wide[:5]


@pytest.mark.parametrize("width", [320, 1280])
def test_district_map_labels_fit_in_their_boxes(page: Page, served_site, width):
    """« Paris-Centre » is longer than its box: it must still be read whole."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(served_site + "/arrondissements/")
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.district-map a')].flatMap((a) => {
             const box = a.querySelector('rect').getBoundingClientRect();
             const text = a.querySelector('text').getBoundingClientRect();
             const inside = text.left >= box.left && text.right <= box.right
               && text.top >= box.top && text.bottom <= box.bottom;
             return inside ? [] : [a.getAttribute('aria-label')];
           })"""
    )
    assert cut == []


def test_the_kit_by_keyboard_alone_copies_and_announces_then_reaches_every_network(
    page: Page, served_site, context
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "/partager/")
    page.bring_to_front()  # the clipboard answers only a focused page
    item = page.locator(".kit-item").first
    copy = item.get_by_role("button", name="Copier le texte")

    def tab_to(target) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if target.evaluate("e => e === document.activeElement"):
                return
        pytest.fail(f"Tab n’atteint pas {target}")

    tab_to(copy)
    page.keyboard.press("Enter")
    # Said to screen readers by a live region, not only by the button's new label.
    expect(page.get_by_role("status")).to_have_text("Texte copié dans le presse-papiers.")
    text = item.locator(".share__text").text_content().strip()
    assert page.evaluate("navigator.clipboard.readText()") == text
    # The networks are folded: Space on the summary opens them, Tab reaches each.
    summary = item.locator("summary")
    tab_to(summary)
    page.keyboard.press("Space")
    links = item.locator(".share__link")
    assert links.count() >= 9
    for link in links.all():
        tab_to(link)


def test_the_flyer_on_a_320_px_screen_reflows_whole(page: Page, served_site):
    """The A5 frame is for paper: on a narrow screen, no sideways scroll and no
    line cut short by an ellipsis (WCAG 1.4.10); printing keeps its one A5 page."""
    page.set_viewport_size(NARROW)
    page.goto(served_site + "/arrondissements/19e/tract/")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.flyer *')]
             .filter((e) => e.scrollWidth > e.clientWidth + 1
               || e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflow === 'hidden')
             .map((e) => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 40))"""
    )
    assert cut == []


CONTRAST = """(e) => {
  const lum = (c) => c.match(/[\\d.]+/g).slice(0, 3).map((v) => v / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + .05) / (Math.min(lum(a), lum(b)) + .05);
  const style = getComputedStyle(e);
  const dot = e.querySelector('.verdict__gauge i, .g i');
  return {
    text: ratio(style.color, style.backgroundColor),
    gauge: dot ? ratio(getComputedStyle(dot).borderTopColor, style.backgroundColor) : 21,
  };
}"""


@pytest.fixture(scope="module")
def light_site(tmp_path_factory):
    """The fixture site with a campaign's own light colours (a yellow « Plutôt faux »,
    a pale « Tenue »), as VERDICTS and PROMISE_STATUSES allow."""
    verdicts = copy.deepcopy(campaign_settings.VERDICTS)
    statuses = copy.deepcopy(campaign_settings.PROMISE_STATUSES)
    next(v for v in verdicts if v["slug"] == "plutot-faux")["colour"] = "#f2c94c"
    next(s for s in statuses if s["slug"] == "tenue")["colour"] = "#9be7a8"
    output = tmp_path_factory.mktemp("clair") / "output"
    build_site(FIXTURES / "site", output, VERDICTS=verdicts, PROMISE_STATUSES=statuses)
    with serve(output) as address:
        yield address


@pytest.mark.parametrize(
    "path, badge",
    [
        ("/vrai-du-faux/verdict/plutot-faux/", ".verdict--plutot-faux"),
        ("/promesses/statut/tenue/", ".promise-status--tenue"),
        ("/vrai-du-faux/logements-sociaux-13e/integrer/", ".v"),  # on another site
    ],
)
def test_a_badge_in_a_light_colour_keeps_its_word_and_gauge_legible(
    page: Page, light_site, path, badge
):
    page.goto(light_site + path)
    badges = page.locator(badge)
    assert badges.count() > 0
    for found in badges.all():
        ratios = found.evaluate(CONTRAST)
        assert ratios["text"] >= 4.5 and ratios["gauge"] >= 3, ratios
