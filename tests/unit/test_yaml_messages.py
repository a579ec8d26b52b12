"""Every kind of PyYAML error, from its C parser and its pure-Python one, in French."""

from __future__ import annotations

import re

import pytest
import yaml

from campaign.content import frontmatter

ENGLISH = re.compile(r"\b(found|expected|could not|cannot|while|allowed|undefined|indicator)\b")

# (case, YAML text, words of the French reason): one for each kind of PyYAML error.
KINDS = [
    ("liste et champs mélangés", "- a\nb: c\n", "une liste « - » et des champs"),
    ("tabulation en début", "a:\n\tb: c\n", "tabulation"),
    ("tabulation dans l'indentation", "a: b\n\t- c\n", "tabulation"),
    ("deux-points dans une valeur", "title: a: b\n", "deux-points inattendu"),
    ("deux-points manquant", "a: b\nc\nd: e\n", "il manque « : »"),
    ("renvoi inconnu", "a: *b\n", "« * » en début de texte"),
    ("caractère de contrôle", "a: \x07\n", "caractère de contrôle invisible"),
    ("caractère nul", "a: b\x00\n", "caractère de contrôle invisible"),
    ("crochet non fermé", "a: [b, c\n", "« [ » ouvert mais jamais fermé"),
    ("accolade non fermée", "a: {b: c\n", "« { » ouvert mais jamais fermé"),
    ("guillemet non fermé", 'a: "b\n', "guillemet ouvert mais jamais fermé"),
    ("apostrophe non fermée", "a: 'b\n", "guillemet ouvert mais jamais fermé"),
    ("arobase", "a: @b\n", "caractère interdit en début de texte"),
    ("accent grave", "a: `b\n", "caractère interdit en début de texte"),
    ("pour-cent", "a: %b\n", "caractère interdit en début de texte"),
    ("indentation incohérente", "a:\n  b: c\n d: e\n", "indentation incohérente"),
    ("esperluette seule", "a: &\n", "« & » ou « * » en début de texte"),
    ("étiquette mal formée", "a: !<x\n", "« ! » en début de texte"),
    ("étiquette inconnue", "a: !!python/object:os.system x\n", "« ! » en début de texte"),
    ("étiquette locale", "a: !foo x\n", "« ! » en début de texte"),
    ("directive en double", "%YAML 1.1\n%YAML 1.1\n---\na: b\n", "ligne commençant par « % »"),
    ("deux documents", "a: 1\n---\nb: 2\n", "une ligne « --- » de trop"),
    ("bloc avec zéro", "a: |0\n  b\n", "suivi d'un 0"),
    ("échappement inconnu", 'a: "\\q"\n', "« \\ » entre guillemets doubles"),
    ("échappement hexadécimal", 'a: "\\xZZ"\n', "« \\x » ou « \\u »"),
    ("ancre en double", "a: &x 1\nb: &x 2\n", "« & » en début de texte"),
    ("clé en liste", "? [a]\n: b\n", "nom de champ entre [ ] ou { }"),
    ("liste après des champs", "a: b - c\n- d\n", "indentation incohérente"),
    ("valeur manquante", "a: [b, }]\n", "valeur manquante ou commençant par un caractère réservé"),
    ("texte après |", "a: | x\n  b\n", "texte après « | » ou « > »"),
]

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize(("case", "text", "words"), KINDS, ids=[k[0] for k in KINDS])
def test_every_pyyaml_error_is_told_in_french(monkeypatch, loader, case, text, words):
    monkeypatch.setattr(frontmatter, "_Loader", loader)
    [problem] = frontmatter.parse("x.md", text, first_line=2).problems
    assert problem.message.startswith("YAML invalide (")
    assert words in problem.message, (case, problem.message)
    assert not ENGLISH.search(problem.message), problem.message


def test_the_table_leaves_no_reason_in_english():
    """A reason PyYAML may add later gets the general advice, never its English."""
    assert frontmatter.yaml_problem("found something new") == frontmatter.GENERAL
    assert frontmatter.yaml_problem(None) == frontmatter.GENERAL


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_aliases_and_deep_nesting_are_refused_before_anything_is_built(monkeypatch, loader):
    monkeypatch.setattr(frontmatter, "_Loader", loader)
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
    )
    [problem] = frontmatter.parse("x.md", laughs, first_line=2).problems
    assert (problem.line, problem.message[:25]) == (3, "renvoi YAML « *a » refusé")
    [problem] = frontmatter.parse("x.md", "a: " + "[" * 50_000, first_line=2).problems
    assert "trop de niveaux imbriqués" in problem.message
    [problem] = frontmatter.parse("x.md", "a:\n  " + "- " * 20_000 + "x\n", first_line=2).problems
    assert (problem.line, "trop de niveaux imbriqués" in problem.message) == (3, True)


def test_a_merge_key_is_an_alias_too():
    [problem] = frontmatter.parse("x.md", "a: &x {b: 1}\nc:\n  <<: *x\n").problems
    assert (problem.line, "renvoi YAML « *x » refusé" in problem.message) == (3, True)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("claimant: Jean \u202eDupont\n", 2),
        ('title: ok\nclaimant: "Jean \\u202eDupont"\n', 3),
        ("claim: ok\nsources:\n  - title: a\u2066b\n", 4),
    ],
)
def test_direction_controls_are_refused_at_their_line(text, line):
    [problem] = frontmatter.parse("x.md", text, first_line=2).problems
    assert problem.line == line
    assert "inversion du sens d'écriture" in problem.message


def test_left_to_right_marks_are_left_alone():
    assert not frontmatter.parse("x.md", "claimant: Jean\u200e Dupont\n").problems


def test_front_matter_and_file_sizes_are_bounded(tmp_path):
    header = "".join(f"champ{i}: une valeur\n" for i in range(5000))
    front, _, _ = frontmatter.split("x.md", f"---\n{header}---\n\nTexte\n")
    [problem] = front.problems
    assert problem.line == 2 and "l'en-tête YAML est trop long" in problem.message
    path = tmp_path / "gros.md"
    path.write_text("---\nclaim: x\n---\n" + "mot " * 70_000)
    front, body = frontmatter.read(str(path), "gros.md")
    assert body == "" and "ce fichier est trop long (273 Ko, au plus 256 Ko)" in str(front.problems)
