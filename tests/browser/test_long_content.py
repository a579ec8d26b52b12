"""Long content that `make check` accepts, on a 390 px phone: a 60-letter word and a
200-character address in a claim's title, text, summary and sources, a claimant's
long name and role, a district lead's long name and address, an event's long place,
a 150-character post title, a claim and a post in every topic and every district.

tests/fixtures/long/ lays these files over the fixture site (its data files replace
the site's: all 17 districts, the long lead and claimant)."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import Page

from conftest import FIXTURES, build_site, node_tool, serve

PHONE = {"width": 390, "height": 844}

# One page of each type the long content reaches, in the long site.
PAGES = {
    "home": "/",
    "claim": "/vrai-du-faux/mot-tres-long/",
    "claim-with-long-district-contact": "/vrai-du-faux/cantines-19e/",
    "claims": "/vrai-du-faux/",
    "verdict": "/vrai-du-faux/verdict/plutot-faux/",
    "embed": "/vrai-du-faux/mot-tres-long/integrer/",
    "topic": "/sujets/logement/",
    "claimants": "/personnalites/",
    "claimant": "/personnalites/"
    "marie-bernadette-philomene-de-la-rochefoucauld-montmorency-saint-germain-des-pres/",
    "post": "/actualites/titre-tres-long/",
    "posts": "/actualites/",
    "event": "/agenda/lieu-tres-long/",
    "agenda": "/agenda/",
    "districts": "/arrondissements/",
    "district": "/arrondissements/19e/",
    "share-kit": "/partager/",
    "district-share-kit": "/arrondissements/19e/partager/",
    "subscribe": "/abonner/",
    "district-subscribe": "/arrondissements/19e/abonner/",
    "sheet": "/fiches/logement/",
    "corrections": "/corrections/",
    "letter": "/lettres/2026-s47/19e/",
}


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("long") / "content"
    shutil.copytree(FIXTURES / "site", content)
    shutil.copytree(FIXTURES / "long", content, dirs_exist_ok=True)
    output = build_site(content, content.parent / "output")
    with serve(output) as address:
        yield address


def overflowing(page: Page, width: int) -> list[str]:
    """The innermost elements that reach past the right edge of the viewport."""
    return page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
             .filter((e) => e.getBoundingClientRect().right > width + .5)
             .filter((e) => ![...e.children].some(
               (c) => c.getBoundingClientRect().right > width + .5))
             .slice(0, 5)
             .map((e) => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 40))""",
        width,
    )


@pytest.mark.parametrize("kind", PAGES)
def test_long_content_never_scrolls_sideways_on_a_phone(page: Page, long_site, kind):
    page.set_viewport_size(PHONE)
    page.goto(long_site + PAGES[kind])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], overflowing(page, PHONE["width"])


def test_a_wide_table_scrolls_by_itself_reachable_by_keyboard(page: Page, long_site):
    """The analysis's table, with a 200-character address in a cell: its own region
    scrolls (focusable, named), the page does not; axe-core finds nothing."""
    page.set_viewport_size(PHONE)
    page.goto(long_site + PAGES["claim"])
    region = page.get_by_role("region", name="Tableau (défile de côté)")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    # The browser scrolls after the key press, in its own time on a busy machine.
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    page.add_script_tag(content=node_tool("axe-core", "axe.min.js").read_text(encoding="utf-8"))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [violation["id"] for violation in results["violations"]] == []
    page.emulate_media(media="print")  # paper does not scroll: the table is not clipped
    assert region.evaluate("e => getComputedStyle(e).overflowX") == "visible"


def test_the_email_letter_with_long_content_has_no_horizontal_scroll_at_375_px(
    page: Page, long_site
):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(long_site + "/lettres/2026-s47/19e/courriel.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, overflowing(page, 375)
