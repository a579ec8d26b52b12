"""Jinja filters for the theme: French dates without depending on the machine's locale."""

from __future__ import annotations

import datetime

from .typography import french

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
    "filesize": filesize,
    "moment_fr": moment_fr,
    "fr": fr,
}
