"""Tier 1: pages written by another process are told, recorded and checked as the
build's own (output/forked.py)."""

import logging
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from jinja2 import Template

from campaign.output import forked
from campaign.output.writer import KeepUnchangedWriter
from campaign.settings import SettingsError, apply_defaults

from conftest import FIXTURES, site_settings

PAGE = Template("<p>{{ number }}</p>")


def writer(tmp_path, processes=2) -> KeepUnchangedWriter:
    settings = site_settings(FIXTURES / "site", tmp_path / "sortie")
    settings["CAMPAIGN_WRITING_PROCESSES"] = processes
    return KeepUnchangedWriter(str(tmp_path / "sortie"), settings=settings)


@pytest.fixture(autouse=True)
def every_batch_forked(monkeypatch):
    """A handful of pages is enough to fork, here."""
    monkeypatch.setattr(forked, "THRESHOLD", 2)


def write_numbers(pages: KeepUnchangedWriter, numbers, what="les pages") -> None:
    def write(number):
        pages.write_file(f"{number}/index.html", PAGE, {}, number=number)

    pages.write_elsewhere(what, numbers, write)


def test_pages_written_by_another_process_are_told_and_recorded(tmp_path):
    pages = writer(tmp_path)
    told = []
    pages.listeners.append(lambda path, tag: told.append(os.path.basename(os.path.dirname(path))))
    write_numbers(pages, range(50))
    assert pages.forks.children, "the pages were not handed to another process"
    pages.write_file("ici/index.html", PAGE, {}, number="ici")
    pages.close()
    assert sorted(told) == sorted([*map(str, range(50)), "ici"])
    for number in range(50):
        assert (tmp_path / f"sortie/{number}/index.html").read_text() == f"<p>{number}</p>"
    # Recorded as the build's own: the next build finds every file unchanged.
    again = writer(tmp_path)
    before = {n: (tmp_path / f"sortie/{n}/index.html").stat().st_mtime_ns for n in range(50)}
    write_numbers(again, range(50))
    again.close()
    after = {n: (tmp_path / f"sortie/{n}/index.html").stat().st_mtime_ns for n in range(50)}
    assert after == before
    # and Pelican's guard knows the files: a second write of one is refused.
    with pytest.raises(Exception, match="1/index.html"):
        again.write_file("1/index.html", PAGE, {}, number=1)


def test_the_same_bytes_whoever_writes_them(tmp_path):
    forked_pages, serial_pages = writer(tmp_path / "a"), writer(tmp_path / "b", processes=0)
    for pages in (forked_pages, serial_pages):
        write_numbers(pages, range(30))
        pages.close()
    assert not serial_pages.forks.children
    for number in range(30):
        one = (tmp_path / f"a/sortie/{number}/index.html").read_bytes()
        assert one == (tmp_path / f"b/sortie/{number}/index.html").read_bytes()


def test_a_failing_page_fails_the_build_with_its_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(forked, "cursor_for", lambda count: None)  # all in the child
    pages = writer(tmp_path)

    def write(number):
        if number == 7:
            raise ValueError("gabarit cassé")
        pages.write_file(f"{number}/index.html", PAGE, {}, number=number)

    pages.write_elsewhere("les pages de test", range(20), write)
    child = pages.forks.children[0].pid
    with pytest.raises(forked.WritingProcessError) as failure:
        pages.close()
    message = str(failure.value)
    assert "ValueError : gabarit cassé" in message
    assert "les pages de test" in message and "test_forked_writing.py" in message
    with pytest.raises(ChildProcessError):  # reaped: no process left behind
        os.waitpid(child, os.WNOHANG)


def test_a_warning_in_another_process_is_logged_by_the_build(tmp_path, caplog):
    pages = writer(tmp_path)

    def write(number):
        if number == 3:
            logging.getLogger("campaign.test").warning("page %s : attention", number)
        pages.write_file(f"{number}/index.html", PAGE, {}, number=number)

    with caplog.at_level(logging.WARNING):
        pages.write_elsewhere("les pages", range(10), write)
        pages.close()
    assert [r.getMessage() for r in caplog.records] == ["page 3 : attention"]
    assert caplog.records[0].name == "campaign.test"


def test_few_pages_or_no_process_to_spare_are_written_here(tmp_path, monkeypatch):
    monkeypatch.setattr(forked, "THRESHOLD", 100)
    pages = writer(tmp_path)
    write_numbers(pages, range(10))
    assert not pages.forks.children
    monkeypatch.setattr(forked, "THRESHOLD", 2)
    write_numbers(pages, range(10, 20))
    write_numbers(pages, range(20, 30))
    write_numbers(pages, range(30, 40))  # two processes already: this batch is written here
    assert len(pages.forks.children) == 2
    pages.close()
    assert len(list((tmp_path / "sortie").glob("*/index.html"))) == 40


def test_whole_generators_get_a_process_whatever_their_count(tmp_path, monkeypatch):
    """A few items that are each much work (generators/beside.py): forked even below
    the threshold and beside the other writing processes, never without processes."""
    monkeypatch.setattr(forked, "THRESHOLD", 100)
    pages = writer(tmp_path)
    write_numbers(pages, range(500, 600))
    write_numbers(pages, range(600, 700))
    assert len(pages.forks.children) == 2
    pages.write_elsewhere(
        "les générateurs",
        [1, 2],
        lambda n: pages.write_file(f"{n}/index.html", PAGE, {}, number=n),
        whatever_the_count=True,
    )
    assert len(pages.forks.children) == 3
    pages.close()
    assert (tmp_path / "sortie/2/index.html").read_text() == "<p>2</p>"
    alone = writer(tmp_path / "seul", processes=0)
    alone.write_elsewhere("les générateurs", [3], lambda n: None, whatever_the_count=True)
    assert not alone.forks.children


def test_a_build_stopped_early_stops_its_writing_processes(tmp_path):
    pages = writer(tmp_path)
    started = tmp_path / "commencé"

    def write(number):
        started.touch()
        time.sleep(60)

    pages.write_elsewhere("les pages lentes", range(5), write)
    child = pages.forks.children[0].pid
    while not started.exists():
        pass
    pages.forks.stop()  # what the build's exit does (atexit) when it fails elsewhere
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)


def test_a_killed_build_takes_its_writing_processes_with_it(tmp_path):
    """`make publish` killed midway: no child goes on writing into the folder the
    next run cleans."""
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path[:0] = {[str(p) for p in (FIXTURES.parents[1] / "plugins", FIXTURES.parent)]!r}
        from pathlib import Path
        from campaign.output import forked
        from campaign.output.writer import KeepUnchangedWriter
        from conftest import FIXTURES, site_settings
        forked.THRESHOLD = 1
        settings = site_settings(FIXTURES / "site", Path({str(tmp_path / "sortie")!r}))
        settings["CAMPAIGN_WRITING_PROCESSES"] = 1
        pages = KeepUnchangedWriter({str(tmp_path / "sortie")!r}, settings=settings)
        pages.write_elsewhere("les pages", [1, 2], lambda n: time.sleep(60))
        print(pages.forks.children[0].pid, flush=True)
        time.sleep(60)
    """)
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(build.stdout.readline())
    build.send_signal(signal.SIGKILL)
    build.wait()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the writing process outlived its build")


@pytest.mark.parametrize("count", [-1, "deux", 1.5, True])
def test_a_wrong_number_of_processes_is_refused_in_french(count):
    with pytest.raises(SettingsError, match="CAMPAIGN_WRITING_PROCESSES : .* nombre de processus"):
        apply_defaults({"CAMPAIGN_WRITING_PROCESSES": count})


def test_the_build_writes_the_last_pages_a_slow_child_has_not_begun(tmp_path):
    """Once the build has nothing else to do, it takes pages from the end of a
    child's list: each page is written once, some by each process."""
    pages, build = writer(tmp_path), os.getpid()
    log = tmp_path / "qui.txt"

    def write(number):
        if os.getpid() != build:
            time.sleep(0.05)  # a child slower than the build
        else:  # the build begins once the child has: both then write some
            deadline = time.monotonic() + 10
            while "child" not in (log.read_text() if log.exists() else ""):
                assert time.monotonic() < deadline, "the child wrote nothing"
                time.sleep(0.01)
        with open(log, "a") as handle:
            handle.write(f"{number} {'build' if os.getpid() == build else 'child'}\n")
        pages.write_file(f"{number}/index.html", PAGE, {}, number=number)

    told = []
    pages.listeners.append(lambda path, tag: told.append(os.path.basename(os.path.dirname(path))))
    pages.write_elsewhere("les pages", range(40), write)
    pages.close()
    writers = dict(line.split() for line in log.read_text().splitlines())
    assert sorted(map(int, writers)) == list(range(40)), "a page written twice or never"
    assert set(writers.values()) == {"build", "child"}
    assert writers["39"] == "build" and writers["0"] == "child"
    assert sorted(told, key=int) == [str(n) for n in range(40)]
    for number in range(40):
        assert (tmp_path / f"sortie/{number}/index.html").read_text() == f"<p>{number}</p>"
    again = writer(tmp_path)  # recorded, whoever wrote them: kept by the next build
    before = {n: (tmp_path / f"sortie/{n}/index.html").stat().st_mtime_ns for n in range(40)}
    write_numbers(again, range(40))
    again.close()
    after = {n: (tmp_path / f"sortie/{n}/index.html").stat().st_mtime_ns for n in range(40)}
    assert after == before
