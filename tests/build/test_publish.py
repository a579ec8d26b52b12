"""Publishing as the press officer does it: a mistake never reaches, nor damages, the site."""

import os
import re
import shutil
import subprocess
import sys

from campaign.output.writer import record_path

from conftest import ROOT, copy_fixture

SITEURL = "https://verification.campagne.test"


def make(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env or {**os.environ, "SITEURL": SITEURL},
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
    # Content `make check` accepts always builds: the build fails here for another
    # reason, a template broken by a theme edit.
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "claim.html").write_text("{% if %}", encoding="utf-8")
    settings = tmp_path / "themeconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *\n"
        f"THEME = {str(theme)!r}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "campaign.commands.publish", "--content", str(content)]
    command += ["--output", str(output), "-s", str(settings)]
    env = {**os.environ, "SITEURL": SITEURL, "PYTHONPATH": str(ROOT / "plugins")}
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert second.returncode != 0
    assert "Publication annulée" in second.stderr
    assert "Traceback" not in second.stderr
    assert snapshot(output) == before
    assert sorted(p.name for p in (tmp_path / "output.versions").iterdir()) == [".verrou", "000001"]
    assert not records_of(tmp_path / "output.versions" / "000002.partiel")


def test_publish_is_a_link_to_a_complete_version(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    result = make("publish", f"CONTENT={content}", f"OUTPUT={output}")
    assert result.returncode == 0, result.stderr
    assert output.is_symlink()
    assert os.readlink(output) == "output.versions/000001"
    pages = len(list(output.rglob("*.html")))
    assert result.stdout.strip().splitlines()[-1] == (
        f"Publié : {pages} pages dans {output}/ (→ output.versions/000001/). "
        "Pour le mettre en ligne, voir docs/publier.md."
    )
    assert f'href="{SITEURL}/vrai-du-faux/velo-tout-paris/"' in (output / "index.html").read_text()
    # No writer's record is left in the cache for the folder it was built in: no build
    # writes there again, and records would pile up, one a publish.
    assert not records_of(tmp_path / "output.versions" / "000001.partiel")


def records_of(folder) -> list[str]:
    """The writer's record for an output folder, if the cache holds one."""
    path = record_path(str(folder), str(ROOT / "cache"))
    return [path] if os.path.exists(path) else []


def test_publish_refuses_a_missing_example_or_mistyped_address(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    without = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    for address in ("", "https://paris-passerelles.example.org", "https://verification.test["):
        env = {**without, "SITEURL": address} if address else without
        result = make("publish", f"CONTENT={content}", f"OUTPUT={output}", env=env)
        assert result.returncode != 0
        assert "Publication refusée : SITEURL" in result.stderr
        assert "SITEURL=https://" in result.stderr and "publishconf.py" in result.stderr
        assert "Traceback" not in result.stderr
        assert not output.exists() and not (tmp_path / "output.versions").exists()


def test_an_output_folder_of_an_older_version_is_migrated(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    (output / "ancien").mkdir(parents=True)
    (output / "ancien" / "index.html").write_text("ancien site")
    result = make("publish", f"CONTENT={content}", f"OUTPUT={output}")
    assert result.returncode == 0, result.stderr
    assert os.readlink(output) == "output.versions/000002"
    assert (output / "index.html").is_file() and not (output / "ancien").exists()
    # The old folder is kept as the version before, to go back by hand.
    kept = tmp_path / "output.versions" / "000001" / "ancien" / "index.html"
    assert kept.read_text() == "ancien site"


def test_leftovers_of_stopped_publishes_are_cleaned_and_two_versions_kept(tmp_path):
    content = copy_fixture("site", tmp_path)
    output = tmp_path / "output"
    versions = tmp_path / "output.versions"
    for number in (1, 2, 3, 4):  # four versions, the third one live
        (versions / f"{number:06d}").mkdir(parents=True)
        (versions / f"{number:06d}" / "index.html").write_text(str(number))
    os.symlink("output.versions/000003", output)
    (versions / "000005.partiel").mkdir()  # a build stopped midway
    os.symlink("output.versions/000004", versions / ".lien-123")  # a link never renamed
    (versions / ".lien-456").mkdir()  # an older output/ swapped out, never renamed
    result = make("publish", f"CONTENT={content}", f"OUTPUT={output}")
    assert result.returncode == 0, result.stderr
    # 000004 was built but never live: gone with the rest; 000003 is the one before.
    assert sorted(p.name for p in versions.iterdir()) == [".verrou", "000003", "000004"]
    assert (versions / "000003" / "index.html").read_text() == "3"
    assert os.readlink(output) == "output.versions/000004"
    assert (output / "vrai-du-faux/velo-tout-paris/index.html").is_file()


def test_build_lists_problems_in_french_without_log_layout(tmp_path):
    content = copy_fixture("site", tmp_path)
    claim = content / "claims" / "cantines-19e.md"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("topics: [ecoles]", "topics: [ecole]")
    )
    result = subprocess.run(
        [sys.executable, "-m", "campaign.commands.build", "--content", str(content),
         "--output", str(tmp_path / "preview")],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "COLUMNS": "400"},
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "1 erreur(s) dans le contenu :"
    assert re.fullmatch(r".*cantines-19e\.md:7: sujet « ecole » inconnu.*", lines[1])
    for noise in ("Traceback", "CRITICAL", "ContentError", "__init__.py", "rien n'a été publié"):
        assert noise not in result.stderr
