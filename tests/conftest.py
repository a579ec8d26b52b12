"""Shared fixtures: fixture content folders, site builds, Chromium; the tier markers.

Tests live in one folder per tier, and the folder gives each its marker:
unit/ (pure functions over plain values), generators/ (generators and commands
over a small fixture content folder, no site built), build/ (a full build read
back), browser/ (a real Chromium). `pytest -m "unit or generators"` (`make
test-fast`) runs the first two.

Each kind of build is made once per session (`site`, `preview_site`,
`production_site`, `parts_site`, `example_site`) and shared by every test that
only reads it; a test that edits content or output builds its own into tmp_path.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
# npm tools of the test suite (package.json), installed by `make test`.
NODE_MODULES = ROOT / "node_modules"
# Fixed "now" for embargoes: builds never depend on the machine's clock.
NOW = "2026-11-22T12:00"
# Tier folders below tests/, each the name of the marker its tests get.
TIERS = ("unit", "generators", "build", "browser")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier, from the folder it lives in."""
    for item in items:
        path = item.path.resolve()
        if not path.is_relative_to(TESTS):
            continue
        tier = path.relative_to(TESTS).parts[0]
        if tier not in TIERS:
            raise pytest.UsageError(
                f"{path.relative_to(ROOT)} : un test doit vivre dans un dossier "
                f"de niveau, tests/{{{','.join(TIERS)}}}/ ; déplacez-le (git mv)."
            )
        item.add_marker(getattr(pytest.mark, tier))


def site_settings(content: Path, output: Path, **overrides) -> dict:
    """Project settings pointed at a content folder and an output folder."""
    base = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "CAMPAIGN_NOW": NOW,
        "CAMPAIGN_SHOW_DRAFTS": False,
        # As published: pelicanconf.py's preview has no search index, no embeddable cards.
        "CAMPAIGN_SEARCH": True,
        "CAMPAIGN_EMBEDS": True,
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


def run_generators(settings: dict, generator_classes) -> list:
    """Generators of a site, after each gathered its context, in the given order."""
    Pelican(settings)  # loads the plugin, which fills in its settings' defaults
    context = settings.copy()
    generators = [
        cls(
            context=context,
            settings=settings,
            path=settings["PATH"],
            theme=settings["THEME"],
            output_path=settings["OUTPUT_PATH"],
        )
        for cls in generator_classes
    ]
    for generator in generators:
        generator.generate_context()
    return generators


def atom_content(feed: Path, slug: str) -> str:
    """The HTML of the entry for `slug` in an Atom feed, as written: feedparser's own
    sanitiser drops elements (<bdi>) and attributes (lang) some readers keep."""
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    [content] = [
        entry.find(f"{atom}content").text
        for entry in ElementTree.parse(feed).getroot().iter(f"{atom}entry")
        if slug in entry.find(f"{atom}id").text
    ]
    return content


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
    """The fixture site as `make html` previews it: drafts at their own address, no
    search index, no embeddable cards."""
    output = tmp_path_factory.mktemp("preview") / "output"
    return build_site(
        FIXTURES / "site",
        output,
        CAMPAIGN_SHOW_DRAFTS=True,
        CAMPAIGN_SEARCH=False,
        CAMPAIGN_EMBEDS=False,
    )


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The fixture site as `make publish` builds it: absolute addresses."""
    output = tmp_path_factory.mktemp("production") / "output"
    return build_site(
        FIXTURES / "site", output, SITEURL="https://campagne.example.org", RELATIVE_URLS=False
    )


# A large site's index comes in parts; `parts_site` splits the fixture's in parts of 2 pages.
PART_PAGES = 2


@pytest.fixture(scope="session")
def parts_site(tmp_path_factory) -> Path:
    """The fixture site with its search index in parts of PART_PAGES pages."""
    output = tmp_path_factory.mktemp("parties") / "output"
    return build_site(FIXTURES / "site", output, SEARCH_PART_PAGES=PART_PAGES)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The shipped example campaign (content/), built once as the public would get it."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("example") / "output")


def indexed(site, part=None) -> dict[str, dict]:
    """Pagefind's record of every page a part of the index holds (by default the
    first, the whole index of a small site), by URL (fragments are gzipped JSON)."""
    records = {}
    for path in ((part or site / "pagefind") / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record
    return records


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


def route_site(page, folder: Path, site: str) -> None:
    """Serve a production build's absolute addresses (`site`/...) from its folder
    to a Playwright page, offline."""
    import mimetypes

    def fulfil(route) -> None:
        path = route.request.url[len(site) :].split("?")[0].split("#")[0].lstrip("/")
        file = folder / path
        if file.is_dir():
            file = file / "index.html"
        if not file.exists():
            route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(file.name)[0] or "text/html"
        route.fulfill(body=file.read_bytes(), content_type=kind)

    page.route(site + "/**", fulfil)


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
