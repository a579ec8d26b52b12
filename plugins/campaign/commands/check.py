"""`make check`: validate every content file without building, report every problem.

Usage: python -m campaign.check [-s pelicanconf.py]
Exit status: 0 when the content is valid, 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from pelican.readers import Readers, _filter_discardable_metadata
from pelican.settings import read_settings

from ..content import silence
from ..content.reader import (
    CONTENT_CACHE,
    YamlMarkdownReader,
    cache_name,
    forget_stale_caches,
    install_content_cache_methods,
    save_cache_atomically,
)
from ..content.validation import Document, Validation, build_moment, content_files, validate
from ..generators.forked_reading import ReadingBeside
from ..kinds import Kind
from ..settings import SettingsError, apply_defaults


def read_documents(settings: dict) -> Iterator[Document]:
    """Every content file, listed and read as the build reads it: by the build's own
    reader, whose front matter carries the body's problems too.

    Through the build's content cache (gather.py), loaded and saved: a file
    unchanged since the last check or build is not converted again, and `make html`
    finds converted what `make check` has just read. The cache knows a file by a
    hash of its bytes (CHECK_MODIFIED_METHOD), never by its date alone. Many files
    to read (a first check) are read in part by another process meanwhile.
    """
    readers = content_cache(settings)
    files = content_files(settings)
    paths = [os.path.abspath(os.path.join(settings["PATH"], path)) for _, path in files]
    beside = ReadingBeside(readers, settings["CAMPAIGN_WRITING_PROCESSES"])
    beside.start(paths)
    try:
        for (kind, path), full in zip(files, paths, strict=True):
            beside.collect(full)
            metadata = read_through(readers, full)
            body, line = metadata["body_source"]
            basename = os.path.splitext(os.path.basename(path))[0]
            yield Document(kind, basename, metadata["front_matter"], body=body, body_line=line)
    finally:
        beside.stop()
    save_cache_atomically(readers)


def content_cache(settings: dict) -> Readers:
    """The build's content cache (Pelican's, at the reader level), this package's
    reader reading Markdown in it. A cache folder that cannot be written only means
    every file is read (a read-only checkout)."""
    with contextlib.suppress(OSError):
        forget_stale_caches(settings["CACHE_PATH"])
    install_content_cache_methods()
    readers = Readers(settings, cache_name(CONTENT_CACHE, settings))
    reader = YamlMarkdownReader(settings)
    for extension in YamlMarkdownReader.file_extensions:
        readers.readers[extension] = reader
    return readers


def read_through(readers: Readers, path: str) -> dict:
    """The reader's metadata for the file at `path`, from the cache if it is there."""
    content, metadata = readers.get_cached_data(path, (None, None))
    if metadata is None:
        content, metadata = readers.readers[os.path.splitext(path)[1][1:]].read(path)
        metadata = _filter_discardable_metadata(metadata)
        readers.cache_data(path, (content, metadata))
    return metadata


def check_content(settings: dict) -> Validation:
    """Everything the build would refuse, found without building: the build calls
    the same `validate` on the same files."""
    return validate(settings, read_documents(settings))


def counts(validation: Validation) -> dict[str, int]:
    """Valid documents of each kind; fixed pages, every file read."""
    found = {kind.label: len(validation.items(kind)) for kind in Kind if kind is not Kind.PAGE}
    found[Kind.PAGE.label] = len(validation.read[Kind.PAGE])
    return found


def silence_notices(settings: dict, validation: Validation) -> list:
    """A French notice per published file the electoral silence holds back at this
    moment (the build's: CAMPAIGN_NOW, else the clock). Notices, not errors."""
    windows = silence.windows_of(settings)
    if not windows:
        return []
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    items = [
        (item, document.front)
        for kind in (Kind.CLAIM, Kind.POST, Kind.SHEET)
        for item, document in validation.items(kind)
        if item.status == "published"
    ]
    return silence.notices(items, windows, build_moment(settings), zone)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--path", help="dossier de contenu (par défaut : PATH des réglages)")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.settings, override={"PATH": args.path} if args.path else None)
        apply_defaults(settings)
    except SettingsError as error:
        print(f"{args.settings}: réglage invalide : {error}", file=sys.stderr)
        return 1
    report = check_content(settings)
    for problem in report.problems:
        print(problem)
    # Warnings never fail the check (nor the build): printed after the errors.
    for warning in report.warnings:
        print(warning)
    for notice in silence_notices(settings, report):
        print(notice)
    if report.problems:
        files = len({p.path for p in report.problems})
        print(
            f"\n{len(report.problems)} erreur(s) dans {files} fichier(s) ; "
            "corrigez-les puis relancez « make check ».",
            file=sys.stderr,
        )
        return 1
    # Every label is a French plural in -s; 0 and 1 take the singular.
    summary = ", ".join(
        f"{count} {label if count > 1 else label[:-1]}" for label, count in counts(report).items()
    )
    told = f" ; {len(report.warnings)} avertissement(s) ci-dessus" if report.warnings else ""
    print(f"Contenu valide : {summary}{told}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
