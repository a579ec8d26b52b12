"""The kinds of document the campaign publishes, declared once.

Every page and every document read carries its kind: code asks `page.kind is
Kind.CLAIM`, never whether a page happens to have a `claim` attribute, so a new
kind cannot be mistaken for an old one.
"""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    """A kind of content file, by the folder setting listing its files."""

    CLAIM = "claim"
    POST = "post"
    SHEET = "sheet"
    ACTION = "action"  # a call to action: the day's task for volunteers
    EVENT = "event"  # a meeting, canvassing, a rally: a date, a place
    PROMISE = "promise"
    PAGE = "page"  # a fixed page (méthode, contact...), built by Pelican's own generator

    @property
    def paths_setting(self) -> str:
        """The setting listing the folders of this kind's files, e.g. CLAIM_PATHS."""
        return f"{self.name}_PATHS"

    @property
    def label(self) -> str:
        """The French plural `make check` counts files with."""
        return LABELS[self]


LABELS = {
    Kind.CLAIM: "vérifications",
    Kind.POST: "actualités",
    Kind.SHEET: "fiches",
    Kind.ACTION: "actions",
    Kind.EVENT: "événements",
    Kind.PROMISE: "promesses",
    Kind.PAGE: "pages",
}
