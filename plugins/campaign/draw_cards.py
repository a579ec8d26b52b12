"""A card worker: `python -m campaign.draw_cards CACHE`, started by card_batch.

Reads card specs, one JSON object a line, on its standard input, and draws each
into the cache folder CACHE unless it is there already, until the input ends.
"""

from __future__ import annotations

import json
import sys

from .cards import CardSpec, ensure_card


def main(argv: list[str]) -> int:
    [cache] = argv
    for line in sys.stdin.buffer:
        ensure_card(CardSpec(**json.loads(line)), cache)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
