"""Site search: the /recherche/ page and its static Pagefind index, in parts.

Only published pages are indexed: each document generator lists its published
pages under SEARCHABLE while gathering, and the index is built from exactly those,
never from whatever HTML lies in the output folder (drafts previewed at their own
address, stale files of an earlier build). Inside a page, Pagefind reads the region
marked `data-pagefind-body` and the `data-pagefind-filter` values (verdict, sujet,
arrondissement) that the templates put there.

Pagefind cannot update an index: it reads every page again (3 s at 2,000 claims,
for a one-word edit). So a large site's index comes in parts of SEARCH_PART_PAGES
pages, each a Pagefind index of its own: claims in theirs by age, other pages in
others (see plan_parts). A part is indexed again only when the bytes of one of
its pages change; it is kept in the cache under a hash of its pages and linked
into the output. The search page loads the first part and merges the others
(Pagefind's `mergeIndex`, which reuses the first part's WebAssembly: each more
part costs the reader two small files, and one more index chunk a word searched).
A small site has a single part.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata

import pagefind_bin
from pelican.utils import sanitised_join

from ..kinds import Kind
from ..output.writer import content_tag, link_into_place, same_file
from . import cbor

# Folder of the index and of Pagefind's search script, below the output folder.
BUNDLE = "pagefind"
# Pagefind's ready-made search interfaces: this site has its own small form
# (theme/static/js/search.js), so they are not shipped.
UNUSED_FILES = [
    f"pagefind-{name}"
    for name in (
        "ui.js ui.css modular-ui.js modular-ui.css component-ui.js component-ui.css highlight.js"
    ).split()
]
# What a merged part does not need: it uses the first part's scripts and WebAssembly.
SCRIPT_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.")
# Folder of the second part on, below the bundle: parties/2/, parties/3/...
PARTS_FOLDER = "parties"
# Pagefind's index files: gzip of this marker followed by CBOR.
MARKER = b"pagefind_dcd"
# Characters with a meaning in a Pagefind glob (the `wax` crate), escaped in a path.
GLOB_SPECIAL = frozenset("\\*?[]{}<>:,!")
# Pagefind runs beside the build, which never waits for it before the end: it gets
# the cores the build leaves idle, and both of them once the build is done.
PAGEFIND_NICENESS = 10
# A part being made is in a work folder of the cache, renamed when done; one older
# than this was left by a stopped build.
WORK_PREFIX = "en-cours-"
ABANDONED_AGE = 3600
# Part of each part's cache key: another Pagefind may index differently.
PAGEFIND_VERSION = metadata.version("pagefind_bin")


class SearchIndexError(Exception):
    """Pagefind failed; the message says what it printed."""


def read_packed(path: str):
    with open(path, "rb") as handle:
        return cbor.decode(gzip.decompress(handle.read()).removeprefix(MARKER))


def pack(value) -> bytes:
    return MARKER + cbor.encode(value)


def digest(data: bytes, size: int) -> str:
    """A content hash of `size` hex digits, as Pagefind names its files."""
    return hashlib.sha256(data).hexdigest()[:size]


def write_gzip(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(gzip.compress(data, mtime=0))


def stabilise_filters(bundle: str, language: str, meta: list) -> list:
    """Rewrite each filter file with its values sorted; return the new [name, file] list."""
    # Pagefind 1.x metadata: [version, pages, index chunks, [[filter, file]...], ...]
    filters = meta[3] if len(meta) > 3 else None
    if not isinstance(filters, list) or not all(len(entry) == 2 for entry in filters):
        raise cbor.CborError(f"index Pagefind {meta[0]} : liste des filtres introuvable")
    folder = os.path.join(bundle, "filter")
    renamed = []
    for name, old in sorted(filters):
        path = os.path.join(folder, f"{old}.pf_filter")
        filter_name, values = read_packed(path)
        os.remove(path)
        data = pack([filter_name, sorted(values)])
        new = f"{language}_{digest(data, 7)}"
        write_gzip(os.path.join(folder, f"{new}.pf_filter"), data)
        renamed.append([name, new])
    return renamed


def stabilise(bundle: str) -> None:
    """Same pages in, same bytes out.

    Pagefind 1.5 writes the values of each filter in a random order (a Rust hash
    map), so the filter files, the metadata naming them and the entry file naming
    the metadata change from one build to the next. Sort the values and name each
    rewritten file after its content, as Pagefind names the others.
    """
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    for language, details in sorted(entry["languages"].items()):
        meta_path = os.path.join(bundle, f"pagefind.{details['hash']}.pf_meta")
        meta = read_packed(meta_path)
        meta[3] = stabilise_filters(bundle, language, meta)
        os.remove(meta_path)
        data = pack(meta)
        details["hash"] = f"{language}_{digest(data, 10)}"
        write_gzip(os.path.join(bundle, f"pagefind.{details['hash']}.pf_meta"), data)
    with open(entry_path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Part:
    """Some of the searchable pages, indexed together. `pending` holds the output
    paths of its pages not written yet; `digests` the content tag of each written
    page (a hash of its bytes, see writer.content_tag)."""

    pages: list
    pending: set[str]
    digests: dict[str, str] = field(default_factory=dict)
    target: str = ""  # its index's folder in the cache, once its pages are written

    def key(self, language: str) -> str:
        """Names the part's index in the cache: the same pages, byte for byte, under
        the same addresses and Pagefind version give the same index."""
        listing = sorted((page.url, self.digests[page.url]) for page in self.pages)
        text = json.dumps([PAGEFIND_VERSION, language, listing], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def plan_parts(pages: list, size: int) -> list[list]:
    """The pages in parts of `size`: all in one if they fit. Else the claims in
    parts of their own, the other pages in others; in each, by age, the oldest
    `size` pages first, then the next: a new claim changes only the newest part,
    which is the smallest, and the first one written (claims are written newest
    first), so its index is made while the other pages are written."""
    if len(pages) <= size:
        return [pages]
    claims = [page for page in pages if page.kind is Kind.CLAIM]
    others = [page for page in pages if page.kind is not Kind.CLAIM]
    parts = []
    for group in (claims, others):
        oldest_first = sorted(group, key=lambda page: (page.date, page.slug))
        parts += [oldest_first[start : start + size] for start in range(0, len(group), size)]
    return parts


def part_folder(number: int) -> str:
    """Where part `number` (from 0) goes below the bundle folder."""
    return "" if number == 0 else f"{PARTS_FOLDER}/{number + 1}/"


def page_file(page) -> str:
    """The file Pagefind reads for a page: its URL is the file's path from the root."""
    return f"{page.url}index.html" if page.url.endswith("/") or not page.url else page.url


def glob_for(pages: list) -> str:
    """A Pagefind glob matching exactly the pages' files, from the output folder."""

    def escaped(path: str) -> str:
        return "".join(f"\\{char}" if char in GLOB_SPECIAL else char for char in path)

    return "{" + ",".join(escaped(page_file(page)) for page in pages) + "}"


def run_pagefind(site: str, pages: list, bundle: str, language: str, work: str) -> None:
    """Pagefind's command line over the pages' files below `site`, run in `work`.

    The glob naming the files goes in a configuration file (pagefind.json, read from
    the working folder): a command-line argument is limited to 128 KiB.
    """
    with open(os.path.join(work, "pagefind.json"), "w", encoding="utf-8") as handle:
        json.dump({"glob": glob_for(pages)}, handle, ensure_ascii=False)
    command = [
        str(pagefind_bin.get_executable()), "--site", os.path.abspath(site),
        "--output-path", os.path.abspath(bundle), "--force-language", language, "--silent",
    ]  # fmt: skip
    with subprocess.Popen(
        command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        with contextlib.suppress(OSError, AttributeError):  # ended, not allowed, Windows
            os.setpriority(os.PRIO_PROCESS, process.pid, PAGEFIND_NICENESS)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        printed = (stderr or stdout).strip()
        raise SearchIndexError(f"Pagefind a échoué ({process.returncode}) : {printed}")


def index_part(output_path: str, pages: list, target: str, language: str) -> None:
    """Index the part's pages, read in the output folder, into the cache folder
    `target`, unless done before.

    Written beside it first and renamed: a build stopped midway leaves no half index
    that a later build would take for done.
    """
    if os.path.isdir(target):
        with contextlib.suppress(OSError):  # pruned meanwhile: see forget_unused
            os.utime(target)  # used now (forget_unused keeps the recently used)
        return
    work = tempfile.mkdtemp(prefix=WORK_PREFIX, dir=os.path.dirname(target))
    try:
        bundle = os.path.join(work, "index")
        run_pagefind(output_path, pages, bundle, language, work)
        stabilise(bundle)
        for name in UNUSED_FILES:
            os.remove(os.path.join(bundle, name))
        os.rename(bundle, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bundle_files(folders: list[str]) -> dict[str, str]:
    """{path below the bundle: file in the cache} for the parts' cached indexes, in
    order; parts after the first leave out the scripts they do not load."""
    files = {}
    for number, folder in enumerate(folders):
        prefix = part_folder(number)
        for root, _, names in os.walk(folder):
            for name in names:
                if number and name.startswith(SCRIPT_FILES):
                    continue
                source = os.path.join(root, name)
                files[prefix + os.path.relpath(source, folder).replace(os.sep, "/")] = source
    return files


def sync(bundle: str, files: dict[str, str]) -> None:
    """Make the bundle folder hold exactly `files`: unchanged files are left alone
    (a deploy sends only what changed), others linked in, stale ones removed."""
    folders = set()
    for name, source in files.items():
        path = os.path.join(bundle, name)
        if not same_file(path, source):
            if os.path.dirname(path) not in folders:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                folders.add(os.path.dirname(path))
            link_into_place(source, path)
    for root, folders, names in os.walk(bundle, topdown=False):
        for name in names:
            path = os.path.join(root, name)
            if os.path.relpath(path, bundle).replace(os.sep, "/") not in files:
                os.remove(path)
        for name in folders:
            path = os.path.join(root, name)
            if not os.listdir(path):
                os.rmdir(path)


class SearchIndex:
    """The build's index: each part is indexed (or found in the cache) as soon as the
    last of its pages is written, while the build goes on. Two parts at a time:
    Pagefind writes its files on one thread, and another part's reading fills the
    other core meanwhile."""

    def __init__(self, pages: list, settings: dict, output_path: str):
        self.output_path = output_path
        self.language = settings["DEFAULT_LANG"]
        self.cache = os.path.join(settings["CACHE_PATH"], "recherche")
        os.makedirs(self.cache, exist_ok=True)
        self.parts = []
        self.by_path: dict[str, tuple[Part, object]] = {}
        for pages_of_part in plan_parts(pages, settings["SEARCH_PART_PAGES"]):
            part = Part(pages_of_part, set())
            for page in pages_of_part:
                path = sanitised_join(output_path, page.save_as)
                part.pending.add(path)
                self.by_path[path] = (part, page)
            self.parts.append(part)
        self.pool = ThreadPoolExecutor(max_workers=2)
        self.jobs: dict[int, Future] = {}

    @property
    def folders(self) -> list[str]:
        """The bundle folder of each part, below the output's bundle folder."""
        return [part_folder(number) for number in range(len(self.parts))]

    def written(self, path: str, tag: str) -> None:
        """The writer's listener: a file was written (or found unchanged), holding
        the content tagged `tag`."""
        found = self.by_path.get(path)
        if found is None:
            return
        part, page = found
        part.digests[page.url] = tag
        part.pending.discard(path)
        if not part.pending:
            self.start(part)

    def start(self, part: Part) -> None:
        target = os.path.join(self.cache, part.key(self.language))
        number = self.parts.index(part)
        self.jobs[number] = self.pool.submit(
            index_part, self.output_path, part.pages, target, self.language
        )
        part.target = target

    def finish(self, bundle: str) -> None:
        """Wait for every part, put their indexes in `bundle`, forget older ones."""
        try:
            for number, part in enumerate(self.parts):
                if number not in self.jobs:  # a page not written through the writer
                    for path in sorted(part.pending):
                        with open(path, "rb") as handle:
                            self.written(path, content_tag(handle.read()))
            for number in sorted(self.jobs):
                self.jobs[number].result()
        finally:
            self.pool.shutdown()
        targets = [part.target for part in self.parts]
        sync(bundle, bundle_files(targets))
        forget_unused(self.cache, {os.path.basename(target) for target in targets})


def forget_unused(cache: str, used: set[str]) -> None:
    """Remove the parts in the cache that no recent build used.

    This build's parts stay, and as many others, the most recently used: those of
    the other kind of build. A preview's pages differ from the published ones
    (relative addresses), and so do their parts: `make html` then `make publish`
    would otherwise index every page again, each time. A part another build is
    making (its work folder) stays unless it was left long ago by a stopped build:
    `make serve` rebuilding while `make publish` runs never removes what the other
    is writing.
    """
    others = []
    for name in os.listdir(cache):
        path = os.path.join(cache, name)
        try:
            age = time.time() - os.stat(path).st_mtime
        except OSError:  # removed by another build meanwhile
            continue
        if name.startswith(WORK_PREFIX):
            if age > ABANDONED_AGE:
                shutil.rmtree(path, ignore_errors=True)
        elif name not in used:
            others.append((age, name))
    for _, name in sorted(others)[len(used) :]:
        shutil.rmtree(os.path.join(cache, name), ignore_errors=True)
