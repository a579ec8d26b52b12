"""Pelican reader for Markdown files with YAML front matter."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import html
import json
import logging
import os
import pickle
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as etree
from pathlib import Path
from types import ModuleType

import markdown
import nh3
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import toc
from markdown.treeprocessors import InlineProcessor
from pelican.cache import FileDataCacher, FileStampDataCacher
from pelican.readers import BaseReader

from ..typography import html_apostrophes
from . import body as body_checks
from . import frontmatter
from .model import FrontMatter, Problem
from .videos import VideoCardsExtension

# Front matter keys that Pelican itself understands, passed on for plain pages.
PELICAN_KEYS = ("title", "summary", "template", "slug", "status", "save_as", "url")


class YamlMarkdownReader(BaseReader):
    """Turn a file into HTML and metadata; the raw front matter rides along.

    The reader only checks syntax: meaning (verdicts, topics, districts) is
    checked by the generators against the data files, so that Pelican's content
    cache never holds a verdict on data that has since changed.
    """

    enabled = True
    file_extensions = ["md", "markdown", "mkd", "mdown"]

    def __init__(self, settings):
        super().__init__(settings)
        # One Markdown instance per heading level, reused for every file: building
        # one costs more than converting a file. Made on first use: Pelican gives
        # every generator its readers (24 in a build), and only the one gathering
        # the content reads a Markdown file.
        self._markdown: dict[int, markdown.Markdown] = {}
        self._nested = tuple(
            os.path.abspath(os.path.join(settings["PATH"], path))
            for path in settings["CLAIM_PATHS"] + settings["SHEET_PATHS"]
        )

    def markdown(self, level: int) -> markdown.Markdown:
        if level not in self._markdown:
            self._markdown[level] = _markdown(self.settings, level)
        return self._markdown[level]

    def read(self, source_path):
        shown = os.path.relpath(source_path)
        front, body, first_line = frontmatter.read_parts(source_path, shown)
        # A claim's analysis sits under the page's "L'analyse" heading, a sheet's
        # proposals under "Nos propositions": their "##" becomes <h3> so the outline
        # stays in order.
        level = 2 if os.path.abspath(source_path).startswith(self._nested) else 1
        front, html = convert(self.markdown(level), front, body, first_line)
        metadata = {"front_matter": front, "body_source": (body, first_line)}
        return html, {**metadata, **_pelican_metadata(front.values)}


def convert(md: markdown.Markdown, front: FrontMatter, body: str, first_line: int):
    """The body's sanitised HTML, and the front matter with the body's problems added.

    The body's problems travel with the front matter's (FrontMatter.problems): the
    build and `make check` report both wherever they report the front matter's. A
    body that would cost too much is not converted at all.
    """
    if not body.strip():
        return front, ""
    problems = body_checks.source_problems(front.path, body, first_line)
    if problems:
        return _with(front, problems), ""
    try:
        markup = md.reset().convert(body)
    except RecursionError:  # a shape limits.py does not know yet: refused, not raised
        message = "mise en forme imbriquée trop profondément ; simplifiez les listes et citations"
        return _with(front, [Problem(front.path, first_line, message)]), ""
    clean = body_checks.sanitise(markup)
    problems = body_checks.body_problems(front.path, body, first_line, markup, clean)
    # French apostrophes here, once: Python-Markdown's « smarty » would take 28 % to
    # 77 % more time to convert a body.
    return _with(front, problems), html_apostrophes(scrollable_tables(clean))


# A table wider than a phone (a pasted address in a cell, many columns) scrolls by
# itself, never the page; the keyboard reaches it (tabindex) and a screen reader
# names it. Added after the sanitiser, which leaves every <table> bare.
TABLE_SCROLL = (
    '<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau (défile de côté)">'
)


def scrollable_tables(html: str) -> str:
    return html.replace("<table>", TABLE_SCROLL + "<table>").replace("</table>", "</table></div>")


def _with(front: FrontMatter, problems: list[Problem]) -> FrontMatter:
    if not problems:
        return front
    return dataclasses.replace(front, problems=(*front.problems, *problems))


# The content cache's name (with its inputs' hash, see cache_name): the build's
# (gather.py) and `make check`'s.
CONTENT_CACHE = "Contenu"


def cache_name(generator: str, settings: dict) -> str:
    """The name of a generator's content cache (Pelican's, at the reader level).

    It changes with everything besides the file that shapes what the reader returns:
    the Markdown settings and version, and the code that reads front matter. A cache
    written by other settings or older code is never read, just left aside.
    """
    inputs = [
        markdown.__version__,
        nh3.__version__,
        settings["MARKDOWN"],
        settings["CLAIM_PATHS"],
    ]
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=repr).encode())
    digest.update(code_digest().encode())
    return f"{generator}-Readers-{digest.hexdigest()[:16]}"


def forget_stale_caches(cache_path: str) -> None:
    """Remove content caches written by other code than this one.

    Pelican's own page generator caches what this reader returns (front matter
    objects of this package, pickled by their module's name): after an upgrade that
    moved a module, loading it would stop the build. Ours carry the code's hash in
    their names, but would pile up: all are forgotten whenever that hash changes.
    """
    digest = code_digest()
    stamp = Path(cache_path) / "campagne-code.txt"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest:
        return
    for cache in Path(cache_path).glob("*-Readers*"):
        cache.unlink(missing_ok=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")


def install_content_cache_methods() -> None:
    """Pelican's content cache as the build and `make check` use it: saved
    atomically, each file stamped once (see both functions)."""
    FileDataCacher.save_cache = save_cache_atomically
    FileStampDataCacher._get_file_stamp = file_stamp_once


def file_stamp_once(cacher: FileStampDataCacher, filename: str):
    """Pelican's `_get_file_stamp`, taken once a file for the cacher's life (one
    build, one `make check`) and without Pelican's English warning.

    Pelican hashes a file (CHECK_MODIFIED_METHOD) each time it looks it up in the
    content cache and again when it stores what it read: up to three times a file
    with forked reading. Once is enough, and more exact: the stamp stored is the
    one taken before the file was read, so a file changed meanwhile is read again
    next time. A file that cannot be stamped (deleted or renamed since it was
    listed) gets no stamp and no « Cannot get modification stamp » warning, which
    a production build would make fatal in English: reading it says in French
    what happened (frontmatter.VANISHED).
    """
    stamps = cacher.__dict__.setdefault(STAMPS, {})
    stamp = stamps.get(filename)
    if stamp is None:
        try:
            stamp = stamps[filename] = cacher._filestamp_func(filename)
        except (OSError, TypeError):  # TypeError: no stamp function (Pelican's case)
            return ""
    return stamp


def stamp_again(cacher: FileStampDataCacher, filenames) -> None:
    """Have these files stamped again when next looked up: read by another process
    (forked_reading), each may have changed since."""
    stamps = cacher.__dict__.get(STAMPS, {})
    for filename in filenames:
        stamps.pop(filename, None)


# Where a cacher keeps the stamps taken (file_stamp_once).
STAMPS = "_campaign_stamps"


def save_cache_atomically(cacher: FileDataCacher) -> None:
    """Pelican's `FileDataCacher.save_cache`, through a file renamed over the cache.

    Pelican writes the cache in place: a build loading it meanwhile (`make serve`
    rebuilding while `make publish` runs; they share CACHE_PATH) read half a cache,
    and a build stopped while saving left an empty one; both stopped the next build
    with pickle's EOFError. Now a build reads the old cache or the new one, whole.
    """
    if not cacher._cache_data_policy:
        return
    folder = os.path.dirname(cacher._cache_path) or "."
    temporary = ""
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=UNFINISHED_PREFIX)
        os.close(handle)
        os.chmod(temporary, 0o644)  # as Pelican's own (mkstemp makes it private)
        with cacher._cache_open(temporary, "wb") as output:
            pickle.dump(cacher._cache, output)
        os.replace(temporary, cacher._cache_path)
        temporary = ""
        forget_unfinished_saves(folder)
    except (OSError, pickle.PicklingError, TypeError) as error:
        logging.getLogger(__name__).warning(
            "cache %s non enregistré : %s", cacher._cache_path, error
        )
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.remove(temporary)


# A save takes a second; one begun this long ago was stopped (its process killed).
UNFINISHED_AGE = 600
UNFINISHED_PREFIX = ".en-cours-"


def forget_unfinished_saves(folder: str) -> None:
    """Remove what saves stopped midway left in the cache folder."""
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        with contextlib.suppress(OSError):  # another build's, just renamed
            if name.startswith(UNFINISHED_PREFIX) and (
                time.time() - os.stat(path).st_mtime > UNFINISHED_AGE
            ):
                os.remove(path)


def code_digest() -> str:
    """The hash of the code that shapes what the reader returns."""
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def code_files() -> list[Path]:
    """This module's file and those of every module of the package it uses, found
    from the modules themselves: a module moved, renamed or newly used is hashed
    without anyone listing it (a list of file names would silently go stale)."""
    package = __name__.split(".")[0]
    found: dict[str, Path] = {}
    pending = [sys.modules[__name__]]
    while pending:
        module = pending.pop()
        if module.__name__ in found:
            continue
        found[module.__name__] = Path(module.__file__)
        for value in vars(module).values():
            name = (
                value.__name__
                if isinstance(value, ModuleType)
                else getattr(value, "__module__", "")
            )
            if isinstance(name, str) and name.startswith(f"{package}.") and name in sys.modules:
                pending.append(sys.modules[name])
    return sorted(found.values())


class HeadingsTreeprocessor(toc.TocTreeprocessor):
    """The `toc` extension's heading levels and ids, the same, without the table of
    contents it also builds and renders for every document (unused here)."""

    def run(self, doc) -> None:
        used = {element.attrib["id"] for element in doc.iter() if "id" in element.attrib}
        counters: dict[str, int] = {}
        for element in doc.iter():
            if isinstance(element.tag, str) and self.header_rgx.match(element.tag):
                self.set_level(element)
                element.attrib.pop("data-toc-label", None)
                if "id" not in element.attrib:
                    inner = toc.render_inner_html(toc.remove_fnrefs(element), self.md)
                    name = html.unescape(toc.strip_tags(inner))
                    element.attrib["id"] = toc.unique(self.slugify(name, self.sep), used, counters)


class HeadingsExtension(toc.TocExtension):
    TreeProcessorClass = HeadingsTreeprocessor


# What each inline pattern of Python-Markdown 3 and its `extra` extension needs in
# a text to match at all (each regular expression starts with one of these).
INLINE_TRIGGERS = {
    "backtick": r"`\\",
    "escape": r"\\",
    "reference": r"\[",
    "link": r"\[",
    "image_link": "!",
    "image_reference": "!",
    "short_reference": r"\[",
    "short_image_ref": "!",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "em_strong": "*_",
    "em_strong2": "_",
    "not_strong": "*_",
    "footnote": r"\[",
    "linebreak": "",  # two spaces ending a line: LINE_BREAK
}
LINE_BREAK = "  \n"
# The inline processor's priority among Python-Markdown 3's tree processors.
INLINE_PRIORITY = 20


class PlainTextInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, passing over a text that holds nothing any
    of its patterns can match: it tries each pattern on each text in turn, close to
    half of the conversion of a paragraph of plain words.

    Only when every pattern registered is one it knows the start of (see
    INLINE_TRIGGERS): an extension adding another (wikilinks, say) turns it off.
    """

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        names = [item.name for item in md.inlinePatterns._priority]
        if all(name in INLINE_TRIGGERS for name in names):
            characters = "".join(INLINE_TRIGGERS[name] for name in names)
            self.triggers = re.compile(f"[{characters}]|{LINE_BREAK}" if characters else LINE_BREAK)
        else:
            self.triggers = re.compile("")  # matches every text: patterns always tried

    # InlineProcessor's private __handleInline, under its mangled name: it is what
    # `run` calls on each text, and the only way in.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if patternIndex == 0 and not self.triggers.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


# Python-Markdown 3's block processors and those of its `extra` extension: each
# takes a block only if one of its lines starts with a space, a digit, one of
# # > - * + = _ | : [ < (or the placeholder of stashed HTML, \x02), or ends a
# list's text (the "list" state); `abbr`, `footnote`, `reference` and
# `markdown_block` take every block to look inside, and give back those whose
# lines do not start with * [ or \x02.
PLAIN_BLOCK_PROCESSORS = frozenset(
    "markdown_block empty indent defindent code table hashheader setextheader hr olist "
    "ulist deflist quote footnote abbr reference paragraph".split()
)
PLAIN_BLOCK_PRIORITY = 200  # before every processor above


class PlainParagraphProcessor(BlockProcessor):
    """A block whose every line starts with a letter becomes a paragraph at once.

    Python-Markdown tries each block processor on each block in turn, a dozen
    regular expressions before the paragraph's, which takes what is left: none of
    them can take such a block (see PLAIN_BLOCK_PROCESSORS), and it is what most
    of a body is made of. Only when every processor registered is one of those: an
    extension adding another (admonitions, say) turns it off.
    """

    def __init__(self, parser):
        super().__init__(parser)
        names = {item.name for item in parser.blockprocessors._priority}
        self.on = names <= PLAIN_BLOCK_PROCESSORS | {"plain_paragraph"}

    def test(self, parent, block: str) -> bool:
        return (
            self.on
            and not self.parser.state.isstate("list")
            and all(line[:1].isalpha() for line in block.split("\n"))
        )

    def run(self, parent, blocks: list[str]) -> None:
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = blocks.pop(0)  # as ParagraphProcessor: it starts with a letter


def _markdown(settings: dict, heading_level: int) -> markdown.Markdown:
    options = dict(settings["MARKDOWN"])
    configs = {key: dict(value) for key, value in options.pop("extension_configs", {}).items()}
    md = markdown.Markdown(
        extensions=[
            *configs,
            *options.pop("extensions", []),
            HeadingsExtension(baselevel=heading_level),
            VideoCardsExtension(),
        ],
        extension_configs=configs,
        **options,
    )
    md.treeprocessors.register(PlainTextInlineProcessor(md), "inline", INLINE_PRIORITY)
    md.parser.blockprocessors.register(
        PlainParagraphProcessor(md.parser), "plain_paragraph", PLAIN_BLOCK_PRIORITY
    )
    return md


def _pelican_metadata(values: dict) -> dict:
    """The subset of front matter Pelican's own page generator can use as is."""
    metadata = {key: values[key] for key in PELICAN_KEYS if isinstance(values.get(key), str)}
    date = values.get("date")
    if isinstance(date, datetime.datetime):
        metadata["date"] = date
    elif isinstance(date, datetime.date):
        metadata["date"] = datetime.datetime.combine(date, datetime.time())
    elif isinstance(date, str):
        try:
            metadata["date"] = datetime.datetime.fromisoformat(date)
        except ValueError:
            pass
    return metadata
