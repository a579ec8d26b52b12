"""Tier 2: cards drawn by worker processes, fed as the build reads each file (the
batch on its own: unit/test_card_workers.py)."""

from pathlib import Path

from campaign.generators.base import (
    ClaimsGenerator,
    DistrictsGenerator,
    PostsGenerator,
    SiteGenerator,
)
from campaign.generators.sharing import SharingGenerator, card_spec
from campaign.generators.sheets import SheetsGenerator
from campaign.images import infographic
from campaign.images.card_batch import CardBatch
from campaign.images.cards import render_card

from conftest import FIXTURES, gather, site_settings

CLASSES = (
    ClaimsGenerator,
    PostsGenerator,
    DistrictsGenerator,
    SiteGenerator,
    SheetsGenerator,
    SharingGenerator,
)


def gather_sharing(tmp_path) -> SharingGenerator:
    """The sharing generator of the fixture site, after every generator gathered."""
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    settings["CAMPAIGN_CARD_WORKERS"] = 2
    return gather(settings, CLASSES)[-1]


def drawn(batch: CardBatch) -> list[bytes]:
    return [Path(cached()).read_bytes() for _, cached in batch.results()]


def test_each_published_claim_and_post_is_fed_as_soon_as_read(tmp_path, monkeypatch):
    fed = []
    monkeypatch.setattr(CardBatch, "feed", lambda self, spec: fed.append(spec))
    sharing = gather_sharing(tmp_path)
    needed = [card_spec(page, sharing.settings) for page in sharing.items]
    assert len(needed) == 6  # drafts and embargoed items have no card
    # Fed while reading, before the sharing generator gathered (and fed the rest).
    assert sorted(fed[: len(needed)], key=repr) == sorted(needed, key=repr)


def test_workers_started_with_the_build_draw_the_same_bytes(tmp_path, monkeypatch):
    batches = []

    def expect(self, count):
        self.start()  # whatever the cache holds: the fixture has few cards
        batches.append(self)

    monkeypatch.setattr(CardBatch, "expect", expect)
    sharing = gather_sharing(tmp_path)
    [batch] = batches
    assert len(batch.jobs) == 2
    specs = [card_spec(page, sharing.settings) for page in sharing.items + sharing.sheets]
    assert batch.given == set(specs)  # 6 while reading, the 3 sheets' after
    assert drawn(batch) == [render_card(s) for s in specs]
    assert len(list(Path(batch.cache_dir).iterdir())) == len(specs)
    # The sheets' infographics too, given after the cards.
    folder = infographic.cache_folder(sharing.settings)
    for page in sharing.sheets:
        path = Path(infographic.png_path(page.drawing, folder))
        assert path.read_bytes() == infographic.to_png(page.drawing)
