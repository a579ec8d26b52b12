"""Campaign plugin: claims, posts, listings and the checks that guard them."""

import atexit
import gc
import logging
import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from .content.reader import YamlMarkdownReader
from .editor.site import EditorGenerator
from .filters import FILTERS
from .generators.base import (
    PROBLEMS,
    ClaimsGenerator,
    ContentError,
    DistrictsGenerator,
    PostsGenerator,
    SiteGenerator,
    WriterCloser,
)
from .generators.sharing import SharingGenerator
from .generators.sheets import SheetsGenerator
from .generators.sitemap import SitemapGenerator
from .output.writer import get_writer
from .search.pagefind import SearchGenerator
from .settings import apply_defaults


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
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)
    environment = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    # Every text from front matter is escaped; HTML we made ourselves is marked safe.
    environment["autoescape"] = True
    # Each generator compiles the templates it uses: compiled once, kept until edited.
    templates = os.path.join(pelican.settings["CACHE_PATH"], "gabarits")
    os.makedirs(templates, exist_ok=True)
    environment.setdefault("bytecode_cache", FileSystemBytecodeCache(templates))
    # A build is one process, templates do not change during it: without this, every
    # page checks the date of each template it extends or imports.
    environment.setdefault("auto_reload", False)


def add_reader(readers):
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def get_generators(pelican):
    # Search first, to watch every searchable page being written: each part of
    # the index is made as soon as its pages are, while the build goes on; it is
    # put in place when the last generator closes the writer.
    # Claims and posts next: every other page is built from them. Sheets draw on
    # the claims by topic. The searchable pages (claims, posts, sheets) are written
    # first, so the search index is made while the other pages are.
    return [
        SearchGenerator,
        ClaimsGenerator,
        PostsGenerator,
        SheetsGenerator,
        DistrictsGenerator,
        SiteGenerator,
        SharingGenerator,
        SitemapGenerator,
        EditorGenerator,
        WriterCloser,
    ]


def refuse_invalid_content(generators):
    """Stop before anything is written if any file was invalid."""
    problems = generators[0].context.get(PROBLEMS, [])
    if problems:
        raise ContentError(problems)


def register():
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(refuse_invalid_content)
