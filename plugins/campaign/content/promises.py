"""Promises tracked over time: content/promises/*.md to `Promise`, or problems.

A promise's `status` is where it stands on the PROMISE_STATUSES scale (tenue,
en-cours, compromis, rompue, au-point-mort), as DESIGN.md names the field; a
promise is kept out of the site with `draft: true` (the `status` key being taken).
Its `history` says when and why the status changed, oldest first: the last step
is the current status, and the file must say the same in both places, or a reader
would see a badge contradicting the dated history below it.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from .campaigning import Promise, StatusChange
from .fields import Fields, field_name
from .lookups import read_districts, read_hashtags, read_topics, refuse_placeholders
from .model import Catalogue, FrontMatter, Problem, PromiseStatus
from .people import read_person, unknown_keys
from .validate import CLAIM_MAX, SHARE_MAX, parse_sources, slug_for

PROMISE_FIELDS = (
    "promise title promiser promise_date appearance status history date modified topics "
    "districts sources share hashtags pin draft slug"
).split()
HISTORY_KEYS = ["date", "status", "note"]
NOTE_MAX = 300


def parse_promise(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Promise | list[Problem]:
    """Validate a promise's front matter against the catalogue."""
    fields = Fields(front, timezone)
    if not fields.readable(PROMISE_FIELDS):
        return fields.problems
    text = fields.text("promise", required=True, limit=CLAIM_MAX)
    draft = fields.flag("draft")
    if not draft:
        refuse_placeholders(fields, "draft: true")
    # `status` repeats the last step of `history`: written, it must agree with it;
    # left out (the web editor leaves it out), it is that step's.
    written = fields.get("status") not in (None, "")
    progress = _status(fields, catalogue, ("status",)) if written else None
    promise_date = fields.date("promise_date", required=True)
    history = read_history(fields, catalogue, promise_date)
    if not written and history:
        progress = history[-1].status
    if written and progress and history and history[-1].status != progress:
        last = history[-1]
        fields.error(
            ("status",),
            f"« status: {progress.slug} » ne correspond pas à la dernière étape de « history » "
            f"(« {last.status.slug} », le {last.date.isoformat()}) ; le statut d'une promesse "
            "est celui de sa dernière étape : mettez-les d'accord",
        )
    promise = dict(
        slug=slug_for(front, basename, fields),
        title=fields.text("title") or text,
        text=text,
        promiser=read_person(fields, "promiser", catalogue),
        promise_date=promise_date,
        progress=progress,
        history=history,
        date=fields.moment("date", required=True),
        modified=fields.moment("modified"),
        appearance=fields.url("appearance"),
        topics=read_topics(fields, catalogue, required=True),
        districts=read_districts(fields, catalogue),
        sources=parse_sources(fields),
        share=fields.text("share", limit=SHARE_MAX),
        hashtags=read_hashtags(fields),
        pin=fields.flag("pin"),
        status="draft" if draft else "published",
    )
    return fields.problems or Promise(**promise)


def _status(fields: Fields, catalogue: Catalogue, keys: tuple) -> PromiseStatus | None:
    slug = fields.text(*keys, required=True)
    status = catalogue.promise_status(slug) if slug else None
    if slug and status is None:
        choices = ", ".join(s.slug for s in catalogue.promise_statuses)
        fields.error(
            keys,
            f"« {field_name(keys)} » : statut « {slug} » inconnu ; valeurs possibles : {choices}",
        )
    return status


def read_history(fields: Fields, catalogue: Catalogue, promise_date) -> tuple[StatusChange, ...]:
    """The dated steps, oldest first, none before the promise was made."""
    steps: list[StatusChange] = []
    for index, _ in enumerate(fields.items("history", required=True)):
        keys = ("history", index)
        if not fields.mapping(*keys, example="date: 2021-11-01, status: en-cours, note: ..."):
            continue
        unknown_keys(fields, keys, HISTORY_KEYS)
        when = fields.date(*keys, "date", required=True)
        status = _status(fields, catalogue, (*keys, "status"))
        note = fields.text(*keys, "note", required=True, limit=NOTE_MAX)
        if when and steps and when < steps[-1].date:
            fields.error(
                (*keys, "date"),
                f"« {field_name(keys)} » ({when.isoformat()}) est antérieure à l'étape "
                f"précédente ({steps[-1].date.isoformat()}) ; rangez « history » de la plus "
                "ancienne étape à la plus récente",
            )
        if when and promise_date and when < promise_date:
            fields.error(
                (*keys, "date"),
                f"« {field_name(keys)} » ({when.isoformat()}) précède la promesse elle-même "
                f"(promise_date : {promise_date.isoformat()}) ; corrigez l'une des deux dates",
            )
        if when and status and note:
            steps.append(StatusChange(when, status, note))
    return tuple(steps)
