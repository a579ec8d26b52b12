"""Sending us a claim to check: prefilled e-mail and messaging links, no form.

The site stores nothing: each link opens the reader's own mail or messaging app,
addressed to the campaign, with a text to complete. From settings:
CAMPAIGN_CONTACT_EMAIL and CAMPAIGN_CONTACT_CHANNELS ({"whatsapp": "+33 6 …",
"telegram": "username", "signal": "https://signal.me/#eu/…"}).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from ..content.addresses import email_problem

SUBJECT = "Affirmation à vérifier"
# What we need to check a claim (see the contact page): the words, who, where and when, a link.
TEMPLATE = "Affirmation à vérifier : « … »\nQui l'a dit : …\nOù et quand : …\nLien : …"
ERROR_SUBJECT = "Signaler une erreur"
ERROR_TEMPLATE = "Page concernée : …\nPassage en cause : …\nSource qui permet de le corriger : …"

CHANNELS = ("whatsapp", "telegram", "signal")  # the order shown; checked by settings.py
LABELS = {
    "email": "Par courriel",
    "whatsapp": "Par WhatsApp",
    "telegram": "Par Telegram",
    "signal": "Par Signal",
}


@dataclass(frozen=True)
class ContactLink:
    channel: str
    label: str
    href: str
    prefilled: bool = True  # False: the app cannot take a text, paste it


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link; its body's line breaks are CRLF, as RFC 6068 asks."""
    body = quote(body.replace("\n", "\r\n"), safe="")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={body}"


def whatsapp_number(number: str) -> str:
    """wa.me takes the international number, digits only: "+33 6 12…" → "33612…"."""
    digits = re.sub(r"\D", "", number)
    return "33" + digits[1:] if digits.startswith("0") else digits


def contact_links(email: str, channels: dict) -> list[ContactLink]:
    """One link per way of sending us a claim, e-mail first, each with the text."""
    text = quote(TEMPLATE, safe="")
    links = []
    if email:
        links.append(ContactLink("email", LABELS["email"], mailto(email, SUBJECT, TEMPLATE)))
    for channel in CHANNELS:
        handle = (channels or {}).get(channel)
        if not handle:
            continue
        if channel == "whatsapp":
            href = f"https://wa.me/{whatsapp_number(handle)}?text={text}"
        elif channel == "telegram":
            href = f"https://t.me/{handle.lstrip('@')}?text={text}"
        else:  # Signal opens a conversation, but takes no text: the reader pastes it
            links.append(ContactLink(channel, LABELS[channel], handle, prefilled=False))
            continue
        links.append(ContactLink(channel, LABELS[channel], href))
    return links


@dataclass(frozen=True)
class Contact:
    """What the contact page offers: links to send a claim, the error report's link,
    and the text to paste where an app takes none."""

    links: tuple[ContactLink, ...]
    error_href: str
    template: str = TEMPLATE


def contact(settings: dict) -> Contact:
    email = settings["CAMPAIGN_CONTACT_EMAIL"]
    links = contact_links(email, settings["CAMPAIGN_CONTACT_CHANNELS"])
    return Contact(tuple(links), mailto(email, ERROR_SUBJECT, ERROR_TEMPLATE) if email else "")


# The settings' own check (settings.check): a contact link that would be broken.
_PHONE = re.compile(r"^\+?[0-9 .]{8,20}$")
_TELEGRAM = re.compile(r"^@?[A-Za-z][A-Za-z0-9_]{4,31}$")
CONTACT_CHANNELS = {
    "whatsapp": (_PHONE.match, "écrivez le numéro, par exemple +33 6 12 34 56 78"),
    "telegram": (_TELEGRAM.match, "écrivez le nom d'utilisateur (5 à 32 lettres, chiffres ou _)"),
    "signal": (
        lambda value: value.startswith("https://signal.me/"),
        "écrivez le lien de partage de Signal, https://signal.me/#eu/…",
    ),
}


def contact_problems(settings: dict) -> list[str]:
    """What would give the contact page a broken link, in French, setting by setting."""
    problems = []
    email = settings["CAMPAIGN_CONTACT_EMAIL"]
    if email and not isinstance(email, str):
        problems.append(f"CAMPAIGN_CONTACT_EMAIL : « {email} » n'est pas une adresse électronique")
    elif email and (problem := email_problem(email)):
        problems.append(f"CAMPAIGN_CONTACT_EMAIL doit être une adresse e-mail{problem}")
    channels = settings["CAMPAIGN_CONTACT_CHANNELS"] or {}
    if not isinstance(channels, dict):
        return problems + [
            'CAMPAIGN_CONTACT_CHANNELS : écrivez par exemple {"whatsapp": "+33 6 12 34 56 78"}'
        ]
    for channel, handle in channels.items():
        where = f"CAMPAIGN_CONTACT_CHANNELS, « {channel} »"
        if channel not in CONTACT_CHANNELS:
            known = ", ".join(CONTACT_CHANNELS)
            problems.append(f"{where} : messagerie inconnue ; possibles : {known}")
            continue
        valid, fix = CONTACT_CHANNELS[channel]
        if not (isinstance(handle, str) and valid(handle.strip())):
            problems.append(f"{where} : « {handle} » ne convient pas ; {fix}")
    return problems
