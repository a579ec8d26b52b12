"""Publishing as the press officer does it: a mistake never reaches, nor damages, the site."""

import os
import subprocess

from conftest import ROOT, copy_fixture


def make(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True
    )


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_publish_leaves_the_live_output_untouched(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    first = make("publish", f"CONTENT={content}", f"OUTPUT={output}")
    assert first.returncode == 0, first.stderr
    before = snapshot(output)
    assert (output / "vrai-du-faux/velo-tout-paris/index.html").exists()
    # Valid for `make check`, but the strict build warns: an image without alt text.
    claim = content / "claims" / "velo-tout-paris.md"
    claim.write_text(claim.read_text(encoding="utf-8") + "\n![](graphique.png)\n", encoding="utf-8")
    second = make("publish", f"CONTENT={content}", f"OUTPUT={output}")
    assert second.returncode != 0
    assert "Publication annulée" in second.stderr
    assert snapshot(output) == before
    assert not (tmp_path / "output.new").exists()


def test_build_on_broken_content_lists_problems_without_a_traceback(tmp_path):
    content = copy_fixture("site", tmp_path)
    claim = content / "claims" / "cantines-19e.md"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("topics: [ecoles]", "topics: [ecole]")
    )
    result = subprocess.run(
        [
            str(ROOT / ".venv/bin/pelican"),
            str(content),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-o",
            str(tmp_path / "output"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400"},  # rich would wrap lines at 80 columns
    )
    printed = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in printed
    assert "1 erreur(s) dans le contenu" in printed
    assert "cantines-19e.md:7: sujet « ecole » inconnu" in printed
