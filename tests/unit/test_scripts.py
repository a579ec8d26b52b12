"""Cards for every script: emoji, Arabic, Hebrew, CJK, Indic and combining marks are
drawn with packaged fonts (images/fonts.py), shaped; what none has is refused."""

from __future__ import annotations

import io

import pytest
from PIL import Image, features

from campaign.content.drawable import undrawable
from campaign.content.model import FrontMatter
from campaign.images.cards import CardSpec, render_card
from campaign.images.textlayout import BOLD, load_font, missing_characters, runs, text_length
from campaign.kinds import Kind

SAMPLES = {
    "emoji": ("Vélo 🚲 et 👩🏽‍🔬", "NotoEmoji[wght].ttf"),
    "arabic": ("مرحبا بكم", "NotoSansArabic[wght].ttf"),
    "hebrew": ("שלום עולם", "NotoSansHebrew[wght].ttf"),
    "cjk": ("巴黎十三区", "NotoSansCJK-VF.otf.ttc"),
    "devanagari": ("नमस्ते", "NotoSansDevanagari[wght].ttf"),
    "combining": ("q̃ et ñ̃", "NotoSans[wght].ttf"),
}


def fallback_runs(text: str) -> list:
    return [run for run in runs(text, load_font(BOLD, 40)) if run.shaped]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_script_has_a_packaged_font(name):
    text, font_file = SAMPLES[name]
    assert missing_characters(text) == []
    used = {run.font.path.rsplit("/", 1)[-1] for run in fallback_runs(text)}
    assert font_file in used


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_no_character_is_drawn_as_the_missing_glyph_box(name):
    text, _ = SAMPLES[name]
    for run in fallback_runs(text):
        notdef = run.font.getmask("\uffff").getbbox(), bytes(run.font.getmask("\uffff"))
        for char in run.text.replace(" ", ""):
            drawn = run.font.getmask(char)
            assert (drawn.getbbox(), bytes(drawn)) != notdef, (name, char)


@pytest.mark.skipif(not features.check("raqm"), reason="libraqm absent: shaped text is refused")
def test_arabic_is_shaped_joined_letters_are_not_isolated_ones():
    [run] = fallback_runs("مرحبا")
    isolated = sum(run.font.getlength(char) for char in run.text)
    assert run.font.getlength(run.text) != isolated  # contextual forms were chosen


def test_a_card_with_emoji_and_arabic_is_drawn_and_measured():
    font = load_font(BOLD, 40)
    assert text_length("Vélo 🚲", font) > text_length("Vélo ", font)
    spec = CardSpec(
        kind="claim",
        headline="",
        byline="",
        site_name="Paris Passerelles 🗼",
        badge_label="Faux",
        badge_colour="#b3192b",
        rating=1,
        fact="🚲 −14 % places en surface ; 巴黎十三区",
        quote="« مرحبا بكم » et שלום",
        quote_label="Ce qui a été dit :",
    )
    png = render_card(spec)
    assert png == render_card(spec)
    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_characters_no_font_has_are_refused_by_name():
    assert missing_characters("Hiéroglyphe 𓀀 et mongol ᠮ") == ["𓀀", "ᠮ"]
    front = FrontMatter("claims/x.md", {"claim": "Texte 𓀀", "summary": "Bien."}, {"claim": 3})
    [problem] = undrawable(Kind.CLAIM, front)
    assert problem.line == 3 and "« 𓀀 » (U+13000)" in problem.message
    assert undrawable(Kind.CLAIM, FrontMatter("claims/y.md", {"claim": "Texte 😀 عربي"})) == []
