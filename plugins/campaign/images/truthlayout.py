"""The layout of a "truth first" card: a claim rated below « plutôt vrai », or not rated.

Seen alone in a feed, a card must not repeat the myth it debunks (DESIGN.md,
"Truth first", after the Debunking Handbook 2020): the verdict is the largest text,
the correct fact (the key figure, else the conclusion) the main line, and the claim
comes last, smaller, quoted and labelled « Ce qui a été dit ».

Pure: text in, sizes and lines out; cards.py draws it. The sizes are part of the
result so that tests can hold the order of the sizes (verdict ≥ fact > myth).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textlayout import (
    BOLD,
    ELLIPSIS,
    NBSP,
    REGULAR,
    block_height,
    fit_line,
    keep_together,
    load_font,
    max_lines,
    truncate_lines,
    wrap,
)

# The card's geometry (1200x630, the footer band from 546): see cards.py.
LEFT, RIGHT = 72, 1136
BAND_TOP, BAND_HEIGHT, VERDICT_SIZE = 40, 120, 80
FACT_TOP = BAND_TOP + BAND_HEIGHT + 32
CONTENT_BOTTOM = 510
FACT_MAX, FACT_MIN, FACT_STEP = 60, 28, 2
LABEL_SIZE, QUOTE_SIZE, QUOTE_LINES = 26, 28, 2
LABEL_GAP, MYTH_GAP = 6, 24


@dataclass(frozen=True)
class TruthLayout:
    """Where each text of a truth-first card goes, and at what size."""

    verdict_size: int
    fact_size: int
    fact_lines: tuple[str, ...]
    fact_top: int
    label_size: int
    label: str
    label_top: int
    quote_size: int
    quote_lines: tuple[str, ...]
    quote_top: int

    @property
    def sizes(self) -> dict[str, int]:
        return {"verdict": self.verdict_size, "fact": self.fact_size, "myth": self.quote_size}

    @property
    def text(self) -> str:
        """Every word set on the card below the verdict, in reading order."""
        return " ".join([*self.fact_lines, self.label, *self.quote_lines])


def words(text: str) -> list[str]:
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    return keep_together(text).split(" ") if text else []


def quoted(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text).strip().strip(f'«»"“” {NBSP}\u202f')
    return f"«{NBSP}{text}{NBSP}»" if text else ""


def quote_block(quote: str) -> tuple[str, ...]:
    """The claim in at most QUOTE_LINES lines, cut with « … » if longer."""
    font, width = load_font(REGULAR, QUOTE_SIZE), RIGHT - LEFT
    lines = wrap(words(quoted(quote)), font, width, QUOTE_LINES)
    if len(lines) > QUOTE_LINES:
        lines = truncate_lines(lines, font, width, QUOTE_LINES, f"{ELLIPSIS}{NBSP}»")
    return tuple(lines)


def fact_block(fact: str, height: int) -> tuple[int, tuple[str, ...]]:
    """The largest size (under the verdict's) at which the fact fits the height."""
    width, fact_words = RIGHT - LEFT, words(fact)
    for size in range(FACT_MAX, FACT_MIN - 1, -FACT_STEP):
        limit = max_lines(size, height)
        lines = wrap(fact_words, load_font(BOLD, size), width, limit)
        if len(lines) <= limit:
            return size, tuple(lines)
    font, limit = load_font(BOLD, FACT_MIN), max_lines(FACT_MIN, height)
    lines = wrap(fact_words, font, width, limit)
    return FACT_MIN, tuple(truncate_lines(lines, font, width, limit, ELLIPSIS))


def truth_layout(fact: str, quote: str, label: str) -> TruthLayout:
    """The verdict band on top, the fact under it, the labelled claim at the bottom."""
    quote_lines = quote_block(quote)
    label_line = fit_line(label, load_font(REGULAR, LABEL_SIZE), RIGHT - LEFT)
    quote_height = block_height(QUOTE_SIZE, len(quote_lines))
    quote_top = CONTENT_BOTTOM - quote_height
    label_top = quote_top - LABEL_GAP - block_height(LABEL_SIZE, 1)
    size, fact_lines = fact_block(fact, label_top - MYTH_GAP - FACT_TOP)
    return TruthLayout(
        verdict_size=VERDICT_SIZE,
        fact_size=size,
        fact_lines=fact_lines,
        fact_top=FACT_TOP,
        label_size=LABEL_SIZE,
        label=label_line,
        label_top=label_top,
        quote_size=QUOTE_SIZE,
        quote_lines=quote_lines,
        quote_top=quote_top,
    )
