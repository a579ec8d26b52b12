"""Tier 1: splitting files and parsing YAML front matter, with line numbers."""

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign.content import frontmatter


def test_values_and_line_of_every_key():
    text = (
        "---\n"
        'claim: "Texte."\n'
        "sources:\n"
        "  - title: A\n"
        "    url: https://a.example.org\n"
        "  - title: B\n"
        "    url: https://b.example.org\n"
        "---\n"
        "Corps\n"
    )
    front, body, body_line = frontmatter.split("x.md", text)
    assert front.problems == ()
    assert front.values["sources"][1]["title"] == "B"
    assert front.line("claim") == 2
    assert front.line("sources", 1, "url") == 7
    assert body == "Corps\n"
    assert body_line == 9


def test_unknown_nested_key_falls_back_to_parent_line():
    front, _, _ = frontmatter.split("x.md", "---\na: 1\nsources:\n  - {}\n---\n")
    assert front.line("sources", 0, "url") == 4


def test_yaml_error_names_the_file_line():
    front, _, _ = frontmatter.split("x.md", "---\nclaim: ok\ntitle: a: b\n---\n")
    [problem] = front.problems
    assert (problem.path, problem.line) == ("x.md", 3)
    assert "YAML invalide" in problem.message


def test_missing_front_matter_is_a_problem_not_a_crash():
    front, body, _ = frontmatter.split("x.md", "Title: Pelican\nDate: 2026-01-01\n\nCorps")
    [problem] = front.problems
    assert problem.line == 1 and "« --- »" in problem.message
    assert body.startswith("Title")


def test_unclosed_and_empty_files():
    assert "non fermé" in frontmatter.split("x.md", "---\na: 1\n")[0].problems[0].message
    assert "vide" in frontmatter.split("x.md", "  \n")[0].problems[0].message
    assert "vide" in frontmatter.split("x.md", "---\n---\n")[0].problems[0].message


def test_front_matter_must_be_a_mapping():
    [problem] = frontmatter.split("x.md", "---\n- a\n- b\n---\n")[0].problems
    assert "clé: valeur" in problem.message


def test_duplicate_key_is_reported_at_its_second_line():
    [problem] = frontmatter.split("x.md", "---\nverdict: vrai\nverdict: faux\n---\n")[0].problems
    assert problem.line == 3 and "deux fois" in problem.message


def test_non_utf8_bytes_name_their_line():
    text, problem = frontmatter.decode("x.md", "---\nclaim: Café\n".encode("latin-1"))
    assert text == "" and problem.line == 2 and "UTF-8" in problem.message


def test_utf8_bom_is_accepted():
    text, problem = frontmatter.decode("x.md", "\ufeff---\n".encode("utf-8"))
    assert problem is None and text == "---\n"


def test_impossible_date_is_a_problem_not_a_crash():
    [problem] = frontmatter.split("x.md", "---\na: 1\nb:\n  - 2025-13-01\n---\n")[0].problems
    assert (problem.line, problem.message[:27]) == (4, "date impossible « 2025-13-0")


# Whatever a writer types between the fences, the answer is values or problems.
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}\"'#&*!|>%@` \t\n0123456789é")), max_size=60))
def test_any_header_text_never_raises(header):
    front, _, _ = frontmatter.split("x.md", f"---\n{header}\n---\n")
    assert isinstance(front.values, dict) or front.problems


def test_a_file_gone_or_unreadable_when_read_is_a_problem_not_a_crash(tmp_path):
    """Listed, then removed (the web editor, a `git pull`) or made unreadable before it
    is read: a French problem at its first line, as for any other file."""
    front, body, line = frontmatter.read_parts(str(tmp_path / "parti.md"), "claims/parti.md")
    assert (front.path, body, line) == ("claims/parti.md", "", 1)
    [problem] = front.problems
    assert problem.line == 1 and "a disparu pendant la lecture" in problem.message
    locked = tmp_path / "ferme.md"
    locked.write_text("---\nclaim: x\n---\n", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads anything: nothing to test here
            return
        [problem] = frontmatter.read_parts(str(locked), "claims/ferme.md")[0].problems
        assert "ne peut pas être lu (droits d'accès)" in problem.message
    finally:
        locked.chmod(0o644)
