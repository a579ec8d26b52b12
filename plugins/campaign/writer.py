"""Output files are written only when their bytes change.

A rebuild after one edit renders every page again, but only a handful differ from
what is on disk: leaving the others untouched saves rewriting thousands of files
(on ext4, rewriting a file in place waits for the disk), and keeps their dates, so
a deploy or a sync tool sends only what changed.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable

from pelican.writers import Writer


def unchanged(path: str, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data`."""
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except FileNotFoundError:
        return False


def write_if_changed(path: str, data: bytes) -> None:
    if not unchanged(path, data):
        with open(path, "wb") as handle:
            handle.write(data)


class PendingText(io.StringIO):
    """A text file being written: on closing, its bytes go to `finish(path, data)`."""

    def __init__(self, path: str, encoding: str, finish: Callable[[str, bytes], None]):
        super().__init__()
        self.path, self.target_encoding, self.finish = path, encoding, finish

    def close(self) -> None:
        if not self.closed:
            text = self.getvalue().replace("\n", os.linesep)  # as open(path, "w") would
            self.finish(self.path, text.encode(self.target_encoding))
        super().close()


class KeepUnchangedWriter(Writer):
    """Pelican's writer, leaving a file alone when its new content is the same.

    `listeners` are told the path and bytes of every text file written, changed or
    not (the search index watches for its pages this way).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.listeners: list[Callable[[str, bytes], None]] = []

    def _open_w(self, filename, encoding, override=False):
        # Where Pelican 4.12 refuses a second write of a file, or skips it, it does so.
        if filename in self._overridden_files or (filename in self._written_files and not override):
            return super()._open_w(filename, encoding, override)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return PendingText(filename, encoding, self.finish)

    def finish(self, path: str, data: bytes) -> None:
        write_if_changed(path, data)
        for listener in self.listeners:
            listener(path, data)


def get_writer(pelican_object):
    return KeepUnchangedWriter
