"""Fields whose values are names of something else: topics and districts of the
data files, hashtags, the publication status (which also refuses a scaffold's
placeholders once published)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from slugify import slugify

from .fields import Fields, Key, field_name
from .model import Catalogue, District, Photo, Topic

STATUSES = ("published", "draft")
# A claim may also be shown while it is being checked: public, never rated.
PENDING = "en-cours"
CLAIM_STATUSES = (*STATUSES, PENDING)
# What `make new` writes in a fresh file: valid for a draft, refused for publication.
PLACEHOLDER = "À compléter"
PLACEHOLDER_URL = "https://example.org/a-remplacer"
_HASHTAG = re.compile(r"^\w+$")
ALT_MAX = 250


def read_topics(fields: Fields, catalogue: Catalogue, required: bool) -> tuple[Topic, ...]:
    return _lookup(fields, "topics", catalogue.topic, catalogue.topics, required)


def read_districts(fields: Fields, catalogue: Catalogue) -> tuple[District, ...]:
    found = _lookup(fields, "districts", catalogue.district, catalogue.districts, False)
    return tuple(dict.fromkeys(found))  # "3" and "paris-centre" are one district


def _lookup(fields: Fields, key: str, find: Callable, known: tuple, required: bool) -> tuple:
    found = []
    for index, name in enumerate(fields.items(key, required=required)):
        if isinstance(name, str) and PLACEHOLDER in name:
            continue  # `make new`'s reminder: fine in a draft, refused once published
        item = find(name) if isinstance(name, str | int) and not isinstance(name, bool) else None
        if item is None:
            fields.error((key, index), unknown(_KIND[key], name, [entry.slug for entry in known]))
        else:
            found.append(item)
    return tuple(found)


# A language tag (BCP 47), as HTML's `lang` takes it: « en », « es », « pt-BR ».
_LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
# The languages a writer most often names in French, to suggest their code.
LANGUAGE_NAMES = {
    "allemand": "de", "anglais": "en", "arabe": "ar", "basque": "eu", "breton": "br",
    "catalan": "ca", "chinois": "zh", "corse": "co", "espagnol": "es", "hebreu": "he",
    "italien": "it", "neerlandais": "nl", "occitan": "oc", "polonais": "pl",
    "portugais": "pt", "roumain": "ro", "russe": "ru", "turc": "tr", "ukrainien": "uk",
    "wolof": "wo",
}  # fmt: skip


def read_language(fields: Fields, key: str) -> str:
    """The language of quoted words not in French (`claim_lang: en`), so that screen
    readers say them in it (WCAG 3.1.2); "" when they are in the page's French."""
    written = fields.text(key)
    if not written:
        return ""
    primary, _, rest = written.partition("-")
    if _LANGUAGE.match(written):
        return primary.lower() + (f"-{rest}" if rest else "")
    code = LANGUAGE_NAMES.get(slugify(written))
    hint = f"vouliez-vous dire « {code} » ? " if code else ""
    fields.error(
        (key,),
        f"« {key} » : « {written} » n'est pas un code de langue ; {hint}écrivez le code à deux "
        "lettres de la langue des mots cités : en (anglais), es (espagnol), ar (arabe)...",
    )
    return ""


def read_hashtags(fields: Fields) -> tuple[str, ...]:
    tags = []
    for index, tag in enumerate(fields.items("hashtags")):
        tag = str(tag).strip().lstrip("#")
        if not _HASHTAG.match(tag):
            fields.error(
                ("hashtags", index),
                f"mot-dièse « {tag} » invalide : lettres, chiffres et _ seulement, sans espace",
            )
        else:
            tags.append(tag)
    return tuple(tags)


def read_status(fields: Fields, statuses: tuple[str, ...] = STATUSES) -> str:
    status = fields.text("status") or "published"
    if status not in statuses:
        fields.error(("status",), unknown("statut", status, list(statuses)))
    if status in ("published", PENDING):  # both are public
        refuse_placeholders(fields, "status: draft")
    return status


def refuse_placeholders(fields: Fields, draft: str) -> None:
    """A public document still holding a placeholder of `make new`; `draft` is how
    this kind of document is put back to draft."""
    for keys in _placeholders(fields.front.values, ()):
        fields.error(
            keys,
            f"« {field_name(keys)} » contient encore un texte provisoire de « make new » ; "
            f"remplacez-le avant de publier (ou remettez « {draft} »)",
        )


_KIND = {"topics": "sujet", "districts": "arrondissement"}


def unknown(what: str, name, choices: list[str]) -> str:
    """« verdict « plutôt faux » inconnu ; vouliez-vous dire « plutot-faux » ? … »"""
    guess = did_you_mean(str(name), choices)
    hint = f"vouliez-vous dire « {guess} » ? " if guess else ""
    return f"{what} « {name} » inconnu ; {hint}valeurs possibles : {', '.join(choices)}"


def did_you_mean(name: str, choices: list[str]) -> str | None:
    """The choice a writer most likely meant: the same once accents, capitals and
    spaces are set aside (« Plutôt faux »), else the closest spelling."""
    wanted = slugify(name)
    if wanted in choices:
        return wanted
    close = difflib.get_close_matches(wanted or name, choices, n=1, cutoff=0.6)
    return close[0] if close else None


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


def read_photo(fields: Fields) -> Photo | None:
    """`image: {file: images/<name>.jpg, alt: "..."}`; whether the file exists is
    checked across documents (crosscheck.py), where the content folder is known."""
    if fields.get("image") in (None, ""):
        return None
    if isinstance(fields.get("image"), str):
        fields.error(
            ("image",),
            '« image » doit être un bloc : « image: {file: images/photo.jpg, alt: "ce que '
            'montre la photo"} » ; « alt » décrit la photo à qui ne la voit pas',
        )
        return None
    if not fields.mapping("image", example="file: images/photo.jpg, alt: ..."):
        return None
    file = fields.text("image", "file", required=True)
    alt = fields.text(
        "image", "alt", limit=ALT_MAX, why=" (une phrase qui dit ce que montre la photo)"
    )
    if not alt:
        fields.error(
            ("image", "alt"),
            "« image › alt » manquant : décrivez la photo en une phrase pour qui ne la voit "
            'pas (lecteur d\'écran), par exemple « alt: "Des bénévoles tractent au marché" »',
        )
    return Photo(file, alt) if file and alt else None
