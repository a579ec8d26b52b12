"""Checks across documents: what no single file shows wrong.

Two files claiming one address, a claim and a post sharing one card image, a sheet
answering an objection with a fact-check that does not exist.
"""

from __future__ import annotations

import difflib
import os

from PIL import Image

from .files import is_plain_file, named_by_file_problems
from .model import WARNING, FrontMatter, Problem
from .pictures import FORMATS, unreadable

# The narrowest photo shown without blur on a page and on its social card (the
# variants go up to 1200 px, see images/photos.py).
PHOTO_MIN_WIDTH = 800


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


def taken_addresses(
    pages: list[tuple[str, FrontMatter]], reserved: dict[str, str]
) -> list[Problem]:
    """A fixed page whose address (/<slug>/) is a folder the site already writes
    (/partager/, /flux/...): it would replace those pages, or the build would stop."""
    return [
        Problem(
            front.path,
            front.line("slug"),
            f"l'adresse /{slug}/ est déjà prise par {reserved[slug]} ; renommez le fichier",
        )
        for slug, front in pages
        if slug in reserved
    ]


def sheet_card_names(items: list[tuple[str, FrontMatter]], topics: list[str]) -> list[Problem]:
    """A claim or post named « fiche-<topic> » would share its card image with the
    topic's sheet (images/cartes/fiche-<topic>.png)."""
    return [
        Problem(
            front.path,
            1,
            f"« {slug} » est le nom de l'image de partage de la fiche « {slug[6:]} » ; "
            "renommez le fichier (sans « fiche- » au début)",
        )
        for slug, front in items
        if slug.startswith("fiche-") and slug[6:] in topics
    ]


def unknown_item(front: FrontMatter, slugs: set[str]) -> list[Problem]:
    """A call to action pointing to an item to share that does not exist: `slugs`
    names every claim, post and sheet (a topic's slug names its sheet)."""
    slug = front.values.get("item") if isinstance(front.values, dict) else None
    if not isinstance(slug, str) or not slug.strip() or slug.strip() in slugs:
        return []
    close = difflib.get_close_matches(slug.strip(), sorted(slugs), n=1)
    hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
    return [
        Problem(
            front.path,
            front.line("item"),
            f"« item » : aucune vérification, actualité ou fiche « {slug} » ; {hint}"
            "écrivez le nom de son fichier, sans « .md »",
        )
    ]


def unready_item(action, front: FrontMatter, item, kind_word: str) -> list[Problem]:
    """A published call to action whose item will not be out on the action's days
    (a draft, or under embargo until after its last day): volunteers would be asked
    to share something the kit cannot show them. A warning: the item may be
    published in time, but nothing says so yet."""
    if action.status != "published" or item is None:
        return []
    if item.status == "draft":
        why = f"{kind_word} « {action.item} » est encore un brouillon"
        fix = "publiez-la (status: published) ou retirez « item »"
    elif item.date.date() > action.last_day:
        why = (
            f"{kind_word} « {action.item} » paraît le {item.date:%d/%m/%Y}, "
            "après le dernier jour de l'action"
        )
        fix = "avancez sa date ou celle de l'action"
    else:
        return []
    return [
        Problem(
            front.path,
            front.line("item"),
            f"« item » : {why} ; l'action paraîtra sans rien à partager : {fix}",
            WARNING,
        )
    ]


def missing_photo(front: FrontMatter, content_path: str) -> list[Problem]:
    """A photo (`image: {file: ...}`) whose file is not in the content folder's
    images/ (a typo, a photo not added to git)."""
    image = front.values.get("image") if isinstance(front.values, dict) else None
    file = image.get("file") if isinstance(image, dict) else None
    if not isinstance(file, str) or not file.strip():
        return []
    file = file.strip()
    path = os.path.join(content_path, file)
    if in_images(file) and is_plain_file(path):
        return photo_too_small(front, path, file)
    if in_images(file) and named_by_file_problems(path):
        return []
    folder = os.path.join(content_path, "images")
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    close = difflib.get_close_matches(os.path.basename(file), names, n=1)
    hint = f"vouliez-vous dire « images/{close[0]} » ? " if close else ""
    return [
        Problem(
            front.path,
            front.line("image", "file"),
            f"« image › file » : pas de photo « {file} » dans le dossier images/ du contenu ; "
            f"{hint}ajoutez-la ou corrigez le nom (par exemple images/photo.jpg)",
        )
    ]


def in_images(file: str) -> bool:
    """A photo's path (`image › file`) inside the content folder's images/."""
    return os.path.normpath(file).startswith(f"images{os.sep}") and ".." not in file.split("/")


def published_photo_name(file: str) -> str:
    """The name a photo's variants are published under (images/photos/<name>-800.jpg):
    its path below images/, without its suffix (« images/ete/marche.jpg » → « ete/marche »)."""
    return os.path.splitext(os.path.normpath(file))[0].split(os.sep, 1)[-1].replace(os.sep, "/")


def photo_name_clashes(fronts: list[FrontMatter]) -> list[Problem]:
    """Two photos published under one name (« images/marche.jpg » and
    « images/marche.png »): one would replace the other on every page showing it."""
    problems, seen = [], {}
    for front in fronts:
        image = front.values.get("image") if isinstance(front.values, dict) else None
        file = image.get("file") if isinstance(image, dict) else None
        if not isinstance(file, str) or not in_images(file.strip()):
            continue
        file = os.path.normpath(file.strip()).replace(os.sep, "/")
        name = published_photo_name(file)
        first, where = seen.setdefault(name, (file, front.path))
        if first != file:
            problems.append(
                Problem(
                    front.path,
                    front.line("image", "file"),
                    f"« image › file » : « {file} » serait publiée sous le nom de « {first} » "
                    f"(« {name} », photo de {where}) : l'une remplacerait l'autre sur les "
                    "pages ; renommez l'une des deux",
                )
            )
    return problems


def usable_photo(file: str, content_path: str) -> bool:
    """Whether the photo at `file` (`image › file`) can be read: a plain picture
    file inside images/, whole. Nothing else is opened, not even to hash it."""
    path = os.path.join(content_path, file)
    return in_images(file) and is_plain_file(path) and unreadable(path) is None


def photo_too_small(front: FrontMatter, path: str, file: str) -> list[Problem]:
    """A photo that cannot be read, or too narrow for its page and card."""
    line = front.line("image", "file")
    reason = unreadable(path)
    if reason:
        return [Problem(front.path, line, f"« image › file » : « {file} » {reason}")]
    with Image.open(path, formats=FORMATS) as image:
        width, height = image.size
        if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # shown turned a quarter
            width, height = height, width
    if width >= PHOTO_MIN_WIDTH:
        return []
    return [
        Problem(
            front.path,
            line,
            f"« image › file » : « {file} » fait {width} × {height} pixels ; il en faut au "
            f"moins {PHOTO_MIN_WIDTH} de large pour la page et l'image de partage : "
            "prenez l'original, pas une miniature",
        )
    ]
