"""Writes what volunteers share: social cards, feeds and the share kits.

What each item needs to be shared is made by sharing/items.py; the feeds
themselves by sharing/feeds.py. This is the edge that writes them.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo

from ..assembly import newest_first
from ..images.cache import ensure_card, forget_unused_cards
from ..kinds import Kind
from ..sharing import corrections, feeds
from ..sharing.items import action_entry, feed_entry, site_url
from ..sharing.kit import kit_sections
from .base import CampaignGenerator


class SharingGenerator(CampaignGenerator):
    """Social cards, feeds and share kits of the published claims, posts and sheets.

    The cards are drawn by workers from the moment the build reads (see gather.py).
    Feeds come first, while the workers still draw: a feed gives each of its cards'
    sizes, read from the cache, each card drawn here if no worker has yet. Then
    every card goes into the output, then the kits. (Feeds used to wait for every
    card: on a first build they were then written on one core, the other idle.)
    """

    def generate_output(self, writer):
        sizes = CardSizes(self.campaign.carded, self.campaign.drawings)
        # Only items some feed carries get an entry, each built once for all feeds.
        render = self.feed_renderer()
        entries = {}
        limit = self.settings["CAMPAIGN_FEED_ITEMS"]
        for name, title, pages in self.feed_definitions():
            for page in pages[:limit]:
                if page.url not in entries:
                    entries[page.url] = self.feed_entry(page, sizes, render)
            path = self.settings["CAMPAIGN_FEED_URL"].format(name=name)
            self.write_feed(writer, path, title, [entries[p.url] for p in pages[:limit]])
        self.write_corrections_feed(writer)
        self.write_cards(writer)
        self.write_share_kits(writer)

    def feed_entry(self, page, sizes: CardSizes, render):
        if page.kind is Kind.ACTION:
            target = page.target
            size = sizes[target.share.card] if target is not None else 0
            return action_entry(page, self.settings, size)
        return feed_entry(page, self.settings, sizes[page.share.card], render(page))

    def write_corrections_feed(self, writer) -> None:
        """/flux/corrections.*: the latest corrections of published claims."""
        zone = ZoneInfo(self.settings.get("TIMEZONE", "UTC"))
        logged = self.campaign.corrections[: self.settings["CAMPAIGN_FEED_ITEMS"]]
        entries = [corrections.correction_entry(entry, zone) for entry in logged]
        path = self.settings["CAMPAIGN_FEED_URL"].format(name=corrections.FEED_NAME)
        self.write_feed(writer, path, corrections.FEED_TITLE, entries)

    def feed_renderer(self):
        """The item's full HTML for feeds, from the theme's feed_item template."""
        template = self.get_template("feed_item")
        base = {**self.context, "SITEURL": site_url(self.settings)}
        # Links inside items are absolute: a feed reader has no page to resolve them.
        return lambda page: feeds.absolute_links(template.render(base, page=page), page.share.url)

    def write_cards(self, writer) -> None:
        """Each card in the output, unless there already."""
        pages = self.campaign.carded
        drawn = self.campaign.drawings.results()
        for page, (key, cached) in zip(pages, drawn, strict=True):
            writer.link_cached(page.share.card, key, cached)
        drawings = self.campaign.drawings
        forget_unused_cards(drawings.cache_dir, drawings.keys())

    def feed_definitions(self):
        """(name, title, pages) of every feed, pages newest first."""
        campaign = self.campaign
        catalogue, sheets = campaign.catalogue, campaign.sheets
        # Sheets are for all of Paris: they go wherever city-wide items go.
        # Today's calls to action and the events to come go where their districts'
        # items go: they leave the feeds when their days are over.
        loop = campaign.actions + campaign.upcoming_events
        yield "tout", "Tout", newest_first(campaign.items + sheets + loop)
        yield "vrai-du-faux", "Le vrai du faux", campaign.claims
        yield "actualites", "Actualités", campaign.posts
        yield "fiches", "Fiches argumentaires", newest_first(sheets)
        for district in catalogue.districts:
            yield (
                f"arrondissements/{district.slug}",
                district.name,
                newest_first(
                    campaign.district_items(district.slug)
                    + sheets
                    + campaign.district_actions(district.slug)
                    + campaign.district_events(district.slug)
                ),
            )
        for topic in catalogue.topics:
            pages = campaign.claims_by_topic.get(topic.slug, [])
            pages = pages + campaign.posts_by_topic.get(topic.slug, [])
            if topic.slug in campaign.sheets_by_topic:
                pages.append(campaign.sheets_by_topic[topic.slug])
            yield f"sujets/{topic.slug}", topic.name, newest_first(pages)
        for verdict in catalogue.verdicts:
            pages = campaign.claims_by_verdict.get(verdict.slug, [])
            yield f"verdicts/{verdict.slug}", f"Verdict « {verdict.label} »", pages

    def write_share_kits(self, writer) -> None:
        campaign = self.campaign
        self.write_share_kit(writer, self.settings["SHARE_URL"], campaign.items, district=None)
        for district in campaign.catalogue.districts:
            url = self.settings["DISTRICT_SHARE_URL"].format(slug=district.slug)
            self.write_share_kit(writer, url, campaign.district_items(district.slug), district)

    def write_share_kit(self, writer, url: str, pages: list, district) -> None:
        """Today's calls to action, then pinned items, the district's own, city-wide
        ones (sharing/kit.py), the events to come and the sheets."""
        campaign = self.campaign
        actions = campaign.district_actions(district.slug) if district else campaign.actions
        events = campaign.district_events(district.slug) if district else campaign.upcoming_events
        kit = kit_sections(pages, campaign.sheets, district, campaign.moment, self.settings)
        # A call to action's item already in the kit is pointed to, not shown twice.
        listed = {f"{e.page.kind.value}-{e.page.slug}" for e in kit.items}
        shown = events[: self.settings["CAMPAIGN_SHARE_EVENTS"]]
        self.write_at(
            writer, url, "share", kit=kit, district=district, actions=actions, events=shown,
            listed=listed,
        )  # fmt: skip


class CardSizes:
    """{card's address: its size in bytes}, each read when first asked for from the
    card's file in the cache (the very file linked into the output), drawn then if
    no worker has yet: a card drawn twice is the same bytes, written atomically."""

    def __init__(self, carded: list, drawings):
        # The batch was given the carded pages' specs in this order (gather.py).
        self.specs = {
            page.share.card: spec for page, spec in zip(carded, drawings.specs, strict=True)
        }
        self.cache_dir = drawings.cache_dir
        self.sizes: dict[str, int] = {}

    def __getitem__(self, card: str) -> int:
        if card not in self.sizes:
            self.sizes[card] = os.path.getsize(ensure_card(self.specs[card], self.cache_dir))
        return self.sizes[card]
