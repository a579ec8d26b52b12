"""Tier 1: the contact page's links to send a claim, and their settings."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from campaign.settings import DEFAULTS, SettingsError, check
from campaign.sharing.contact import contact, contact_problems

SETTINGS = {
    **DEFAULTS,
    "CAMPAIGN_CONTACT_EMAIL": "verif@exemple.fr",
    "CAMPAIGN_CONTACT_CHANNELS": {
        "signal": "https://signal.me/#eu/verif.01",
        "telegram": "@VerifParis",
        "whatsapp": "06 12 34 56 78",
    },
}


def test_every_link_opens_the_readers_app_addressed_to_us_with_the_text():
    found = contact(SETTINGS)
    assert [link.channel for link in found.links] == ["email", "whatsapp", "telegram", "signal"]
    email, whatsapp, telegram, signal = found.links
    mail = urlsplit(email.href)
    assert mail.scheme == "mailto" and mail.path == "verif@exemple.fr"
    query = parse_qs(mail.query)
    assert query["subject"] == ["Affirmation à vérifier"]
    assert query["body"][0].startswith("Affirmation à vérifier : « … »\r\nQui l'a dit")
    assert whatsapp.href.startswith("https://wa.me/33612345678?text=")
    assert unquote(whatsapp.href.split("text=")[1]).startswith("Affirmation à vérifier : « … »")
    assert telegram.href.startswith("https://t.me/VerifParis?text=Affirmation%20%C3%A0")
    assert signal.href == "https://signal.me/#eu/verif.01" and not signal.prefilled
    assert parse_qs(urlsplit(found.error_href).query)["subject"] == ["Signaler une erreur"]


def test_without_settings_there_is_nothing_to_offer():
    found = contact({**DEFAULTS})
    assert found.links == () and found.error_href == ""


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("CAMPAIGN_CONTACT_EMAIL", "verif.exemple.fr", "doit être une adresse e-mail"),
        ("CAMPAIGN_CONTACT_EMAIL", "mailto:verif@exemple.fr", "sans « mailto: »"),
        (
            "CAMPAIGN_CONTACT_CHANNELS",
            {"whatsapp": "appelez-nous"},
            "« whatsapp » : « appelez-nous »",
        ),
        ("CAMPAIGN_CONTACT_CHANNELS", {"signal": "+33 6 12 34 56 78"}, "lien de partage de Signal"),
        (
            "CAMPAIGN_CONTACT_CHANNELS",
            {"fax": "01 23"},
            "messagerie inconnue ; possibles : whatsapp",
        ),
    ],
)
def test_settings_that_would_give_a_broken_link_are_refused_in_french(key, value, message):
    assert any(message in problem for problem in contact_problems({**SETTINGS, key: value}))
    with pytest.raises(SettingsError, match=message):
        check({**SETTINGS, key: value})
    assert contact_problems(SETTINGS) == []
