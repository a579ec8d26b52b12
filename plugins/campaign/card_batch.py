"""Every card of a build, drawn in worker processes while the pages are written.

A cold build spends most of its time drawing cards, one core at a time; other cores
can draw them while the main process writes pages and feeds. Each card depends on
its spec alone and is stored under its key in the cache, so its bytes never depend
on which process drew it, or when: the build reads them back in the caller's order.
"""

from __future__ import annotations

import multiprocessing
import os
import site
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from .cards import CardSpec, cached_card, card_path

# Below this many cards to draw, starting processes costs more than it saves.
POOL_THRESHOLD = 100
# Cards per task: enough to amortise the hand-over, few enough to share the work evenly.
CHUNK = 25


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def draw_into_cache(specs: Sequence[CardSpec], cache_dir: str) -> None:
    """Draw and store each card: the work of one task in a worker process."""
    for spec in specs:
        cached_card(spec, cache_dir)


class CardBatch:
    """Cards for `specs`, started at once in the background, read back in order."""

    def __init__(
        self,
        specs: Sequence[CardSpec],
        cache_dir: str,
        workers: int,
        threshold: int = POOL_THRESHOLD,
    ):
        self.specs, self.cache_dir = list(specs), cache_dir
        self.tasks: list[Future] = []
        missing = [
            spec
            for spec in dict.fromkeys(self.specs)
            if not os.path.exists(card_path(spec, cache_dir))
        ]
        if workers > 1 and len(missing) >= threshold:
            self.tasks = self.start(missing, workers)

    def start(self, missing: list[CardSpec], workers: int) -> list[Future]:
        # "spawn": a fresh interpreter per worker, nothing inherited from the build
        # (threads of `make serve`, open files), the same on every system.
        context = multiprocessing.get_context("spawn")
        # Pelican loads plugins from PLUGIN_PATHS without putting them on sys.path:
        # a worker needs their folder to import this module.
        plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        executor = ProcessPoolExecutor(
            workers, mp_context=context, initializer=site.addsitedir, initargs=(plugins,)
        )
        tasks = [
            executor.submit(draw_into_cache, missing[start : start + CHUNK], self.cache_dir)
            for start in range(0, len(missing), CHUNK)
        ]
        executor.shutdown(wait=False)  # the workers leave once every task is done
        return tasks

    def results(self) -> Iterator[bytes]:
        """Each spec's PNG, in order; cards not drawn in the background are drawn here."""
        for task in self.tasks:
            task.result()  # a worker's error is raised here
        for spec in self.specs:
            yield cached_card(spec, self.cache_dir)
