"""`make new`: a scaffold that `make check` accepts and that never publishes by itself."""

import datetime
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from campaign.commands.check import check_content
from campaign.commands.new import ScaffoldError, scaffold
from campaign.settings import apply_defaults

from conftest import ROOT, copy_fixture, site_settings

TODAY = datetime.datetime(2026, 11, 22, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize("kind", ["claim", "post"])
def test_scaffold_is_valid_and_a_draft(tmp_path, kind):
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    path, text = scaffold(kind, "Le périphérique sera-t-il limité à 50 km/h ?", settings, TODAY)
    assert path.endswith("le-peripherique-sera-t-il-limite-a-50-km-h.md")
    assert "date: 2026-11-22 09:30" in text and "status: draft" in text
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    report = check_content(settings)
    assert report.problems == []
    # Publishing the untouched scaffold is refused: its placeholders must be replaced.
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("status: draft", "status: published"))
    messages = [p.message for p in check_content(settings).problems]
    assert messages and all("texte provisoire" in m for m in messages)


def test_a_whole_sentence_as_title_gives_a_name_check_accepts(tmp_path):
    """A title over 80 characters once slugified: its first words name the file."""
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    title = (
        "Le maire a-t-il vraiment dit que le 13e avait perdu 2 000 logements sociaux depuis 2020 ?"
    )
    path, text = scaffold("claim", title, settings, TODAY)
    assert path.endswith(
        "/le-maire-a-t-il-vraiment-dit-que-le-13e-avait-perdu-2-000-logements-sociaux.md"
    )
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    assert check_content(settings).problems == []


def test_new_refuses_to_overwrite(tmp_path):
    content = copy_fixture("site", tmp_path)
    (tmp_path / "campaignconf.py").write_text(
        f"from pelicanconf import *\nPATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n",
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "campaign.commands.new",
        "claim",
        "Vélo",
        "-s",
        str(tmp_path / "campaignconf.py"),
    ]
    env = {"PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT}", "PATH": ""}
    first = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().endswith("claims/velo.md")
    second = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert second.returncode == 1 and "existe déjà" in second.stderr


@pytest.mark.parametrize(
    ("title", "topic", "name"),
    [
        ("Écoles : nos propositions", "", "ecoles.md"),
        ("Se loger à Paris", "logement", "logement.md"),
    ],
)
def test_sheet_scaffold_is_named_after_its_topic_valid_and_a_draft(tmp_path, title, topic, name):
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    path, text = scaffold("sheet", title, settings, TODAY, topic)
    assert path == str(content / "sheets" / name)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    assert check_content(settings).problems == []
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("status: draft", "status: published"))
    messages = [p.message for p in check_content(settings).problems]
    assert len(messages) >= 9 and all("texte provisoire" in m for m in messages)


def test_sheet_scaffold_asks_for_a_topic_when_the_title_names_none(tmp_path):
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    with pytest.raises(ScaffoldError, match="indiquez lequel avec TOPIC=.*logement, transports"):
        scaffold("sheet", "Nos propositions", settings, TODAY)


def test_promise_scaffold_is_valid_and_a_draft(tmp_path):
    content = copy_fixture("transparency", tmp_path)  # has data/claimants.yaml
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    path, text = scaffold("promise", "Des crèches ouvertes le samedi", settings, TODAY)
    assert path == str(content / "promises" / "des-creches-ouvertes-le-samedi.md")
    assert "draft: true" in text and "tenue, en-cours, compromis, rompue, au-point-mort" in text
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    assert check_content(settings).problems == []
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("draft: true", ""))
    messages = [p.message for p in check_content(settings).problems]
    assert messages and all("texte provisoire" in m for m in messages)
    assert any("(ou remettez « draft: true »)" in m for m in messages)


@pytest.mark.parametrize("kind, folder", [("action", "actions"), ("event", "events")])
def test_scaffolds_of_the_daily_loop_are_valid_drafts(tmp_path, kind, folder):
    content = copy_fixture("site", tmp_path)
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    path, text = scaffold(kind, "Tractage au marché Joinville", settings, TODAY)
    assert path.endswith(f"{folder}/tractage-au-marche-joinville.md")
    assert "2026-11-22" in text and "status: draft" in text
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    assert check_content(settings).problems == []
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("status: draft", "status: published"))
    messages = [p.message for p in check_content(settings).problems]
    assert messages and all("texte provisoire" in m for m in messages)


def test_make_new_writes_into_the_content_folder_it_is_given(tmp_path):
    """`make new CONTENT=...` as `make check CONTENT=...`: it wrote into content/
    whatever CONTENT said, even with a space in the folder's name."""
    content = copy_fixture("site", tmp_path / "campagne à tester")
    before = sorted((ROOT / "content").rglob("*"))
    command = ["make", "--no-print-directory", "-s", "new", f"CONTENT={content}", "KIND=post"]
    made = subprocess.run(
        [*command, "TITLE=Réunion « publique »"], cwd=ROOT, capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    assert (content / "posts" / "reunion-publique.md").is_file()
    assert sorted((ROOT / "content").rglob("*")) == before
    checked = subprocess.run(
        ["make", "--no-print-directory", "-s", "check", f"CONTENT={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
