"""One Pelican build whose messages are plain French lines, never a log layout or a traceback.

`make html`, each rebuild of `make serve` and `make publish` run this in a fresh
process. Pelican's own command prints its log in columns (`CRITICAL ContentError …
__init__.py:683`) and a traceback on a plugin's bug; a writer needs the list of
mistakes, each at its `file:line`, and nothing else.

Usage: python -m campaign.commands.build -s pelicanconf.py --content content --output preview
Exit status: 0 when built, 1 otherwise (the reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from pathlib import Path

# Pelican's logger class turns a warning into this exception under `--fatal warnings`.
FATAL_WARNING = "Warning or error encountered"
LABELS = {logging.WARNING: "Avertissement", logging.ERROR: "Erreur", logging.CRITICAL: "Erreur"}


class PlainFormatter(logging.Formatter):
    """A record's message after its French label; a traceback attached to it is dropped."""

    def format(self, record: logging.LogRecord) -> str:
        label = LABELS.get(record.levelno)
        message = record.getMessage()
        return f"{label} : {message}" if label else message


def init_logging(fatal_warnings: bool) -> None:
    from pelican import log

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PlainFormatter())
    log.init(level=logging.WARNING, fatal="warnings" if fatal_warnings else "", handler=handler)


def where(error: BaseException) -> str:
    """The file:line the exception came from, relative to here when it is below."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "?"
    frame = frames[-1]
    path = Path(frame.filename)
    try:
        path = path.resolve().relative_to(Path.cwd())
    except ValueError:
        pass
    return f"{path}:{frame.lineno}"


def failure_message(error: BaseException) -> str:
    """What a failed build says: the content's mistakes, or where the code broke."""
    from ..generators.base import ContentError
    from ..settings import SettingsError

    if isinstance(error, (ContentError, SettingsError)):
        return str(error)
    if isinstance(error, RuntimeError) and str(error) == FATAL_WARNING:
        return "Un avertissement ci-dessus arrête la construction de production : corrigez-le."
    return (
        f"Erreur inattendue pendant la construction ({type(error).__name__} : {error}), "
        f"à {where(error)}. Ce n'est pas une erreur de contenu : signalez-la avec ce message."
    )


def published_site(output: str) -> str:
    """Why a preview must not be built into `output`, or "" when it may.

    `make publish` makes `output` a link to a version folder (commands/publish.py); a
    preview written through it would change the published site in place."""
    path = Path(output)
    if path.is_symlink() and Path(os.readlink(path)).parent.name.endswith(".versions"):
        return (
            f"{output}/ est le site publié par `make publish` : l'aperçu ne s'y écrit pas. "
            "Laissez l'aperçu dans son dossier (preview/, par défaut)."
        )
    return ""


def build(settings_file: str, overrides: dict, fatal_warnings: bool = False) -> str:
    """Build the site; the failure's message, or "" when it was built."""
    from pelican import Pelican
    from pelican.settings import read_settings

    init_logging(fatal_warnings)
    try:
        settings = read_settings(settings_file, override=overrides)
        Pelican(settings).run()
    except Exception as error:  # every failure becomes a message: no traceback for a writer
        return failure_message(error)
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", required=True)
    parser.add_argument("--fatal-warnings", action="store_true")
    parser.add_argument("--live-reload", action="store_true")
    # More settings, KEY=JSON, as Pelican's own -e takes them (`make edit`'s editor).
    parser.add_argument("-e", "--extra-settings", nargs="*", default=[], metavar="KEY=VALUE")
    args = parser.parse_args(argv)
    overrides = {
        "PATH": str(Path(args.content).resolve()),
        "OUTPUT_PATH": str(Path(args.output).resolve()),
    }
    if args.live_reload:
        overrides["CAMPAIGN_LIVE_RELOAD"] = True
    for setting in args.extra_settings:
        key, _, value = setting.partition("=")
        overrides[key] = json.loads(value)
    failure = published_site(args.output) or build(args.settings, overrides, args.fatal_warnings)
    if failure:
        print(failure, file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
