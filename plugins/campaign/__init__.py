"""Campaign plugin: claims, posts, listings and the checks that guard them."""

import logging

from pelican import signals

from .filters import FILTERS
from .generators import (
    PROBLEMS,
    ClaimsGenerator,
    ContentError,
    DistrictsGenerator,
    PostsGenerator,
    SiteGenerator,
)
from .reader import YamlMarkdownReader
from .search import SearchGenerator
from .settings import apply_defaults
from .sheets import SheetsGenerator
from .sitemap import SitemapGenerator
from .syndication import SharingGenerator


def hide_traceback_of_content_errors(record: logging.LogRecord) -> bool:
    """A content mistake is the writer's to fix: show the list, not Python's stack."""
    if record.exc_info and isinstance(record.exc_info[1], ContentError):
        record.exc_info = None
    return True


def configure(pelican):
    # Pelican logs a failed build with its traceback; ours need only the message.
    logging.getLogger("pelican").addFilter(hide_traceback_of_content_errors)
    apply_defaults(pelican.settings)
    pelican.settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)
    # Every text from front matter is escaped; HTML we made ourselves is marked safe.
    pelican.settings.setdefault("JINJA_ENVIRONMENT", {})["autoescape"] = True


def add_reader(readers):
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def get_generators(pelican):
    # Claims and posts first: district and site-wide pages are built from both.
    # Sheets after the site's topic index, which they draw their claims from.
    # Sharing next: its feeds and share kits gather every listing built before it.
    # Search last: it indexes the pages the others have written.
    return [
        ClaimsGenerator,
        PostsGenerator,
        DistrictsGenerator,
        SiteGenerator,
        SheetsGenerator,
        SharingGenerator,
        SitemapGenerator,
        SearchGenerator,
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
    signals.all_generators_finalized.connect(refuse_invalid_content)
