"""Every card of a build, drawn in worker processes while the pages are written.

A first build spends longest on cards; other cores can draw them while the main
process converts Markdown and writes pages. Each card depends on its spec alone
and is stored under its key in the cache, so its bytes never depend on which
process drew it, or when: the build reads them back in its own order, and draws
any card a worker did not.

Workers are plain `python -m campaign.draw_cards JOB.json` processes, not
multiprocessing: nothing is inherited from the build (threads, open files), and a
script that calls Pelican needs no `if __name__ == "__main__"` guard.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict

from .cards import CardSpec, cached_card, card_path

logger = logging.getLogger(__name__)

# Below this many cards to draw, starting a process costs more than it saves.
POOL_THRESHOLD = 100
# The folder holding this package: workers import it from there, as Pelican does.
PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a worker reading content files needs to find the same cards as the build.
WORKER_SETTINGS = (
    "PATH",
    "VERDICTS",
    "TIMEZONE",
    "CAMPAIGN_NOW",
    "CAMPAIGN_CARD_FOOTER",
    "SITENAME",
)


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def default_workers() -> int:
    """One core is the build's own; the others draw cards."""
    return usable_cores() - 1


class CardBatch:
    """The cards of one build: drawn in the background, read back in order."""

    def __init__(self, cache_dir: str, workers: int, threshold: int = POOL_THRESHOLD):
        self.cache_dir, self.workers, self.threshold = cache_dir, workers, threshold
        self.jobs: list[tuple[subprocess.Popen, str]] = []
        self.specs: list[CardSpec] = []

    def read_ahead(self, files: Sequence[tuple[str, str]], settings: dict) -> None:
        """Start workers that read the (kind, path) content files' front matter and draw
        their cards before the build has read them; only when the cache lacks many
        cards (a first build), as each worker reads every file it is given."""
        cached = len(os.listdir(self.cache_dir)) if os.path.isdir(self.cache_dir) else 0
        if self.workers < 1 or len(files) - cached < self.threshold:
            return
        picked = {key: settings[key] for key in WORKER_SETTINGS if key in settings}
        for index in range(self.workers):
            self.start({"files": files[index :: self.workers], "settings": picked})

    def draw(self, specs: Sequence[CardSpec]) -> None:
        """The cards the build needs, in its order. Without workers reading ahead, start
        workers if many of them are missing (a new renderer, a new site name)."""
        self.specs = list(specs)
        if self.jobs:
            return
        missing = list(dict.fromkeys(s for s in specs if not os.path.exists(self.path(s))))
        if self.workers >= 1 and len(missing) >= self.threshold:
            for index in range(self.workers):
                self.start({"specs": [asdict(spec) for spec in missing[index :: self.workers]]})

    def path(self, spec: CardSpec) -> str:
        return card_path(spec, self.cache_dir)

    def start(self, job: dict) -> None:
        """A worker doing `job`, given to it in a temporary file."""
        handle, listing = tempfile.mkstemp(prefix="cartes-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            json.dump({**job, "cache": self.cache_dir}, output)
        path = os.pathsep.join(filter(None, [PLUGINS, os.environ.get("PYTHONPATH")]))
        # Pillow gives each freed image's memory back to the system, and a card is
        # three images: keeping a few blocks spares a worker a second of page faults.
        env = {"PILLOW_BLOCKS_MAX": "16", **os.environ, "PYTHONPATH": path}
        command = [sys.executable, "-m", "campaign.draw_cards", listing]
        worker = subprocess.Popen(command, env=env)
        self.jobs.append((worker, listing))

    def help_workers(self) -> None:
        """Rather than wait for busy workers, draw cards too, from the other end of the
        list: a card drawn twice is the same bytes, written atomically."""
        for spec in reversed(self.specs):
            if all(worker.poll() is not None for worker, _ in self.jobs):
                return
            if not os.path.exists(self.path(spec)):
                cached_card(spec, self.cache_dir)

    def cancel(self) -> None:
        """The build is refused: its workers stop."""
        for worker, listing in self.jobs:
            worker.terminate()
            worker.wait()
            os.unlink(listing)
        self.jobs = []

    def results(self) -> Iterator[bytes]:
        """Each card given to `draw`, in order; a card no worker drew is drawn here."""
        self.help_workers()
        for worker, listing in self.jobs:
            if worker.wait() != 0:
                logger.warning("Images de partage : un processus a échoué, reprise ici")
            os.unlink(listing)
        self.jobs = []
        for spec in self.specs:
            yield cached_card(spec, self.cache_dir)
