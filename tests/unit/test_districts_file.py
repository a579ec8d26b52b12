"""Tier 1: content/data/districts.yaml, read into districts or French problems."""

import shutil

from campaign.content.catalogue import LEAD_MAX, load_catalogue
from campaign.settings import VERDICTS

from conftest import FIXTURES


def test_a_lead_too_long_for_the_printed_flyer_is_refused_at_its_line(tmp_path):
    """The flyer is one A5 page: a lead of some 400 characters pushed its notices
    (« Ne pas jeter sur la voie publique ») off the paper, unseen."""
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURES / "site" / "data" / "topics.yaml", tmp_path / "data")
    text = (FIXTURES / "site" / "data" / "districts.yaml").read_text(encoding="utf-8")
    assert "  lead: Prénom Fictif\n" in text
    long_name = "Marie-" + "Anne-" * 80 + "Dupont"
    (tmp_path / "data" / "districts.yaml").write_text(
        text.replace("  lead: Prénom Fictif\n", f"  lead: {long_name}\n", 1), encoding="utf-8"
    )
    _, problems = load_catalogue(str(tmp_path), VERDICTS)
    [problem] = problems
    line = text.splitlines().index("  lead: Prénom Fictif") + 1
    assert problem.line == line
    assert f"maximum {LEAD_MAX} (le nom tient sur le tract A5 imprimé)" in problem.message
