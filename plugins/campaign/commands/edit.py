"""`make edit`: the web editor at http://127.0.0.1:8000/admin/, beside the live preview.

One command: Decap's local server (decap-server, from tools/editor) reads and
writes the content folder, bound to 127.0.0.1 only; the live preview of `make
serve` builds /admin/ (CAMPAIGN_EDITOR) and passes the editor's requests on to
that server, so the editor talks to its own address alone. A file saved in the
editor is a file in content/, rebuilt and shown like any other.

Usage: python -m campaign.commands.edit [--port 8000] [--content content] [--output preview]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from ..content.files import name_problem, suggested_name
from ..content.pictures import unstripped
from ..editor.site import DECAP_DIST, ROOT
from . import serve

API_PATH = "/api/v1"
DECAP_SERVER = ROOT / "tools" / "editor" / "node_modules" / "decap-server" / "dist" / "index.js"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


class EditorHandler(serve.Handler):
    """The preview's server, passing the editor's requests on to decap-server."""

    backend = ""  # http://127.0.0.1:<port>, set by `main`

    def do_POST(self):
        refusal = self.refusal()
        if refusal:
            return self.send_json(403, {"error": refusal})
        length = int(self.headers.get("Content-Length") or 0)
        data, refusal = screened(self.rfile.read(length))
        if refusal:  # shown by the editor: « Échec de l'enregistrement… : <refusal> »
            return self.send_json(422, {"error": refusal})
        request = urllib.request.Request(
            self.backend + API_PATH,
            data=data,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, data = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, data = error.code, error.read()
        except OSError:
            message = "le serveur local de l'éditeur ne répond plus ; relancez « make edit »"
            return self.send_json(502, {"error": message})
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refusal(self) -> str:
        """Why a request may not write into content/: only the editor's own page,
        served from this machine, may (not another site open in the browser)."""
        if self.path != API_PATH:
            return f"adresse inconnue : {self.path}"
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return "requête refusée : JSON attendu"
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if host not in LOCAL_HOSTS:
            return f"requête refusée : hôte « {host} » inconnu"
        origin = self.headers.get("Origin")
        if origin and origin != f"http://{self.headers.get('Host')}":
            return f"requête refusée : origine « {origin} » étrangère"
        return ""

    def send_json(self, status: int, value: dict) -> None:
        data = json.dumps(value, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def screened(data: bytes) -> tuple[bytes, str]:
    """The editor's request as passed on, or why it is refused: no file is written
    into content/ under a name `make check` would refuse, since nobody using the
    editor can rename a file. A photo's name is made simple (« IMG_0412.JPG »
    from a phone becomes img-0412.jpg; the editor shows the name it got); a
    picture the site cannot publish without its metadata is refused; a new
    entry's name comes from its title, which only the writer can change."""
    try:
        request = json.loads(data)
        params = request["params"]
        action = request["action"]
    except (ValueError, KeyError, TypeError):
        return data, ""  # not ours to judge: decap-server answers it
    if action == "persistMedia" and isinstance(params.get("asset"), dict):
        asset = params["asset"]
        folder, _, name = str(asset.get("path", "")).rpartition("/")
        refusal = picture_refusal(name)
        if refusal:
            return data, refusal
        stem, _, suffix = name.rpartition(".")
        asset["path"] = f"{folder}/{suggested_name(stem)}.{suffix.lower()}"
        return json.dumps(request).encode(), ""
    if action == "persistEntry":
        for asset in params.get("assets") or []:
            refusal = picture_refusal(str(asset.get("path", "")).rpartition("/")[2])
            refusal = refusal or name_problem(str(asset.get("path", "")).rpartition("/")[2])
            if refusal:
                return data, f"image non enregistrée : {refusal}"
        if (params.get("options") or {}).get("newEntry"):
            for entry in params.get("dataFiles") or []:
                refusal = title_refusal(str(entry.get("path", "")).rpartition("/")[2])
                if refusal:
                    return data, refusal
    return data, ""


def picture_refusal(name: str) -> str:
    """Why a picture named `name` may not go into images/, in the words of `make check`."""
    message = unstripped(name)
    return f"photo « {name} » non enregistrée : {message}" if message else ""


def title_refusal(name: str) -> str:
    """Why a new entry's file, named from its title, would be refused by `make check`."""
    stem = name.rpartition(".")[0]
    if not stem:
        return (
            "le titre doit contenir au moins une lettre ou un chiffre : il donne le nom "
            "du fichier et l'adresse de la page ; complétez-le puis enregistrez"
        )
    if name_problem(name):
        return (
            f"le titre donnerait au fichier le nom « {name} », que « make check » refuse "
            "(seuls les minuscules sans accent, chiffres et tirets y sont permis) ; "
            "retirez du titre les signes « _ » ou « ~ » pour ce premier enregistrement "
            "(le nom du fichier ne change plus ensuite, le titre si), puis enregistrez"
        )
    return ""


def editor_setting(content: str, port: int) -> dict:
    """CAMPAIGN_EDITOR for the local preview: Decap's proxy backend at our address,
    the repository being the content folder's parent (as decap-server is told)."""
    return {
        "backend": {"name": "proxy", "proxy_url": f"http://127.0.0.1:{port}{API_PATH}"},
        "root": os.path.dirname(os.path.abspath(content)),
        "site_url": f"http://127.0.0.1:{port}",
    }


def missing_install() -> str:
    for path in (DECAP_DIST / "decap-cms.js", DECAP_SERVER):
        if not path.exists():
            return (
                f"{path} manque : lancez « make edit » (qui installe l'éditeur) ou « make editor »"
            )
    if not shutil.which("node"):
        return "node introuvable : installez les paquets « nodejs » et « npm »"
    return ""


def start_backend(content: str, port: int, origin: str) -> subprocess.Popen:
    """decap-server on 127.0.0.1:<port>, reading and writing the content folder."""
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": os.path.dirname(os.path.abspath(content)),
        "ORIGIN": origin,
        "LOG_LEVEL": "warn",
    }
    return subprocess.Popen(["node", str(DECAP_SERVER)], env=env, preexec_fn=die_with_parent)


def die_with_parent() -> None:
    """In the child, before node starts: end it if `make edit` itself is killed
    (Linux), so no server is left writing into content/."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def wait_for(port: int, process: subprocess.Popen, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make edit", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--backend-port", type=int, default=8081)
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="preview")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    problem = missing_install()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # Stopped like Ctrl+C (a terminal closed, a test ending): the local server too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    backend = start_backend(args.content, args.backend_port, f"http://127.0.0.1:{args.port}")
    try:
        if not wait_for(args.backend_port, backend):
            print(
                f"le serveur local de l'éditeur n'a pas démarré sur le port {args.backend_port} ; "
                "un autre « make edit » tourne-t-il ? Sinon choisissez EDITOR_PORT=8082",
                file=sys.stderr,
            )
            return 1
        print(
            f"Éditeur sur http://127.0.0.1:{args.port}/admin/ dès que l'aperçu est prêt", flush=True
        )
        setting = json.dumps(editor_setting(args.content, args.port))
        handler = type(
            "EditorPreview", (EditorHandler,), {"backend": f"http://127.0.0.1:{args.backend_port}"}
        )
        serve_argv = [
            "--port", str(args.port), "--content", args.content, "--output", args.output,
            "-s", args.settings, "-e", f"CAMPAIGN_EDITOR={setting}",
        ]  # fmt: skip
        return serve.main(serve_argv, handler_class=handler)
    finally:
        backend.terminate()
        backend.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
