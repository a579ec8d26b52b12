"""What every published item needs to be shared, from its page: share text and
links, social card (its name, its description, what it draws), feed entry.

Plain functions over pages (generators/pages.py), which say their kind; the
texts themselves are made by share.py, the cards by images/cards.py.
"""

from __future__ import annotations

import functools
import os
from html import escape

from ..filters import date_fr, when_fr
from ..images import cards
from ..images.photos import file_hash
from ..kinds import Kind
from ..typography import after_label, french
from . import feeds, share

# Claims rated at most this (« trompeur ») or not rated get a truth-first card.
TRUTH_FIRST_AT_MOST = 3
# utm_source of links shared through the phone's own share sheet (Web Share API).
NATIVE_SOURCE = "appareil"


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
        item = self.page.item
        hashtags = item.hashtags
        if self.page.kind is Kind.SHEET and self.page.sheet.topic.hashtag:
            hashtags = (*hashtags, self.page.sheet.topic.hashtag)
        campaign = self.settings["CAMPAIGN_HASHTAGS"]
        if self.page.kind is Kind.CLAIM and not item.share.strip():
            fact = claim_fact(item)
            return share.claim_share_text(item.verdict.label, fact, item.text, hashtags, campaign)
        return share.share_text(headline(self.page), item.share, hashtags, campaign)

    @functools.cached_property
    def native_url(self) -> str:
        """The address handed to the phone's share sheet (the kit's « Partager »)."""
        campaign = self.settings["CAMPAIGN_UTM"]
        return share.tagged_url(
            self.url, NATIVE_SOURCE, share.SHARE_MEDIUM, campaign, self.page.slug
        )

    @functools.cached_property
    def headline(self) -> str:
        """What a stranger reads first: <title>, og:title, the feeds' titles."""
        return title_line(self.page)

    @functools.cached_property
    def card_alt(self) -> str:
        return card_alt(self.page)

    @functools.cached_property
    def links(self) -> tuple[share.ShareLink, ...]:
        campaign = self.settings["CAMPAIGN_UTM"]
        return tuple(
            share.share_links(self.url, self.text, self.headline, campaign, self.page.slug)
        )


def site_url(settings: dict) -> str:
    """The absolute base of the site: SITEURL, or the preview server's address."""
    return (settings["SITEURL"] or settings["CAMPAIGN_PREVIEW_URL"]).rstrip("/")


def headline(page) -> str:
    """The share text's start when the writer gave none (claims have their own)."""
    if page.kind is Kind.CLAIM:
        claim = page.claim
        return after_label(claim.verdict.label, claim_fact(claim))
    item = page.item
    if page.kind is Kind.EVENT:
        return share.post_headline(item.title, event_line(item))
    return share.post_headline(item.title, item.summary)


def claim_fact(claim) -> str:
    """The correct fact of a claim: its key figure, else its conclusion."""
    figure = claim.figure
    return share.fact_line(
        figure.value if figure else "", figure.label if figure else "", claim.summary
    )


def title_line(page) -> str:
    """The title seen alone (<title>, og:title, feed entries): a claim's verdict and
    conclusion whatever its title, which may be a question that repeats the myth."""
    if page.kind is Kind.CLAIM:
        claim = page.claim
        return share.truth_headline(claim.verdict.label, claim.summary)
    return french(page.item.title)


def event_line(event) -> str:
    """When and where: « samedi 28 novembre 2026, de 10 h à 12 h, Mairie du 19e »."""
    return f"{when_fr(event.start, event.end)}, {event.place.name}"


def card_name(page) -> str:
    """The card's file name: a sheet's slug is its topic's, so it gets a prefix."""
    return f"fiche-{page.slug}" if page.kind is Kind.SHEET else page.slug


def card_alt(page) -> str:
    if page.kind is Kind.CLAIM:
        claim = page.claim
        said = share.myth_quote(claim.text)
        return french(
            f"{after_label(claim.verdict.label, claim_fact(claim))}. "
            f"{share.MYTH_LABEL} ({claim.claimant.name}) : {said}"
        )
    if page.kind is Kind.SHEET:
        return f"Fiche argumentaire « {page.sheet.topic.name} » : {page.sheet.title}"
    if page.kind is Kind.EVENT:
        return f"Rendez-vous : {page.event.title}, {event_line(page.event)}"
    return page.item.title


def card_spec(kind: Kind, item, settings: dict) -> cards.CardSpec:
    """What the card of a document of `kind` draws: from the document alone, so that
    cards can be drawn as soon as each file is read."""
    site_name = settings["CAMPAIGN_CARD_FOOTER"] or settings["SITENAME"]
    accent = item.topics[0].colour if item.topics else "#0b4f8a"
    if kind is Kind.CLAIM:
        claim = item
        when = f", {date_fr(claim.claim_date)}" if claim.claim_date else ""
        byline = f"{claim.claimant.name}{when}"
        # Truth first below « plutôt vrai »: the verdict and the fact lead, the claim
        # follows, labelled; a true claim is the fact, and is the headline.
        debunk = claim.verdict.rating is None or claim.verdict.rating <= TRUTH_FIRST_AT_MOST
        return cards.CardSpec(
            kind="claim",
            headline="" if debunk else french(claim.text),
            byline="" if debunk else byline,
            site_name=site_name,
            badge_label=claim.verdict.label,
            badge_colour=claim.verdict.colour,
            rating=claim.verdict.rating,
            accent=accent,
            fact=claim_fact(claim) if debunk else "",
            quote=french(claim.text) if debunk else "",
            quote_label=french(f"{share.MYTH_LABEL} ({byline}) :") if debunk else "",
        )
    if kind is Kind.SHEET:
        sheet = item
        return cards.CardSpec(
            kind="sheet",
            headline=french(sheet.title),
            byline=f"{sheet.topic.name} : chiffres clés, arguments et réponses",
            site_name=site_name,
            badge_label="Fiche argumentaire",
            badge_colour="#0b4f8a",
            accent=accent,
        )
    # An event is drawn as a post's card: the badge says what it is, the byline when
    # and where; either shows its photo, if it has one, in a band on the right.
    event = kind is Kind.EVENT
    return cards.CardSpec(
        kind="post",
        headline=french(item.title),
        byline=event_line(item) if event else date_fr(item.date),
        site_name=site_name,
        badge_label="Rendez-vous" if event else "Actualité",
        badge_colour="#0b4f8a",
        accent=accent,
        **card_photo(item, settings),
    )


def card_photo(item, settings: dict) -> dict:
    """The photo fields of a card spec: the file and the hash of its bytes."""
    if getattr(item, "image", None) is None:
        return {}
    path = os.path.join(settings["PATH"], item.image.file)
    return {"photo": path, "photo_hash": file_hash(path)}


def categories(page) -> tuple[str, ...]:
    item = page.item
    names = [t.name for t in item.topics] + [d.name for d in item.districts]
    if page.kind is Kind.CLAIM:
        names.append(page.claim.verdict.label)
    if page.kind is Kind.SHEET:
        names.append("Fiche argumentaire")
    if page.kind is Kind.EVENT:
        names.append("Rendez-vous")
    return tuple(names)


def feed_entry(page, settings: dict, card_size: int, content_html: str) -> feeds.FeedEntry:
    item = page.item
    return feeds.FeedEntry(
        id=page.share.url,
        title=page.share.headline,
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


def action_entry(page, settings: dict, card_size: int) -> feeds.FeedEntry:
    """A call to action in a feed: the task as summary, linking to the item it asks
    to share (its card as image), or to its place in the share kit."""
    action, target = page.item, page.target
    kit = f"{site_url(settings)}/{page.url}"
    link = target.share.url if target is not None else kit
    where = ", ".join(d.name for d in action.districts) or "Tout Paris"
    days = f"jusqu'au {date_fr(action.last_day)}" if action.until else date_fr(action.date)
    content = f"<p>{escape(french(action.task))}</p><p>{escape(where)}, {escape(days)}.</p>"
    if target is not None:
        content += f'<p><a href="{escape(link)}">{escape(target.title)}</a></p>'
    return feeds.FeedEntry(
        id=kit,
        title=french(f"Action du jour : {action.title}"),
        link=link,
        slug=page.slug,
        summary=french(action.task),
        content_html=content,
        categories=("Action du jour", *(d.name for d in action.districts)),
        published=action.date,
        updated=action.modified or action.date,
        image_url=target.share.card_url if target is not None else "",
        image_length=card_size,
        image_alt=target.share.card_alt if target is not None else "",
    )
