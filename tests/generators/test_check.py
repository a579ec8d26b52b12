"""`make check` as the comms team runs it: every problem at once, path:line, French."""

import re
import subprocess
import sys

from conftest import FIXTURES, ROOT

PROBLEM_LINE = re.compile(r"^(tests/fixtures/broken/\S+\.md):(\d+): (.+)$")


def run_check(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "campaign.commands.check", "--path", str(path)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": ""},
        capture_output=True,
        text=True,
    )


def test_broken_content_reports_every_file_with_its_line():
    result = run_check(FIXTURES / "broken")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    found = {}
    for line in result.stdout.splitlines():
        match = PROBLEM_LINE.match(line)
        assert match, line
        name = match[1].rsplit("/", 1)[-1]
        if "/posts/claim_" in match[1]:
            name = "posts/" + name
        found.setdefault(name, []).append((int(match[2]), match[3]))
    expected = {
        "claim_bad_date.md": (10, "« date » illisible (« 12 mars »)"),
        "claim_bad_yaml.md": (2, "YAML invalide"),
        "claim_impossible_date.md": (11, "date impossible « 2026-02-30 »"),
        "claim_boolean_claimant.md": (4, "lu comme un booléen"),
        "claim_empty_file.md": (1, "le fichier est vide"),
        "claim_empty_sources.md": (8, "« sources » doit contenir au moins un élément"),
        "claim_ftp_url.md": (10, "« sources n° 1 › url » doit être une adresse web complète"),
        "claim_missing_sources.md": (1, "« sources » doit contenir au moins un élément"),
        "claim_not_utf8.md": (2, "pas encodé en UTF-8"),
        "claim_pelican_metadata.md": (1, "en-tête YAML manquant"),
        "claim_too_long.md": (2, "« claim » fait 300 caractères ; maximum 280"),
        "claim_unknown_verdict.md": (
            3,
            "verdict « presque-vrai » inconnu ; vouliez-vous dire « plutot-vrai » ? valeurs possibles : vrai,",
        ),
        "claim_duplicate_slug.md": (1, "adresse « claim-duplicate-slug » déjà prise"),
        "claim_unknown_claimant.md": (
            4,
            "« Hélène Marchety » n'est pas dans data/claimants.yaml ; "
            "vouliez-vous dire « Hélène Marchetti » ?",
        ),
        "post_misspelled_field.md": (4, "vouliez-vous dire « summary »"),
        "posts/claim_duplicate_slug.md": (1, "leurs images de partage se remplaceraient"),
        "sport.md": (2, "sujet « sport » inconnu"),
    }
    for name, (line, text) in expected.items():
        assert any(l == line and text in m for l, m in found[name]), (name, found.get(name))
    topic_and_district = found["claim_unknown_topic_and_district.md"]
    assert (
        7,
        "sujet « pollution » inconnu ; valeurs possibles : logement, transports, ecoles",
    ) in topic_and_district
    assert any(l == 8 and "arrondissement « 42e » inconnu" in m for l, m in topic_and_district)
    assert sorted(found["logement.md"]) == [
        (
            10,
            "« key_figures n° 2 » n'a pas de source : ajoutez « source: https://... », "
            "l'adresse où le lecteur peut vérifier ce chiffre",
        ),
        (
            20,
            "« objections n° 1 › claim » : aucune vérification « logements-sociaux-14e » ; "
            "écrivez le nom du fichier de la vérification, sans « .md »",
        ),
    ]
    assert (
        6,
        "« key_figures » compte 2 chiffre(s) ; l'infographie en montre de 3 à 6, "
        "gardez les plus parlants",
    ) in found["sport.md"]
    assert "erreur(s) dans" in result.stderr


def test_valid_content_passes():
    result = run_check(FIXTURES / "site")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == (
        "Contenu valide : 6 vérifications, 2 actualités, 1 fiche, 5 actions, 4 événements, "
        "0 promesse, 4 pages."
    )


def test_the_shipped_example_campaign_is_valid():
    result = run_check(ROOT / "content")
    assert result.returncode == 0, result.stdout


def test_broken_data_file_is_reported(tmp_path):
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "data" / "topics.yaml").write_text(
        "- slug: logement\n  colour: rouge\n", encoding="utf-8"
    )
    result = run_check(content)
    assert result.returncode == 1
    assert "data/topics.yaml:1: champ « name » obligatoire manquant" in result.stdout
    assert (
        "data/districts.yaml:1: fichier de données « data/districts.yaml » introuvable"
        in result.stdout
    )


def test_warnings_are_printed_but_never_fail_the_check():
    """A published claim without the right of reply: told at its line, exit 0."""
    result = run_check(FIXTURES / "transparency")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    warned = [line for line in lines if ": attention : " in line]
    assert warned == [
        "tests/fixtures/transparency/claims/sans-contact.md:4: attention : droit de réponse "
        "non renseigné pour Hélène Marchetti ; ajoutez « response: {contacted: AAAA-MM-JJ, "
        "reply: \"...\"} » (sans « reply » s'il n'y a pas eu de réponse)"
    ]
    assert lines[-1].startswith("Contenu valide :")
    assert lines[-1].endswith("; 1 avertissement(s) ci-dessus.")
