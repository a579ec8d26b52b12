"""A card worker: `python -m campaign.draw_cards JOB.json`, started by card_batch.

The job names the cache folder and either card specs, or content files to read:
then the worker reads their front matter, validates it as the build does and
draws the card of every published claim and post, while the build converts
Markdown and writes pages. A card drawn for an item the build then refuses costs
only time; a card missed here is drawn by the build.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from . import frontmatter
from .cards import CardSpec, cached_card
from .catalogue import load_catalogue
from .generators import now
from .syndication import card_spec
from .validate import parse_claim, parse_post

PARSERS = {"claim": parse_claim, "post": parse_post}


def specs_from_files(files: list[tuple[str, str]], settings: dict) -> Iterator[CardSpec]:
    """The card of each published, valid item among the (kind, path) files."""
    catalogue, _ = load_catalogue(settings["PATH"], settings["VERDICTS"])
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    moment = now(settings)
    for kind, path in files:
        front, _ = frontmatter.read(path, os.path.relpath(path))
        basename = os.path.splitext(os.path.basename(path))[0]
        item = PARSERS[kind](front, basename, catalogue, zone)
        if isinstance(item, list) or item.status != "published" or item.date > moment:
            continue
        # card_spec takes a page: anything holding the item as `.claim` or `.post`.
        yield card_spec(SimpleNamespace(**{kind: item}), settings)


def main(argv: list[str]) -> int:
    with open(argv[0], encoding="utf-8") as handle:
        job = json.load(handle)
    if "files" in job:
        specs = specs_from_files(job["files"], job["settings"])
    else:
        specs = (CardSpec(**fields) for fields in job["specs"])
    for spec in specs:
        cached_card(spec, job["cache"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
