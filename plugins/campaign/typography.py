"""French typography for whatever a reader sees set as a line: headlines, titles,
share texts and cards.

Pure and dependency-free (content/, sharing/ and images/ all use it):
- no-break spaces before ? ! ; (narrow, U+202F) and before : » (U+00A0), after «,
  so a lone « ? » never wraps onto its own line;
- one apostrophe, ’;
- sentence case after a verdict's colon: « Faux : le parc… », not « Faux : Le parc… ».

Addresses are left alone: a "?" or ":" is spaced only where a word ends, never
inside "https://…/?a=1" or "20:00".
"""

from __future__ import annotations

import functools
import re

NBSP = "\u00a0"  # before : and », after «
NNBSP = "\u202f"  # narrow, before ; ! ?
APOSTROPHE = "\u2019"

# A ; ! ? or : ending a word: preceded by a non-space (not another such mark, so that
# "?!" gets one space), followed by a space, the end or closing punctuation.
_TIGHT = re.compile(r"(?<=[^\s?!;:])[ \t\u00a0\u202f]*([?!;:])(?=[\s»)\]\"”.,…?!<]|$)")
_BEFORE_CLOSING = re.compile(r"(?<=\S)[ \t\u00a0\u202f]*»")
_AFTER_OPENING = re.compile(r"«[ \t\u00a0\u202f]*(?=\S)")
_PERCENT = re.compile(r"(?<=\d)[ \t]+(?=%|€)")
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|'")
_URL = re.compile(r"\S*(?:://|www\.)\S*")

# Words that start a French sentence and are never names: after « Faux : » they take
# a small letter. A name (« Paris », « Airparif ») or an acronym keeps its capital.
COMMON_STARTS = frozenset(
    """le la les l un une des du de d au aux en dans sur sous pour par avec sans selon
    entre après avant depuis pendant vers chez il elle ils elles on nous vous ce cet cette
    ces c ça cela ceci son sa ses leur leurs notre nos votre vos mon ma mes aucun aucune
    chaque tous toutes tout toute plusieurs certains certaines plus moins même environ
    près presque seul seule seuls seules mais et ou ni car donc or si oui non pas rien
    personne quelque quelques autant beaucoup peu trop très bien déjà encore toujours
    jamais ici là y deux trois quatre cinq six sept huit neuf dix cent mille moitié
    quart tiers aujourd hier demain cet ni lorsque quand comme ainsi alors""".split()
)


# An apostrophe between two letters: the one a word holds (« l'école »), not a quote.
LETTER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
# HTML's tags, and those opening or closing code, which keeps its apostrophes.
_TAG = re.compile(r"(<[^>]*>)")
_CODE_TAG = re.compile(r"<(/?)(code|pre)\b", re.IGNORECASE)


def html_apostrophes(html: str) -> str:
    """Sanitised HTML (a body) with the apostrophe `french` sets, in one pass: in text
    only, never in a tag or its attributes, nor in <code> or <pre>."""
    if "'" not in html:
        return html
    pieces, code = _TAG.split(html), 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            if tag := _CODE_TAG.match(piece):
                code += -1 if tag.group(1) else 1
        elif code <= 0 and "'" in piece:
            pieces[index] = LETTER_APOSTROPHE.sub(APOSTROPHE, piece)
    return "".join(pieces)


# Nothing to set in a text holding none of these: it is returned as is.
_SETTABLE = re.compile(r"[?!;:»«'%€]|\d \d")


@functools.lru_cache(maxsize=1 << 16, typed=True)  # a Markup stays apart from a str
def french(text: str) -> str:
    """`text` with French spacing and apostrophes; addresses inside are kept as written.

    Kept for the build: a claim's title or summary is set on its page, in listings,
    feeds, kits and letters, tens of times over."""
    if not text or not _SETTABLE.search(text):
        return text
    if "://" not in text and "www." not in text:  # what _URL needs, looked for faster
        return _set(text)
    urls: list[str] = []

    def hide(match: re.Match) -> str:
        urls.append(match.group())
        return f"\x00{len(urls) - 1}\x00"

    text = _set(_URL.sub(hide, text))
    return re.sub(r"\x00(\d+)\x00", lambda m: urls[int(m.group(1))], text)


def _set(text: str) -> str:
    """Each rule, if the text holds what it needs: a regular expression tried at every
    position of a long text costs more than looking for one character in it (a
    claim's card text is set in a third of the time)."""
    if "'" in text:
        text = _APOSTROPHE.sub(APOSTROPHE, text)
    if "?" in text or "!" in text or ";" in text or ":" in text:
        text = _TIGHT.sub(lambda m: (NBSP if m.group(1) == ":" else NNBSP) + m.group(1), text)
    if "»" in text:
        text = _BEFORE_CLOSING.sub(NBSP + "»", text)
    if "«" in text:
        text = _AFTER_OPENING.sub("«" + NBSP, text)
    if "%" in text or "€" in text:
        text = _PERCENT.sub(NNBSP, text)
    return _THOUSANDS.sub(NNBSP, text)


def lower_first(text: str) -> str:
    """The sentence with a small first letter if its first word is a common word
    (« Les effectifs » → « les effectifs »); names and acronyms keep their capital."""
    match = re.match(r"[^\w]*(\w+)", text)
    if not match:
        return text
    word = match.group(1)
    if (
        word.casefold() not in COMMON_STARTS
        or not word[:1].isupper()
        or word.isupper()
        and len(word) > 1
    ):
        return text
    start = match.start(1)
    return text[:start] + word[0].lower() + text[start + 1 :]


def after_label(label: str, sentence: str) -> str:
    """« Label : sentence », typeset, the sentence in sentence case after the colon."""
    label, sentence = label.strip(), sentence.strip()
    if not label or not sentence:
        return french(label or sentence)
    return french(f"{label} : {lower_first(sentence)}")
