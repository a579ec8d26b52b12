"""Make the example campaign's photos: drawn with Pillow, never downloaded.

Each JPEG carries what a phone would put in it: GPS coordinates, the camera's make
and model, an owner's name, an XMP packet and an ICC profile, so that the build's
stripping (plugins/campaign/images/photos.py) is proved on the shipped example.

    .venv/bin/python tools/example_photos.py content/images
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

# Tags a phone writes: make, model, software, owner, and the GPS block.
MAKE, MODEL, SOFTWARE, ARTIST, GPS_IFD = 0x010F, 0x0110, 0x0131, 0x013B, 0x8825
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="48,50.123N" exif:GPSLongitude="2,21.456E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def phone_metadata(latitude: tuple, longitude: tuple) -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = "Telephone-Exemple"  # EXIF text is ASCII
    exif[MODEL] = "Modele X 12"
    exif[SOFTWARE] = "Appareil photo 4.2"
    exif[ARTIST] = "Benevole Fictif"
    exif[GPS_IFD] = {1: "N", 2: latitude, 3: "E", 4: longitude}
    return exif


def meeting_room(size=(1600, 1067)) -> Image.Image:
    """Chairs in rows facing a stage, under tall windows."""
    image = Image.new("RGB", size, "#e9e4d8")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 0.62, width, height), fill="#b89a74")  # floor
    for x in range(120, width, 260):  # windows
        draw.rectangle((x, 60, x + 150, 420), fill="#bcd7ea", outline="#8a8478", width=8)
    draw.rectangle((width * 0.3, height * 0.42, width * 0.7, height * 0.55), fill="#5b3a29")
    for row in range(5):
        y = int(height * 0.64 + row * 70)
        for x in range(80 + row * 14, width - 80, 110):
            draw.rectangle((x, y, x + 70, y + 40), fill="#2f4f7f")
            draw.rectangle((x, y - 45, x + 70, y - 5), fill="#27416a")
    return image


def bicycle(size=(1600, 1067)) -> Image.Image:
    """A bicycle upside down on its saddle, tools on the ground beside the wheel."""
    image = Image.new("RGB", size, "#cfe3cf")
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 0.7, width, height), fill="#9a9a92")  # paving
    for cx in (width * 0.35, width * 0.65):  # wheels, in the air
        box = (cx - 190, height * 0.12, cx + 190, height * 0.12 + 380)
        draw.ellipse(box, outline="#222222", width=18)
        draw.ellipse((cx - 20, height * 0.12 + 170, cx + 20, height * 0.12 + 210), fill="#555555")
    top = height * 0.12 + 190
    frame = [(width * 0.35, top), (width * 0.5, top + 170), (width * 0.65, top), (width * 0.5, top)]
    draw.line(frame + [(width * 0.35, top)], fill="#c0392b", width=22)
    draw.rectangle((width * 0.46, top + 170, width * 0.54, height * 0.7), fill="#333333")  # saddle
    for index, x in enumerate(range(int(width * 0.75), int(width * 0.95), 90)):  # tools
        draw.rectangle((x, height * 0.8, x + 24, height * 0.8 + 120 + index * 15), fill="#606a75")
    return image


def street(size=(1600, 1067)) -> Image.Image:
    """A street with green bins along the pavement and a row of façades."""
    image = Image.new("RGB", size, "#dfe8ef")
    draw = ImageDraw.Draw(image)
    width, height = size
    for index, x in enumerate(range(0, width, 320)):  # façades
        shade = ("#e6d3b3", "#d9c19b", "#efe1c6")[index % 3]
        draw.rectangle((x, 80, x + 320, height * 0.62), fill=shade, outline="#a08c6c", width=4)
        for wx in range(x + 40, x + 300, 90):
            for wy in range(130, int(height * 0.55), 110):
                draw.rectangle((wx, wy, wx + 50, wy + 70), fill="#6d7f8f")
    draw.rectangle((0, height * 0.62, width, height * 0.75), fill="#b7b2a8")  # pavement
    draw.rectangle((0, height * 0.75, width, height), fill="#55585c")  # road
    for x in range(90, width, 230):  # bins
        draw.rectangle((x, height * 0.55, x + 90, height * 0.68), fill="#2e7d32")
        draw.rectangle((x - 6, height * 0.53, x + 96, height * 0.56), fill="#1b5e20")
    return image


def save(image: Image.Image, path: Path, latitude: tuple, longitude: tuple) -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    output = io.BytesIO()
    image.save(
        output,
        "JPEG",
        quality=85,
        exif=phone_metadata(latitude, longitude),
        icc_profile=icc,
        xmp=XMP,
    )
    path.write_bytes(output.getvalue())


PHOTOS = {
    "reunion-publique-13e.jpg": (meeting_room, (48.0, 49.0, 52.0), (2.0, 21.0, 24.0)),
    "atelier-velo.jpg": (bicycle, (48.0, 51.0, 50.0), (2.0, 21.0, 39.0)),
    "balade-proprete.jpg": (street, (48.0, 51.0, 36.0), (2.0, 20.0, 58.0)),
}


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, (draw, latitude, longitude) in PHOTOS.items():
        save(draw(), target / name, latitude, longitude)
        print(target / name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "content/images")
