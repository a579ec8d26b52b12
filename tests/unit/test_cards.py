"""Tier 1: social cards, a CardSpec in and PNG bytes out."""

import io
import os

import pytest
from PIL import Image, ImageDraw

from campaign.images.cache import card_key, ensure_card
from campaign.images.cards import (
    ACCENT,
    BACKGROUND,
    BADGE,
    BADGE_INK,
    BADGE_TOP,
    BYLINE_INK,
    BYLINE_STEP,
    FOOTER,
    FOOTER_BACKGROUND,
    FOOTER_INK,
    FOOTER_TOP,
    HEADLINE_TOP,
    HEIGHT,
    INK,
    LEFT,
    MAX_SIZE,
    MIN_SIZE,
    PAPER,
    PAPER_INK,
    RIGHT,
    WIDTH,
    CardError,
    CardSpec,
    badge_ink,
    draw_line,
    headline_words,
    layout,
    palette,
    render_card,
)
from campaign.images.textlayout import (
    BOLD,
    ELLIPSIS,
    REGULAR,
    block_height,
    load_font,
    text_length,
)
from campaign.settings import VERDICTS

CLAIM_280 = (
    "Depuis 2020, la mairie a supprimé 4 000 places de stationnement, augmenté les "
    "loyers du parc social de 12 % et dépensé 3,5 M€ pour des œuvres d’art que personne "
    "n’a demandées, alors que les écoles du 18e attendent toujours les travaux promis "
    "« avant la fin du mandat », disait-on."
)
LONG_WORD = "Anticonstitutionnellement" * 12


def claim_spec(**changes) -> CardSpec:
    values = {
        "kind": "claim",
        "headline": "Le métro ligne 15 ouvrira en 2026.",
        "byline": "Hélène Marchetti, 2 octobre 2026",
        "site_name": "Le Vrai du Faux",
        "badge_label": "Plutôt faux",
        "badge_colour": "#a8431a",
        "rating": 2,
        "accent": "#8a3b12",
    }
    return CardSpec(**{**values, **changes})


def assert_fits(spec: CardSpec):
    plan = layout(spec)
    font = load_font(BOLD, plan.font_size)
    assert MIN_SIZE <= plan.font_size <= MAX_SIZE
    for line in plan.lines:
        assert font.getlength(line) <= plan.box.width, line
    assert plan.box.top <= plan.text_top
    assert plan.text_bottom <= plan.box.bottom <= FOOTER_TOP <= HEIGHT
    return plan


def test_card_is_a_1200x630_palette_png():
    image = Image.open(io.BytesIO(render_card(claim_spec())))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)
    assert image.mode == "P"
    image.verify()  # every chunk's checksum


def test_card_shows_its_colours():
    spec = claim_spec()
    image = Image.open(io.BytesIO(render_card(spec))).convert("RGB")

    def colour(x: int, y: int) -> str:
        return "#{:02x}{:02x}{:02x}".format(*image.getpixel((x, y)))

    assert colour(2, 300) == spec.accent
    assert colour(LEFT + 4, BADGE_TOP + 32) == spec.badge_colour
    assert colour(WIDTH - 8, HEIGHT - 8) == FOOTER_BACKGROUND
    assert colour(WIDTH - 8, 300) == BACKGROUND
    text = {colour(x, y) for x in range(LEFT, RIGHT) for y in range(HEADLINE_TOP, FOOTER_TOP)}
    assert {INK, BYLINE_INK} <= text  # the headline's ink and the byline's


def test_palette_runs_from_each_background_to_its_ink():
    colours = palette("#a8431a", "#8a3b12")

    def entry(index: int) -> str:
        return "#" + colours[3 * index : 3 * index + 3].hex()

    assert (entry(PAPER), entry(PAPER_INK)) == (BACKGROUND, INK)
    assert entry(PAPER + BYLINE_STEP) == BYLINE_INK
    assert (entry(FOOTER), entry(FOOTER_INK)) == (FOOTER_BACKGROUND, "#ffffff")
    assert (entry(BADGE), entry(BADGE_INK)) == ("#a8431a", badge_ink("#a8431a"))
    assert entry(ACCENT) == "#8a3b12"


FRENCH = "aàâbcçdeéèêëfghiîïjklmnoôœpqrstuùûüvwxyzAÀÉÈÇŒ0123456789 .,;:!?«»’'\"()-–—%€…/\u00a0"


@pytest.mark.parametrize(("weight", "size"), [(BOLD, MAX_SIZE), (BOLD, 47), (REGULAR, 30)])
def test_widths_add_up_character_by_character(weight, size):
    """No kerning under the BASIC layout: measuring characters once is exact."""
    font = load_font(weight, size)
    for first in FRENCH:
        for second in FRENCH:
            assert text_length(first + second, font) == font.getlength(first + second)


def test_lines_drawn_from_cached_glyphs_match_pillow():
    font = load_font(BOLD, 52)
    text = "«\u00a0Œuvres d’art : 3,5 M€, 12 % du budget !\u00a0»"
    ours, pillows = Image.new("L", (1200, 80)), Image.new("L", (1200, 80))
    draw_line(ours, (10, 4), text, font, 255)
    ImageDraw.Draw(pillows).text((10, 4), text, font=font, fill=255, anchor="la")
    assert ours.tobytes() == pillows.tobytes()


def test_same_spec_gives_the_same_bytes():
    assert render_card(claim_spec()) == render_card(claim_spec())


def test_png_carries_no_metadata():
    image = Image.open(io.BytesIO(render_card(claim_spec())))
    assert image.info == {}


def test_short_claim_is_drawn_at_the_largest_size_in_french_quotes():
    plan = assert_fits(claim_spec())
    assert plan.font_size == MAX_SIZE
    assert plan.lines == ("«\u00a0Le métro ligne 15 ouvrira en 2026.\u00a0»",)
    assert not plan.truncated


def test_280_character_claim_fits_the_box_whole():
    assert len(CLAIM_280) == 280
    plan = assert_fits(claim_spec(headline=CLAIM_280))
    assert not plan.truncated
    assert MIN_SIZE < plan.font_size < MAX_SIZE
    assert plan.lines[-1].endswith("disait-on.\u00a0»")


def test_text_too_long_at_the_smallest_size_ends_with_an_ellipsis_on_a_word():
    spec = claim_spec(headline=" ".join([CLAIM_280] * 3))
    plan = assert_fits(spec)
    assert plan.truncated
    assert plan.font_size == MIN_SIZE
    tail = f"{ELLIPSIS}\u00a0»"
    assert plan.lines[-1].endswith(tail)
    shown = " ".join(plan.lines).removesuffix(tail)
    whole = " ".join(headline_words(spec))
    assert whole.startswith(shown) and whole[len(shown)] == " "


def test_a_word_wider_than_the_box_is_cut_to_fit():
    plan = assert_fits(claim_spec(kind="post", headline=LONG_WORD, rating=None))
    assert "".join(plan.lines) == LONG_WORD


def test_a_url_breaks_after_a_slash_or_a_hyphen():
    url = "https://www.paris.fr/pages/le-budget-participatif-2027-des-quartiers-populaires"
    plan = assert_fits(claim_spec(kind="post", headline=url * 2, rating=None))
    assert all(line[-1] in "-/" for line in plan.lines[:-1])


def test_an_endless_word_is_cut_then_truncated():
    plan = assert_fits(claim_spec(kind="post", headline=LONG_WORD * 20, rating=None))
    assert plan.truncated
    assert plan.lines[-1].endswith(ELLIPSIS)


def test_without_byline_the_headline_gets_more_room():
    assert layout(claim_spec(byline="")).box.height > layout(claim_spec()).box.height
    render_card(claim_spec(byline=""))


def test_quotes_already_in_a_claim_are_not_doubled():
    plan = layout(claim_spec(headline="« Le métro ouvrira en 2026. »"))
    assert plan.lines == ("«\u00a0Le métro ouvrira en 2026.\u00a0»",)


def test_numbers_and_punctuation_are_not_split_from_their_word():
    plan = layout(claim_spec(headline="Il y a 4 000 logements vides : 12 % du parc."))
    text = "\n".join(plan.lines)
    assert "4\u00a0000" in text and "12\u00a0%" in text and "vides\u00a0:" in text


@pytest.mark.parametrize(
    "changes", [{"kind": "tweet"}, {"badge_colour": "red"}, {"accent": "#12345"}, {"rating": 6}]
)
def test_invalid_spec_is_refused_naming_the_field(changes):
    with pytest.raises(CardError):
        claim_spec(**changes)


def test_every_drawing_input_changes_the_key():
    base = card_key(claim_spec())
    assert base == card_key(claim_spec())
    variants = [
        claim_spec(badge_label="Vrai", badge_colour="#1a6b2f", rating=5),
        claim_spec(rating=3),
        claim_spec(rating=None),
        claim_spec(headline="Autre chose."),
        claim_spec(byline=""),
        claim_spec(site_name="Autre site"),
        claim_spec(accent="#1f4e8c"),
        claim_spec(kind="post"),
    ]
    keys = {card_key(spec) for spec in variants}
    assert base not in keys and len(keys) == len(variants)


def test_a_card_is_drawn_once_then_found_in_the_cache(tmp_path):
    spec = claim_spec()
    path = tmp_path / "cards" / f"{card_key(spec)}.png"
    assert ensure_card(spec, str(tmp_path / "cards")) == str(path)
    assert path.read_bytes() == render_card(spec)
    assert os.listdir(tmp_path / "cards") == [path.name]  # no temporary file left
    path.write_bytes(b"sentinel")
    ensure_card(spec, str(tmp_path / "cards"))
    assert path.read_bytes() == b"sentinel"


def test_cache_misses_when_the_verdict_changes(tmp_path):
    ensure_card(claim_spec(), str(tmp_path))
    ensure_card(claim_spec(badge_label="Faux", badge_colour="#b0182a", rating=1), str(tmp_path))
    assert len(os.listdir(tmp_path)) == 2


def glyph(character: str, weight: str = BOLD) -> tuple:
    mask = load_font(weight, 64).getmask(character)
    return mask.size, bytes(mask)


@pytest.mark.parametrize("character", list("éèêàâçùûîôœŒÉÈÀÇ€«»’…"))
def test_french_characters_have_real_glyphs(character):
    notdef = glyph("\uffff")  # a noncharacter: the font draws its missing-glyph box
    assert glyph(character) != notdef
    assert glyph(character, REGULAR) != glyph("\uffff", REGULAR)


def test_accents_are_drawn_above_their_letter():
    font = load_font(BOLD, 64)
    for plain, accented in [("e", "é"), ("a", "à"), ("E", "É"), ("c", "ç")]:
        assert font.getbbox(accented) != font.getbbox(plain)
    assert font.getbbox("é")[1] < font.getbbox("e")[1]  # the accent rises above the x-height


def test_each_rating_draws_a_different_gauge():
    cards = {render_card(claim_spec(rating=rating)) for rating in (None, 1, 2, 3, 4, 5)}
    assert len(cards) == 6


def test_badge_text_is_white_on_every_verdict_colour_and_dark_on_a_light_one():
    assert {badge_ink(verdict["colour"]) for verdict in VERDICTS} == {"#ffffff"}
    assert badge_ink("#f2c14e") != "#ffffff"


def test_block_height_grows_with_lines():
    assert block_height(40, 0) == 0
    assert block_height(40, 1) < block_height(40, 2) < block_height(40, 3)
