"""Tier 1: a sheet's front matter to a Sheet, or French problems."""

from zoneinfo import ZoneInfo

from campaign.content.crosscheck import unknown_claims
from campaign.content.frontmatter import parse
from campaign.content.model import Catalogue, Topic
from campaign.content.validate import parse_sheet

PARIS = ZoneInfo("Europe/Paris")

TOPICS = Catalogue((), (Topic("logement", "Logement", "#8a3b12", "Loyers.", "Logement"),), ())


def sheet_front(text: str):
    return parse("logement.md", text, first_line=2)


VALID = """topic: logement
title: "Se loger"
pitch: "Une phrase."
date: 2026-03-20 09:00
key_figures:
  - {value: "1", label: "un", source: "https://www.example.org/1"}
  - {value: "2", label: "deux", source: "https://www.example.org/2"}
  - {value: "3", label: "trois", source: "https://www.example.org/3", publisher: "INSEE"}
arguments: ["Un argument."]
objections:
  - {objection: "« Non. »", answer: "Si.", claim: "loyers-13e"}
"""


def test_a_valid_sheet_is_read_whole():
    sheet = parse_sheet(sheet_front(VALID), "logement", TOPICS, PARIS)
    assert sheet.topic.slug == "logement" and sheet.slug == "logement"
    assert [f.value for f in sheet.key_figures] == ["1", "2", "3"]
    assert sheet.key_figures[2].publisher == "INSEE"
    assert sheet.objections[0].claim == "loyers-13e"
    assert not sheet.derived


def test_sheet_file_must_be_named_after_its_topic():
    problems = parse_sheet(sheet_front(VALID), "logements", TOPICS, PARIS)
    assert [str(p) for p in problems] == [
        "logement.md:2: la fiche du sujet « logement » doit s'appeler logement.md "
        "(fichier : logements) ; renommez le fichier ou corrigez « topic »"
    ]


def test_objection_pointing_to_an_unknown_claim_is_located_with_a_suggestion():
    [problem] = unknown_claims(sheet_front(VALID), {"loyers-12e", "metro"})
    assert problem.line == 12
    assert "aucune vérification « loyers-13e » ; vouliez-vous dire « loyers-12e » ?" in (
        problem.message
    )
    assert unknown_claims(sheet_front(VALID), {"loyers-13e"}) == []


def test_too_many_arguments_and_an_over_long_figure_value():
    text = VALID.replace('arguments: ["Un argument."]', "arguments: [a, b, c, d, e, f, g]").replace(
        'value: "1"', 'value: "1 234 567 890 euros"'
    )
    messages = [p.message for p in parse_sheet(sheet_front(text), "logement", TOPICS, PARIS)]
    assert any("« arguments » en compte 7 ; maximum 6" in m for m in messages)
    assert any(
        "« key_figures n° 1 › value » fait 19 caractères ; maximum 14" in m for m in messages
    )


def test_an_empty_argument_is_told_as_an_empty_line_of_the_list():
    """« ajoutez « arguments n° 1: ... » » was no YAML anyone could write."""
    text = VALID.replace('arguments: ["Un argument."]', 'arguments: ["", "Un argument."]')
    [problem] = parse_sheet(sheet_front(text), "logement", TOPICS, PARIS)
    assert problem.line == 10
    assert problem.message == (
        '« arguments n° 1 » est vide ; écrivez-le entre guillemets après le tiret (- "..."), '
        "ou retirez la ligne"
    )
