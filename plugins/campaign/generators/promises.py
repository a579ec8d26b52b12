"""The promise tracker: one page per promise, /promesses/, one listing per status,
and the feeds /flux/promesses.*."""

from __future__ import annotations

import datetime

from markupsafe import escape

from ..kinds import Kind
from ..sharing import feeds
from ..sharing.items import site_url
from ..typography import french
from .base import DocumentGenerator

FEED_NAME = "promesses"


def last_change(promise) -> datetime.datetime:
    """When a promise last changed, from its content only: publication, update, or
    the day of its last status change (the start of that day, in the date's zone)."""
    step = datetime.datetime.combine(promise.history[-1].date, datetime.time())
    step = step.replace(tzinfo=promise.date.tzinfo)
    return max(promise.modified or promise.date, promise.date, step)


def promise_entry(page, settings: dict) -> feeds.FeedEntry:
    """A promise in the feeds: status first in the title, as on every surface seen alone."""
    promise = page.item
    url = f"{site_url(settings)}/{page.url}"
    status = promise.progress.label
    names = [t.name for t in promise.topics] + [d.name for d in promise.districts]
    return feeds.FeedEntry(
        id=url,
        title=french(f"Promesse « {status} » : {promise.title}"),
        link=url,
        slug=page.slug,
        summary=french(
            f"Promesse « {status} » ({promise.promiser.name}) : {promise.history[-1].note}"
        ),
        content_html=(
            f"<p><strong>{escape(status)}</strong>\u00a0: {escape(french(promise.history[-1].note))}</p>"
            f"<blockquote><p>{escape(promise.text)}</p></blockquote>{page.content}"
        ),
        categories=(*names, f"Promesse « {status} »"),
        published=promise.date,
        updated=last_change(promise),
    )


class PromisesGenerator(DocumentGenerator):
    """Promise pages, the promise index, a listing per status, the promise feeds."""

    kind = Kind.PROMISE

    def published(self) -> list:
        return self.campaign.promises

    def generate_output(self, writer):
        super().generate_output(writer)
        campaign = self.campaign
        self.write_listing(
            writer, self.settings["PROMISES_INDEX_URL"], "promises", campaign.promises
        )
        for status in campaign.catalogue.promise_statuses:
            self.write_listing_of(
                writer,
                "PROMISE_STATUS_URL",
                status.slug,
                campaign.promises_by_status.get(status.slug, []),
                status=status,
            )
        self.write_feeds(writer)

    def write_feeds(self, writer) -> None:
        limit = self.settings["CAMPAIGN_FEED_ITEMS"]
        entries = [promise_entry(page, self.settings) for page in self.campaign.promises[:limit]]
        path = self.settings["CAMPAIGN_FEED_URL"].format(name=FEED_NAME)
        description = "Les promesses de la campagne municipale, suivies dans le temps."
        self.write_feed(writer, path, "Promesses suivies", entries, description)
