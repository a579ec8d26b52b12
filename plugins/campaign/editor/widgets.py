"""Decap CMS field declarations, as plain dicts, from the rules `make check` applies.

Each helper returns one field of Decap's `config.yml`: a French label, a hint, and
the checks the editor can make before saving (required, length, choices, address
pattern). The same limits as content/validate.py are passed in, never retyped.
"""

from __future__ import annotations

from dataclasses import dataclass

# The address rule of validate.Fields.url, as a JavaScript pattern.
URL_PATTERN = r"^https?://[^\s/]+\.[^\s]+$"
URL_MESSAGE = "Une adresse web complète, commençant par https:// (ou http://)."
# What Decap writes and reads back: the formats validate.Fields.date and .moment read.
DATE_FORMAT = "YYYY-MM-DD"
MOMENT_FORMAT = "YYYY-MM-DD HH:mm"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Choices:
    """What a select offers: the verdict scale, the data files, the existing claims."""

    verdicts: tuple[Choice, ...]
    topics: tuple[Choice, ...]
    districts: tuple[Choice, ...]
    claims: tuple[Choice, ...]
    # People of data/claimants.yaml, by name (a claim names its claimant so); empty
    # when the campaign keeps no such file and names are free text.
    claimants: tuple[Choice, ...] = ()
    # What a call to action may ask to share: every claim, post and sheet, by slug.
    shareable: tuple[Choice, ...] = ()
    # The promise tracker's scale (PROMISE_STATUSES).
    promise_statuses: tuple[Choice, ...] = ()


def _field(name: str, label: str, hint: str, widget: str, required: bool, **extra) -> dict:
    field = {"name": name, "label": label, "widget": widget, "required": required}
    if hint:
        field["hint"] = hint
    field.update(extra)
    return field


def limit_pattern(limit: int) -> list[str]:
    """Decap has no maximum length: a pattern does it, on every character (new
    lines too), with the same words as `make check`."""
    return [f"^[\\s\\S]{{0,{limit}}}$", f"{limit} caractères au plus : raccourcissez ce texte."]


def string(name: str, label: str, hint: str = "", *, required=False, limit=None) -> dict:
    extra = {"pattern": limit_pattern(limit)} if limit else {}
    return _field(name, label, hint, "string", required, **extra)


def text(name: str, label: str, hint: str = "", *, required=False, limit=None) -> dict:
    extra = {"pattern": limit_pattern(limit)} if limit else {}
    return _field(name, label, hint, "text", required, **extra)


def url(name: str, label: str, hint: str = "", *, required=False) -> dict:
    return _field(name, label, hint, "string", required, pattern=[URL_PATTERN, URL_MESSAGE])


# A language tag, as content/lookups.read_language reads it.
LANGUAGE_PATTERN = r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"
LANGUAGE_MESSAGE = "Le code de la langue, en deux lettres : en (anglais), es (espagnol)..."


def language(name: str, label: str, hint: str = "") -> dict:
    return _field(name, label, hint, "string", False, pattern=[LANGUAGE_PATTERN, LANGUAGE_MESSAGE])


def day(name: str, label: str, hint: str = "", *, required=False) -> dict:
    """A date alone (AAAA-MM-JJ), shown the French way."""
    extra = {"format": DATE_FORMAT, "date_format": "DD/MM/YYYY", "time_format": False}
    if not required:
        extra["default"] = ""  # left blank, not today
    return _field(name, label, hint, "datetime", required, **extra)


def moment(name: str, label: str, hint: str = "", *, required=False) -> dict:
    """A date and time in the writer's time zone (Paris), as `date:` is written."""
    extra = {"format": MOMENT_FORMAT, "date_format": "DD/MM/YYYY", "time_format": "HH:mm"}
    # A required moment (publication) starts at the moment the entry is created.
    extra["default"] = "{{now}}" if required else ""
    return _field(name, label, hint, "datetime", required, **extra)


def select(
    name: str, label: str, options: tuple[Choice, ...], hint: str = "", *, required=False,
    multiple=False, default=None,
) -> dict:  # fmt: skip
    extra: dict = {"options": [{"label": c.label, "value": c.value} for c in options]}
    if multiple:
        extra["multiple"] = True
        if required:
            extra["min"] = 1
    if default is not None:
        extra["default"] = default
    return _field(name, label, hint, "select", required, **extra)


def flag(name: str, label: str, hint: str = "") -> dict:
    return _field(name, label, hint, "boolean", False, default=False)


def words(name: str, label: str, hint: str = "") -> dict:
    """A list of single words (hashtags), typed separated by commas."""
    return _field(name, label, hint, "list", False, default=[])


def group(name: str, label: str, fields: list[dict], hint: str = "", *, required=False) -> dict:
    return _field(name, label, hint, "object", required, collapsed=not required, fields=fields)


def items(
    name: str, label: str, fields: list[dict], hint: str = "", *, required=False,
    minimum=None, maximum=None, summary="",
) -> dict:  # fmt: skip
    """A list of blocks (sources, corrections...); `minimum` and `maximum` as checked."""
    extra: dict = {"fields": fields}
    if len(fields) == 1:  # a list of plain values (arguments), not of blocks
        extra = {"field": fields[0]}
    if required:  # open, so the first entry is there to fill in
        extra["collapsed"] = False
    if minimum:
        extra["min"] = minimum
    if maximum:
        extra["max"] = maximum
    if summary:
        extra["summary"] = summary
    return _field(name, label, hint, "list", required, **extra)


def photo(hint: str, alt_limit: int) -> dict:
    """`image: {file: images/<name>.jpg, alt: "..."}`: the photo chosen or sent from the
    media library (content/images/), written as the content folder names it, and the
    sentence that says what it shows. Neither is required here: Decap would then
    refuse to save an entry without a photo; `make check` refuses a photo without
    its sentence, or a sentence without a photo, at its line."""
    file = _field(
        "file", "Fichier", "Une photo de 800 pixels de large au moins (JPEG, PNG, WebP).",
        "image", False, public_folder="images", choose_url=False,
    )  # fmt: skip
    alt = string(
        "alt", "Ce que montre la photo",
        "Obligatoire avec une photo (make check la refuse sans) : une phrase pour qui ne "
        "la voit pas, « Des bénévoles tractent au marché Riquet ».",
        limit=alt_limit,
    )  # fmt: skip
    return {**group("image", "Photo", [file, alt], hint), "collapsed": False}  # both in sight


def body(label: str, hint: str) -> dict:
    return _field("body", label, hint, "markdown", False, modes=["raw", "rich_text"])


def status() -> dict:
    """New entries are drafts: nothing goes public before someone says so."""
    options = (Choice("draft", "Brouillon"), Choice("published", "Publié"))
    return select(
        "status", "Statut", options,
        "Un brouillon se voit dans l'aperçu, jamais sur le site public. "
        "Choisissez « Publié » quand la relecture est faite.",
        required=True, default="draft",
    )  # fmt: skip
