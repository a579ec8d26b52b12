"""Plain, typed domain objects of the campaign site: no Pelican in here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from slugify import slugify

ERROR, WARNING = "erreur", "avertissement"


@dataclass(frozen=True)
class Problem:
    """A content mistake, located, with a French message that says the fix.

    An error stops the build; a warning (`severity=WARNING`) is told by `make check`
    and never refused: something the method expects but that may be on its way.
    """

    path: str
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        told = "attention : " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {told}{self.message}"


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
class PromiseStatus:
    """A step of the promise tracker's scale (setting PROMISE_STATUSES)."""

    slug: str
    label: str
    colour: str
    shape: str  # the icon drawn beside the word: check, progress, half, cross, pause
    description: str = ""


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
    """Everything content is validated against: the verdict scale and the data files.

    `claimants` is None when there is no content/data/claimants.yaml: claimants are
    then taken as written, without a role.
    """

    verdicts: tuple[Verdict, ...]
    topics: tuple[Topic, ...]
    districts: tuple[District, ...]
    claimants: tuple[Claimant, ...] | None = None
    promise_statuses: tuple[PromiseStatus, ...] = ()

    def promise_status(self, slug: str) -> PromiseStatus | None:
        return next((s for s in self.promise_statuses if s.slug == slug), None)

    def claimant(self, name: str) -> Claimant | None:
        """The entry of claimants.yaml named `name` (its name or its slug)."""
        wanted = slugify(name)
        for person in self.claimants or ():
            if name in (person.name, person.slug) or wanted == person.slug:
                return person
        return None

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
class Role:
    """Who a person speaks for: the electoral list, the party, the office held."""

    list: str = ""
    party: str = ""
    office: str = ""

    @property
    def label(self) -> str:
        """« tête de liste, liste « Paris Passerelles », parti X »."""
        parts = [self.office, f"liste « {self.list} »" if self.list else "", self.party]
        return ", ".join(part for part in parts if part)

    def __bool__(self) -> bool:
        return bool(self.list or self.party or self.office)


@dataclass(frozen=True)
class Claimant:
    name: str
    slug: str
    url: str = ""
    role: Role = Role()


@dataclass(frozen=True)
class Response:
    """The right of reply: when the person was asked, and what they answered (""
    when they did not answer, shown as « pas de réponse »)."""

    contacted: datetime.date
    reply: str = ""


# schema.org's MediaManipulationRatingEnumeration, the six values of MediaReview's
# mediaAuthenticityCategory, with what a French reader is told.
MEDIA_RATINGS = {
    "OriginalMediaContent": "Média authentique",
    "DecontextualizedContent": "Sorti de son contexte",
    "EditedOrCroppedContent": "Coupé ou monté",
    "TransformedContent": "Retouché ou truqué",
    "StagedContent": "Mis en scène",
    "SatireOrParodyContent": "Satire ou parodie",
}


@dataclass(frozen=True)
class Media:
    """A picture or video reviewed with a claim: where it was published (`original`,
    never loaded by our pages), its archived copy, and our local capture of it."""

    type: str  # image or video
    rating: str  # a key of MEDIA_RATINGS
    original: str
    archive: str
    capture: str  # below the content folder: images/...
    alt: str

    @property
    def rating_label(self) -> str:
        return MEDIA_RATINGS[self.rating]


@dataclass(frozen=True)
class Claim:
    """A reviewed statement: what was said, by whom, and what we found."""

    slug: str
    text: str
    title: str
    claimant: Claimant
    verdict: Verdict | None  # None while the claim is being checked (`pending`)
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
    response: Response | None = None
    media: Media | None = None
    # Whether `title` is the writer's own; else it is « Verdict : summary », and a
    # listing showing the summary under it would say it twice.
    titled: bool = True
    # The language of `text` when it is not French (a BCP 47 tag: "en"); "" otherwise.
    lang: str = ""

    @property
    def pending(self) -> bool:
        """Being checked (`status: en-cours`): shown, never rated (verdict is None)."""
        return self.status == "en-cours"


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
    until: datetime.date | None = None  # e.g. a meeting's day: leaves the share kits after


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
