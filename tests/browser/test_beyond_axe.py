"""What axe-core cannot see: reflow with the reader's own text spacing (WCAG 1.4.12),
labels cut off by a drawing (1.4.10)."""

import pytest
from playwright.sync_api import Page

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
