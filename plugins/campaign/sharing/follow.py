"""How to follow the campaign: one page for all Paris, each district and each topic.

Plain data for the « S'abonner » pages (generators/follow.py writes them): the
feed addresses, then whatever else a reader can follow. Other features plug their
own ways in without touching this file: an entry in the CAMPAIGN_FOLLOW_EXTRAS
setting (its url may name {scope} and {slug}), or entries that the assembled
state puts in `Campaign.follow_extras[(scope, slug)]` (a calendar, a letter...).
The campaign's own channels come from CAMPAIGN_CHANNELS ({name, url} each).
"""

from __future__ import annotations

from dataclasses import dataclass

from .feeds import SUFFIXES

SCOPES = ("tout", "district", "topic")
FORMATS = (
    ("rss", "RSS", "le plus répandu, lu par presque toutes les applications"),
    ("atom", "Atom", "la même chose, dans un format plus récent"),
    ("json", "JSON Feed", "pour les applications qui le préfèrent"),
)


@dataclass(frozen=True)
class FollowEntry:
    """Something to follow: a title, its address, a line saying what it is."""

    title: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class FollowPage:
    scope: str  # "tout", "district" or "topic"
    slug: str
    name: str  # « tout Paris », « 19e arrondissement », « Logement »
    url: str  # the page's own address, from the root
    feed: str  # the feeds' name: "tout", "arrondissements/19e", "sujets/logement"
    back_url: str  # the page it is followed from


def absolute(url: str, site: str) -> str:
    return url if "://" in url or url.startswith("mailto:") else f"{site}/{url.lstrip('/')}"


def feed_entries(page: FollowPage, settings: dict, site: str) -> list[FollowEntry]:
    base = absolute(settings["CAMPAIGN_FEED_URL"].format(name=page.feed), site)
    return [FollowEntry(label, base + SUFFIXES[fmt], why) for fmt, label, why in FORMATS]


def extra_entries(page: FollowPage, settings: dict, site: str, state: dict) -> list[FollowEntry]:
    """Entries from the setting (for this scope), then those the state gives."""
    entries = []
    for extra in settings.get("CAMPAIGN_FOLLOW_EXTRAS", []):
        if page.scope in extra.get("scopes", SCOPES):
            url = extra["url"].format(scope=page.scope, slug=page.slug)
            entries.append(
                FollowEntry(extra["title"], absolute(url, site), extra.get("description", ""))
            )
    entries += state.get((page.scope, page.slug), [])
    return entries


def channels(settings: dict) -> list[FollowEntry]:
    return [
        FollowEntry(c["name"], c["url"], c.get("description", ""))
        for c in settings.get("CAMPAIGN_CHANNELS", [])
    ]


def follow_pages(catalogue, settings: dict) -> list[FollowPage]:
    """Every « S'abonner » page: all Paris, then each district, then each topic."""
    pages = [FollowPage("tout", "", "tout Paris", settings["SUBSCRIBE_URL"], "tout", "")]
    for district in catalogue.districts:
        url = settings["DISTRICT_SUBSCRIBE_URL"].format(slug=district.slug)
        back = settings["DISTRICT_URL"].format(slug=district.slug)
        pages.append(
            FollowPage(
                "district",
                district.slug,
                district.name,
                url,
                f"arrondissements/{district.slug}",
                back,
            )
        )
    for topic in catalogue.topics:
        url = settings["TOPIC_SUBSCRIBE_URL"].format(slug=topic.slug)
        back = settings["TOPIC_URL"].format(slug=topic.slug)
        pages.append(FollowPage("topic", topic.slug, topic.name, url, f"sujets/{topic.slug}", back))
    return pages
