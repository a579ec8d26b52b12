"""Tier 2: the claim and post generators over the fixture content folder."""

import pytest
from pelican.contents import Content

from campaign.generators.base import PROBLEMS, ClaimsGenerator, PostsGenerator

from conftest import FIXTURES, gather, site_settings


@pytest.fixture
def context(tmp_path):
    settings = site_settings(FIXTURES / "site", tmp_path / "output")
    return gather(settings, (ClaimsGenerator, PostsGenerator))[0].context


def test_published_claims_newest_first_without_draft_or_embargo(context):
    assert [page.slug for page in context["claims"]] == [
        "logements-sociaux-13e",
        "metro-paris-centre",
        "cantines-19e",
        "velo-tout-paris",
    ]
    assert context[PROBLEMS] == []


def test_pages_carry_their_domain_object_and_url(context):
    page = context["claims"][0]
    assert page.claim.verdict.slug == "plutot-faux"
    assert page.url == "vrai-du-faux/logements-sociaux-13e/"
    assert page.save_as == "vrai-du-faux/logements-sociaux-13e/index.html"
    assert "<h3" in page.content  # the analysis' "##" sits under the page's own <h2>


def test_claims_grouped_by_verdict_in_one_pass(context):
    assert {slug: len(pages) for slug, pages in context["claims_by_verdict"].items()} == {
        "plutot-faux": 1,
        "faux": 1,
        "inverifiable": 1,
        "vrai": 1,
    }


def test_posts(context):
    assert [page.url for page in context["posts"]] == [
        "actualites/reunion-19e/",
        "actualites/programme/",
    ]
    assert [d.slug for d in context["posts"][0].post.districts] == ["19e"]


def test_addresses_are_the_ones_pelican_works_out(context):
    for page in context["claims"] + context["posts"]:
        assert (page.url, page.save_as) == (Content.url.fget(page), Content.save_as.fget(page))
