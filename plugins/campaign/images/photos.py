"""Photos of posts and events: resized variants with no metadata at all.

A volunteer's phone photo carries where it was taken (GPS), the phone's make and
serial, the time, sometimes the owner's name: none of it may be published. Each
variant is drawn from the pixels alone, into a new image with an empty `info`,
after turning it upright (the EXIF orientation is applied, then dropped) and
converting its colours to sRGB (the ICC profile is applied, then dropped: a
profile can name the device, and sRGB is what browsers assume without one).

Variants are kept in the cache under the hash of the source's bytes and of what
makes them, like the cards (cache.py): a later build draws nothing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from dataclasses import dataclass

import PIL
from PIL import Image

from .cache import ensure_file, input_hash
from .strip import PIXELS_VERSION, READ_FORMATS, clean_pixels

# Bump whenever a variant's drawing changes, so cached variants are made again.
RENDERER_VERSION = "1"
# Widths of the variants (a phone, a tablet, a wide screen); never wider than the source.
WIDTHS = (480, 800, 1200)
# Below this a photo looks blurred on a page and on its social card: refused.
MIN_WIDTH = 800
# Modern formats first, the JPEG every mail client and browser reads last.
FORMATS = ("avif", "webp", "jpeg")
MEDIA_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
SUFFIXES = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
# Encoder settings: one thread, so the bytes never depend on the machine. AVIF at
# speed 7 rather than 6: 2.4 to 2.9 times faster for files 5 to 8 % bigger (a phone
# photo's three AVIF variants: 1.4 s instead of 3.7 s, on a first build).
SAVE_OPTIONS = {
    "avif": {"quality": 60, "speed": 7, "max_threads": 1},
    "webp": {"quality": 80, "method": 4},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
}


class PhotoError(ValueError):
    """A photo that cannot be read: the message says which and why, in French."""


@dataclass(frozen=True)
class Variant:
    """One published file of a photo: its address, size and format."""

    url: str  # from the site's root
    width: int
    height: int
    format: str
    key: str  # the cache's name for it

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@dataclass(frozen=True)
class PhotoSet:
    """Every variant of one photo, for `<picture>`, the card and the letters."""

    source: str  # the original's path on disk
    alt: str
    variants: tuple[Variant, ...]

    def of_format(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt]

    def srcset(self, fmt: str) -> str:
        return ", ".join(f"{v.url} {v.width}w" for v in self.of_format(fmt))

    @property
    def fallback(self) -> Variant:
        """The JPEG of the middle width (800 px, or the widest there is)."""
        jpegs = self.of_format("jpeg")
        return next((v for v in jpegs if v.width >= 800), jpegs[-1])

    @property
    def largest(self) -> Variant:
        return self.of_format("jpeg")[-1]

    @property
    def formats(self) -> list[str]:
        """The formats offered besides the fallback JPEG, best first."""
        return [fmt for fmt in FORMATS if fmt != "jpeg" and self.of_format(fmt)]


def source_size(path: str) -> tuple[int, int]:
    """Width and height as shown (after the EXIF orientation), read from the header."""
    try:
        with Image.open(path, formats=READ_FORMATS) as image:
            orientation = image.getexif().get(0x0112, 1)
            width, height = image.size
    except (OSError, Image.DecompressionBombError) as error:
        raise PhotoError(f"image illisible ({error}) ; enregistrez-la en JPEG ou PNG") from error
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def file_hash(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def plan(source: str, alt: str, url_folder: str, name: str = "") -> PhotoSet:
    """The variants of the photo at `source`, published under `url_folder` (e.g.
    "images/photos") as <name>-<width>.<suffix>; `name` is the photo's path below
    the content's images/, without its suffix ("ete/marche"), by default its file's."""
    width, height = source_size(source)
    digest = file_hash(source)
    stem = name or os.path.splitext(os.path.basename(source))[0]
    widths = [w for w in WIDTHS if w < width] + [min(width, WIDTHS[-1])]
    variants = []
    for fmt in FORMATS:
        for w in dict.fromkeys(widths):
            h = round(height * w / width)
            key = variant_key(digest, w, fmt)
            url = f"{url_folder}/{stem}-{w}.{SUFFIXES[fmt]}"
            variants.append(Variant(url, w, h, fmt, key))
    return PhotoSet(source, alt, tuple(variants))


def variant_key(digest: str, width: int, fmt: str) -> str:
    return input_hash(
        {
            "source": digest,
            "width": width,
            "format": fmt,
            "options": SAVE_OPTIONS[fmt],
            "renderer": RENDERER_VERSION,
            "pixels": PIXELS_VERSION,
            "pillow": PIL.__version__,
        }
    )


def render_variant(source: str, variant: Variant) -> bytes:
    """The variant's bytes: resized from the clean pixels, saved with no metadata."""
    image = resized(source, file_hash(source), variant.width, variant.height)
    output = io.BytesIO()
    image.save(output, variant.format.upper(), **SAVE_OPTIONS[variant.format])
    return output.getvalue()


# A photo's nine variants are three widths in three formats, made one after the
# other: each width is resized once, from pixels decoded once (a phone's 12
# megapixels take 0.3 s to decode, turn upright and convert: 2.4 s a photo saved).
# `digest` (the hash of its bytes) tells a photo replaced meanwhile (`make serve`
# lives long). The images are never changed by their users: saving reads them,
# resizing makes new ones.
@functools.lru_cache(maxsize=len(WIDTHS))
def resized(source: str, digest: str, width: int, height: int) -> Image.Image:
    image = decoded(source, digest)
    if image.width == width:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS)


@functools.lru_cache(maxsize=1)
def decoded(source: str, digest: str) -> Image.Image:
    return clean_pixels(source)


class PhotoCache:
    """Variants kept in a folder by their key; each made once, from any process."""

    def __init__(self, folder: str):
        self.folder = folder

    def path(self, variant: Variant) -> str:
        return os.path.join(self.folder, f"{variant.key}.{SUFFIXES[variant.format]}")

    def ensure(self, photo: PhotoSet, variant: Variant) -> str:
        return ensure_file(self.path(variant), lambda: render_variant(photo.source, variant))


# Pictures Pelican copies from the content folder (STATIC_PATHS): each is published
# stripped, in its own format and size, under its own name (see generators/photos.py).
STATIC_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
STATIC_OPTIONS = {"JPEG": {"quality": 90}, "PNG": {"compress_level": 6}, "WEBP": {"quality": 90}}


def stripped_copy(source: str) -> bytes:
    """The picture at `source` in its own format and size, with its pixels only."""
    fmt = STATIC_FORMATS[os.path.splitext(source)[1].lower()]
    output = io.BytesIO()
    clean_pixels(source).save(output, fmt, **STATIC_OPTIONS[fmt])
    return output.getvalue()


def stripped_key(source: str) -> str:
    return input_hash(
        {
            "source": file_hash(source),
            "static": os.path.splitext(source)[1].lower(),
            "options": STATIC_OPTIONS,
            "renderer": RENDERER_VERSION,
            "pixels": PIXELS_VERSION,
            "pillow": PIL.__version__,
        }
    )
