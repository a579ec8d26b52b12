"""Front matter to domain objects, or the list of what is wrong with it.

`parse_claim` and `parse_post` never raise on bad content: they return either a
valid object or problems, each naming the file, the line and the fix in French.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from slugify import slugify

from ..sharing.share import LINK_WEIGHT, X_LIMIT, truth_headline
from .additions import pending_claim, read_media, read_response
from .corrections import last_change
from .fields import Fields, field_name
from .lookups import (
    CLAIM_STATUSES,
    PENDING,
    STATUSES,
    read_districts,
    read_hashtags,
    read_language,
    read_photo,
    read_status,
    read_topics,
    unknown,
)
from .model import (
    Catalogue,
    Claim,
    Correction,
    Figure,
    FixedPage,
    FrontMatter,
    KeyFigure,
    Objection,
    Post,
    Problem,
    Sheet,
    Source,
    Topic,
)
from .people import read_person

CLAIM_MAX = 280
SUMMARY_MAX = 200
# A share text is posted with the page's link, which X counts as 23 characters.
SHARE_MAX = X_LIMIT - LINK_WEIGHT - 1

CLAIM_FIELDS = (
    "claim claim_lang title claimant claimant_url claim_date appearance verdict summary date "
    "modified topics districts figure share hashtags pin sources corrections status slug "
    "response media"
).split()
POST_FIELDS = (
    "title date modified summary topics districts share hashtags pin image status slug until"
).split()

PAGE_FIELDS = "title summary template slug status date modified".split()
# Keys with which Pelican lets a file choose where it is written: refused.
CHOSEN_ADDRESS = ("save_as", "url")
# The templates a fixed page may ask for (theme/templates/<name>.html).
PAGE_TEMPLATES = ("page", "methode", "contact", "corrections")

SHEET_FIELDS = (
    "topic title pitch date modified key_figures arguments objections share hashtags pin status"
).split()
# What the infographic holds: every key figure, every argument, each in its box.
FIGURES_MIN, FIGURES_MAX = 3, 6
FIGURE_VALUE_MAX, FIGURE_LABEL_MAX = 14, 90
ARGUMENTS_MAX, ARGUMENT_MAX = 6, 160
PITCH_MAX, SHEET_TITLE_MAX = 160, 90
OBJECTION_MAX, ANSWER_MAX = 200, 600


def slug_for(front: FrontMatter, basename: str, fields: Fields, exact: bool = False) -> str:
    """The URL slug: the file name unless `slug:` says otherwise, so titles can change.
    `exact`: a chosen slug must be written as an address already (fixed pages, whose
    `slug:` Pelican takes as it is)."""
    chosen = fields.text("slug")
    wanted = chosen or basename
    slug = slugify(wanted)
    if not slug:
        fields.error(
            ("slug",), f"impossible de tirer une adresse de « {wanted} » ; renommez le fichier"
        )
    elif exact and chosen and chosen != slug:
        # Pelican takes a page's `slug:` as written, "../" included.
        fields.error(
            ("slug",),
            f"adresse « {chosen} » invalide : minuscules sans accent, chiffres et tirets "
            f"seulement ; écrivez « slug: {slug} »",
        )
    return slug


def parse_sources(fields: Fields, required: bool = True) -> tuple[Source, ...]:
    sources = []
    for index, _ in enumerate(fields.items("sources", required=required)):
        if not fields.mapping("sources", index, example="title: ..., url: https://..."):
            continue
        sources.append(
            Source(
                title=fields.text("sources", index, "title", required=True),
                url=fields.url("sources", index, "url", required=True),
                publisher=fields.text("sources", index, "publisher"),
                date=fields.date("sources", index, "date"),
                archive=fields.url("sources", index, "archive"),
            )
        )
    return tuple(sources)


def parse_corrections(fields: Fields) -> tuple[Correction, ...]:
    corrections = []
    for index, _ in enumerate(fields.items("corrections")):
        if not fields.mapping("corrections", index, example="date: 2026-10-06, note: ..."):
            continue
        when = fields.date("corrections", index, "date", required=True)
        note = fields.text("corrections", index, "note", required=True)
        if when and note:
            corrections.append(Correction(when, note))
    return tuple(sorted(corrections, key=lambda c: c.date))


def parse_figure(fields: Fields) -> Figure | None:
    if fields.get("figure") is None:
        return None
    if not fields.mapping("figure", example="value: ..., label: ..."):
        return None
    value = fields.text("figure", "value", required=True)
    label = fields.text("figure", "label", required=True)
    return Figure(value, label) if value and label else None


def _shared_fields(
    fields: Fields, basename: str, catalogue: Catalogue, statuses: tuple[str, ...] = STATUSES
) -> dict:
    """Fields that claims and posts have in common, read the same way."""
    pending = fields.get("status") == PENDING  # a claim being checked has no summary yet
    return dict(
        slug=slug_for(fields.front, basename, fields),
        summary=fields.text("summary", required=not pending, limit=SUMMARY_MAX),
        date=fields.moment("date", required=True),
        modified=fields.moment("modified"),
        districts=read_districts(fields, catalogue),
        share=fields.text(
            "share", limit=SHARE_MAX, why=" (le lien ajouté au partage compte pour 23 sur X)"
        ),
        hashtags=read_hashtags(fields),
        pin=fields.flag("pin"),
        status=read_status(fields, statuses),
    )


def parse_claim(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Claim | list[Problem]:
    """Validate a claim's front matter against the catalogue."""
    fields = Fields(front, timezone)
    if not fields.readable(CLAIM_FIELDS):
        return fields.problems
    text = fields.text("claim", required=True, limit=CLAIM_MAX)
    # Being checked (status: en-cours): only the claim, claimant, date and topics.
    pending = fields.get("status") == PENDING
    verdict_slug = fields.text("verdict", required=not pending)
    verdict = catalogue.verdict(verdict_slug)
    if verdict_slug and verdict is None:
        choices = [v.slug for v in catalogue.verdicts]
        fields.error(("verdict",), unknown("verdict", verdict_slug, choices))
    shared = _shared_fields(fields, basename, catalogue, CLAIM_STATUSES)
    own_title = fields.text("title")
    claim = dict(
        shared,
        text=text,
        lang=read_language(fields, "claim_lang"),
        # Never the bare claim (DESIGN.md, "Truth first"): its verdict and conclusion.
        title=own_title or truth_headline(verdict.label if verdict else "", shared["summary"]),
        titled=bool(own_title),
        claimant=read_person(fields, "claimant", catalogue),
        verdict=verdict,
        claim_date=fields.date("claim_date"),
        appearance=fields.url("appearance"),
        topics=read_topics(fields, catalogue, required=True),
        figure=parse_figure(fields),
        sources=parse_sources(fields, required=not pending),
        corrections=parse_corrections(fields),
        response=read_response(fields),
        media=read_media(fields),
    )
    if pending:
        claim.update(pending_claim(fields, claim["claimant"]))
    # A correction is a change: `modified` follows the last one (see corrections.py).
    claim["modified"] = last_change(
        claim["date"], claim["modified"], claim["corrections"], timezone
    )
    return fields.problems or Claim(**claim)


def parse_post(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Post | list[Problem]:
    """Validate a post's front matter against the catalogue."""
    fields = Fields(front, timezone)
    if not fields.readable(POST_FIELDS):
        return fields.problems
    post = dict(
        _shared_fields(fields, basename, catalogue),
        title=fields.text("title", required=True),
        topics=read_topics(fields, catalogue, required=False),
        image=read_photo(fields),
        until=fields.date("until"),  # last day worth sharing: the share kits drop it after
    )
    date, until = post["date"], post["until"]
    if date and until and until < date.date():
        fields.error(
            ("until",),
            f"« until » ({until.isoformat()}) tombe avant « date » ({date:%Y-%m-%d}) : "
            "l'actualité ne serait dans aucun kit de partage ; « until » est le dernier jour "
            "où elle est à partager, le jour de sa publication ou après",
        )
    return fields.problems or Post(**post)


def parse_sheet(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Sheet | list[Problem]:
    """Validate an argument sheet: content/sheets/<topic>.md."""
    fields = Fields(front, timezone)
    if not fields.readable(SHEET_FIELDS):
        return fields.problems
    topic = _sheet_topic(fields, basename, catalogue)
    sheet = dict(
        topic=topic,
        title=fields.text("title", required=True, limit=SHEET_TITLE_MAX),
        pitch=fields.text("pitch", required=True, limit=PITCH_MAX, why=" (une seule phrase)"),
        date=fields.moment("date", required=True),
        modified=fields.moment("modified"),
        key_figures=parse_key_figures(fields),
        arguments=parse_arguments(fields),
        objections=parse_objections(fields),
        share=fields.text(
            "share", limit=SHARE_MAX, why=" (le lien ajouté au partage compte pour 23 sur X)"
        ),
        hashtags=read_hashtags(fields),
        pin=fields.flag("pin"),
        status=read_status(fields),
    )
    return fields.problems or Sheet(**sheet)


def _sheet_topic(fields: Fields, basename: str, catalogue: Catalogue) -> Topic | None:
    """The sheet's topic, which also names its file: one sheet per topic."""
    slug = fields.text("topic", required=True)
    if not slug:
        return None
    topic = catalogue.topic(slug)
    if topic is None:
        choices = ", ".join(t.slug for t in catalogue.topics)
        fields.error(("topic",), f"sujet « {slug} » inconnu ; valeurs possibles : {choices}")
    elif basename != topic.slug:
        fields.error(
            ("topic",),
            f"la fiche du sujet « {topic.slug} » doit s'appeler {topic.slug}.md "
            f"(fichier : {basename}) ; renommez le fichier ou corrigez « topic »",
        )
    return topic


def parse_key_figures(fields: Fields) -> tuple[KeyFigure, ...]:
    entries = fields.items("key_figures", required=True)
    if entries and not FIGURES_MIN <= len(entries) <= FIGURES_MAX:
        fields.error(
            ("key_figures",),
            f"« key_figures » compte {len(entries)} chiffre(s) ; l'infographie en montre "
            f"de {FIGURES_MIN} à {FIGURES_MAX}, gardez les plus parlants",
        )
    figures = []
    for index, _ in enumerate(entries):
        if not fields.mapping("key_figures", index, example="value: ..., label: ..."):
            continue
        keys = ("key_figures", index)
        figure = KeyFigure(
            value=fields.text(*keys, "value", required=True, limit=FIGURE_VALUE_MAX),
            label=fields.text(*keys, "label", required=True, limit=FIGURE_LABEL_MAX),
            source=fields.url(*keys, "source"),
            publisher=fields.text(*keys, "publisher"),
        )
        if fields.get(*keys, "source") in (None, ""):
            fields.error(
                keys,
                f"« {field_name(keys)} » n'a pas de source : ajoutez « source: https://... », "
                "l'adresse où le lecteur peut vérifier ce chiffre",
            )
        figures.append(figure)
    return tuple(figures)


def parse_arguments(fields: Fields) -> tuple[str, ...]:
    entries = fields.items("arguments", required=True)
    if len(entries) > ARGUMENTS_MAX:
        fields.error(
            ("arguments",),
            f"« arguments » en compte {len(entries)} ; maximum {ARGUMENTS_MAX}, "
            "développez les autres dans le texte de la fiche",
        )
    arguments = [
        fields.text("arguments", index, required=True, limit=ARGUMENT_MAX)
        for index, _ in enumerate(entries)
    ]
    return tuple(argument for argument in arguments if argument)


def parse_objections(fields: Fields) -> tuple[Objection, ...]:
    objections = []
    for index, _ in enumerate(fields.items("objections")):
        if not fields.mapping("objections", index, example="objection: ..., answer: ..."):
            continue
        keys = ("objections", index)
        objections.append(
            Objection(
                objection=fields.text(*keys, "objection", required=True, limit=OBJECTION_MAX),
                answer=fields.text(*keys, "answer", required=True, limit=ANSWER_MAX),
                claim=fields.text(*keys, "claim"),
            )
        )
    return tuple(objections)


def parse_page(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> FixedPage | list[Problem]:
    """A fixed page (méthode, contact...): Pelican builds it from its file name's
    address, with one of the page templates; it is published, draft or embargoed
    like the rest."""
    fields = Fields(front, timezone)
    for key in CHOSEN_ADDRESS:
        if isinstance(front.values, dict) and key in front.values:
            fields.error(
                (key,),
                f"« {key} » : une page ne choisit pas où elle est écrite ; son adresse vient "
                "du nom de son fichier (renommez-le) ; retirez cette ligne",
            )
    if not fields.readable(PAGE_FIELDS + list(CHOSEN_ADDRESS)):
        return fields.problems
    template = fields.text("template") or "page"
    if template not in PAGE_TEMPLATES:
        fields.error(
            ("template",),
            f"gabarit « {template} » inconnu pour une page ; valeurs possibles : "
            f"{', '.join(PAGE_TEMPLATES)}",
        )
    page = FixedPage(
        slug=slug_for(front, basename, fields, exact=True),
        title=fields.text("title", required=True),
        status=read_status(fields),
        date=fields.moment("date"),
        template=template,
    )
    return fields.problems or page
