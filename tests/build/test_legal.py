"""Tier 3: /mentions-legales/, its footer link, and the production build refused without it."""

import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import ROOT, copy_fixture
from test_build import soup


def test_legal_page_names_publisher_director_and_host(site):
    page = soup(site, "mentions-legales")
    text = page.select_one("article").get_text(" ", strip=True)
    for expected in (
        "Association de financement de la campagne Paris Passerelles (fictive)",
        "12 rue de l'Exemple, 75013 Paris",
        "Camille Exemple",
        "Hébergeur Exemple SAS (fictif)",
        "1 avenue de l'Hébergement, 59000 Lille",
        "03 00 00 00 00",
    ):
        assert expected in text
    assert not page.select(".draft")  # complete: nothing to fill in
    assert page.find("a", href="tel:0100000000")


def test_every_page_links_to_the_legal_notices(site):
    pages = [p for p in site.rglob("index.html") if "integrer" not in p.parts]
    assert len(pages) > 40
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in page.select("footer.site-footer a")]
        assert any(href.endswith("mentions-legales/") for href in links), path


def test_production_build_without_a_director_is_refused_in_french(tmp_path):
    content = copy_fixture("site", tmp_path)
    settings = tmp_path / "sans_directeur.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from publishconf import *  # noqa\n"
        "SITEURL = 'https://verification.campagne.test'\n"
        "CAMPAIGN_PUBLICATION_DIRECTOR = ''\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-m", "campaign.commands.publish", "-s", str(settings)]
        + ["--content", str(content), "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "mentions légales incomplètes" in result.stderr
    assert 'CAMPAIGN_PUBLICATION_DIRECTOR = "Prénom Nom"' in result.stderr
    assert "publishconf.py" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Publication annulée" in result.stderr
    assert not output.exists()
