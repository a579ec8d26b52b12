"""Text layout: measuring text in the packaged font and fitting it to a width.

Pure, no drawing and no Pelican: the social cards (cards.py) and the sheets'
infographics (infographic.py) break and shorten their lines with these.

Thousands of cards are laid out in a cold build, so each character's width is
measured once per font size and reused (see bench/README.md).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from importlib import resources

from PIL import ImageFont

from . import fonts

# Pillow's built-in font has no French accents: take a full-Latin font that installs
# with the project, never one from the machine.
FONT_PACKAGE = "font_lato"
FONT_DISTRIBUTION = "font-lato"
REGULAR = "Lato-Regular.ttf"
BOLD = "Lato-Bold.ttf"

LINE_SPACING = 1.18
ELLIPSIS = "…"
NBSP = "\u00a0"
TRAILING = f" ,;:{NBSP}"  # dropped before an ellipsis


# The style of each font load_font made, for its fallbacks (fonts.py) to match.
STYLES: dict[int, str] = {}


@functools.lru_cache(maxsize=64)
def load_font(name: str, size: int) -> ImageFont.FreeTypeFont:
    """A font of the packaged family; BASIC layout so output does not depend on libraqm
    (characters it lacks are set in fallback fonts: see `runs`)."""
    resource = resources.files(FONT_PACKAGE) / "files" / name
    with resource.open("rb") as handle:
        font = ImageFont.truetype(handle, size, layout_engine=ImageFont.Layout.BASIC)
    STYLES[id(font)] = name
    return font


@functools.cache
def lato_cmap() -> frozenset[int]:
    """The code points Lato has (both styles have the same)."""
    from fontTools.ttLib import TTFont

    with (resources.files(FONT_PACKAGE) / "files" / REGULAR).open("rb") as handle:
        return frozenset(TTFont(handle, lazy=False).getBestCmap())


def in_lato(text: str) -> bool:
    return all(map(lato_cmap().__contains__, map(ord, text)))  # at C speed: per glyph run


def runs(text: str, font: ImageFont.FreeTypeFont) -> list[fonts.Run]:
    """The text cut into runs of Lato and of its fallbacks (fonts.py)."""
    return fonts.runs(text, font, STYLES.get(id(font), REGULAR), lato_cmap())


def missing_characters(text: str) -> list[str]:
    """Characters of `text` a card cannot draw (see fonts.py); [] for French."""
    return fonts.missing(text, lato_cmap())


@functools.lru_cache(maxsize=4096)
def _run_length(text: str, font: ImageFont.FreeTypeFont) -> float:
    return font.getlength(text)


def line_height(size: int) -> int:
    return round(size * LINE_SPACING)


def block_height(size: int, count: int) -> int:
    """Height of `count` lines drawn from their ascender line, descenders included."""
    if count == 0:
        return 0
    ascent, descent = load_font(BOLD, size).getmetrics()
    return (count - 1) * line_height(size) + ascent + descent


def keep_together(text: str) -> str:
    """No-break spaces where French typography wants them: "4 000", "12 %", "« oui »"."""
    text = text.replace("\u202f", NBSP)  # Lato has no narrow no-break space
    text = re.sub(r" (?=[:;!?%»€])", NBSP, text)
    text = re.sub(r"(?<=«) ", NBSP, text)
    return re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, text)


@functools.lru_cache(maxsize=64)
def advances(font: ImageFont.FreeTypeFont) -> dict[str, float]:
    """Each character's advance in this font, filled in as characters are met."""
    return {}


def text_length(text: str, font: ImageFont.FreeTypeFont) -> float:
    """The width of a text, as `font.getlength` gives it, from cached character widths.

    With the BASIC layout the packaged font has no kerning: a text's width is the sum
    of its characters' advances (tests/test_cards.py checks it on every pair of
    French characters), and measuring a character once is enough.
    """
    known = advances(font)
    try:
        return sum(map(known.__getitem__, text))  # every character measured before
    except KeyError:
        pass
    total = 0.0
    for char in text:
        width = known.get(char)
        if width is None:
            if ord(char) not in lato_cmap():  # another script: measured in its fonts
                return _mixed_length(text, font)
            width = known[char] = font.getlength(char)
        total += width
    return total


def _mixed_length(text: str, font: ImageFont.FreeTypeFont) -> float:
    """The width of a text partly set in fallback fonts, run by run."""
    return sum(
        _run_length(run.text, run.font) if run.shaped else text_length(run.text, font)
        for run in runs(text, font)
    )


def fits(text: str, font: ImageFont.FreeTypeFont, width: int) -> bool:
    """Whether text fits the width; no glyph we draw is under a pixel wide, so a longer
    text is refused unmeasured (measuring is slow on a pasted URL or junk)."""
    return len(text) <= width and text_length(text, font) <= width


def fitting_prefix(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    """Length of the longest start of `word` that fits: gallop, then bisect."""
    end = 1
    while end < len(word) and fits(word[:end], font, width):
        end *= 2
    prefixes = range(1, min(end, len(word)) + 1)
    cut = bisect.bisect_left(prefixes, True, key=lambda k: not fits(word[:k], font, width))
    return max(cut, 1)


def split_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> Iterator[str]:
    """Pieces of a word that each fit the width: a word wider than the box is cut."""
    while word:
        cut = fitting_prefix(word, font, width)
        # In a URL, rather break after a hyphen or a slash, if one is not too early.
        soft = max(word.rfind("-", 0, cut), word.rfind("/", 0, cut)) + 1
        if cut < len(word) and soft > cut // 2:
            cut = soft
        yield word[:cut]
        word = word[cut:]


def wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int, limit: int) -> list[str]:
    """Greedy wrap on word boundaries; stops early once there are more than `limit` lines.

    Widths are added up word by word: with no kerning, a line is as wide as the sum
    of its words and spaces.
    """
    space = text_length(" ", font)
    lines, current, used = [], "", 0.0
    for word in words:
        size = text_length(word, font) if len(word) <= width else width + 1
        if current and used + space + size <= width:
            current, used = f"{current} {word}", used + space + size
            continue
        if not current and size <= width:
            current, used = word, size
            continue
        pieces = [word] if size <= width else list(split_word(word, font, width))
        for piece in pieces:
            if current:
                lines.append(current)
            current, used = piece, text_length(piece, font)
            if len(lines) > limit:
                return lines
    return lines + [current] if current else lines


def shorten_to_width(line: str, font: ImageFont.FreeTypeFont, width: int, tail: str) -> str:
    """Drop words (or, for a single word, letters) from the end until line + tail fits."""
    while line and text_length(line.rstrip(TRAILING) + tail, font) > width:
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
    return line.rstrip(TRAILING) + tail


def truncate_lines(
    lines: list[str], font: ImageFont.FreeTypeFont, width: int, count: int, tail: str
) -> list[str]:
    """Keep the first `count` lines and end the last one with the tail."""
    kept = lines[: max(count, 1)]
    return kept[:-1] + [shorten_to_width(kept[-1], font, width, tail)]


def max_lines(size: int, height: int) -> int:
    """How many lines of this size the height holds."""
    count = 0
    while block_height(size, count + 1) <= height:
        count += 1
    return count


def fit_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """One line of text, shortened with an ellipsis if it is wider than `width`."""
    text = re.sub(r"[ \t\r\n]+", " ", text.replace("\u202f", NBSP)).strip()
    if fits(text, font, width):
        return text
    return shorten_to_width(text[:width], font, width, ELLIPSIS)
