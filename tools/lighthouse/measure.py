"""`make lighthouse`: Lighthouse mobile scores and page weights of a built site.

Serves a production build (made with SITEURL=http://127.0.0.1:PORT) on that port,
runs the pinned Lighthouse (tools/lighthouse) in Debian's Chromium (CHROME_PATH)
on each page with its default mobile settings, prints one line a page and keeps
each JSON report beside the build. A measurement for notes and issues, not a test:
scores vary a little from run to run.

Usage: python tools/lighthouse/measure.py SITE PORT PATH [PATH...]
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: str, port: int) -> str:
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def audit(url: str) -> dict:
    command = [
        str(HERE / "node_modules/.bin/lighthouse"),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout)


def summary(report: dict) -> str:
    scores = [round(report["categories"][name]["score"] * 100) for name in CATEGORIES]
    audits = report["audits"]
    weight = audits["total-byte-weight"]["numericValue"] / 1024
    # Weighted audits short of full marks (None: not applicable to the page).
    failing = [
        ref["id"]
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
    ]
    line = " / ".join(map(str, scores))
    return f"{line}  poids transféré {weight:.1f} Kio" + (
        f"  à revoir : {', '.join(failing)}" if failing else ""
    )


def main(folder: str, port: int, paths: list[str]) -> None:
    base = serve(folder, port)
    print("page : performance / accessibilité / bonnes pratiques / SEO")
    for path in paths:
        report = audit(base + path)
        print(f"{path} : {summary(report)}", flush=True)
        name = path.strip("/").replace("/", "_") or "accueil"
        (Path(folder).parent / f"lighthouse-{name}.json").write_text(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
