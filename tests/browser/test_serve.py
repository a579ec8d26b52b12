"""`make serve` with a real server and Chromium: a saved edit shows up by itself."""

import os
import socket
import subprocess
import sys
import time

import pytest
from playwright.sync_api import Page, expect

from conftest import ROOT, copy_fixture


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    content = copy_fixture("site", tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "campaign.commands.serve", "--port", str(port),
         "--content", str(content), "--output", str(tmp_path / "output"),
         "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield content, f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def test_saved_edit_reloads_the_open_page(page: Page, preview):
    content, address = preview
    page.goto(address + "/vrai-du-faux/velo-tout-paris/")
    expect(page.locator(".summary")).to_have_text("Les compteurs montrent bien un doublement.")
    claim = content / "claims" / "velo-tout-paris.md"
    original = claim.read_text(encoding="utf-8")
    claim.write_text(
        original.replace("bien un doublement", "un quasi-doublement"), encoding="utf-8"
    )
    expect(page.locator(".summary")).to_have_text(
        "Les compteurs montrent un quasi-doublement.", timeout=20_000
    )


def test_content_error_shows_on_the_page_and_the_server_keeps_running(page: Page, preview):
    content, address = preview
    page.goto(address + "/vrai-du-faux/velo-tout-paris/")
    claim = content / "claims" / "velo-tout-paris.md"
    original = claim.read_text(encoding="utf-8")
    claim.write_text(original.replace("verdict: vrai", "verdict: vrais"), encoding="utf-8")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("verdict « vrais » inconnu", timeout=20_000)
    expect(page.locator(".summary")).to_have_text("Les compteurs montrent bien un doublement.")
    claim.write_text(original.replace("bien un doublement", "un doublement net"), encoding="utf-8")
    expect(page.locator(".summary")).to_have_text(
        "Les compteurs montrent un doublement net.", timeout=20_000
    )
    expect(page.get_by_role("alert")).to_have_count(0)
