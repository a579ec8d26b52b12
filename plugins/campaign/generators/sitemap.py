"""/sitemap.xml and /robots.txt, from the pages gathered for this build.

Only public pages are listed: published claims, posts and sheets (dated by their last
change), Pelican's published pages, and the first page of every listing. Drafts
and embargoed items are not in the state's published lists, so they cannot be listed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..assembly import Campaign
from ..sharing.follow import follow_pages
from ..sharing.items import site_url
from .base import CampaignGenerator


@dataclass(frozen=True, order=True)
class Entry:
    path: str  # from the site's root, e.g. "vrai-du-faux/velo/"
    lastmod: datetime.datetime | None = None


def sitemap_xml(base: str, entries: list[Entry]) -> bytes:
    """The sitemap protocol's XML, one <url> per entry, in the given order."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for entry in entries:
        lastmod = f"<lastmod>{entry.lastmod.isoformat()}</lastmod>" if entry.lastmod else ""
        lines.append(f"<url><loc>{escape(f'{base}/{entry.path}')}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots_txt(base: str) -> bytes:
    """Every page may be crawled; the sitemap says which ones exist."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n".encode()


def listing_paths(campaign: Campaign, settings: dict) -> list[str]:
    """The first page of every listing and of the fixed pages the plugin writes."""
    catalogue = campaign.catalogue
    paths = ["", settings["CLAIMS_INDEX_URL"], settings["POSTS_INDEX_URL"]]
    paths += [settings["TOPICS_INDEX_URL"], settings["CLAIMANTS_INDEX_URL"]]
    paths += [settings["DISTRICTS_INDEX_URL"], settings["SHARE_URL"], settings["SEARCH_URL"]]
    paths += [settings["SHEETS_INDEX_URL"], settings["PROMISES_INDEX_URL"]]
    paths += [settings["AGENDA_URL"], settings["LETTERS_URL"]]
    paths += [settings["LETTERS_URL"] + one.path for week in campaign.letters for one in week]
    paths += [
        settings["PROMISE_STATUS_URL"].format(slug=s.slug) for s in catalogue.promise_statuses
    ]
    paths += [settings["OPENDATA_URL"], settings["LEGAL_URL"]]
    paths += [settings["VERDICT_URL"].format(slug=v.slug) for v in catalogue.verdicts]
    paths += [settings["TOPIC_URL"].format(slug=t.slug) for t in catalogue.topics]
    paths += [settings["CLAIMANT_URL"].format(slug=s) for s in campaign.claims_by_claimant]
    for district in catalogue.districts:
        paths.append(settings["DISTRICT_URL"].format(slug=district.slug))
        paths.append(settings["DISTRICT_SHARE_URL"].format(slug=district.slug))
    paths += [page.url for page in follow_pages(catalogue, settings)]  # « S'abonner »
    return paths


def public_entries(campaign: Campaign, pages: list, settings: dict) -> list[Entry]:
    """Every public page of the build, sorted by address; `pages` are Pelican's
    published fixed pages."""
    entries = [Entry(path) for path in listing_paths(campaign, settings)]
    pages_with_dates = campaign.claims + campaign.pending_claims + campaign.posts
    for page in pages_with_dates + campaign.sheets + campaign.promises + campaign.events:
        item = page.item
        entries.append(Entry(page.url, item.modified or item.date))
    entries += [Entry(page.url) for page in pages]
    return sorted(entries)


class SitemapGenerator(CampaignGenerator):
    """Writes /sitemap.xml and /robots.txt with absolute addresses."""

    def generate_output(self, writer):
        base = site_url(self.settings)
        entries = public_entries(self.campaign, self.context.get("pages", []), self.settings)
        self.write_data(writer, "sitemap.xml", sitemap_xml(base, entries))
        self.write_data(writer, "robots.txt", robots_txt(base))
