"""Jinja filters for the theme: French dates without depending on the machine's locale."""

from __future__ import annotations

import datetime
import re

from jinja2.ext import Extension
from markupsafe import Markup, escape

from .images.cards import badge_ink
from .typography import APOSTROPHE, LETTER_APOSTROPHE, french

MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()


def date_fr(value: datetime.date | None) -> str:
    """12 mars 2026; 1er mars 2026."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


WEEKDAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()


def time_fr(value: datetime.datetime | None) -> str:
    """14 h, 14 h 30 (French typography: a no-break space each side of « h »)."""
    if value is None:
        return ""
    minutes = f"\u00a0{value.minute:02d}" if value.minute else ""
    return f"{value.hour}\u00a0h{minutes}"


def day_fr(value: datetime.date | None) -> str:
    """samedi 28 novembre 2026."""
    if value is None:
        return ""
    return f"{WEEKDAYS[value.weekday()]} {date_fr(value)}"


def when_fr(start: datetime.datetime, end: datetime.datetime) -> str:
    """samedi 28 novembre 2026, de 10 h à 12 h; over several days, both dates."""
    if start.date() == end.date():
        return f"{day_fr(start)}, de {time_fr(start)} à {time_fr(end)}"
    return f"du {day_fr(start)}, {time_fr(start)}, au {day_fr(end)}, {time_fr(end)}"


def moment_fr(value: datetime.datetime) -> str:
    """« samedi 14 mars 2026 à 0 h », « dimanche 15 mars 2026 à 20 h 30 »."""
    hour = f"{value.hour} h" + (f" {value.minute:02d}" if value.minute else "")
    return f"{WEEKDAYS[value.weekday()]} {date_fr(value)} à {hour}"


def iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def plural(count: int, singular: str, many: str | None = None) -> str:
    """« 1 affirmation », « 2 affirmations »: French uses the singular for 0 and 1."""
    word = singular if count < 2 else (many or singular + "s")
    return f"{count} {word}"


def fr(value: str | None) -> str:
    """French typography (typography.py) for a title set by a writer."""
    return french(str(value or ""))


def filesize(size: int) -> str:
    """« 850 octets », « 12,4 ko », « 1,2 Mo »: French units, decimal comma."""
    if size < 1000:
        return f"{size} octets"
    for unit, scale in (("ko", 1000), ("Mo", 1000**2)):
        if size < scale * 1000 or unit == "Mo":
            return f"{size / scale:.1f} {unit}".replace(".", ",")
    return ""


FILTERS = {
    "date_fr": date_fr,
    "iso": iso,
    "plural": plural,
    "time_fr": time_fr,
    "day_fr": day_fr,
    "when_fr": when_fr,
    "filesize": filesize,
    "moment_fr": moment_fr,
    "fr": fr,
    # A badge's text on its colour: white, or ink on a light colour a campaign chose.
    "badge_ink": badge_ink,
}


class Once:
    """A fragment the theme shows many times alike, rendered once a build:
    `{% call(root) once("name", page, level, SITEURL=SITEURL) %}…{% endcall %}` keeps
    the HTML the block gave for those values, its links written from `root`. A
    claim's card is in the claims' listing, its verdict's, its topics', its
    districts' and its claimant's: 12,000 cards for 2,000 claims, 2,000 of them
    different. SITEURL differs from one page to another (relative URLs, a listing's
    second page is deeper): the block is rendered with a mark for `root`, replaced
    by each page's SITEURL. The key must hold every other value the block reads
    that may differ within a build; a page is one object for the whole build."""

    # Markup, written as is: no text from the content can put a "<" in the HTML
    # (autoescape), so nothing but `root` is replaced.
    ROOT = Markup("<root/>")

    def __init__(self):
        self.rendered: dict[tuple, str] = {}

    def __call__(self, *key, SITEURL: str, caller) -> Markup:  # noqa: N803 (Jinja's name)
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = str(caller(self.ROOT))
        return Markup(html.replace(self.ROOT, str(escape(SITEURL))))


class FrenchApostrophes(Extension):
    """The theme's own words with the apostrophe content gets from the `fr` filter:
    « l’équipe », never « l'équipe ». Applied once, when a template is compiled, to its
    text between two letters only: never inside Jinja's tags, expressions or comments
    (Python's quotes), nor inside <script> or <style>."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "".join(
            piece if index % 2 else LETTER_APOSTROPHE.sub(APOSTROPHE, piece)
            for index, piece in enumerate(_UNTOUCHED.split(source))
        )


# What the theme's apostrophes are not changed in (a capturing group: split keeps it).
_UNTOUCHED = re.compile(
    r"({{.*?}}|{%.*?%}|{#.*?#}|<script\b.*?</script>|<style\b.*?</style>)", re.DOTALL
)
