"""The embeddable verdict: a small card another site shows in an <iframe>.

Allied blogs and local media can show a verdict where their readers are, with the
link back to the evidence. The card is its own tiny HTML page (theme's embed.html:
inline CSS, no script, no font or image from anywhere); this module makes what
the claim's page offers to copy: the <iframe> code, sized for the card's text.
"""

from __future__ import annotations

import math
from html import escape

from .share import tagged_url

EMBED_MEDIUM = "integration"
# The card's frame: as wide as the host's column, up to this; its height is guessed
# from the text, since an iframe cannot size itself to its content without script.
MAX_WIDTH = "36rem"
# The frame's height is guessed for a phone's column of 320 px (content about 284 px
# wide): about this many characters a line, words wrapping (bold 17.6 px, then 14.4 px).
SUMMARY_CHARS, SAID_CHARS = 26, 34
SUMMARY_LINE, SAID_LINE = 26, 21  # pixels a line
NOTICE_CHARS, NOTICE_LINE = 44, 19
# Badge, labels, link (two lines), paddings and margins.
FIXED = 185


def embed_height(summary: str, said: str, notice: str = "") -> int:
    """Pixels enough for the card on a narrow phone (`said`: the quoted words with
    who said them and when; `notice`: the site's notice, in small type); a wider
    column leaves a little room below, and a card ever too short scrolls rather
    than cut its text."""
    height = FIXED + math.ceil(len(summary) / SUMMARY_CHARS) * SUMMARY_LINE
    height += math.ceil(len(said) / SAID_CHARS) * SAID_LINE
    return height + math.ceil(len(notice) / NOTICE_CHARS) * NOTICE_LINE + bool(notice) * 8


def embed_link(url: str, campaign: str, slug: str) -> str:
    """The card's link back to the claim, tagged like every shared link."""
    return tagged_url(url, EMBED_MEDIUM, EMBED_MEDIUM, campaign, slug)


def iframe_code(src: str, title: str, height: int) -> str:
    """The code to paste. Sandboxed: the card may open its link in a new tab, and
    nothing else (no script would run, nor the host page be navigated)."""
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="{height}" '
        f'style="border:0;max-width:{MAX_WIDTH}" loading="lazy" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )
