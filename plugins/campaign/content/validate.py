"""Front matter to domain objects, or the list of what is wrong with it.

`parse_claim` and `parse_post` never raise on bad content: they return either a
valid object or problems, each naming the file, the line and the fix in French.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from slugify import slugify

from ..sharing.share import LINK_WEIGHT, X_LIMIT
from .model import (
    Catalogue,
    Claim,
    Claimant,
    Correction,
    District,
    Figure,
    FrontMatter,
    KeyFigure,
    Objection,
    Post,
    Problem,
    Sheet,
    Source,
    Topic,
)

CLAIM_MAX = 280
SUMMARY_MAX = 200
# A share text is posted with the page's link, which X counts as 23 characters.
SHARE_MAX = X_LIMIT - LINK_WEIGHT - 1
STATUSES = ("published", "draft")
# What `make new` writes in a fresh file: valid for a draft, refused for publication.
PLACEHOLDER = "À compléter"
PLACEHOLDER_URL = "https://example.org/a-remplacer"

CLAIM_FIELDS = (
    "claim title claimant claimant_url claim_date appearance verdict summary date "
    "modified topics districts figure share hashtags pin sources corrections status slug"
).split()
POST_FIELDS = (
    "title date modified summary topics districts share hashtags pin image status slug"
).split()

SHEET_FIELDS = (
    "topic title pitch date modified key_figures arguments objections share hashtags pin status"
).split()
# What the infographic holds: every key figure, every argument, each in its box.
FIGURES_MIN, FIGURES_MAX = 3, 6
FIGURE_VALUE_MAX, FIGURE_LABEL_MAX = 14, 90
ARGUMENTS_MAX, ARGUMENT_MAX = 6, 160
PITCH_MAX, SHEET_TITLE_MAX = 160, 90
OBJECTION_MAX, ANSWER_MAX = 200, 600

_DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
_HASHTAG = re.compile(r"^\w+$")

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
        name = _name(keys)
        if value is None or value == "":
            if required:
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
        if value and not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            self.error(
                keys,
                f"« {_name(keys)} » doit être une adresse web complète commençant par "
                f"https:// (ou http://) (lu : « {value} »)",
            )
            return ""
        return value

    def date(self, *keys: Key, required: bool = False) -> datetime.date | None:
        value = self.get(*keys)
        if value is None or value == "":
            if required:
                self.error(keys, f"« {_name(keys)} » manquant ; écrivez une date AAAA-MM-JJ")
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(keys, f"« {_name(keys)} » illisible (« {value} ») ; écrivez une date AAAA-MM-JJ")
        return None

    def moment(self, *keys: Key, required: bool = False) -> datetime.datetime | None:
        """A date and time, in the site's time zone when none is given."""
        value = self.get(*keys)
        if value is None or value == "":
            if required:
                self.error(keys, f"« {_name(keys)} » manquant ; écrivez une date AAAA-MM-JJ HH:MM")
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
                f"« {_name(keys)} » illisible (« {value} ») ; écrivez une date "
                "AAAA-MM-JJ HH:MM, par exemple 2026-03-12 09:00",
            )
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.timezone)
        return moment

    def flag(self, *keys: Key) -> bool:
        value = self.get(*keys)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error(keys, f"« {_name(keys)} » doit valoir true ou false (lu : « {value} »)")
            return False
        return value

    def items(self, *keys: Key, required: bool = False) -> list:
        """A YAML list; a single scalar is accepted as a list of one."""
        value = self.get(*keys)
        name = _name(keys)
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

    def mapping(self, *keys: Key) -> bool:
        if isinstance(self.get(*keys), dict):
            return True
        self.error(
            keys,
            f"« {_name(keys)} » doit être un bloc de champs (title:, url:, ...), pas un texte seul",
        )
        return False

    def topics(self, catalogue: Catalogue, required: bool) -> tuple[Topic, ...]:
        return self._lookup("topics", catalogue.topic, catalogue.topics, required)

    def districts(self, catalogue: Catalogue) -> tuple[District, ...]:
        found = self._lookup("districts", catalogue.district, catalogue.districts, False)
        return tuple(dict.fromkeys(found))  # "3" and "paris-centre" are one district

    def _lookup(self, key: str, find: Callable, known: tuple, required: bool) -> tuple:
        found = []
        for index, name in enumerate(self.items(key, required=required)):
            item = (
                find(name) if isinstance(name, str | int) and not isinstance(name, bool) else None
            )
            if item is None:
                choices = ", ".join(entry.slug for entry in known)
                self.error(
                    (key, index), f"{_KIND[key]} « {name} » inconnu ; valeurs possibles : {choices}"
                )
            else:
                found.append(item)
        return tuple(found)

    def hashtags(self) -> tuple[str, ...]:
        tags = []
        for index, tag in enumerate(self.items("hashtags")):
            tag = str(tag).strip().lstrip("#")
            if not _HASHTAG.match(tag):
                self.error(
                    ("hashtags", index),
                    f"mot-dièse « {tag} » invalide : lettres, chiffres et _ seulement, sans espace",
                )
            else:
                tags.append(tag)
        return tuple(tags)

    def status(self) -> str:
        status = self.text("status") or "published"
        if status not in STATUSES:
            self.error(
                ("status",), f"statut « {status} » inconnu ; valeurs possibles : published, draft"
            )
        if status == "published":
            for keys in _placeholders(self.front.values, ()):
                self.error(
                    keys,
                    f"« {_name(keys)} » contient encore un texte provisoire de « make new » ; "
                    "remplacez-le avant de publier (ou remettez « status: draft »)",
                )
        return status


_KIND = {"topics": "sujet", "districts": "arrondissement"}


def _placeholders(value, keys: tuple[Key, ...]):
    """The paths of every value still holding a placeholder of the scaffold."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _placeholders(child, (*keys, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _placeholders(child, (*keys, index))
    elif isinstance(value, str) and (PLACEHOLDER in value or value == PLACEHOLDER_URL):
        yield keys


def _name(keys: tuple[Key, ...]) -> str:
    """A field's name as a writer reads it: « sources n° 2 › url »."""
    parts = []
    for key in keys:
        if isinstance(key, int):
            if parts:
                parts[-1] += f" n° {key + 1}"
        else:
            parts.append(key)
    return " › ".join(parts) or "?"


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


def slug_for(front: FrontMatter, basename: str, fields: Fields) -> str:
    """The URL slug: the file name unless `slug:` says otherwise, so titles can change."""
    wanted = fields.text("slug") or basename
    slug = slugify(wanted)
    if not slug:
        fields.error(
            ("slug",), f"impossible de tirer une adresse de « {wanted} » ; renommez le fichier"
        )
    return slug


def parse_sources(fields: Fields) -> tuple[Source, ...]:
    sources = []
    for index, _ in enumerate(fields.items("sources", required=True)):
        if not fields.mapping("sources", index):
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
        if not fields.mapping("corrections", index):
            continue
        when = fields.date("corrections", index, "date", required=True)
        note = fields.text("corrections", index, "note", required=True)
        if when and note:
            corrections.append(Correction(when, note))
    return tuple(sorted(corrections, key=lambda c: c.date))


def parse_figure(fields: Fields) -> Figure | None:
    if fields.get("figure") is None:
        return None
    if not fields.mapping("figure"):
        return None
    value = fields.text("figure", "value", required=True)
    label = fields.text("figure", "label", required=True)
    return Figure(value, label) if value and label else None


def _shared_fields(fields: Fields, basename: str, catalogue: Catalogue) -> dict:
    """Fields that claims and posts have in common, read the same way."""
    return dict(
        slug=slug_for(fields.front, basename, fields),
        summary=fields.text("summary", required=True, limit=SUMMARY_MAX),
        date=fields.moment("date", required=True),
        modified=fields.moment("modified"),
        districts=fields.districts(catalogue),
        share=fields.text(
            "share", limit=SHARE_MAX, why=" (le lien ajouté au partage compte pour 23 sur X)"
        ),
        hashtags=fields.hashtags(),
        pin=fields.flag("pin"),
        status=fields.status(),
    )


def parse_claim(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Claim | list[Problem]:
    """Validate a claim's front matter against the catalogue."""
    fields = Fields(front, timezone)
    if front.problems and not front.values:
        return fields.problems
    fields.unknown_keys(CLAIM_FIELDS)
    text = fields.text("claim", required=True, limit=CLAIM_MAX)
    verdict_slug = fields.text("verdict", required=True)
    verdict = catalogue.verdict(verdict_slug)
    if verdict_slug and verdict is None:
        choices = ", ".join(v.slug for v in catalogue.verdicts)
        fields.error(
            ("verdict",), f"verdict « {verdict_slug} » inconnu ; valeurs possibles : {choices}"
        )
    claimant_name = fields.text("claimant", required=True)
    claim = dict(
        _shared_fields(fields, basename, catalogue),
        text=text,
        title=fields.text("title") or text,
        claimant=Claimant(claimant_name, slugify(claimant_name), fields.url("claimant_url")),
        verdict=verdict,
        claim_date=fields.date("claim_date"),
        appearance=fields.url("appearance"),
        topics=fields.topics(catalogue, required=True),
        figure=parse_figure(fields),
        sources=parse_sources(fields),
        corrections=parse_corrections(fields),
    )
    return fields.problems or Claim(**claim)


def parse_post(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Post | list[Problem]:
    """Validate a post's front matter against the catalogue."""
    fields = Fields(front, timezone)
    if front.problems and not front.values:
        return fields.problems
    fields.unknown_keys(POST_FIELDS)
    post = dict(
        _shared_fields(fields, basename, catalogue),
        title=fields.text("title", required=True),
        topics=fields.topics(catalogue, required=False),
        image=fields.text("image"),
    )
    return fields.problems or Post(**post)


def parse_sheet(
    front: FrontMatter, basename: str, catalogue: Catalogue, timezone: ZoneInfo
) -> Sheet | list[Problem]:
    """Validate an argument sheet: content/sheets/<topic>.md."""
    fields = Fields(front, timezone)
    if front.problems and not front.values:
        return fields.problems
    fields.unknown_keys(SHEET_FIELDS)
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
        hashtags=fields.hashtags(),
        pin=fields.flag("pin"),
        status=fields.status(),
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
        if not fields.mapping("key_figures", index):
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
                f"« {_name(keys)} » n'a pas de source : ajoutez « source: https://... », "
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
        if not fields.mapping("objections", index):
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


def unknown_claims(front: FrontMatter, claim_slugs: set[str]) -> list[Problem]:
    """Objections of a sheet pointing to a fact-check that does not exist (a typo, a
    renamed file). Read from the raw front matter, so it is told even when the sheet
    has other mistakes."""
    objections = front.values.get("objections") if isinstance(front.values, dict) else None
    problems = []
    for index, objection in enumerate(objections if isinstance(objections, list) else []):
        slug = objection.get("claim") if isinstance(objection, dict) else None
        if not isinstance(slug, str) or not slug.strip() or slug.strip() in claim_slugs:
            continue
        close = difflib.get_close_matches(slug.strip(), sorted(claim_slugs), n=1)
        hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
        problems.append(
            Problem(
                front.path,
                front.line("objections", index, "claim"),
                f"« objections n° {index + 1} › claim » : aucune vérification « {slug} » ; "
                f"{hint}écrivez le nom du fichier de la vérification, sans « .md »",
            )
        )
    return problems


def duplicate_slugs(items: list[tuple[str, FrontMatter]]) -> list[Problem]:
    """Two files of one kind claiming one address: the second one is refused."""
    problems, seen = [], {}
    for slug, front in items:
        if slug in seen:
            problems.append(
                Problem(
                    front.path,
                    front.line("slug"),
                    f"adresse « {slug} » déjà prise par {seen[slug]} ; "
                    "renommez l'un des deux fichiers",
                )
            )
        else:
            seen[slug] = front.path
    return problems


def shared_card_names(claims: list[tuple[str, str]], posts: list[tuple[str, str]]) -> list[Problem]:
    """A claim and a post with one file name would share one social card image."""
    claim_paths: dict[str, str] = {}
    for slug, path in claims:
        claim_paths.setdefault(slug, path)
    return [
        Problem(
            path,
            1,
            f"« {slug} » est aussi le nom de {claim_paths[slug]} : leurs images de partage "
            "se remplaceraient ; renommez l'un des deux fichiers",
        )
        for slug, path in posts
        if slug in claim_paths
    ]
