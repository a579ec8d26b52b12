"""What every campaign generator shares: the state it writes from, and writing helpers.

Generators here only write: the state (`campaign`) was assembled once by
GatherGenerator (gather.py) before any of them runs `generate_output`.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from pelican.generators import Generator

from ..assembly import CAMPAIGN, Campaign
from ..content.model import Problem
from ..kinds import Kind
from ..output.inputs import data_inputs, page_inputs
from ..sharing import feeds
from ..sharing.items import site_url

FEED_BUILDERS = {"rss": feeds.build_rss, "atom": feeds.build_atom, "json": feeds.build_json}
# Problems found while gathering, in the context until the build is refused.
PROBLEMS = "campaign_problems"


class ContentError(Exception):
    """The content has mistakes; the message lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{count} erreur(s) dans le contenu :\n{lines}")


class CampaignGenerator(Generator):
    """A generator writing from the campaign's state."""

    @property
    def campaign(self) -> Campaign:
        return self.context[CAMPAIGN]

    def write_at(self, writer, url, template, **extra):
        """Write the page at `url` (a directory URL, "" for the home page) from
        `template`, with `extra` in its context."""
        writer.write_file(
            f"{url}index.html",
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            **extra,
        )

    def write_data(self, writer, name: str, data: bytes) -> None:
        """Write a file made by code, not by a template (feed, image, sitemap) at
        `name` below the output folder, unless it is unchanged."""
        writer.write_and_record(writer.output_file(name), data)

    def write_feed(
        self, writer, path: str, title: str, entries: list, description: str = ""
    ) -> None:
        """The feed at `path` in every format (RSS, Atom, JSON Feed). A feed whose
        description and entries are those of the last build is kept."""
        spec = feeds.FeedSpec(
            title=f"{title} — {self.settings['SITENAME']}",
            description=description or self.settings["SITE_DESCRIPTION"],
            site_url=site_url(self.settings),
            path=path,
            campaign=self.settings["CAMPAIGN_UTM"],
            author=self.settings.get("AUTHOR", ""),
        )
        if not entries:  # only then: a feed with items is kept while they are unchanged
            spec = replace(spec, empty_updated=self.latest_change())
        inputs = data_inputs(self.context, spec, entries)  # once for the three formats
        for fmt, build in FEED_BUILDERS.items():
            name = f"{path}{feeds.SUFFIXES[fmt]}"
            if not writer.reuse(name, f"{inputs}-{fmt}" if inputs else ""):
                self.write_data(writer, name, build(spec, entries))

    def latest_change(self):
        """The latest publication or change of the site's published content: the
        date of a feed with no item yet (1970 reads as a broken feed), from the
        content, never the clock."""
        c = self.campaign
        pages = c.items + c.sheets + c.promises + c.events + c.actions_so_far
        dates = (page.item.modified or page.item.date for page in pages)
        return max(dates, default=feeds.EMPTY_FEED_UPDATED)

    def write_listing(self, writer, url, template, items, **extra):
        """Write a paginated listing of `items` at `url` (a directory URL)."""
        self.write_at(
            writer, url, template, paginated={"items": items}, template_name=template, **extra
        )

    def write_listing_of(self, writer, setting: str, slug: str, items, **extra):
        """Write the listing of one thing (a verdict, a topic, a district...) at its
        address, from the URL `setting` naming {slug}; its template is the setting's
        name without _URL, in lower case."""
        url = self.settings[setting].format(slug=slug)
        template = setting.removesuffix("_URL").lower()
        self.write_listing(writer, url, template, items, **extra)


class DocumentGenerator(CampaignGenerator):
    """Writes one page per document of its kind, published and previewed."""

    kind: Kind
    # Whether each page shows its document alone (no other document's title, count
    # or link): a rebuild then keeps a page whose document, templates, data files and
    # settings are unchanged, without rendering it (see output/inputs.py). A template
    # that shows other documents (related claims, say) must turn this off.
    item_local = False

    def published(self) -> list:
        """The published pages of this kind, as the state holds them."""
        return {
            Kind.CLAIM: self.campaign.claims,
            Kind.POST: self.campaign.posts,
            Kind.SHEET: self.campaign.sheets,
        }[self.kind]

    def pages(self) -> list:
        """Every page to write: the published ones, then the previewed ones."""
        previews = [page for page in self.campaign.previews if page.kind is self.kind]
        return self.published() + previews

    def generate_output(self, writer):
        # Pages kept from the last build are known here; the others may be written by
        # another process while this one goes on (output/forked.py).
        pages = [page for page in self.pages() if not self.kept(writer, page)]
        writer.write_elsewhere(
            f"les pages ({self.kind.value})", pages, functools.partial(self.write_page, writer)
        )

    def kept(self, writer, page) -> bool:
        """Whether the page is kept as the last build wrote it (see `item_local`)."""
        return self.item_local and writer.reuse(
            page.save_as, page_inputs(page, self.kind.value, self.context)
        )

    def write_page(self, writer, page):
        writer.write_file(
            page.save_as,
            self.get_template(page.template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            override_output=False,
            url=page.url,
            page=page,
            **{self.kind.value: page.item},
            **self.page_extras(page),
        )

    def page_extras(self, page) -> dict:
        """What the page's template needs besides the page and its document."""
        return {}
