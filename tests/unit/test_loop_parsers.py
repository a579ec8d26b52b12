"""Tier 1: the daily loop's parsers (calls to action, events) and what they make:
French problems at the right line, iCalendar bytes, Event JSON-LD."""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from campaign.content.campaigning import Event, Place
from campaign.content.frontmatter import parse
from campaign.content.loop import parse_action, parse_event, sentence_count
from campaign.content.model import Catalogue, District
from campaign.sharing import schema
from campaign.sharing.calendar import CalendarSpec, calendar_ics

PARIS = ZoneInfo("Europe/Paris")
CATALOGUE = Catalogue(
    verdicts=(), topics=(), districts=(District("19e", "19e arrondissement", (19,)),)
)
ACTION = """\
title: "Tractage"
date: 2026-11-22
districts: [19]
task: "Retrouvez l'équipe au marché à 10 h."
"""
EVENT = """\
title: "Réunion publique"
date: 2026-11-10 09:00
start: 2026-11-26 19:00
end: 2026-11-26 21:00
place: {name: "Mairie du 19e", address: "5-7 place Armand-Carrel, 75019 Paris"}
districts: [19]
summary: "Le programme logement."
"""


def front(text: str):
    return parse("content/x.md", text)


def test_an_action_is_for_its_days_in_paris():
    action = parse_action(front(ACTION + "until: 2026-11-23\n"), "tractage", CATALOGUE, PARIS)
    assert action.date == datetime.datetime(2026, 11, 22, tzinfo=PARIS)
    assert [d.slug for d in action.districts] == ["19e"]
    on = datetime.datetime(2026, 11, 23, 23, 30, tzinfo=PARIS)
    # 23 h 30 in Paris is the next day in UTC: still the action's last day.
    assert action.is_on(on.astimezone(datetime.UTC))
    assert not action.is_on(on + datetime.timedelta(hours=1))
    assert not action.is_on(datetime.datetime(2026, 11, 21, 23, 59, tzinfo=PARIS))


def test_an_action_ending_before_it_starts_is_refused_at_its_line():
    problems = parse_action(front(ACTION + "until: 2026-11-20\n"), "x", CATALOGUE, PARIS)
    assert [(p.line, "tombe avant « date »" in p.message) for p in problems] == [(5, True)]


def test_a_task_of_three_sentences_is_refused():
    text = ACTION.replace(
        'task: "Retrouvez l\'équipe au marché à 10 h."',
        'task: "Venez au marché. Apportez des tracts. Souriez."',
    )
    problems = parse_action(front(text), "x", CATALOGUE, PARIS)
    assert len(problems) == 1 and "3 phrases" in problems[0].message
    assert problems[0].line == 4
    assert sentence_count("Venez à 10 h. Apportez des tracts !") == 2


def test_an_event_ending_before_it_starts_is_refused_at_its_line():
    text = EVENT.replace("end: 2026-11-26 21:00", "end: 2026-11-26 18:00")
    problems = parse_event(front(text), "x", CATALOGUE, PARIS)
    assert [p.line for p in problems] == [4]
    assert "n'est pas après « start »" in problems[0].message


def test_an_event_published_after_it_ends_is_refused_at_its_date():
    """Its page would appear once it is over, never « à venir »: a typo, most often
    (a month too far). Announced the day itself, before it ends, is fine."""
    text = EVENT.replace("date: 2026-11-10 09:00", "date: 2026-12-10 09:00")
    problems = parse_event(front(text), "x", CATALOGUE, PARIS)
    assert [p.line for p in problems] == [2]
    assert problems[0].message.startswith(
        "« date » (2026-12-10 09:00), le jour où le rendez-vous paraît, tombe après sa fin "
        "(2026-11-26 21:00) : il ne serait jamais annoncé"
    )
    same_day = EVENT.replace("date: 2026-11-10 09:00", "date: 2026-11-26 19:30")
    assert isinstance(parse_event(front(same_day), "x", CATALOGUE, PARIS), Event)


def test_an_event_without_an_hour_is_refused_not_read_as_midnight():
    text = EVENT.replace("start: 2026-11-26 19:00", "start: 2026-12-24").replace(
        "end: 2026-11-26 21:00", "end: 2026-12-26"
    )
    problems = parse_event(front(text), "x", CATALOGUE, PARIS)
    assert [p.line for p in problems] == [3, 4]
    assert "« start » (2026-12-24) n'a pas d'heure" in problems[0].message
    assert "2026-12-24 18:00" in problems[0].message  # how to write it


def test_an_event_at_an_hour_the_clocks_skip_is_refused_with_the_real_one():
    text = (
        EVENT.replace("start: 2026-11-26 19:00", "start: 2026-03-29 02:30")
        .replace("end: 2026-11-26 21:00", "end: 2026-03-29 05:00")
        .replace("date: 2026-11-10 09:00", "date: 2026-03-01 09:00")  # announced before
    )
    [problem] = parse_event(front(text), "x", CATALOGUE, PARIS)
    assert problem.line == 3
    assert "cette heure n'existe pas à Paris" in problem.message
    assert "écrivez 2026-03-29 03:30" in problem.message


def test_an_event_written_with_an_offset_is_said_in_paris_time():
    """« 18:00+05:00 » is 14 h in Paris: pages and calendars say 14 h, and its end
    (17 h in Paris) comes after it, not « de 18 h à 17 h »."""
    text = EVENT.replace("start: 2026-11-26 19:00", "start: 2026-12-24T18:00:00+05:00").replace(
        "end: 2026-11-26 21:00", "end: 2026-12-24T17:00:00+01:00"
    )
    event = parse_event(front(text), "x", CATALOGUE, PARIS)
    assert isinstance(event, Event)
    assert (event.start.hour, event.end.hour) == (14, 17)
    assert event.start.tzinfo == PARIS and event.end.tzinfo == PARIS
    ics = calendar_ics(
        CalendarSpec("Agenda", "https://exemple.fr"), [(event, "https://exemple.fr/x/")]
    )
    [entry] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert entry.decoded("DTSTART").replace(tzinfo=None) == datetime.datetime(2026, 12, 24, 14)


def test_an_event_needs_its_place_and_a_photo_its_alt():
    text = EVENT.replace('place: {name: "Mairie du 19e", ', "place: {")
    text += "image: {file: images/photo.jpg}\n"
    messages = [p.message for p in parse_event(front(text), "x", CATALOGUE, PARIS)]
    assert any("« place › name » obligatoire" in m for m in messages)
    assert any("« image › alt » manquant" in m for m in messages)
    text = EVENT + "image: images/photo.jpg\n"
    messages = [p.message for p in parse_event(front(text), "x", CATALOGUE, PARIS)]
    assert messages and "doit être un bloc" in messages[0]


def event(**changes) -> Event:
    base = dict(
        slug="reunion",
        title="Réunion publique",
        date=datetime.datetime(2026, 11, 10, 9, tzinfo=PARIS),
        start=datetime.datetime(2026, 11, 26, 19, tzinfo=PARIS),
        end=datetime.datetime(2026, 11, 26, 21, tzinfo=PARIS),
        place=Place("Mairie du 19e", "5-7 place Armand-Carrel, 75019 Paris"),
        summary="Le programme logement.",
    )
    return Event(**{**base, **changes})


def test_calendar_keeps_paris_local_times_with_their_zone():
    summer = event(
        slug="ete",
        start=datetime.datetime(2026, 6, 20, 10, tzinfo=PARIS),
        end=datetime.datetime(2026, 6, 20, 12, tzinfo=PARIS),
    )
    pairs = [(event(), "https://x.org/agenda/reunion/"), (summer, "https://x.org/agenda/ete/")]
    data = calendar_ics(CalendarSpec("Agenda", "https://x.org"), pairs)
    assert data == calendar_ics(CalendarSpec("Agenda", "https://x.org"), pairs[::-1])
    assert b"DTSTART;TZID=Europe/Paris:20261126T190000" in data
    calendar = icalendar.Calendar.from_ical(data)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    found = [(e["UID"], e.start, e.end) for e in calendar.events]
    assert found[0][0] == "ete@x.org"  # the soonest first
    start = found[1][1]
    assert (start.hour, start.utcoffset()) == (19, datetime.timedelta(hours=1))  # winter
    assert found[0][1].utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert calendar.events[1]["DTSTAMP"].dt == datetime.datetime(
        2026, 11, 10, 8, tzinfo=datetime.UTC
    )


def test_event_json_ld_has_dates_place_and_organiser():
    data = schema.event(
        event(registration="https://x.org/inscription"),
        "https://x.org/agenda/reunion/",
        {"SITENAME": "Campagne", "SITEURL": "https://x.org"},
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-11-26T19:00:00+01:00"
    assert data["endDate"] == "2026-11-26T21:00:00+01:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Campagne",
        "url": "https://x.org",
    }
    assert data["offers"]["url"] == "https://x.org/inscription"


def test_a_year_no_page_can_show_is_refused_at_its_line_never_raises():
    """Year 9999 (« never ») or 1 (a typo) overflowed in Paris time, or when the
    event's calendar covered the years after it: the build stopped, the check said
    nothing."""
    for start, end in (
        ("0001-01-01 00:30", "2026-11-26 21:00"),
        ("2026-11-26 19:00", "9999-12-31 23:00"),
        ("0001-01-01T00:30:00+05:00", "2026-11-26 21:00"),
    ):
        text = EVENT.replace("start: 2026-11-26 19:00", f"start: {start}").replace(
            "end: 2026-11-26 21:00", f"end: {end}"
        )
        problems = parse_event(front(text), "x", CATALOGUE, PARIS)
        assert isinstance(problems, list), (start, end)
        assert any("est hors de la plage acceptée (1000 à 2999)" in p.message for p in problems)
    action = ACTION + "until: 9999-12-31\n"
    [problem] = parse_action(front(action), "x", CATALOGUE, PARIS)
    assert problem.line == 5 and "l'année 9999" in problem.message
