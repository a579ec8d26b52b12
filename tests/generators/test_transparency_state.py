"""Tier 2: the campaign's state of the transparency fixture (assembly.py)."""

from campaign.kinds import Kind

from conftest import FIXTURES, gather, site_settings


def state(tmp_path):
    campaign, generator = gather(site_settings(FIXTURES / "transparency", tmp_path / "output"))
    assert campaign is not None, generator.context.get("campaign_problems")
    return campaign


def test_claims_being_checked_are_shown_but_never_counted(tmp_path):
    campaign = state(tmp_path)
    [pending] = campaign.pending_claims
    assert pending.slug == "en-cours-cantines" and pending.claim.verdict is None
    assert pending not in campaign.claims and pending not in campaign.items
    assert pending not in campaign.previews and pending not in campaign.searchable
    grouped = [p for pages in campaign.claims_by_verdict.values() for p in pages]
    assert pending not in grouped
    assert sum(campaign.verdict_counts.values()) == len(campaign.claims)
    for groups in (campaign.claims_by_topic, campaign.claims_by_district):
        assert all(pending not in pages for pages in groups.values())
    assert all(pending not in pages for pages in campaign.claims_by_claimant.values())
    assert "en-cours-cantines" in campaign.slugs[Kind.CLAIM]


def test_promises_are_published_and_grouped(tmp_path):
    campaign = state(tmp_path)
    assert [page.slug for page in campaign.promises] == ["cours-oasis", "metro-nuit", "creches-13e"]
    assert all(
        page.kind is Kind.PROMISE and page.item is page.promise for page in campaign.promises
    )
    by_status = {
        slug: [p.slug for p in pages] for slug, pages in campaign.promises_by_status.items()
    }
    assert by_status == {
        "tenue": ["cours-oasis"],
        "rompue": ["metro-nuit"],
        "compromis": ["creches-13e"],
    }
    assert [p.slug for p in campaign.promises_by_district["13e"]] == ["creches-13e"]
    assert [p.slug for p in campaign.promises_by_topic["ecoles"]] == ["cours-oasis", "creches-13e"]
    assert "brouillon" in campaign.slugs[Kind.PROMISE]  # a draft: valid, never published
    assert all(page.slug != "brouillon" for page in campaign.promises + campaign.previews)
    assert set(campaign.promises) <= set(campaign.searchable)
