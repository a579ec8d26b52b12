"""Checks across documents: what no single file shows wrong.

Two files claiming one address, a claim and a post sharing one card image, a sheet
answering an objection with a fact-check that does not exist.
"""

from __future__ import annotations

import difflib

from .model import FrontMatter, Problem


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
