"""French typography of headlines, titles, share texts and cards (typography.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign import typography
from campaign.filters import fr
from campaign.typography import NBSP, NNBSP, after_label, french, lower_first


@pytest.mark.parametrize(
    ("written", "set_"),
    [
        ("Le 13e a-t-il perdu des logements ?", f"Le 13e a-t-il perdu des logements{NNBSP}?"),
        ("Le 13e a-t-il perdu des logements?", f"Le 13e a-t-il perdu des logements{NNBSP}?"),
        ("Vraiment !", f"Vraiment{NNBSP}!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("un ; deux", f"un{NNBSP}; deux"),
        ("Logement: l'essentiel", f"Logement{NBSP}: l’essentiel"),
        ("« oui »", f"«{NBSP}oui{NBSP}»"),
        ("«oui»", f"«{NBSP}oui{NBSP}»"),
        ("2 000 logements, 12 %", f"2{NNBSP}000 logements, 12{NNBSP}%"),
        ("aujourd’hui et l'an dernier", "aujourd’hui et l’an dernier"),
    ],
)
def test_french_spacing_and_apostrophes(written, set_):
    assert french(written) == set_


def test_french_is_idempotent():
    once = french("« L'encadrement : ça marche ? » 2 000 %")
    assert french(once) == once


@pytest.mark.parametrize(
    "text",
    ["Voir https://exemple.fr/?a=1&b=2:3 ici", "à 20:00 pile", "www.exemple.fr/page?x=1"],
)
def test_addresses_and_hours_are_left_alone(text):
    for kept in ("https://exemple.fr/?a=1&b=2:3", "20:00", "www.exemple.fr/page?x=1"):
        if kept in text:
            assert kept in french(text)


def test_no_line_can_start_with_a_lone_question_mark():
    # Whatever the width, a line break is only possible at an ordinary space.
    title = french("Un logement sur quatre est-il vide dans le 3e ?")
    assert not any(word in {"?", "!", ":", ";", "»"} for word in title.split(" "))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Les effectifs ont baissé", "les effectifs ont baissé"),
        ("L’encours de dette", "l’encours de dette"),
        ("Aucun comptage", "aucun comptage"),
        ("Paris compte 1 150 km", "Paris compte 1 150 km"),  # a name keeps its capital
        ("Airparif mesure", "Airparif mesure"),
        ("SRU : le taux", "SRU : le taux"),
    ],
)
def test_sentence_case_after_a_verdict(sentence, expected):
    assert lower_first(sentence) == expected


def test_after_label_is_typeset_in_sentence_case():
    assert after_label("Faux", "Les effectifs ont baissé ?") == (
        f"Faux{NBSP}: les effectifs ont baissé{NNBSP}?"
    )


def test_the_jinja_filter_typesets_titles():
    assert fr("Logement : l'essentiel") == f"Logement{NBSP}: l’essentiel"
    assert fr(None) == ""


def test_the_themes_own_words_get_the_french_apostrophe_never_its_code():
    from jinja2 import Environment

    from campaign.filters import FrenchApostrophes

    template = Environment(extensions=[FrenchApostrophes], autoescape=True).from_string(
        "<p>Pour l'envoyer, c'est ici{{ ' ' ~ word }}.</p>{# l'avis #}"
        '{% set quote = "l\'arbre" %}<b>{{ quote }}</b>'
        "<script>add('js-search');x='l'</script><style>a{font:'Segoe UI'}</style>"
        "<a title=\"Fil d'Ariane\">1'2</a>"
    )
    html = template.render(word="aujourd'hui")
    assert "<p>Pour l’envoyer, c’est ici aujourd&#39;hui.</p>" in html  # a value: `fr`'s job
    assert "<b>l&#39;arbre</b>" in html  # an expression's string: left as written
    assert "<script>add('js-search');x='l'</script><style>a{font:'Segoe UI'}</style>" in html
    assert '<a title="Fil d’Ariane">1\'2</a>' in html


def test_a_bodys_text_gets_the_french_apostrophe_its_code_and_tags_keep_theirs():
    from campaign.typography import html_apostrophes

    html = (
        "<p>L'école <a title=\"l'air\" href=\"x\">d'été</a> <code>x='a'b</code></p>"
        "<pre><code>l'x</code></pre><p>aujourd'hui, 1'2</p>"
    )
    assert html_apostrophes(html) == (
        '<p>L’école <a title="l\'air" href="x">d’été</a> <code>x=\'a\'b</code></p>'
        "<pre><code>l'x</code></pre><p>aujourd’hui, 1'2</p>"
    )


def _every_rule(text: str) -> str:
    """`french` as first written: every rule tried on every text, addresses hidden."""
    urls: list[str] = []

    def hide(match):
        urls.append(match.group())
        return f"\x00{len(urls) - 1}\x00"

    text = typography._URL.sub(hide, text)
    text = typography._APOSTROPHE.sub(typography.APOSTROPHE, text)
    text = typography._TIGHT.sub(
        lambda m: (NBSP if m.group(1) == ":" else NNBSP) + m.group(1), text
    )
    text = typography._BEFORE_CLOSING.sub(NBSP + "»", text)
    text = typography._AFTER_OPENING.sub("«" + NBSP, text)
    text = typography._PERCENT.sub(NNBSP, text)
    text = typography._THOUSANDS.sub(NNBSP, text)
    return re.sub(r"\x00(\d+)\x00", lambda m: urls[int(m.group(1))], text)


PIECES = [
    *"ae ' ’?!;:«»%€09. \t/",
    NBSP,
    NNBSP,
    "://",
    "www.",
    "https://x.fr/?a=1",
    "20:00",
    " 000",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_rules_skipped_for_want_of_their_mark_change_nothing(text):
    """`french` tries a rule only where the text holds what it needs (for speed): the
    result is the same as trying every rule."""
    assert french.__wrapped__(text) == _every_rule(text)
