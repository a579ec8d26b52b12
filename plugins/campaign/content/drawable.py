"""Text drawn on social cards must be drawable: no character without a font.

The cards (images/) set every script the packaged fonts have (images/fonts.py);
a character none has (or one needing shaping on a Pillow without libraqm) would
come out as a box, so `make check` and the build refuse it here, naming it.
This is the one place content/ asks images/ something: what the fonts can draw.
"""

from __future__ import annotations

from ..images.textlayout import missing_characters
from ..kinds import Kind
from .model import FrontMatter, Problem

# The front matter keys whose text a card draws, by kind of document.
DRAWN = {
    Kind.CLAIM: ("claim", "summary", "claimant", "figure"),
    Kind.POST: ("title",),
    Kind.SHEET: ("title",),
}


def _texts(value) -> list[str]:
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v is not None]
    return [str(value)] if value is not None else []


def undrawable(kind: Kind, front: FrontMatter) -> list[Problem]:
    """One problem per drawn field holding characters no packaged font can draw."""
    if not isinstance(front.values, dict):
        return []
    problems = []
    for key in DRAWN.get(kind, ()):
        bad = [c for text in _texts(front.values.get(key)) for c in missing_characters(text)]
        if bad:
            names = ", ".join(f"« {c} » (U+{ord(c[0]):04X})" for c in dict.fromkeys(bad))
            problems.append(
                Problem(
                    front.path,
                    front.line(key),
                    f"« {key} » contient des caractères que l'image de partage ne peut pas "
                    f"dessiner : {names} ; retirez-les ou remplacez-les par du texte",
                )
            )
    return problems
