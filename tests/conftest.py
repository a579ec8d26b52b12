"""Shared fixtures: fixture content folders, site builds into tmp_path, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# npm tools of the test suite (package.json), installed by `make test`.
NODE_MODULES = ROOT / "node_modules"
# Fixed "now" for embargoes: builds never depend on the machine's clock.
NOW = "2026-11-22T12:00"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def site_settings(content: Path, output: Path, **overrides) -> dict:
    """Project settings pointed at a content folder and an output folder."""
    base = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "CAMPAIGN_NOW": NOW,
        "CAMPAIGN_SHOW_DRAFTS": False,
    }
    return read_settings(str(ROOT / "pelicanconf.py"), override={**base, **overrides})


def build_site(content: Path, output: Path, **overrides) -> Path:
    Pelican(site_settings(content, output, **overrides)).run()
    return output


def gather(settings: dict):
    """The campaign's state of a site (assembly.py), as the build's first generator
    assembles it; its problems in `generator.context[PROBLEMS]` when invalid."""
    from campaign.assembly import CAMPAIGN
    from campaign.generators.gather import GatherGenerator

    Pelican(settings)  # loads the plugin, which fills in its settings' defaults
    generator = GatherGenerator(
        context=settings.copy(),
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    return generator.context.get(CAMPAIGN), generator


def copy_fixture(name: str, destination: Path) -> Path:
    """A writable copy of a fixture content folder."""
    target = destination / name
    shutil.copytree(FIXTURES / name, target)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The fixture site, built once as the public would get it (no drafts)."""
    return build_site(FIXTURES / "site", tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory) -> Path:
    """The fixture site as `make html` previews it: drafts at their own address."""
    output = tmp_path_factory.mktemp("preview") / "output"
    return build_site(FIXTURES / "site", output, CAMPAIGN_SHOW_DRAFTS=True)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The fixture site as `make publish` builds it: absolute addresses."""
    output = tmp_path_factory.mktemp("production") / "output"
    return build_site(
        FIXTURES / "site", output, SITEURL="https://campagne.example.org", RELATIVE_URLS=False
    )


def node_tool(*parts: str) -> Path:
    """A file of an npm test tool; fails with the command that installs it."""
    path = NODE_MODULES.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} manque : lancez `make test` (ou `npm ci --ignore-scripts`).")
    return path


@contextlib.contextmanager
def serve(folder: Path):
    """A built site on http://127.0.0.1:<port> while in the block."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(site):
    """The built fixture site on http://127.0.0.1:<port>/."""
    with serve(site) as address:
        yield address


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium_path() -> str | None:
    """CHROMIUM_PATH, else Debian's chromium; None lets Playwright use its own."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium")):
        if candidate:
            return candidate
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    path = chromium_path()
    if path:
        args["executable_path"] = path
    return args
