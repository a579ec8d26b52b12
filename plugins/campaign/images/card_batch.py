"""Every card of a build, drawn in worker processes while the pages are written.

A first build spends longest on cards; other cores can draw them while the main
process converts Markdown and writes pages. Each card depends on its spec alone
and is stored under its key in the cache, so its bytes never depend on which
process drew it, or when: the build reads them back in its own order, and draws
any card a worker did not.

Workers start with the build when the cache lacks many cards (a first build), and
are given each claim's and post's card as soon as the build has read and
validated the file (`feed`), so they draw while the build converts the rest.

Workers are plain `python -m campaign.images.draw_cards CACHE` processes reading one spec
a line on their standard input, not multiprocessing: nothing is inherited from the
build (threads, open files), and a script that calls Pelican needs no
`if __name__ == "__main__"` guard.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .cache import card_key, card_path, ensure_card, infographic_path
from .cards import CardSpec
from .infographic import Drawing, shapes_to_json

logger = logging.getLogger(__name__)

# Below this many cards to draw, starting a process costs more than it saves.
POOL_THRESHOLD = 100
# The folder holding the campaign package (plugins/): workers import it from there,
# as Pelican does.
PLUGINS = str(Path(__file__).resolve().parents[2])


def usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# The write ends of the workers' inputs, by file descriptor. A worker stops when
# its input ends, that is once every process holding that end has closed it: a
# process forked from the build (output/forked.py) would hold it to its own end,
# and the worker, done with its cards, would wait for it (half a second of a
# first build, the build waiting for the worker meanwhile).
_INPUTS: set[int] = set()


def _let_go_of_inputs() -> None:
    """In a process forked from the build: the workers' inputs are not its own. Each
    is pointed at /dev/null rather than closed, so that the file object naming it
    in the child never closes a descriptor the child has opened since."""
    if not _INPUTS:
        return
    null = os.open(os.devnull, os.O_WRONLY)
    for fd in _INPUTS:
        os.dup2(null, fd, inheritable=False)
    os.close(null)
    _INPUTS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_of_inputs)


def default_workers() -> int:
    """One core is the build's own; the others draw cards."""
    return usable_cores() - 1


class Worker:
    """A worker process and the thread writing jobs to it: a worker draws slower
    than the build reads, and the build must never wait on a full pipe."""

    def __init__(self, cache_dir: str):
        path = os.pathsep.join(filter(None, [PLUGINS, os.environ.get("PYTHONPATH")]))
        # Each card allocates and frees megabytes. By default Pillow gives a freed
        # image's memory back to the system, and so does the C library for any block
        # over 128 KB (the PNG's bytes): each card then faults its memory in again,
        # a second of system time a thousand cards. Keep them (glibc's settings).
        env = {
            "PILLOW_BLOCKS_MAX": "16",
            "MALLOC_MMAP_THRESHOLD_": str(8 << 20),
            "MALLOC_TRIM_THRESHOLD_": str(64 << 20),
            **os.environ,
            "PYTHONPATH": path,
        }
        command = [sys.executable, "-m", "campaign.images.draw_cards", cache_dir]
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE)
        self.input = self.process.stdin.fileno()
        _INPUTS.add(self.input)
        self.lines: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.sender = threading.Thread(target=self.send, daemon=True)
        self.sender.start()

    def send(self) -> None:
        try:
            while (line := self.lines.get()) is not None:
                self.process.stdin.write(line)
            # Forgotten before closed: a fork in between never touches a closed number.
            _INPUTS.discard(self.input)
            self.process.stdin.close()
        except (BrokenPipeError, ValueError):  # stopped by cancel()
            pass

    def give(self, job: dict) -> None:
        """A card ({"card": spec's fields}) or an infographic ({"infographic": shapes,
        "cache": folder}) to draw."""
        self.lines.put(json.dumps(job, ensure_ascii=False).encode("utf-8") + b"\n")

    def done(self) -> None:
        """No more jobs: the worker ends once it has done those given."""
        self.lines.put(None)

    def busy(self) -> bool:
        return self.process.poll() is None

    def wait(self) -> int:
        self.sender.join()
        return self.process.wait()

    def stop(self) -> None:
        self.process.terminate()
        self.done()
        self.wait()


class CardBatch:
    """The cards of one build: drawn in the background, read back in order."""

    def __init__(self, cache_dir: str, workers: int, threshold: int = POOL_THRESHOLD):
        self.cache_dir, self.workers, self.threshold = cache_dir, workers, threshold
        self.jobs: list[Worker] = []
        self.given: set[CardSpec] = set()  # specs given to workers so far
        self.turns = 0  # jobs given so far, each to the next worker in turn
        self.specs: list[CardSpec] = []

    def expect(self, count: int) -> None:
        """About `count` cards are coming (one per content file): start workers now,
        to be fed as files are read, if the cache lacks many of them."""
        cached = len(os.listdir(self.cache_dir)) if os.path.isdir(self.cache_dir) else 0
        if self.workers >= 1 and count - cached >= self.threshold:
            self.start()

    def start(self) -> None:
        os.makedirs(self.cache_dir, exist_ok=True)
        self.jobs = [Worker(self.cache_dir) for _ in range(self.workers)]

    def feed(self, spec: CardSpec) -> None:
        """A card the build will need, to draw now if workers are running (a worker
        skips a card the cache has: workers run when most are missing)."""
        if self.jobs and spec not in self.given:
            # A spec's fields are text and numbers: vars() is asdict() without copying.
            self.give({"card": vars(spec)})
            self.given.add(spec)

    def feed_infographic(self, drawing: Drawing, cache_dir: str) -> None:
        """An infographic the build will need, to draw now if workers are running:
        given after the cards, it is drawn while the build writes pages, before
        the sheets' own are."""
        if self.jobs and not os.path.exists(infographic_path(drawing, cache_dir)):
            self.give({"infographic": shapes_to_json(drawing), "cache": cache_dir})

    def give(self, job: dict) -> None:
        self.jobs[self.turns % len(self.jobs)].give(job)
        self.turns += 1

    def draw(self, specs: Sequence[CardSpec]) -> None:
        """The cards the build needs, in its order. Workers fed while reading get the
        ones still missing (sheets' cards, say); without workers, start them if many
        are missing (a new renderer, a new site name)."""
        self.specs = list(specs)
        missing = list(dict.fromkeys(s for s in specs if not os.path.exists(self.path(s))))
        if not self.jobs and self.workers >= 1 and len(missing) >= self.threshold:
            self.start()
        for spec in missing:
            self.feed(spec)
        for worker in self.jobs:
            worker.done()

    def path(self, spec: CardSpec) -> str:
        return card_path(spec, self.cache_dir)

    def help_workers(self) -> None:
        """Rather than wait for busy workers, draw cards too, from the other end of the
        list: a card drawn twice is the same bytes, written atomically."""
        for spec in reversed(self.specs):
            if not any(worker.busy() for worker in self.jobs):
                return
            ensure_card(spec, self.cache_dir)

    def cancel(self) -> None:
        """The build is refused: its workers stop."""
        for worker in self.jobs:
            worker.stop()
        self.jobs = []

    def keys(self) -> set[str]:
        """The cache's key of every card given to `draw`."""
        return {card_key(spec) for spec in self.specs}

    def results(self) -> Iterator[tuple[str, Callable[[], str]]]:
        """For each card given to `draw`, in order, once the workers are done: a tag
        naming its picture (the cache's key) and a function giving its file in the
        cache, drawn here if no worker drew it."""
        self.help_workers()
        for worker in self.jobs:
            if worker.wait() != 0:
                logger.warning("Images de partage : un processus a échoué, reprise ici")
        self.jobs = []
        for spec in self.specs:
            yield f"carte {card_key(spec)}", functools.partial(ensure_card, spec, self.cache_dir)
