"""Truth first (DESIGN.md): a card, a headline or a share text seen alone leads with
the verdict and the fact; the claim comes after, quoted, labelled and smaller."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from campaign.images.cards import CardSpec, render_card
from campaign.images.truthlayout import truth_layout
from campaign.sharing.share import claim_share_text, fact_line, truth_headline

MYTH = "La moitié des places de stationnement du 19e ont été supprimées."
FACT = fact_line("−14 %", "places de stationnement en surface dans le 19e depuis 2020", "")
LONG_FACT = (
    "Environ 14 % des places en surface du 19e ont été supprimées depuis 2020, et l’offre "
    "souterraine est restée stable : on est loin de la moitié, contrairement à ce qui est dit."
)
LONG_MYTH = " ".join(["Toutes les cours d’école du 14e ont été transformées en cours Oasis."] * 4)
LABEL = "Ce qui a été dit (Hélène Marchetti, 9 octobre 2026) :"


@pytest.mark.parametrize("fact", [FACT, LONG_FACT, "Non."])
@pytest.mark.parametrize("myth", [MYTH, LONG_MYTH])
def test_the_verdict_is_the_largest_text_and_the_myth_the_smallest(fact, myth):
    plan = truth_layout(fact, myth, LABEL)
    assert plan.verdict_size >= plan.fact_size > plan.quote_size
    assert plan.verdict_size > plan.label_size
    # Reading order: the fact under the verdict, the labelled claim after it.
    assert plan.fact_top < plan.label_top < plan.quote_top


def test_the_fact_is_on_the_card_whole_and_the_myth_after_its_label():
    plan = truth_layout(FACT, MYTH, LABEL)
    assert " ".join(plan.fact_lines).replace("\u00a0", " ") == FACT.replace("\u202f", " ")
    assert plan.label.startswith("Ce qui a été dit")
    quote = " ".join(plan.quote_lines)
    assert quote.startswith("«\u00a0La moitié") and quote.endswith("»")


def test_a_long_myth_is_cut_the_fact_is_not():
    plan = truth_layout(FACT, LONG_MYTH, LABEL)
    assert len(plan.quote_lines) == 2 and plan.quote_lines[-1].endswith("…\u00a0»")
    assert "depuis 2020" in " ".join(plan.fact_lines)


def spec(**changes) -> CardSpec:
    fields = dict(
        kind="claim",
        headline="",
        byline="",
        site_name="Paris Passerelles",
        badge_label="Faux",
        badge_colour="#b3192b",
        rating=1,
        fact=FACT,
        quote=MYTH,
        quote_label=LABEL,
    )
    return CardSpec(**{**fields, **changes})


def dark_rows(png: bytes) -> list[int]:
    """Rows of the card's text area holding dark ink (text drawn there)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width = image.width
    pixels = image.load()
    return [
        y
        for y in range(image.height - 84)
        if any(pixels[x, y] < 60 for x in range(80, width - 64, 3))
    ]


def test_a_truth_first_card_draws_the_fact_where_the_layout_says():
    png = render_card(spec())
    plan = truth_layout(FACT, MYTH, LABEL)
    rows = dark_rows(png)
    assert any(plan.fact_top <= y < plan.label_top for y in rows)  # the fact is drawn
    assert any(y >= plan.quote_top for y in rows)  # and the claim, below it
    assert png == render_card(spec())  # same spec, same bytes


def test_a_card_without_quote_keeps_the_headline_layout():
    assert not spec(quote="").truth_first
    assert spec().truth_first
    assert not spec(kind="post", quote=MYTH).truth_first


def test_a_headline_is_verdict_and_conclusion_never_the_claim():
    headline = truth_headline(
        "Plutôt faux",
        "Le parc social du 13e a légèrement augmenté depuis 2020 ; la baisse citée correspond "
        "aux attributions annuelles.",
    )
    assert headline == "Plutôt faux\u00a0: le parc social du 13e a légèrement augmenté depuis 2020"


def test_the_share_text_leads_with_the_fact_then_labels_the_myth():
    text = claim_share_text("Faux", FACT, MYTH, ["Stationnement"], ["ParisPasserelles"])
    assert text.startswith("Faux\u00a0: −14\u202f% places de stationnement")
    assert text.index(FACT) < text.index("Ce qui a été dit") < text.index("La moitié")
    assert text.endswith("#Stationnement #ParisPasserelles")


def test_a_long_myth_is_cut_in_the_share_text_never_the_fact():
    text = claim_share_text("Faux", LONG_FACT.replace(" :", "\u00a0:"), LONG_MYTH, [], [])
    assert len(text) <= 256
    assert "contrairement à ce qui est dit" in text
    assert "…\u00a0»" in text or "Ce qui a été dit" not in text
