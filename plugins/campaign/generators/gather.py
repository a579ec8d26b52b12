"""The first generator: read every content file, validate, assemble the state.

It is the pipeline's gathering half (see pipeline.py): read each file through
Pelican's readers (their cache skips unchanged files), validate with the same
function as `make check`, and, if nothing is wrong, assemble the campaign's
state that every other generator writes from. Social cards are drawn by worker
processes from the moment each published claim or post is read.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from ..assembly import CAMPAIGN, assemble, is_published
from ..content.crosscheck import usable_photo
from ..content.reader import CONTENT_CACHE, cache_name
from ..content.silence import windows_of
from ..content.validation import Document, build_moment, content_files, validate
from ..images.cache import infographic_folder
from ..images.card_batch import CardBatch, default_workers
from ..kinds import Kind
from ..sharing.contact import contact
from ..sharing.items import Shareable, card_spec, site_url
from ..sharing.letters import every_letter
from .base import PROBLEMS
from .forked_reading import ReadingBeside
from .pages import PAGE_CLASSES, SourceFile
from .sheets import prepare_sheet

# Kinds whose cards can be drawn from their own file, as soon as it is read.
DRAWN_WHILE_READING = (Kind.CLAIM, Kind.POST)


class GatherGenerator(Generator):
    """Reads, validates and assembles; writes nothing."""

    def __init__(self, *args, **kwargs):
        # Pelican's content cache, at the reader level: a file unchanged since the last
        # build (same mtime) is not parsed or converted again. Validation runs on every
        # build, against the data files as they are now.
        name = cache_name(CONTENT_CACHE, kwargs["settings"])
        super().__init__(*args, readers_cache_name=name, **kwargs)

    def generate_context(self):
        settings = self.settings
        moment = build_moment(settings)
        files = content_files(settings)
        cards = card_batch(settings, sum(1 for kind, _ in files if kind in DRAWN_WHILE_READING))

        silence = windows_of(settings)
        zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))

        def draw_early(kind: Kind, item) -> None:
            image = getattr(item, "image", None)
            if image is not None and not usable_photo(image.file, settings["PATH"]):
                return  # a missing, special or broken photo: refused after the reading
            if kind in DRAWN_WHILE_READING and is_published(item, moment, silence, zone):
                cards.feed(card_spec(kind, item, settings))

        # A first build reads the end of the list in another process meanwhile.
        beside = ReadingBeside(self.readers, settings["CAMPAIGN_WRITING_PROCESSES"])
        beside.start([self.source(path) for _, path in files])
        try:
            documents = (self.read(kind, path, beside) for kind, path in files)
            validation = validate(settings, documents, on_valid=draw_early)
        finally:
            beside.stop()
        self.readers.save_cache()
        if validation.problems:
            cards.cancel()  # the build is about to be refused
            self.context[PROBLEMS] = validation.problems
            return
        pages = {
            kind: [
                PAGE_CLASSES[kind].wrap(item, doc.source, settings, self.context)
                for item, doc in validation.items(kind)
            ]
            for kind in PAGE_CLASSES
        }
        campaign = assemble(
            validation.catalogue,
            pages,
            moment,
            settings["CAMPAIGN_SHOW_DRAFTS"],
            derived_page=lambda sheet: PAGE_CLASSES[Kind.SHEET].wrap(
                sheet, None, settings, self.context
            ),
            url_of=lambda page: f"{site_url(settings)}/{page.url}",
            silence=silence,
            zone=zone,
        )
        for page in campaign.sheets + campaign.previews:
            if page.kind is Kind.SHEET:
                prepare_sheet(page, campaign, settings)
        for page in campaign.carded + campaign.previews:
            if page.kind is not Kind.ACTION:
                page.share = Shareable(page, settings)
        campaign.letters = every_letter(
            campaign, ZoneInfo(settings.get("TIMEZONE", "UTC")), settings["CAMPAIGN_LETTER_WEEKS"]
        )
        campaign.contact = contact(settings)
        draw_all(cards, campaign, settings)
        campaign.drawings = cards
        self.context[CAMPAIGN] = campaign

    def source(self, path: str) -> str:
        """A file's path as Pelican's content cache names it."""
        return os.path.abspath(os.path.join(self.path, path))

    def read(self, kind: Kind, path: str, beside: ReadingBeside) -> Document:
        beside.collect(self.source(path))
        source = self.readers.read_file(
            base_path=self.path, path=path, content_class=SourceFile, context=self.context
        )
        basename = os.path.splitext(os.path.basename(path))[0]
        return Document(kind, basename, source.front_matter, source, source.body, source.body_line)


def card_batch(settings: dict, expected: int) -> CardBatch:
    """Workers drawing cards (in other processes when there are many to draw)."""
    workers = settings["CAMPAIGN_CARD_WORKERS"]
    workers = default_workers() if workers is None else workers
    cards = CardBatch(os.path.join(settings["CACHE_PATH"], "cartes"), workers)
    cards.expect(expected)
    return cards


def draw_all(cards: CardBatch, campaign, settings: dict) -> None:
    """Every card and infographic of the published items, in the order the sharing
    generator writes them (see generators/sharing.py)."""
    folder = infographic_folder(settings)
    for page in campaign.sheets:
        cards.feed_infographic(page.drawing, folder)
    cards.draw([card_spec(page.kind, page.item, settings) for page in campaign.carded])
