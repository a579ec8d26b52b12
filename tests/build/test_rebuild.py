"""Tier 3: a rebuild keeps the claim and post pages it need not render, and gives
the same bytes as a cold build, whatever changed (see campaign/inputs.py)."""

import shutil
from collections import Counter

import jinja2
import pytest

from campaign.generators import base, forked_reading
from campaign.images import cache as image_cache
from campaign.output import forked
from campaign.pipeline import SitePagesBeside

from conftest import ROOT, build_site, copy_fixture

CLAIM = "velo-tout-paris"


@pytest.fixture
def renders(monkeypatch) -> Counter:
    """How many times each template is rendered, from now on."""
    counts = Counter()
    render = jinja2.Template.render

    def counted(template, *args, **kwargs):
        counts[template.name] += 1
        return render(template, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counted)
    return counts


def edit_claim(content):
    claim = content / "claims" / f"{CLAIM}.md"
    claim.write_text(claim.read_text().replace('summary: "', 'summary: "Mis à jour. ', 1))


def rename_topic(content):
    topics = content / "data" / "topics.yaml"
    topics.write_text(topics.read_text().replace("name: Transports", "name: Déplacements"))


def files(folder) -> dict:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_rebuild_renders_only_the_edited_claim_page(tmp_path, renders):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "output")
    assert renders["claim.html"] == 4 and renders["post.html"] == 2
    renders.clear()
    edit_claim(content)
    site = build_site(content, tmp_path / "output")
    assert renders["claim.html"] == 1 and renders["post.html"] == 0
    assert "Mis à jour." in (site / "vrai-du-faux" / CLAIM / "index.html").read_text()


def test_a_rebuild_makes_again_only_the_feeds_holding_the_edited_claim(tmp_path, monkeypatch):
    built = []
    build_rss = base.FEED_BUILDERS["rss"]

    def counted(spec, entries):
        built.append(spec.path)
        return build_rss(spec, entries)

    monkeypatch.setitem(base.FEED_BUILDERS, "rss", counted)
    content = copy_fixture("site", tmp_path)
    site = build_site(content, tmp_path / "output")
    every_feed = set(built)
    built.clear()
    claim = content / "claims" / "cantines-19e.md"
    claim.write_text(claim.read_text().replace('summary: "', 'summary: "Mis à jour. ', 1))
    build_site(content, tmp_path / "output")
    # The claim's own feeds, and those of the écoles sheet drawn from it (every
    # district's: sheets are for all of Paris); not the others.
    assert {"flux/tout", "flux/vrai-du-faux", "flux/arrondissements/19e"} <= set(built)
    assert {"flux/sujets/ecoles", "flux/verdicts/inverifiable", "flux/fiches"} <= set(built)
    unchanged = every_feed - set(built)
    assert {"flux/actualites", "flux/sujets/logement", "flux/verdicts/vrai"} <= unchanged
    assert "Mis à jour." in (site / "flux" / "arrondissements" / "19e.rss.xml").read_text()


def test_a_page_changed_or_removed_in_the_output_is_rendered_again(tmp_path):
    content = copy_fixture("site", tmp_path)
    site = build_site(content, tmp_path / "output")
    before = files(site)
    (site / "vrai-du-faux" / CLAIM / "index.html").unlink()
    with (site / "actualites" / "programme" / "index.html").open("a") as page:
        page.write("<!-- retouché à la main -->")
    build_site(content, tmp_path / "output")
    assert files(site) == before


def change_template(content, settings):
    theme = content.parent / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "claim.html"
    template.write_text(template.read_text().replace("Notre verdict", "Notre conclusion"))
    settings["THEME"] = str(theme)


def change_setting(content, settings):
    settings["SITENAME"] = "Un autre nom"


@pytest.mark.parametrize(
    "change",
    [
        lambda content, settings: edit_claim(content),
        lambda content, settings: rename_topic(content),
        change_template,
        change_setting,
    ],
    ids=["claim", "data file", "template", "setting"],
)
def test_a_rebuild_gives_the_bytes_of_a_cold_build(tmp_path, change):
    content = copy_fixture("site", tmp_path)
    build_site(content, tmp_path / "output")
    settings = {}
    change(content, settings)
    rebuilt = files(build_site(content, tmp_path / "output", **settings))
    cold = files(build_site(content, tmp_path / "cold", **settings))
    assert rebuilt.keys() == cold.keys()
    assert [name for name in cold if rebuilt[name] != cold[name]] == []


def test_pages_written_by_other_processes_are_those_of_a_build_alone(tmp_path, monkeypatch):
    """A first build of a large site hands the end of its files to another process to
    read (generators/forked_reading.py), then its claims and embeddable cards to others
    to write (output/forked.py), and the site's other pages to one more
    (generators/beside.py): same bytes, same search index, and its content cache and
    record let the next build keep every page."""
    monkeypatch.setattr(forked, "THRESHOLD", 1)
    monkeypatch.setattr(forked_reading, "THRESHOLD", 1)
    handed = []
    fork = forked.ForkedWriting.fork
    monkeypatch.setattr(
        forked.ForkedWriting,
        "fork",
        lambda self, what, *rest: handed.append(what) or fork(self, what, *rest),
    )
    start = forked_reading.ReadingBeside.start

    def start_reading(self, paths):
        start(self, paths)
        if self.paths:
            handed.append(f"{len(self.paths)} fichiers lus")

    monkeypatch.setattr(forked_reading.ReadingBeside, "start", start_reading)
    content = copy_fixture("site", tmp_path)
    alone = files(build_site(content, tmp_path / "seul", CAMPAIGN_WRITING_PROCESSES=0))
    assert handed == []
    site = build_site(content, tmp_path / "partage", CAMPAIGN_WRITING_PROCESSES=2)
    assert handed[0].endswith("fichiers lus")
    assert handed[1:] == [SitePagesBeside.what, "les pages (claim)", "les cartes à intégrer"]
    shared = files(site)
    assert shared.keys() == alone.keys()
    assert [name for name in alone if shared[name] != alone[name]] == []
    pages = sorted((site / "vrai-du-faux").glob("*/index.html"))
    written = {page.parent.name: page.stat().st_mtime_ns for page in pages}
    edit_claim(content)
    build_site(content, tmp_path / "partage", CAMPAIGN_WRITING_PROCESSES=2)
    rewritten = [
        page.parent.name for page in pages if page.stat().st_mtime_ns != written[page.parent.name]
    ]
    assert rewritten == [CLAIM]


def test_cards_no_build_uses_go_and_come_back_when_needed(tmp_path, monkeypatch):
    """Each edit of a claim's summary draws a new card: the folder of cards keeps
    those of this build (and others recently used, none here), not every card ever
    drawn; a card gone is drawn again when a build needs it, the same bytes."""
    monkeypatch.setattr(image_cache, "FRESH_SECONDS", -1)  # no card counts as just drawn
    monkeypatch.setattr(image_cache, "OTHERS_KEPT", 0)
    content = copy_fixture("site", tmp_path)
    cards = tmp_path / "output-cache" / "cartes"
    claim = content / "claims" / f"{CLAIM}.md"
    original = claim.read_text()
    build_site(content, tmp_path / "output")
    used = len(list(cards.glob("*.png")))
    for number in range(3):
        claim.write_text(original.replace('claim: "', f'claim: "({number}) ', 1))  # on the card
        site = build_site(content, tmp_path / "output")
    assert len(list(cards.glob("*.png"))) == used
    claim.write_text(original)  # back to a card pruned meanwhile
    site = build_site(content, tmp_path / "output")
    cold = build_site(content, tmp_path / "froid")
    card = f"images/cartes/{CLAIM}.png"
    assert (site / card).read_bytes() == (cold / card).read_bytes()
