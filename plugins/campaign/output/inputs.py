"""What a page is made from, as a hash: a rebuild keeps a page it need not render.

After one edit, rendering the 2,000 other claim pages again is most of a rebuild,
and gives the same bytes. A claim's or a post's page shows that document alone, so
it is made from: the document (its front matter and its HTML), its address, and
what every page is made from: the plugin's code, the theme's templates, the data
files, the settings and the versions of the libraries that render. The writer
records the hash of these beside the file (see writer.KeepUnchangedWriter.reuse);
a later build finding the same hash and the file untouched keeps the file as is.

A feed is made from its entries and its description, which are values: their
hash is `data_inputs`.

Anything that cannot be named surely gives no hash, and the page is rendered:
a body linking to other content through Pelican's {filename} links (their
addresses come from the other documents), a page not read from a file, or
settings that cannot be written out. Pelican's `content_written` signal is not
sent for a page kept.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import sys
from importlib import metadata
from pathlib import Path

# Libraries whose version changes what a page holds.
RENDERERS = ("pelican", "jinja2", "markupsafe", "markdown", "pyyaml", "feedgen", "lxml")
# The whole campaign package, every folder of it: its code makes every page.
PLUGIN = str(Path(__file__).resolve().parents[1])
# Key of the build's shared hash in the generators' context.
SHARED = "campaign_shared_inputs"
# Memory addresses in a repr, which change from one run to the next.
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def shared_inputs(context: dict) -> str:
    """The hash of what every page is made from, computed once a build ("" if the
    settings cannot be written out)."""
    if SHARED not in context:
        context[SHARED] = _shared_inputs(context)
    return context[SHARED]


def _shared_inputs(settings: dict) -> str:
    try:
        written = json.dumps(_settings(settings), sort_keys=True, default=_describe)
    except (TypeError, ValueError):
        return ""
    digest = hashlib.sha256(written.encode("utf-8"))
    templates = [os.path.join(settings["THEME"], "templates")]
    templates += settings.get("THEME_TEMPLATES_OVERRIDES", [])
    for folder in [PLUGIN, *templates, os.path.join(settings["PATH"], "data")]:
        for path in _files(folder):
            digest.update(f"\0{path}\0".encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    versions = [sys.version] + [metadata.version(name) for name in RENDERERS]
    digest.update(json.dumps(versions).encode())
    return digest.hexdigest()


def _settings(context: dict) -> dict:
    """The settings, from a context that also holds what the generators gathered."""
    return {key: value for key, value in context.items() if key.isupper()}


def _describe(value) -> str:
    """Functions (Jinja filters, say) by their code; other objects by their repr."""
    code = getattr(value, "__code__", None)
    if code is not None:
        compiled = hashlib.sha256(marshal.dumps(code)).hexdigest()
        return f"{value.__module__}.{value.__qualname__}:{compiled}"
    return ADDRESS.sub("", repr(value))


def _files(folder: str) -> list[str]:
    """Every file below `folder`, in a stable order, compiled Python left out."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        found += [os.path.join(root, name) for name in sorted(names)]
    return found


def page_inputs(page, kind: str, context: dict) -> str:
    """The hash of everything `page` (a claim's or a post's) is made from, or "" when
    it cannot be named surely (see the module's docstring)."""
    shared = shared_inputs(context)
    if not shared or page.front_matter is None:
        return ""
    if page._get_intrasite_link_regex().search(page._content):
        return ""
    document = json.dumps(page.front_matter.values, sort_keys=True, default=str)
    digest = hashlib.blake2b(digest_size=16)
    for part in (shared, kind, page.url, page.save_as, page.template, str(page.preview)):
        digest.update(f"{part}\0".encode())
    digest.update(document.encode("utf-8"))
    digest.update(b"\0")
    digest.update(page._content.encode("utf-8"))
    return digest.hexdigest()


def data_inputs(context: dict, *values) -> str:
    """The hash of a file the plugin's code makes from `values` alone (a feed from
    its description and entries, say), or "" if the settings cannot be written out.
    Each value must show all it holds in its repr, as frozen dataclasses of text,
    numbers and dates do."""
    shared = shared_inputs(context)
    if not shared:
        return ""
    digest = hashlib.blake2b(shared.encode(), digest_size=16)
    for value in values:
        digest.update(b"\0" + repr(value).encode("utf-8"))
    return digest.hexdigest()
