"""Who is who: content/data/claimants.yaml, and the person a claim or a promise names.

Each person quoted has one entry: `slug`, `name`, `role` (`list`, `party`,
`office`) and `same_as` (a reference page, e.g. Wikidata). Claimant pages and
claim pages show the role, so readers see who is on which side, our own list
included.

When the file exists, a claim naming someone who is not in it is refused, with
the closest name: a typo would otherwise split one person's record over two
claimant pages, the second one without role, and a reader checking that we also
verify our own candidates would count wrong. Without the file, names are taken as
written (a campaign may start without it).
"""

from __future__ import annotations

import difflib
import re

from slugify import slugify

from .fields import Fields, Key, field_name
from .lookups import PLACEHOLDER
from .model import Catalogue, Claimant, Role

CLAIMANTS_FILE = "data/claimants.yaml"
ENTRY_KEYS = ["slug", "name", "role", "same_as"]
ROLE_KEYS = ["list", "party", "office"]
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def unknown_keys(fields: Fields, keys: tuple[Key, ...], allowed: list[str]) -> None:
    """Every key of the block at `keys` that is not `allowed`, with the closest one."""
    block = fields.get(*keys)
    for key in block if isinstance(block, dict) else ():
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
            fields.error(
                (*keys, key),
                f"champ « {key} » inconnu dans « {field_name(keys)} » ; {hint}"
                f"champs possibles : {', '.join(allowed)}",
            )


def claimant_entry(fields: Fields, index: int) -> Claimant:
    """One entry of claimants.yaml (catalogue.py checks slugs are not taken twice)."""
    unknown_keys(fields, (index,), ENTRY_KEYS)
    name = fields.text(index, "name", required=True)
    slug = fields.text(index, "slug") or slugify(name)
    if slug and not _SLUG.match(slug):
        fields.error(
            (index, "slug"),
            f"identifiant « {slug} » invalide : minuscules, chiffres et tirets seulement, "
            f"par exemple « {slugify(slug) or 'helene-marchetti'} »",
        )
    return Claimant(
        name=name, slug=slug, url=fields.url(index, "same_as"), role=_role(fields, index)
    )


def _role(fields: Fields, index: int) -> Role:
    if fields.get(index, "role") is None:
        fields.error(
            (index, "role"),
            "« role » manquant ; indiquez au moins l'un de list, party, office, par exemple "
            '« role: {list: "Paris Passerelles", office: "tête de liste"} »',
        )
        return Role()
    if not fields.mapping(index, "role", example="list: ..., office: ..."):
        return Role()
    unknown_keys(fields, (index, "role"), ROLE_KEYS)
    role = Role(*(fields.text(index, "role", key) for key in ROLE_KEYS))
    if not role:
        fields.error(
            (index, "role"), "« role » est vide ; indiquez au moins l'un de list, party, office"
        )
    return role


def same_names(fields: Fields, entries: list[Claimant]) -> None:
    """Two entries with one name: a claim naming it could not say which one."""
    seen: set[str] = set()
    for index, block in enumerate(fields.front.values):
        name = block.get("name") if isinstance(block, dict) else None
        if isinstance(name, str) and name.strip() in seen:
            fields.error(
                (index, "name"),
                f"« {name.strip()} » apparaît deux fois ; gardez une seule entrée par personne",
            )
        if isinstance(name, str):
            seen.add(name.strip())


def read_person(fields: Fields, key: str, catalogue: Catalogue) -> Claimant:
    """The person named in field `key` (claimant, promiser), with their role when
    claimants.yaml knows them. `<key>_url` on the document is kept as a fallback."""
    name = fields.text(key, required=True)
    url = fields.url(f"{key}_url")  # "" when the document has no such field
    if catalogue.claimants is None or not name or PLACEHOLDER in name:
        return Claimant(name, slugify(name), url)
    person = catalogue.claimant(name)
    if person is None:
        names = [entry.name for entry in catalogue.claimants]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
        fields.error(
            (key,),
            f"« {name} » n'est pas dans {CLAIMANTS_FILE} ; {hint}écrivez le nom tel qu'il "
            "y figure, ou ajoutez-y cette personne (slug, name, role, same_as)",
        )
        return Claimant(name, slugify(name), url)
    return person if person.url or not url else Claimant(person.name, person.slug, url, person.role)
