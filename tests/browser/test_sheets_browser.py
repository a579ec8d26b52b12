"""Sheets in a real Chromium: the printed A4 sheet and the QR code on it."""

import re

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Page

from conftest import route_site, serve

SITE = "https://campagne.example.org"

PRINT_QUERY = (
    "?utm_source=fiche-imprimee&utm_medium=impression"
    "&utm_campaign=municipales-2026&utm_content={slug}"
)


@pytest.fixture(scope="module")
def example_served(example_site):
    """The shipped example campaign, built and served: its sheets are the longest."""
    with serve(example_site) as address:
        yield address, example_site


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF written by Chromium (Skia writes one /Type /Page object each)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_every_example_sheet_prints_on_one_or_two_a4_pages(page: Page, example_served):
    base, output = example_served
    slugs = sorted(path.stem for path in (output / "fiches").glob("*.png"))
    assert len(slugs) >= 5
    for slug in slugs:
        page.goto(f"{base}/fiches/{slug}/")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        assert 1 <= pdf_pages(pdf) <= 2, slug


def test_printed_sheet_hides_the_screen_parts_and_keeps_the_qr_code(page: Page, production_site):
    route_site(page, production_site, SITE)
    page.goto(f"{SITE}/fiches/transports/")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".sheet__infographic", ".share"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".sheet__print svg.qr").is_visible()


def test_qr_code_decodes_to_the_online_sheet_tagged_for_print(browser, production_site, tmp_path):
    # A phone's screen: 390 CSS pixels wide, three device pixels to each.
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3)
    page = context.new_page()
    route_site(page, production_site, SITE)
    page.goto(SITE + "/fiches/transports/")
    shot = tmp_path / "qr.png"
    page.locator(".sheet__print svg.qr").screenshot(path=str(shot))
    [code] = zxingcpp.read_barcodes(Image.open(shot))
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    # A preview prints no QR code (its address is local): the production build's.
    expected = f"{SITE}/fiches/transports/" + PRINT_QUERY.format(slug="transports")
    assert code.text == expected
    context.close()
