"""The weekly letters: one per ISO week with news, for all Paris and each district.

A letter of week W holds the claims and posts published that week (a district's:
its own and those for all Paris), the calls to action of that week's days, and
the events announced by then that come in the fortnight after. Its moment is the
end of the week, or the build's moment while the week is still going on: a past
week's letter never changes, the current one grows until Sunday night.

Plain functions over pages (generators/pages.py); e-mail HTML is inlined here by
css-inline, its plain-text twin written here, both with links tagged for e-mail.
"""

from __future__ import annotations

import datetime
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import css_inline

from ..filters import date_fr, when_fr
from .share import tagged_url

EMAIL_SOURCE, EMAIL_MEDIUM = "lettre", "email"
EVENTS_AHEAD = datetime.timedelta(days=14)
TEXT_WIDTH = 72  # plain-text mail is read in narrow columns
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    zone: datetime.tzinfo

    @property
    def slug(self) -> str:
        return f"{self.year}-s{self.number:02d}"

    @cached_property
    def start(self) -> datetime.datetime:
        """Monday, 00:00."""
        day = datetime.date.fromisocalendar(self.year, self.number, 1)
        return datetime.datetime.combine(day, datetime.time(), self.zone)

    @cached_property
    def end(self) -> datetime.datetime:
        """The next Monday, 00:00 (excluded)."""
        return self.start + datetime.timedelta(days=7)

    @property
    def last_day(self) -> datetime.date:
        return (self.end - datetime.timedelta(days=1)).date()

    def holds(self, moment: datetime.datetime) -> bool:
        return self.start <= moment < self.end


@dataclass
class Letter:
    """One letter: its week, its district (None: all Paris) and what it holds."""

    week: Week
    district: object = None
    moment: datetime.datetime | None = None
    items: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def title(self) -> str:
        place = self.district.name if self.district else "Tout Paris"
        return f"La lettre de la semaine {days_fr(self.week.start.date(), self.week.last_day)} — {place}"

    @property
    def path(self) -> str:
        """Below the letters' folder: 2026-s47/ or 2026-s47/13e/."""
        return f"{self.week.slug}/" + (f"{self.district.slug}/" if self.district else "")

    @property
    def in_progress(self) -> bool:
        return self.moment < self.week.end


def days_fr(first: datetime.date, last: datetime.date) -> str:
    """« du 16 au 22 novembre 2026 », « du 30 novembre au 6 décembre 2026 »."""
    end = date_fr(last)
    if (first.year, first.month) == (last.year, last.month):
        return f"du {date_fr(first).split(' ')[0]} au {end}"
    if first.year == last.year:
        return f"du {date_fr(first).rsplit(' ', 1)[0]} au {end}"
    return f"du {date_fr(first)} au {end}"


def week_of(moment: datetime.datetime, zone: datetime.tzinfo) -> Week:
    year, number, _ = moment.astimezone(zone).isocalendar()
    return Week(year, number, zone)


def weeks_with_news(pages: list, zone: datetime.tzinfo, limit: int) -> list[Week]:
    """The `limit` latest weeks in which a claim or post was published, a call to
    action began or an event was announced (`pages`), newest first."""
    weeks = {week_of(page.item.date, zone) for page in pages}
    return sorted(weeks, key=lambda w: (w.year, w.number), reverse=True)[:limit]


def letter(campaign, week: Week, district=None, items: list | None = None) -> Letter:
    """The letter of `week` for `district` (None: all Paris), from the campaign's
    state; `items` are the claims and posts of the week, if already picked."""
    moment = min(week.end, campaign.moment)
    local = (lambda page: True) if district is None else _concerns(district)
    if items is None:
        items = [p for p in campaign.items if week.holds(p.item.date)]
    first_day = week.start.date()
    actions = [
        p
        for p in campaign.actions_so_far
        if p.item.date <= moment and p.item.last_day >= first_day and local(p)
    ]
    events = [
        p
        for p in campaign.events
        if p.item.date <= moment < p.item.end <= moment + EVENTS_AHEAD and local(p)
    ]
    return Letter(week, district, moment, [p for p in items if local(p)], actions, events)


def every_letter(campaign, zone: datetime.tzinfo, limit: int) -> list[list[Letter]]:
    """By week (the `limit` latest with news), newest first: the city-wide letter,
    then one per district of the data file. Items are sorted into weeks once."""
    items = campaign.items
    news = items + campaign.actions_so_far + campaign.events
    by_week = defaultdict(list)
    for page in items:
        by_week[week_of(page.item.date, zone)].append(page)
    districts = [None, *campaign.catalogue.districts]
    return [
        [letter(campaign, week, district, by_week[week]) for district in districts]
        for week in weeks_with_news(news, zone, limit)
    ]


def _concerns(district):
    """Whether a page is for this district or for all Paris."""
    return lambda page: not page.item.districts or district in page.item.districts


def email_url(url: str, campaign: str, content: str) -> str:
    return tagged_url(url, EMAIL_SOURCE, EMAIL_MEDIUM, campaign, content)


def inline_css(html: str) -> str:
    """Every rule moved into the style attributes mail clients read; media queries
    kept in a <style> for those that read it."""
    return INLINER.inline(html)


def plain_text(letter: Letter, links: dict[str, str], web: str, footer: str) -> str:
    """The letter's plain-text twin: the same items, in the same order, each with
    its tagged address (`links` maps a page's URL to its tagged address)."""
    lines = [letter.title, "=" * min(len(letter.title), TEXT_WIDTH), ""]
    if letter.in_progress:
        lines += _wrapped("Lettre en cours : elle s'enrichit jusqu'à dimanche soir.") + [""]
    if letter.actions:
        lines += ["ACTIONS DE LA SEMAINE", ""]
        for page in letter.actions:
            action = page.item
            lines += _wrapped(f"* {action.title} : {action.task}")
            if page.target is not None:
                lines.append(f"  À partager : {links[page.target.url]}")
            lines.append("")
    lines += ["CETTE SEMAINE", ""]
    if not letter.items:
        lines += ["Pas de nouvelle publication cette semaine.", ""]
    for page in letter.items:
        lines += _wrapped(f"* {headline(page)}")
        lines += _wrapped(page.item.summary, indent="  ")
        lines += [f"  {links[page.url]}", ""]
    if letter.events:
        lines += ["RENDEZ-VOUS À VENIR", ""]
        for page in letter.events:
            event = page.item
            lines += _wrapped(f"* {event.title}")
            lines += _wrapped(f"{when_fr(event.start, event.end)}", indent="  ")
            lines += _wrapped(f"{event.place.name}, {event.place.address}", indent="  ")
            lines += [f"  {links[page.url]}", ""]
    lines += ["--", f"Lire cette lettre en ligne : {web}", *_wrapped(footer, hanging="")]
    return "\n".join(lines) + "\n"


def headline(page) -> str:
    """Truth first: a claim leads with its verdict."""
    if page.kind.value == "claim":
        return f"{page.item.verdict.label} : {page.item.title}"
    return page.item.title


def _wrapped(text: str, indent: str = "", hanging: str = "  ") -> list[str]:
    """Lines of at most TEXT_WIDTH; continued lines indented by `indent` or `hanging`."""
    return textwrap.wrap(
        text,
        TEXT_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent or hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
