"""Output files are written only when their bytes change.

A rebuild after one edit renders every page again, but only a handful differ from
what is on disk: leaving the others untouched saves rewriting thousands of files
(on ext4, rewriting a file in place waits for the disk), and keeps their dates, so
a deploy or a sync tool sends only what changed.

Nor are the unchanged files read back to be compared: the writer keeps a record
of what it wrote (see OutputRecord), and a file whose size and date are those it
left, with the same content tag, is known to hold the same bytes.

A page may go further and not be rendered at all: when its generator can name
everything the page is made from (see `KeepUnchangedWriter.reuse`), the record
keeps that name beside the file, and a later build finding the same name and the
file untouched keeps it as it is.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable

from pelican.utils import sanitised_join
from pelican.writers import Writer

from .forked import ForkedWriting

# Bumped when the record's layout changes: an older record is then ignored.
RECORD_VERSION = 2


def write_if_changed(path: str, data: bytes) -> None:
    """Write `data` at `path` unless the file holds exactly that. A file linked to
    another (a cached image, see `link_into_place`) is replaced, never written into."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    if status is not None:
        if status.st_size == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return
        if status.st_nlink > 1:
            os.unlink(path)
    with open(path, "wb") as handle:
        handle.write(data)


def same_file(path: str, source: str) -> bool:
    """Whether `path` holds what `source` does: the same file, or the same bytes."""
    try:
        if os.path.samefile(path, source):
            return True
        if os.path.getsize(path) != os.path.getsize(source):
            return False
    except FileNotFoundError:
        return False
    with open(path, "rb") as one, open(source, "rb") as other:
        return one.read() == other.read()


def link_into_place(source: str, path: str) -> None:
    """Put the file `source` at `path` (in an existing folder), as a link to it where
    possible, atomically: whatever was at `path` is replaced, never written into."""
    temporary = f"{path}.nouveau"
    try:
        os.link(source, temporary)
    except FileExistsError:  # left by a build stopped here, maybe a link to the cache
        os.unlink(temporary)
        link_into_place(source, path)
        return
    except OSError:  # another file system: a copy
        shutil.copyfile(source, temporary)
    os.replace(temporary, path)


def content_tag(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class OutputRecord:
    """What the last build wrote below one output folder: for each file (by its path
    from the folder), its size, its modification time in nanoseconds, a tag of its
    content (a hash of its bytes, or the name of the cached image it copies) and,
    for a page rendered from known inputs, a hash of those inputs (else "").

    Kept in the cache, one file per output folder. A file edited or replaced since
    has another date; a missing or unreadable record only means files are compared
    byte for byte, as on a first build. Only the files of the current build are
    recorded: a file no longer written drops out.
    """

    def __init__(self, output_path: str, cache_path: str):
        self.output_path = output_path
        self.prefix = os.path.join(os.path.abspath(output_path), "")
        self.path = record_path(output_path, cache_path)
        self.previous: dict[str, list] = {}
        self.current: dict[str, list] = {}
        try:
            with open(self.path, encoding="utf-8") as handle:
                record = json.load(handle)
            if record.get("version") == RECORD_VERSION:
                self.previous = record["files"]
        except (OSError, ValueError, KeyError, AttributeError):
            pass

    def key(self, path: str) -> str:
        """The path from the output folder (paths here are absolute, made by
        sanitised_join; os.path.relpath costs 30 µs a call)."""
        return path[len(self.prefix) :] if path.startswith(self.prefix) else path

    def size_if_unchanged(self, path: str, tag: str, inputs: str = "") -> int | None:
        """The file's size if it still holds the content tagged `tag`, else None.
        The file is then recorded as made from `inputs`."""
        entry = self.untouched(path)
        if entry is None or entry[2] != tag:
            return None
        self.current[self.key(path)] = [*entry[:3], inputs]
        return entry[0]

    def tag_if_rendered_from(self, path: str, inputs: str) -> str | None:
        """The file's content tag if the last build rendered it from `inputs` and it is
        untouched since, else None. The file is then recorded as is."""
        entry = self.untouched(path)
        if entry is None or not inputs or entry[3] != inputs:
            return None
        self.current[self.key(path)] = entry
        return entry[2]

    def untouched(self, path: str) -> list | None:
        """The last build's entry for the file, if the file has its size and date."""
        entry = self.previous.get(self.key(path))
        if entry is None:
            return None
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return None
        if [status.st_size, status.st_mtime_ns] != entry[:2]:
            return None
        return entry

    def wrote(self, path: str, tag: str, inputs: str = "") -> int:
        """Record the file just written at `path`; returns its size."""
        status = os.stat(path)
        self.current[self.key(path)] = [status.st_size, status.st_mtime_ns, tag, inputs]
        return status.st_size

    def save(self) -> None:
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        temporary = f"{self.path}.nouveau"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"version": RECORD_VERSION, "files": self.current}, handle)
        os.replace(temporary, self.path)


def record_path(output_path: str, cache_path: str) -> str:
    """The file of the cache holding the record of the output folder `output_path`."""
    name = hashlib.sha256(os.path.abspath(output_path).encode()).hexdigest()[:16]
    return os.path.join(cache_path, f"sorties-{name}.json")


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

    `listeners` are told the path and content tag of every text file written,
    changed or not, or kept unrendered (the search index watches for its pages this
    way); `closers` run when the build ends (`close`, called by the last generator).
    Pages handed to `write_elsewhere` may be written by another process
    (forked.py): its files are told and recorded here all the same.
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.record = OutputRecord(output_path, self.settings["CACHE_PATH"])
        self.listeners: list[Callable[[str, str], None]] = []
        self.closers: list[Callable[[], None]] = []
        self.folders: set[str] = set()  # output folders known to exist
        self.inputs: dict[str, str] = {}  # path: inputs of the page being rendered there
        self.forks = ForkedWriting(self, self.settings.get("CAMPAIGN_WRITING_PROCESSES"))
        # In a writing process: where what it tells goes (see forked.py), and the
        # files the build had written when it was forked.
        self.to_build: Callable[[list], None] | None = None
        self.inherited: set[str] = set()

    def _open_w(self, filename, encoding, override=False):
        # Where Pelican 4.12 refuses a second write of a file, or skips it, it does so.
        if filename in self._overridden_files or (filename in self._written_files and not override):
            return super()._open_w(filename, encoding, override)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return PendingText(filename, encoding, self.finish)

    def finish(self, path: str, data: bytes) -> None:
        tag = content_tag(data)
        self.write_and_record(path, data, tag)
        self.tell(path, tag)
        self.forks.drain()  # what the writing processes did meanwhile

    def tell(self, path: str, tag: str) -> None:
        if self.to_build is not None:
            self.to_build(["told", path, tag])
            return
        for listener in self.listeners:
            listener(path, tag)

    def write_elsewhere(
        self, what: str, items, write: Callable, whatever_the_count: bool = False
    ) -> None:
        """`write(item)` for every item, maybe in another process while this one goes
        on (see forked.py): for many pages that need nothing written before them.
        `what` names them in a message if that process fails."""
        self.forks.write(what, items, write, whatever_the_count)

    def become_child(self, to_build: Callable[[list], None]) -> None:
        """This writer is now a writing process's: it tells and records for the build."""
        self.to_build = to_build
        self.record.current = {}
        self.inherited = set(self._written_files) | set(self._overridden_files)

    def child_results(self) -> list:
        """What a writing process did, for `child_finished` in the build."""
        return [
            self.record.current,
            sorted(self._written_files - self.inherited),
            sorted(self._overridden_files - self.inherited),
        ]

    def child_finished(self, record: dict, written: list, overridden: list) -> None:
        self.record.current.update(record)
        self._written_files.update(written)
        self._overridden_files.update(overridden)

    def reuse(self, name: str, inputs: str) -> bool:
        """Whether the file `name` (from the output folder) can be kept as is: the
        last build made it from the same `inputs` (a hash of everything the file is
        made from, given by its generator: see inputs.py), and nothing touched it
        since. If not, it is to be made, and is recorded as made from `inputs`."""
        path = sanitised_join(self.output_path, name)
        tag = self.record.tag_if_rendered_from(path, inputs)
        if tag is None:
            self.inputs[path] = inputs
            return False
        self._written_files.add(path)  # as Pelican's own writing would
        self.tell(path, tag)
        return True

    def output_file(self, name: str) -> str:
        """The path of an output file named from the output folder, its folder made
        (once a build: a system call costs here)."""
        path = sanitised_join(self.output_path, name)
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        return path

    def write_and_record(self, path: str, data: bytes, tag: str = "") -> None:
        """Write `data` at `path` unless the file holds it already. `tag` names the
        content when the caller knows it (a cached image's key); else it is a hash.
        The file is recorded as made from the inputs given to `reuse`, if any."""
        tag = tag or content_tag(data)
        inputs = self.inputs.pop(path, "")
        if self.record.size_if_unchanged(path, tag, inputs) is None:
            write_if_changed(path, data)
            self.record.wrote(path, tag, inputs)

    def link_cached(self, name: str, tag: str, cached: Callable[[], str]) -> int:
        """Put a file of the cache in the output under `name`, unless there already;
        `tag` names its content, `cached()` gives the file (making it if need be).
        Returns its size.

        Linked, not copied, where the file system allows: a cached image never
        changes (its name is the hash of what it shows), and the output's file is
        only ever replaced, never written into, so the cache is never altered.
        """
        path = self.output_file(name)
        size = self.record.size_if_unchanged(path, tag)
        if size is None:
            source = cached()
            if not same_file(path, source):
                link_into_place(source, path)
            size = self.record.wrote(path, tag)
        return size

    def close(self) -> None:
        self.forks.join()
        for closer in self.closers:
            closer()
        self.record.save()


def get_writer(pelican_object):
    return KeepUnchangedWriter
