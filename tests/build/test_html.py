"""Tier 3: every generated page is valid HTML, and a claim page keeps to its budget."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import node_tool

# HTML, CSS and JavaScript of a claim page, before images (DESIGN.md, page budgets).
CLAIM_PAGE_BUDGET = 40 * 1024


def nu_checker_errors(*folders: Path) -> list[str]:
    """The Nu HTML Checker's errors over every HTML file of the folders, in one run."""
    java = shutil.which("java")
    if not java:
        pytest.fail("Java manque pour le validateur HTML : installez default-jre-headless.")
    jar = node_tool("vnu-jar", "build", "dist", "vnu.jar")
    command = [java, "-jar", str(jar), "--errors-only", "--skip-non-html", "--format", "json"]
    result = subprocess.run(
        [*command, *map(str, folders)], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m['url'].rsplit('/output/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]


def test_every_page_is_valid_html(site, preview_site):
    """Published pages and previewed drafts alike: zero errors."""
    assert len(list(site.rglob("*.html"))) > 30
    assert nu_checker_errors(site, preview_site) == []


def page_weight(site: Path, path: str) -> dict[str, int]:
    """Bytes of a page's HTML and of each stylesheet and script it loads."""
    html_path = site / path / "index.html"
    page = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    base = f"http://site/{path}/"
    weights = {path: html_path.stat().st_size}
    links = [tag["href"] for tag in page.select('link[rel="stylesheet"]')]
    links += [tag["src"] for tag in page.select("script[src]")]
    for address in links:
        local = urljoin(base, address).removeprefix("http://site/")
        weights[local] = (site / local).stat().st_size
    return weights


def test_claim_page_with_its_css_and_js_weighs_under_40_kb(site):
    weights = page_weight(site, "vrai-du-faux/logements-sociaux-13e")
    assert any(name.endswith(".css") for name in weights)
    assert any(name.endswith(".js") for name in weights)
    assert sum(weights.values()) < CLAIM_PAGE_BUDGET, weights


def test_share_kit_images_are_lazy_and_sized(site):
    page = BeautifulSoup((site / "partager/index.html").read_text(encoding="utf-8"), "html.parser")
    images = page.select("main img")
    assert images
    for image in images:
        assert image["loading"] == "lazy" and image["width"] and image["height"], image


def test_the_checker_does_report_an_invalid_page(tmp_path):
    """Guards the test above against a checker that would silently check nothing."""
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="fr"><head><title>t</title></head>\n'
        "<body><p><div>bloc dans un paragraphe</div></p></body></html>\n",
        encoding="utf-8",
    )
    errors = nu_checker_errors(folder)
    assert errors and all(error.startswith("index.html:3: ") for error in errors), errors
