"""Tier 3: a build inside an electoral silence (Code électoral, art. L49).

The moment is the day before a round: an item dated that morning, one modified and
one corrected that day are in no output, the older ones stay, the kits and the home
page tell volunteers to stop sharing; `make check` gives a notice per held file.
"""

import gzip
import subprocess
import sys

import pytest

from conftest import ROOT, build_site, copy_fixture, indexed
from test_build import PUBLISHED, soup

ROUND = "2026-11-22"
EVE = "2026-11-21T12:00"  # the day before the round, at noon
NEW_CLAIM = """---
claim: "Une affirmation vérifiée la veille du scrutin."
title: "Une vérification de la veille"
claimant: "Hélène Marchetti"
verdict: faux
summary: "Publiée pendant la réserve électorale."
date: 2026-11-21 08:00
topics: [logement]
sources:
  - title: "Source"
    url: https://www.example.org/veille
---

Texte.
"""
HELD = ["veille-du-scrutin", "programme", "velo-tout-paris"]
STAYING = [slug for slug in PUBLISHED if slug not in HELD]


@pytest.fixture(scope="module")
def silent(tmp_path_factory):
    """The fixture site with one claim dated the round's eve, one post modified and one
    claim corrected that day, built at noon that day."""
    base = tmp_path_factory.mktemp("reserve")
    content = copy_fixture("site", base)
    (content / "claims" / "veille-du-scrutin.md").write_text(NEW_CLAIM, encoding="utf-8")
    post = content / "posts" / "programme.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            "date: 2026-02-01 09:00", "date: 2026-02-01 09:00\nmodified: 2026-11-21 07:30"
        ),
        encoding="utf-8",
    )
    claim = content / "claims" / "velo-tout-paris.md"
    text = claim.read_text(encoding="utf-8")
    corrected = '\ncorrections:\n  - date: 2026-11-21\n    note: "Chiffre corrigé."\n---\n\n'
    claim.write_text(text.replace("\n---\n\n", corrected, 1), encoding="utf-8")
    output = build_site(
        content, base / "output", CAMPAIGN_NOW=EVE, CAMPAIGN_ELECTION_ROUNDS=[ROUND]
    )
    return content, output


def every_text(site) -> str:
    """Every output file as text (gzip opened): pages, feeds, data, sitemap, index."""
    texts = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts.append(path.relative_to(site).as_posix() + "\n" + data.decode("utf-8", "replace"))
    return "\n".join(texts)


def test_held_items_are_in_no_output_while_older_ones_stay(silent):
    _, site = silent
    everything = every_text(site)
    for slug in HELD:
        assert f"/{slug}/" not in everything, slug
        assert not list(site.rglob(f"*{slug}*")), slug
    assert "Une affirmation vérifiée la veille" not in everything
    assert not [url for url in indexed(site) if any(slug in url for slug in HELD)]
    for slug in STAYING:
        assert (site / "vrai-du-faux" / slug / "index.html").exists()
        assert f"/vrai-du-faux/{slug}/" in (site / "sitemap.xml").read_text()
        assert f'"slug": "{slug}"' in (site / "donnees" / "verifications.json").read_text()
    kit = soup(site, "partager")
    linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in kit.select(".kit-item h3 a")}
    assert set(STAYING) <= linked and not set(HELD) & linked


@pytest.mark.parametrize("url", ["partager", "arrondissements/13e/partager", ""])
def test_kits_and_home_tell_volunteers_to_stop_sharing(silent, url):
    _, site = silent
    notice = soup(site, url).select_one(".silence")
    text = notice.get_text(" ", strip=True)
    assert "ne partagez plus rien jusqu’au dimanche 22 novembre 2026 à 20 h" in text
    assert "samedi 21 novembre 2026 à 0 h" in text and "L49" in text


def test_outside_any_window_no_notice(site):
    assert not soup(site, "partager").select(".silence")
    assert not soup(site, "").select(".silence")


def test_make_check_gives_a_french_notice_per_held_file_not_an_error(silent, tmp_path):
    content, _ = silent
    settings = tmp_path / "reserve.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa\n"
        f"CAMPAIGN_NOW = {EVE!r}\nCAMPAIGN_ELECTION_ROUNDS = [{ROUND!r}]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "campaign.commands.check", "-s", str(settings)]
        + ["--path", str(content)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    notices = [line for line in result.stdout.splitlines() if "réserve électorale" in line]
    found = {line.split(":")[0].rsplit("/", 1)[-1]: line for line in notices}
    assert sorted(found) == ["programme.md", "veille-du-scrutin.md", "velo-tout-paris.md"]
    assert (
        ".md:7: avis : réserve électorale (Code électoral, art. L49) : ce contenu est daté"
        in (found["veille-du-scrutin.md"])
    )
    assert "est modifié du samedi 21 novembre 2026 à 7 h 30" in found["programme.md"]
    assert "est corrigé du samedi 21 novembre 2026 à 0 h" in found["velo-tout-paris.md"]
    assert "Contenu valide" in result.stdout
