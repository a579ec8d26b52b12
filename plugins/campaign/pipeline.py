"""The build, top to bottom: the plugin's wiring (`register`, called by Pelican
through the package's __init__.py), then these generators, run in this order.

1. GatherGenerator reads every content file (claims, posts, sheets, fixed pages)
   through Pelican's readers, validates them with `make check`'s own function
   (content/validation.py) and, if nothing is wrong, assembles the campaign's
   state (assembly.py): published and previewed pages, groupings, cross-links.
   Cards start being drawn in worker processes as soon as each file is read.
2. If any problem was found, `refuse_invalid_content` stops the build before
   anything is written (Pelican's all_generators_finalized signal).
3. Every other generator writes from the state, never from another generator:
   their order matters for writing only. Search comes first, to watch the
   searchable pages being written (each part of the index is made as soon as its
   pages are). The site's other pages (agenda, districts, home, letters, open
   data...) come next, handed together to one process of their own
   (`SitePagesBeside`, generators/beside.py): it starts at once and writes them
   while the build goes on, on a rebuild as on a first build. Claims, posts and sheets next, so the index is
   made while the other pages are written; claims and their embeddable cards are
   the most pages: on a first build, each may be written by another process
   (output/forked.py). Then what waits for the card workers: cards, feeds and
   share kits. The writer is closed last, which waits for the other processes,
   puts the search index in place and saves the writer's record.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import json
import logging
import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from .content.reader import (
    YamlMarkdownReader,
    forget_stale_caches,
    install_content_cache_methods,
)
from .content.validation import build_moment
from .editor.site import EditorGenerator
from .filters import FILTERS, FrenchApostrophes, Once
from .generators.base import PROBLEMS, ContentError
from .generators.beside import WrittenBeside
from .generators.documents import ClaimsGenerator, PostsGenerator
from .generators.embeds import EmbedGenerator
from .generators.events import EventsGenerator
from .generators.flyers import FlyersGenerator
from .generators.follow import FollowGenerator
from .generators.gather import GatherGenerator
from .generators.legal import LegalGenerator
from .generators.letters import LettersGenerator
from .generators.opendata import OpenDataGenerator
from .generators.own_files import keep_own_static_files, own_files_only
from .generators.photos import PhotosGenerator, strip_static_pictures
from .generators.promises import PromisesGenerator
from .generators.search import SearchGenerator
from .generators.sharing import SharingGenerator
from .generators.sheets import SheetsGenerator
from .generators.site import DistrictsGenerator, SiteGenerator, WriterCloser
from .generators.sitemap import SitemapGenerator
from .output.writer import get_writer
from .settings import apply_defaults


class SitePagesBeside(WrittenBeside):
    """The pages that are neither documents nor shared: in a child process."""

    members = (
        EventsGenerator,
        PhotosGenerator,
        PromisesGenerator,
        DistrictsGenerator,
        FlyersGenerator,
        SiteGenerator,
        FollowGenerator,
        LettersGenerator,
        OpenDataGenerator,
        LegalGenerator,
    )
    what = "les pages du site (agenda, arrondissements, accueil, lettres, données)"


GENERATORS = [
    GatherGenerator,
    SearchGenerator,
    SitePagesBeside,
    ClaimsGenerator,
    EmbedGenerator,
    PostsGenerator,
    SheetsGenerator,
    SharingGenerator,
    SitemapGenerator,
    EditorGenerator,
    WriterCloser,
]


def get_generators(pelican) -> list:
    return GENERATORS


def hold_back_future_pages(pages_generator) -> None:
    """Fixed pages dated after the build's moment are embargoed like claims: Pelican
    builds them otherwise, lists them in `pages` and so in the sitemap."""
    moment = build_moment(pages_generator.settings)
    early = [page for page in pages_generator.pages if not _after(page, moment)]
    pages_generator.pages[:] = early  # the context's `pages` is this very list


def _after(page, moment) -> bool:
    date = getattr(page, "date", None)
    if date is None:
        return False
    if date.tzinfo is None:
        date = date.replace(tzinfo=moment.tzinfo)
    return date > moment


def refuse_invalid_content(generators) -> None:
    """Stop before anything is written if any file was invalid."""
    problems = generators[0].context.get(PROBLEMS, [])
    if problems:
        raise ContentError(problems)


def hide_traceback_of_content_errors(record: logging.LogRecord) -> bool:
    """A content mistake is the writer's to fix: show the list, not Python's stack."""
    if record.exc_info and isinstance(record.exc_info[1], ContentError):
        record.exc_info = None
    return True


def configure(pelican):
    # A build makes millions of short-lived objects (Markdown trees, template
    # output) beside a large heap that lives to the end (every page): Python's
    # default collects the young ones every 700 allocations, scanning often for
    # cycles that are rare here. Fewer collections: about 6 % off a rebuild.
    gc.set_threshold(50_000, 20, 100)
    # When Python exits, it looks for cycles through the whole heap, every page of
    # the build still in it: 0.3 s at 2,000 claims, for memory the system takes
    # back anyway. Frozen objects are not looked through (registered once).
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    # Pelican logs a failed build with its traceback; ours need only the message.
    logging.getLogger("pelican").addFilter(hide_traceback_of_content_errors)
    apply_defaults(pelican.settings)
    forget_stale_caches(pelican.settings["CACHE_PATH"])
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)
    pelican.settings.setdefault("JINJA_GLOBALS", {})["once"] = Once()
    environment = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    # Every text from front matter is escaped; HTML we made ourselves is marked safe.
    environment["autoescape"] = True
    extensions = environment.setdefault("extensions", [])
    if FrenchApostrophes not in extensions:
        extensions.append(FrenchApostrophes)
    environment.setdefault("bytecode_cache", template_cache(environment, pelican.settings))
    # A build is one process, templates do not change during it: without this, every
    # page checks the date of each template it extends or imports.
    environment.setdefault("auto_reload", False)


def template_cache(environment: dict, settings: dict) -> FileSystemBytecodeCache:
    """Where compiled templates are kept: code, like Python's own bytecode, so kept
    for the machine's user rather than per cache folder (Jinja's per-user folder in
    the system's temporary folder, which it checks is this user's alone). A fresh
    checkout, a new CACHE_PATH or each of the tests' sites then compiles the theme
    once, not every time (0.3 s). Jinja names a template's entry after its file's
    path and checks its source and Jinja's and Python's versions when loading it;
    the pattern adds the environment's options, which change what is compiled.
    Without a usable per-user folder, CACHE_PATH/gabarits."""
    options = json.dumps(
        {key: repr(value) for key, value in environment.items() if key != "bytecode_cache"},
        sort_keys=True,
    )
    pattern = f"campagne-{hashlib.sha256(options.encode()).hexdigest()[:12]}-%s.cache"
    try:
        return FileSystemBytecodeCache(pattern=pattern)
    except (RuntimeError, OSError):  # no temporary folder, or not this user's alone
        folder = os.path.join(settings["CACHE_PATH"], "gabarits")
        os.makedirs(folder, exist_ok=True)
        return FileSystemBytecodeCache(folder, pattern)


def add_reader(readers):
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def register():
    install_content_cache_methods()
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.page_generator_finalized.connect(hold_back_future_pages)
    signals.all_generators_finalized.connect(refuse_invalid_content)
    # Only the repository's own files: walks follow no link, static files are plain.
    signals.generator_init.connect(own_files_only)
    signals.static_generator_finalized.connect(keep_own_static_files)
    # Pictures of content/ are published stripped of their metadata (GPS, camera).
    signals.static_generator_init.connect(strip_static_pictures)
