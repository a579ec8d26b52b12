"""Tier 1: a promise's front matter to a Promise, or French problems at their line."""

import datetime
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
import yaml
from test_validate import CATALOGUE

from campaign.content.campaigning import Promise
from campaign.content.catalogue import load_promise_statuses
from campaign.content.frontmatter import split
from campaign.content.promises import parse_promise
from campaign.settings import PROMISE_STATUSES, SettingsError, check_promise_statuses

PARIS = ZoneInfo("Europe/Paris")
STATUSES = replace(CATALOGUE, promise_statuses=load_promise_statuses(PROMISE_STATUSES))
VALID = {
    "promise": "Nous ouvrirons 300 places de crèche dans le 13e.",
    "promiser": "Mathilde Cazenave",
    "promise_date": "2020-02-10",
    "status": "compromis",
    "history": [
        {"date": "2021-06-01", "status": "en-cours", "note": "Chantiers lancés."},
        {"date": "2025-09-01", "status": "compromis", "note": "180 places sur 300."},
    ],
    "date": "2026-03-01 09:00",
    "topics": ["logement"],
    "districts": [13],
    "sources": [{"title": "Bilan", "url": "https://example.org/bilan"}],
}


def parsed(values: dict):
    text = "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False) + "---\n"
    front, _, _ = split("content/promises/creches.md", text)
    return parse_promise(front, "creches", STATUSES, PARIS)


def told(result) -> list[tuple[int, str]]:
    assert isinstance(result, list), result
    return [(p.line, p.message) for p in result]


def test_valid_promise():
    promise = parsed(VALID)
    assert isinstance(promise, Promise)
    assert promise.progress.label == "Compromis" and promise.progress.shape == "half"
    assert [step.status.slug for step in promise.history] == ["en-cours", "compromis"]
    assert promise.history[0].date == datetime.date(2021, 6, 1)
    assert promise.title == promise.text and promise.status == "published"
    assert promise.summary == "Compromis : 180 places sur 300."
    assert [d.slug for d in promise.districts] == ["13e"]
    assert parsed({**VALID, "draft": True}).status == "draft"


def test_status_must_be_the_last_step_of_history():
    [(line, message)] = told(parsed({**VALID, "status": "tenue"}))
    assert line == 5  # status:
    assert message.startswith(
        "« status: tenue » ne correspond pas à la dernière étape de « history » "
        "(« compromis », le 2025-09-01)"
    )


def test_without_status_a_promise_is_where_its_last_step_says():
    """The web editor writes the steps only: one status to keep, not two to agree."""
    promise = parsed({k: v for k, v in VALID.items() if k != "status"})
    assert isinstance(promise, Promise) and promise.progress.slug == "compromis"
    missing = told(parsed({k: v for k, v in VALID.items() if k not in ("status", "history")}))
    assert any("« history » doit contenir au moins un élément" in m for _, m in missing)


def test_a_promise_made_after_our_page_about_it_is_refused_at_its_date():
    """The build's and check's date checks (content/validation.dating_problems)."""
    from campaign.content.validation import dating_problems

    history = [{"date": "2026-05-01", "status": "compromis", "note": "Rien encore."}]
    values = {**VALID, "promise_date": "2026-04-01", "history": history}
    text = "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False) + "---\n"
    front, _, _ = split("content/promises/creches.md", text)
    promise = parse_promise(front, "creches", STATUSES, PARIS)
    assert isinstance(promise, Promise), promise
    moment = datetime.datetime(2026, 11, 22, 12, tzinfo=PARIS)
    [problem] = dating_problems(promise, front, moment)
    assert problem.line == 4 and problem.message.startswith(  # promise_date:
        "« promise_date » (2026-04-01) est après la publication (2026-03-01)"
    )
    assert dating_problems(parsed(VALID), front, moment) == []


def test_history_is_ordered_and_after_the_promise():
    history = [
        {"date": "2025-09-01", "status": "en-cours", "note": "A."},
        {"date": "2019-01-01", "status": "compromis", "note": "B."},
    ]
    found = told(parsed({**VALID, "history": history}))
    assert any(
        "« history n° 2 » (2019-01-01) est antérieure à l'étape précédente (2025-09-01)" in m
        for _, m in found
    )
    assert any("précède la promesse elle-même (promise_date : 2020-02-10)" in m for _, m in found)


def test_unknown_statuses_and_keys_are_named():
    history = [{"date": "2021-06-01", "status": "tenu", "note": "A.", "statut": "x"}]
    found = told(parsed({**VALID, "status": "fini", "history": history}))
    messages = " | ".join(m for _, m in found)
    assert "« status » : statut « fini » inconnu ; valeurs possibles : tenue, en-cours" in messages
    assert "« history n° 1 › status » : statut « tenu » inconnu" in messages
    assert "champ « statut » inconnu dans « history n° 1 »" in messages
    assert "champ « promise » obligatoire manquant" in " ".join(
        m for _, m in told(parsed({k: v for k, v in VALID.items() if k != "promise"}))
    )


def test_every_status_has_a_shape_in_the_settings():
    assert {entry["shape"] for entry in PROMISE_STATUSES} == {
        "check",
        "progress",
        "half",
        "cross",
        "pause",
    }
    with pytest.raises(SettingsError, match="forme « star » inconnue"):
        check_promise_statuses([{**PROMISE_STATUSES[0], "shape": "star"}])
    with pytest.raises(SettingsError, match="il manque shape"):
        check_promise_statuses([{k: v for k, v in PROMISE_STATUSES[0].items() if k != "shape"}])
