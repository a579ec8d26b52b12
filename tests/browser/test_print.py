"""The A4 sheet as printed for the doorstep, in Chromium's print layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.conftest import route_site

SITE = "https://campagne.example.org"
MM = 96 / 25.4  # CSS pixels per millimetre
PAGE_ONE = (297 - 12 - 14) * MM  # A4 less the @page margins of sheet.css


@pytest.fixture
def printed(page: Page, production_site) -> Page:
    route_site(page, production_site, SITE)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(SITE + "/fiches/transports/")
    page.emulate_media(media="print")
    return page


def test_qr_code_and_address_are_on_page_one(printed: Page):
    qr = printed.locator(".sheet__print svg.qr").bounding_box()
    address = printed.locator(".sheet__address").bounding_box()
    assert qr and qr["y"] + qr["height"] < PAGE_ONE
    assert address["y"] + address["height"] < PAGE_ONE
    assert printed.locator(".sheet__address").text_content().startswith(SITE)


def test_no_list_item_is_split_across_columns(printed: Page):
    fragments = printed.evaluate(
        """[...document.querySelectorAll('.sheet li, .objection')]
             .map((el) => el.getClientRects().length)"""
    )
    shown = [count for count in fragments if count]  # hidden in print: no box at all
    assert shown and all(count == 1 for count in shown)


def test_a_preview_prints_no_qr_code_to_a_local_address(page: Page, served_site):
    page.goto(served_site + "/fiches/transports/")
    page.emulate_media(media="print")
    assert page.locator("svg.qr").count() == 0
    assert "127.0.0.1" not in (page.locator(".sheet__print").text_content() or "")
    assert "Aperçu local" in page.locator(".sheet__print-note").text_content()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
