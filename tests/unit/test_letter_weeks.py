"""Tier 1: the weeks of the letters, named and bounded in Paris time."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from campaign.sharing.letters import Week, days_fr, weeks_with_news

PARIS = ZoneInfo("Europe/Paris")


def test_a_week_runs_monday_to_sunday_in_paris():
    week = Week(2026, 47, PARIS)
    assert week.slug == "2026-s47"
    assert week.start == datetime.datetime(2026, 11, 16, tzinfo=PARIS)
    assert week.holds(datetime.datetime(2026, 11, 22, 23, 59, tzinfo=PARIS))
    # 22 h 30 UTC on Sunday is 23 h 30 in Paris: still the same week.
    assert week.holds(datetime.datetime(2026, 11, 22, 22, 30, tzinfo=datetime.UTC))
    assert not week.holds(datetime.datetime(2026, 11, 23, 0, 0, tzinfo=PARIS))


def test_days_are_said_the_french_way():
    assert days_fr(datetime.date(2026, 11, 16), datetime.date(2026, 11, 22)) == (
        "du 16 au 22 novembre 2026"
    )
    assert days_fr(datetime.date(2026, 11, 30), datetime.date(2026, 12, 6)) == (
        "du 30 novembre au 6 décembre 2026"
    )
    assert days_fr(datetime.date(2026, 12, 28), datetime.date(2027, 1, 3)) == (
        "du 28 décembre 2026 au 3 janvier 2027"
    )


def test_weeks_with_news_newest_first_and_limited():
    def page(day):
        return SimpleNamespace(item=SimpleNamespace(date=datetime.datetime(*day, 9, tzinfo=PARIS)))

    pages = [page((2026, 11, 20)), page((2026, 11, 2)), page((2026, 11, 16)), page((2026, 1, 1))]
    assert [w.slug for w in weeks_with_news(pages, PARIS, 2)] == ["2026-s47", "2026-s45"]
    assert weeks_with_news(pages, PARIS, 9)[-1].slug == "2026-s01"
