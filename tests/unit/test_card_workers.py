"""Tier 1: a CardBatch given card specs draws them in worker processes, or itself."""

import os
import signal
import time
import warnings
from pathlib import Path

from campaign.images.card_batch import CardBatch
from campaign.images.cards import CardSpec, render_card


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


def drawn(batch: CardBatch) -> list[bytes]:
    return [Path(cached()).read_bytes() for _, cached in batch.results()]


def test_workers_given_specs_draw_the_same_bytes_in_the_same_order(tmp_path):
    specs = [spec(number) for number in range(9)]
    specs.append(specs[0])  # the same card twice is drawn once
    batch = CardBatch(str(tmp_path), workers=2, threshold=0)
    batch.draw(specs)
    assert len(batch.jobs) == 2
    assert drawn(batch) == [render_card(s) for s in specs]
    assert len(list(tmp_path.iterdir())) == 9


def test_a_few_cards_are_drawn_by_the_build_itself(tmp_path):
    batch = CardBatch(str(tmp_path), workers=2)
    batch.expect(1)
    batch.feed(spec(1))
    batch.draw([spec(1)])
    assert not batch.jobs
    assert drawn(batch) == [render_card(spec(1))]


def test_a_refused_build_stops_its_workers(tmp_path):
    batch = CardBatch(str(tmp_path), workers=1, threshold=0)
    batch.draw([spec(number) for number in range(200)])
    [worker] = batch.jobs
    batch.cancel()
    assert worker.process.returncode is not None and not batch.jobs


def test_a_process_forked_from_the_build_does_not_keep_a_worker_waiting(tmp_path):
    """A worker ends when its input does: a process forked from the build (a page
    writer, output/forked.py) must not hold that input open until its own end."""
    batch = CardBatch(str(tmp_path), workers=1, threshold=0)
    batch.start()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking beside the feeder
        child = os.fork()
    if child == 0:  # a page writer, still busy when the worker is done
        time.sleep(20)
        os._exit(0)
    try:
        batch.draw([spec(1)])
        [worker] = batch.jobs
        assert worker.wait() == 0
        assert os.waitpid(child, os.WNOHANG) == (0, 0), "the worker waited for the child"
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert drawn(batch) == [render_card(spec(1))]
