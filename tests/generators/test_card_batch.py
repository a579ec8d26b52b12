"""Tier 2: cards drawn by worker processes, fed as the build reads each file (the
batch on its own: unit/test_card_workers.py)."""

from pathlib import Path

from campaign.images import infographic
from campaign.images.cache import infographic_folder, infographic_path
from campaign.images.card_batch import CardBatch
from campaign.images.cards import render_card
from campaign.sharing.items import card_spec

from conftest import FIXTURES, gather, site_settings


def gather_site(tmp_path):
    """The fixture site's state, with two card workers, and its settings."""
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    settings["CAMPAIGN_CARD_WORKERS"] = 2
    campaign, _ = gather(settings)
    return campaign, settings


def specs_of(pages, settings) -> list:
    return [card_spec(page.kind, page.item, settings) for page in pages]


def drawn(batch: CardBatch) -> list[bytes]:
    return [Path(cached()).read_bytes() for _, cached in batch.results()]


def test_each_published_claim_and_post_is_fed_as_soon_as_read(tmp_path, monkeypatch):
    fed = []
    monkeypatch.setattr(CardBatch, "feed", lambda self, spec: fed.append(spec))
    campaign, settings = gather_site(tmp_path)
    needed = specs_of(campaign.items, settings)
    assert len(needed) == 6  # drafts and embargoed items have no card
    # Fed while reading, before the state was assembled (and the rest fed).
    assert sorted(fed[: len(needed)], key=repr) == sorted(needed, key=repr)


def test_workers_started_with_the_build_draw_the_same_bytes(tmp_path, monkeypatch):
    batches = []

    def expect(self, count):
        self.start()  # whatever the cache holds: the fixture has few cards
        batches.append(self)

    monkeypatch.setattr(CardBatch, "expect", expect)
    campaign, settings = gather_site(tmp_path)
    [batch] = batches
    assert len(batch.jobs) == 2
    specs = specs_of(campaign.carded, settings)
    assert batch.given == set(specs)  # 6 while reading, the 3 sheets' after
    assert drawn(batch) == [render_card(s) for s in specs]
    assert len(list(Path(batch.cache_dir).iterdir())) == len(specs)
    # The sheets' infographics too, given after the cards.
    folder = infographic_folder(settings)
    for page in campaign.sheets:
        path = Path(infographic_path(page.drawing, folder))
        assert path.read_bytes() == infographic.to_png(page.drawing)
