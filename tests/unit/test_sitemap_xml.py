"""Tier 1: /sitemap.xml and /robots.txt from plain entries."""

import datetime

from campaign.generators.sitemap import Entry, robots_txt, sitemap_xml

BASE = "https://campagne.example.org"


def test_entries_are_escaped_and_dated():
    when = datetime.datetime(2026, 3, 14, 10, tzinfo=datetime.UTC)
    xml = sitemap_xml(BASE, [Entry("a/?x=1&y=2"), Entry("b/", when)]).decode()
    assert "<loc>https://campagne.example.org/a/?x=1&amp;y=2</loc></url>" in xml
    assert "<lastmod>2026-03-14T10:00:00+00:00</lastmod>" in xml


def test_robots_txt_points_at_the_sitemap():
    assert robots_txt(BASE).decode().splitlines()[-1] == f"Sitemap: {BASE}/sitemap.xml"
