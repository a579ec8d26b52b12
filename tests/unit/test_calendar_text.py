"""Tier 1: iCalendar text as RFC 5545 wants it, whatever the event's title holds.

A title pasted with a line separator (U+2028, which the front matter turns into a
line break) made the event's own .ics, whose calendar is named after the event,
stop the build with a traceback: X-WR-CALNAME was written as an unknown value,
with its line break raw, which icalendar refuses."""

import datetime

import icalendar
from test_loop_parsers import event as paris_event

from campaign.content.campaigning import Place
from campaign.sharing.calendar import CalendarSpec, calendar_ics

TITLE = "Réunion & <débat>, ]]> “ouverte” 🎤\nle soir; entrée libre"


def event(**changes):
    """An event whose every text is hostile (tests/unit/test_loop_parsers.py's)."""
    hostile = dict(
        title=TITLE,
        place=Place("Salle “Jean, Marie”", "1 rue de la Paix; 75002 Paris"),
        summary="Un débat.\nDeux lignes.",
    )
    return paris_event(**{**hostile, **changes})


def content_lines(data: bytes) -> list[str]:
    """The unfolded content lines of an .ics (RFC 5545 §3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_a_calendar_named_after_an_event_with_a_line_break_is_written():
    spec = CalendarSpec(TITLE, "https://exemple.fr", "Tout l'agenda.\nMis à jour chaque jour.")
    data = calendar_ics(spec, [(event(), "https://exemple.fr/agenda/reunion/")])
    lines = content_lines(data)
    name = next(line for line in lines if line.startswith("X-WR-CALNAME:"))
    # One line; TEXT escapes (the default type of an X- property, §3.8.8.2).
    assert name == ("X-WR-CALNAME:Réunion & <débat>\\, ]]> “ouverte” 🎤 le soir\\; entrée libre")
    description = next(line for line in lines if line.startswith("X-WR-CALDESC:"))
    assert description == "X-WR-CALDESC:Tout l'agenda.\\nMis à jour chaque jour."
    [entry] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(entry["SUMMARY"]) == TITLE


def test_every_line_is_crlf_and_folded_at_75_octets_between_characters():
    long = event(summary="é" * 200 + " 🎤" * 40)
    data = calendar_ics(CalendarSpec("Agenda", "https://exemple.fr"), [(long, "https://x.fr/")])
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a character
    [entry] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(entry["DESCRIPTION"]).startswith("é" * 200 + " 🎤")


def test_a_calendar_with_no_event_still_holds_a_component():
    """RFC 5545 §3.4: a VCALENDAR holds at least one component. Once the last event
    of a district is over, its feed had none; it keeps its zone, for the years
    from its spec's date (the site's latest change), never the clock's."""
    spec = CalendarSpec("Agenda", "https://exemple.fr", empty_from=datetime.date(2026, 11, 22))
    data = calendar_ics(spec, [])
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar.walk("VEVENT") == []
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert data == calendar_ics(spec, [])
