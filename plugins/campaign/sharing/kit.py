"""What a share kit holds, in which order: plain functions over pages.

A volunteer of the 19e opens the kit on a phone, one-handed, to share the day's
items. So: pinned items first; the district's own items next, with their own
quota so that city-wide news never pushes them out; then city-wide items; each
labelled with where it applies (« 19e », « tout Paris »). Items whose time has
passed leave by themselves: an item with an end (`until`, `end`) once it is past,
news (a post) once older than CAMPAIGN_SHARE_MAX_AGE["post"] days, counted from
the build's moment (never the clock's), so the same input gives the same kit. A
fact-check does not age: it stays while it is among the newest.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

CITYWIDE = "tout Paris"


@dataclass(frozen=True)
class KitItem:
    """A page in a kit, with where it applies."""

    page: object
    where: str
    local: bool = False


@dataclass
class Kit:
    pinned: list[KitItem] = field(default_factory=list)
    local: list[KitItem] = field(default_factory=list)
    citywide: list[KitItem] = field(default_factory=list)
    sheets: list[KitItem] = field(default_factory=list)

    @property
    def items(self) -> list[KitItem]:
        return self.pinned + self.local + self.citywide + self.sheets


def where(item, district=None) -> str:
    """« 19e », « 13e, 19e », or « tout Paris » for an item of no district."""
    if not item.districts:
        return CITYWIDE
    if district is not None and any(d.slug == district.slug for d in item.districts):
        return district.label
    return ", ".join(d.label for d in item.districts)


def ends(item) -> datetime.datetime | datetime.date | None:
    """When an item stops being worth sharing, if it says: an event's end, an
    action's last day. Claims and posts have none and age out instead."""
    return getattr(item, "end", None) or getattr(item, "until", None)


def is_current(item, moment: datetime.datetime, max_age: datetime.timedelta | None) -> bool:
    """Not past its end; without an end, not older than `max_age` at `moment`."""
    end = ends(item)
    if end is not None:
        if not isinstance(end, datetime.datetime):  # a last day: until its evening
            end = datetime.datetime.combine(end, datetime.time.max, moment.tzinfo)
        return end >= moment
    return max_age is None or (item.modified or item.date) >= moment - max_age


def kit_sections(
    pages: list, sheets: list, district, moment: datetime.datetime, settings: dict
) -> Kit:
    """The kit of a district (or of all Paris, `district` None) from its items,
    newest first, and the sheets."""
    ages = {
        kind: datetime.timedelta(days=days)
        for kind, days in settings.get("CAMPAIGN_SHARE_MAX_AGE", {}).items()
    }
    current = [p for p in pages if is_current(p.item, moment, ages.get(p.kind.value))]
    pinned = [page for page in pages if page.item.pin and is_current(page.item, moment, None)]
    rest = [page for page in current if not page.item.pin]

    def item(page) -> KitItem:
        place = where(page.item, district)
        local = district is not None and place != CITYWIDE
        return KitItem(page, place, local)

    kit = Kit(pinned=[item(page) for page in pinned])
    if district is None:
        kit.citywide = [item(page) for page in rest[: settings["CAMPAIGN_SHARE_ITEMS"]]]
    else:
        local = [page for page in rest if page.item.districts]
        citywide = [page for page in rest if not page.item.districts]
        kit.local = [item(page) for page in local[: settings["CAMPAIGN_SHARE_LOCAL_ITEMS"]]]
        kit.citywide = [item(page) for page in citywide[: settings["CAMPAIGN_SHARE_ITEMS"]]]
    ordered = [page for page in sheets if page.item.pin] + [p for p in sheets if not p.item.pin]
    kit.sheets = [KitItem(page, CITYWIDE) for page in ordered]
    return kit
