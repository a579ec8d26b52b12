"""The pictures of the content folder (images/): each one the build can publish
stripped of its metadata, or a French message that says what to do with it.

The build publishes a picture of content/images/ only from its pixels (a post's
photo in several sizes, any other picture in its own format: see
images/photos.py). It knows how for JPEG, PNG and WebP; any other file there (a
GIF, an AVIF, an iPhone's HEIC, a TIFF, an SVG) would be copied as it is, with
the GPS position, the phone and the owner's name it may carry: refused here.

A picture the build would fail to read (a copy cut half-way, an empty file, a
text or a PostScript file under a picture's name, a picture too large to decode)
is refused too: read to its last byte here, so that the build never stops on it.
"""

from __future__ import annotations

import functools
import os
import warnings

from PIL import Image

from .files import own_files
from .model import Problem

# The suffixes the build publishes stripped (images/photos.py, STATIC_FORMATS).
STRIPPED_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
# The only decoders ever used on a picture of the content (images/strip.py, FORMATS):
# none of Pillow's forty others (PostScript is drawn by Ghostscript, a program).
FORMATS = ("JPEG", "PNG", "WEBP")
# A 200-megapixel phone photo takes 600 MB to decode, once per published size;
# 4,000 pixels of width are more than the site ever shows (1,200).
MAX_PIXELS = 80_000_000


def picture_problems(content_path: str, folders: list[str]) -> list[Problem]:
    """Every file of the folders copied from the content (STATIC_PATHS) that the
    build could not publish stripped of its metadata, at line 1 of the file."""
    problems = []
    for folder in folders:
        for path in own_files(os.path.join(content_path, folder)):
            message = unstripped(path, folder.strip("/"))
            reason = None if message else unreadable(path)
            if reason:
                name = os.path.relpath(path, content_path).replace(os.sep, "/")
                message = f"« {name} » {reason}"
            if message:
                problems.append(Problem(os.path.relpath(path), 1, message))
    return problems


def unstripped(path: str, folder: str = "images") -> str | None:
    """Why the file at `path` cannot be published stripped, or None."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in STRIPPED_SUFFIXES:
        return None
    shown = f"« {suffix} »" if suffix else "sans extension"
    return (
        f"fichier {shown} refusé dans {folder}/ : le site n'y publie que des images JPEG, "
        "PNG ou WebP, qu'il recopie sans ses métadonnées (lieu, appareil, auteur) ; "
        "un autre fichier partirait tel quel : enregistrez-la en JPEG ou en PNG "
        "(« Exporter » ou « Enregistrer sous »), ou retirez ce fichier"
    )


def unreadable(path: str) -> str | None:
    """Why the picture at `path` cannot be read to its end, or None; told as what
    follows its name in a message (« images/x.jpg » …)."""
    try:
        status = os.stat(path)
    except OSError:
        return None  # a missing file is told by whoever names it
    return _unreadable(os.path.abspath(path), status.st_size, status.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _unreadable(path: str, size: int, mtime_ns: int) -> str | None:
    """`unreadable`, once per file as it is (a post's photo is also a file of images/)."""
    try:
        with warnings.catch_warnings():
            # Pillow's own limit (in English): ours is lower and told in French.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return too_large(width, height)
                # A JPEG is decoded at an eighth of its size: every byte is still read.
                image.draft(image.mode, (width // 8, height // 8))
                image.load()
    except Image.DecompressionBombError:
        return too_large(None, None)
    except Image.UnidentifiedImageError:
        return (
            "n'est pas une image JPEG, PNG ou WebP (fichier vide, texte, photo HEIC ou "
            "autre format renommé ?) ; ouvrez-la et enregistrez-la en JPEG ou en PNG"
        )
    except Exception:  # noqa: BLE001 - any failure of a decoder on these bytes
        return (
            "est abîmée ou incomplète (copie interrompue ?) ; copiez de nouveau l'original, "
            "ou ouvrez-la et enregistrez-la en JPEG ou en PNG"
        )
    return None


def too_large(width: int | None, height: int | None) -> str:
    size = f"fait {width} × {height} pixels, plus" if width else "fait bien plus"
    return (
        f"{size} de {MAX_PIXELS // 1_000_000} millions : trop grande pour être lue ; "
        "réduisez-la (4 000 pixels de large suffisent) et enregistrez-la en JPEG"
    )
