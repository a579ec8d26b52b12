"""Only the repository's own files: no link followed, no special file read, names kept simple.

A content folder is written by hand and by tools (a download, a copy from a phone, a
clone): a symbolic link in it could point anywhere on the machine that builds the
site (`/proc/self/environ` holds its secrets), a named pipe would block the build
for ever. Nothing here opens such a file or walks into such a folder; each is named
in a French message instead.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata

from .model import Problem

# A file's name is its address (SLUGIFY_SOURCE = "basename"): lower-case ASCII
# letters, digits and hyphens read the same in every browser, shell and share.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EXTENSION = re.compile(r"[a-z0-9]+")
MAX_NAME = 80  # characters of a file name without its extension

# Left aside by the walk: editors' and systems' own files, never published.
HIDDEN = "."


class NotRegularFile(OSError):
    """The path is a symbolic link, a folder, a pipe or a device, not a plain file."""


class FileTooLarge(OSError):
    """The file holds more bytes than the limit given to `read_regular`."""

    def __init__(self, path: str, size: int, limit: int):
        super().__init__(f"{path}: {size} octets, plus que {limit}")
        self.size = size
        self.limit = limit


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of a plain file, never through a link, never blocking on a pipe.

    The file is opened first and checked after, on what was opened: no moment in
    which a link could be put in its place between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if os.path.islink(path):
            raise NotRegularFile(path) from error
        raise
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(path)
        if limit is not None and status.st_size > limit:
            raise FileTooLarge(path, status.st_size, limit)
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:  # grown since fstat
        raise FileTooLarge(path, len(data), limit)
    return data


def not_regular_message(path: str) -> str:
    """What to say of a path that is not a plain file, by what it is."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return "fichier illisible ; remplacez-le par un fichier ordinaire"
    if stat.S_ISLNK(mode):
        return (
            "lien symbolique refusé : seuls les fichiers du dépôt sont publiés ; "
            "copiez le fichier lui-même à cet endroit à la place du lien"
        )
    if stat.S_ISDIR(mode):
        return "dossier à la place d'un fichier ; renommez-le ou déplacez-le"
    return (
        "fichier spécial (tube, périphérique ou socket) refusé ; "
        "remplacez-le par un fichier ordinaire ou supprimez-le"
    )


def is_plain_file(path: str) -> bool:
    """A plain file itself, not a link to one, not a pipe or a device."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def named_by_file_problems(path: str) -> bool:
    """A link, a pipe, a device or a socket: never opened, `file_problems` names it."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def own_files(folder: str, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """The plain files under `folder`, walked without following any link, sorted.

    Links and special files are left out: `file_problems` names them.
    """
    found = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        # A link to a folder is listed among `dirs`: os.walk does not enter it
        # (followlinks=False); hidden folders (.git, editors') are not content.
        dirs[:] = sorted(d for d in dirs if not d.startswith(HIDDEN))
        for name in names:
            if name.startswith(HIDDEN) or (suffixes and not name.endswith(suffixes)):
                continue
            path = os.path.join(root, name)
            if stat.S_ISREG(os.lstat(path).st_mode):
                found.append(path)
    return sorted(found)


def file_problems(folder: str, read_elsewhere: tuple[str, ...] = ()) -> list[Problem]:
    """Every link, special file and badly named file under a content folder (links to
    folders included: they are named, not entered).

    `read_elsewhere`: paths (relative to `folder`) whose reader reports them itself
    (the data files, see catalogue.py), left out so as not to say it twice.
    """
    problems = []
    skipped = {os.path.normpath(os.path.join(folder, path)) for path in read_elsewhere}
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(HIDDEN))
        for name in sorted(names) + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = os.path.join(root, name)
            shown = os.path.relpath(path)
            if os.path.normpath(path) in skipped:
                continue
            if not stat.S_ISREG(os.lstat(path).st_mode):
                problems.append(Problem(shown, 1, not_regular_message(path)))
            elif not name.startswith(HIDDEN):
                message = name_problem(name)
                if message:
                    problems.append(Problem(shown, 1, message))
    return problems


def name_problem(name: str) -> str | None:
    """A French message if a file name is not a simple address, with the name to use."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if NAME.fullmatch(stem) and len(stem) <= MAX_NAME and EXTENSION.fullmatch(extension or "x"):
        return None
    fixed = suggested_name(stem) + (f".{extension.lower()}" if extension else "")
    too_long = f"plus de {MAX_NAME} caractères, " if len(stem) > MAX_NAME else ""
    return (
        f"nom de fichier « {name} » refusé ({too_long}seuls les minuscules sans accent, "
        f"chiffres et tirets sont permis : c'est l'adresse de la page) ; "
        f"renommez-le « {fixed} »"
    )


def suggested_name(stem: str) -> str:
    """The closest simple name: accents dropped, other characters as hyphens."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    name = "-".join(words) or "fichier"
    return name[:MAX_NAME].rstrip("-")
