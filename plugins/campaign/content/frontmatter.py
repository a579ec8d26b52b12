"""Split a Markdown file into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

import yaml

from .model import FrontMatter, Problem

# The C loader is several times faster than the pure-Python one on large corpora.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FENCE = "---"

# PyYAML's usual complaints, in the words of someone who is not a programmer.
YAML_PROBLEMS = {
    "mapping values are not allowed": "deux-points inattendu dans une valeur",
    "could not find expected ':'": "il manque « : » après un nom de champ",
    "found unexpected end of stream": "guillemet ouvert mais jamais fermé",
    "expected <block end>": "indentation incohérente",
    "did not find expected key": "indentation incohérente",
    "found undefined alias": "« * » en début de texte ; mettez le texte entre guillemets",
    "found character that cannot start any token": (
        "caractère interdit en début de texte (tabulation, @, `) ; indentez avec des "
        "espaces et mettez le texte entre guillemets"
    ),
}


def yaml_problem(error: yaml.MarkedYAMLError) -> str:
    reason = error.problem or "syntaxe invalide"
    for english, french in YAML_PROBLEMS.items():
        if reason.startswith(english):
            return french
    return reason


# Text pasted from a word processor brings characters no page or feed may hold
# (XML refuses them): its line breaks (Shift+Enter is a vertical tab, a page break a
# form feed) become line breaks, the other invisible control characters go (C1's
# too: text decoded from the wrong code page). YAML escapes ("\x19") are cleaned
# in Fields.text, with the same table.
INVISIBLE = {code: None for code in (*range(0, 9), *range(14, 32), *range(127, 160))}
INVISIBLE.update({0x0B: "\n", 0x0C: "\n", 0x2028: "\n", 0x2029: "\n"})


def decode(path: str, data: bytes) -> tuple[str, Problem | None]:
    """Bytes to text, or a problem saying the file is not UTF-8."""
    try:
        return data.decode("utf-8-sig").translate(INVISIBLE), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(
            path,
            line,
            "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 depuis votre éditeur",
        )


def read(path: str, shown: str) -> tuple[FrontMatter, str]:
    """Read a file from disk: its front matter (or the problems) and its body."""
    front, body, _ = read_with_line(path, shown)
    return front, body


def read_with_line(path: str, shown: str) -> tuple[FrontMatter, str, int]:
    """The front matter, the body and the line of the file the body starts on."""
    with open(path, "rb") as handle:
        text, problem = decode(shown, handle.read())
    if problem:
        return FrontMatter(shown, problems=(problem,)), "", 1
    return split(shown, text)


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
    data files.
    """
    loader = _Loader(header)
    try:
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
        reason = yaml_problem(error)
        return _failed(
            path,
            line,
            f"YAML invalide ({reason}) ; vérifiez l'indentation, les deux-points et "
            "mettez entre guillemets les textes qui contiennent « : » ou « # »",
        )
    except yaml.YAMLError as error:
        return _failed(path, first_line, f"YAML invalide ({error})")
    finally:
        loader.dispose()
    if values is None:
        return _failed(path, first_line, "le YAML est vide ; ajoutez les champs obligatoires")
    if not isinstance(values, shape):
        expected = "des champs « clé: valeur »" if shape is dict else "une liste « - ... »"
        return _failed(path, first_line, f"le contenu YAML doit être {expected}")
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    _index_lines(node, "", first_line, lines, problems, path)
    return FrontMatter(path, values, lines, tuple(problems))


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
