"""Load what content is validated against: the verdict scale and the data files."""

from __future__ import annotations

import os
import re
from zoneinfo import ZoneInfo

from slugify import slugify

from .addresses import email_problem
from .fields import Fields
from .files import FileTooLarge, NotRegularFile, not_regular_message, read_regular
from .frontmatter import decode, parse, too_large
from .limits import DATA_FILE_MAX_BYTES
from .model import (
    Catalogue,
    District,
    MapCell,
    Problem,
    PromiseStatus,
    PublicFigure,
    Topic,
    Verdict,
)
from .people import CLAIMANTS_FILE, claimant_entry, same_names

# A district's name heads its page, its kit and its printed flyer; its lead's name
# sits on the flyer's one A5 page, whose notices (« Ne pas jeter sur la voie
# publique ») a longer one would push off the paper.
DISTRICT_NAME_MAX = 60
LEAD_MAX = 150
LEAD_WHY = " (le nom tient sur le tract A5 imprimé)"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEFAULT_COLOUR = "#444444"
TOPICS_FILE = "data/topics.yaml"
DISTRICTS_FILE = "data/districts.yaml"
DATA_FILES = (TOPICS_FILE, DISTRICTS_FILE)


def load_verdicts(scale: list[dict]) -> tuple[Verdict, ...]:
    """The `VERDICTS` setting as Verdict objects, best rating first."""
    return tuple(
        Verdict(
            slug=entry["slug"],
            label=entry["label"],
            rating=entry.get("rating"),
            colour=entry["colour"],
            description=entry.get("description", ""),
        )
        for entry in scale
    )


def load_promise_statuses(scale: list[dict]) -> tuple[PromiseStatus, ...]:
    """The `PROMISE_STATUSES` setting as PromiseStatus objects, in its order."""
    return tuple(
        PromiseStatus(
            slug=entry["slug"],
            label=entry["label"],
            colour=entry["colour"],
            shape=entry["shape"],
            description=entry.get("description", ""),
        )
        for entry in scale
    )


def load_catalogue(
    content_path: str, scale: list[dict], promise_scale: list[dict] | None = None
) -> tuple[Catalogue, list[Problem]]:
    """Read topics, districts and claimants from the content folder; report every
    mistake. `promise_scale` is the PROMISE_STATUSES setting (none: no promises)."""
    problems: list[Problem] = []
    topics = _load_list(content_path, TOPICS_FILE, _topic, problems)
    districts = _load_list(
        content_path, DISTRICTS_FILE, _district, problems, shared_arrondissements
    )
    claimants = None  # optional: see people.py
    if os.path.exists(os.path.join(content_path, CLAIMANTS_FILE)):
        claimants = tuple(
            _load_list(content_path, CLAIMANTS_FILE, claimant_entry, problems, same_names)
        )
    statuses = load_promise_statuses(promise_scale or [])
    catalogue = Catalogue(
        load_verdicts(scale), tuple(topics), tuple(districts), claimants, statuses
    )
    return catalogue, problems


def _load_list(content_path, name, build, problems, check_all=None) -> list:
    """The entries of a data file; `check_all(fields, entries)` checks them together."""
    path = os.path.join(content_path, name)
    shown = os.path.relpath(path)
    try:
        text, problem = decode(shown, read_regular(path, DATA_FILE_MAX_BYTES))
    except FileNotFoundError:
        problems.append(Problem(shown, 1, f"fichier de données « {name} » introuvable ; créez-le"))
        return []
    except NotRegularFile:
        problems.append(Problem(shown, 1, not_regular_message(path)))
        return []
    except FileTooLarge as error:
        problems.append(Problem(shown, 1, too_large(error.size, error.limit, "ce fichier")))
        return []
    if problem:
        problems.append(problem)
        return []
    document = parse(shown, text, shape=list)
    fields = Fields(document, ZoneInfo("UTC"))
    entries, slugs = [], set()
    for index in range(len(document.values)):
        if not fields.mapping(index):
            continue
        entry = build(fields, index)
        if entry.slug in slugs:
            fields.error(
                (index, "slug"),
                f"identifiant « {entry.slug} » en double ; chaque entrée doit avoir le sien",
            )
        slugs.add(entry.slug)
        entries.append(entry)
    if check_all is not None:
        check_all(fields, entries)
    problems.extend(fields.problems)
    return entries


def _topic(fields: Fields, index: int) -> Topic:
    return Topic(
        slug=_slug(fields, index),
        name=fields.text(index, "name", required=True),
        colour=_colour(fields, index),
        description=fields.text(index, "description"),
        hashtag=fields.text(index, "hashtag"),
    )


def _district(fields: Fields, index: int) -> District:
    numbers = []
    for position, number in enumerate(fields.items(index, "arrondissements", required=True)):
        if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= 99:
            numbers.append(number)
        else:
            fields.error(
                (index, "arrondissements", position),
                f"numéro d'arrondissement « {number} » invalide ; écrivez un nombre, par exemple 13",
            )
    contact = fields.text(index, "contact")
    if contact and (problem := email_problem(contact)):
        fields.error((index, "contact"), f"« contact » doit être une adresse e-mail{problem}")
    return District(
        slug=_slug(fields, index),
        name=fields.text(index, "name", required=True, limit=DISTRICT_NAME_MAX),
        short=fields.text(index, "short"),
        arrondissements=tuple(numbers),
        lead=fields.text(index, "lead", limit=LEAD_MAX, why=LEAD_WHY),
        contact=contact,
        cell=_map_cell(fields, index),
        figures=_figures(fields, index),
    )


def _slug(fields: Fields, index: int) -> str:
    """An entry's identifier, which is also a part of addresses (/sujets/<slug>/)."""
    slug = str(fields.text(index, "slug", required=True))
    if slug and not SLUG.match(slug):
        fields.error(
            (index, "slug"),
            f"identifiant « {slug} » invalide : minuscules sans accent, chiffres et tirets "
            f"seulement, par exemple « {slugify(slug) or 'logement'} »",
        )
    return slug


def _colour(fields: Fields, index: int) -> str:
    """A colour as cards and the stylesheet read it: #rrggbb."""
    colour = fields.text(index, "colour")
    if colour and not COLOUR.match(colour):
        fields.error(
            (index, "colour"),
            f"couleur « {colour} » illisible : écrivez-la « #rrggbb » entre guillemets, "
            'par exemple colour: "#8a3b12"',
        )
        return DEFAULT_COLOUR
    return colour or DEFAULT_COLOUR


def shared_arrondissements(fields: Fields, districts: list[District]) -> None:
    """An arrondissement named by two districts: the second would never get its items."""
    owner: dict[int, str] = {}
    for index, district in enumerate(districts):
        for number in district.arrondissements:
            if number in owner:
                fields.error(
                    (index, "arrondissements"),
                    f"l'arrondissement {number} est déjà dans le secteur « {owner[number]} » ; "
                    "un arrondissement n'appartient qu'à un secteur",
                )
            owner.setdefault(number, district.slug)


def _map_cell(fields: Fields, index: int) -> MapCell | None:
    box = fields.get(index, "map")
    if box is None:
        return None
    if not (isinstance(box, list) and len(box) == 4 and all(_whole(n) for n in box)):
        fields.error(
            (index, "map"),
            "« map » doit être [colonne, ligne, largeur, hauteur], des nombres entiers ; "
            "par exemple [2, 3, 1, 1]",
        )
        return None
    return MapCell(*box)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _figures(fields: Fields, index: int) -> tuple[PublicFigure, ...]:
    figures = []
    for position, _ in enumerate(fields.items(index, "figures")):
        if not fields.mapping(index, "figures", position, example="year: 2021, value: ..."):
            continue
        year = fields.get(index, "figures", position, "year")
        if not _whole(year):
            fields.error(
                (index, "figures", position, "year"),
                "« year » doit être une année, par exemple 2021",
            )
        figures.append(
            PublicFigure(
                value=fields.text(index, "figures", position, "value", required=True),
                label=fields.text(index, "figures", position, "label", required=True),
                source=fields.url(index, "figures", position, "source", required=True),
                publisher=fields.text(index, "figures", position, "publisher"),
                year=year if _whole(year) else 0,
            )
        )
    return tuple(figures)
