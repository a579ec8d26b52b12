"""Writes the photos of posts and events: their variants, made once in the cache
(images/photos.py strips every metadata block), linked into the output; and makes
Pelican's copy of the content folder's pictures (STATIC_PATHS, images/) a
stripped one: no picture of content/ is ever published with its metadata."""

from __future__ import annotations

import os
import shutil
import warnings
from types import MethodType

from ..images.cache import ensure_file
from ..images.photos import STATIC_FORMATS, PhotoCache, stripped_copy, stripped_key
from ..kinds import Kind
from ..output.forked import cursor_for, default_processes, die_with_the_build
from .base import CampaignGenerator

PHOTO_KINDS = (Kind.POST, Kind.EVENT)


def photo_cache(settings: dict) -> PhotoCache:
    return PhotoCache(os.path.join(settings["CACHE_PATH"], "photos"))


class PhotosGenerator(CampaignGenerator):
    """Every variant of the photo of each published or previewed post and event."""

    def pages(self) -> list:
        campaign = self.campaign
        pages = campaign.posts + campaign.events + campaign.previews
        return [page for page in pages if page.kind in PHOTO_KINDS and page.photo]

    def generate_output(self, writer):
        cache = photo_cache(self.settings)
        pages = self.pages()
        if processes(self.settings) > 1:
            make_beside(cache, [page.photo for page in pages])
        for page in pages:
            photo = page.photo
            for variant in photo.variants:
                writer.link_cached(
                    variant.url,
                    f"photo {variant.key}",
                    lambda photo=photo, variant=variant: cache.ensure(photo, variant),
                )


def processes(settings: dict) -> int:
    setting = settings.get("CAMPAIGN_WRITING_PROCESSES")
    return default_processes() if setting is None else setting


def make_beside(cache: PhotoCache, photos: list) -> None:
    """Fill the cache with the variants still missing on two cores: a phone's photo
    takes about 2 s to make, a first build with twenty new ones 40 s on one core.
    This process takes photos from the front of the list, a process forked for it
    from the back (output/forked.Cursor), each writing its files atomically; the
    links that follow make anything still missing (that process failed, say)."""
    todo = list({photo.source: photo for photo in photos if missing(cache, photo)}.values())
    cursor = cursor_for(len(todo)) if len(todo) > 1 else None
    if cursor is None:
        return
    build = os.getpid()
    with warnings.catch_warnings():
        # Python 3.12 warns of forking beside threads (the card workers' feeders,
        # when the build writes these pages itself): the child never touches them.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        try:
            die_with_the_build(build)
            while (index := cursor.back()) is not None:
                make(cache, todo[index])
        finally:
            os._exit(0)
    try:
        while (index := cursor.front()) is not None:
            make(cache, todo[index])
    finally:
        os.waitpid(pid, 0)


def missing(cache: PhotoCache, photo) -> bool:
    return not all(os.path.exists(cache.path(variant)) for variant in photo.variants)


def make(cache: PhotoCache, photo) -> None:
    for variant in photo.variants:
        cache.ensure(photo, variant)


def strip_static_pictures(generator) -> None:
    """`static_generator_init`: Pelican's StaticGenerator copies every file of
    STATIC_PATHS as it is; a picture (JPEG, PNG, WebP) is written stripped of its
    metadata instead, made once in the cache. Other files are copied as before."""
    copy = generator._link_or_copy_staticfile
    update_required = generator._file_update_required
    folder = os.path.join(generator.settings["CACHE_PATH"], "photos")

    def is_picture(static) -> bool:
        return os.path.splitext(static.source_path)[1].lower() in STATIC_FORMATS

    def link_or_copy(self, static) -> None:
        if not is_picture(static):
            copy(static)
            return
        source = os.path.join(self.path, static.source_path)
        key = stripped_key(source)
        suffix = os.path.splitext(source)[1].lower()
        cached = ensure_file(
            os.path.join(folder, f"static-{key}{suffix}"), lambda: stripped_copy(source)
        )
        target = os.path.join(self.output_path, static.save_as)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(cached, target)

    def required(self, static) -> bool:
        # A copy left by an older build may be the original: always written again.
        return True if is_picture(static) else update_required(static)

    generator._link_or_copy_staticfile = MethodType(link_or_copy, generator)
    generator._file_update_required = MethodType(required, generator)
