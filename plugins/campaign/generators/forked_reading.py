"""Files read by another process while the build reads the others.

A first build of a large campaign reads and converts every file on one core (2.3 s
at 2,000 claims), while the card worker on the other core draws only as fast as
validated files reach it. `ReadingBeside.start` forks a child that reads the
second part of the files Pelican's content cache lacks, through the same reader,
and sends back what the reader returned (HTML and metadata, pickled). The build
reads the first part meanwhile; when it reaches the second (`collect`), it puts
the child's results in its content cache, where reading finds them as it finds an
unchanged file's: each file is still read, validated and fed to the card worker
in the same order, so the output does not depend on who converted which file.

A result carries the file's stamp (a hash of its bytes, or its date: Pelican's
CHECK_MODIFIED_METHOD) taken before the child read it: a file changed since is
read again by the build. A file the child could
not read is read by the build, which meets the same error where it always did.
Only on Linux, and only for a cache the build saves (CACHE_CONTENT).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import sys
import warnings

from pelican.cache import FileDataCacher
from pelican.readers import Readers, _filter_discardable_metadata

from ..content.reader import stamp_again
from ..output.forked import default_processes, die_with_the_build, widen

# Below this many files to read, a process costs more than it saves.
THRESHOLD = 400
# The share of the files the child reads: the build reads the others and also
# validates every file, the child only reads.
CHILD_SHARE = 0.65


class ReadingBeside:
    """At most one child reading files for the build's content cache."""

    def __init__(self, readers: Readers, processes: int | None):
        self.readers = readers
        self.processes = default_processes() if processes is None else processes
        self.pid = 0
        self.fd = -1
        self.paths: set[str] = set()

    def start(self, paths: list[str]) -> None:
        """Fork a child reading the end of `paths` (absolute), those not in the
        content cache, if there are enough of them."""
        readers = self.readers
        if not self.processes or not getattr(readers, "_cache_data_policy", False):
            return
        missing = [path for path in paths if readers.get_cached_data(path) is None]
        if len(missing) < THRESHOLD:
            return
        share = missing[len(missing) - int(len(missing) * CHILD_SHARE) :]
        read, send = os.pipe()
        widen(send)
        sys.stdout.flush()
        sys.stderr.flush()
        gc.freeze()  # see output/forked.py: the collector would copy every page it marks
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # threads: see forked.py
            build = os.getpid()
            pid = os.fork()
        if pid == 0:
            os.close(read)
            die_with_the_build(build)
            self._run_child(send, share)  # never returns
        os.close(send)
        self.pid, self.fd, self.paths = pid, read, set(share)

    def _run_child(self, fd: int, paths: list[str]) -> None:
        status = 1
        try:
            said = Collected()
            logging.getLogger().handlers[:] = [said]
            results = []
            for path in paths:
                stamp = self.readers._get_file_stamp(path)
                try:
                    reader = self.readers.readers[os.path.splitext(path)[1][1:]]
                    content, metadata = reader.read(path)
                except Exception:  # the build reads it and says what is wrong
                    continue
                results.append((path, stamp, (content, _filter_discardable_metadata(metadata))))
            with os.fdopen(fd, "wb") as channel:
                pickle.dump((results, said.records), channel, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)

    def collect(self, path: str) -> None:
        """Before reading `path`: if the child was reading it, take every result of
        the child into the content cache (waiting for it to finish)."""
        if path not in self.paths:
            return
        self.paths = set()
        try:
            with os.fdopen(self.fd, "rb") as channel:
                results, records = pickle.load(channel)
        except (EOFError, pickle.UnpicklingError, OSError, ValueError):
            results, records = [], []  # the child failed: the build reads its files itself
        finally:
            self.fd = -1
            self._wait()
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        for path_read, stamp, data in results:
            # FileDataCacher's, not Readers': the stamp taken before the child read the file.
            FileDataCacher.cache_data(self.readers, path_read, (stamp, data))
        # Looked up next, each is stamped again: one changed meanwhile is read again.
        stamp_again(self.readers, [path_read for path_read, _, _ in results])

    def stop(self) -> None:
        """The build stops reading (an error): so does the child."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._wait()
        self.paths = set()

    def _wait(self) -> None:
        if self.pid:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = 0


class Collected(logging.Handler):
    """In the child: what the reader logged, for the build to log again."""

    def __init__(self):
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))
