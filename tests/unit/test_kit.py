"""What a share kit holds (sharing/kit.py): quotas, places, items that leave by themselves."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from campaign.content.model import District
from campaign.kinds import Kind
from campaign.sharing.kit import is_current, kit_sections

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=PARIS)
D19 = District("19e", "19e arrondissement", (19,))
SETTINGS = {
    "CAMPAIGN_SHARE_ITEMS": 3,
    "CAMPAIGN_SHARE_LOCAL_ITEMS": 2,
    "CAMPAIGN_SHARE_MAX_AGE": {"post": 30},
}


@dataclass(frozen=True)
class Item:
    date: datetime.datetime
    districts: tuple = ()
    pin: bool = False
    modified: datetime.datetime | None = None
    until: datetime.date | None = None


@dataclass
class Page:
    slug: str
    item: Item
    kind: Kind = Kind.CLAIM
    extra: dict = field(default_factory=dict)


def days_ago(days: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days)


def test_a_past_meeting_leaves_the_kit_the_day_after():
    meeting = Item(days_ago(10), until=(NOW - datetime.timedelta(days=1)).date())
    assert not is_current(meeting, NOW, None)
    assert is_current(Item(days_ago(10), until=NOW.date()), NOW, None)  # its own day


def test_news_ages_out_fact_checks_do_not():
    old = [
        Page("vieux-post", Item(days_ago(31)), Kind.POST),
        Page("vieux-claim", Item(days_ago(200))),
    ]
    kit = kit_sections(old, [], None, NOW, SETTINGS)
    assert [entry.page.slug for entry in kit.citywide] == ["vieux-claim"]


def test_local_items_have_their_own_quota_and_label():
    citywide = [Page(f"paris-{n}", Item(days_ago(n))) for n in range(10)]
    local = [Page("stationnement-19e", Item(days_ago(40), districts=(D19,)))]
    kit = kit_sections(citywide + local, [], D19, NOW, SETTINGS)
    assert [(e.page.slug, e.where, e.local) for e in kit.local] == [
        ("stationnement-19e", "19e", True)
    ]
    assert [e.page.slug for e in kit.citywide] == ["paris-0", "paris-1", "paris-2"]
    assert {e.where for e in kit.citywide} == {"tout Paris"}
