"""Social cards: the 1200x630 PNG shown when a claim, a post or a sheet is shared.

Pure: a CardSpec in, PNG bytes out. No Pelican in here; the caller builds the spec.
Text is measured and fitted by textlayout.py; cache.py keeps the cards drawn.

Thousands of cards are drawn in a cold build, so three things are done once and
reused (see bench/README.md): each character's width and coverage mask per font
size, and the frame (footer, badge, gauge) per verdict. Cards are palette PNGs: a
third of the bytes of an RGB image to compress, about a third of the file size.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from importlib import metadata
from typing import NamedTuple

import PIL
from PIL import Image, ImageDraw, ImageOps, features

from .fonts import NOTO_DISTRIBUTIONS
from .glyphs import draw_label, draw_line
from .png import PNG_COMPRESSION, encode_png
from .strip import clean_pixels
from .textlayout import (
    BOLD,
    ELLIPSIS,
    FONT_DISTRIBUTION,
    NBSP,
    REGULAR,
    block_height,
    fit_line,
    keep_together,
    line_height,
    load_font,
    max_lines,
    text_length,
    truncate_lines,
    wrap,
)
from .truthlayout import BAND_HEIGHT as TRUTH_BAND_HEIGHT
from .truthlayout import BAND_TOP as TRUTH_BAND_TOP
from .truthlayout import VERDICT_SIZE, TruthLayout, truth_layout

# Bump whenever the drawing changes, so cached cards are drawn again.
RENDERER_VERSION = "4"

WIDTH, HEIGHT = 1200, 630
KINDS = ("claim", "post", "sheet")
BACKGROUND = "#ffffff"
INK = "#111111"
BYLINE_INK = "#3d3d3d"
FOOTER_BACKGROUND = "#14181f"
STRIPE_WIDTH = 16
LEFT = STRIPE_WIDTH + 56
RIGHT = WIDTH - 64
BADGE_TOP, BADGE_HEIGHT, BADGE_FONT = 48, 64, 34
DOT, DOT_GAP = 20, 10
FOOTER_TOP, FOOTER_FONT = HEIGHT - 84, 32
HEADLINE_TOP = BADGE_TOP + BADGE_HEIGHT + 36
CONTENT_BOTTOM = FOOTER_TOP - 36
BYLINE_FONT, BYLINE_GAP = 30, 22
PHOTO_LEFT, PHOTO_GAP = 820, 40  # the photo band of a post or event, right of the text
MAX_SIZE, MIN_SIZE, SIZE_STEP = 64, 30, 2
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

# The card is drawn as palette indices, then saved as a palette PNG. Pillow smooths
# text edges by blending numerically between the background's index and the ink's,
# so each pair of colours that text is drawn on gets a run of palette entries going
# from the background to the ink: every blended index is the right colour.
PAPER, PAPER_INK = 0, 119  # white to INK, the headline's run
BYLINE_STEP = 97  # BYLINE_INK, #3d3d3d, sits exactly 97/119 of the way from white to INK
FOOTER, FOOTER_INK = 120, 183  # the footer band to white
BADGE, BADGE_INK = 184, 247  # the verdict colour to the badge's ink (white or INK)
ACCENT = 248  # the topic stripe


class CardError(ValueError):
    """A card spec that cannot be drawn: the message names the field."""


@dataclass(frozen=True)
class CardSpec:
    """Everything a card shows; two equal specs give byte-identical PNGs."""

    kind: str
    headline: str
    byline: str
    site_name: str
    badge_label: str = ""
    badge_colour: str = "#333333"
    rating: int | None = None
    accent: str = "#0b4f8a"
    # Truth first (truthlayout.py): with a quote, a claim's card leads with the
    # verdict and the fact, and the headline is not drawn.
    fact: str = ""
    quote: str = ""
    quote_label: str = ""

    @property
    def truth_first(self) -> bool:
        return self.kind == "claim" and bool(self.quote.strip())

    # A post's or an event's photo, shown as a band on the right: its file, and the
    # hash of its bytes (a new photo under the same name is a new card).
    photo: str = ""
    photo_hash: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise CardError(f"kind: {self.kind!r} is not one of {', '.join(KINDS)}")
        for name in ("badge_colour", "accent"):
            if not HEX_COLOUR.fullmatch(getattr(self, name)):
                raise CardError(f"{name}: {getattr(self, name)!r} is not a #rrggbb colour")
        if self.rating is not None and not 1 <= self.rating <= 5:
            raise CardError(f"rating: {self.rating!r} is not between 1 and 5")


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass(frozen=True)
class Layout:
    """Where the headline goes: its font size, its lines and the box they fit in."""

    font_size: int
    lines: tuple[str, ...]
    box: Box
    line_height: int
    text_top: int
    truncated: bool

    @property
    def text_height(self) -> int:
        return block_height(self.font_size, len(self.lines))

    @property
    def text_bottom(self) -> int:
        return self.text_top + self.text_height


def headline_box(spec: CardSpec) -> Box:
    """The room for the headline: under the badge, above the byline and the footer,
    left of the photo band if there is one."""
    byline_room = block_height(BYLINE_FONT, 1) + BYLINE_GAP if spec.byline.strip() else 0
    right = PHOTO_LEFT - PHOTO_GAP if spec.photo else RIGHT
    return Box(LEFT, HEADLINE_TOP, right, CONTENT_BOTTOM - byline_room)


def headline_words(spec: CardSpec) -> list[str]:
    """The headline as words; a claim gets French quotes held to it by no-break spaces."""
    text = re.sub(r"[ \t\r\n]+", " ", spec.headline).strip()
    if spec.kind == "claim":
        text = text.strip(f'«»"“” {NBSP}\u202f')
        text = f"«{NBSP}{text}{NBSP}»" if text else ""
    return keep_together(text).split(" ") if text else []


def layout(spec: CardSpec) -> Layout:
    """The largest headline size whose lines fit the box; truncated at the smallest."""
    words, box = headline_words(spec), headline_box(spec)
    sizes = list(range(MAX_SIZE, MIN_SIZE - 1, -SIZE_STEP))

    def wrapped(size: int) -> list[str] | None:
        limit = max_lines(size, box.height)
        lines = wrap(words, load_font(BOLD, size), box.width, limit)
        return lines if len(lines) <= limit else None

    # Smaller text never needs more lines, so bisect for the largest size that fits.
    low, high, best = 0, len(sizes) - 1, None
    while low <= high:
        middle = (low + high) // 2
        lines = wrapped(sizes[middle])
        if lines is None:
            low = middle + 1
        else:
            best, high = (sizes[middle], lines), middle - 1
    if best:
        return centre_headline(best[0], best[1], box, truncated=False)
    font, limit = load_font(BOLD, MIN_SIZE), max_lines(MIN_SIZE, box.height)
    tail = ELLIPSIS + (f"{NBSP}»" if spec.kind == "claim" else "")
    lines = truncate_lines(wrap(words, font, box.width, limit), font, box.width, limit, tail)
    return centre_headline(MIN_SIZE, lines, box, truncated=True)


def centre_headline(size: int, lines: list[str], box: Box, truncated: bool) -> Layout:
    """Centre the headline and the byline under it, as one group, in the box."""
    room = box.height - block_height(size, len(lines))
    return Layout(size, tuple(lines), box, line_height(size), box.top + room // 2, truncated)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def badge_ink(colour: str) -> str:
    """White on the badge, unless the colour is too light for it (WCAG AA, 4.5:1)."""
    contrast_with_white = 1.05 / (luminance(colour) + 0.05)
    return "#ffffff" if contrast_with_white >= 4.5 else INK


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def colour_run(start: str, end: str, steps: int) -> list[tuple[int, ...]]:
    """`steps` colours evenly spaced from `start` to `end`, both included."""
    first, last = rgb(start), rgb(end)
    return [
        tuple(round(a + (b - a) * step / (steps - 1)) for a, b in zip(first, last, strict=True))
        for step in range(steps)
    ]


@functools.lru_cache(maxsize=64)
def palette(badge_colour: str, accent: str) -> bytes:
    """The card's colours, laid out as the index constants say (PAPER, FOOTER...)."""
    entries = [
        *colour_run(BACKGROUND, INK, PAPER_INK - PAPER + 1),
        *colour_run(FOOTER_BACKGROUND, "#ffffff", FOOTER_INK - FOOTER + 1),
        *colour_run(badge_colour, badge_ink(badge_colour), BADGE_INK - BADGE + 1),
        rgb(accent),
    ]
    return bytes(channel for entry in entries for channel in entry)


def draw_frame(draw: ImageDraw.ImageDraw, site_name: str) -> None:
    """Topic stripe down the left edge and the site name in a dark footer band."""
    draw.rectangle((0, 0, STRIPE_WIDTH - 1, HEIGHT - 1), fill=ACCENT)
    draw.rectangle((STRIPE_WIDTH, FOOTER_TOP, WIDTH - 1, HEIGHT - 1), fill=FOOTER)
    font = load_font(BOLD, FOOTER_FONT)
    name = fit_line(site_name, font, RIGHT - LEFT)
    middle = (FOOTER_TOP + HEIGHT) // 2
    draw_label(draw, (LEFT, middle), name, font, FOOTER_INK)


class Band(NamedTuple):
    """The badge's geometry: a small badge over a headline, or the verdict in large
    type on a truth-first card."""

    top: int
    height: int
    font: int
    dot: int
    gap: int
    pad: int
    mark: int  # the "?" of a verdict with no rating


BADGE_BAND = Band(BADGE_TOP, BADGE_HEIGHT, BADGE_FONT, DOT, DOT_GAP, 28, 30)
TRUTH_BAND = Band(TRUTH_BAND_TOP, TRUTH_BAND_HEIGHT, VERDICT_SIZE, 28, 14, 40, 60)


def gauge_width(kind: str, rating: int | None, band: Band = BADGE_BAND) -> int:
    """Width of what follows the badge word: 5 dots, a "?" disc, or nothing."""
    if rating is not None:
        return 5 * band.dot + 4 * band.gap
    return band.height - 24 * band.height // BADGE_HEIGHT if kind == "claim" else 0


def draw_gauge(
    draw: ImageDraw.ImageDraw, x: int, size: int, rating: int | None, band: Band = BADGE_BAND
) -> None:
    """Dots filled up to the rating (the shape says it, not only the colour), or "?"."""
    middle = band.top + band.height // 2
    if rating is None:
        draw.ellipse((x, middle - size // 2, x + size, middle + size // 2), fill=BADGE_INK)
        font = load_font(BOLD, band.mark)
        draw.text((x + size / 2, middle), "?", font=font, fill=BADGE, anchor="mm")
        return
    dot, outline = band.dot, max(3, band.dot // 7)
    for index in range(5):
        left = x + index * (dot + band.gap)
        box = (left, middle - dot // 2, left + dot, middle + dot // 2)
        draw.ellipse(
            box, fill=BADGE_INK if index < rating else None, outline=BADGE_INK, width=outline
        )


def draw_badge(
    draw: ImageDraw.ImageDraw, label: str, kind: str, rating: int | None, band: Band = BADGE_BAND
) -> None:
    """Verdict (or kind) word on its colour, top-left, with the gauge after the word."""
    font, gauge = load_font(BOLD, band.font), gauge_width(kind, rating, band)
    label = fit_line(label, font, RIGHT - LEFT - 2 * band.pad - gauge - 20)
    if not label and not gauge:
        return
    word = round(text_length(label, font))
    between = band.pad * 5 // 7 if label and gauge else 0
    right = LEFT + band.pad + word + between + gauge + band.pad
    box = (LEFT, band.top, right, band.top + band.height)
    draw.rounded_rectangle(box, radius=band.height * 3 // 16, fill=BADGE)
    middle = band.top + band.height // 2
    draw_label(draw, (LEFT + band.pad, middle), label, font, BADGE_INK)
    if gauge:
        draw_gauge(draw, LEFT + band.pad + word + between, gauge, rating, band)


@functools.lru_cache(maxsize=32)
def frame(
    site_name: str, badge_label: str, kind: str, rating: int | None, band: Band = BADGE_BAND
) -> bytes:
    """Stripe, footer and badge, as palette indices: the same on every card of a verdict.
    Colours come with the palette, so one frame serves every topic.

    Laid out as the rows of the PNG: each row starts with its filter type, 0 (none),
    so the card sits right of a column of zeros (x + 1) and is encoded as it is.
    """
    image = Image.new("L", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw_frame(draw, site_name)
    draw_badge(draw, badge_label, kind, rating, band)
    rows = Image.new("L", (WIDTH + 1, HEIGHT), 0)
    rows.paste(image, (1, 0))
    return rows.tobytes()


def draw_text(image: Image.Image, spec: CardSpec, plan: Layout, left: int = 0) -> None:
    """The headline lines, then the byline just under them; `left` shifts them right."""
    font = load_font(BOLD, plan.font_size)
    x = plan.box.left
    for index, line in enumerate(plan.lines):
        y = plan.text_top + index * plan.line_height
        draw_line(image, (x, y), line, font, PAPER_INK, left)
    if spec.byline.strip():
        byline_font = load_font(REGULAR, BYLINE_FONT)
        byline = fit_line(spec.byline, byline_font, plan.box.width)
        y = plan.text_bottom + BYLINE_GAP
        draw_line(image, (x, y), byline, byline_font, PAPER + BYLINE_STEP, left)


def draw_truth(image: Image.Image, plan: TruthLayout, left: int = 0) -> None:
    """The fact under the verdict, then the labelled claim, smaller, at the bottom."""
    font = load_font(BOLD, plan.fact_size)
    for index, line in enumerate(plan.fact_lines):
        y = plan.fact_top + index * line_height(plan.fact_size)
        draw_line(image, (LEFT, y), line, font, PAPER_INK, left)
    label_font = load_font(REGULAR, plan.label_size)
    draw_line(image, (LEFT, plan.label_top), plan.label, label_font, PAPER + BYLINE_STEP, left)
    quote_font = load_font(REGULAR, plan.quote_size)
    for index, line in enumerate(plan.quote_lines):
        y = plan.quote_top + index * line_height(plan.quote_size)
        draw_line(image, (LEFT, y), line, quote_font, PAPER_INK, left)


def render_card(spec: CardSpec) -> bytes:
    """The card as a 1200x630 palette PNG with no metadata: same spec, same bytes.

    The text is drawn straight into a copy of the frame's rows, through an image
    sharing their memory (`Image.frombuffer`; `draw_line` pastes through the core
    image, which writes there): no copy of the image, no `tobytes` before encoding.
    """
    band = TRUTH_BAND if spec.truth_first else BADGE_BAND
    rows = bytearray(frame(spec.site_name, spec.badge_label, spec.kind, spec.rating, band))
    image = Image.frombuffer("L", (WIDTH + 1, HEIGHT), rows, "raw", "L", 0, 1)
    if spec.truth_first:
        draw_truth(image, truth_layout(spec.fact, spec.quote, spec.quote_label), left=1)
    else:
        draw_text(image, spec, layout(spec), left=1)
    card = encode_png(rows, palette(spec.badge_colour, spec.accent), WIDTH, HEIGHT)
    return with_photo_band(card, spec.photo) if spec.photo else card


def with_photo_band(card: bytes, photo: str) -> bytes:
    """The card with the photo filling a band on its right, above the footer: in
    full colour (no longer a palette PNG), from the photo's pixels only."""
    image = Image.open(io.BytesIO(card)).convert("RGB")
    band = (WIDTH - PHOTO_LEFT, FOOTER_TOP)
    picture = ImageOps.fit(clean_pixels(photo), band, Image.Resampling.LANCZOS)
    image.paste(picture, (PHOTO_LEFT, 0))
    output = io.BytesIO()
    image.save(output, "PNG", compress_level=6)
    return output.getvalue()


@functools.cache
def renderer() -> dict:
    """What draws the cards, besides the spec: looked up once, not once a card."""
    return {
        "renderer": RENDERER_VERSION,
        "fonts": [FONT_DISTRIBUTION, metadata.version(FONT_DISTRIBUTION), REGULAR, BOLD]
        + [f"{name}=={metadata.version(name)}" for name in NOTO_DISTRIBUTIONS]
        + [f"raqm={features.version('raqm')}"],
        "pillow": PIL.__version__,
        "compressor": ["isal", metadata.version("isal"), PNG_COMPRESSION],
    }
