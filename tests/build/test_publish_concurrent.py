"""Publishing under stress: two at once, a publish killed at any moment, a publish waiting.

Whatever happens, whoever looks at output/ finds a whole site: the old one or the new one.
"""

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_publish import SITEURL, make, snapshot

from conftest import ROOT, copy_fixture

SEARCH_HASH = re.compile(r"[0-9a-f]{7,}(?=\.pf_)")
ENV = {**os.environ, "SITEURL": SITEURL, "PYTHONPATH": str(ROOT / "plugins")}


def start_publish(content: Path, output: Path) -> subprocess.Popen:
    """The publish command in its own process group, so that all of it can be killed."""
    return subprocess.Popen(
        [sys.executable, "-m", "campaign.commands.publish",
         "--content", str(content), "--output", str(output)],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            return [int(child) for child in listing.read().split()]
    except FileNotFoundError:
        return []


def shape(folder: Path) -> list[str]:
    """The site's file paths, the search index's hashes left out (they follow the content)."""
    paths = (str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    return sorted(SEARCH_HASH.sub("#", path) for path in paths)


def live_paths(output: Path) -> list[str] | None:
    """The shape of the version output/ points to now, or None if it was removed while read."""
    try:
        folder = Path(os.path.realpath(output))
        paths = shape(folder)
    except FileNotFoundError:
        return None
    return paths if folder.is_dir() else None


def edit(content: Path, old: str, new: str) -> None:
    claim = content / "claims" / "velo-tout-paris.md"
    text = claim.read_text(encoding="utf-8")
    assert old in text
    claim.write_text(text.replace(old, new), encoding="utf-8")


def leftovers(output: Path) -> list[str]:
    versions = output.with_name(output.name + ".versions")
    return sorted(p.name for p in versions.iterdir() if not p.name[:6].isdigit())


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> list[str]:
    """The paths of one publish of the fixture site, alone."""
    folder = tmp_path_factory.mktemp("reference")
    output = folder / "output"
    result = make("publish", f"CONTENT={copy_fixture('site', folder)}", f"OUTPUT={output}")
    assert result.returncode == 0, result.stderr
    return shape(output)


def test_two_publishes_at_once_each_leave_a_whole_site(tmp_path, reference):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    assert make("publish", f"CONTENT={content}", f"OUTPUT={output}").returncode == 0
    both = [
        subprocess.Popen(
            ["make", "--no-print-directory", "publish", f"CONTENT={content}", f"OUTPUT={output}"],
            cwd=ROOT,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(2)
    ]
    seen = 0
    while any(p.poll() is None for p in both):
        paths = live_paths(output)
        if paths is not None:
            assert paths == reference
            seen += 1
        time.sleep(0.01)
    for publish in both:
        out, err = publish.communicate()
        assert publish.returncode == 0, err
        assert out.strip().splitlines()[-1].startswith("Publié : ")
    assert seen > 0
    assert live_paths(output) == reference
    assert os.readlink(output) == "output.versions/000003"
    assert leftovers(output) == [".verrou"]


def test_a_publish_waits_for_the_one_under_way(tmp_path, reference):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    versions = tmp_path / "output.versions"
    versions.mkdir()
    with open(versions / ".verrou", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a publish under way holds it
        waiting = start_publish(content, output)
        line = waiting.stderr.readline()
        assert line.startswith(f"Une autre publication vers {output}/ est en cours")
        time.sleep(1)
        assert waiting.poll() is None and not output.exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert live_paths(output) == reference


def wait_for(condition, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert process.poll() is None, "the publish ended before the moment to kill it"
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.mark.parametrize("moment", ["build-start", "mid-build", "build-end"])
def test_a_publish_killed_leaves_a_whole_site_and_the_next_cleans_up(tmp_path, reference, moment):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    assert make("publish", f"CONTENT={content}", f"OUTPUT={output}").returncode == 0
    old = snapshot(output)
    edit(content, "bien un doublement", "un doublement net")
    partial = tmp_path / "output.versions" / "000002.partiel"
    publish = start_publish(content, output)
    if moment == "build-start":
        wait_for(partial.exists, publish)
    elif moment == "mid-build":
        wait_for(lambda: len(list(partial.rglob("*.html"))) > 10, publish)
    else:  # the build process has just ended; the switch is about to happen, or has
        wait_for(lambda: children(publish.pid), publish)
        wait_for(lambda: not children(publish.pid), publish)
    os.killpg(publish.pid, signal.SIGKILL)
    publish.wait()
    now = snapshot(output)
    if moment != "build-end":
        assert now == old
        assert partial.is_dir()  # the kill came mid-way: a leftover for the next run
    else:  # the old site, or the new one whole
        assert now == old or live_paths(output) == reference
    again = subprocess.run(
        [sys.executable, "-m", "campaign.commands.publish",
         "--content", str(content), "--output", str(output)],
        cwd=ROOT, env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert live_paths(output) == reference
    assert "un doublement net" in (output / "vrai-du-faux/velo-tout-paris/index.html").read_text()
    assert leftovers(output) == [".verrou"]
    assert len(os.listdir(tmp_path / "output.versions")) == 3  # the lock and two versions


def test_a_killed_build_process_cancels_the_publish_cleanly(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    assert make("publish", f"CONTENT={content}", f"OUTPUT={output}").returncode == 0
    old = snapshot(output)
    edit(content, "bien un doublement", "un doublement net")
    publish = start_publish(content, output)
    partial = tmp_path / "output.versions" / "000002.partiel"
    wait_for(lambda: len(list(partial.rglob("*.html"))) > 10, publish)
    [build] = children(publish.pid)
    os.kill(build, signal.SIGKILL)
    out, err = publish.communicate(timeout=60)
    assert publish.returncode == 1
    assert err.strip().splitlines()[-1] == f"Publication annulée : {output}/ n'a pas été modifié."
    assert snapshot(output) == old
    assert leftovers(output) == [".verrou"]
