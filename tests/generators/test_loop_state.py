"""Tier 2: calls to action and events in the campaign's state, by the build's
moment (CAMPAIGN_NOW), never the clock; their cross-document checks."""

import pytest

from campaign.commands.check import check_content
from campaign.generators.base import PROBLEMS
from campaign.settings import apply_defaults

from conftest import FIXTURES, copy_fixture, gather, site_settings


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    output = tmp_path_factory.mktemp("loop") / "output"
    campaign, generator = gather(site_settings(FIXTURES / "site", output))
    assert PROBLEMS not in generator.context
    return campaign


def test_todays_actions_only_published_newest_day_first(campaign):
    # 22 November: the 19e's action of the day and the week-long one for all Paris;
    # yesterday's, tomorrow's and the draft are not there.
    assert [page.slug for page in campaign.actions] == ["cantines-19e-aujourdhui", "velo-semaine"]
    assert [page.slug for page in campaign.district_actions("19e")] == [
        "cantines-19e-aujourdhui",
        "velo-semaine",
    ]
    assert [page.slug for page in campaign.district_actions("13e")] == ["velo-semaine"]


def test_an_action_knows_the_page_it_asks_to_share(campaign):
    target = campaign.actions[0].target
    assert target.slug == "cantines-19e" and target.share.url.endswith(
        "/vrai-du-faux/cantines-19e/"
    )


def test_actions_follow_the_build_moment(tmp_path):
    settings = site_settings(
        FIXTURES / "site", tmp_path / "output", CAMPAIGN_NOW="2026-11-21T23:00"
    )
    campaign, _ = gather(settings)
    assert [page.slug for page in campaign.district_actions("19e")] == [
        "tractage-19e-hier",
        "velo-semaine",
    ]


def test_past_and_embargoed_events_are_not_to_come(campaign):
    assert [page.slug for page in campaign.events] == [
        "porte-a-porte-passe-19e",
        "reunion-logement-19e",
        "meeting-tout-paris",
    ]
    assert [page.slug for page in campaign.upcoming_events] == [
        "reunion-logement-19e",
        "meeting-tout-paris",
    ]
    assert [page.slug for page in campaign.district_events("19e")] == [
        "reunion-logement-19e",
        "meeting-tout-paris",
    ]
    assert [page.slug for page in campaign.district_events("13e")] == ["meeting-tout-paris"]


def test_an_action_pointing_to_an_unknown_item_is_refused(tmp_path):
    content = copy_fixture("site", tmp_path)
    path = content / "actions" / "velo-semaine.md"
    path.write_text(path.read_text().replace("item: velo-tout-paris", "item: velo-tout-pari"))
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    problems = check_content(settings).problems
    assert len(problems) == 1
    assert problems[0].line == 5 and "velo-semaine.md" in problems[0].path
    assert "vouliez-vous dire « velo-tout-paris »" in problems[0].message


def test_an_action_whose_item_will_not_be_out_on_its_days_is_warned_of(tmp_path):
    """A riposte still in draft, or under embargo past the action's last day: the kit
    would ask volunteers to share what it cannot show. Told, never refused (the item
    may be published in time); a draft action says nothing."""
    content = copy_fixture("site", tmp_path)
    (content / "actions" / "riposte.md").write_text(
        '---\ntitle: "La riposte logement"\ndate: 2026-11-22\nitem: brouillon-logement\n'
        'task: "Partagez la riposte sur le logement avant 20 h."\n---\n'
    )
    later = content / "actions" / "velo-semaine.md"
    later.write_text(later.read_text().replace("item: velo-tout-paris", "item: programme"))
    post = content / "posts" / "programme.md"
    post.write_text(post.read_text().replace("date: 2026-02-01 09:00", "date: 2027-03-01 09:00"))
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    result = check_content(settings)
    assert result.problems == []
    told = {(w.path.rsplit("/", 1)[1], w.line): w.message for w in result.warnings}
    assert told[("riposte.md", 4)] == (
        "« item » : la vérification « brouillon-logement » est encore un brouillon ; "
        "l'action paraîtra sans rien à partager : publiez-la (status: published) ou "
        "retirez « item »"
    )
    assert told[("velo-semaine.md", 5)].startswith(
        "« item » : l'actualité « programme » paraît le 01/03/2027, après le dernier jour"
    )
    (content / "actions" / "riposte.md").write_text(
        (content / "actions" / "riposte.md").read_text().replace("---\n\n", "")
        .replace("task:", "status: draft\ntask:")
    )  # fmt: skip
    again = check_content(settings)
    assert not [w for w in again.warnings if w.path.endswith("riposte.md")]


def test_a_photo_whose_file_is_missing_is_refused(tmp_path):
    content = copy_fixture("site", tmp_path)
    path = content / "events" / "meeting-tout-paris.md"
    photo = 'image: {file: images/reunon.jpg, alt: "La salle"}\nsummary:'
    path.write_text(path.read_text().replace("summary:", photo))
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    problems = check_content(settings).problems
    assert [p.line for p in problems] == [7]
    assert "vouliez-vous dire « images/reunion.jpg »" in problems[0].message


def test_a_photo_too_small_for_its_use_is_refused(tmp_path):
    from PIL import Image

    content = copy_fixture("site", tmp_path)
    Image.new("RGB", (640, 480), "#336699").save(content / "images" / "reunion.jpg")
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    problems = check_content(settings).problems
    assert len(problems) == 1 and problems[0].path.endswith("reunion-logement-19e.md")
    assert "640 × 480 pixels ; il en faut au moins 800 de large" in problems[0].message
