"""Tier 2: the gathering generator over the fixture content folder: the state
every other generator writes from."""

import pytest
from pelican.contents import Content

from campaign.generators.base import PROBLEMS
from campaign.kinds import Kind
from campaign.output.inputs import page_inputs

from conftest import FIXTURES, gather, site_settings


@pytest.fixture
def campaign(tmp_path):
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    campaign, generator = gather(settings)
    assert PROBLEMS not in generator.context
    return campaign


def test_published_claims_newest_first_without_draft_or_embargo(campaign):
    assert [page.slug for page in campaign.claims] == [
        "logements-sociaux-13e",
        "metro-paris-centre",
        "cantines-19e",
        "velo-tout-paris",
    ]


def test_pages_carry_their_kind_domain_object_and_url(campaign):
    page = campaign.claims[0]
    assert page.kind is Kind.CLAIM and page.item is page.claim
    assert page.claim.verdict.slug == "plutot-faux"
    assert page.url == "vrai-du-faux/logements-sociaux-13e/"
    assert page.save_as == "vrai-du-faux/logements-sociaux-13e/index.html"
    assert "<h3" in page.content  # the analysis' "##" sits under the page's own <h2>


def test_claims_grouped_by_verdict_in_one_pass(campaign):
    assert campaign.verdict_counts == {
        "plutot-faux": 1,
        "faux": 1,
        "inverifiable": 1,
        "vrai": 1,
    }


def test_posts(campaign):
    assert [page.url for page in campaign.posts] == [
        "actualites/reunion-19e/",
        "actualites/programme/",
    ]
    assert [d.slug for d in campaign.posts[0].post.districts] == ["19e"]
    assert all(page.kind is Kind.POST for page in campaign.posts)


def test_every_sheet_is_a_sheet_page_in_topic_order(campaign):
    order = [topic.slug for topic in campaign.catalogue.topics]
    slugs = [page.item.topic.slug for page in campaign.sheets]
    assert slugs == sorted(slugs, key=order.index)
    assert all(page.kind is Kind.SHEET for page in campaign.sheets)
    assert campaign.sheets_by_topic == {page.item.topic.slug: page for page in campaign.sheets}


def test_a_district_holds_its_own_items_and_the_citywide_ones(campaign):
    items = campaign.district_items("19e")
    local = [page for page in items if page.item.districts]
    assert local and all("19e" in [d.slug for d in page.item.districts] for page in local)
    assert set(campaign.citywide_claims + campaign.citywide_posts) <= set(items)


def test_addresses_are_the_ones_pelican_works_out(campaign):
    for page in campaign.claims + campaign.posts:
        assert (page.url, page.save_as) == (Content.url.fget(page), Content.save_as.fget(page))


def test_a_page_linking_through_pelican_gets_no_hash_and_is_rendered(tmp_path):
    """A body with a {filename} link takes addresses from other documents: such a
    page is never kept (make check refuses these links in content; this is the
    writer's own safety net)."""
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    campaign, generator = gather(settings)
    page = campaign.claims[0]
    assert page_inputs(page, "claim", generator.context)
    page._content += '<a href="{filename}../pages/methode.md">méthode</a>'
    assert page_inputs(page, "claim", generator.context) == ""
