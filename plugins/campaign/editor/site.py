"""/admin/: the web editor, written by the build when CAMPAIGN_EDITOR is set.

`make edit` sets it for the local preview; a campaign that wants the editor online
sets it in publishconf.py (docs/publier.md). Without it, no /admin/ at all. The
editor's pages are written straight to the output folder, never through a
template or a listing: they are in no sitemap, search index, feed or list, and
say `noindex` to any robot that finds them.

Decap CMS comes from npm (tools/editor, pinned by its package-lock.json); its
files are linked from there into admin/, so the editor is served by the site
itself, from no other address.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from ..content.catalogue import load_catalogue
from .config import (
    EditorSettingError,
    catalogue_choices,
    claim_choices,
    config_yaml,
    editor_config,
    editor_setting,
    shareable_choices,
)

ROOT = Path(__file__).resolve().parents[3]
# The pinned package's folder of built files (tools/editor/package.json).
DECAP_DIST = ROOT / "tools" / "editor" / "node_modules" / "decap-cms" / "dist"
BUNDLE = "decap-cms.js"
SCRIPT = Path(__file__).resolve().parent / "static" / "editor.js"
ADMIN = "admin"
STYLESHEET = "../theme/css/site.css"
# Where each online backend sends the editor's requests (Decap's defaults).
BACKEND_API = {
    "github": "https://api.github.com",
    "gitlab": "https://gitlab.com",
    "gitea": "https://try.gitea.io",
}


def bundle_files(dist: Path) -> list[str]:
    """Decap's main file, the parts it loads on demand beside it, its WebAssembly."""
    names = sorted(os.listdir(dist))
    parts = [n for n in names if n.endswith(f".{BUNDLE}") or n.endswith(".wasm")]
    return [BUNDLE, *parts]


def backend_origins(backend: dict) -> list[str]:
    """The addresses an online backend talks to: its API and its login service."""
    origins = []
    api = backend.get("api_root") or BACKEND_API.get(backend.get("name", ""))
    for address in (api, backend.get("base_url")):
        if address:
            parts = urlsplit(address)
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))


def content_security_policy(backend: dict) -> str:
    """The browser refuses any request /admin/ would make elsewhere than the site
    and its git host: no font, script or picture from a third party. `blob:` is
    the editor's own memory: a photo chosen in « Media » and the backup of an
    unsaved entry are read back from it before they are sent (refused, no photo
    is ever uploaded and no unsaved work kept)."""
    connect = " ".join(["'self'", "blob:", *backend_origins(backend)])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src {connect}",
            "frame-src 'self' blob:",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def admin_page(
    sitename: str, verdicts: list[dict], setting: dict, promise_statuses: list[dict] = ()
) -> bytes:
    """The editor's one page: Decap, then our preview templates and words."""
    data = {
        "simple": setting.get("publish_mode") != "editorial_workflow",
        "stylesheet": STYLESHEET,
        "verdicts": [
            {k: v.get(k) for k in ("slug", "label", "rating", "colour")} for v in verdicts
        ],
        "promise_statuses": {
            status["slug"]: {k: status.get(k) for k in ("label", "colour")}
            for status in promise_statuses
        },
    }
    embedded = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    policy = html.escape(content_security_policy(setting["backend"]))
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>Éditeur — {html.escape(sitename)}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>L'éditeur du site demande JavaScript.</noscript>
<script src="{BUNDLE}"></script>
<script id="campaign-editor" type="application/json">{embedded}</script>
<script src="editor.js"></script>
</body>
</html>
""".encode()


class EditorMissing(RuntimeError):
    """CAMPAIGN_EDITOR is set but Decap's files are not installed."""


class EditorGenerator(Generator):
    """Writes admin/ when CAMPAIGN_EDITOR is set; nothing otherwise."""

    def generate_output(self, writer):
        if not self.settings.get("CAMPAIGN_EDITOR"):
            return
        dist = Path(self.settings.get("CAMPAIGN_EDITOR_DIST") or DECAP_DIST)
        if not (dist / BUNDLE).exists():
            raise EditorMissing(
                f"CAMPAIGN_EDITOR est réglé mais l'éditeur n'est pas installé ({dist / BUNDLE} "
                "manque) : lancez « make editor » (npm ci dans tools/editor), ou retirez "
                "CAMPAIGN_EDITOR des réglages"
            )
        try:
            setting = editor_setting(self.settings)
        except EditorSettingError as error:
            raise EditorMissing(str(error)) from None
        catalogue, _ = load_catalogue(
            self.settings["PATH"], self.settings["VERDICTS"], self.settings["PROMISE_STATUSES"]
        )
        claims_folder = os.path.join(self.settings["PATH"], self.settings["CLAIM_PATHS"][0])
        claims = claim_choices(claims_folder)
        shareable = shareable_choices(self.settings["PATH"], self.settings, claims)
        choices = catalogue_choices(catalogue, claims, shareable)
        config = editor_config(self.settings, choices)
        page = admin_page(
            self.settings["SITENAME"], self.settings["VERDICTS"], setting,
            self.settings["PROMISE_STATUSES"],
        )  # fmt: skip
        write(writer, f"{ADMIN}/config.yml", config_yaml(config))
        write(writer, f"{ADMIN}/index.html", page)
        write(writer, f"{ADMIN}/editor.js", SCRIPT.read_bytes())
        version = json.loads((dist.parent / "package.json").read_text())["version"]
        for name in bundle_files(dist):
            # Named by the pinned version: the files are linked once, not read again.
            source = str(dist / name)
            writer.link_cached(f"{ADMIN}/{name}", f"decap-cms@{version}/{name}", lambda s=source: s)


def write(writer, name: str, data: bytes) -> None:
    writer.write_and_record(writer.output_file(name), data)
