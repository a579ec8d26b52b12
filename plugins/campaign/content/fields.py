"""Reading one field of front matter: its value checked against its type, or a
problem naming the file, the line and the fix in French.

`Fields` knows nothing of claims or posts: the parsers of content/validate.py and
the data files' loader (catalogue.py) say which fields a document has.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import re
from zoneinfo import ZoneInfo

from . import addresses
from .frontmatter import visible
from .model import FrontMatter, Problem

# Years a date may have (see Fields._in_years).
YEARS = range(1000, 3000)
_DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")

Key = str | int


class Fields:
    """Typed access to front matter values; every mistake is recorded, none raises."""

    def __init__(self, front: FrontMatter, timezone: ZoneInfo):
        self.front = front
        self.timezone = timezone
        self.problems: list[Problem] = list(front.problems)

    def error(self, keys: tuple[Key, ...], message: str) -> None:
        self.problems.append(Problem(self.front.path, self.front.line(*keys), message))

    def get(self, *keys: Key):
        value = self.front.values
        for key in keys:
            if isinstance(value, dict) and key in value:
                value = value[key]
            elif isinstance(value, list) and isinstance(key, int) and key < len(value):
                value = value[key]
            else:
                return None
        return value

    def readable(self, allowed: list[str]) -> bool:
        """Whether the front matter could be read at all; if so, every key it has
        that is not `allowed` is a problem (a misspelled field, say)."""
        if self.front.problems and not self.front.values:
            return False
        self.unknown_keys(allowed)
        return True

    def unknown_keys(self, allowed: list[str]) -> None:
        for key in self.front.values:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
                self.error(
                    (key,),
                    f"champ « {key} » inconnu ; {hint}champs possibles : {', '.join(allowed)}",
                )

    def text(
        self, *keys: Key, required: bool = False, limit: int | None = None, why: str = ""
    ) -> str:
        value = self.get(*keys)
        name = field_name(keys)
        if isinstance(value, str):
            value = visible(value).strip()  # blank is missing
        if value is None or value == "":
            if required and keys and isinstance(keys[-1], int):  # an item of a list
                self.error(
                    keys,
                    f"« {name} » est vide ; écrivez-le entre guillemets après le tiret "
                    '(- "..."), ou retirez la ligne',
                )
            elif required:
                self.error(keys, f"champ « {name} » obligatoire manquant ; ajoutez « {name}: ... »")
            return ""
        if isinstance(value, bool):
            self.error(
                keys,
                f"« {name} » a été lu comme un booléen (oui/non) ; mettez le texte "
                f'entre guillemets, par exemple « {name}: "non" »',
            )
            return ""
        if isinstance(value, int | float):
            value = str(value)
        if not isinstance(value, str):
            self.error(keys, f"« {name} » doit être un texte, pas une liste ni un bloc de champs")
            return ""
        value = value.strip()
        if limit and len(value) > limit:
            self.error(
                keys,
                f"« {name} » fait {len(value)} caractères ; maximum {limit}{why}, raccourcissez-le",
            )
        return value

    def url(self, *keys: Key, required: bool = False) -> str:
        value = self.text(*keys, required=required)
        if value and not addresses.readable(value):
            self.error(keys, addresses.UNREADABLE.format(address=value))
            return ""
        if value and not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            self.error(
                keys,
                f"« {field_name(keys)} » doit être une adresse web complète commençant par "
                f"https:// (ou http://) (lu : « {value} »)",
            )
            return ""
        return value

    def date(self, *keys: Key, required: bool = False) -> datetime.date | None:
        value = self.get(*keys)
        if value is None or value == "":
            if required:
                self.error(keys, f"« {field_name(keys)} » manquant ; écrivez une date AAAA-MM-JJ")
            return None
        day = None
        if isinstance(value, datetime.datetime):
            day = value.date()
        elif isinstance(value, datetime.date):
            day = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                day = datetime.date.fromisoformat(value.strip())
        if day is None:
            self.error(
                keys,
                f"« {field_name(keys)} » illisible (« {value} ») ; écrivez une date AAAA-MM-JJ",
            )
            return None
        return day if self._in_years(keys, day) else None

    def _in_years(self, keys: tuple[Key, ...], day: datetime.date) -> bool:
        """Whether the year is one a page may show: year 1 or 9999, a typo or a
        « never », would overflow when the day is put in Paris time or a calendar
        covers the years around it."""
        if day.year in YEARS:
            return True
        self.error(
            keys,
            f"« {field_name(keys)} » ({day.isoformat()}) : l'année {day.year} est hors de la "
            f"plage acceptée ({YEARS.start} à {YEARS.stop - 1}) ; vérifiez la date",
        )
        return False

    def moment(
        self, *keys: Key, required: bool = False, with_time: bool = False
    ) -> datetime.datetime | None:
        """A date and time in the site's time zone (Europe/Paris): a time written
        without a zone is read there, one with an offset (`+05:00`) converted to it,
        so pages, feeds and calendars all say the hour a Parisian reads. A time the
        clocks skip (2 h 30 on the day summer time starts) is refused. `with_time`:
        a date alone is refused (an event's start and end), not read as midnight."""
        value = self.get(*keys)
        if value is None or value == "":
            if required:
                self.error(
                    keys, f"« {field_name(keys)} » manquant ; écrivez une date AAAA-MM-JJ HH:MM"
                )
            return None
        moment = None
        if isinstance(value, datetime.datetime):
            moment = value
        elif isinstance(value, datetime.date):
            moment = datetime.datetime.combine(value, datetime.time())
        elif isinstance(value, str):
            moment = _parse_moment(value.strip())
        if moment is None:
            self.error(
                keys,
                f"« {field_name(keys)} » illisible (« {value} ») ; écrivez une date "
                "AAAA-MM-JJ HH:MM, par exemple 2026-03-12 09:00",
            )
            return None
        if not self._in_years(keys, moment.date()):
            return None
        if with_time and not _has_time(value):
            self.error(
                keys,
                f"« {field_name(keys)} » ({value}) n'a pas d'heure ; écrivez la date et "
                f"l'heure de Paris, par exemple {moment:%Y-%m-%d} 18:00",
            )
            return None
        if moment.tzinfo is not None:
            return moment.astimezone(self.timezone)
        moment = moment.replace(tzinfo=self.timezone)
        if not _exists(moment):
            after = moment.astimezone(datetime.UTC).astimezone(self.timezone)
            self.error(
                keys,
                f"« {field_name(keys)} » ({moment:%Y-%m-%d %H:%M}) : cette heure n'existe pas "
                f"à Paris, les horloges avancent d'une heure cette nuit-là (heure d'été) ; "
                f"écrivez {after:%Y-%m-%d %H:%M} si c'est bien l'heure voulue",
            )
            return None
        return moment

    def flag(self, *keys: Key) -> bool:
        value = self.get(*keys)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(keys, f"« {field_name(keys)} » doit valoir true ou false (lu : « {value} »)")
            return False
        return value

    def items(self, *keys: Key, required: bool = False) -> list:
        """A YAML list; a single scalar is accepted as a list of one."""
        value = self.get(*keys)
        name = field_name(keys)
        if value is None or value == []:
            if required:
                self.error(
                    keys,
                    f"« {name} » doit contenir au moins un élément ; ajoutez « {name}: [...] »",
                )
            return []
        if isinstance(value, list):
            return value
        if isinstance(value, dict):
            self.error(keys, f"« {name} » doit être une liste (une ligne « - ... » par élément)")
            return []
        return [value]

    def mapping(self, *keys: Key, example: str = "nom: valeur, ...") -> bool:
        """Whether the value is a block of fields; `example` shows the block's own."""
        if isinstance(self.get(*keys), dict):
            return True
        self.error(
            keys,
            f"« {field_name(keys)} » doit être un bloc de champs ({example}), pas un texte seul",
        )
        return False


def field_name(keys: tuple[Key, ...]) -> str:
    """A field's name as a writer reads it: « sources n° 2 › url »."""
    parts = []
    for key in keys:
        if isinstance(key, int):
            if parts:
                parts[-1] += f" n° {key + 1}"
        else:
            parts.append(key)
    return " › ".join(parts) or "?"


def _has_time(value) -> bool:
    """Whether a front-matter date value says an hour (YAML reads « 2026-12-24 »
    as a date, « 2026-12-24 18:00 » as text)."""
    if isinstance(value, datetime.datetime):
        return True
    return isinstance(value, str) and any(char in value for char in ":hH")


def _exists(moment: datetime.datetime) -> bool:
    """Whether a wall-clock time happens in its zone (not skipped by a change of hour)."""
    back = moment.astimezone(datetime.UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _parse_moment(text: str) -> datetime.datetime | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time())
    except ValueError:
        return None
