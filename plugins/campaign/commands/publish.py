"""`make publish`: build the production site beside the live one, then switch to it at once.

The live site `output` is a symbolic link to a complete version; a new version is
built beside it and the link is replaced by one rename, so there is never a moment
without a whole site, and a publish stopped at any point (error, Ctrl+C, killed)
leaves the old site or the new one. Next to OUTPUT (default `output`):

    output -> output.versions/000042     the live site, a relative link
    output.versions/000041/              the version before, kept to go back by hand
    output.versions/000043.partiel/      a build under way, or the leftover of a stopped one
    output.versions/.lien-<pid>          the new link before its rename, or a leftover
    output.versions/.verrou              the lock: one publish at a time, the next waits

Leftovers (partial builds, links, versions never made live, versions beyond the
last two) are removed by the next publish, under the lock.

Usage: python -m campaign.commands.publish [--content content] [--output output]
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..content import addresses

PARTIAL = ".partiel"
LINK_PREFIX = ".lien-"
LOCK_NAME = ".verrou"
KEPT_VERSIONS = 2  # the live one and the one before
# The documentation's examples: copied as they are, they would publish a wrong address.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "exemple.fr")
RENAME_EXCHANGE = 2  # renameat2's flag: swap two names in one step (Linux)
AT_FDCWD = -100


class PublishError(Exception):
    """Why nothing was published; the message is for the writer, in French."""


@dataclass(frozen=True)
class Layout:
    """Where the live link, its versions and the lock are, for one OUTPUT."""

    output: Path

    @property
    def versions(self) -> Path:
        return self.output.with_name(self.output.name + ".versions")

    @property
    def lock(self) -> Path:
        return self.versions / LOCK_NAME

    def version(self, number: int) -> Path:
        return self.versions / f"{number:06d}"

    def live_number(self) -> int | None:
        """The number of the version the live link points to, if it points to one."""
        if not self.output.is_symlink():
            return None
        target = Path(os.readlink(self.output))
        if target.parent.name != self.versions.name or not target.name.isdigit():
            return None
        return int(target.name)

    def numbers(self) -> list[int]:
        """The complete versions on disk, oldest first."""
        if not self.versions.is_dir():
            return []
        found = (p.name for p in self.versions.iterdir() if p.is_dir() and not p.is_symlink())
        return sorted(int(name) for name in found if name.isdigit())


# --- The address ---------------------------------------------------------------------------

HOW_TO_SET = (
    "réglez-la pour cette publication (`SITEURL=https://verification.exemple.fr make publish`) "
    'ou une fois pour toutes dans publishconf.py (`SITEURL = "https://verification.exemple.fr"`) '
    "; voir docs/publier.md."
)


def address_problem(siteurl: str) -> str:
    """Why SITEURL cannot be the public address of the site, or "" when it can."""
    if not siteurl:
        return "SITEURL n'est pas réglée : le site ne sait pas à quelle adresse il sera servi"
    parts = addresses.split(siteurl)
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITEURL « {siteurl} » n'est pas une adresse en https://"
    host = parts.hostname
    if any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS):
        return f"SITEURL « {siteurl} » est une adresse d'exemple, pas celle du site"
    return ""


def read_settings_of(settings_file: str, content: str) -> dict:
    from pelican.settings import read_settings

    return read_settings(settings_file, override={"PATH": content})


# --- Leftovers -----------------------------------------------------------------------------


def remove(path: Path) -> None:
    """A file, a link (never what it points to) or a folder, gone."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path)


def leftovers(layout: Layout) -> list[Path]:
    """What stopped publishes left, and the versions no longer worth keeping."""
    live = layout.live_number()
    found = []
    for path in layout.versions.iterdir():
        if path.name.endswith(PARTIAL) or path.name.startswith(LINK_PREFIX):
            found.append(path)
    numbers = layout.numbers()
    if live is not None:
        # A version newer than the live one was built but never made live.
        found += [layout.version(n) for n in numbers if n > live]
        older = [n for n in numbers if n < live]
        found += [layout.version(n) for n in older[: max(0, len(older) - (KEPT_VERSIONS - 1))]]
    return found


def clean(layout: Layout, cache: str) -> None:
    for path in leftovers(layout):
        remove(path)
        forget_record(path, cache)


def forget_record(folder: Path, cache: str) -> None:
    """The writer's record of a folder the publish built in (output/writer.py): no
    later build writes there (the next publish builds another version), so it would
    only pile up in the cache, one a publish."""
    from ..output.writer import record_path  # Pelican's writer: loaded when needed

    with contextlib.suppress(OSError):
        os.remove(record_path(str(folder), cache))


# --- The switch ----------------------------------------------------------------------------


def exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux's renameat2); False where it is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    done = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    return done == 0


def switch(layout: Layout, number: int) -> None:
    """Make version `number` live by one rename of a new link over the old one."""
    link = layout.versions / f"{LINK_PREFIX}{os.getpid()}"
    remove(link)
    os.symlink(os.path.relpath(layout.version(number), layout.output.parent), link)
    if layout.output.is_dir() and not layout.output.is_symlink():
        migrate(layout, link, number - 1)
    else:
        os.replace(link, layout.output)


def migrate(layout: Layout, link: Path, number: int) -> None:
    """A real output/ folder of an older version becomes version `number`, the one before.

    A link cannot be renamed over a folder: the two names are swapped in one step where
    the system allows it; elsewhere there are two renames, a moment apart."""
    if exchange(link, layout.output):
        os.rename(link, layout.version(number))
    else:
        os.rename(layout.output, layout.version(number))
        os.replace(link, layout.output)


# --- The publish ---------------------------------------------------------------------------


def take_lock(layout: Layout) -> int:
    """The lock's descriptor, once no other publish holds it (a message while waiting)."""
    descriptor = os.open(layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(
            f"Une autre publication vers {layout.output}/ est en cours : "
            "celle-ci attend qu'elle se termine.",
            file=sys.stderr,
            flush=True,
        )
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    return descriptor


def run_build(args: argparse.Namespace, folder: Path, lock: int) -> None:
    command = [
        sys.executable, "-m", "campaign.commands.build", "-s", args.settings,
        "--content", args.content, "--output", str(folder), "--fatal-warnings",
    ]  # fmt: skip
    # The build holds the lock too: if this process is killed, the next publish still
    # waits for an orphaned build to end before removing its folder.
    result = subprocess.run(command, pass_fds=(lock,))
    if result.returncode:
        raise PublishError(f"Publication annulée : {args.output}/ n'a pas été modifié.")
    if not (folder / "index.html").is_file():
        raise PublishError(
            f"Publication annulée : la construction n'a pas produit index.html ; "
            f"{args.output}/ n'a pas été modifié."
        )


def publish(args: argparse.Namespace) -> str:
    """Build and switch; the closing line saying what was published."""
    settings = read_settings_of(args.settings, args.content)
    problem = address_problem(str(settings.get("SITEURL") or "").rstrip("/"))
    if problem:
        raise PublishError(f"Publication refusée : {problem} ; {HOW_TO_SET}")
    layout = Layout(Path(args.output))
    layout.versions.mkdir(parents=True, exist_ok=True)
    cache = settings["CACHE_PATH"]
    lock = take_lock(layout)
    try:
        clean(layout, cache)
        migrating = layout.output.is_dir() and not layout.output.is_symlink()
        number = max(layout.numbers(), default=0) + 1 + migrating
        partial = layout.versions / f"{number:06d}{PARTIAL}"
        try:
            run_build(args, partial, lock)
        except KeyboardInterrupt:
            forget_record(partial, cache)
            remove(partial)
            raise PublishError(
                f"Publication interrompue : {args.output}/ n'a pas été modifié."
            ) from None
        except PublishError:
            remove(partial)
            forget_record(partial, cache)
            raise
        forget_record(partial, cache)
        os.rename(partial, layout.version(number))
        switch(layout, number)
        clean(layout, cache)
    finally:
        os.close(lock)
    pages = sum(1 for _ in layout.version(number).rglob("*.html"))
    return (
        f"Publié : {pages} pages dans {args.output}/ "
        f"(→ {os.path.relpath(layout.version(number), layout.output.parent)}/). "
        "Pour le mettre en ligne, voir docs/publier.md."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make publish", description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    args = parser.parse_args(argv)
    args.output = args.output.rstrip("/") or args.output
    try:
        print(publish(args), flush=True)
    except PublishError as error:
        print(error, file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
