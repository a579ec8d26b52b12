"""A video from a platform, shown as a link card: our own picture, a link, no player.

An embedded player (an <iframe>) would load the platform, and its trackers, for
every reader of the page. A writer puts instead, alone on its line, a link to the
video around a picture taken from it and saved in content/images/:

    [![Le débat du 12 novembre](/images/videos/debat-12-novembre.jpg)](https://www.youtube.com/watch?v=…)

The page shows that picture, the title and « Voir la vidéo sur YouTube », as one
link to the platform; nothing is loaded from it until the reader follows the link.
A link to a video alone on its line, without picture (or its address pasted alone),
becomes the same card without picture. Anywhere else (inside a sentence) a link
stays a link.

`make check` says how to write it when a player's code is pasted (body.py), and
that the picture must exist (validation.py, like every image of a body).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from urllib.parse import parse_qs

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import addresses

# Platforms whose links are videos (by the end of the host name), and their names.
PLATFORMS = {
    "youtube.com": "YouTube",
    "youtube-nocookie.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "dailymotion.com": "Dailymotion",
    "dai.ly": "Dailymotion",
    "tiktok.com": "TikTok",
    "twitch.tv": "Twitch",
}
# The frame the card's picture fills, whatever the picture's own shape (the theme
# shows it whole inside): a page does not move when the picture arrives.
WIDTH, HEIGHT = 1280, 720
# Our own Markdown (the picture's alt) and that of Python-Markdown's autolinks.
BLANK = re.compile(r"\s*")


def platform(address: str) -> str | None:
    """The platform's name when `address` is a video on one, else None."""
    parts = addresses.split(address)
    if parts is None or parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    for domain, name in PLATFORMS.items():
        if host == domain or host.endswith(f".{domain}"):
            return name
    return None


def watch_address(player: str) -> str | None:
    """The address of the video a player's code shows (an <iframe>'s src), where a
    reader watches it on the platform; None if it cannot be told."""
    parts = addresses.split(player)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    path = [part for part in parts.path.split("/") if part]
    name = platform(player)
    if name == "YouTube" and path[:1] == ["embed"]:
        return f"https://www.youtube.com/watch?v={path[1]}" if len(path) > 1 else None
    if host == "player.vimeo.com" and path[:1] == ["video"] and len(path) > 1:
        return f"https://vimeo.com/{path[1]}"
    if name == "Dailymotion" and path[:2] == ["embed", "video"] and len(path) > 2:
        return f"https://www.dailymotion.com/video/{path[2]}"
    if name and "embed" not in path:
        return player.strip()
    return None


def video_name(address: str) -> str:
    """A file name for the video's picture: its platform and identifier."""
    parts = addresses.split(address)
    if parts is None:
        return "video"
    identifier = parse_qs(parts.query).get("v", [""])[0] or parts.path.rstrip("/").split("/")[-1]
    name = platform(address) or "video"
    slug = re.sub(r"[^a-z0-9-]+", "-", f"{name}-{identifier}".lower()).strip("-")
    return slug[:60] or "video"


class VideoCards(Treeprocessor):
    """Each paragraph holding only a link to a video (around a picture, or not)
    becomes a card: <figure class="video-card"><a>picture, title, platform</a>."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):  # the tree is changed as it is walked
            for index in reversed(range(len(parent))):
                paragraph = parent[index]
                cards = self.cards(paragraph)
                if cards:
                    cards[-1].tail = paragraph.tail
                    parent[index : index + 1] = cards

    def cards(self, paragraph: etree.Element) -> list[etree.Element]:
        """A card for each video link of a paragraph holding nothing else (links on
        lines of their own, one after the other, make one paragraph); else none."""
        if paragraph.tag != "p":
            return []
        if not len(paragraph):  # an address pasted alone, as the browser gave it
            address = (paragraph.text or "").strip()
            card = self.card(etree.Element("a", {"href": address})) if " " not in address else None
            return [card] if card is not None else []
        if not _blank(paragraph.text):
            return []
        cards = [self.card(link) if _blank(link.tail) else None for link in paragraph]
        return cards if all(card is not None for card in cards) else []

    def card(self, link: etree.Element) -> etree.Element | None:
        name = platform(link.get("href", "")) if link.tag == "a" else None
        if name is None:
            return None
        picture = None
        if len(link) == 1 and link[0].tag == "img" and _blank(link.text) and _blank(link[0].tail):
            picture = link[0]
            title = picture.get("alt", "")
        elif len(link) == 0:
            title = link.text or ""
        else:
            return None  # a link around more than a picture: the writer's own layout
        title = " ".join(title.split())
        if title == link.get("href", "").strip():
            title = ""  # <https://…>: the address, not a title
        figure = etree.Element("figure", {"class": "video-card"})
        card = etree.SubElement(
            figure, "a", {"href": link.get("href"), "class": "video-card__link"}
        )
        if picture is not None:
            etree.SubElement(
                card,
                "img",
                {
                    "src": picture.get("src", ""),
                    # The title follows as text: the picture only says what it is.
                    "alt": "Image de la vidéo" if title else f"Image de la vidéo sur {name}",
                    "width": str(WIDTH),
                    "height": str(HEIGHT),
                    "loading": "lazy",
                },
            )
        if title:
            etree.SubElement(card, "strong").text = title
        etree.SubElement(card, "small").text = f"Voir la vidéo sur {name} (site externe)"
        return figure


def _blank(text: str | None) -> bool:
    return text is None or BLANK.fullmatch(text) is not None


class VideoCardsExtension(Extension):
    # After the inline processor (priority 20), which makes the links and pictures.
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(VideoCards(md), "video_cards", 5)
