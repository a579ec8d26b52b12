"""Tier 1: electoral silence windows, what they hold back, and when they are announced."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from campaign.assembly import is_published
from campaign.content.model import Correction
from campaign.content.silence import announced, current, holding, windows
from campaign.settings import DEFAULTS, SettingsError, check

PARIS = ZoneInfo("Europe/Paris")
ROUND = datetime.date(2026, 3, 15)
[WINDOW] = windows([ROUND], datetime.time(20, 0))


def at(day, hour=0, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=PARIS)


def item(date, modified=None, corrections=()):
    return SimpleNamespace(
        date=date, modified=modified, corrections=corrections, status="published"
    )


def test_window_runs_from_midnight_the_day_before_to_the_polls_closing():
    assert WINDOW.start == at(14) and WINDOW.end == at(15, 20)
    assert not WINDOW.holds(at(13, 23, 59)) and WINDOW.holds(at(14))
    assert WINDOW.holds(at(15, 19, 59)) and not WINDOW.holds(at(15, 20))


@pytest.mark.parametrize(
    "document, keys",
    [
        (item(at(14, 8)), ("date",)),
        (item(at(10), modified=at(15, 9)), ("modified",)),
        (
            item(at(10), corrections=(Correction(datetime.date(2026, 3, 14), "n"),)),
            ("corrections", 0, "date"),
        ),
    ],
)
def test_dated_modified_or_corrected_inside_is_held_until_the_window_ends(document, keys):
    inside = at(14, 12)
    assert holding(document, (WINDOW,), inside, PARIS)[:2] == (WINDOW, keys)
    assert not is_published(document, inside, (WINDOW,), PARIS)
    assert is_published(document, at(15, 20), (WINDOW,), PARIS)  # polls closed: out it goes


def test_older_items_stay_published_during_the_window():
    older = item(at(13, 23), modified=at(13, 23, 30))
    assert is_published(older, at(14, 12), (WINDOW,), PARIS)
    assert is_published(older, at(14, 12))  # no silence set: as before


def test_the_window_is_announced_a_week_ahead_and_current_inside():
    assert announced((WINDOW,), at(6, 23)) is None
    assert announced((WINDOW,), at(7)) == WINDOW and current((WINDOW,), at(7)) is None
    assert current((WINDOW,), at(14, 12)) == WINDOW
    assert announced((WINDOW,), at(15, 20)) is None


@pytest.mark.parametrize(
    "key, value, message",
    [
        (
            "CAMPAIGN_ELECTION_ROUNDS",
            ["15 mars"],
            "CAMPAIGN_ELECTION_ROUNDS : « 15 mars » n'est pas une date",
        ),
        ("CAMPAIGN_POLLS_CLOSE", "20h", "CAMPAIGN_POLLS_CLOSE : « 20h » n'est pas une heure"),
    ],
)
def test_unreadable_rounds_or_closing_hour_are_refused_in_french(key, value, message):
    with pytest.raises(SettingsError, match=message):
        check({**DEFAULTS, key: value})
