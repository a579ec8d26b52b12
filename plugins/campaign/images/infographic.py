"""The infographic of an argument sheet: one layout, drawn as SVG and as a PNG.

Pure: an InfographicSpec in, SVG text or PNG bytes out; no Pelican in here. The
layout is computed once as a list of rectangles and text runs, then each renderer
only paints them, so the SVG on the page, the standalone SVG and the 1080x1350
PNG show the same picture. Lines are broken here, with the metrics of the font
the PNG is drawn in and some room to spare, because an SVG viewed elsewhere falls
back to Arial, Helvetica or whatever sans-serif the reader has.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw

from .png import encode_rgb_png
from .textlayout import BOLD, ELLIPSIS, REGULAR, keep_together, load_font, truncate_lines, wrap

# Bump whenever to_png paints differently; layout changes are in the cache key anyway
# (cache.infographic_key).
RENDERER_VERSION = "2"  # 2: PNG encoded by png.py

WIDTH, HEIGHT = 1080, 1350
MARGIN = 64
INNER = WIDTH - 2 * MARGIN
# Break lines as if glyphs were this much wider than Lato's: Arial and DejaVu Sans,
# the usual fallbacks of the standalone SVG, are wider.
SPARE = 1.1
FONT_FAMILY = "Lato, Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"

DARK = "#14181f"
INK = "#111111"
MUTED = "#3d3d3d"
ON_DARK = "#ffffff"
ON_DARK_MUTED = "#dfe3ea"
PANEL = "#f1f3f6"
WHITE = "#ffffff"

STRIPE = 14
FOOTER_HEIGHT = 118
FOOTER_TOP = HEIGHT - FOOTER_HEIGHT
GAP = 40  # between sections
FIGURE_GAP = 20
BAR_ROW, BAR_HEIGHT = 38, 24
LABEL_COLUMN = 170
CHART_GAP = 40


# Characters the packaged font lacks, drawn as their nearest plain form: "NO₂" as "NO2".
DRAWABLE = str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹", "01234567890123456789")


@dataclass(frozen=True)
class Bar:
    """One verdict of the distribution chart."""

    label: str
    count: int
    colour: str


@dataclass(frozen=True)
class InfographicSpec:
    """Everything the infographic shows; equal specs give identical SVG and PNG."""

    kicker: str  # "Fiche argumentaire · Logement"
    title: str
    pitch: str
    figures: tuple[tuple[str, str], ...]  # (value, label)
    bars: tuple[Bar, ...]
    arguments: tuple[str, ...]
    accent: str
    site_name: str
    address: str  # the sheet's address, shown in the footer


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int
    fill: str
    radius: int = 0


@dataclass(frozen=True)
class Text:
    """A run of text on one line; `y` is its baseline."""

    x: int
    y: int
    text: str
    size: int
    fill: str
    bold: bool = False
    anchor: str = "start"  # start, middle or end, as in SVG


@dataclass
class Drawing:
    shapes: list = field(default_factory=list)
    arguments_shown: int = 0

    def rect(self, *args, **kwargs) -> None:
        self.shapes.append(Rect(*args, **kwargs))

    def text(self, x: int, y: int, text: str, *args, **kwargs) -> None:
        self.shapes.append(Text(x, y, text.translate(DRAWABLE), *args, **kwargs))


def lines_of(text: str, size: int, bold: bool, width: int, limit: int) -> list[str]:
    """`text` broken into at most `limit` lines of `width`, the last one cut with an
    ellipsis when the text is longer."""
    font = load_font(BOLD if bold else REGULAR, size)
    room = int(width / SPARE)
    words = keep_together(" ".join(text.split())).split(" ") if text.strip() else []
    lines = wrap(words, font, room, limit)
    if len(lines) > limit:
        lines = truncate_lines(lines, font, room, limit, ELLIPSIS)
    return lines


def text_width(text: str, size: int, bold: bool) -> float:
    return load_font(BOLD if bold else REGULAR, size).getlength(text) * SPARE


def paragraph(drawing: Drawing, lines: list[str], x: int, top: int, size: int, **style) -> int:
    """Draw lines from `top` (the top of the first line); return the bottom of the last."""
    step = round(size * 1.25)
    for index, line in enumerate(lines):
        drawing.text(x, top + round(size * 0.92) + index * step, line, size, **style)
    return top + len(lines) * step


def layout(spec: InfographicSpec) -> Drawing:
    """Place every part, top to bottom; arguments that do not fit are left out."""
    drawing = Drawing()
    drawing.rect(0, 0, WIDTH, HEIGHT, WHITE)
    bottom = draw_header(drawing, spec)
    bottom = draw_figures(drawing, spec, bottom + GAP)
    bottom = draw_chart(drawing, spec, bottom + GAP)
    draw_arguments(drawing, spec, bottom + GAP, FOOTER_TOP - 28)
    draw_footer(drawing, spec)
    return drawing


def draw_header(drawing: Drawing, spec: InfographicSpec) -> int:
    """Kicker, title and pitch, white on a dark band under a stripe of the topic's colour."""
    title = lines_of(spec.title, 54, True, INNER, 3)
    pitch = lines_of(spec.pitch, 30, False, INNER, 3)
    height = STRIPE + 40 + 34 + 14 + len(title) * 68 + 16 + len(pitch) * 38 + 40
    drawing.rect(0, 0, WIDTH, height, DARK)
    drawing.rect(0, 0, WIDTH, STRIPE, spec.accent)
    top = STRIPE + 40
    drawing.text(MARGIN, top + 26, spec.kicker.upper(), 26, ON_DARK_MUTED, bold=True)
    top += 34 + 14
    top = paragraph(drawing, title, MARGIN, top, 54, fill=ON_DARK, bold=True)
    paragraph(drawing, pitch, MARGIN, top + 16, 30, fill=ON_DARK_MUTED)
    return height


def figure_grid(count: int) -> int:
    """Columns of the key figures: two by two for four, else rows of three."""
    return 2 if count in (2, 4) else min(max(count, 1), 3)


def value_size(value: str, width: int) -> int:
    """The largest size, from 64 px down to 34, at which the value fits its box."""
    size = 64
    while size > 34 and text_width(value, size, True) > width:
        size -= 2
    return size


def draw_figures(drawing: Drawing, spec: InfographicSpec, top: int) -> int:
    """The key figures in boxes: a stripe of the topic's colour, the value, its label."""
    if not spec.figures:
        return top - GAP
    columns = figure_grid(len(spec.figures))
    width = (INNER - (columns - 1) * FIGURE_GAP) // columns
    pad = 22
    rows = [spec.figures[i : i + columns] for i in range(0, len(spec.figures), columns)]
    for row in rows:
        labels = [lines_of(label, 24, False, width - 2 * pad, 4) for _, label in row]
        height = 10 + 20 + 64 + 12 + max(len(lines) for lines in labels) * 30 + 20
        for index, ((value, _), label) in enumerate(zip(row, labels, strict=True)):
            left = MARGIN + index * (width + FIGURE_GAP)
            drawing.rect(left, top, width, height, PANEL, radius=10)
            drawing.rect(left, top, width, 10, spec.accent)
            size = value_size(value, width - 2 * pad)
            drawing.text(left + pad, top + 30 + 56, value, size, INK, bold=True)
            paragraph(drawing, label, left + pad, top + 30 + 64 + 12, 24, fill=MUTED)
        top += height + FIGURE_GAP
    return top - FIGURE_GAP


def draw_chart(drawing: Drawing, spec: InfographicSpec, top: int) -> int:
    """Verdicts of the topic's fact-checks, in two columns down the scale: each bar
    has its word and its count, so the colour is never needed to read it."""
    total = sum(bar.count for bar in spec.bars)
    heading = f"Nos vérifications sur ce sujet : {total}" if total else "Nos vérifications"
    drawing.text(MARGIN, top + 30, heading, 32, INK, bold=True)
    top += 56
    if not total:
        drawing.text(MARGIN, top + 26, "Aucune vérification publiée pour l'instant.", 28, MUTED)
        return top + 40
    most = max(bar.count for bar in spec.bars)
    per_column = -(-len(spec.bars) // 2)
    column = (INNER - CHART_GAP) // 2
    track = column - LABEL_COLUMN - 48
    for index, bar in enumerate(spec.bars):
        left = MARGIN + (index // per_column) * (column + CHART_GAP)
        middle = top + (index % per_column) * BAR_ROW + BAR_ROW // 2
        drawing.text(left, middle + 9, bar.label, 26, INK)
        length = round(track * bar.count / most) if bar.count else 0
        start = left + LABEL_COLUMN
        if length:
            drawing.rect(start, middle - BAR_HEIGHT // 2, length, BAR_HEIGHT, bar.colour, radius=4)
        drawing.text(start + length + 12, middle + 9, str(bar.count), 26, INK, bold=True)
    return top + per_column * BAR_ROW


def draw_arguments(drawing: Drawing, spec: InfographicSpec, top: int, bottom: int) -> None:
    """As many arguments as fit whole above the footer, in order."""
    indent = 34
    first = spec.arguments[0] if spec.arguments else ""
    if not first or top + 56 + len(lines_of(first, 27, False, INNER - indent, 4)) * 34 > bottom:
        return
    drawing.text(MARGIN, top + 30, "Nos arguments", 32, INK, bold=True)
    top += 56
    for argument in spec.arguments:
        lines = lines_of(argument, 27, False, INNER - indent, 4)
        height = len(lines) * 34
        if top + height > bottom:
            break
        drawing.rect(MARGIN, top + 10, 14, 14, spec.accent)
        paragraph(drawing, lines, MARGIN + indent, top, 27, fill=INK)
        drawing.arguments_shown += 1
        top += height + 14


def draw_footer(drawing: Drawing, spec: InfographicSpec) -> None:
    drawing.rect(0, FOOTER_TOP, WIDTH, FOOTER_HEIGHT, DARK)
    name = lines_of(spec.site_name, 28, True, INNER, 1)
    address = lines_of(spec.address, 26, False, INNER, 1)
    drawing.text(MARGIN, FOOTER_TOP + 48, name[0] if name else "", 28, ON_DARK, bold=True)
    drawing.text(MARGIN, FOOTER_TOP + 88, address[0] if address else "", 26, ON_DARK_MUTED)


def describe(spec: InfographicSpec) -> str:
    """The picture's text alternative: everything it shows, as sentences."""
    parts = [f"{spec.title}. {spec.pitch}"]
    if spec.figures:
        figures = " ; ".join(f"{value} {label}" for value, label in spec.figures)
        parts.append(f"Chiffres clés : {figures}.")
    total = sum(bar.count for bar in spec.bars)
    if total:
        counts = ", ".join(f"{bar.label} {bar.count}" for bar in spec.bars if bar.count)
        parts.append(f"Verdicts de nos {total} vérifications : {counts}.")
    if spec.arguments:
        parts.append("Nos arguments : " + " ; ".join(spec.arguments))
    return " ".join(parts)


_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


def to_svg(spec: InfographicSpec, drawing: Drawing, ident: str, standalone: bool) -> str:
    """The drawing as SVG; `ident` prefixes the ids of <title> and <desc>, unique in a page."""
    body = []
    for shape in drawing.shapes:
        if isinstance(shape, Rect):
            rounded = f' rx="{shape.radius}"' if shape.radius else ""
            body.append(
                f'<rect x="{shape.x}" y="{shape.y}" width="{shape.width}" '
                f'height="{shape.height}"{rounded} fill="{shape.fill}"/>'
            )
        else:
            weight = ' font-weight="700"' if shape.bold else ""
            anchor = f' text-anchor="{shape.anchor}"' if shape.anchor != "start" else ""
            body.append(
                f'<text x="{shape.x}" y="{shape.y}" font-size="{shape.size}"{weight}{anchor} '
                f'fill="{shape.fill}">{escape(shape.text)}</text>'
            )
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    size = f'width="{WIDTH}" height="{HEIGHT}" ' if standalone else ""
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'{size}class="infographic" role="img" '
        f'aria-labelledby="{ident}-titre {ident}-desc" font-family={quoteattr(FONT_FAMILY)}>'
        f'<title id="{ident}-titre">{escape(spec.kicker)} : {escape(spec.title)}</title>'
        f'<desc id="{ident}-desc">{escape(describe(spec))}</desc>' + "".join(body) + "</svg>\n"
    )


def to_png(drawing: Drawing) -> bytes:
    """The drawing as a 1080x1350 RGB PNG with no metadata: same spec, same bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    for shape in drawing.shapes:
        if isinstance(shape, Rect):
            box = (shape.x, shape.y, shape.x + shape.width - 1, shape.y + shape.height - 1)
            if shape.radius:
                draw.rounded_rectangle(box, radius=shape.radius, fill=shape.fill)
            else:
                draw.rectangle(box, fill=shape.fill)
        else:
            font = load_font(BOLD if shape.bold else REGULAR, shape.size)
            anchor = _ANCHORS[shape.anchor]
            draw.text((shape.x, shape.y), shape.text, font=font, fill=shape.fill, anchor=anchor)
    return encode_rgb_png(image)


SHAPES = {"Rect": Rect, "Text": Text}


def shapes_to_json(drawing: Drawing) -> list:
    """The shapes to paint, as JSON, for a card worker (see card_batch.py)."""
    return [[type(shape).__name__, asdict(shape)] for shape in drawing.shapes]


def drawing_from_json(shapes: list) -> Drawing:
    return Drawing([SHAPES[kind](**fields) for kind, fields in shapes])
