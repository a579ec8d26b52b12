"""Tier 1: a claim's last change follows its corrections; the log's order."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from campaign.assembly import corrections_log
from campaign.content.corrections import last_change
from campaign.content.model import Correction

PARIS = ZoneInfo("Europe/Paris")
PUBLISHED = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=PARIS)


def test_a_later_correction_moves_the_last_change_to_its_day():
    modified = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=PARIS)
    corrections = [
        Correction(datetime.date(2026, 3, 9), "b"),
        Correction(datetime.date(2026, 3, 5), "a"),
    ]
    assert last_change(PUBLISHED, modified, corrections, PARIS) == datetime.datetime(
        2026, 3, 9, tzinfo=PARIS
    )


def test_a_correction_of_the_day_of_modified_keeps_its_hour():
    modified = datetime.datetime(2026, 3, 14, 10, 0, tzinfo=PARIS)
    corrections = [Correction(datetime.date(2026, 3, 14), "a")]
    assert last_change(PUBLISHED, modified, corrections, PARIS) == modified


def test_without_modified_the_correction_gives_it_never_before_publication():
    same_day = [Correction(datetime.date(2026, 3, 2), "a")]
    assert last_change(PUBLISHED, None, same_day, PARIS) == PUBLISHED
    assert last_change(PUBLISHED, None, (), PARIS) is None


def page(slug, day, *dates):
    corrections = tuple(Correction(d, f"{slug} {d}") for d in dates)
    published = datetime.datetime(2026, 3, day, tzinfo=PARIS)
    return SimpleNamespace(slug=slug, date=published, item=SimpleNamespace(corrections=corrections))


def test_the_log_lists_every_correction_newest_first_with_its_anchor():
    march = [datetime.date(2026, 3, day) for day in range(1, 32)]
    pages = [page("a", 1, march[4], march[9]), page("b", 2, march[6]), page("c", 3, march[9])]
    log = corrections_log(pages)
    assert [(e.page.slug, e.correction.date.day, e.anchor) for e in log] == [
        ("c", 10, "correction-1"),  # same day: the claim published last first
        ("a", 10, "correction-2"),
        ("b", 7, "correction-1"),
        ("a", 5, "correction-1"),
    ]
