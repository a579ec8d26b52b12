"""Writes the « S'abonner » pages: how to follow all Paris, a district, a topic."""

from __future__ import annotations

from ..sharing import follow
from ..sharing.items import site_url
from .base import CampaignGenerator


class FollowGenerator(CampaignGenerator):
    """One page per scope, from sharing/follow.py, in the theme's subscribe template."""

    def generate_output(self, writer):
        site = site_url(self.settings)
        channels = follow.channels(self.settings)
        for page in follow.follow_pages(self.campaign.catalogue, self.settings):
            self.write_at(
                writer,
                page.url,
                "subscribe",
                follow_page=page,
                feeds=follow.feed_entries(page, self.settings, site),
                extras=follow.extra_entries(page, self.settings, site, self.campaign.follow_extras),
                channels=channels,
            )
