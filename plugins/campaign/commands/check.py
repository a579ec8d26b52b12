"""`make check`: validate every content file without building, report every problem.

Usage: python -m campaign.check [-s pelicanconf.py]
Exit status: 0 when the content is valid, 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from pelican.settings import read_settings

from ..content.catalogue import DATA_FILES, load_catalogue
from ..content.files import file_problems, own_files
from ..content.model import Problem
from ..content.reader import YamlMarkdownReader
from ..content.validate import (
    duplicate_slugs,
    parse_claim,
    parse_post,
    parse_sheet,
    shared_card_names,
    unknown_claims,
)
from ..settings import SettingsError, apply_defaults

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def markdown_files(folder: str) -> list[str]:
    # Safety (issue 16): plain files only, no link followed; file_problems names the rest.
    return own_files(folder, MARKDOWN_SUFFIXES)


def check_content(settings: dict) -> Report:
    """Everything `make html` would refuse, found without building."""
    report = Report()
    content = settings["PATH"]
    catalogue, problems = load_catalogue(content, settings["VERDICTS"])
    report.problems += problems
    # Safety (issue 16): links, special files and bad names; bodies read (converted,
    # checked) by the build's own reader, their problems joined to the front matter's.
    report.problems += file_problems(content, read_elsewhere=DATA_FILES)
    reader = YamlMarkdownReader(settings)
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    kinds = (
        ("vérifications", settings["CLAIM_PATHS"], parse_claim),
        ("actualités", settings["POST_PATHS"], parse_post),
        ("fiches", settings["SHEET_PATHS"], parse_sheet),
    )
    valid, fronts = {}, {}
    for label, folders, parse in kinds:
        parsed, fronts[label] = [], []
        for folder in folders:
            for path in markdown_files(os.path.join(content, folder)):
                front = reader.read(path)[1]["front_matter"]
                fronts[label].append(front)
                basename = os.path.splitext(os.path.basename(path))[0]
                result = parse(front, basename, catalogue, zone)
                if isinstance(result, list):
                    report.problems += result
                else:
                    parsed.append((result, front))
        report.problems += duplicate_slugs([(item.slug, front) for item, front in parsed])
        report.counts[label] = len(parsed)
        valid[label] = parsed
    names = {
        label: [(item.slug, front.path) for item, front in valid[label]]
        for label in ("vérifications", "actualités")
    }
    report.problems += shared_card_names(names["vérifications"], names["actualités"])
    claim_slugs = {claim.slug for claim, _ in valid["vérifications"]}
    for front in fronts["fiches"]:
        report.problems += unknown_claims(front, claim_slugs)
    for folder in settings["PAGE_PATHS"]:
        pages = markdown_files(os.path.join(content, folder))
        for path in pages:
            front = reader.read(path)[1]["front_matter"]
            report.problems += front.problems
            if not front.problems and not front.values.get("title"):
                report.problems.append(
                    Problem(
                        front.path,
                        1,
                        "champ « title » obligatoire manquant ; ajoutez « title: ... »",
                    )
                )
        report.counts["pages"] = len(pages)
    report.problems.sort(key=lambda p: (p.path, p.line))
    return report


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
        f"{count} {label if count > 1 else label[:-1]}" for label, count in report.counts.items()
    )
    print(f"Contenu valide : {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
