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

from .content.model import Catalogue, Correction
from .content.sheets import derive_sheet
from .content.silence import ELECTION_ZONE, Window, announced, current, holding
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


def is_published(item, moment: datetime.datetime, silence: tuple = (), zone=ELECTION_ZONE) -> bool:
    """Published, not embargoed beyond `moment`, and not held back by an electoral
    silence (content/silence.py: dated, modified or corrected in a window not ended)."""
    if item.status != "published" or item.date > moment:
        return False
    return not silence or holding(item, silence, moment, zone) is None


@dataclass(frozen=True)
class Logged:
    """One correction of a published claim, as the corrections log lists it;
    `number` counts from 1 in the claim's own list (its anchor on the claim page)."""

    page: object
    correction: Correction
    number: int

    @property
    def anchor(self) -> str:
        return f"correction-{self.number}"


def corrections_log(claims: list) -> list[Logged]:
    """Every correction of the claims given, newest first; on one day, the claim
    published last first, then the claim's later correction first."""
    logged = [
        Logged(page, correction, number)
        for page in claims
        for number, correction in enumerate(page.item.corrections, start=1)
    ]
    return sorted(
        logged,
        key=lambda entry: (entry.correction.date, entry.page.date, entry.page.slug, entry.number),
        reverse=True,
    )


def is_pending(item, moment: datetime.datetime) -> bool:
    """A claim being checked (`status: en-cours`), public from its date: shown at its
    address and listed as such, never rated, counted, shared or syndicated."""
    return item.status == "en-cours" and item.date <= moment


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
    # Claims being checked, newest first: out of `claims` and of every grouping.
    pending_claims: list = field(default_factory=list)
    # Slugs of every valid document of each kind, drafts included.
    slugs: dict[Kind, set[str]] = field(default_factory=dict)
    claims_by_verdict: dict[str, list] = field(default_factory=dict)
    claims_by_topic: dict[str, list] = field(default_factory=dict)
    posts_by_topic: dict[str, list] = field(default_factory=dict)
    claims_by_district: dict[str, list] = field(default_factory=dict)
    posts_by_district: dict[str, list] = field(default_factory=dict)
    claims_by_claimant: dict[str, list] = field(default_factory=dict)
    sheets_by_topic: dict[str, object] = field(default_factory=dict)
    # Published promises, newest first, and their groupings (by status slug...).
    promises: list = field(default_factory=list)
    promises_by_status: dict[str, list] = field(default_factory=dict)
    promises_by_topic: dict[str, list] = field(default_factory=dict)
    promises_by_district: dict[str, list] = field(default_factory=dict)
    citywide_claims: list = field(default_factory=list)
    citywide_posts: list = field(default_factory=list)
    # Every correction of a published claim, newest first (the corrections log).
    corrections: list[Logged] = field(default_factory=list)
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
    # Electoral silence windows (content/silence.py), in date order.
    silence: tuple[Window, ...] = ()
    # The contact page's links to send a claim (sharing/contact.py), set by gather.py.
    contact: object = None
    # The workers drawing every card (images/card_batch.py), started while reading.
    drawings: object = None
    # Ways to follow a scope besides its feeds, by (scope, slug): ("tout", ""),
    # ("district", "19e"), ("topic", "logement"); each a sharing.follow.FollowEntry.
    follow_extras: dict = field(default_factory=dict)

    @property
    def silence_now(self) -> Window | None:
        """The electoral silence the build's moment is in: volunteers stop sharing."""
        return current(self.silence, self.moment)

    @property
    def silence_announced(self) -> Window | None:
        """The silence under way, or the next one, announced a week ahead."""
        return announced(self.silence, self.moment)

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
        return (
            self.claims + self.posts + newest_first(written) + derived + self.promises + self.events
        )

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
    silence: tuple[Window, ...] = (),
    zone=ELECTION_ZONE,
) -> Campaign:
    """The campaign's state from the valid pages of each kind.

    `derived_page(sheet)` makes the page of a sheet derived from a topic's claims;
    `url_of(page)` is a page's absolute address, which derived sheets cite.
    `silence` holds items back like an embargo (`zone`: the site's, for corrections).
    """
    campaign = Campaign(catalogue, moment, silence=silence)
    campaign.slugs = {kind: {page.slug for page in found} for kind, found in pages.items()}
    published = {}
    for kind in (Kind.CLAIM, Kind.POST, Kind.SHEET, Kind.PROMISE):
        found = pages.get(kind, [])
        shown = {id(p) for p in found if is_published(p.item, moment, silence, zone)}
        published[kind] = newest_first([p for p in found if id(p) in shown])
        pending = [page for page in found if is_pending(page.item, moment)]
        waiting = {id(page) for page in pending}
        previews = [page for page in found if id(page) not in shown | waiting]
        if kind is Kind.CLAIM:
            campaign.pending_claims = newest_first(pending)
        for page in previews:
            page.preview = True
        campaign.previews += previews if show_drafts else []
    campaign.claims, campaign.posts = published[Kind.CLAIM], published[Kind.POST]
    link_claims(campaign)
    link_posts(campaign)
    link_promises(campaign, published[Kind.PROMISE])
    campaign.corrections = corrections_log(campaign.claims)
    campaign.sheets = sheets_of_topics(campaign, published[Kind.SHEET], derived_page, url_of)
    campaign.sheets_by_topic = {page.item.topic.slug: page for page in campaign.sheets}
    campaign.district_map = layout(catalogue.districts)
    link_events(campaign, pages.get(Kind.EVENT, []), show_drafts, zone)
    link_actions(campaign, pages.get(Kind.ACTION, []), zone)
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


def link_promises(campaign: Campaign, promises: list) -> None:
    campaign.promises = promises
    campaign.promises_by_status = group(promises, lambda page: [page.item.progress.slug])
    campaign.promises_by_topic = group(promises, lambda page: [t.slug for t in page.item.topics])
    campaign.promises_by_district = group(
        promises, lambda page: [d.slug for d in page.item.districts]
    )


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


def link_events(campaign: Campaign, pages: list, show_drafts: bool, zone=ELECTION_ZONE) -> None:
    """Published events (their pages stay once over) and those to come: an event
    leaves every list of what is to come when it ends, by the build's moment. One
    announced during an electoral silence is held back like any item."""
    moment, silence = campaign.moment, campaign.silence
    shown = {id(p) for p in pages if is_published(p.item, moment, silence, zone)}
    campaign.events = soonest_first([p for p in pages if id(p) in shown])
    previews = [page for page in pages if id(page) not in shown]
    for page in previews:
        page.preview = True
    campaign.previews += previews if show_drafts else []
    campaign.upcoming_events = [p for p in campaign.events if not p.item.is_over(moment)]
    campaign.events_by_district = group(
        campaign.upcoming_events, lambda page: [d.slug for d in page.item.districts]
    )


def link_actions(campaign: Campaign, pages: list, zone=ELECTION_ZONE) -> None:
    """Today's calls to action (today is the build moment's day), each with the page
    of the item it asks to share when that item is published; none is previewed.
    During an electoral silence none goes out (is_published holds them back)."""
    moment, silence = campaign.moment, campaign.silence
    begun = [p for p in pages if is_published(p.item, moment, silence, zone)]
    targets = {page.slug: page for page in campaign.claims + campaign.posts}
    for topic, page in campaign.sheets_by_topic.items():
        targets.setdefault(topic, page)
    for page in begun:
        page.target = targets.get(page.item.item)
    campaign.actions_so_far = newest_first(begun)
    today = [page for page in campaign.actions_so_far if page.item.is_on(moment)]
    # During an electoral silence, nothing is to be shared: no call to action.
    campaign.actions = [] if campaign.silence_now else today
    campaign.actions_by_district = group(
        campaign.actions, lambda page: [d.slug for d in page.item.districts]
    )
