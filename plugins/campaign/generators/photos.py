"""Writes the photos of posts and events: their variants, made once in the cache
(images/photos.py strips every metadata block), linked into the output."""

from __future__ import annotations

import os

from ..images.photos import PhotoCache
from ..kinds import Kind
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
        for page in self.pages():
            photo = page.photo
            for variant in photo.variants:
                writer.link_cached(
                    variant.url,
                    f"photo {variant.key}",
                    lambda photo=photo, variant=variant: cache.ensure(photo, variant),
                )
