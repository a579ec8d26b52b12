"""When a corrected claim last changed: its corrections are dated by day.

The corrections policy promises « la date de dernière modification apparaît en
tête de la fiche »: a correction is a change, so the claim's `modified` (and
everything read from it: ClaimReview's dateModified, the sitemap, the feeds,
the electoral silence) follows its last correction, even when the writer forgot
to update `modified` by hand.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from .model import Correction


def correction_moment(day: datetime.date, zone: ZoneInfo) -> datetime.datetime:
    """A correction's day as a moment: its first minute, in the site's time zone.
    The first minute, so that a correction dated inside the electoral silence is
    inside it from its start (see silence.py)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone)


def last_change(
    date: datetime.datetime | None,
    modified: datetime.datetime | None,
    corrections: Sequence[Correction],
    zone: ZoneInfo,
) -> datetime.datetime | None:
    """`modified`, moved to the day of the last correction when that day is later.

    A correction dated the day `modified` says keeps its hour; one dated the day of
    publication gives the publication's moment (never earlier than `date`)."""
    if not corrections:
        return modified
    last = max(correction.date for correction in corrections)
    if modified is not None and modified.date() >= last:
        return modified
    moment = correction_moment(last, zone)
    if date is not None and moment < date:
        return date
    return moment
