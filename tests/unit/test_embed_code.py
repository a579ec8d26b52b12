"""Tier 1: the <iframe> code of an embeddable verdict, and its height."""

from bs4 import BeautifulSoup

from campaign.sharing.embed import embed_height, embed_link, iframe_code


def test_iframe_code_is_one_sandboxed_titled_frame_with_escaped_attributes():
    code = iframe_code(
        "https://exemple.fr/vrai-du-faux/a/integrer/", 'Verdict « Faux » — "Site"', 300
    )
    [frame] = BeautifulSoup(code, "html.parser").find_all(True)
    assert frame.name == "iframe"
    assert frame["src"] == "https://exemple.fr/vrai-du-faux/a/integrer/"
    assert frame["title"] == 'Verdict « Faux » — "Site"'
    assert frame["height"] == "300" and frame["width"] == "100%"
    assert frame["sandbox"] == ["allow-popups", "allow-popups-to-escape-sandbox"]  # no scripts


def test_longer_texts_get_a_taller_frame():
    short = embed_height("Faux.", "« Court. » — X, 1er mars 2026")
    assert embed_height("Une conclusion " * 10, "« Court. » — X") > short
    assert embed_height("Faux.", "« Une affirmation longue " * 8) > short
    assert embed_height("Faux.", "« Court. » — X, 1er mars 2026", "Site fictif.") > short


def test_the_link_back_is_tagged_as_an_embed():
    link = embed_link("https://exemple.fr/vrai-du-faux/a/", "municipales", "a")
    assert link == (
        "https://exemple.fr/vrai-du-faux/a/?utm_source=integration&utm_medium=integration"
        "&utm_campaign=municipales&utm_content=a"
    )
