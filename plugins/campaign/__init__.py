"""Campaign plugin: claims, posts, listings and the checks that guard them."""

import atexit
import gc
import logging
import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals

from .content.reader import YamlMarkdownReader, forget_stale_caches
from .filters import FILTERS
from .generators.base import ContentError
from .generators.own_files import keep_own_static_files, own_files_only
from .generators.photos import strip_static_pictures
from .output.writer import get_writer
from .pipeline import get_generators, hold_back_future_pages, refuse_invalid_content
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
    forget_stale_caches(pelican.settings["CACHE_PATH"])
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


def register():
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
