"""Tier 1: the mentions légales a production build needs (LCEN art. 6)."""

import pytest

from campaign.settings import DEFAULTS, SettingsError, check, missing_legal_notices

COMPLETE = {
    "CAMPAIGN_PUBLISHER": {"name": "Association", "address": "1 rue A, Paris", "phone": "01"},
    "CAMPAIGN_PUBLICATION_DIRECTOR": "Camille Exemple",
    "CAMPAIGN_HOST": {"name": "Hébergeur", "address": "2 rue B, Lille", "phone": "03"},
}


def settings(**changes) -> dict:
    return {**DEFAULTS, **COMPLETE, **changes}


def test_complete_notices_leave_nothing_missing():
    assert missing_legal_notices(settings()) == []
    check(settings(CAMPAIGN_PRODUCTION=True))


def test_each_missing_notice_names_its_setting_and_what_is_missing():
    missing = missing_legal_notices(
        settings(CAMPAIGN_PUBLICATION_DIRECTOR="  ", CAMPAIGN_HOST={"name": "Hébergeur"})
    )
    assert [line.split(" = ")[0] for line in missing] == [
        "CAMPAIGN_HOST",
        "CAMPAIGN_PUBLICATION_DIRECTOR",
    ]
    assert "(manque : address, phone)" in missing[0]
    assert missing[1].startswith('CAMPAIGN_PUBLICATION_DIRECTOR = "Prénom Nom"')


def test_a_production_build_without_them_is_refused_a_preview_is_not():
    incomplete = settings(CAMPAIGN_PUBLISHER={})
    check(incomplete)  # a preview shows what is missing on /mentions-legales/
    with pytest.raises(SettingsError, match=r"mentions légales incomplètes") as refused:
        check({**incomplete, "CAMPAIGN_PRODUCTION": True})
    assert "CAMPAIGN_PUBLISHER = {" in str(refused.value)
    assert "publishconf.py" in str(refused.value)
