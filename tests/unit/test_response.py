"""Tier 1: the right of reply on claims, and the warning when it is missing."""

import datetime
from zoneinfo import ZoneInfo

import yaml
from test_validate import CATALOGUE, VALID

from campaign.content.additions import claim_warnings
from campaign.content.frontmatter import split
from campaign.content.model import WARNING, Claim, Response
from campaign.content.validate import parse_claim

PARIS = ZoneInfo("Europe/Paris")


def parsed(**extra):
    text = "---\n" + yaml.safe_dump({**VALID, **extra}, allow_unicode=True) + "---\nCorps\n"
    front, _, _ = split("content/claims/x.md", text)
    return parse_claim(front, "x", CATALOGUE, PARIS), front


def test_response_with_and_without_reply():
    answered, _ = parsed(response={"contacted": "2026-03-10", "reply": "Je maintiens."})
    silent, _ = parsed(response={"contacted": datetime.date(2026, 3, 10)})
    assert answered.response == Response(datetime.date(2026, 3, 10), "Je maintiens.")
    assert silent.response == Response(datetime.date(2026, 3, 10), "")


def test_response_mistakes_are_errors_at_their_line():
    problems, _ = parsed(response={"contacte": "2026-03-10", "reply": "Oui"})
    messages = [str(p) for p in problems]
    assert any("champ « contacte » inconnu" in m and "« contacted »" in m for m in messages)
    assert any("« response › contacted » manquant" in m for m in messages)
    problems, _ = parsed(response="contactée le 10 mars")
    assert "« response » doit être un bloc de champs" in str(problems[0])


def test_published_claim_without_response_is_a_warning_not_an_error():
    claim, front = parsed()
    assert isinstance(claim, Claim)  # valid: the build takes it
    [warning] = claim_warnings(claim, front)
    assert warning.severity == WARNING
    assert warning.line == front.line("claimant")
    assert str(warning).startswith(
        "content/claims/x.md:3: attention : droit de réponse non renseigné pour Hélène Marchetti"
    )
    draft, front = parsed(status="draft")
    assert claim_warnings(draft, front) == []
    answered, front = parsed(response={"contacted": "2026-03-10"})
    assert claim_warnings(answered, front) == []
