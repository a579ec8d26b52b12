"""Tier 1: front matter to domain objects, or French problems; never an exception."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign.content.catalogue import load_verdicts
from campaign.content.frontmatter import split
from campaign.content.model import Catalogue, Claim, District, Post, Problem, Topic
from campaign.content.validate import parse_claim, parse_post
from campaign.settings import VERDICTS

PARIS = ZoneInfo("Europe/Paris")
CATALOGUE = Catalogue(
    verdicts=load_verdicts(VERDICTS),
    topics=(Topic("logement", "Logement", "#8a3b12", "", "Logement"),),
    districts=(
        District("paris-centre", "Paris Centre", (1, 2, 3, 4)),
        District("13e", "13e arrondissement", (13,)),
    ),
)

VALID = {
    "claim": "Le 13e a perdu 2 000 logements sociaux depuis 2020.",
    "claimant": "Hélène Marchetti",
    "verdict": "plutot-faux",
    "summary": "Le parc social du 13e a augmenté.",
    "date": "2026-03-12 09:00",
    "topics": ["logement"],
    "sources": [{"title": "Inventaire", "url": "https://example.org/sru"}],
}


def claim_from(values: dict, basename: str = "logements-13e"):
    text = "---\n" + yaml.safe_dump(values, allow_unicode=True) + "---\nCorps\n"
    front, _, _ = split("content/claims/x.md", text)
    return parse_claim(front, basename, CATALOGUE, PARIS)


def messages(result) -> str:
    assert isinstance(result, list), result
    return "\n".join(str(p) for p in result)


def test_valid_claim_becomes_typed_objects():
    claim = claim_from({**VALID, "districts": [3, "paris-centre", "13e"]})
    assert isinstance(claim, Claim)
    assert claim.verdict.label == "Plutôt faux" and claim.verdict.rating == 2
    # No title: the verdict and the conclusion, never the bare claim (truth first).
    assert claim.title == "Plutôt faux\u00a0: le parc social du 13e a augmenté"
    assert claim.text not in claim.title
    assert claim.date == datetime.datetime(2026, 3, 12, 9, 0, tzinfo=PARIS)
    assert [d.slug for d in claim.districts] == ["paris-centre", "13e"]
    assert claim.claimant.slug == "helene-marchetti"
    assert claim.status == "published" and claim.pin is False


def test_slug_is_the_file_name_whatever_the_title():
    assert claim_from({**VALID, "title": "Un autre titre"}).slug == "logements-13e"
    assert claim_from({**VALID, "slug": "Adresse Choisie"}).slug == "adresse-choisie"


def test_every_missing_required_field_is_reported_at_once():
    text = messages(claim_from({"claim": "Texte."}))
    for field in ("claimant", "verdict", "summary", "date", "topics", "sources"):
        assert f"« {field} »" in text
    assert text.startswith("content/claims/x.md:")


def test_unknown_verdict_lists_the_scale():
    [problem] = claim_from({**VALID, "verdict": "presque-vrai"})
    assert problem.line == 11  # keys are dumped sorted: "verdict" comes last, line 11
    assert "verdict « presque-vrai » inconnu" in problem.message
    assert "vrai, plutot-vrai, trompeur, plutot-faux, faux, inverifiable" in problem.message


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/a", "example.org", "https://"]
)
def test_only_http_links(url):
    result = claim_from({**VALID, "sources": [{"title": "A", "url": url}]})
    assert "« sources n° 1 › url » doit être une adresse web complète" in messages(result)


def test_unknown_topic_and_district_name_the_choices():
    text = messages(claim_from({**VALID, "topics": ["pollution"], "districts": [42]}))
    assert "sujet « pollution » inconnu ; valeurs possibles : logement" in text
    assert "arrondissement « 42 » inconnu ; valeurs possibles : paris-centre, 13e" in text


def test_yaml_booleans_in_text_fields_are_explained():
    text = messages(claim_from({**VALID, "claimant": False}))
    assert "lu comme un booléen" in text


def test_limits_on_length():
    text = messages(
        claim_from({**VALID, "claim": "x" * 281, "summary": "y" * 201, "share": "z" * 257})
    )
    assert "« share » fait 257 caractères ; maximum 256 (le lien ajouté" in text
    assert "« claim » fait 281 caractères ; maximum 280" in text
    assert "« summary » fait 201 caractères ; maximum 200" in text


def test_misspelled_field_suggests_the_right_one():
    assert "vouliez-vous dire « summary »" in messages(claim_from({**VALID, "sumary": "x"}))


def test_sources_corrections_and_figure():
    claim = claim_from(
        {
            **VALID,
            "sources": [
                {
                    "title": "A",
                    "url": "https://example.org/a",
                    "publisher": "INSEE",
                    "date": datetime.date(2025, 6, 1),
                    "archive": "https://web.archive.org/web/2026/https://example.org/a",
                }
            ],
            "corrections": [
                {"date": datetime.date(2026, 3, 15), "note": "Deuxième."},
                {"date": datetime.date(2026, 3, 14), "note": "Première."},
            ],
            "figure": {"value": 12, "label": "écoles"},
            "hashtags": ["#Logement", "Paris13"],
        }
    )
    assert claim.sources[0].date == datetime.date(2025, 6, 1)
    assert [c.note for c in claim.corrections] == ["Première.", "Deuxième."]
    assert claim.figure.value == "12"
    assert claim.hashtags == ("Logement", "Paris13")


def test_bad_correction_and_figure_shapes():
    text = messages(claim_from({**VALID, "corrections": ["oups"], "figure": "25 %"}))
    assert "« corrections n° 1 » doit être un bloc de champs (date: 2026-10-06, note:" in text
    assert "« figure » doit être un bloc de champs (value: ..., label:" in text


def test_post_with_only_required_fields():
    front, _, _ = split("p.md", "---\ntitle: Réunion\ndate: 2026-03-05\nsummary: Résumé.\n---\n")
    post = parse_post(front, "reunion", CATALOGUE, PARIS)
    assert isinstance(post, Post)
    assert post.date == datetime.datetime(2026, 3, 5, tzinfo=PARIS)


def test_a_post_to_share_until_before_it_is_published_is_refused_at_until():
    text = "---\ntitle: Réunion\ndate: 2026-03-05 18:00\nsummary: Résumé.\nuntil: {}\n---\n"
    front, _, _ = split("p.md", text.format("2026-03-04"))
    [problem] = parse_post(front, "reunion", CATALOGUE, PARIS)
    assert problem.line == 5
    assert problem.message.startswith("« until » (2026-03-04) tombe avant « date » (2026-03-05)")
    front, _, _ = split("p.md", text.format("2026-03-05"))  # the day itself: shared that day
    assert parse_post(front, "reunion", CATALOGUE, PARIS).until == datetime.date(2026, 3, 5)


# Any YAML value a writer could type, in any field: the validator must answer
# with a Claim or with problems, never with an exception.
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
field_names = st.sampled_from(sorted(VALID) + ["districts", "figure", "corrections", "pin", "x"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(field_names, yaml_values, max_size=8), st.booleans())
def test_random_front_matter_never_raises(values, start_valid):
    result = claim_from({**VALID, **values} if start_valid else values)
    assert isinstance(result, Claim) or (
        result and all(isinstance(p, Problem) and p.line >= 1 for p in result)
    )
