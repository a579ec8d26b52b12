"""`make serve`: live preview that rebuilds on every save and reloads the open page.

Each build runs in a fresh Pelican process, so edits to the plugin's own code are
picked up too. A failed build leaves the last good pages in place and shows its
errors on them. The reload script is served by this server only: it is never
written into the output, so `make publish` cannot ship it.

Usage: python -m campaign.commands.serve [--port 8000] [--content content] [--output preview]
"""

from __future__ import annotations

import argparse
import errno
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time

import watchfiles

from .build import published_site

STATE_PATH = "/__apercu/etat"
SCRIPT_PATH = "/__apercu/script.js"

# Polls the build state; reloads when a build newer than the page is ready, shows
# errors otherwise. "Newer" is measured from the page's own start, not from its first
# poll: a rebuild that ends before that poll (they take a second) still reloads it.
SCRIPT = """\
(function () {
  var banner = document.createElement("pre");
  banner.setAttribute("role", "alert");
  banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;max-height:50vh;" +
    "overflow:auto;padding:1rem;background:#fde8e8;color:#1b1f24;border-top:4px solid #b0182a;" +
    "white-space:pre-wrap;font:14px/1.4 monospace;z-index:9999";
  function poll() {
    fetch("STATE_PATH", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (state) {
        if (!state.error && state.built > performance.timeOrigin) { location.reload(); return; }
        if (state.error) {
          banner.textContent = "Erreur de construction : la page montre la dernière version valide.\\n\\n" + state.error;
          if (!banner.isConnected) document.body.appendChild(banner);
        } else if (banner.isConnected) { banner.remove(); }
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
""".replace("STATE_PATH", STATE_PATH)

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
WILDCARDS = ("", "0.0.0.0", "::")


class Preview:
    """The state shared by the watcher thread and the web server."""

    def __init__(self, args):
        self.args = args
        self.version = 0
        self.error = ""
        self.built = 0.0  # when the last good build ended, in ms since the epoch
        self.lock = threading.Lock()

    def build(self) -> None:
        command = [
            sys.executable, "-m", "campaign.commands.build", "--content", self.args.content,
            "-s", self.args.settings, "--output", self.args.output, "--live-reload",
            *(["-e", *self.args.extra_settings] if self.args.extra_settings else []),
        ]  # fmt: skip
        env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        # The build prints its mistakes alone on stderr, in French (commands/build.py).
        printed = ANSI.sub("", result.stderr or result.stdout).strip()
        with self.lock:
            self.version += 1
            self.error = printed if result.returncode else ""
            if not result.returncode:
                self.built = time.time() * 1000
        if result.returncode:
            print(f"Aperçu non mis à jour, la dernière version valide reste servie :\n{printed}")
        else:
            print(f"Aperçu à jour (version {self.version}).", flush=True)

    def state(self) -> bytes:
        with self.lock:
            state = {"version": self.version, "error": self.error, "built": self.built}
            return json.dumps(state).encode()

    def watch(self) -> None:
        paths = [self.args.content, "theme", "plugins", self.args.settings]
        for _ in watchfiles.watch(*[p for p in paths if os.path.exists(p)]):
            self.build()


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview
    hosts: frozenset[str]  # the Host headers answered: this machine's names, with the port

    def do_GET(self):
        if not self.host_allowed():
            return self.refuse_host()
        if self.path == STATE_PATH:
            return self.send_body(self.preview.state(), "application/json")
        if self.path == SCRIPT_PATH:
            return self.send_body(SCRIPT.encode(), "text/javascript")
        return super().do_GET()

    def do_HEAD(self):
        if not self.host_allowed():
            return self.refuse_host()
        return super().do_HEAD()

    def host_allowed(self) -> bool:
        # A page of another site whose name is made to point at 127.0.0.1 (DNS
        # rebinding) would read the preview, drafts and embargoes included: its requests
        # carry its own name in Host, so only this machine's names are answered.
        return (self.headers.get("Host") or "").lower() in self.hosts

    def refuse_host(self) -> None:
        first = sorted(self.hosts)[0]
        body = (
            f"Aperçu réservé à http://{first}/ : l'adresse "
            f"« {self.headers.get('Host') or '(aucune)'} » n'est pas acceptée.\n"
        ).encode()
        self.send_response(403)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_body(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        # Never "not modified": dates have one-second steps, and two builds a second
        # apart would serve the older page again on reload.
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # a preview changes at every build
        super().end_headers()

    def log_message(self, *args):
        pass


def allowed_hosts(bind: str, port: int) -> frozenset[str]:
    """The Host headers of requests from this machine's own browser."""
    names = {"127.0.0.1", "localhost"}
    if bind not in WILDCARDS:
        names.add(bind)
    return frozenset(f"{name}:{port}" for name in names)


def listen(bind: str, port: int, handler) -> http.server.ThreadingHTTPServer:
    """The server on bind:port, or a French message saying why it cannot be."""
    try:
        return http.server.ThreadingHTTPServer((bind, port), handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(
                f"Le port {port} est déjà pris (un autre `make serve` tourne peut-être "
                f"ailleurs). Arrêtez-le (Ctrl+C dans son terminal) ou choisissez un autre "
                f"port : `PORT={port + 1} make serve`."
            ) from None
        raise ServeError(
            f"Impossible d'écouter sur {bind}:{port} ({error.strerror}) : "
            f"choisissez un autre port, par exemple `PORT={port + 1} make serve`."
        ) from None


class ServeError(Exception):
    """Why the preview cannot start; the message is for the writer, in French."""


def main(argv: list[str] | None = None, handler_class: type[Handler] = Handler) -> int:
    parser = argparse.ArgumentParser(prog="make serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="preview")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    # More Pelican settings for every build, KEY=JSON (`make edit` turns the editor on).
    parser.add_argument("-e", "--extra-settings", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args(argv)
    refusal = published_site(args.output)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    preview = Preview(args)
    os.makedirs(args.output, exist_ok=True)
    attributes = {"preview": preview, "hosts": allowed_hosts(args.bind, args.port)}
    handler = functools.partial(
        type("PreviewHandler", (handler_class,), attributes), directory=args.output
    )
    try:
        server = listen(args.bind, args.port, handler)
    except ServeError as error:
        print(error, file=sys.stderr)
        return 1
    preview.build()
    threading.Thread(target=preview.watch, daemon=True).start()
    print(f"Aperçu sur http://{args.bind}:{args.port}/ (Ctrl+C pour arrêter)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
