"""The build, top to bottom: Pelican runs these generators in this order.

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
   pages are); claims, posts and sheets next, so the index is made while the
   other pages are written; the writer is closed last, which puts the search
   index in place and saves the writer's record. Claims and their embeddable
   cards are the most pages: on a first build, each may be written by another
   process (output/forked.py), started as early as possible.
"""

from __future__ import annotations

from .content.validation import build_moment
from .editor.site import EditorGenerator
from .generators.base import PROBLEMS, ContentError
from .generators.documents import ClaimsGenerator, PostsGenerator
from .generators.embeds import EmbedGenerator
from .generators.events import EventsGenerator
from .generators.flyers import FlyersGenerator
from .generators.follow import FollowGenerator
from .generators.gather import GatherGenerator
from .generators.legal import LegalGenerator
from .generators.letters import LettersGenerator
from .generators.opendata import OpenDataGenerator
from .generators.photos import PhotosGenerator
from .generators.promises import PromisesGenerator
from .generators.search import SearchGenerator
from .generators.sharing import SharingGenerator
from .generators.sheets import SheetsGenerator
from .generators.site import DistrictsGenerator, SiteGenerator, WriterCloser
from .generators.sitemap import SitemapGenerator

GENERATORS = [
    GatherGenerator,
    SearchGenerator,
    ClaimsGenerator,
    EmbedGenerator,
    PostsGenerator,
    SheetsGenerator,
    EventsGenerator,
    PhotosGenerator,
    PromisesGenerator,
    DistrictsGenerator,
    FlyersGenerator,
    SiteGenerator,
    SharingGenerator,
    FollowGenerator,
    LettersGenerator,
    OpenDataGenerator,
    LegalGenerator,
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
