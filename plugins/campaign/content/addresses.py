"""Reading a web address without tripping on what a writer may paste.

`urllib.parse.urlsplit` raises ValueError on addresses no browser would open: an
unclosed « [ » in the host (`http://exemple.fr[`, a Markdown bracket caught in a
pasted link), a host whose characters change under Unicode normalisation
(`http://exemple.fr＃x`), a port over 65535. Content reaches the code that reads
addresses before it is validated, so it reads them here: an address that cannot
be read is None, and validation names it at its line (`UNREADABLE`).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

UNREADABLE = (
    "« {address} » n'est pas une adresse qu'un navigateur sait ouvrir (un crochet, un "
    "caractère spécial ou un numéro de port impossible s'y est glissé) ; recopiez-la "
    "depuis la barre d'adresse du navigateur"
)


def split(address: str) -> SplitResult | None:
    """The address's parts, or None where it cannot be read (see the module's text)."""
    try:
        parts = urlsplit(address.strip())
        parts.port  # noqa: B018 (reading it is the check: out of range raises)
    except ValueError:
        return None
    return parts


def readable(address: str) -> bool:
    return split(address) is not None


# An e-mail address as a person writes it: no space, colon, bracket or question
# mark in it (what a pasted « mailto:x@y.fr?subject=… » or « Nom <x@y.fr> » has),
# a domain of dotted names.
EMAIL = re.compile(r"^[\w.!#$%&'*+/=^`{|}~-]+@[\w-]+(\.[\w-]+)+$")


def email_problem(text: str) -> str:
    """Why `text` is not an e-mail address a `mailto:` link can take, in French
    (after « doit être une adresse e-mail »), or "" when it is one."""
    if EMAIL.match(text):
        return ""
    if text.lower().startswith("mailto:"):
        return f" : écrivez l'adresse seule, sans « mailto: » (lu : « {text} »)"
    if "<" in text and ">" in text:
        return f" : écrivez l'adresse seule, sans nom ni chevrons (lu : « {text} »)"
    return f", par exemple equipe@exemple.fr (lu : « {text} »)"
