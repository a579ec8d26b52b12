"""Tier 1: the Markdown converter's shortcuts for plain text and plain paragraphs
change no output."""

from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from campaign.content.reader import PlainParagraphProcessor, PlainTextInlineProcessor, _markdown

from conftest import FIXTURES, ROOT

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
# Words, and every character some inline pattern starts with, in any order.
PIECES = st.sampled_from(
    ["mot", "Éric", "4 000", " ", "  ", "\n", "\n\n", "*", "_", "`", "\\", "[", "]", "(",
     ")", "!", "<", ">", "&", ";", "#", "^", ":", "http://exemple.fr", "a@b.fr", "- ", "1. ",
     # What starts a block: a heading's underline, a rule, a table, a quote, code, a
     # definition, footnote, abbreviation or reference, raw HTML.
     "=", "---", "|", "    ", "\t", "> ", "```", ": ", "[^1]: ", "*[ABC]: ", "[r]: /x",
     "<div>", "</div>", "_", "+ ", "2)", "~~~", "{: .x}", "ABC", "9"]
)  # fmt: skip


def stock(heading_level: int) -> markdown.Markdown:
    """The converter as Python-Markdown builds it, without the shortcuts."""
    md = _markdown(SETTINGS, heading_level)
    md.treeprocessors.register(markdown.treeprocessors.InlineProcessor(md), "inline", 20)
    md.parser.blockprocessors.deregister("plain_paragraph")
    return md


def bare(heading_level: int) -> markdown.Markdown:
    """The converter with no inline pattern at all."""
    md = stock(heading_level)
    md.treeprocessors["inline"].inlinePatterns = markdown.util.Registry()
    return md


QUICK, STOCK, BARE = _markdown(SETTINGS, 2), stock(2), bare(2)


def test_the_converter_takes_the_shortcuts():
    assert isinstance(QUICK.treeprocessors["inline"], PlainTextInlineProcessor)
    assert not isinstance(STOCK.treeprocessors["inline"], PlainTextInlineProcessor)
    assert QUICK.parser.blockprocessors["plain_paragraph"].on
    assert "plain_paragraph" not in STOCK.parser.blockprocessors


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("http://exemple.fr[")  # found by CI: an address Python cannot split, alone on its line
def test_any_text_converts_as_without_the_shortcut(text):
    assert QUICK.reset().convert(text) == STOCK.reset().convert(text)


# One text for each inline pattern, holding nothing another pattern starts with
# (the entity pattern's work shows in no output: the serializer keeps entities too).
ONE_PATTERN_EACH = [
    "du `code` ici",
    "pas une \\*liste",
    "un [lien](https://exemple.fr) ici",
    "une ![image](carte.png) ici",
    "un [lien][ref]\n\n[ref]: https://exemple.fr",
    "<https://exemple.fr>",
    "<equipe@exemple.fr>",
    "du <b>gras</b> ici",
    "un *mot* ici",
    "un _mot_ ici",
    "une ligne  \nsuivie",
    "une note[^1]\n\n[^1]: La note.",
]


@pytest.mark.parametrize("text", ONE_PATTERN_EACH)
def test_each_inline_pattern_still_applies(text):
    html = QUICK.reset().convert(text)
    assert html == STOCK.reset().convert(text)
    assert html != BARE.reset().convert(text)  # the text does hold a pattern


def test_every_shipped_and_fixture_document_converts_as_without_the_shortcut():
    paths = sorted((ROOT / "content").rglob("*.md")) + sorted(FIXTURES.rglob("*.md"))
    assert len(paths) > 20
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        assert QUICK.reset().convert(text) == STOCK.reset().convert(text), path


def test_an_unknown_inline_pattern_turns_the_shortcut_off():
    """A pattern it knows nothing of (here "==marked==") must still be tried."""
    md = _markdown(SETTINGS, 2)
    mark = markdown.inlinepatterns.SimpleTagInlineProcessor(r"(==)(.+?)==", "mark")
    md.inlinePatterns.register(mark, "mark", 5)
    md.treeprocessors.register(PlainTextInlineProcessor(md), "inline", 20)
    assert md.convert("Un ==mot== marqué.") == "<p>Un <mark>mot</mark> marqué.</p>"


# A block for each block processor, each with lines starting with letters around
# the one that makes it what it is.
ONE_BLOCK_EACH = [
    "Titre\n=====",
    "Titre\n-----",
    "Un texte\n# Titre",
    "Un texte\n> citée",
    "Un texte\n- liste",
    "Un texte\n\n    du code",
    "Terme\n: définition",
    "Colonne | autre\n--- | ---\nune | deux",
    "Texte[^1]\n\n[^1]: La note.",
    "Le ABC ici.\n*[ABC]: Une abréviation",
    "Un [lien][r]\n[r]: https://exemple.fr",
    "Texte\n<div>bloc</div>\nsuite",
    "- un\n- deux\nsuite de la liste",
    "1. un\nsuite",
    "Texte\n***",
]


@pytest.mark.parametrize("text", ONE_BLOCK_EACH)
def test_each_block_processor_still_applies(text):
    assert QUICK.reset().convert(text) == STOCK.reset().convert(text)


def test_an_unknown_block_processor_turns_the_block_shortcut_off():
    """A processor it knows nothing of (here, a block starting with « Note » becomes
    an aside) must still be tried."""

    class Aside(markdown.blockprocessors.BlockProcessor):
        def test(self, parent, block):
            return block.startswith("Note")

        def run(self, parent, blocks):
            ElementTree.SubElement(parent, "aside").text = blocks.pop(0)

    md = markdown.Markdown()
    md.parser.blockprocessors.register(Aside(md.parser), "aside", 50)
    plain = PlainParagraphProcessor(md.parser)
    md.parser.blockprocessors.register(plain, "plain_paragraph", 200)
    assert not plain.on
    assert md.convert("Note importante.") == "<aside>Note importante.</aside>"
