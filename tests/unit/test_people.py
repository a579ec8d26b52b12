"""Tier 1: who is who (content/data/claimants.yaml), the claimant of a claim, and the
ClaimReview author carrying the role."""

import shutil
from zoneinfo import ZoneInfo

import yaml

from campaign.content.catalogue import load_catalogue
from campaign.content.frontmatter import split
from campaign.content.model import Claim
from campaign.content.validate import parse_claim
from campaign.settings import VERDICTS
from campaign.sharing.schema import claim_review

from conftest import FIXTURES

PARIS = ZoneInfo("Europe/Paris")
CLAIM = {
    "claim": "Le 13e a perdu 2 000 logements sociaux depuis 2020.",
    "verdict": "plutot-faux",
    "summary": "Le parc social du 13e a augmenté.",
    "date": "2026-03-12 09:00",
    "topics": ["logement"],
    "sources": [{"title": "Inventaire", "url": "https://example.org/sru"}],
}
PEOPLE = """\
- slug: helene-marchetti
  name: Hélène Marchetti
  role:
    list: Renouveau parisien
    party: Les Centristes de Paris
    office: tête de liste
  same_as: https://www.wikidata.org/wiki/Q1
- name: Camille Arnoult
  role: {list: Paris Passerelles}
"""


def content_with(tmp_path, claimants: str | None):
    """A content folder with the fixture's topics and districts, and `claimants`."""
    (tmp_path / "data").mkdir()
    for name in ("topics.yaml", "districts.yaml"):
        shutil.copy(FIXTURES / "site" / "data" / name, tmp_path / "data" / name)
    if claimants is not None:
        (tmp_path / "data" / "claimants.yaml").write_text(claimants, encoding="utf-8")
    return tmp_path


def catalogue_of(tmp_path, claimants: str | None):
    return load_catalogue(str(content_with(tmp_path, claimants)), VERDICTS)


def claim_by(catalogue, claimant: str, **extra):
    text = "---\n" + yaml.safe_dump({**CLAIM, "claimant": claimant, **extra}, allow_unicode=True)
    front, _, _ = split("content/claims/x.md", text + "---\nCorps\n")
    return parse_claim(front, "x", catalogue, PARIS)


def test_entries_are_read_with_their_role(tmp_path):
    catalogue, problems = catalogue_of(tmp_path, PEOPLE)
    assert problems == []
    marchetti, arnoult = catalogue.claimants
    assert marchetti.role.label == (
        "tête de liste, liste « Renouveau parisien », Les Centristes de Paris"
    )
    assert marchetti.url == "https://www.wikidata.org/wiki/Q1"
    assert arnoult.slug == "camille-arnoult"  # from the name when no slug is given
    assert arnoult.role.label == "liste « Paris Passerelles »"


def test_every_mistake_of_the_file_is_located_in_french(tmp_path):
    people = """\
- slug: helene-marchetti
  name: Hélène Marchetti
  rôle: {list: Renouveau parisien}
- slug: helene-marchetti
  name: Hélène Marchetti II
  role: {list: Renouveau parisien, mandat: maire}
  same_as: wikidata Q1
- slug: Camille Arnoult
  name: Hélène Marchetti
  role: {}
"""
    _, problems = catalogue_of(tmp_path, people)
    assert problems and all(p.path.endswith("data/claimants.yaml") for p in problems)

    def told(line: int, *texts: str) -> bool:
        return any(p.line == line and all(t in p.message for t in texts) for p in problems)

    assert told(3, "champ « rôle » inconnu", "vouliez-vous dire « role »")
    assert any("« role » manquant" in p.message for p in problems)
    assert told(4, "identifiant « helene-marchetti » en double")
    assert told(6, "champ « mandat » inconnu", "list, party, office")
    assert told(7, "« same_as » doit être une adresse web complète")
    assert told(8, "identifiant « Camille Arnoult » invalide", "« camille-arnoult »")
    assert told(9, "« Hélène Marchetti » apparaît deux fois")
    assert told(10, "« role » est vide")


def test_claimant_is_matched_by_name_or_slug_and_gets_the_role(tmp_path):
    catalogue, _ = catalogue_of(tmp_path, PEOPLE)
    by_name = claim_by(catalogue, "Hélène Marchetti")
    by_slug = claim_by(catalogue, "helene-marchetti")
    assert isinstance(by_name, Claim) and isinstance(by_slug, Claim)
    assert by_name.claimant == by_slug.claimant == catalogue.claimants[0]
    assert by_slug.claimant.name == "Hélène Marchetti"  # the file's spelling


def test_unknown_claimant_is_refused_with_the_closest_name(tmp_path):
    catalogue, _ = catalogue_of(tmp_path, PEOPLE)
    problems = claim_by(catalogue, "Hélène Marchety")
    assert isinstance(problems, list)
    [problem] = problems
    assert problem.line == 3  # "---", then claim:, then claimant: (sorted keys)
    assert problem.message.startswith(
        "« Hélène Marchety » n'est pas dans data/claimants.yaml ; "
        "vouliez-vous dire « Hélène Marchetti » ?"
    )


def test_without_the_file_names_are_taken_as_written(tmp_path):
    catalogue, problems = catalogue_of(tmp_path, None)
    assert problems == [] and catalogue.claimants is None
    claim = claim_by(catalogue, "Quelqu'un d'autre", claimant_url="https://example.org/q")
    assert isinstance(claim, Claim)
    assert claim.claimant.slug == "quelqu-un-d-autre" and not claim.claimant.role
    assert claim.claimant.url == "https://example.org/q"


def test_claim_review_author_carries_role_and_reference(tmp_path):
    catalogue, _ = catalogue_of(tmp_path, PEOPLE)
    claim = claim_by(catalogue, "Hélène Marchetti")
    data = claim_review(claim, "https://x.org/vrai-du-faux/x/", {"SITENAME": "S", "SITEURL": ""})
    assert data["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Hélène Marchetti",
        "jobTitle": "tête de liste",
        "affiliation": [
            {"@type": "Organization", "name": "Renouveau parisien"},
            {"@type": "Organization", "name": "Les Centristes de Paris"},
        ],
        "sameAs": "https://www.wikidata.org/wiki/Q1",
    }
