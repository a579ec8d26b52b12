"""What a body links to: links inside the site must lead to a page the site has.

A typo in `/vrai-du-faux/dette-pari/` would be published as a dead link; Pelican's
`{filename}` links do not know the campaign's documents and stop a production
build. Both are found here, at their line, from the Markdown source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

from . import addresses
from .model import Problem

# [text](/address "title") and <a href="/address">, <img src="/address">.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?(/[^)\s>]*)")
HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["'](/[^"']*)["']""", re.IGNORECASE)
PELICAN_LINK = re.compile(r"\{(filename|static|attach|index|tag|category|author)\}[^)\s\"']*")
# A listing's second page and after: /vrai-du-faux/page/2/.
PAGINATED = re.compile(r"^(.*/)page/\d+/$")
EMPTY_ALT = re.compile(r"!\[\s*\]\(|<img\b(?![^>]*\balt\s*=\s*[\"'][^\"']+)[^>]*>", re.IGNORECASE)


def site_links(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(line, address) of every link from the site's root in a Markdown body."""
    for pattern in (MARKDOWN_LINK, HTML_LINK):
        for match in pattern.finditer(body):
            line = first_line + body.count("\n", 0, match.start())
            yield line, match.group(1)


def normalised(address: str) -> str:
    """An address as the site writes it: no query or fragment, "x/" for "x/index.html",
    without the leading slash."""
    parts = addresses.split(address)
    path = unquote(parts.path if parts else address).lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


def link_problems(
    path: str, body: str, first_line: int, addresses: set[str], checked: Iterable[str]
) -> list[Problem]:
    """Problems of the links and images of one body.

    `addresses` holds every address the site writes ("vrai-du-faux/velo/"...);
    `checked` the first folders whose addresses are all known (the others, such as
    /flux/ or /images/, are not checked here).
    """
    problems = []
    folders = set(checked)
    for match in PELICAN_LINK.finditer(body):
        line = first_line + body.count("\n", 0, match.start())
        problems.append(
            Problem(
                path,
                line,
                f"lien « {match.group(0)} » : écrivez l'adresse de la page sur le site, par "
                "exemple « /vrai-du-faux/nom-du-fichier/ » pour une vérification",
            )
        )
    for match in EMPTY_ALT.finditer(body):
        line = first_line + body.count("\n", 0, match.start())
        problems.append(
            Problem(
                path,
                line,
                "image sans texte de remplacement : décrivez-la entre les crochets, "
                "« ![ce que montre l'image](adresse) »",
            )
        )
    for line, address in site_links(body, first_line):
        target = normalised(address)
        listing = PAGINATED.match(target)
        known = target in addresses or f"{target}/" in addresses
        known = known or bool(listing and listing.group(1) in addresses)
        if target.split("/", 1)[0] in folders and not known:
            problems.append(Problem(path, line, _unknown(address, target)))
    return problems


def _unknown(address: str, target: str) -> str:
    if "." in target.rsplit("/", 1)[-1]:  # a file: a picture, a document
        return (
            f"« {address} » introuvable : aucun fichier content/{target} ; enregistrez-le "
            "là, ou corrigez l'adresse (majuscules, extension .jpg/.png)"
        )
    return (
        f"lien vers « {address} » : aucune page du site à cette adresse ; "
        "vérifiez-la (nom du fichier, sans « .md », entre deux « / »)"
    )
