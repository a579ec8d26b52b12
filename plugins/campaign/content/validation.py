"""The one validation path: `make check` and the build both call `validate`.

Each document is parsed against the data files as soon as it is read (the build
feeds its cards to the drawing workers from there), then what no single file
shows is checked across them. The result holds every valid document and every
problem, so the build refuses exactly what `make check` reports.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from slugify import slugify

from ..kinds import Kind
from .additions import capture_problems, claim_warnings
from .catalogue import DATA_FILES, load_catalogue
from .crosscheck import (
    duplicate_slugs,
    missing_photo,
    photo_name_clashes,
    shared_card_names,
    sheet_card_names,
    taken_addresses,
    unknown_claims,
    unknown_item,
    unready_item,
)
from .drawable import undrawable
from .files import file_problems, is_plain_file, own_files
from .links import link_problems
from .lookups import PLACEHOLDER
from .loop import parse_action, parse_event
from .model import Catalogue, FrontMatter, Problem
from .pictures import picture_problems
from .promises import parse_promise
from .validate import parse_claim, parse_page, parse_post, parse_sheet

MARKDOWN_SUFFIXES = ("md", "markdown", "mkd", "mdown")
PARSERS = {
    Kind.CLAIM: parse_claim,
    Kind.POST: parse_post,
    Kind.SHEET: parse_sheet,
    Kind.ACTION: parse_action,
    Kind.EVENT: parse_event,
    Kind.PROMISE: parse_promise,
    Kind.PAGE: parse_page,
}
# What a valid document may still lack: told by `make check`, never refused.
WARNINGS = {Kind.CLAIM: claim_warnings}


@dataclass(frozen=True)
class Document:
    """A content file as read: its kind, its file name without suffix, its front
    matter, and whatever the reader made of the rest (the build's HTML body)."""

    kind: Kind
    basename: str
    front: FrontMatter
    source: object = None
    body: str = ""  # the Markdown source after the front matter
    body_line: int = 1  # the line of the file where it starts


@dataclass
class Validation:
    """Every valid document, by kind and in reading order, with its domain object;
    and every problem, sorted by file and line."""

    catalogue: Catalogue
    valid: dict[Kind, list[tuple[object, Document]]] = field(default_factory=dict)
    read: dict[Kind, list[Document]] = field(default_factory=dict)  # valid or not
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def items(self, kind: Kind) -> list[tuple[object, Document]]:
        return self.valid.get(kind, [])


def build_moment(settings: dict) -> datetime.datetime:
    """The moment embargoes and dates are measured against: CAMPAIGN_NOW, else the
    clock (the only place the build reads it)."""
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    if settings["CAMPAIGN_NOW"]:
        moment = datetime.datetime.fromisoformat(settings["CAMPAIGN_NOW"])
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    return datetime.datetime.now(zone)


def content_files(settings: dict) -> list[tuple[Kind, str]]:
    """(kind, path below the content folder) of every file to read, sorted, kinds in
    the order of `Kind`: the same list for `make check` and for the build."""
    ignores = settings.get("IGNORE_FILES", ["**/.*"])
    found = []
    for kind in Kind:
        paths = set()
        for folder in settings[kind.paths_setting]:
            root = os.path.join(settings["PATH"], folder)
            paths.update(_markdown_files(root, settings["PATH"], ignores))
        found += [(kind, path) for path in sorted(paths)]
    return found


def _markdown_files(root: str, base: str, ignores: list[str]) -> Iterator[str]:
    for folder, folders, names in os.walk(root):
        folders[:] = [d for d in folders if not any(fnmatch.fnmatch(d, i) for i in ignores)]
        for name in names:
            if any(fnmatch.fnmatch(name, i) for i in ignores):
                continue
            path = os.path.join(folder, name)
            # Links and special files are not read: file_problems names them.
            if os.path.splitext(name)[1][1:] in MARKDOWN_SUFFIXES and is_plain_file(path):
                yield os.path.relpath(path, base)


def validate(
    settings: dict,
    documents: Iterable[Document],
    on_valid: Callable[[Kind, object], None] | None = None,
) -> Validation:
    """Parse every document against the data files, then check them together.

    `on_valid(kind, item)` is told of each valid document as soon as it is parsed,
    while the next ones are still being read.
    """
    catalogue, problems = load_catalogue(
        settings["PATH"], settings["VERDICTS"], settings.get("PROMISE_STATUSES")
    )
    problems += file_problems(settings["PATH"], read_elsewhere=DATA_FILES)
    problems += picture_problems(settings["PATH"], settings.get("STATIC_PATHS", []))
    result = Validation(
        catalogue, {kind: [] for kind in Kind}, {kind: [] for kind in Kind}, problems
    )
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    moment = build_moment(settings)
    for document in documents:
        result.read[document.kind].append(document)
        parsed = PARSERS[document.kind](document.front, document.basename, catalogue, zone)
        result.problems += unfinished(document)
        if isinstance(parsed, list):
            result.problems += parsed
            continue
        result.problems += undrawable(document.kind, document.front)  # no box on a card
        late = dating_problems(parsed, document.front, moment)
        if late or unfinished(document):
            result.problems += late
            continue
        result.valid[document.kind].append((parsed, document))
        if document.kind in WARNINGS:
            result.warnings += WARNINGS[document.kind](parsed, document.front)
        if document.kind is Kind.CLAIM:  # files the page shows must exist
            result.problems += capture_problems(parsed, document.front, settings["PATH"])
        if on_valid is not None:
            on_valid(document.kind, parsed)
    result.problems += cross_checks(result, settings)
    result.problems += loop_checks(result, settings["PATH"])
    result.warnings += action_warnings(result)
    result.problems.sort(key=lambda p: (p.path, p.line))
    result.warnings.sort(key=lambda p: (p.path, p.line))
    return result


# What an action's item is called in a message, by the kind of document it names.
ITEM_WORDS = {Kind.CLAIM: "la vérification", Kind.POST: "l'actualité", Kind.SHEET: "la fiche"}


def action_warnings(result: Validation) -> list[Problem]:
    """Published calls to action whose item will not be out on their days."""
    items = {
        read_slug(document): (parsed, ITEM_WORDS[kind])
        for kind in ITEM_WORDS
        for parsed, document in result.valid[kind]
    }
    warnings = []
    for action, document in result.valid[Kind.ACTION]:
        item, word = items.get(action.item, (None, ""))
        warnings += unready_item(action, document.front, item, word)
    return warnings


def dating_problems(item, front: FrontMatter, moment: datetime.datetime) -> list[Problem]:
    """Dates that contradict each other or the build's moment: a change before the
    publication, a correction not made yet."""
    problems = []
    modified, date = getattr(item, "modified", None), getattr(item, "date", None)
    if modified and date and modified < date:
        problems.append(
            Problem(
                front.path,
                front.line("modified"),
                f"« modified » ({modified:%Y-%m-%d %H:%M}) est avant « date » "
                f"({date:%Y-%m-%d %H:%M}) : une mise à jour vient après la publication ; "
                "corrigez l'une des deux dates",
            )
        )
    # What was said or promised comes before our page about it.
    for key, words in (("claim_date", "l'affirmation"), ("promise_date", "la promesse")):
        said = getattr(item, key, None)
        if said and date and said > date.date():
            problems.append(
                Problem(
                    front.path,
                    front.line(key),
                    f"« {key} » ({said.isoformat()}) est après la publication ({date:%Y-%m-%d}) : "
                    f"{words} précède la page qui en parle ; corrigez l'une des deux dates",
                )
            )
    # A document cited exists already (a claim's or a promise's sources, in file order).
    for index, source in enumerate(getattr(item, "sources", None) or ()):
        if source.date and source.date > moment.date():
            problems.append(
                Problem(
                    front.path,
                    front.line("sources", index, "date"),
                    f"source « {source.title} » datée du {source.date:%d/%m/%Y}, après "
                    f"aujourd'hui ({moment:%d/%m/%Y}) : un document cité existe déjà ; "
                    "corrigez sa date",
                )
            )
    # The right of reply: a person is contacted on a day that has come.
    response = getattr(item, "response", None)
    if response is not None and response.contacted > moment.date():
        problems.append(
            Problem(
                front.path,
                front.line("response", "contacted"),
                f"« response › contacted » ({response.contacted:%d/%m/%Y}) est après "
                f"aujourd'hui ({moment:%d/%m/%Y}) : datez-le du jour où la personne a été "
                "contactée",
            )
        )
    # From the file's own list, whose order gives the lines (the item's is sorted).
    raw = front.values.get("corrections") if isinstance(front.values, dict) else None
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        when = entry.get("date") if isinstance(entry, dict) else None
        if isinstance(when, datetime.datetime):
            when = when.date()
        if isinstance(when, datetime.date) and when > moment.date():
            problems.append(
                Problem(
                    front.path,
                    front.line("corrections", index, "date"),
                    f"correction datée du {when:%d/%m/%Y}, après aujourd'hui "
                    f"({moment:%d/%m/%Y}) : datez-la du jour où elle est faite",
                )
            )
        elif isinstance(when, datetime.date) and date and when < date.date():
            # The corrections log would show a correction older than what it corrects.
            problems.append(
                Problem(
                    front.path,
                    front.line("corrections", index, "date"),
                    f"correction datée du {when:%d/%m/%Y}, avant la publication "
                    f"({date:%d/%m/%Y}) : une correction suit la publication ; datez-la du "
                    "jour où elle est faite",
                )
            )
    return problems


def unfinished(document: Document) -> list[Problem]:
    """A body still holding the reminder `make new` wrote in it, in a file that is
    not a draft."""
    at = document.body.find(PLACEHOLDER)
    values = document.front.values if isinstance(document.front.values, dict) else {}
    if at < 0 or values.get("status") == "draft" or values.get("draft") is True:
        return []
    line = document.body_line + document.body.count("\n", 0, at)
    return [
        Problem(
            document.front.path,
            line,
            f"le texte de la page contient encore un texte provisoire de « make new » "
            f"(« {PLACEHOLDER} ») : écrivez-le avant de publier (ou remettez « status: draft »)",
        )
    ]


def cross_checks(result: Validation, settings: dict) -> list[Problem]:
    """What no single file shows: addresses taken twice, cards shared, objections
    answered by a fact-check that does not exist."""
    problems = []
    for kind in Kind:
        items = result.items(kind)
        problems += duplicate_slugs([(item.slug, doc.front) for item, doc in items])
    named = {
        kind: [(item.slug, doc.front.path) for item, doc in result.items(kind)]
        for kind in (Kind.CLAIM, Kind.POST)
    }
    problems += shared_card_names(named[Kind.CLAIM], named[Kind.POST])
    topics = [topic.slug for topic in result.catalogue.topics]
    for kind in (Kind.CLAIM, Kind.POST):
        problems += sheet_card_names([(i.slug, d.front) for i, d in result.items(kind)], topics)
    pages = [(page.slug, doc.front) for page, doc in result.items(Kind.PAGE)]
    problems += taken_addresses(pages, reserved_folders(settings))
    addresses, checked = site_addresses(result, settings)
    for kind in Kind:
        for _, doc in result.items(kind):
            problems += link_problems(doc.front.path, doc.body, doc.body_line, addresses, checked)
    # Every claim read, drafts included (an objection may point to a draft), valid or
    # not (a claim with a mistake of its own is told once, not again through each
    # sheet answering with it). Every sheet, valid or not: the writer is told all of
    # its mistakes at once.
    claim_slugs = {read_slug(document) for document in result.read[Kind.CLAIM]}
    for document in result.read[Kind.SHEET]:
        problems += unknown_claims(document.front, claim_slugs)
    return problems


# Folders at the root of the site that no setting names as an address.
FIXED_FOLDERS = {
    "pagefind": "l'index de recherche",
    "theme": "la feuille de style",
    "admin": "l'éditeur",
}


def reserved_folders(settings: dict) -> dict[str, str]:
    """Each folder at the site's root that the build writes, with what it holds:
    the first part of every address setting, the static folders and the theme's."""
    folders = dict(FIXED_FOLDERS)
    for key, value in sorted(settings.items()):
        written = settings.get(key.removesuffix("_URL") + "_SAVE_AS") != ""
        if key.endswith("_URL") and isinstance(value, str) and "://" not in value and written:
            first = value.split("/", 1)[0]
            if first and "{" not in first:
                folders.setdefault(first, f"les pages du réglage {key}")
    for folder in settings.get("STATIC_PATHS", []):
        folders.setdefault(folder.split("/", 1)[0], "les fichiers copiés de content/")
    folders.setdefault(settings.get("THEME_STATIC_DIR", "theme"), "la feuille de style")
    return folders


# Listings written at one address each.
LISTED = ("CLAIMS_INDEX_URL", "POSTS_INDEX_URL", "TOPICS_INDEX_URL", "CLAIMANTS_INDEX_URL")
LISTED += ("DISTRICTS_INDEX_URL", "SHEETS_INDEX_URL", "SHARE_URL", "SEARCH_URL", "SUBSCRIBE_URL")
LISTED += ("AGENDA_URL", "LETTERS_URL")


def site_addresses(result: Validation, settings: dict) -> tuple[set[str], set[str]]:
    """Every address the site may write ("vrai-du-faux/velo/"...), and the first
    folders of those whose every address is known, where a link can be checked."""
    catalogue = result.catalogue
    slugs = {
        "CLAIM_URL": [item.slug for item, _ in result.items(Kind.CLAIM)],
        "POST_URL": [item.slug for item, _ in result.items(Kind.POST)],
        "CLAIMANT_URL": [item.claimant.slug for item, _ in result.items(Kind.CLAIM)],
        "VERDICT_URL": [verdict.slug for verdict in catalogue.verdicts],
        "TOPIC_URL": [topic.slug for topic in catalogue.topics],
        "SHEET_URL": [topic.slug for topic in catalogue.topics],
        "DISTRICT_URL": [district.slug for district in catalogue.districts],
        "DISTRICT_SHARE_URL": [district.slug for district in catalogue.districts],
        "DISTRICT_SUBSCRIBE_URL": [district.slug for district in catalogue.districts],
        "TOPIC_SUBSCRIBE_URL": [topic.slug for topic in catalogue.topics],
        "EVENT_URL": [item.slug for item, _ in result.items(Kind.EVENT)],
        "EVENT_ICS_URL": [item.slug for item, _ in result.items(Kind.EVENT)],
        "DISTRICT_FLYER_URL": [district.slug for district in catalogue.districts],
        "PAGE_URL": [page.slug for page, _ in result.items(Kind.PAGE)],
    }
    addresses = {settings[key] for key in LISTED}
    for key, names in slugs.items():
        addresses.update(settings[key].format(slug=slug) for slug in names)
    checked = {settings[key].split("/", 1)[0] for key in slugs if key != "PAGE_URL"}
    # The files copied from content/ (images/...), the repository's own only: a
    # picture of a body (a video's card, say) must be there to be published.
    for folder in settings.get("STATIC_PATHS", []):
        root = os.path.join(settings["PATH"], folder)
        for path in own_files(root):
            addresses.add(os.path.relpath(path, settings["PATH"]).replace(os.sep, "/"))
        checked.add(folder.strip("/").split("/", 1)[0])
    return addresses, checked - {""}


def read_slug(document: Document) -> str:
    """A document's address as its parser makes it, even when it has mistakes."""
    values = document.front.values if isinstance(document.front.values, dict) else {}
    wanted = values.get("slug")
    return slugify(wanted if isinstance(wanted, str) and wanted else document.basename)


def loop_checks(result: Validation, content_path: str) -> list[Problem]:
    """Calls to action pointing to an item that does not exist; photos whose file is
    missing. Every file read, valid or not: all of its mistakes are told at once."""
    problems = []
    # Every file read, valid or not: a claim with a mistake of its own is told once,
    # not again through each action pointing to it.
    shareable = {
        read_slug(document)
        for kind in (Kind.CLAIM, Kind.POST, Kind.SHEET)
        for document in result.read[kind]
    }
    shareable |= {topic.slug for topic in result.catalogue.topics}  # derived sheets
    for document in result.read[Kind.ACTION]:
        problems += unknown_item(document.front, shareable)
    shown = [document.front for kind in (Kind.POST, Kind.EVENT) for document in result.read[kind]]
    for front in shown:
        problems += missing_photo(front, content_path)
    problems += photo_name_clashes(shown)
    return problems
