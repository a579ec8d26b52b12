"""The domain objects of what the campaign does and promises: calls to action,
events, promises tracked over time. Plain, typed, no Pelican (see model.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .model import Claimant, District, Photo, PromiseStatus, Source, Topic


@dataclass(frozen=True)
class Action:
    """A call to action: the day's task for volunteers, for all Paris or some
    districts, from `date` (its first day, at midnight) to `until` included."""

    slug: str
    title: str
    date: datetime.datetime
    task: str
    until: datetime.date | None = None
    districts: tuple[District, ...] = ()
    item: str = ""  # the slug of a claim, post or sheet to share, if any
    status: str = "published"
    modified: datetime.datetime | None = None
    # What pages of every kind have, for listings: an action is for no topic.
    topics: tuple[Topic, ...] = ()
    hashtags: tuple[str, ...] = ()
    share: str = ""
    pin: bool = False

    @property
    def summary(self) -> str:
        return self.task

    @property
    def last_day(self) -> datetime.date:
        return self.until or self.date.date()

    def is_on(self, moment: datetime.datetime) -> bool:
        """Whether `moment` falls on one of the action's days (in its time zone)."""
        day = moment.astimezone(self.date.tzinfo).date()
        return self.date.date() <= day <= self.last_day


@dataclass(frozen=True)
class Place:
    name: str
    address: str


@dataclass(frozen=True)
class Event:
    """A meeting, a canvassing round, a rally: from `start` to `end`, at `place`.
    `date` is when its page is published (an embargo, as for every kind)."""

    slug: str
    title: str
    date: datetime.datetime
    start: datetime.datetime
    end: datetime.datetime
    place: Place
    summary: str
    districts: tuple[District, ...] = ()
    topics: tuple[Topic, ...] = ()
    registration: str = ""
    image: Photo | None = None
    modified: datetime.datetime | None = None
    share: str = ""
    hashtags: tuple[str, ...] = ()
    pin: bool = False
    status: str = "published"

    def is_over(self, moment: datetime.datetime) -> bool:
        return self.end < moment


@dataclass(frozen=True)
class StatusChange:
    """A dated step of a promise's history: its status from that day, and why."""

    date: datetime.date
    status: PromiseStatus
    note: str


@dataclass(frozen=True)
class Promise:
    """A promise tracked over time (content/promises/*.md). `progress` is where it
    stands (the last step of `history`); `status` is, as for every document,
    whether it is published or a draft."""

    slug: str
    title: str
    text: str
    promiser: Claimant
    promise_date: datetime.date
    progress: PromiseStatus
    history: tuple[StatusChange, ...]
    date: datetime.datetime
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    appearance: str = ""
    districts: tuple[District, ...] = ()
    modified: datetime.datetime | None = None
    share: str = ""
    hashtags: tuple[str, ...] = ()
    pin: bool = False
    status: str = "published"

    @property
    def summary(self) -> str:
        """Where it stands, in words, status first: what a listing or a feed shows."""
        return f"{self.progress.label} : {self.history[-1].note}"
