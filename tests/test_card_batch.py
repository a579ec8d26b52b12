"""Tier 2: cards drawn by worker processes, ahead of the build or from its specs."""

import pytest

from campaign.card_batch import CardBatch
from campaign.cards import CardSpec, render_card
from campaign.draw_cards import specs_from_files
from campaign.generators import ClaimsGenerator, DistrictsGenerator, PostsGenerator, SiteGenerator
from campaign.sheets import SheetsGenerator
from campaign.syndication import SharingGenerator, card_spec

from conftest import FIXTURES, gather, site_settings


@pytest.fixture
def sharing(tmp_path):
    """The sharing generator of the fixture site, after every generator gathered."""
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    classes = (
        ClaimsGenerator,
        PostsGenerator,
        DistrictsGenerator,
        SiteGenerator,
        SheetsGenerator,
        SharingGenerator,
    )
    return gather(settings, classes)[-1]


def spec(number: int) -> CardSpec:
    return CardSpec(
        kind="claim",
        headline=f"Affirmation numéro {number}.",
        byline="Hélène Marchetti",
        site_name="Le Vrai du Faux",
        badge_label="Faux",
        badge_colour="#b0182a",
        rating=1 + number % 5,
    )


def test_reading_ahead_finds_exactly_the_cards_the_build_needs(sharing):
    ahead = list(specs_from_files(sharing.content_files(), sharing.settings))
    needed = [card_spec(page, sharing.settings) for page in sharing.items]
    assert len(needed) == 6  # drafts and embargoed items have no card
    assert sorted(ahead, key=repr) == sorted(needed, key=repr)


def test_workers_reading_ahead_draw_the_same_bytes(sharing, tmp_path):
    batch = CardBatch(str(tmp_path / "cartes"), workers=2, threshold=0)
    batch.read_ahead(sharing.content_files(), sharing.settings)
    assert len(batch.jobs) == 2
    specs = [card_spec(page, sharing.settings) for page in sharing.items]
    batch.draw(specs)
    assert list(batch.results()) == [render_card(s) for s in specs]
    assert len(list((tmp_path / "cartes").iterdir())) == 6


def test_workers_given_specs_draw_the_same_bytes_in_the_same_order(tmp_path):
    specs = [spec(number) for number in range(9)]
    specs.append(specs[0])  # the same card twice is drawn once
    batch = CardBatch(str(tmp_path), workers=2, threshold=0)
    batch.draw(specs)
    assert len(batch.jobs) == 2
    assert list(batch.results()) == [render_card(s) for s in specs]
    assert len(list(tmp_path.iterdir())) == 9


def test_a_few_cards_are_drawn_by_the_build_itself(tmp_path):
    batch = CardBatch(str(tmp_path), workers=2)
    batch.read_ahead([("claim", "velo.md")], {})
    batch.draw([spec(1)])
    assert not batch.jobs
    assert list(batch.results()) == [render_card(spec(1))]


def test_a_refused_build_stops_its_workers(tmp_path):
    batch = CardBatch(str(tmp_path), workers=1, threshold=0)
    batch.draw([spec(number) for number in range(200)])
    [(worker, _)] = batch.jobs
    batch.cancel()
    assert worker.returncode is not None and not batch.jobs
