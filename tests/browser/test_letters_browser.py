"""The 19e's weekly letter in a real Chromium: readable on a phone, 375 px wide,
with no horizontal scroll; 600 px wide at most on a desktop."""

from playwright.sync_api import Page


def test_the_19e_email_letter_has_no_horizontal_scroll_at_375_px(page: Page, served_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{served_site}/lettres/2026-s47/19e/courriel.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 14 and page.evaluate("document.querySelectorAll('td').length") > 3
    page.set_viewport_size({"width": 1200, "height": 800})
    box = page.locator("table.container").bounding_box()
    assert box["width"] == 600
