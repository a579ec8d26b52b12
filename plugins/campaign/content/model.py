"""Plain, typed domain objects of the campaign site: no Pelican in here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """A content mistake, located, with a French message that says the fix."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Verdict:
    slug: str
    label: str
    rating: int | None
    colour: str
    description: str = ""

    @property
    def rated(self) -> bool:
        return self.rating is not None


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    colour: str
    description: str
    hashtag: str


@dataclass(frozen=True)
class PublicFigure:
    """A public number about a place, always with its source and year."""

    value: str
    label: str
    source: str
    publisher: str
    year: int


@dataclass(frozen=True)
class MapCell:
    """A district's box on the schematic map, in grid units."""

    column: int
    row: int
    width: int = 1
    height: int = 1


@dataclass(frozen=True)
class District:
    slug: str
    name: str
    arrondissements: tuple[int, ...]
    short: str = ""
    lead: str = ""
    contact: str = ""
    cell: MapCell | None = None
    figures: tuple[PublicFigure, ...] = ()

    @property
    def label(self) -> str:
        """The short name drawn on the map."""
        return self.short or self.slug


@dataclass(frozen=True)
class Catalogue:
    """Everything content is validated against: the verdict scale and the data files."""

    verdicts: tuple[Verdict, ...]
    topics: tuple[Topic, ...]
    districts: tuple[District, ...]

    def verdict(self, slug: str) -> Verdict | None:
        return next((v for v in self.verdicts if v.slug == slug), None)

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)

    def district(self, name: str | int) -> District | None:
        """Find a district by slug or by arrondissement number (3, "3", "3e", "1er")."""
        text = str(name).strip().lower()
        for district in self.districts:
            if district.slug == text:
                return district
        number = text.removesuffix("er").removesuffix("e")
        if number.isdigit():
            for district in self.districts:
                if int(number) in district.arrondissements:
                    return district
        return None


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    publisher: str = ""
    date: datetime.date | None = None
    archive: str = ""


@dataclass(frozen=True)
class Correction:
    date: datetime.date
    note: str


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True)
class Claimant:
    name: str
    slug: str
    url: str = ""


@dataclass(frozen=True)
class Claim:
    """A reviewed statement: what was said, by whom, and what we found."""

    slug: str
    text: str
    title: str
    claimant: Claimant
    verdict: Verdict
    summary: str
    date: datetime.datetime
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...]
    claim_date: datetime.date | None = None
    appearance: str = ""
    modified: datetime.datetime | None = None
    districts: tuple[District, ...] = ()
    figure: Figure | None = None
    share: str = ""
    hashtags: tuple[str, ...] = ()
    pin: bool = False
    corrections: tuple[Correction, ...] = ()
    status: str = "published"


@dataclass(frozen=True)
class Photo:
    """A photo of content/images/ and its text alternative."""

    file: str  # below the content folder: images/<name>.jpg
    alt: str


@dataclass(frozen=True)
class Post:
    """A piece of campaign news."""

    slug: str
    title: str
    date: datetime.datetime
    summary: str
    topics: tuple[Topic, ...] = ()
    districts: tuple[District, ...] = ()
    modified: datetime.datetime | None = None
    share: str = ""
    hashtags: tuple[str, ...] = ()
    pin: bool = False
    image: Photo | None = None
    status: str = "published"


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
class KeyFigure:
    """A number of an argument sheet, always with the address of its source."""

    value: str
    label: str
    source: str
    publisher: str = ""


@dataclass(frozen=True)
class Objection:
    """What a canvasser hears on a doorstep, and what to answer; `claim` is the slug
    of a fact-check that backs the answer."""

    objection: str
    answer: str
    claim: str = ""


@dataclass(frozen=True)
class Sheet:
    """The argument sheet of a topic, written in content/sheets/<topic>.md or
    derived from the topic's claims (`derived`) when there is no such file."""

    topic: Topic
    title: str
    pitch: str
    date: datetime.datetime
    key_figures: tuple[KeyFigure, ...]
    arguments: tuple[str, ...]
    objections: tuple[Objection, ...] = ()
    modified: datetime.datetime | None = None
    share: str = ""
    hashtags: tuple[str, ...] = ()
    pin: bool = False
    status: str = "published"
    derived: bool = False

    # What claims and posts also have, so pages of every kind are shared alike.
    @property
    def slug(self) -> str:
        return self.topic.slug

    @property
    def summary(self) -> str:
        return self.pitch

    @property
    def topics(self) -> tuple[Topic, ...]:
        return (self.topic,)

    @property
    def districts(self) -> tuple[District, ...]:
        return ()


@dataclass(frozen=True)
class FixedPage:
    """A fixed page of the site (méthode, contact...), as far as checks go: Pelican's
    own page generator builds it."""

    slug: str
    title: str
    status: str = "published"
    date: datetime.datetime | None = None  # a later date holds the page back
    template: str = "page"


@dataclass(frozen=True)
class FrontMatter:
    """A file's YAML front matter, with the line of every key for error messages.

    `lines` maps a dotted path ("sources.0.url") to a 1-based line number in the file.
    """

    path: str
    values: dict | list = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line(self, *keys: str | int) -> int:
        """The line of the deepest known key on this path (1 if none is known)."""
        for depth in range(len(keys), 0, -1):
            dotted = ".".join(str(k) for k in keys[:depth])
            if dotted in self.lines:
                return self.lines[dotted]
        return 1
