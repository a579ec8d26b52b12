"""Reading a web address without tripping on what a writer may paste.

`urllib.parse.urlsplit` raises ValueError on addresses no browser would open: an
unclosed « [ » in the host (`http://exemple.fr[`, a Markdown bracket caught in a
pasted link), a host whose characters change under Unicode normalisation
(`http://exemple.fr＃x`), a port over 65535. Content reaches the code that reads
addresses before it is validated, so it reads them here: an address that cannot
be read is None, and validation names it at its line (`UNREADABLE`).
"""

from __future__ import annotations

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
