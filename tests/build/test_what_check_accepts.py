"""Tier 3: what `make check` accepts, the build builds; what the build would refuse,
`make check` reports first, in French, at its line (issue: every promise holds).

Each case is a careless or hostile edit of the fixture site, named after it.
"""

import pickle
import sys
import types

import pytest
from bs4 import BeautifulSoup

from campaign.commands.check import check_content
from campaign.generators.base import ContentError
from campaign.settings import apply_defaults

from conftest import build_site, copy_fixture, site_settings

CLAIM = "claims/velo-tout-paris.md"


def edit(content, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(content, name: str, text: str) -> None:
    path = content / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def cut_in_half(path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def checked(content, output) -> list:
    settings = site_settings(content, output)
    apply_defaults(settings)
    return check_content(settings).problems


CASES = {
    "topic_colour_red": (
        lambda c: edit(c, "data/topics.yaml", 'colour: "#8a3b12"', "colour: red"),
        ("data/topics.yaml", 3, "couleur « red » illisible"),
    ),
    "arrondissement_in_two_districts": (
        lambda c: edit(c, "data/districts.yaml", "arrondissements: [13]", "arrondissements: [4]"),
        ("data/districts.yaml", 6, "l'arrondissement 4 est déjà dans le secteur « paris-centre »"),
    ),
    "modified_before_date": (
        lambda c: edit(
            c, CLAIM, "date: 2026-01-10 10:00", "date: 2026-01-10 10:00\nmodified: 2026-01-09 10:00"
        ),
        (CLAIM, 7, "« modified » (2026-01-09 10:00) est avant « date »"),
    ),
    "correction_in_the_future": (
        lambda c: append_front(
            c, CLAIM, "corrections:\n  - date: 2026-12-25\n    note: Plus tard.\n"
        ),
        (CLAIM, 15, "correction datée du 25/12/2026, après aujourd'hui"),
    ),
    "correction_before_publication": (
        lambda c: append_front(c, CLAIM, "corrections:\n  - date: 2026-01-02\n    note: Avant.\n"),
        (CLAIM, 15, "correction datée du 02/01/2026, avant la publication (10/01/2026)"),
    ),
    "claim_said_after_it_is_checked": (
        lambda c: edit(
            c, "claims/metro-paris-centre.md", "claim_date: 2026-03-01", "claim_date: 2027-03-01"
        ),
        ("claims/metro-paris-centre.md", 4, "« claim_date » (2027-03-01) est après la publication"),
    ),
    "right_of_reply_contacted_in_the_future": (
        lambda c: edit(c, CLAIM, "contacted: 2026-01-08", "contacted: 2027-01-08"),
        (CLAIM, 12, "« response › contacted » (08/01/2027) est après aujourd'hui"),
    ),
    "source_dated_after_today": (
        lambda c: edit(
            c, "claims/logements-sociaux-13e.md", "date: 2025-06-01", "date: 2027-06-01"
        ),
        ("claims/logements-sociaux-13e.md", 21, "datée du 01/06/2027, après aujourd'hui"),
    ),
    "event_announced_after_its_end": (
        lambda c: edit(c, "events/meeting-tout-paris.md", "date: 2026-11-18", "date: 2026-12-18"),
        ("events/meeting-tout-paris.md", 3, "tombe après sa fin (2026-12-05 21:00)"),
    ),
    "post_shared_until_before_it_is_out": (
        lambda c: edit(
            c,
            "posts/programme.md",
            "date: 2026-02-01 09:00",
            "date: 2026-02-01 09:00\nuntil: 2026-01-15",
        ),
        ("posts/programme.md", 4, "« until » (2026-01-15) tombe avant « date » (2026-02-01)"),
    ),
    "page_status_publie": (
        lambda c: edit(c, "pages/contact.md", "title:", "status: publie\ntitle:"),
        ("pages/contact.md", 2, "statut « publie » inconnu ; vouliez-vous dire « published » ?"),
    ),
    "page_save_as_home": (
        lambda c: edit(c, "pages/contact.md", "title:", "save_as: index.html\ntitle:"),
        ("pages/contact.md", 2, "« save_as » : une page ne choisit pas où elle est écrite"),
    ),
    "page_template_of_a_claim": (
        lambda c: edit(c, "pages/methode.md", "template: methode", "template: claim"),
        ("pages/methode.md", 4, "gabarit « claim » inconnu pour une page"),
    ),
    "page_slug_climbing_out": (
        lambda c: edit(c, "pages/contact.md", "title:", "slug: ../../etc\ntitle:"),
        ("pages/contact.md", 2, "adresse « ../../etc » invalide"),
    ),
    "page_named_like_the_share_kit": (
        lambda c: (c / "pages/contact.md").rename(c / "pages/partager.md"),
        ("pages/partager.md", 1, "l'adresse /partager/ est déjà prise par"),
    ),
    "claim_named_like_a_sheet_card": (
        lambda c: (c / CLAIM).rename(c / "claims/fiche-transports.md"),
        ("claims/fiche-transports.md", 1, "est le nom de l'image de partage de la fiche"),
    ),
    "link_with_a_typo": (
        lambda c: append(c, CLAIM, "\nVoir [le métro](/vrai-du-faux/metro-paris-centr/).\n"),
        (CLAIM, 18, "lien vers « /vrai-du-faux/metro-paris-centr/ » : aucune page"),
    ),
    "pelican_filename_link": (
        lambda c: append(c, CLAIM, "\nVoir [la méthode]({filename}/pages/methode.md).\n"),
        (CLAIM, 18, "lien « {filename}/pages/methode.md » : écrivez l'adresse"),
    ),
    "image_without_alt": (
        lambda c: append(c, CLAIM, '\n<img alt="" src="/images/x.png">\n'),
        (CLAIM, 18, "image sans texte de remplacement"),
    ),
    "event_until_year_9999": (
        lambda c: edit(c, "events/meeting-tout-paris.md", "end: 2026-12-05", "end: 9999-12-31"),
        ("events/meeting-tout-paris.md", 5, "l'année 9999 est hors de la plage acceptée"),
    ),
    "claim_dated_year_one": (
        lambda c: edit(c, "claims/metro-paris-centre.md", "\ndate: 2026-", "\ndate: 0001-"),
        ("claims/metro-paris-centre.md", 7, "« date » (0001-"),
    ),
    "verdict_written_as_read": (
        lambda c: edit(c, CLAIM, "verdict: vrai", "verdict: Plutôt vrai"),
        (CLAIM, 4, "vouliez-vous dire « plutot-vrai » ?"),
    ),
    # The build stopped on it (FileNotFoundError) before telling the typo: the
    # post's card was drawn from its photo while the files were still being read.
    "photo_name_with_a_typo": (
        lambda c: edit(c, "posts/programme.md", "images/marche.jpg", "images/marhce.jpg"),
        ("posts/programme.md", 5, "vouliez-vous dire « images/marche.jpg » ?"),
    ),
    # Both were published as images/photos/marche-*.jpg: one post showed the other's photo.
    "two_photos_one_published_name": (
        lambda c: (
            (c / "images/marche.png").write_bytes((c / "images/reunion.jpg").read_bytes()),
            edit(
                c,
                "posts/reunion-19e.md",
                "topics:",
                'image: {file: images/marche.png, alt: "x"}\ntopics:',
            ),
        ),
        ("posts/reunion-19e.md", 5, "« images/marche.png » serait publiée sous le nom"),
    ),
    # The build stopped on it: « Erreur inattendue … image file is truncated ».
    "photo_copy_cut_half_way": (
        lambda c: cut_in_half(c / "images/marche.jpg"),
        ("images/marche.jpg", 1, "« images/marche.jpg » est abîmée ou incomplète"),
    ),
    # Copied as it is, with the EXIF of the phone (GPS) it came from.
    "iphone_photo_left_in_images": (
        lambda c: (c / "images/img-4032.heic").write_bytes((c / "images/reunion.jpg").read_bytes()),
        ("images/img-4032.heic", 1, "fichier « .heic » refusé dans images/"),
    ),
    "make_new_reminder_left_in_the_text": (
        lambda c: append(c, CLAIM, "\nÀ compléter : l'analyse.\n"),
        (CLAIM, 18, "le texte de la page contient encore un texte provisoire"),
    ),
}


def append_front(content, name: str, lines: str) -> None:
    """Add lines at the end of a file's front matter."""
    path = content / name
    head, fence, body = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(f"{head}\n{lines.rstrip()}{fence}{body}", encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_what_the_build_would_refuse_and_the_build_agrees(tmp_path, case):
    change, (name, line, message) = CASES[case]
    content = copy_fixture("site", tmp_path)
    change(content)
    problems = checked(content, tmp_path / "check")
    found = [(p.path.split("site/", 1)[-1], p.line, p.message) for p in problems]
    assert any(n == name and l == line and message in m for n, l, m in found), found
    with pytest.raises(ContentError) as refused:
        build_site(content, tmp_path / "output", SITEURL="https://campagne.test")
    assert refused.value.problems == problems


def test_text_pasted_from_word_is_published_with_its_line_breaks(tmp_path):
    content = copy_fixture("site", tmp_path)
    append(content, CLAIM, "\nUne ligne\vcoupée par Maj+Entrée,\x07 sans cloche.\n")
    assert checked(content, tmp_path / "check") == []
    output = build_site(content, tmp_path / "output", SITEURL="https://campagne.test")
    page = (output / "vrai-du-faux/velo-tout-paris/index.html").read_text(encoding="utf-8")
    assert "Une ligne\ncoupée par Maj+Entrée, sans cloche." in page
    assert "Maj+Entrée" in (output / "flux/tout.atom.xml").read_text(encoding="utf-8")


def test_a_claim_with_a_mistake_is_told_once_not_again_by_the_sheet_answering_with_it(
    tmp_path,
):
    content = copy_fixture("site", tmp_path)
    edit(content, "claims/metro-paris-centre.md", "verdict: faux", "verdict: fau")
    problems = checked(content, tmp_path / "check")
    assert {p.path.split("site/", 1)[-1] for p in problems} == {"claims/metro-paris-centre.md"}


def test_html_and_links_shown_as_code_are_accepted_and_published_as_text(tmp_path):
    """A claim quoting a troll's markup, a Markdown example: code, not an image
    without its text nor a dead link."""
    content = copy_fixture("site", tmp_path)
    append(content, CLAIM, "\nLe message contenait `<img src=x onerror=alert(1)>`.\n")
    append(content, CLAIM, "\n```\n[un lien](/vrai-du-faux/nom-du-fichier/)\n```\n")
    assert checked(content, tmp_path / "check") == []
    output = build_site(content, tmp_path / "output", SITEURL="https://campagne.test")
    page = (output / "vrai-du-faux/velo-tout-paris/index.html").read_text(encoding="utf-8")
    assert "<code>&lt;img src=x onerror=alert(1)&gt;</code>" in page
    assert "[un lien](/vrai-du-faux/nom-du-fichier/)" in page


def test_a_fixed_page_dated_later_is_held_back_like_a_claim(tmp_path):
    content = copy_fixture("site", tmp_path)
    edit(content, "pages/contact.md", "title:", "date: 2099-01-01 09:00\ntitle:")
    assert checked(content, tmp_path / "check") == []
    output = build_site(content, tmp_path / "output", SITEURL="https://campagne.test")
    assert not (output / "contact").exists()
    assert "/contact/" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert (output / "methode/index.html").exists()


def test_a_cache_written_by_older_code_is_forgotten_not_fatal(tmp_path, monkeypatch):
    content = copy_fixture("site", tmp_path)
    cache = tmp_path / "output-cache"
    cache.mkdir()
    # Pelican's cache of pages, pickled when a class lived in a module since moved.
    old = types.ModuleType("campaign_old_model")
    old.FrontMatter = type("FrontMatter", (), {"__module__": "campaign_old_model"})
    monkeypatch.setitem(sys.modules, "campaign_old_model", old)
    stale = pickle.dumps({"contact.md": old.FrontMatter()})
    monkeypatch.delitem(sys.modules, "campaign_old_model")
    (cache / "PagesGenerator-Readers").write_bytes(stale)
    output = build_site(content, tmp_path / "output", LOAD_CONTENT_CACHE=True)
    soup = BeautifulSoup((output / "contact/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.h1
