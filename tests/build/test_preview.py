"""The preview apart from the published site, and `make serve` as a careless or hostile visitor meets it."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time

import pytest
from test_publish import make, snapshot

from conftest import ROOT, copy_fixture

SERVE = [sys.executable, "-m", "campaign.commands.serve"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}


def test_make_html_and_serve_write_into_preview_by_default():
    for target in ("html", "serve"):
        dry_run = make("-n", target, "CONTENT=content").stdout
        assert '--output "preview"' in dry_run, dry_run
        assert "--output output" not in dry_run and '--output "output"' not in dry_run
    assert 'OUTPUT_PATH = "preview"' in (ROOT / "pelicanconf.py").read_text()


def test_a_preview_after_a_publish_leaves_the_published_site_as_it_was(tmp_path):
    content = copy_fixture("site", tmp_path)
    output, preview = tmp_path / "output", tmp_path / "preview"
    assert make("publish", f"CONTENT={content}", f"OUTPUT={output}").returncode == 0
    published = snapshot(output)
    html = make("html", f"CONTENT={content}", f"OUTPUT={output}", f"PREVIEW={preview}")
    assert html.returncode == 0, html.stderr
    assert (preview / "index.html").is_file()
    assert snapshot(output) == published
    # Pointed at the published site by mistake, the preview refuses to write through it.
    wrong = make("html", f"CONTENT={content}", f"PREVIEW={output}")
    assert wrong.returncode != 0
    assert f"{output}/ est le site publié par `make publish`" in wrong.stderr
    assert snapshot(output) == published


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_busy_port_is_said_in_french(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [*SERVE, "--port", str(port), "--content", str(ROOT / "content"),
             "--output", str(tmp_path / "preview")],
            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"Le port {port} est déjà pris")
    assert f"PORT={port + 1} make serve" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def broken_preview(tmp_path):
    """`make serve` on content with one mistake, once its first build is over."""
    content = copy_fixture("site", tmp_path)
    claim = content / "claims" / "cantines-19e.md"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("topics: [ecoles]", "topics: [ecole]")
    )
    port = free_port()
    server = subprocess.Popen(
        [*SERVE, "--port", str(port), "--content", str(content),
         "--output", str(tmp_path / "preview"), "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while get(port, "/__apercu/etat")[0] != 200 or not state(port)["version"]:
        assert server.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    yield port
    server.terminate()
    server.wait(timeout=10)


def get(port: int, path: str, host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode()
    except ConnectionRefusedError:
        return 0, ""
    finally:
        connection.close()


def state(port: int) -> dict:
    return json.loads(get(port, "/__apercu/etat")[1])


def test_preview_answers_only_this_machine(broken_preview):
    port = broken_preview
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert get(port, "/__apercu/etat", host)[0] == 200
    for host in (f"campagne-piege.test:{port}", "127.0.0.1", f"localhost:{port + 1}"):
        for path in ("/__apercu/etat", "/"):
            status, body = get(port, path, host)
            assert status == 403
            assert body.startswith(f"Aperçu réservé à http://127.0.0.1:{port}/")


def test_preview_errors_are_plain_french(broken_preview):
    error = state(broken_preview)["error"]
    assert error.startswith("1 erreur(s) dans le contenu :\n")
    assert "cantines-19e.md:7: sujet « ecole » inconnu" in error
    for noise in ("CRITICAL", "ContentError", "__init__.py", "Traceback", "rien n'a été publié"):
        assert noise not in error
