"""Tier 1: a video from a platform becomes a link card with our own picture, never a
player (content/videos.py); `make check` says how to write it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from campaign.content import body, videos
from campaign.content.reader import _markdown

from conftest import FIXTURES, site_settings


@pytest.fixture(scope="module")
def convert(tmp_path_factory):
    settings = site_settings(FIXTURES / "site", tmp_path_factory.mktemp("sortie"))
    settings.setdefault("CLAIM_PATHS", ["claims"])
    settings.setdefault("SHEET_PATHS", ["sheets"])
    md = _markdown(settings, 1)

    def html(text: str) -> BeautifulSoup:
        markup = md.reset().convert(text)
        clean = body.sanitise(markup)
        assert clean == markup, "the sanitiser dropped part of the card"
        assert body.body_problems("x.md", text, 1, markup, clean) == []
        return BeautifulSoup(clean, "html.parser")

    return html


def test_a_link_around_a_picture_alone_on_its_line_becomes_a_card(convert):
    page = convert(
        "Avant.\n\n"
        "[![Le débat du 12 novembre](/images/videos/debat.jpg)](https://www.youtube.com/watch?v=abc123)\n"
    )
    [card] = page.find_all("figure", class_="video-card")
    link = card.find("a")
    assert link["href"] == "https://www.youtube.com/watch?v=abc123"
    image = link.find("img")
    assert image["src"] == "/images/videos/debat.jpg"
    assert image["alt"] == "Image de la vidéo"  # the title follows, as text
    assert (image["width"], image["height"], image["loading"]) == ("1280", "720", "lazy")
    assert link.find("strong").get_text() == "Le débat du 12 novembre"
    assert link.find("small").get_text() == "Voir la vidéo sur YouTube (site externe)"
    assert not page.find_all(["iframe", "script", "video"])


@pytest.mark.parametrize(
    ("line", "title", "site"),
    [
        ("[Le meeting](https://vimeo.com/12345)", "Le meeting", "Vimeo"),
        ("<https://www.dailymotion.com/video/x8abc>", None, "Dailymotion"),
        ("[Court](https://youtu.be/zz)", "Court", "YouTube"),
        ("https://www.youtube.com/watch?v=colle", None, "YouTube"),  # pasted as is
        ("[Tiktok](https://www.tiktok.com/@campagne/video/1)", "Tiktok", "TikTok"),
    ],
)
def test_a_video_link_alone_on_its_line_becomes_a_card_without_picture(convert, line, title, site):
    [card] = convert(f"{line}\n").find_all("figure", class_="video-card")
    assert not card.find("img")
    assert (card.strong.get_text() if card.strong else None) == title
    assert card.small.get_text() == f"Voir la vidéo sur {site} (site externe)"


def test_video_links_on_lines_of_their_own_become_a_card_each(convert):
    page = convert(
        "[![Le débat](/images/videos/debat.jpg)](https://youtu.be/debat)\n"
        "[Le meeting](https://vimeo.com/12345)\n"
    )
    cards = page.find_all("figure", class_="video-card")
    assert [card.a["href"] for card in cards] == [
        "https://youtu.be/debat",
        "https://vimeo.com/12345",
    ]
    assert not page.find_all("p")


@pytest.mark.parametrize(
    "text",
    [
        "Voir [la vidéo](https://youtu.be/abc) dans une phrase.",
        "[La vidéo](https://youtu.be/abc)\n[Un article](https://example.org/article)",
        "[Un article](https://example.org/article)",
        "https://example.org/article",
        "Regardez https://youtu.be/abc",
        "[![Une photo](/images/a.jpg)](https://example.org/)",
        "[![Une photo](/images/a.jpg) et du texte](https://youtu.be/abc)",
    ],
)
def test_other_links_stay_links(convert, text):
    assert not convert(text + "\n").find_all("figure")


@pytest.mark.parametrize(
    ("player", "watch"),
    [
        (
            "https://www.youtube.com/embed/dQw4w9WgXcQ?si=x",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        ("https://www.youtube-nocookie.com/embed/abc", "https://www.youtube.com/watch?v=abc"),
        ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
        (
            "https://www.dailymotion.com/embed/video/x8abc",
            "https://www.dailymotion.com/video/x8abc",
        ),
        ("https://carte.example/embed", None),
        ("https://notyoutube.com/embed/abc", None),
    ],
)
def test_a_players_code_tells_the_video_to_link_to(player, watch):
    assert videos.watch_address(player) == watch


def test_a_pasted_player_is_refused_with_the_exact_line_to_write():
    source = 'Avant.\n\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n'
    markup = "<p>Avant.</p>\n" + source.split("\n\n")[1]
    [problem] = body.body_problems("x.md", source, 10, markup)
    assert problem.line == 12
    assert (
        "[![Titre de la vidéo](/images/videos/youtube-dqw4w9wgxcq.jpg)]"
        "(https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in problem.message
    )
    assert "content/images/videos/youtube-dqw4w9wgxcq.jpg" in problem.message
