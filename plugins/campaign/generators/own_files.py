"""Pelican edge of content/files.py: the build reads and copies the repository's own files only.

Pelican walks content folders following links (`os.walk(followlinks=True)`) and
copies whatever a `{static}` link names: a link in `content/images/` to
`/proc/self/environ` was copied into the site. Registered in `register()`:
`generator_init` gives every generator a walk that never follows a link and keeps
plain files only; `static_generator_finalized` drops any static file that is not a plain
file inside the content folder (a `{static}` link can name one outside).
"""

from __future__ import annotations

import fnmatch
import os
import stat
from types import MethodType

from ..content.files import not_regular_message
from ..content.model import Problem
from .base import PROBLEMS


def own_files_only(generator) -> None:
    """`generator_init`: this generator's walk follows no link (the problems of links,
    special files and names are reported by the validation path, content/validation.py)."""
    generator.get_files = MethodType(get_files, generator)


def get_files(self, paths, exclude=None, extensions=None) -> set[str]:
    """Pelican's Generator.get_files, without following links or listing special files."""
    if isinstance(paths, str):
        paths = [paths]
    excluded = {os.path.normpath(os.path.join(self.path, e)) for e in exclude or []}
    ignores = self.settings["IGNORE_FILES"]
    files = set()
    for path in paths:
        root = os.path.join(self.path, path) if path else self.path
        if not _plain(root, folder=True):
            if _plain(root) and self._include_path(path, extensions):
                files.add(path)
            continue
        for folder, dirs, names in os.walk(root, followlinks=False):
            dirs[:] = [
                d
                for d in dirs
                if os.path.normpath(os.path.join(folder, d)) not in excluded
                and not any(fnmatch.fnmatch(d, ignore) for ignore in ignores)
            ]
            for name in names:
                full = os.path.join(folder, name)
                relative = os.path.relpath(full, self.path)
                if _plain(full) and self._include_path(relative, extensions):
                    files.add(relative)
    return files


def keep_own_static_files(generator) -> None:
    """`static_generator_finalized`: only plain files inside the content folder are copied."""
    content = os.path.realpath(generator.path)
    problems = generator.context.setdefault(PROBLEMS, [])
    reported = {problem.path for problem in problems}
    kept = []
    for static in generator.staticfiles:
        # source_path is absolute in Pelican's Static, relative in its tests: both.
        full = os.path.join(generator.path, static.source_path)
        inside = os.path.normpath(os.path.join(content, os.path.relpath(full, generator.path)))
        if (
            _plain(full)
            and os.path.realpath(full) == inside
            and inside.startswith(content + os.sep)
        ):
            kept.append(static)
            continue
        shown = os.path.relpath(full)
        if shown not in reported:
            message = (
                not_regular_message(full)
                if os.path.lexists(full) and inside.startswith(content + os.sep)
                else "fichier hors du dossier de contenu : seuls ses fichiers sont publiés ; "
                "copiez-le dans content/images/ et liez cette copie"
            )
            problems.append(Problem(shown, 1, message))
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = generator.staticfiles


def _plain(path: str, folder: bool = False) -> bool:
    """A plain file (or folder), not a link, not a special file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISDIR(mode) if folder else stat.S_ISREG(mode)
