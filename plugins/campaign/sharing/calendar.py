"""iCalendar files of events (RFC 5545), written with the `icalendar` library.

Times keep their zone (TZID=Europe/Paris) with its VTIMEZONE, so a calendar shows
10 h in Paris as 10 h whatever the phone's zone. Same events, same bytes: DTSTAMP
is the event's last change as written in its file, never the clock, and the
VTIMEZONE covers whole years around the events.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..content.campaigning import Event

if TYPE_CHECKING:
    import icalendar

PRODID = "-//campaign//agenda//FR"
MEDIA_TYPE = "text/calendar"


@dataclass(frozen=True)
class CalendarSpec:
    """One calendar: its name (shown by the calendar app) and the site's address."""

    name: str
    site_url: str
    description: str = ""
    # A calendar with no event keeps its zone from this day on (RFC 5545 wants one
    # component at least): the site's latest change, never the clock.
    empty_from: datetime.date | None = None
    zone: str = "Europe/Paris"


def uid(event: Event, site_url: str) -> str:
    """Stable across builds and edits: the file's slug at the site's host."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"{event.slug}@{host}"


def vevent(event: Event, url: str, site_url: str) -> icalendar.Event:
    """The VEVENT of one event; `url` is its page's absolute address."""
    import icalendar  # see calendar_ics

    entry = icalendar.Event()
    entry.add("uid", uid(event, site_url))
    stamp = event.modified or event.date
    entry.add("dtstamp", stamp.astimezone(datetime.UTC))
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    entry.add("summary", event.title)
    entry.add("description", f"{event.summary}\n\n{url}")
    entry.add("location", f"{event.place.name}, {event.place.address}")
    entry.add("url", url)
    names = [d.name for d in event.districts] or ["Tout Paris"]
    entry.add("categories", names)
    return entry


def calendar_ics(spec: CalendarSpec, events: Sequence[tuple[Event, str]]) -> bytes:
    """The .ics of (event, page address) pairs, the soonest first."""
    # Imported here: 0.1 s, paid only by the process writing calendars (a child
    # of the build, generators/beside.py), not by every build and `make check`.
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # X- properties are TEXT by default (RFC 5545 §3.8.8.2), but icalendar writes
    # them unescaped, and refuses a line break: a name is one line, both are TEXT.
    calendar.add("x-wr-calname", icalendar.vText(" ".join(spec.name.split())))
    if spec.description:
        calendar.add("x-wr-caldesc", icalendar.vText(spec.description))
    ordered = sorted(events, key=lambda pair: (pair[0].start, pair[0].end, pair[0].slug))
    for event, url in ordered:
        calendar.add_component(vevent(event, url, spec.site_url))
    if ordered:
        first = min(event.start for event, _ in ordered).year
        last = max(event.end for event, _ in ordered).year
        calendar.add_missing_timezones(datetime.date(first, 1, 1), datetime.date(last + 2, 1, 1))
    elif spec.empty_from:
        year = spec.empty_from.year
        calendar.add_component(
            icalendar.Timezone.from_tzid(
                spec.zone,
                first_date=datetime.date(year, 1, 1),
                last_date=datetime.date(year + 2, 1, 1),
            )
        )
    return calendar.to_ical()
