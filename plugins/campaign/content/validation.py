"""The one validation path: `make check` and the build both call `validate`.

Each document is parsed against the data files as soon as it is read (the build
feeds its cards to the drawing workers from there), then what no single file
shows is checked across them. The result holds every valid document and every
problem, so the build refuses exactly what `make check` reports.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from slugify import slugify

from ..kinds import Kind
from .catalogue import load_catalogue
from .crosscheck import (
    duplicate_slugs,
    missing_photo,
    shared_card_names,
    unknown_claims,
    unknown_item,
)
from .loop import parse_action, parse_event
from .model import Catalogue, FrontMatter, Problem
from .validate import parse_claim, parse_page, parse_post, parse_sheet

MARKDOWN_SUFFIXES = ("md", "markdown", "mkd", "mdown")
PARSERS = {
    Kind.CLAIM: parse_claim,
    Kind.POST: parse_post,
    Kind.SHEET: parse_sheet,
    Kind.ACTION: parse_action,
    Kind.EVENT: parse_event,
    Kind.PAGE: parse_page,
}


@dataclass(frozen=True)
class Document:
    """A content file as read: its kind, its file name without suffix, its front
    matter, and whatever the reader made of the rest (the build's HTML body)."""

    kind: Kind
    basename: str
    front: FrontMatter
    source: object = None


@dataclass
class Validation:
    """Every valid document, by kind and in reading order, with its domain object;
    and every problem, sorted by file and line."""

    catalogue: Catalogue
    valid: dict[Kind, list[tuple[object, Document]]] = field(default_factory=dict)
    read: dict[Kind, list[Document]] = field(default_factory=dict)  # valid or not
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def items(self, kind: Kind) -> list[tuple[object, Document]]:
        return self.valid.get(kind, [])


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
            if os.path.splitext(name)[1][1:] in MARKDOWN_SUFFIXES:
                yield os.path.relpath(os.path.join(folder, name), base)


def validate(
    settings: dict,
    documents: Iterable[Document],
    on_valid: Callable[[Kind, object], None] | None = None,
) -> Validation:
    """Parse every document against the data files, then check them together.

    `on_valid(kind, item)` is told of each valid document as soon as it is parsed,
    while the next ones are still being read.
    """
    catalogue, problems = load_catalogue(settings["PATH"], settings["VERDICTS"])
    result = Validation(
        catalogue, {kind: [] for kind in Kind}, {kind: [] for kind in Kind}, problems
    )
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    for document in documents:
        result.read[document.kind].append(document)
        parsed = PARSERS[document.kind](document.front, document.basename, catalogue, zone)
        if isinstance(parsed, list):
            result.problems += parsed
            continue
        result.valid[document.kind].append((parsed, document))
        if on_valid is not None:
            on_valid(document.kind, parsed)
    result.problems += cross_checks(result)
    result.problems += loop_checks(result, settings["PATH"])
    result.problems.sort(key=lambda p: (p.path, p.line))
    return result


def cross_checks(result: Validation) -> list[Problem]:
    """What no single file shows: addresses taken twice, cards shared, objections
    answered by a fact-check that does not exist."""
    problems = []
    for kind in (Kind.CLAIM, Kind.POST, Kind.SHEET):
        items = result.items(kind)
        problems += duplicate_slugs([(item.slug, doc.front) for item, doc in items])
    named = {
        kind: [(item.slug, doc.front.path) for item, doc in result.items(kind)]
        for kind in (Kind.CLAIM, Kind.POST)
    }
    problems += shared_card_names(named[Kind.CLAIM], named[Kind.POST])
    # Every valid claim, drafts included: an objection may point to a draft. Every
    # sheet, valid or not: the writer is told all of its mistakes at once.
    claim_slugs = {item.slug for item, _ in result.items(Kind.CLAIM)}
    for document in result.read[Kind.SHEET]:
        problems += unknown_claims(document.front, claim_slugs)
    return problems


def read_slug(document: Document) -> str:
    """A document's address as its parser makes it, even when it has mistakes."""
    values = document.front.values if isinstance(document.front.values, dict) else {}
    wanted = values.get("slug")
    return slugify(wanted if isinstance(wanted, str) and wanted else document.basename)


def loop_checks(result: Validation, content_path: str) -> list[Problem]:
    """Calls to action pointing to an item that does not exist; photos whose file is
    missing. Every file read, valid or not: all of its mistakes are told at once."""
    problems = []
    for kind in (Kind.ACTION, Kind.EVENT):
        problems += duplicate_slugs([(item.slug, doc.front) for item, doc in result.items(kind)])
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
    for kind in (Kind.POST, Kind.EVENT):
        for document in result.read[kind]:
            problems += missing_photo(document.front, content_path)
    return problems
