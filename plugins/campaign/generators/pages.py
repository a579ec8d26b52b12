"""Pelican content types wrapping the domain objects, for templates and URLs."""

from __future__ import annotations

import functools
import os

from pelican.contents import Content

from ..content.crosscheck import published_photo_name
from ..images import photos
from ..kinds import Kind


class SourceFile:
    """A file as read, before validation: its HTML body and its front matter.

    Built by Pelican's `Readers.read_file` as a content class would be, but not a
    Pelican Content: it is dropped once validated, and needs none of Content's work
    (slug, dates, language), which was done twice per file.
    """

    def __init__(self, content, metadata, settings, source_path, context):
        self._content = content
        self.front_matter = metadata["front_matter"]
        # The Markdown source and its first line: links are checked from it.
        self.body, self.body_line = metadata["body_source"]
        self.source_path = source_path


class _CampaignContent(Content):
    """Content whose URL settings are `<PREFIX>_URL` and `<PREFIX>_SAVE_AS`."""

    kind: Kind  # what the page shows: its document is the attribute named kind.value
    url_prefix = ""

    def __init_subclass__(cls, **kwargs):
        # Declared by the kind: its settings are <KIND>_URL and <KIND>_SAVE_AS, its
        # template theme/templates/<kind>.html unless the class names another.
        super().__init_subclass__(**kwargs)
        cls.url_prefix = cls.kind.name
        cls.default_template = cls.__dict__.get("default_template", cls.kind.value)

    mandatory_properties = ("title", "date")
    preview = False  # shown although not published (see generators.py)
    front_matter = None  # the document's, when read from a file

    def _expand_settings(self, key, klass=None):
        return super()._expand_settings(key, klass or self.url_prefix)

    # Pelican works the address out from the settings at every access, and templates
    # ask for it often (listings, share links, feeds): once a page is enough.
    @functools.cached_property
    def url(self) -> str:
        return self._address("URL") or super().url

    @functools.cached_property
    def save_as(self) -> str:
        return self._address("SAVE_AS") or super().save_as

    def _address(self, key: str) -> str:
        """The address from a pattern naming only {slug}, as the defaults do; for any
        other pattern, "" and Pelican's own reading of it."""
        try:
            return self.settings[f"{self.url_prefix}_{key}"].format(slug=self.slug)
        except (KeyError, IndexError):
            return ""

    @functools.cached_property
    def photo(self) -> photos.PhotoSet | None:
        """The variants of the document's photo (`image:`), if it has one; read
        when first shown, so a kept page never opens its photo."""
        image = getattr(self.item, "image", None)
        if image is None:
            return None
        source = os.path.join(self.settings["PATH"], image.file)
        url_folder = self.settings["CAMPAIGN_PHOTOS_URL"]
        return photos.plan(source, image.alt, url_folder, published_photo_name(image.file))

    @property
    def item(self):
        """The domain object the page shows (a Claim for a claim's page...)."""
        return getattr(self, self.kind.value)

    @classmethod
    def wrap(cls, item, source: SourceFile | None, settings, context):
        """Build the page for a validated domain object read from `source` (None for
        an object made from other content, with no file of its own)."""
        metadata = {
            "title": item.title,
            "date": item.date,
            "slug": item.slug,
            "status": item.status,
            "summary": item.summary,
            cls.kind.value: item,
        }
        if item.modified:
            metadata["modified"] = item.modified
        if source is None:
            return cls("", metadata, settings, None, context)
        page = cls(source._content, metadata, settings, source.source_path, context)
        page.front_matter = source.front_matter
        return page


class ClaimPage(_CampaignContent):
    kind = Kind.CLAIM


class PostPage(_CampaignContent):
    kind = Kind.POST


class SheetPage(_CampaignContent):
    kind = Kind.SHEET


class ActionPage(_CampaignContent):
    """A call to action: no page of its own, its URL is its place in the share kit."""

    kind = Kind.ACTION
    default_template = "share"
    target = None  # the page of the item it asks to share, when published


class EventPage(_CampaignContent):
    kind = Kind.EVENT


class PromisePage(_CampaignContent):
    kind = Kind.PROMISE


PAGE_CLASSES = {
    Kind.CLAIM: ClaimPage,
    Kind.POST: PostPage,
    Kind.SHEET: SheetPage,
    Kind.ACTION: ActionPage,
    Kind.EVENT: EventPage,
    Kind.PROMISE: PromisePage,
}
