"""Text drawn into a card's palette-index image, glyph by glyph from a cache.

Pure drawing helpers for cards.py: Lato's glyphs are rendered once per size and
pasted (much faster than `ImageDraw.text`, same pixels); text in other scripts is
cut into runs (fonts.py) and each fallback run is shaped and pasted whole.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFont

from .textlayout import in_lato, runs, text_length


class Glyph(NamedTuple):
    """A character as drawn: its coverage mask (None for a space), where the mask sits
    from the pen (left, ascender line), and how far the pen then moves."""

    mask: Image.Image | None
    left: int
    top: int
    advance: float

    @property
    def size(self) -> tuple[int, int]:
        return self.mask.size if self.mask is not None else (0, 0)


def glyph(font: ImageFont.FreeTypeFont, char: str) -> Glyph:
    left, top, right, bottom = font.getbbox(char, anchor="la")
    if right <= left or bottom <= top:
        return Glyph(None, left, top, text_length(char, font))
    mask = Image.new("L", (right - left, bottom - top))
    ImageDraw.Draw(mask).text((-left, -top), char, font=font, fill=255, anchor="la")
    return Glyph(mask, left, top, text_length(char, font))


@functools.lru_cache(maxsize=64)
def glyphs(font: ImageFont.FreeTypeFont) -> dict[str, tuple]:
    """The glyphs of this font drawn so far, each as (mask's core image or None, left,
    top, width, height, advance): what pasting it needs, looked up once."""
    return {}


def draw_line(
    image: Image.Image, xy: tuple[int, int], text: str, font, ink: int, shift: int = 0
) -> None:
    """Text from its top-left corner (ascender line), glyph by glyph from the cache:
    the same pixels as `ImageDraw.text`, which renders every glyph again each time.
    `shift` moves every glyph that many whole pixels right, once placed.

    Pastes through Pillow's core image (`Image.im.paste`, what `Image.paste` calls
    after its checks): a card pastes some 150 glyphs, and the checks cost more
    than the pasting.
    """
    if not in_lato(text):
        draw_runs(image, xy, text, font, ink, shift)
        return
    pen, y = xy
    known = glyphs(font)
    core = image.im
    for char in text:
        shape = known.get(char)
        if shape is None:
            drawn = glyph(font, char)
            mask = drawn.mask.im if drawn.mask is not None else None
            shape = known[char] = (mask, drawn.left, drawn.top, *drawn.size, drawn.advance)
        mask, left, top, width, height, advance = shape
        if mask is not None:
            x, y0 = round(pen) + left + shift, y + top
            core.paste(ink, (x, y0, x + width, y0 + height), mask)
        pen += advance


def draw_runs(
    image: Image.Image, xy: tuple[int, int], text: str, font, ink: int, shift: int
) -> None:
    """A line partly in other scripts: Lato runs glyph by glyph, the others shaped
    whole by their fallback font (fonts.py), pasted as one mask each."""
    pen, y = xy
    baseline = y + font.getmetrics()[0]  # every run sits on Lato's baseline
    for run in runs(text, font):
        if not run.shaped:
            draw_line(image, (pen, y), run.text, font, ink, shift)
            pen += text_length(run.text, font)
            continue
        mask, (left, top) = run.font.getmask2(run.text, mode="L", anchor="ls")
        width, height = mask.size
        if width and height:
            x, y0 = round(pen) + left + shift, baseline + top
            image.im.paste(ink, (x, y0, x + width, y0 + height), mask)
        pen += run.font.getlength(run.text)


def draw_label(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font, ink: int) -> None:
    """One line from its left end, centred on `xy`'s height (a badge's word, the
    footer): Pillow's own drawing for Lato, as before; runs for other scripts."""
    if in_lato(text):
        draw.text(xy, text, font=font, fill=ink, anchor="lm")
        return
    ascent, descent = font.getmetrics()
    draw_runs(draw._image, (xy[0], xy[1] - (ascent + descent) // 2), text, font, ink, 0)
