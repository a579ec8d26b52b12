"""Tier 1: Pelican's content cache is saved whole or not at all (content/reader.py,
installed by pipeline.py), so a build loading it while another saves it, or after
one was stopped while saving, never stops on half a cache; `make check` reads
through it, by a hash of each file's bytes, taken once a file."""

import logging
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

from pelican import Pelican
from pelican.cache import FileDataCacher, FileStampDataCacher

from campaign.commands.check import check_content
from campaign.content import validation
from campaign.content.reader import YamlMarkdownReader, file_stamp_once, save_cache_atomically
from campaign.generators.base import PROBLEMS
from campaign.settings import apply_defaults

from conftest import FIXTURES, ROOT, build_site, copy_fixture, gather, site_settings

CACHE = {
    f"/contenu/claims/{n}.md": (1.0, ("<p>" + "mot " * 300 + "</p>", {"n": n})) for n in range(3000)
}


def settings(folder) -> dict:
    return {"CACHE_PATH": str(folder), "GZIP_CACHE": False}


def saver(folder, atomic: bool) -> subprocess.Popen:
    """Another process saving a large cache again and again, as a build would."""
    code = textwrap.dedent(
        f"""
        import pickle, sys
        from pelican.cache import FileDataCacher
        from campaign.content.reader import save_cache_atomically
        if {atomic}:
            FileDataCacher.save_cache = save_cache_atomically
        cacher = FileDataCacher({settings(folder)!r}, "cache", True, False)
        cacher._cache = pickle.loads(sys.stdin.buffer.read())
        while True:
            cacher.save_cache()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, env=env)
    process.stdin.write(pickle.dumps(CACHE))
    process.stdin.close()
    return process


def loads_while_saved(folder, atomic: bool, loads: int = 150) -> list[str]:
    """What went wrong loading the cache `loads` times while another process saves
    it (stopping at the first failure when saved in place: one is the proof)."""
    cacher = FileDataCacher(settings(folder), "cache", True, False)
    cacher._cache = CACHE
    save_cache_atomically(cacher)  # a whole cache to start from
    path = os.path.join(folder, "cache")
    first = os.stat(path).st_mtime_ns
    process = saver(folder, atomic)
    failures = []
    try:
        deadline = time.monotonic() + 30
        while os.stat(path).st_mtime_ns == first and time.monotonic() < deadline:
            time.sleep(0.01)  # until the other process is saving
        for _ in range(loads):
            if failures and not atomic:
                break
            try:
                loaded = FileDataCacher(settings(folder), "cache", True, True)
            except Exception as error:  # EOFError: what stopped builds
                failures.append(repr(error))
            else:
                if len(loaded._cache) != len(CACHE):  # "Cannot unpickle cache": empty
                    failures.append("cache perdu")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    return failures


def test_a_cache_saved_in_place_is_read_half_written(tmp_path):
    """Pelican's own saving: what the test below guards against does happen (should
    Pelican save whole caches one day, this fails, and the patch can go)."""
    assert loads_while_saved(tmp_path, atomic=False, loads=2000)


def test_a_cache_saved_beside_and_renamed_is_always_read_whole(tmp_path):
    assert loads_while_saved(tmp_path, atomic=True) == []


def test_what_a_stopped_save_left_is_removed_by_a_later_one(tmp_path):
    old, recent = tmp_path / ".en-cours-ancien", tmp_path / ".en-cours-autre-build"
    old.write_bytes(b"\x80\x05")
    recent.write_bytes(b"\x80\x05")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    cacher = FileDataCacher(settings(tmp_path), "cache", True, False)
    cacher._cache = {"a": 1}
    save_cache_atomically(cacher)
    assert sorted(os.listdir(tmp_path)) == [".en-cours-autre-build", "cache"]


def test_the_plugin_saves_every_cache_so(tmp_path):
    Pelican(site_settings(FIXTURES / "site", tmp_path / "sortie"))  # loads the plugin
    assert FileDataCacher.save_cache is save_cache_atomically
    assert FileStampDataCacher._get_file_stamp is file_stamp_once
    cacher = FileDataCacher(settings(tmp_path), "cache", True, False)
    cacher._cache = {"a": 1}
    cacher.save_cache()
    assert FileDataCacher(settings(tmp_path), "cache", True, True)._cache == {"a": 1}


def test_check_reads_through_the_build_content_cache(tmp_path, monkeypatch):
    """`make check` converts a file once; the build then finds it converted; a file
    changed is read again even with its old date (the cache knows its bytes)."""
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "sortie")
    apply_defaults(settings)
    read = []
    convert = YamlMarkdownReader.read
    monkeypatch.setattr(
        YamlMarkdownReader, "read", lambda self, path: read.append(path) or convert(self, path)
    )
    assert check_content(settings).problems == []
    files = len(read)
    assert files > 10
    read.clear()
    assert check_content(settings).problems == []
    assert read == []  # all from the cache
    build_site(content, tmp_path / "sortie")
    # The build too; only Pelican's own page generator reads the fixed pages again.
    assert read and all(os.sep + "pages" + os.sep in path for path in read)
    read.clear()
    claim = content / "claims" / "velo-tout-paris.md"
    stat = claim.stat()
    claim.write_text(claim.read_text(encoding="utf-8").replace("verdict: ", "verdict: x"))
    os.utime(claim, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # its old date back
    problems = check_content(settings).problems
    assert read == [str(claim)]
    assert problems and all(p.path.endswith("claims/velo-tout-paris.md") for p in problems)
    assert any("verdict" in p.message for p in problems)


def test_check_without_a_writable_cache_folder_reads_every_file(tmp_path):
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier", encoding="utf-8")
    settings = site_settings(FIXTURES / "site", tmp_path / "sortie")
    settings["CACHE_PATH"] = str(blocked / "cache")  # cannot be made: a file is in the way
    apply_defaults(settings)
    assert check_content(settings).problems == []


def test_each_file_is_hashed_once_a_check(tmp_path, monkeypatch):
    """Pelican hashed a file when looking it up and again when storing it."""
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "sortie", CAMPAIGN_WRITING_PROCESSES=0)
    apply_defaults(settings)
    hashed = []
    original = FileStampDataCacher.__init__

    def counting(self, *args, **kwargs):
        original(self, *args, **kwargs)
        stamp = self._filestamp_func
        self._filestamp_func = lambda path: hashed.append(path) or stamp(path)

    monkeypatch.setattr(FileStampDataCacher, "__init__", counting)
    assert check_content(settings).problems == []
    assert len(hashed) > 10 and len(hashed) == len(set(hashed))


def test_a_file_gone_after_listing_is_said_in_french_only(tmp_path, monkeypatch, caplog):
    """Deleted in the web editor, or by a `git pull`, while a build reads: the build
    is refused in French at the file; no English « Cannot get modification stamp »
    warning, which a production build makes fatal."""
    content = copy_fixture("site", tmp_path)
    listed = validation.content_files

    def listed_then_deleted(settings):
        files = listed(settings)
        (content / files[0][1]).unlink()
        return files

    monkeypatch.setattr("campaign.generators.gather.content_files", listed_then_deleted)
    with caplog.at_level(logging.WARNING):
        _, generator = gather(site_settings(content, tmp_path / "sortie"))
    problems = generator.context[PROBLEMS]
    assert any("a disparu pendant la lecture" in p.message for p in problems)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
