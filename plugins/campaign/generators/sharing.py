"""Every published item made ready to share: share texts and links, social cards,
feeds and the volunteers' share kits.

The pure work lives in share.py, cards.py and feeds.py; this module is the edge
that turns Pelican pages into their inputs and writes the results.
"""

from __future__ import annotations

import functools
import os
from types import SimpleNamespace

from ..filters import date_fr
from ..images import cards
from ..images.cache import infographic_folder
from ..images.card_batch import CardBatch, default_workers
from ..output.inputs import data_inputs
from ..sharing import feeds, share
from .base import CATALOGUE, ON_PUBLISHED, PROBLEMS, CampaignGenerator, newest_first


class Shareable:
    """What a page needs to be shared: attached to every claim, post and sheet page.

    The text and the links are made when first asked for: a rebuild keeps most
    pages without rendering them (see inputs.py), and then needs those of the few
    hundred items in feeds and share kits only, not of every page.
    """

    def __init__(self, page, settings: dict):
        self.page, self.settings = page, settings
        base = site_url(settings)
        self.url = f"{base}/{page.url}"  # absolute address of the page
        self.card = settings["CARD_URL"].format(slug=card_name(page))  # from the root
        self.card_url = f"{base}/{self.card}"

    @functools.cached_property
    def text(self) -> str:
        """Ready-made text: fits an X post with the link."""
        item = item_of(self.page)
        hashtags = item.hashtags
        if hasattr(self.page, "sheet") and self.page.sheet.topic.hashtag:
            hashtags = (*hashtags, self.page.sheet.topic.hashtag)
        campaign = self.settings["CAMPAIGN_HASHTAGS"]
        return share.share_text(headline(self.page), item.share, hashtags, campaign)

    @functools.cached_property
    def card_alt(self) -> str:
        return card_alt(self.page)

    @functools.cached_property
    def links(self) -> tuple[share.ShareLink, ...]:
        item, campaign = item_of(self.page), self.settings["CAMPAIGN_UTM"]
        return tuple(share.share_links(self.url, self.text, item.title, campaign, self.page.slug))


def site_url(settings: dict) -> str:
    """The absolute base of the site: SITEURL, or the preview server's address."""
    return (settings["SITEURL"] or settings["CAMPAIGN_PREVIEW_URL"]).rstrip("/")


def item_of(page):
    """The domain object behind a claim, post or sheet page."""
    return getattr(page, "claim", None) or getattr(page, "sheet", None) or page.post


def headline(page) -> str:
    if hasattr(page, "claim"):
        return share.claim_headline(page.claim.text, page.claim.verdict.label)
    item = item_of(page)
    return share.post_headline(item.title, item.summary)


def card_name(page) -> str:
    """The card's file name: a sheet's slug is its topic's, so it gets a prefix."""
    return f"fiche-{page.slug}" if hasattr(page, "sheet") else page.slug


def card_alt(page) -> str:
    if hasattr(page, "claim"):
        claim = page.claim
        return f"Verdict {claim.verdict.label} : « {claim.text} », {claim.claimant.name}"
    if hasattr(page, "sheet"):
        return f"Fiche argumentaire « {page.sheet.topic.name} » : {page.sheet.title}"
    return page.post.title


def card_spec(page, settings: dict) -> cards.CardSpec:
    site_name = settings["CAMPAIGN_CARD_FOOTER"] or settings["SITENAME"]
    item = item_of(page)
    accent = item.topics[0].colour if item.topics else "#0b4f8a"
    if hasattr(page, "claim"):
        claim = page.claim
        when = f", {date_fr(claim.claim_date)}" if claim.claim_date else ""
        return cards.CardSpec(
            kind="claim",
            headline=claim.text,
            byline=f"{claim.claimant.name}{when}",
            site_name=site_name,
            badge_label=claim.verdict.label,
            badge_colour=claim.verdict.colour,
            rating=claim.verdict.rating,
            accent=accent,
        )
    if hasattr(page, "sheet"):
        sheet = page.sheet
        return cards.CardSpec(
            kind="sheet",
            headline=sheet.title,
            byline=f"{sheet.topic.name} : chiffres clés, arguments et réponses",
            site_name=site_name,
            badge_label="Fiche argumentaire",
            badge_colour="#0b4f8a",
            accent=accent,
        )
    return cards.CardSpec(
        kind="post",
        headline=page.post.title,
        byline=date_fr(page.post.date),
        site_name=site_name,
        badge_label="Actualité",
        badge_colour="#0b4f8a",
        accent=accent,
    )


def categories(page) -> tuple[str, ...]:
    item = item_of(page)
    names = [t.name for t in item.topics] + [d.name for d in item.districts]
    if hasattr(page, "claim"):
        names.append(page.claim.verdict.label)
    if hasattr(page, "sheet"):
        names.append("Fiche argumentaire")
    return tuple(names)


def feed_entry(page, settings: dict, card_size: int, content_html: str) -> feeds.FeedEntry:
    item = item_of(page)
    return feeds.FeedEntry(
        id=page.share.url,
        title=item.title,
        link=page.share.url,
        slug=page.slug,
        summary=page.share.text,
        content_html=content_html,
        categories=categories(page),
        published=item.date,
        updated=item.modified or item.date,
        image_url=page.share.card_url,
        image_length=card_size,
        image_alt=page.share.card_alt,
    )


FEED_BUILDERS = {"rss": feeds.build_rss, "atom": feeds.build_atom, "json": feeds.build_json}


def write_bytes(writer, name: str, data: bytes) -> None:
    """Write a binary output file below the output folder, unless it is unchanged."""
    writer.write_and_record(writer.output_file(name), data)


class SharingGenerator(CampaignGenerator):
    """Social cards, feeds and share kits, from the claims, posts and sheets gathered
    before."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Cards are drawn in other processes as soon as each claim or post is read:
        # they need only the front matter, and a first build spends longest on them.
        workers = self.settings["CAMPAIGN_CARD_WORKERS"]
        workers = default_workers() if workers is None else workers
        self.cards = CardBatch(os.path.join(self.settings["CACHE_PATH"], "cartes"), workers)
        self.cards.expect(len(self.content_files()))
        self.context.setdefault(ON_PUBLISHED, []).append(self.feed_card)

    def feed_card(self, field: str, item) -> None:
        """A claim or post was read and is published: its card can be drawn now."""
        if field in ("claim", "post"):
            # card_spec takes a page: anything holding the item as `.claim` or `.post`.
            self.cards.feed(card_spec(SimpleNamespace(**{field: item}), self.settings))

    def content_files(self) -> list[tuple[str, str]]:
        """(kind, absolute path) of every claim and post file, as their generators read them."""
        return [
            (kind, os.path.join(self.path, name))
            for kind, setting in (("claim", "CLAIM_PATHS"), ("post", "POST_PATHS"))
            for name in sorted(self.get_files(self.settings[setting]))
        ]

    def generate_context(self):
        claims, posts = self.context["claims"], self.context["posts"]
        self.items = newest_first(claims + posts)
        self.sheets = self.context["sheets"]
        for page in self.items + self.sheets + self.context.get("previews", []):
            page.share = Shareable(page, self.settings)
        self.by_district = {
            district.slug: self.district_items(district.slug)
            for district in self.context[CATALOGUE].districts
        }
        if self.context.get(PROBLEMS):
            self.cards.cancel()  # the build is about to be refused
        else:
            infographics = infographic_folder(self.settings)
            for page in self.sheets:
                self.cards.feed_infographic(page.drawing, infographics)
            self.cards.draw([card_spec(page, self.settings) for page in self.items + self.sheets])

    def generate_output(self, writer):
        # Cards first: feeds give each card's size in their enclosures.
        sizes = self.write_cards(writer)
        # Only items some feed carries get an entry, each built once for all feeds.
        render = self.feed_renderer()
        entries = {}
        limit = self.settings["CAMPAIGN_FEED_ITEMS"]
        for name, title, pages in self.feed_definitions():
            for page in pages[:limit]:
                if page.share.card not in entries:
                    entries[page.share.card] = feed_entry(
                        page, self.settings, sizes[page.share.card], render(page)
                    )
            path = self.settings["CAMPAIGN_FEED_URL"].format(name=name)
            self.write_feed(writer, path, title, [entries[p.share.card] for p in pages[:limit]])
        self.write_share_kits(writer)

    def feed_renderer(self):
        """The item's full HTML for feeds, from the theme's feed_item template."""
        template = self.get_template("feed_item")
        base = {**self.context, "SITEURL": site_url(self.settings)}
        return lambda page: template.render(base, page=page)

    def write_cards(self, writer) -> dict[str, int]:
        """Each card in the output, unless there already; {card's address: size}."""
        sizes = {}
        pages = self.items + self.sheets
        for page, (key, cached) in zip(pages, self.cards.results(), strict=True):
            sizes[page.share.card] = writer.link_cached(page.share.card, key, cached)
        return sizes

    def feed_definitions(self):
        """(name, title, pages) of every feed, pages newest first."""
        catalogue = self.context[CATALOGUE]
        claims, posts = self.context["claims"], self.context["posts"]
        # Sheets are for all of Paris: they go wherever city-wide items go.
        yield "tout", "Tout", newest_first(self.items + self.sheets)
        yield "vrai-du-faux", "Le vrai du faux", claims
        yield "actualites", "Actualités", posts
        yield "fiches", "Fiches argumentaires", newest_first(self.sheets)
        for district in catalogue.districts:
            yield (
                f"arrondissements/{district.slug}",
                district.name,
                newest_first(self.by_district[district.slug] + self.sheets),
            )
        by_topic = self.context["claims_by_topic"], self.context["posts_by_topic"]
        sheets = self.context["sheets_by_topic"]
        for topic in catalogue.topics:
            pages = by_topic[0].get(topic.slug, []) + by_topic[1].get(topic.slug, [])
            pages += [sheets[topic.slug]] if topic.slug in sheets else []
            yield f"sujets/{topic.slug}", topic.name, newest_first(pages)
        for verdict in catalogue.verdicts:
            pages = self.context["claims_by_verdict"].get(verdict.slug, [])
            yield f"verdicts/{verdict.slug}", f"Verdict « {verdict.label} »", pages

    def district_items(self, slug: str) -> list:
        """A district's own items and the city-wide ones, newest first."""
        local = self.context["claims_by_district"].get(slug, []) + self.context[
            "posts_by_district"
        ].get(slug, [])
        citywide = self.context["citywide_claims"] + self.context["citywide_posts"]
        return newest_first(local + citywide)

    def write_feed(self, writer, path: str, title: str, entries: list) -> None:
        spec = feeds.FeedSpec(
            title=f"{title} — {self.settings['SITENAME']}",
            description=self.settings["SITE_DESCRIPTION"],
            site_url=site_url(self.settings),
            path=path,
            campaign=self.settings["CAMPAIGN_UTM"],
            author=self.settings.get("AUTHOR", ""),
        )
        # A feed whose description and entries are those of the last build is kept.
        for fmt, build in FEED_BUILDERS.items():
            name = f"{path}{feeds.SUFFIXES[fmt]}"
            if not writer.reuse(name, data_inputs(self.context, fmt, spec, entries)):
                write_bytes(writer, name, build(spec, entries))

    def write_share_kits(self, writer) -> None:
        self.write_share_kit(writer, self.settings["SHARE_URL"], self.items, district=None)
        for district in self.context[CATALOGUE].districts:
            url = self.settings["DISTRICT_SHARE_URL"].format(slug=district.slug)
            self.write_share_kit(writer, url, self.by_district[district.slug], district)

    def write_share_kit(self, writer, url: str, pages: list, district) -> None:
        """Pinned items first, as today's priorities, then the latest ones."""
        pinned = [page for page in pages if item_of(page).pin]
        latest = [page for page in pages if not item_of(page).pin]
        sheets = [page for page in self.sheets if page.sheet.pin]
        sheets += [page for page in self.sheets if not page.sheet.pin]
        self.write_at(
            writer,
            url,
            "share",
            pinned=pinned,
            latest=latest[: self.settings["CAMPAIGN_SHARE_ITEMS"]],
            sheets=sheets,
            district=district,
        )
