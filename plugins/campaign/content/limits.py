"""Bounded work: what a single content file may cost the build, checked before the work.

Python-Markdown and PyYAML take time or stack in proportion to the square of some
shapes of text (measured with Markdown 3 and its `extra` extension: 5,000 « [ » in a
paragraph, 6.6 s; 5,000 definitions under one term, 9 s; 20,000 table rows, 5.5 s;
600 definitions in a row, RecursionError; a YAML file of 100,000 « [ », the C
parser crashes the process; nested YAML aliases, minutes and gigabytes). Each such
shape is counted here, in linear time, and refused past a bound that real writing
never comes near; what is under every bound converts in well under a second.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Problem

# Bytes: a long page of prose is 30 KB; converting 256 KB of Markdown takes ~0.6 s.
MARKDOWN_MAX_BYTES = 256 * 1024
FRONT_MATTER_MAX_BYTES = 64 * 1024
DATA_FILE_MAX_BYTES = 256 * 1024

# YAML: levels of lists and fields inside one another (a source inside `sources`
# inside the file is 3).
YAML_MAX_DEPTH = 16

# Characters that reorder the text around them (embeddings, overrides, isolates): a
# U+202E in a name turns the rest of the sentence backwards. The marks U+200E/U+200F
# only place neutral characters and reverse nothing: they are left alone.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_ENTITIES = re.compile(r"&#(?:x0*(?:202[a-e]|206[6-9])|0*(?:823[4-8]|829[4-7]));", re.I)


@dataclass(frozen=True)
class Shape:
    """A kind of Markdown line whose count costs the conversion more than linear time."""

    pattern: re.Pattern
    limit: int
    what: str  # French, after « trop »: « d'éléments de liste »
    # A character each match needs: fewer of them than the limit, nothing to count.
    needs: str = "\n"


SHAPES = (
    Shape(
        re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)", re.M), 1000, "d'éléments de liste"
    ),
    Shape(re.compile(r"\|(?=.*\|)", re.M), 5000, "de cases de tableau (« | »)", "|"),
    Shape(re.compile(r"^[ \t]*>", re.M), 3000, "de lignes de citation (« > »)", ">"),
    Shape(re.compile(r"\n[ \t]*\n(?=[ \t]*\S)"), 3000, "de paragraphes et de titres"),
    Shape(re.compile(r"^ {0,3}:(?:[ \t]|$)", re.M), 200, "de définitions (lignes « : »)"),
    Shape(re.compile(r"^ {0,3}<", re.M), 500, "de lignes de HTML", "<"),
    Shape(re.compile(r"^ {0,3}\*\[", re.M), 10, "d'abréviations (lignes « *[ »)", "*["),
    Shape(re.compile(r"^ {0,3}\[\^", re.M), 200, "de notes (lignes « [^ »)", "[^"),
)
# Levels of quotes (« > ») and of indentation (4 spaces a level) inside one another.
MAX_QUOTE_DEPTH = 8
MAX_INDENT = 24
QUOTES = re.compile(rf"^(?:[ \t]*>){{{MAX_QUOTE_DEPTH + 1},}}", re.M)
INDENT = re.compile(rf"^(?: {{{MAX_INDENT + 1},}}|\t{{{MAX_INDENT // 4 + 1},}})\S", re.M)

# Inline: Python-Markdown reads a paragraph again for each bit of formatting in it
# (link, emphasis, code, entity, abbreviation): its cost is their number times the
# paragraph's length, summed over the file. A long page of prose with links: 200,000.
MAX_INLINE = 4_000_000
INLINE_MARKS = re.compile(r"[\[!<&*_`\\]")
ABBREVIATION = re.compile(r"^ {0,3}\*\[([^\]\n]+)\]:", re.M)

# Inline: on a « [ » or a « < », Markdown reads on to the matching « ] » or « > », to
# the end of the paragraph if there is none; all those readings are summed per file.
# Real text reads a few thousand characters; 5,000 unclosed « [ », 12 million.
MAX_SCAN = 400_000
BLOCKS = re.compile(r"\n[ \t]*\n")
OPENERS = re.compile(r"[\[<]")
MARKS = re.compile(r"[\[\]()<]")
CLOSE_ANGLE = re.compile(">")


def markdown_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """What in a Markdown body would cost the conversion too much, each at its line."""

    def at(index: int) -> int:
        return first_line + body.count("\n", 0, index)

    problems = []
    for shape in SHAPES:
        if body.count(shape.needs) < shape.limit:
            continue  # the usual case, found at C speed
        matches = shape.pattern.finditer(body)
        for count, match in enumerate(matches, start=1):
            if count > shape.limit:
                problems.append(
                    Problem(
                        path,
                        at(match.start()),
                        f"trop {shape.what} dans ce fichier (plus de {shape.limit}) : "
                        "la mise en page prendrait trop de temps ; coupez-le en plusieurs pages",
                    )
                )
                break
    for pattern, message in (
        (QUOTES, f"citations « > » imbriquées sur plus de {MAX_QUOTE_DEPTH} niveaux"),
        (INDENT, f"texte indenté de plus de {MAX_INDENT} espaces (listes trop imbriquées)"),
    ):
        match = pattern.search(body)
        if match:
            problems.append(Problem(path, at(match.start()), f"{message} ; réduisez l'imbrication"))
    worst = _costliest_opener(body) if _may_scan_too_much(body) else None
    if worst is None:
        problems += _inline_problems(path, body, at)
    else:
        character = {"[": "[", "<": "<"}.get(body[worst], "](")
        closing = {"[": "]", "<": ">", "](": ")"}[character]
        problems.append(
            Problem(
                path,
                at(worst),
                f"trop de « {character} » sans « {closing} » correspondant dans ce fichier : "
                f"la mise en page prendrait trop de temps ; fermez chaque « {character} » "
                f"ou écrivez « \\{character[0]} » pour le caractère lui-même",
            )
        )
    return problems


def _may_scan_too_much(body: str) -> bool:
    """Whether the readings of openers might pass MAX_SCAN: each reads at most the
    whole body, so few openers in a short body never do."""
    openers = body.count("[") + body.count("]") + body.count("<")
    return openers * len(body) > MAX_SCAN


def _inline_problems(path: str, body: str, at) -> list[Problem]:
    """The costliest paragraph, if the formatting of the whole file costs too much."""
    names = [re.escape(name) for name in ABBREVIATION.findall(body)]
    words = re.compile(r"\b(?:" + "|".join(names) + r")\b") if names else None
    marks = len(INLINE_MARKS.findall(body)) + (len(words.findall(body)) if words else 0)
    if marks * len(body) <= MAX_INLINE:
        return []  # each paragraph costs at most its marks times the whole body
    total, worst, worst_cost = 0, 0, -1
    start = 0
    ends = [(m.start(), m.end()) for m in BLOCKS.finditer(body)] + [(len(body), len(body))]
    for end, next_start in ends:
        marks = len(INLINE_MARKS.findall(body, start, end))
        if words:
            marks += len(words.findall(body, start, end))
        cost = marks * (end - start)
        total += cost
        if cost > worst_cost:
            worst, worst_cost = start, cost
        start = next_start
    if total <= MAX_INLINE:
        return []
    return [
        Problem(
            path,
            at(worst),
            "trop de mise en forme dans ce fichier (liens, italiques, gras, code, « & », "
            "« < », « [ ») : la mise en page prendrait trop de temps ; coupez les longs "
            "paragraphes, ou ce fichier en plusieurs pages",
        )
    ]


def _costliest_opener(body: str) -> int | None:
    """The position of the opener read the farthest, if all readings pass MAX_SCAN."""
    total, worst, worst_length = 0, None, -1
    start = 0
    ends = [(m.start(), m.end()) for m in BLOCKS.finditer(body)] + [(len(body), len(body))]
    for end, next_start in ends:
        if OPENERS.search(body, start, end):
            for position, length in _scan_lengths(body, start, end):
                total += length
                if length > worst_length:
                    worst, worst_length = position, length
        start = next_start
    return worst if total > MAX_SCAN else None


def _scan_lengths(text: str, start: int, end: int):
    """(position, characters read) of each opener of the paragraph text[start:end].

    Only the brackets and angle brackets are visited, each once (a « > » is found by
    bisection): linear in the paragraph's length.
    """
    closes = [match.start() for match in CLOSE_ANGLE.finditer(text, start, end)]
    brackets: list[int] = []
    parens: list[int] = []  # opened « ]( » positions; -1 for a « ( » nested in one
    for match in MARKS.finditer(text, start, end):
        index, character = match.start(), match.group()
        if character == "<":
            after = bisect.bisect_right(closes, index)
            yield index, (closes[after] if after < len(closes) else end) - index
        elif character == "[":
            brackets.append(index)
        elif character == "]" and brackets:
            opened = brackets.pop()
            yield opened, index - opened
            if text.startswith("](", index):
                parens.append(index)
        elif character == "(" and parens and parens[-1] != index - 1:
            parens.append(-1)
        elif character == ")" and parens:
            opened = parens.pop()
            if opened >= 0:
                yield opened, index - opened
    for opened in brackets:
        yield opened, end - opened
    for opened in parens:
        if opened >= 0:
            yield opened, end - opened


def bidi_problems(path: str, text: str, first_line: int, where: str) -> list[Problem]:
    """Characters that turn text around, refused: at most one message per line."""
    problems, lines = [], set()
    for pattern in (BIDI_CONTROLS, BIDI_ENTITIES):
        for match in pattern.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            if line not in lines:
                lines.add(line)
                problems.append(Problem(path, line, bidi_message(where)))
    return sorted(problems, key=lambda problem: problem.line)


def bidi_message(where: str) -> str:
    return (
        f"caractère invisible d'inversion du sens d'écriture {where} (U+202A à U+202E ou "
        "U+2066 à U+2069, souvent collé avec un nom ou une citation) : il retourne le "
        "texte qui suit ; retapez ce texte ou supprimez le caractère"
    )
