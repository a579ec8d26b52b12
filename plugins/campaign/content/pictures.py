"""The pictures of the content folder (images/): each one the build can publish
stripped of its metadata, or a French message that says what to do with it.

The build publishes a picture of content/images/ only from its pixels (a post's
photo in several sizes, any other picture in its own format: see
images/photos.py). It knows how for JPEG, PNG and WebP; any other file there (a
GIF, an AVIF, an iPhone's HEIC, a TIFF, an SVG) would be copied as it is, with
the GPS position, the phone and the owner's name it may carry: refused here.
"""

from __future__ import annotations

import os

from .files import own_files
from .model import Problem

# The suffixes the build publishes stripped (images/photos.py, STATIC_FORMATS).
STRIPPED_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def picture_problems(content_path: str, folders: list[str]) -> list[Problem]:
    """Every file of the folders copied from the content (STATIC_PATHS) that the
    build could not publish stripped of its metadata, at line 1 of the file."""
    problems = []
    for folder in folders:
        for path in own_files(os.path.join(content_path, folder)):
            message = unstripped(path, folder.strip("/"))
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
