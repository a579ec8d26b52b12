"""What a body links to: links inside the site must lead to a page the site has.

A typo in `/vrai-du-faux/dette-pari/` would be published as a dead link; Pelican's
`{filename}` links do not know the campaign's documents and stop a production
build. Both are found here, at their line, from the Markdown source.
"""

from __future__ import annotations

import collections
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
# Code, shown as written rather than read as Markdown: a fence (``` or ~~~) and the
# lines up to its closing one; a `span` on one paragraph; a block indented by four
# spaces or a tab after a blank line (not a list item's continuation).
FENCE = re.compile(r"^ {0,3}(`{3,}(?=[^`]*$)|~{3,})")  # no backtick after a ``` fence
BACKTICKS = re.compile(r"`+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
INDENTED = re.compile(r"^(?: {4}|\t)")


def without_code(body: str) -> str:
    """The body with the text of its code blanked, every line kept in its place: a
    link or an image shown as code (`<img src=x>`, a Markdown example) is text, not
    a link to check."""
    lines, fence, indented = body.split("\n"), "", False
    last_text = ""  # the last line with text before the current blank ones
    for number, line in enumerate(lines):
        blank = not line.strip()
        if fence:
            closing = FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
                fence = ""
            lines[number] = ""
            continue
        if opening := FENCE.match(line):
            fence, lines[number] = opening.group(1), ""
            continue
        after_blank = number > 0 and not lines[number - 1].strip()
        if INDENTED.match(line) and (indented or (after_blank and _starts_code(last_text))):
            indented, lines[number] = True, ""
            continue
        indented = indented and blank
        if not blank:
            last_text = line
    text = "\n".join(lines)
    pieces, done = [], 0
    for start, end in code_spans(text):
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    return "".join(pieces) + text[done:]


def code_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each `code span`: a run of backticks up to the next run of as
    many in the same paragraph (CommonMark's rule), found in one pass whatever the
    text (a pattern looking ahead for each run took seconds on a crafted body)."""
    paragraph = 0
    for end_of_paragraph in [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(text, paragraph, end_of_paragraph)]
        later: dict[int, collections.deque] = collections.defaultdict(collections.deque)
        for index, (start, end) in enumerate(runs):
            later[end - start].append(index)
        index = 0
        while index < len(runs):
            start, end = runs[index]
            same = later[end - start]
            while same and same[0] <= index:
                same.popleft()
            if not same:  # no closing run: the backticks are plain text
                index += 1
                continue
            closing = same.popleft()
            yield start, runs[closing][1]
            index = closing + 1
        paragraph = end_of_paragraph


def _starts_code(last_text: str) -> bool:
    """Whether an indented line after a blank one is code: not when it goes on with a
    list item (the item's second paragraph) or an indented paragraph."""
    return not (LIST_ITEM.match(last_text) or INDENTED.match(last_text) or last_text[:1] == " ")


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
    body = without_code(body)
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
