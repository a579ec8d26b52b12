"""A card worker: `python -m campaign.images.draw_cards CACHE`, started by card_batch.

Reads jobs, one JSON object a line, on its standard input, until the input ends:
{"card": a card spec's fields}, drawn into the cache folder CACHE, or
{"infographic": shapes, "cache": folder}, a sheet's infographic drawn there;
each unless it is there already.
"""

from __future__ import annotations

import json
import sys

from .cache import ensure_card, ensure_infographic
from .cards import CardSpec
from .infographic import drawing_from_json


def main(argv: list[str]) -> int:
    [cache] = argv
    for line in sys.stdin.buffer:
        job = json.loads(line)
        if "card" in job:
            ensure_card(CardSpec(**job["card"]), cache)
        else:
            ensure_infographic(drawing_from_json(job["infographic"]), job["cache"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
