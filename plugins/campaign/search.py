"""Site search: the /recherche/ page and its static Pagefind index.

Only published pages are indexed: each document generator lists its published
pages under SEARCHABLE while gathering, and the index is built from exactly those,
never from whatever HTML lies in the output folder (drafts previewed at their own
address, stale files of an earlier build). Inside a page, Pagefind reads the region
marked `data-pagefind-body` and the `data-pagefind-filter` values (verdict, sujet,
arrondissement) that the templates put there.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor

from pagefind.index import IndexConfig, PagefindIndex

from . import cbor
from .generators import SEARCHABLE, CampaignGenerator

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
# Context key of the index being written.
INDEXING = "campaign_search_indexing"
# Pagefind's index files: gzip of this marker followed by CBOR.
MARKER = b"pagefind_dcd"


async def write_index(folder: str, bundle: str, language: str) -> None:
    """Index every HTML file below `folder` and write the bundle folder.

    One request for the whole folder: Pagefind's Python service answers one request
    per tenth of a second, so adding pages one by one costs 100 ms each.
    """
    config = IndexConfig(force_language=language, output_path=bundle)
    async with PagefindIndex(config) as index:
        await index.add_directory(os.path.abspath(folder))


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


class Indexing:
    """Pagefind at work on a folder of staged pages, in a thread of its own (the
    caller may already run an event loop: a build started from Playwright's sync
    API in the tests, for one), while the rest of the site is written."""

    def __init__(self, folder: str, bundle: str, language: str):
        self.folder, self.bundle = folder, bundle
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.future = self.pool.submit(asyncio.run, write_index(folder, bundle, language))

    def finish(self) -> None:
        """Wait for the index, then make it byte-stable and drop what is not shipped."""
        try:
            self.future.result()
        finally:
            self.pool.shutdown()
            shutil.rmtree(self.folder, ignore_errors=True)
        stabilise(self.bundle)
        for name in UNUSED_FILES:
            os.remove(os.path.join(self.bundle, name))


def stage(output_path: str, pages: list, folder: str) -> None:
    """Link each page's written HTML into `folder` at its address, which is the URL
    Pagefind gives it; copy where a link cannot be made (another file system)."""
    for page in pages:
        name = f"{page.url}index.html" if page.url.endswith("/") or not page.url else page.url
        target = os.path.join(folder, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        source = os.path.join(output_path, page.save_as)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


class SearchGenerator(CampaignGenerator):
    """Writes /recherche/, then starts indexing every published page written before
    it; SearchIndexWriter, the last generator, waits for the index.

    Must come after every generator whose pages are searchable.
    """

    def generate_output(self, writer):
        url = self.settings["SEARCH_URL"]
        writer.write_file(
            f"{url}index.html",
            self.get_template("search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
        )
        bundle = os.path.join(self.output_path, BUNDLE)
        # A fresh bundle each build: no fragment of a removed page survives.
        shutil.rmtree(bundle, ignore_errors=True)
        os.makedirs(self.settings["CACHE_PATH"], exist_ok=True)
        folder = tempfile.mkdtemp(dir=self.settings["CACHE_PATH"])
        stage(self.output_path, self.context.get(SEARCHABLE, []), folder)
        self.context[INDEXING] = Indexing(folder, bundle, self.settings["DEFAULT_LANG"])


class SearchIndexWriter(CampaignGenerator):
    """Waits for the index started by SearchGenerator: feeds, cards and share kits
    are written in between, while Pagefind works on the other core."""

    def generate_output(self, writer):
        self.context.pop(INDEXING).finish()
