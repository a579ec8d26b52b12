"""Tier 1: the folder of cards does not grow with every edit (images/cache.py)."""

import json
import os
import time

from campaign.images import cache


def card(folder, key: str, drawn_ago: float = 7200) -> None:
    path = folder / f"{key}.png"
    path.write_bytes(b"\x89PNG")
    moment = time.time() - drawn_ago
    os.utime(path, (moment, moment))


def test_cards_used_now_and_last_stay_the_others_go(tmp_path):
    for key in "abcdef":
        card(tmp_path, key)
    card(tmp_path, "g", drawn_ago=60)  # just drawn: another build's, maybe
    now = time.time()
    record = {"c": now - 100, "d": now - 5000, "e": now - 9000}  # f: never recorded
    (tmp_path / cache.USAGE_FILE).write_text(json.dumps(record), encoding="utf-8")
    cache.forget_unused_cards(str(tmp_path), {"a", "b"})
    # a, b used now; of the others, as many as used (two), those used last: c, d;
    # g drawn a minute ago. e (used long ago) and f (drawn long ago, never recorded) go.
    kept = sorted(path.stem for path in tmp_path.glob("*.png"))
    assert kept == ["a", "b", "c", "d", "g"]
    written = json.loads((tmp_path / cache.USAGE_FILE).read_text(encoding="utf-8"))
    assert sorted(written) == ["a", "b", "c", "d"]
    assert written["a"] >= now and written["c"] == record["c"]


def test_an_unreadable_record_is_started_again(tmp_path):
    card(tmp_path, "a")
    card(tmp_path, "b")
    (tmp_path / cache.USAGE_FILE).write_text("{pas du JSON", encoding="utf-8")
    cache.forget_unused_cards(str(tmp_path), {"a"})
    assert sorted(path.stem for path in tmp_path.glob("*.png")) == ["a", "b"]  # one other
    assert sorted(json.loads((tmp_path / cache.USAGE_FILE).read_text())) == ["a"]


def test_a_build_that_drew_no_card_has_nothing_to_forget(tmp_path):
    """Nothing published yet (every claim embargoed): no folder of cards was made,
    and the build must not stop on listing it (found by test_property)."""
    cache.forget_unused_cards(str(tmp_path / "cartes"), set())
    assert not (tmp_path / "cartes").exists()
