"""A district's flyer in a real Chromium: one A5 page, and a QR code to the
district page tagged for print."""

import re

import zxingcpp
from PIL import Image
from playwright.sync_api import Page

A5_POINTS = (419.5, 595.3)  # 148 x 210 mm


def test_the_19e_flyer_prints_on_one_a5_page(page: Page, served_site):
    page.goto(f"{served_site}/arrondissements/19e/tract/")
    pdf = page.pdf(print_background=True, prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1
    [box] = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)[:1]
    assert abs(float(box[0]) - A5_POINTS[0]) < 1 and abs(float(box[1]) - A5_POINTS[1]) < 1
    page.emulate_media(media="print")
    screen_only = page.locator(".screen-only")
    assert screen_only.count() == 2  # the way back, the legal notices' link
    assert not any(screen_only.nth(i).is_visible() for i in range(screen_only.count()))
    lines = page.locator(".flyer li")
    for index in range(lines.count()):
        line = lines.nth(index)
        height = line.evaluate("e => e.getBoundingClientRect().height")
        rows = 2 if "event" in (line.get_attribute("class") or "") else 1
        assert height < rows * 24, line.inner_text()  # each on its line(s), never wrapped


def test_the_flyer_qr_code_leads_to_the_district_page_tagged_for_print(
    browser, served_site, tmp_path
):
    context = browser.new_context(viewport={"width": 600, "height": 900}, device_scale_factor=3)
    page = context.new_page()
    page.goto(f"{served_site}/arrondissements/19e/tract/")
    shot = tmp_path / "qr.png"
    page.locator("svg.qr").screenshot(path=str(shot))
    [code] = zxingcpp.read_barcodes(Image.open(shot))
    assert code.text == (
        "http://127.0.0.1:8000/arrondissements/19e/?utm_source=tract&utm_medium=impression"
        "&utm_campaign=municipales-2026&utm_content=19e"
    )
    context.close()
