"""The campaign's state, assembled once after reading, for every generator to write from.

After validation, one function sorts every page into what is published and what
is only previewed, derives the sheets of topics that have none, and builds every
grouping and cross-link (by topic, district, claimant, verdict; sheet to claims).
Generators only write from this state: none reads what another one gathered, so
their order matters only for writing (see pipeline.py).

Pages are the build's page objects (see generators/pages.py), used here through
what every page has: `kind`, `item` (the domain object), `slug` and `date`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .content.model import Catalogue
from .content.sheets import derive_sheet
from .images.districtmap import DistrictMap, layout
from .kinds import Kind

# The key of the state in Pelican's context, which templates read as `campaign`.
CAMPAIGN = "campaign"


def group(items: Iterable, keys: Callable[[object], Iterable]) -> dict:
    """Index items under each of their keys, in one pass, keeping item order."""
    groups = defaultdict(list)
    for item in items:
        for key in keys(item):
            groups[key].append(item)
    return groups


def newest_first(pages: list) -> list:
    """Pages by publication date, the newest first; ties by address, for stable output."""
    return sorted(pages, key=lambda page: (page.date, page.slug), reverse=True)


def is_published(item, moment: datetime.datetime) -> bool:
    """Published, and not embargoed beyond `moment`."""
    return item.status == "published" and item.date <= moment


@dataclass
class Campaign:
    """Everything the generators write, gathered once.

    Lists of pages are newest first, except `sheets`, in the order of the topics.
    `previews` are the drafts and embargoed pages shown by a preview build only.
    """

    catalogue: Catalogue
    moment: datetime.datetime
    claims: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    sheets: list = field(default_factory=list)
    previews: list = field(default_factory=list)
    # Slugs of every valid document of each kind, drafts included.
    slugs: dict[Kind, set[str]] = field(default_factory=dict)
    claims_by_verdict: dict[str, list] = field(default_factory=dict)
    claims_by_topic: dict[str, list] = field(default_factory=dict)
    posts_by_topic: dict[str, list] = field(default_factory=dict)
    claims_by_district: dict[str, list] = field(default_factory=dict)
    posts_by_district: dict[str, list] = field(default_factory=dict)
    claims_by_claimant: dict[str, list] = field(default_factory=dict)
    sheets_by_topic: dict[str, object] = field(default_factory=dict)
    citywide_claims: list = field(default_factory=list)
    citywide_posts: list = field(default_factory=list)
    district_map: DistrictMap | None = None
    # The daily loop (link_actions, link_events): today's calls to action, newest
    # day first; published events by start, and those not over yet.
    actions: list = field(default_factory=list)
    actions_so_far: list = field(default_factory=list)  # begun by now, over or not
    actions_by_district: dict[str, list] = field(default_factory=dict)
    events: list = field(default_factory=list)
    upcoming_events: list = field(default_factory=list)
    events_by_district: dict[str, list] = field(default_factory=dict)
    # The weekly letters, by week, newest first (sharing/letters.every_letter).
    letters: list = field(default_factory=list)
    # The workers drawing every card (images/card_batch.py), started while reading.
    drawings: object = None

    @property
    def verdict_counts(self) -> dict[str, int]:
        return {slug: len(pages) for slug, pages in self.claims_by_verdict.items()}

    @property
    def items(self) -> list:
        """Published claims and posts, newest first: what is shared and syndicated."""
        return newest_first(self.claims + self.posts)

    @property
    def carded(self) -> list:
        """Published pages with a social card, in the order cards are drawn and
        written: items, sheets, events (an event's page stays once it is over)."""
        return self.items + self.sheets + self.events

    @property
    def searchable(self) -> list:
        """Published pages of the search index: claims, posts, then sheets (those
        written before those derived), then events (over or not: their pages stay)."""
        written = [page for page in self.sheets if not page.item.derived]
        derived = [page for page in self.sheets if page.item.derived]
        return self.claims + self.posts + newest_first(written) + derived + self.events

    @property
    def citywide_actions(self) -> list:
        return [page for page in self.actions if not page.item.districts]

    def district_actions(self, slug: str) -> list:
        """Today's calls to action for a district: its own, then those for all Paris."""
        return self.actions_by_district.get(slug, []) + self.citywide_actions

    @property
    def citywide_events(self) -> list:
        return [page for page in self.upcoming_events if not page.item.districts]

    def district_events(self, slug: str) -> list:
        """Events to come in a district or for all Paris, the soonest first."""
        local = set(self.events_by_district.get(slug, []) + self.citywide_events)
        return [page for page in self.upcoming_events if page in local]

    def district_items(self, slug: str) -> list:
        """A district's own items and the city-wide ones, newest first."""
        local = self.claims_by_district.get(slug, []) + self.posts_by_district.get(slug, [])
        return newest_first(local + self.citywide_claims + self.citywide_posts)


def assemble(
    catalogue: Catalogue,
    pages: dict[Kind, list],
    moment: datetime.datetime,
    show_drafts: bool,
    derived_page: Callable[[object], object],
    url_of: Callable[[object], str],
) -> Campaign:
    """The campaign's state from the valid pages of each kind.

    `derived_page(sheet)` makes the page of a sheet derived from a topic's claims;
    `url_of(page)` is a page's absolute address, which derived sheets cite.
    """
    campaign = Campaign(catalogue, moment)
    campaign.slugs = {kind: {page.slug for page in found} for kind, found in pages.items()}
    published = {}
    for kind in (Kind.CLAIM, Kind.POST, Kind.SHEET):
        published[kind] = newest_first([p for p in pages[kind] if is_published(p.item, moment)])
        previews = [page for page in pages[kind] if not is_published(page.item, moment)]
        for page in previews:
            page.preview = True
        campaign.previews += previews if show_drafts else []
    campaign.claims, campaign.posts = published[Kind.CLAIM], published[Kind.POST]
    link_claims(campaign)
    link_posts(campaign)
    campaign.sheets = sheets_of_topics(campaign, published[Kind.SHEET], derived_page, url_of)
    campaign.sheets_by_topic = {page.item.topic.slug: page for page in campaign.sheets}
    campaign.district_map = layout(catalogue.districts)
    link_events(campaign, pages.get(Kind.EVENT, []), show_drafts)
    link_actions(campaign, pages.get(Kind.ACTION, []))
    return campaign


def link_claims(campaign: Campaign) -> None:
    claims = campaign.claims
    campaign.claims_by_verdict = group(claims, lambda page: [page.item.verdict.slug])
    campaign.claims_by_topic = group(claims, lambda page: [t.slug for t in page.item.topics])
    campaign.claims_by_district = group(claims, lambda page: [d.slug for d in page.item.districts])
    campaign.claims_by_claimant = group(claims, lambda page: [page.item.claimant.slug])
    campaign.citywide_claims = [page for page in claims if not page.item.districts]


def link_posts(campaign: Campaign) -> None:
    posts = campaign.posts
    campaign.posts_by_topic = group(posts, lambda page: [t.slug for t in page.item.topics])
    campaign.posts_by_district = group(posts, lambda page: [d.slug for d in page.item.districts])
    campaign.citywide_posts = [page for page in posts if not page.item.districts]


def sheets_of_topics(
    campaign: Campaign, written: list, derived_page: Callable, url_of: Callable
) -> list:
    """One sheet per topic that has one: the published sheet file, else a sheet
    derived from the topic's published claims. A sheet shown in preview takes its
    topic's address: no derived sheet there."""
    by_topic = {page.item.topic.slug: page for page in written}
    previewed = {page.item.topic.slug for page in campaign.previews if page.kind is Kind.SHEET}
    sheets = []
    for topic in campaign.catalogue.topics:
        page = by_topic.get(topic.slug)
        claim_pages = campaign.claims_by_topic.get(topic.slug, [])
        if page is None and claim_pages and topic.slug not in previewed:
            page = derived_page(derive_sheet(topic, claim_pages, url_of))
        if page is not None:
            sheets.append(page)
    return sheets


def soonest_first(pages: list) -> list:
    """Events by start, then end, then address: a stable order."""
    return sorted(pages, key=lambda page: (page.item.start, page.item.end, page.slug))


def link_events(campaign: Campaign, pages: list, show_drafts: bool) -> None:
    """Published events (their pages stay once over) and those to come: an event
    leaves every list of what is to come when it ends, by the build's moment."""
    moment = campaign.moment
    campaign.events = soonest_first([p for p in pages if is_published(p.item, moment)])
    previews = [page for page in pages if not is_published(page.item, moment)]
    for page in previews:
        page.preview = True
    campaign.previews += previews if show_drafts else []
    campaign.upcoming_events = [p for p in campaign.events if not p.item.is_over(moment)]
    campaign.events_by_district = group(
        campaign.upcoming_events, lambda page: [d.slug for d in page.item.districts]
    )


def link_actions(campaign: Campaign, pages: list) -> None:
    """Today's calls to action (today is the build moment's day), each with the page
    of the item it asks to share when that item is published; none is previewed."""
    moment = campaign.moment
    begun = [p for p in pages if p.item.status == "published" and p.item.date <= moment]
    targets = {page.slug: page for page in campaign.claims + campaign.posts}
    for topic, page in campaign.sheets_by_topic.items():
        targets.setdefault(topic, page)
    for page in begun:
        page.target = targets.get(page.item.item)
    campaign.actions_so_far = newest_first(begun)
    campaign.actions = [page for page in campaign.actions_so_far if page.item.is_on(moment)]
    campaign.actions_by_district = group(
        campaign.actions, lambda page: [d.slug for d in page.item.districts]
    )
