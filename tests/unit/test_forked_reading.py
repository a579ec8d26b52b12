"""Tier 1: files read by another process reach the build's content cache as if the
build had read them (generators/forked_reading.py)."""

import os
import signal
import time

import pytest
from pelican import Pelican
from pelican.readers import Readers

from campaign.content.validation import content_files
from campaign.generators import forked_reading
from campaign.generators.forked_reading import ReadingBeside
from campaign.generators.pages import SourceFile

from conftest import copy_fixture, site_settings


@pytest.fixture(autouse=True)
def every_list_forked(monkeypatch):
    """A handful of files is enough to fork, here."""
    monkeypatch.setattr(forked_reading, "THRESHOLD", 2)


@pytest.fixture
def content(tmp_path):
    return copy_fixture("site", tmp_path)


def readers(content, tmp_path, **overrides) -> tuple[Readers, list[str]]:
    settings = site_settings(content, tmp_path / "sortie", **overrides)
    Pelican(settings)  # the plugin's reader and defaults
    files = [os.path.join(settings["PATH"], path) for _, path in content_files(settings)]
    return Readers(settings, "essai"), [os.path.abspath(path) for path in files]


def read_all(readers: Readers, paths: list[str], beside: ReadingBeside | None = None):
    """What the build takes from each file: its HTML and front matter."""
    read = {}
    for path in paths:
        if beside is not None:
            beside.collect(path)
        source = readers.read_file(os.path.dirname(path), path, content_class=SourceFile)
        read[path] = (source._content, source.front_matter, source.body, source.body_line)
    return read


def alone_and_beside(content, tmp_path):
    """What the build reads alone, and readers with a child started beside them."""
    alone, paths = readers(content, tmp_path / "seul")
    expected = read_all(alone, paths)
    shared, _ = readers(content, tmp_path / "partage")
    beside = ReadingBeside(shared, 2)
    beside.start(paths)
    return expected, shared, paths, beside


def test_files_read_by_the_child_are_those_the_build_reads_alone(content, tmp_path):
    expected, shared, paths, beside = alone_and_beside(content, tmp_path)
    assert beside.pid and beside.paths, "no child was forked"
    child_paths = set(beside.paths)
    assert child_paths < set(paths) and paths[-1] in child_paths  # the end of the list
    read = read_all(shared, paths, beside)
    assert read == expected
    assert beside.pid == 0 and beside.paths == set()  # the child was waited for


def test_a_file_changed_after_the_child_read_it_is_read_again(content, tmp_path):
    shared, paths = readers(content, tmp_path)
    beside = ReadingBeside(shared, 2)
    beside.start(paths)
    changed = paths[-1]
    while os.waitpid(beside.pid, os.WNOHANG) == (0, 0):  # the child has read every file
        time.sleep(0.01)
    text = open(changed, encoding="utf-8").read()
    with open(changed, "w", encoding="utf-8") as handle:
        handle.write(text + "\nUne phrase ajoutée pendant la construction.\n")
    stat = os.stat(changed)
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    read = read_all(shared, paths, beside)
    assert "Une phrase ajoutée pendant la construction." in read[changed][0]


def test_a_child_that_dies_leaves_the_build_reading_everything(content, tmp_path):
    expected, shared, paths, beside = alone_and_beside(content, tmp_path)
    os.kill(beside.pid, signal.SIGKILL)
    assert read_all(shared, paths, beside) == expected


def test_no_child_without_processes_or_a_content_cache(content, tmp_path):
    for processes, overrides in ((0, {}), (2, {"CACHE_CONTENT": False})):
        shared, paths = readers(content, tmp_path / str(processes), **overrides)
        beside = ReadingBeside(shared, processes)
        beside.start(paths)
        assert beside.pid == 0 and beside.paths == set()


def test_files_already_in_the_cache_are_not_read_again_by_a_child(content, tmp_path):
    shared, paths = readers(content, tmp_path)
    read_all(shared, paths)  # all cached now
    beside = ReadingBeside(shared, 2)
    beside.start(paths)
    assert beside.pid == 0


def test_a_build_stopped_while_the_child_reads_stops_it(content, tmp_path):
    shared, paths = readers(content, tmp_path)
    beside = ReadingBeside(shared, 2)
    beside.start(paths)
    pid = beside.pid
    beside.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # ended and waited for
