"""QR codes for printed pages, drawn as inline SVG (segno)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_code(url: str, label: str) -> Markup:
    """An inline SVG QR code of `url`, drawn black on white for any printer."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=4, dark="#000", light="#fff", svgclass="qr", omitsize=True)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))
