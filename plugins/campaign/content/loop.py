"""Parsers of the daily loop's documents: calls to action and events.

Like the parsers of content/validate.py (registered beside them in
content/validation.py's `PARSERS`), they never raise on bad content: they return
a valid object or problems naming the file, the line and the fix in French.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

from .campaigning import Action, Event, Place
from .fields import Fields
from .lookups import read_districts, read_hashtags, read_photo, read_status, read_topics
from .model import Catalogue, FrontMatter, Problem
from .validate import SHARE_MAX, SUMMARY_MAX, slug_for

ACTION_FIELDS = "title date until districts item task status slug modified".split()
EVENT_FIELDS = (
    "title date modified start end place districts topics summary registration image "
    "share hashtags status slug"
).split()
TITLE_MAX = 90
# One or two sentences: what to do, where, by when (read on a phone, in a feed).
TASK_MAX, TASK_SENTENCES = 300, 2
# A sentence ends with . ! ? or … followed by a space and a capital, or the end.
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s+[«\"(]?[A-ZÀ-ÖØ-Þ0-9]|\s*$)")


def sentence_count(text: str) -> int:
    """Sentences of a short French text; "14 h." or "M. Dupont" are rare in a task."""
    return max(1, len(_SENTENCE_END.findall(text.strip()))) if text.strip() else 0


def parse_action(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Action | list[Problem]:
    """A call to action: content/actions/<name>.md."""
    fields = Fields(front, timezone)
    if not fields.readable(ACTION_FIELDS):
        return fields.problems
    day = fields.date("date", required=True)
    until = fields.date("until")
    if day and until and until < day:
        fields.error(
            ("until",),
            f"« until » ({until.isoformat()}) tombe avant « date » ({day.isoformat()}) ; "
            "« until » est le dernier jour de l'action, le même jour ou après",
        )
    task = fields.text(
        "task", required=True, limit=TASK_MAX, why=" (une ou deux phrases : quoi, où, quand)"
    )
    if sentence_count(task) > TASK_SENTENCES:
        fields.error(
            ("task",),
            f"« task » compte {sentence_count(task)} phrases ; écrivez la tâche en une ou "
            "deux phrases (quoi, où, quand), le détail va dans le contenu partagé",
        )
    action = dict(
        slug=slug_for(front, basename, fields),
        title=fields.text("title", required=True, limit=TITLE_MAX),
        date=datetime.datetime.combine(day, datetime.time(), timezone) if day else None,
        until=until,
        task=task,
        districts=read_districts(fields, catalogue),
        item=fields.text("item"),
        modified=fields.moment("modified"),
        status=read_status(fields),
    )
    return fields.problems or Action(**action)


def parse_event(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Event | list[Problem]:
    """An event: content/events/<name>.md; times in the site's zone (Europe/Paris)."""
    fields = Fields(front, timezone)
    if not fields.readable(EVENT_FIELDS):
        return fields.problems
    start = fields.moment("start", required=True, with_time=True)
    end = fields.moment("end", required=True, with_time=True)
    if start and end and end <= start:
        fields.error(
            ("end",),
            f"« end » ({end:%Y-%m-%d %H:%M}) n'est pas après « start » ({start:%Y-%m-%d %H:%M}) ; "
            "écrivez l'heure de fin du rendez-vous, après son début",
        )
    announced = fields.moment("date", required=True)
    if announced and end and announced >= end:
        fields.error(
            ("date",),
            f"« date » ({announced:%Y-%m-%d %H:%M}), le jour où le rendez-vous paraît, tombe "
            f"après sa fin ({end:%Y-%m-%d %H:%M}) : il ne serait jamais annoncé ; "
            "donnez une date de publication avant le rendez-vous",
        )
    event = dict(
        slug=slug_for(front, basename, fields),
        title=fields.text("title", required=True, limit=TITLE_MAX),
        date=announced,
        modified=fields.moment("modified"),
        start=start,
        end=end,
        place=parse_place(fields),
        summary=fields.text("summary", required=True, limit=SUMMARY_MAX),
        districts=read_districts(fields, catalogue),
        topics=read_topics(fields, catalogue, required=False),
        registration=fields.url("registration"),
        image=read_photo(fields),
        share=fields.text(
            "share", limit=SHARE_MAX, why=" (le lien ajouté au partage compte pour 23 sur X)"
        ),
        hashtags=read_hashtags(fields),
        status=read_status(fields),
    )
    return fields.problems or Event(**event)


def parse_place(fields: Fields) -> Place | None:
    if fields.get("place") is None:
        fields.error(
            ("place",),
            'champ « place » obligatoire manquant ; ajoutez « place: {name: "...", '
            'address: "..."} », le lieu et son adresse',
        )
        return None
    if not fields.mapping("place", example="name: ..., address: ..."):
        return None
    name = fields.text("place", "name", required=True)
    address = fields.text("place", "address", required=True)
    return Place(name, address) if name and address else None
