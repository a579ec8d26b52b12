"""Tier 2: pictures as a careless or hostile volunteer sends them, in content/images/
(a post's photo, a claim's capture, a picture of a body, or a file just left there).
`make check` names each one the build could not publish stripped of its metadata, in
French at its file:line with the fix; the build refuses what the check refuses."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from campaign.commands.check import check_content
from campaign.generators.base import PROBLEMS
from campaign.settings import apply_defaults

from conftest import copy_fixture, gather, site_settings

GPS = b"GPS 48.8566N 2.3522E 12 rue des Lilas, Jean Dupont"


def scene(size=(1600, 1000)) -> Image.Image:
    image = Image.new("RGB", size, "#2f4f7f")
    image.paste("#c0392b", (0, 0, size[0] // 2, size[1] // 4))
    return image


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, fmt, **options)
    return output.getvalue()


def phone_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (48.0, 51.0, 24.0)
    return exif.tobytes()


def declared_png(width: int, height: int) -> bytes:
    """A small file declaring a huge picture (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * (width + 1) * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


def problems_of(tmp_path, files: dict[str, bytes], photo: str | None = None) -> list:
    """The check's problems for the fixture site with `files` added to its images/
    (and the post « programme » showing `photo`, if given)."""
    content = copy_fixture("site", tmp_path)
    for name, data in files.items():
        (content / "images" / name).write_bytes(data)
    if photo:
        post = content / "posts" / "programme.md"
        post.write_text(post.read_text().replace("images/marche.jpg", f"images/{photo}"))
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    return check_content(settings).problems


# A file of content/images/ in a format the build copies as it is: published with its
# metadata (GPS in an AVIF's EXIF, a GIF's comment), or never readable by a browser.
UNSTRIPPED = {
    "anime.gif": lambda: encoded(
        scene(), "GIF", save_all=True, append_images=[scene()], comment=GPS
    ),
    "photo.avif": lambda: encoded(scene(), "AVIF", exif=phone_exif()),
    "photo.tif": lambda: encoded(scene(), "TIFF"),
    "photo.heic": lambda: encoded(scene(), "JPEG", exif=phone_exif()),
    "dessin.svg": lambda: (
        b'<svg xmlns="http://www.w3.org/2000/svg"><metadata>' + GPS + b"</metadata></svg>"
    ),
}


@pytest.mark.parametrize("name", sorted(UNSTRIPPED))
def test_a_picture_the_build_cannot_strip_is_refused_at_its_file(tmp_path, name):
    problems = problems_of(tmp_path, {name: UNSTRIPPED[name]()})
    assert [(p.path.rsplit("/", 1)[-1], p.line) for p in problems] == [(name, 1)]
    assert "enregistrez-la en JPEG ou en PNG" in problems[0].message
    assert "sans ses métadonnées" in problems[0].message


def truncated_jpeg() -> bytes:
    """A phone photo whose copy was cut half-way: its header is whole."""
    data = encoded(scene(), "JPEG", quality=95, exif=phone_exif())
    return data[: len(data) // 2]


# Files with a picture's name the build could not read: it stopped with « Erreur
# inattendue … OSError: image file is truncated », or an English message.
UNREADABLE = {
    "coupee.jpg": (truncated_jpeg, "abîmée ou incomplète"),
    "vide.jpg": (lambda: b"", "n'est pas une image JPEG, PNG ou WebP"),
    "texte.jpg": (lambda: b"Ceci n'est pas une image.\n" * 10, "n'est pas une image JPEG"),
    # PostScript: Pillow would hand it to Ghostscript (a program) to draw it.
    "postscript.jpg": (lambda: encoded(scene((64, 40)), "EPS"), "n'est pas une image JPEG"),
    "bombe.png": (lambda: declared_png(20_000, 20_000), "trop grande"),
    "immense.png": (lambda: declared_png(10_000, 9_500), "10000 × 9500 pixels"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_a_picture_the_build_cannot_read_is_refused_at_its_file(tmp_path, name):
    make, words = UNREADABLE[name]
    problems = problems_of(tmp_path, {name: make()})
    assert [(p.path.rsplit("/", 1)[-1], p.line) for p in problems] == [(name, 1)]
    assert words in problems[0].message
    assert "enregistrez-la en JPEG" in problems[0].message


def test_a_cut_photo_is_refused_at_the_post_showing_it_too(tmp_path):
    problems = problems_of(tmp_path, {"coupee.jpg": truncated_jpeg()}, photo="coupee.jpg")
    where = sorted((p.path.rsplit("/", 1)[-1], p.line) for p in problems)
    assert where == [("coupee.jpg", 1), ("programme.md", 5)]
    assert all("abîmée ou incomplète" in p.message for p in problems)


def test_a_capture_that_is_no_picture_is_refused_at_its_claim(tmp_path):
    content = copy_fixture("site", tmp_path)
    (content / "images" / "capture.png").write_bytes(b"pas une image\n")
    claim = content / "claims" / "cantines-19e.md"
    media = (
        "media:\n  type: image\n  rating: TransformedContent\n"
        "  original: https://example.org/reseau/photo\n"
        "  archive: https://web.archive.org/web/2026/https://example.org/reseau/photo\n"
        '  capture: images/capture.png\n  alt: "La capture."\nsources:'
    )
    claim.write_text(claim.read_text().replace("sources:", media, 1))
    settings = site_settings(content, tmp_path / "output")
    apply_defaults(settings)
    problems = check_content(settings).problems
    lines = claim.read_text().splitlines()
    capture_line = lines.index("  capture: images/capture.png") + 1
    where = sorted((p.path.rsplit("/", 1)[-1], p.line) for p in problems)
    assert where == [("cantines-19e.md", capture_line), ("capture.png", 1)]


def test_a_photo_in_a_subfolder_is_published_under_its_own_name(tmp_path):
    # images/ete/marche.jpg and images/marche.jpg were both published as
    # images/photos/marche-*.jpg: one post showed the other's photo.
    content = copy_fixture("site", tmp_path)
    (content / "images" / "ete").mkdir()
    (content / "images" / "ete" / "marche.jpg").write_bytes(encoded(scene(), "JPEG"))
    post = content / "posts" / "reunion-19e.md"
    photo = 'image: {file: images/ete/marche.jpg, alt: "Le marché en été"}\ntopics:'
    post.write_text(post.read_text().replace("topics:", photo))
    campaign, generator = gather(site_settings(content, tmp_path / "output"))
    assert PROBLEMS not in generator.context
    urls = {page.slug: page.photo.fallback.url for page in campaign.posts}
    assert urls == {
        "programme": "images/photos/marche-800.jpg",
        "reunion-19e": "images/photos/ete/marche-800.jpg",
    }
