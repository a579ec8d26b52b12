"""Tier 1: output files written only when their bytes change, Pelican's guard kept."""

import pytest
from jinja2 import Template
from pelican.writers import FileOverwriteFailedError, Writer

from campaign.writer import KeepUnchangedWriter, write_if_changed

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
