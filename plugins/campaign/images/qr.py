"""QR codes for printed pages, drawn as inline SVG (segno)."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno
from markupsafe import Markup

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}


def is_local(url: str) -> bool:
    """Whether an address only works on this machine (a preview's): printed on paper,
    it would send a reader nowhere."""
    host = (urlsplit(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith((".local", ".localhost")) or host.startswith("127.")


def qr_code(url: str, label: str) -> Markup:
    """An inline SVG QR code of `url`, drawn black on white for any printer."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=4, dark="#000", light="#fff", svgclass="qr", omitsize=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))
