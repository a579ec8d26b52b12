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


def iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def plural(count: int, singular: str, many: str | None = None) -> str:
    """« 1 affirmation », « 2 affirmations »: French uses the singular for 0 and 1."""
    word = singular if count < 2 else (many or singular + "s")
    return f"{count} {word}"


def fr(value: str | None) -> str:
    """French typography (typography.py) for a title set by a writer."""
    return french(str(value or ""))


FILTERS = {"date_fr": date_fr, "iso": iso, "plural": plural, "fr": fr}
