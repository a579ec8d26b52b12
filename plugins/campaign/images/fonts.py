"""Fonts for every script: Lato first, then Noto, all installed with the project.

A card must never draw a box for a character its font lacks. Lato covers French;
for anything else each character takes the first font of the chain that has it
(Noto Sans for Latin, Greek and Cyrillic beyond Lato, Noto Sans for each other
script, Noto Sans Symbols, Noto Emoji in black and white, Noto Sans CJK), all from
the `manimgx-fonts` and `manimgx-fonts-cjk` packages (OFL). Text set in a fallback
font, or with combining marks, is shaped by libraqm (Arabic joins, Hebrew and
Arabic right to left, Indic clusters); a Pillow without libraqm cannot, and such
text is refused by `make check` (`undrawable`), as is a character no font has.

Pure: no Pelican. Which fonts have which characters is read from their cmap
tables (fontTools), lazily: a card in French never opens a Noto file.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from importlib import resources

from PIL import ImageFont, features

NOTO_PACKAGE, CJK_PACKAGE = "manimgx_fonts", "manimgx_fonts_cjk"
NOTO_DISTRIBUTIONS = ("manimgx-fonts", "manimgx-fonts-cjk")
CJK_FILE, CJK_INDEX = "NotoSansCJK-VF.otf.ttc", 2  # the collection's Simplified Chinese face
# In this order: the first font having a character draws it.
FALLBACKS = (
    "NotoSans[wght].ttf",
    "NotoSansArabic[wght].ttf",
    "NotoSansHebrew[wght].ttf",
    "NotoSansDevanagari[wght].ttf",
    "NotoSansBengali[wght].ttf",
    "NotoSansTamil[wght].ttf",
    "NotoSansTelugu[wght].ttf",
    "NotoSansGujarati[wght].ttf",
    "NotoSansGurmukhi[wght].ttf",
    "NotoSansKannada[wght].ttf",
    "NotoSansMalayalam[wght].ttf",
    "NotoSansOriya[wght].ttf",
    "NotoSansSinhala[wght].ttf",
    "NotoSansThai[wght].ttf",
    "NotoSansLao[wght].ttf",
    "NotoSansKhmer[wght].ttf",
    "NotoSansMyanmar[wght].ttf",
    "NotoSansArmenian[wght].ttf",
    "NotoSansGeorgian[wght].ttf",
    "NotoSansEthiopic[wght].ttf",
    "NotoSansSymbols[wght].ttf",
    "NotoEmoji[wght].ttf",
    CJK_FILE,
)
WEIGHTS = {"Lato-Bold.ttf": 700, "Lato-Regular.ttf": 400}
# Never drawn, never missing: they only steer shaping (joiners, variation selectors).
INVISIBLE = {"\u200d", "\u200c", "\ufe0f", "\ufe0e", "\u200e", "\u200f"}


class UndrawableText(ValueError):
    """Text with characters no packaged font has, or that need shaping without libraqm."""


@dataclass(frozen=True)
class Run:
    """Part of a line set in one font: `shaped` runs go through libraqm."""

    text: str
    font: ImageFont.FreeTypeFont
    shaped: bool


def _path(name: str) -> str:
    package = CJK_PACKAGE if name == CJK_FILE else NOTO_PACKAGE
    return str(resources.files(package) / name)


@functools.cache
def coverage(name: str) -> frozenset[int]:
    """The code points a fallback font has, from its cmap."""
    from fontTools.ttLib import TTCollection, TTFont

    if name == CJK_FILE:
        font = TTCollection(_path(name), lazy=True).fonts[CJK_INDEX]
    else:
        font = TTFont(_path(name), lazy=True)
    return frozenset(font.getBestCmap())


@functools.cache
def can_shape() -> bool:
    return bool(features.check("raqm"))


@functools.lru_cache(maxsize=256)
def fallback_font(name: str, size: int, weight: int) -> ImageFont.FreeTypeFont:
    """A fallback font at a size and weight (they are variable fonts), laid out by
    libraqm when Pillow has it."""
    engine = ImageFont.Layout.RAQM if can_shape() else ImageFont.Layout.BASIC
    index = CJK_INDEX if name == CJK_FILE else 0
    font = ImageFont.truetype(_path(name), size, index=index, layout_engine=engine)
    try:
        font.set_variation_by_axes([weight])
    except (OSError, ValueError):  # a font with no weight axis keeps its own
        pass
    return font


def clusters(text: str) -> list[str]:
    """Characters with the marks, joiners and selectors that go with them."""
    found: list[str] = []
    for char in text:
        joins = found and (
            unicodedata.category(char).startswith("M")
            or char in INVISIBLE
            or found[-1].endswith("\u200d")
            or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tones
        )
        if joins:
            found[-1] += char
        else:
            found.append(char)
    return found


def font_for(cluster: str, primary: frozenset[int]) -> str | None:
    """ "" for the primary font (Lato), a fallback's file name, or None if none has it."""
    points = [ord(c) for c in cluster if c not in INVISIBLE] or [ord(cluster[0])]
    if all(p in primary for p in points):
        return ""
    for name in FALLBACKS:
        if all(p in coverage(name) for p in points):
            return name
    return None


def missing(text: str, primary: frozenset[int]) -> list[str]:
    """The characters of `text` that no font of the chain can draw as they are."""
    text = unicodedata.normalize("NFC", text)
    if all(map(primary.__contains__, map(ord, text))):  # the usual case, at C speed
        return []
    bad = []
    for cluster in clusters(text):
        name = font_for(cluster, primary)
        needs_shaping = name != "" and (name is not None) and not _simple(cluster, name)
        if name is None or (needs_shaping and not can_shape()):
            bad.append(cluster)
    return list(dict.fromkeys(bad))


def _simple(cluster: str, name: str) -> bool:
    """A lone character of a left-to-right script with no joining: drawable glyph by glyph."""
    if len(cluster) > 1:
        return False
    bidi = unicodedata.bidirectional(cluster)
    return bidi not in ("R", "AL", "NSM") and name in (
        "NotoSans[wght].ttf",
        "NotoSansSymbols[wght].ttf",
    )


def runs(text: str, font: ImageFont.FreeTypeFont, style: str, primary: frozenset[int]) -> list[Run]:
    """The line cut into runs of one font each; spaces between two parts of the same
    fallback font join them, so a phrase in Arabic is shaped (and ordered) whole."""
    parts = []
    for cluster in clusters(unicodedata.normalize("NFC", text)):
        name = font_for(cluster, primary)
        if name is None:
            raise UndrawableText(f"aucune police pour « {cluster} » (U+{ord(cluster[0]):04X})")
        parts.append([cluster, name])
    for index in range(1, len(parts) - 1):
        if (
            parts[index][0] == " "
            and parts[index - 1][1]
            and parts[index - 1][1] == parts[index + 1][1]
        ):
            parts[index][1] = parts[index - 1][1]
    merged: list[list[str]] = []
    for cluster, name in parts:
        if merged and merged[-1][1] == name:
            merged[-1][0] += cluster
        else:
            merged.append([cluster, name])
    size, weight = font.size, WEIGHTS.get(style, 400)
    return [
        Run(part, font, False) if not name else Run(part, fallback_font(name, size, weight), True)
        for part, name in merged
    ]
