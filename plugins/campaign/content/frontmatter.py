"""Split a Markdown file into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

import re

import yaml

from . import limits
from .files import FileTooLarge, NotRegularFile, not_regular_message, read_regular
from .model import FrontMatter, Problem

# The C loader is several times faster than the pure-Python one on large corpora.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FENCE = "---"

# Every reason PyYAML (C or pure Python) gives, by the words it starts with, in the
# words of someone who is not a programmer. A reason not in the table gets the
# general advice alone: never English.
YAML_PROBLEMS = {
    "mapping values are not allowed": "deux-points inattendu dans une valeur",
    "could not find expected ':'": "il manque « : » après un nom de champ",
    "found unexpected end of stream": "guillemet ouvert mais jamais fermé",
    "expected <block end>": "indentation incohérente",
    "did not find expected key": "indentation incohérente",
    "did not find expected '-' indicator": (
        "une liste « - » et des champs « nom: » mélangés au même niveau ; alignez les "
        "« - » d'une même liste et décalez les champs qui en dépendent"
    ),
    "block sequence entries are not allowed": (
        "« - » inattendu : une liste commence à la ligne suivant « nom: »"
    ),
    "found a tab character": "tabulation dans l'indentation ; indentez avec des espaces",
    "found undefined alias": "« * » en début de texte ; mettez le texte entre guillemets",
    "that cannot start any token": (
        "caractère interdit en début de texte (tabulation, @, `, %) ; indentez avec des "
        "espaces et mettez le texte entre guillemets"
    ),
    "expected alphabetic or numeric character": (
        "« & » ou « * » en début de texte ; mettez le texte entre guillemets"
    ),
    "found duplicate anchor": "« & » en début de texte ; mettez le texte entre guillemets",
    "second occurrence": "« & » en début de texte ; mettez le texte entre guillemets",
    "expected '>'": "« ! » en début de texte ; mettez le texte entre guillemets",
    "did not find expected tag uri": "« ! » en début de texte ; mettez le texte entre guillemets",
    "did not find expected whitespace": "« ! » en début de texte ; mettez le texte entre guillemets",
    "could not determine a constructor for the tag": (
        "« ! » en début de texte ; mettez le texte entre guillemets"
    ),
    "found undefined tag handle": "« ! » en début de texte ; mettez le texte entre guillemets",
    "found unknown escape character": (
        "« \\ » entre guillemets doubles ; doublez-le (\\\\) ou mettez le texte entre "
        "guillemets simples"
    ),
    "hexdecimal number": ("« \\x » ou « \\u » entre guillemets doubles ; doublez la barre (\\\\)"),
    "found invalid unicode character escape code": (
        "« \\u » entre guillemets doubles ; doublez la barre (\\\\)"
    ),
    "did not find expected ',' or ']'": (
        "« [ » ouvert mais jamais fermé ; fermez-le par « ] » ou mettez le texte entre guillemets"
    ),
    "did not find expected ',' or '}'": (
        "« { » ouvert mais jamais fermé ; fermez-le par « } » ou mettez le texte entre guillemets"
    ),
    "expected ',' or ']'": "« [ » ouvert mais jamais fermé ; fermez-le par « ] »",
    "expected ',' or '}'": "« { » ouvert mais jamais fermé ; fermez-le par « } »",
    "did not find expected node content": (
        "valeur manquante ou commençant par un caractère réservé ([, {, ], }, |, >) ; "
        "mettez le texte entre guillemets"
    ),
    "expected the node content": (
        "valeur manquante ou commençant par un caractère réservé ; mettez-la entre guillemets"
    ),
    "indentation indicator": "« | » ou « > » suivi d'un 0 ; retirez le 0",
    "did not find expected comment or line break": (
        "texte après « | » ou « > » sur la même ligne ; passez à la ligne"
    ),
    "expected a comment or a line break": "texte après « | » ou « > » ; passez à la ligne",
    "found unexpected ':'": "deux-points inattendu ; mettez le texte entre guillemets",
    "found unexpected document indicator": "ligne « --- » ou « ... » au milieu d'un texte",
    "but found another document": (
        "une ligne « --- » de trop : il n'y a qu'un en-tête par fichier ; retirez-la"
    ),
    "directive": "ligne commençant par « % » ; retirez-la",
    "found incompatible yaml document": "ligne commençant par « % » ; retirez-la",
    "did not find expected <document start>": "ligne commençant par « % » ; retirez-la",
    "expected '<document start>'": "ligne commençant par « % » ; retirez-la",
    "found unhashable key": (
        "nom de champ entre [ ] ou { } ; un nom de champ est un simple mot suivi de « : »"
    ),
    "found unexpected end of": "texte coupé avant la fin ; fermez chaque guillemet, [ et {",
    "expected <document end>": "une ligne « --- » de trop ; retirez-la",
    "control characters are not allowed": (
        "caractère de contrôle invisible (souvent collé depuis un traitement de texte) ; "
        "retapez cette ligne"
    ),
    "special characters are not allowed": (
        "caractère de contrôle invisible (souvent collé depuis un traitement de texte) ; "
        "retapez cette ligne"
    ),
    "invalid leading utf-8 octet": "le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8",
    "invalid trailing utf-8 octet": "le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8",
    "exceeded max depth": "trop de niveaux imbriqués ; simplifiez",
}
# Pure Python's words for the same two reasons (after its more precise ones).
YAML_PROBLEMS["hexadecimal number"] = YAML_PROBLEMS["hexdecimal number"]
YAML_PROBLEMS["expected escape sequence"] = YAML_PROBLEMS["found unknown escape character"]
# Where the reason alone misleads: the pure-Python parser says "expected <block
# end>" where the C one says "did not find expected '-' indicator".
YAML_CONTEXTS = {
    "while parsing a block collection": YAML_PROBLEMS["did not find expected '-' indicator"],
}
GENERAL = "syntaxe invalide"


def yaml_problem(reason: str | None, context: str | None = None) -> str:
    """PyYAML's reason for refusing a text (and where it was), in French."""
    if context in YAML_CONTEXTS:
        return YAML_CONTEXTS[context]
    words = (reason or "").lower()
    for english, french in YAML_PROBLEMS.items():
        if words.startswith(english) or english in words:
            return french
    return GENERAL


# Text pasted from a word processor brings characters no page or feed may hold
# (XML refuses them): its line breaks (Shift+Enter is a vertical tab, a page break a
# form feed) become line breaks, the other invisible control characters go (C1's
# too: text decoded from the wrong code page). YAML escapes ("\x19") are cleaned
# in Fields.text, with the same table.
INVISIBLE = {code: None for code in (*range(0, 9), *range(14, 32), *range(127, 160))}
INVISIBLE.update({0x0B: "\n", 0x0C: "\n", 0x2028: "\n", 0x2029: "\n"})
_INVISIBLE = re.compile("[" + "".join(re.escape(chr(code)) for code in INVISIBLE) + "]")


def visible(text: str) -> str:
    """`text` without INVISIBLE's characters (found at C speed; most texts have none,
    and str.translate with a table looks up every character)."""
    return text.translate(INVISIBLE) if _INVISIBLE.search(text) else text


def decode(path: str, data: bytes) -> tuple[str, Problem | None]:
    """Bytes to text, or a problem saying the file is not UTF-8."""
    try:
        return visible(data.decode("utf-8-sig")), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(
            path,
            line,
            "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 depuis votre éditeur",
        )


def read(path: str, shown: str) -> tuple[FrontMatter, str]:
    """Read a file from disk: its front matter (or the problems) and its body."""
    front, body, _ = read_parts(path, shown)
    return front, body


VANISHED = (
    "ce fichier a disparu pendant la lecture (supprimé ou renommé entre-temps) : "
    "relancez la commande"
)
UNREADABLE = (
    "ce fichier ne peut pas être lu (droits d'accès) : rendez-le lisible "
    "(chmod a+r) ou retirez-le du dossier"
)


def read_parts(path: str, shown: str) -> tuple[FrontMatter, str, int]:
    """Read a file from disk: its front matter, its body and the body's first line.

    Only a plain file of at most MARKDOWN_MAX_BYTES is read (see files.py, limits.py).
    """
    try:
        data = read_regular(path, limits.MARKDOWN_MAX_BYTES)
    except NotRegularFile:
        return _failed(shown, 1, not_regular_message(path)), "", 1
    except FileTooLarge as error:
        return _failed(shown, 1, too_large(error.size, error.limit, "ce fichier")), "", 1
    except FileNotFoundError:  # listed, then removed or renamed (the editor, a git pull)
        return _failed(shown, 1, VANISHED), "", 1
    except PermissionError:
        return _failed(shown, 1, UNREADABLE), "", 1
    text, problem = decode(shown, data)
    if problem:
        return FrontMatter(shown, problems=(problem,)), "", 1
    return split(shown, text)


def too_large(size: int, limit: int, what: str) -> str:
    return (
        f"{what} est trop long ({size // 1024} Ko, au plus {limit // 1024} Ko) : "
        "coupez-le en plusieurs fichiers (les images vont dans content/images/)"
    )


def split(path: str, text: str) -> tuple[FrontMatter, str, int]:
    """Return the front matter, the Markdown body and the body's first line number."""
    if not text.strip():
        return (
            _failed(
                path,
                1,
                "le fichier est vide ; il doit commencer par un en-tête YAML entre deux lignes « --- »",
            ),
            "",
            1,
        )
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != FENCE:
        return (
            _failed(
                path,
                1,
                "en-tête YAML manquant : la première ligne doit être « --- », suivie des "
                "champs (clé: valeur) puis d'une autre ligne « --- »",
            ),
            text,
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in (FENCE, "..."):
            header = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            size = len(header.encode())
            if size > limits.FRONT_MATTER_MAX_BYTES:
                message = too_large(size, limits.FRONT_MATTER_MAX_BYTES, "l'en-tête YAML")
                return _failed(path, 2, message), body, index + 2
            return parse(path, header, first_line=2), body, index + 2
    return (
        _failed(
            path, 1, "en-tête YAML non fermé : ajoutez une ligne « --- » après le dernier champ"
        ),
        "",
        len(lines) + 1,
    )


def parse(path: str, header: str, first_line: int = 1, shape: type = dict) -> FrontMatter:
    """Parse YAML text whose first line is `first_line` of the file.

    `shape` is what the document must be: a mapping for front matter, a list for
    data files. Aliases and deep nesting are refused before anything is built from
    them (see _bounded): the work stays in proportion to the text.
    """
    loader = node = None
    try:
        refused = _bounded(header)
        if refused:
            return _failed(path, first_line + refused[0], refused[1])
        loader = _Loader(header)  # the pure-Python one reads (and may refuse) the text here
        node = loader.get_single_node()
        values = loader.construct_document(node) if node is not None else None
    except ValueError as error:  # a well-formed date that does not exist: 2026-02-30
        line, text = _impossible_date(node) or (0, str(error))
        return _failed(
            path,
            first_line + line,
            f"date impossible « {text} » : ce jour n'existe pas ; corrigez-la (AAAA-MM-JJ)",
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        return _failed(path, line, _invalid(error.problem, error.context))
    except yaml.reader.ReaderError as error:  # a control character, bytes not UTF-8
        line = first_line + header.count("\n", 0, max(error.position, 0))
        return _failed(path, line, _invalid(error.reason))
    except yaml.YAMLError as error:
        return _failed(path, first_line, _invalid(getattr(error, "problem", None)))
    finally:
        if loader is not None:
            loader.dispose()
    if values is None:
        return _failed(path, first_line, "le YAML est vide ; ajoutez les champs obligatoires")
    if not isinstance(values, shape):
        expected = "des champs « clé: valeur »" if shape is dict else "une liste « - ... »"
        return _failed(path, first_line, f"le contenu YAML doit être {expected}")
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    _index_lines(node, "", first_line, lines, problems, path)
    problems += limits.bidi_problems(path, header, first_line, "dans l'en-tête")
    if not problems and "\\" in header:  # a "\u202e" escape, written in quotes
        problems += _escaped_bidi(path, values, FrontMatter(path, values, lines))
    return FrontMatter(path, values, lines, tuple(problems))


def _invalid(reason: str | None, context: str | None = None) -> str:
    return (
        f"YAML invalide ({yaml_problem(reason, context)}) ; vérifiez l'indentation, les deux-points et "
        "mettez entre guillemets les textes qui contiennent « : » ou « # »"
    )


# Only a text holding one of these can nest deeply or hold an alias (indentation
# alone nests no deeper than the 64 KB allowed): the others are parsed at once.
ALIAS = re.compile(r"(?<![^\s\[{,])[&*]\S")
NESTED = re.compile(r"[-?:][ \t]+[-?:][ \t]+[-?:][ \t]|^[ \t]{33,}", re.M)
FLOW = re.compile(r"[\[\]{}]")
FLOW_DEPTH = 8  # brackets inside brackets, counted in the text (quoted ones too)


def _bounded(header: str) -> tuple[int, str] | None:
    """(line, message) if the YAML nests too deeply or uses an alias.

    Read as a stream of events, without building anything: the C parser keeps its
    own stack, where building a document 100,000 levels deep crashes Python, and
    ten nested aliases make a billion values.
    """
    aliases = ("&" in header or "*" in header) and ALIAS.search(header)
    if not aliases and not NESTED.search(header) and _flow_depth(header) <= FLOW_DEPTH:
        return None
    depth, anchors = 0, set()
    loader = _Loader(header)
    try:
        for event in iter(loader.get_event, None):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.YAML_MAX_DEPTH:
                    return event.start_mark.line, (
                        f"trop de niveaux imbriqués (plus de {limits.YAML_MAX_DEPTH}) ; "
                        "simplifiez : une liste de champs dans une liste suffit"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    return None  # undefined: the composer says so, with its message
                return event.start_mark.line, (
                    f"renvoi YAML « *{event.anchor} » refusé (les « & » et « * » répètent "
                    "une valeur) ; recopiez la valeur, ou mettez le texte entre guillemets"
                )
            if getattr(event, "anchor", None):
                anchors.add(event.anchor)
    finally:
        loader.dispose()
    return None


def _flow_depth(header: str) -> int:
    """The deepest « [ » or « { » nesting in the text, quotes not told apart (an upper
    bound: the usual `topics: [logement]` is 1)."""
    depth = deepest = 0
    for bracket in FLOW.findall(header):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _escaped_bidi(path: str, values, front: FrontMatter) -> list[Problem]:
    """Direction characters written as escapes in quoted texts ("\u202e")."""
    problems = []
    for keys, text in _texts(values, ()):
        if limits.BIDI_CONTROLS.search(text):
            problems.append(Problem(path, front.line(*keys), limits.bidi_message("dans l'en-tête")))
    return problems


def _texts(value, keys: tuple):
    """Every text in a YAML value, with the keys leading to it."""
    if isinstance(value, str):
        yield keys, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*keys, index))


def _impossible_date(node) -> tuple[int, str] | None:
    """The line and text of the first timestamp that names no real day."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                return node.start_mark.line, node.value
        return None
    children = (
        node.value
        if isinstance(node, yaml.SequenceNode)
        else [child for pair in node.value for child in pair]
    )
    for child in children:
        found = _impossible_date(child)
        if found:
            return found
    return None


def _index_lines(node, prefix, first_line, lines, problems, path) -> None:
    """Record the line of every mapping key and sequence item under `node`."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            line = first_line + key_node.start_mark.line
            if key in lines:
                problems.append(
                    Problem(
                        path, line, f"le champ « {key} » apparaît deux fois ; gardez-en un seul"
                    )
                )
            lines[key] = line
            _index_lines(value_node, f"{key}.", first_line, lines, problems, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}{index}"
            lines[key] = first_line + item.start_mark.line
            _index_lines(item, f"{key}.", first_line, lines, problems, path)


def _failed(path: str, line: int, message: str) -> FrontMatter:
    return FrontMatter(path, problems=(Problem(path, line, message),))
