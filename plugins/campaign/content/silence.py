"""Electoral silence (Code électoral, art. L49): nothing new goes out around a round.

From 00:00 the day before each round until the polls close on the day (Paris
time), no electoral message may be spread by electronic means. The site keeps
what was published before; an item dated, modified or corrected inside a window
that has not ended is held back like an embargo until the window ends, and the
share kits and the home page tell volunteers to stop sharing.

Plain functions over the settings' rounds and the documents' own dates; the
moment is the build's (CAMPAIGN_NOW, else the clock), never read here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..filters import moment_fr
from ..settings import election_rounds, polls_close
from .corrections import correction_moment
from .model import Problem

# The law's clock: metropolitan polls close at 20:00 Paris time at the latest.
ELECTION_ZONE = ZoneInfo("Europe/Paris")
# An upcoming window is announced on the kits this long before it opens: no build
# is sure to run inside the window, so a site built before it already warns.
ANNOUNCE = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Window:
    """One round's silence: from `start` (included) to `end` (excluded)."""

    round: datetime.date
    start: datetime.datetime
    end: datetime.datetime

    def holds(self, moment: datetime.datetime) -> bool:
        return self.start <= moment < self.end


def windows(rounds: Iterable[datetime.date], closing: datetime.time) -> tuple[Window, ...]:
    """The silence of each round, in date order."""
    return tuple(
        Window(
            day,
            datetime.datetime.combine(
                day - datetime.timedelta(days=1), datetime.time(), ELECTION_ZONE
            ),
            datetime.datetime.combine(day, closing, ELECTION_ZONE),
        )
        for day in sorted(set(rounds))
    )


def windows_of(settings: dict) -> tuple[Window, ...]:
    """The windows of the settings' rounds (checked at start-up by settings.py)."""
    return windows(election_rounds(settings), polls_close(settings))


def stamps(item, zone: ZoneInfo) -> list[tuple[tuple, datetime.datetime]]:
    """Each moment the item went out or changed, with the front matter keys saying it:
    its date, each correction (only claims have them), its last modification."""
    found = [(("date",), item.date)]
    for index, correction in enumerate(getattr(item, "corrections", ())):
        found.append((("corrections", index, "date"), correction_moment(correction.date, zone)))
    if item.modified is not None:
        found.append((("modified",), item.modified))
    return found


def holding(item, silence: Iterable[Window], moment: datetime.datetime, zone: ZoneInfo):
    """(window, keys, when) of the first of the item's moments that falls in a window
    not ended at `moment`, or None. The item is then held back until that window ends."""
    for window in silence:
        if moment >= window.end:
            continue
        for keys, when in stamps(item, zone):
            if window.holds(when):
                return window, keys, when
    return None


def current(silence: Iterable[Window], moment: datetime.datetime) -> Window | None:
    """The window `moment` is in, if any."""
    return next((window for window in silence if window.holds(moment)), None)


def announced(silence: Iterable[Window], moment: datetime.datetime) -> Window | None:
    """The window under way, else the next one opening within ANNOUNCE of `moment`."""
    return next((w for w in silence if moment < w.end and w.start - ANNOUNCE <= moment), None)


def notices(items: Iterable[tuple[object, object]], silence, moment, zone) -> list[Problem]:
    """For `make check`: one French notice per file held back by the silence. `items`
    are (document, front matter) pairs. Not errors: the file is valid, and goes out
    at the first build after the polls close."""
    found = []
    for item, front in items:
        held = holding(item, silence, moment, zone)
        if held is None:
            continue
        window, keys, when = held
        what = {"date": "daté", "modified": "modifié", "corrections": "corrigé"}[keys[0]]
        found.append(
            Problem(
                front.path,
                front.line(*keys),
                f"avis : réserve électorale (Code électoral, art. L49) : ce contenu est {what} "
                f"du {moment_fr(when)}, pendant la période du {moment_fr(window.start)} au "
                f"{moment_fr(window.end)} où rien de nouveau ne doit paraître ; il ne sera "
                "publié qu'à la première publication (make publish) après la fermeture des "
                "bureaux de vote. S'il était déjà en ligne, il en est retiré jusque-là : pour "
                "l'y laisser, remettez sa date d'avant la période. Ce n'est pas une erreur.",
            )
        )
    return found
