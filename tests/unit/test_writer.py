"""Tier 1: output files written only when their bytes change, Pelican's guard kept."""

import os

import pytest
from jinja2 import Template
from pelican.writers import FileOverwriteFailedError, Writer

from campaign.output.writer import KeepUnchangedWriter, link_into_place, write_if_changed

from conftest import FIXTURES, site_settings


def writer(tmp_path) -> KeepUnchangedWriter:
    settings = site_settings(FIXTURES / "site", tmp_path)
    return KeepUnchangedWriter(str(tmp_path), settings=settings)


def test_an_unchanged_file_is_left_alone_and_a_changed_one_rewritten(tmp_path):
    path = tmp_path / "carte.png"
    write_if_changed(str(path), b"abc")
    path.touch()
    before = path.stat().st_mtime_ns
    write_if_changed(str(path), b"abc")
    assert path.stat().st_mtime_ns == before
    write_if_changed(str(path), b"abd")
    assert path.read_bytes() == b"abd"


def test_pages_are_written_as_pelican_would(tmp_path):
    template = Template("<p>é\n{{ x }}</p>\n<p>œ</p>")
    ours, pelicans = tmp_path / "ours", tmp_path / "pelican"
    writer(ours).write_file("a/index.html", template, {}, x=1)
    Writer(str(pelicans), settings=site_settings(FIXTURES / "site", pelicans)).write_file(
        "a/index.html", template, {}, x=1
    )
    assert (ours / "a/index.html").read_bytes() == (pelicans / "a/index.html").read_bytes()


def test_a_second_write_of_a_file_is_still_refused(tmp_path):
    pages = writer(tmp_path)
    pages.write_file("index.html", Template("un"), {})
    with pytest.raises(FileOverwriteFailedError):
        pages.write_file("index.html", Template("deux"), {})


def test_a_file_left_as_written_is_not_read_again(tmp_path):
    """The record of the last build tells an unchanged file by its size and date."""
    path = tmp_path / "page.html"
    first = writer(tmp_path)
    first.write_and_record(str(path), b"contenu")
    first.close()
    # Same size, same date, other bytes: only reading the file could tell.
    status = path.stat()
    path.write_bytes(b"CONTENU")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    second = writer(tmp_path)
    second.write_and_record(str(path), b"contenu")
    assert path.read_bytes() == b"CONTENU"
    # Touched since: compared byte for byte, and rewritten.
    path.touch()
    third = writer(tmp_path)
    third.write_and_record(str(path), b"contenu")
    assert path.read_bytes() == b"contenu"


def test_a_file_no_longer_written_drops_out_of_the_record(tmp_path):
    first = writer(tmp_path)
    first.write_and_record(str(tmp_path / "a.html"), b"a")
    first.write_and_record(str(tmp_path / "b.html"), b"b")
    first.close()
    second = writer(tmp_path)
    second.write_and_record(str(tmp_path / "a.html"), b"a")
    second.close()
    assert set(writer(tmp_path).record.previous) == {"a.html"}


def test_a_cached_image_is_linked_and_replacing_it_leaves_the_cache_alone(tmp_path):
    cache = tmp_path / "cache.png"
    cache.write_bytes(b"image")
    images = writer(tmp_path / "output")
    assert images.link_cached("images/carte.png", "carte 1", lambda: str(cache)) == 5
    output = tmp_path / "output" / "images" / "carte.png"
    assert output.read_bytes() == b"image"
    other = tmp_path / "other.png"
    other.write_bytes(b"autre image")
    images.link_cached("images/carte.png", "carte 2", lambda: str(other))
    assert output.read_bytes() == b"autre image" and cache.read_bytes() == b"image"


def test_writing_over_a_linked_cached_image_leaves_the_cache_alone(tmp_path):
    cache = tmp_path / "cache.png"
    cache.write_bytes(b"image")
    images = writer(tmp_path / "output")
    images.link_cached("fiche.png", "image 1", lambda: str(cache))
    write_if_changed(str(tmp_path / "output" / "fiche.png"), b"autre chose")
    assert (tmp_path / "output" / "fiche.png").read_bytes() == b"autre chose"
    assert cache.read_bytes() == b"image"


def test_a_temporary_left_by_a_stopped_build_is_replaced_not_written_into(tmp_path):
    cache, other = tmp_path / "a.png", tmp_path / "b.png"
    cache.write_bytes(b"image a")
    other.write_bytes(b"image b")
    (tmp_path / "output").mkdir()
    os.link(cache, tmp_path / "output" / "carte.png.nouveau")  # as a stopped build left it
    link_into_place(str(other), str(tmp_path / "output" / "carte.png"))
    assert (tmp_path / "output" / "carte.png").read_bytes() == b"image b"
    assert cache.read_bytes() == b"image a"
    assert not (tmp_path / "output" / "carte.png.nouveau").exists()
