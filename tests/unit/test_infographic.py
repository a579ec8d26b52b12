"""Tier 1: a sheet's infographic, laid out once and drawn in SVG and PNG."""

import io
import struct
from xml.etree import ElementTree

from PIL import Image

from campaign.images import infographic
from campaign.images.cache import infographic_key

SVG = "{http://www.w3.org/2000/svg}"


def spec(**changes) -> infographic.InfographicSpec:
    values = dict(
        kicker="Fiche argumentaire · Logement",
        title="Se loger à Paris : les vrais chiffres",
        pitch="Le logement social progresse.",
        figures=(("25,6 %", "taux SRU"), ("+1,8 %", "dans le 13e"), ("NO₂", "dioxyde")),
        bars=(infographic.Bar("Vrai", 2, "#1a6b2f"), infographic.Bar("Faux", 0, "#b0182a")),
        arguments=("Premier argument.", "Deuxième argument."),
        accent="#8a3b12",
        site_name="Paris Passerelles · campagne fictive",
        address="campagne.example.org/fiches/logement/",
    )
    return infographic.InfographicSpec(**{**values, **changes})


def texts(drawing) -> list[str]:
    return [shape.text for shape in drawing.shapes if isinstance(shape, infographic.Text)]


def test_every_shape_stays_on_the_canvas_even_with_long_texts():
    long = "Une phrase très longue qui ne tient pas sur une ligne " * 6
    drawing = infographic.layout(
        spec(title=long, pitch=long, arguments=(long[:160],) * 6, figures=(("1", long[:90]),) * 6)
    )
    for shape in drawing.shapes:
        if isinstance(shape, infographic.Rect):
            assert shape.x + shape.width <= infographic.WIDTH
            assert shape.y + shape.height <= infographic.HEIGHT
        else:
            assert 0 <= shape.x and shape.y <= infographic.HEIGHT
    assert drawing.arguments_shown < 6  # what does not fit is left out, not overflowing
    assert any(line.endswith("…") for line in texts(drawing))


def test_chart_writes_every_verdict_with_its_count():
    words = texts(infographic.layout(spec()))
    assert "Nos vérifications sur ce sujet : 2" in words
    assert words.index("Vrai") < words.index("2") and "Faux" in words and "0" in words


def test_characters_the_font_lacks_are_drawn_plainly():
    assert "NO2" in texts(infographic.layout(spec()))


def test_svg_is_valid_xml_with_title_and_description():
    drawing = infographic.layout(spec())
    root = ElementTree.fromstring(infographic.to_svg(spec(), drawing, "x", True).encode())
    assert root.get("role") == "img" and root.get("aria-labelledby") == "x-titre x-desc"
    assert root.find(f"{SVG}title").text == "Fiche argumentaire · Logement : " + spec().title
    assert "Chiffres clés : 25,6 % taux SRU" in root.find(f"{SVG}desc").text


def test_png_cache_key_follows_the_drawing():
    one, two = infographic.layout(spec()), infographic.layout(spec(pitch="Autre phrase."))
    assert infographic_key(one) == infographic_key(infographic.layout(spec()))
    assert infographic_key(one) != infographic_key(two)


def test_the_png_holds_the_pixels_drawn_and_nothing_else():
    """Encoded by png.py (ISA-L): Pillow reads it back at the canvas's size, drawn,
    and the file has no chunk but the image's (no date, no software, no text)."""
    drawing = infographic.layout(spec())
    data = infographic.to_png(drawing)
    image = Image.open(io.BytesIO(data))
    image.load()
    assert (image.mode, image.size) == ("RGB", (infographic.WIDTH, infographic.HEIGHT))
    assert image.info == {}
    assert len(image.getcolors(1 << 16)) > 2  # drawn, not blank
    position, chunks = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        chunks.append(data[position + 4 : position + 8])
        position += 12 + length
    assert chunks == [b"IHDR", b"IDAT", b"IEND"]
    assert data == infographic.to_png(drawing)  # same drawing, same bytes
