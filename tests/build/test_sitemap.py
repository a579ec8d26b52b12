"""Tier 3: /sitemap.xml and /robots.txt of a build (their making: unit/test_sitemap_xml.py)."""

import xml.etree.ElementTree as ET

from test_build import PUBLISHED, UNPUBLISHED

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "https://campagne.example.org"


def locations(site) -> dict[str, str | None]:
    """Each <loc> of the sitemap with its <lastmod>, if any."""
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_public_pages_with_absolute_addresses(production_site):
    urls = locations(production_site)
    for slug in PUBLISHED:
        assert f"{BASE}/vrai-du-faux/{slug}/" in urls
    assert urls[f"{BASE}/vrai-du-faux/logements-sociaux-13e/"] == "2026-03-14T10:00:00+01:00"
    for path in ["", "vrai-du-faux/", "vrai-du-faux/verdict/faux/", "sujets/logement/"]:
        assert f"{BASE}/{path}" in urls
    for path in ["personnalites/helene-marchetti/", "arrondissements/19e/partager/"]:
        assert f"{BASE}/{path}" in urls
    for path in ["methode/", "confidentialite/", "recherche/", "actualites/reunion-19e/"]:
        assert f"{BASE}/{path}" in urls
    assert all(url.startswith(f"{BASE}/") for url in urls)
    assert f"{BASE}/404.html" not in urls


def test_every_listed_page_exists(production_site):
    for url in locations(production_site):
        path = url.removeprefix(BASE + "/")
        assert (production_site / path / "index.html").exists(), url


def test_sitemap_never_lists_drafts_or_embargoed_items(preview_site):
    listed = "\n".join(locations(preview_site))
    for slug in UNPUBLISHED:
        assert (preview_site / "vrai-du-faux" / slug / "index.html").exists()
        assert slug not in listed


def test_robots_txt_of_a_build(production_site):
    assert (production_site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\n\nSitemap: {BASE}/sitemap.xml\n"
    )


def test_every_indexable_page_of_the_build_is_listed(production_site):
    """A page a search engine may index (no « noindex ») is in the sitemap: the
    subscribe pages (/abonner/, per district and topic) were left out."""
    urls = locations(production_site)
    for page in sorted(production_site.rglob("index.html")):
        if '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8"):
            continue
        folder = page.parent.relative_to(production_site).as_posix()
        url = f"{BASE}/" if folder == "." else f"{BASE}/{folder}/"
        assert url in urls, url
