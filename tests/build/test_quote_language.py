"""Words quoted in another language are marked as such (WCAG 3.1.2, RGAA 8.7):
`claim_lang` on a claim, its `lang` wherever the words are shown."""

from __future__ import annotations

import json
import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import ROOT, atom_content, build_site, copy_fixture

WORDS = "Paris has the best bike lanes in Europe."


def with_english_quote(tmp_path):
    content = copy_fixture("site", tmp_path)
    claim = content / "claims" / "velo-tout-paris.md"
    text = claim.read_text(encoding="utf-8")
    front, rest = text.split("\n---\n", 1)
    lines = [
        f'claim: "{WORDS}"' if line.startswith("claim:") else line for line in front.splitlines()
    ]
    lines.insert(2, "claim_lang: EN")
    claim.write_text("\n".join(lines) + "\n---\n" + rest, encoding="utf-8")
    return content


def test_a_quote_in_english_is_said_in_english_wherever_it_is_shown(tmp_path):
    content = with_english_quote(tmp_path)
    site = build_site(content, tmp_path / "output", CAMPAIGN_EMBEDS=True)
    page = BeautifulSoup(
        (site / "vrai-du-faux" / "velo-tout-paris" / "index.html").read_text(), "html.parser"
    )
    quote = page.find("figure", class_="quote").blockquote
    assert quote["lang"] == "en" and quote.get_text(strip=True) == WORDS
    assert page.html["lang"] == "fr"  # the page stays French around it
    [data] = [
        json.loads(script.string)
        for script in page.find_all("script", type="application/ld+json")
        if "ClaimReview" in script.string
    ]
    assert data["itemReviewed"]["inLanguage"] == "en"
    entry = atom_content(site / "flux" / "vrai-du-faux.atom.xml", "velo-tout-paris")
    [said] = [tag for tag in BeautifulSoup(entry, "html.parser")("bdi") if tag.get("lang")]
    assert (said["lang"], said.get_text()) == ("en", WORDS)
    embed = BeautifulSoup(
        (site / "vrai-du-faux" / "velo-tout-paris" / "integrer" / "index.html").read_text(),
        "html.parser",
    )
    assert embed.find("bdi", lang="en").get_text() == WORDS
    # A French quote carries no lang of its own.
    other = (site / "vrai-du-faux" / "cantines-19e" / "index.html").read_text()
    assert (
        not BeautifulSoup(other, "html.parser")
        .find("figure", class_="quote")
        .blockquote.get("lang")
    )


def test_a_language_named_in_words_is_refused_with_its_code(tmp_path):
    content = with_english_quote(tmp_path)
    claim = content / "claims" / "velo-tout-paris.md"
    claim.write_text(claim.read_text().replace("claim_lang: EN", "claim_lang: Anglais"))
    check = subprocess.run(
        [sys.executable, "-m", "campaign.commands.check", "-s", str(ROOT / "pelicanconf.py"),
         "--path", str(content)],
        cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert check.returncode == 1
    assert (
        "velo-tout-paris.md:3: « claim_lang » : « Anglais » n'est pas un code de langue ; "
        "vouliez-vous dire « en » ?"
    ) in check.stdout + check.stderr
    assert "Traceback" not in check.stdout + check.stderr
