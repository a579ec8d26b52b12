"""The image cache: each social card and sheet infographic drawn once, kept in a
folder under a name that is the hash of everything that changes its picture.

A later build, or a card worker (draw_cards.py), finds the file under the same
name and draws nothing; a change of spec, of layout or of renderer gives a new
name, so a cached image is never stale and never rewritten. Cards no recent build
used are removed (`forget_unused_cards`): each edit of a headline draws a new one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import time
from importlib import metadata

import PIL

from . import infographic
from .cards import CardSpec, render_card, renderer
from .infographic import Drawing
from .strip import PIXELS_VERSION
from .textlayout import FONT_DISTRIBUTION


def input_hash(inputs: dict) -> str:
    """A short stable hash of JSON-able inputs: the name of a cached image."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def write_atomically(path: str, data: bytes) -> None:
    """Write through a temporary file in the same folder, so no reader sees half a PNG."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a card is public
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def ensure_file(path: str, make) -> str:
    """`path`, once it holds what `make()` gives: made now unless made before."""
    if not os.path.exists(path):
        write_atomically(path, make())
    return path


@functools.lru_cache(maxsize=16384)
def card_key(spec: CardSpec) -> str:
    """A stable hash of everything that changes the picture, for the cache's file name."""
    # flat fields: asdict without copying; a photo's band is drawn from its clean pixels
    pixels = {"pixels": PIXELS_VERSION} if spec.photo else {}
    return input_hash({"spec": vars(spec), **renderer(), **pixels})


def card_path(spec: CardSpec, cache_dir: str) -> str:
    """Where the card is kept in the cache: named by the hash of its inputs."""
    return os.path.join(cache_dir, f"{card_key(spec)}.png")


# Which card each build last used, in the cards' folder: {card's key: seconds}.
USAGE_FILE = "utilisees.json"
# A card drawn this recently stays whoever drew it: another build may be about to
# put it in its output.
FRESH_SECONDS = 3600
# Besides this build's cards, this many times as many others stay.
OTHERS_KEPT = 1


def forget_unused_cards(cache_dir: str, used: set[str]) -> None:
    """Keep the folder of cards from growing with every edit (a changed headline is
    a new card): the cards `used` by this build stay, and as many others, those
    used last (the other kind of build's: a preview's cards are not all the
    published ones), and every card drawn in the last hour. The others go; a build
    that needs one again draws it again. A build that drew no card at all (nothing
    published yet) may have no folder of cards: nothing to keep or forget."""
    if not os.path.isdir(cache_dir):
        return
    record_path = os.path.join(cache_dir, USAGE_FILE)
    try:
        with open(record_path, encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        record = {}
    if not isinstance(record, dict):
        record = {}
    now = time.time()
    record.update(dict.fromkeys(used, now))
    present, others = set(), []
    for name in os.listdir(cache_dir):
        key, suffix = os.path.splitext(name)
        if suffix != ".png":
            continue
        present.add(key)
        try:
            drawn = os.stat(os.path.join(cache_dir, name)).st_mtime
        except OSError:  # removed by another build meanwhile
            continue
        if key not in used and now - drawn > FRESH_SECONDS:
            last = record.get(key)
            others.append((last if isinstance(last, (int, float)) else drawn, key))
    for _, key in sorted(others, reverse=True)[len(used) * OTHERS_KEPT :]:
        with contextlib.suppress(OSError):
            os.remove(os.path.join(cache_dir, f"{key}.png"))
        present.discard(key)
    kept = {key: record[key] for key in sorted(present) if key in record}
    write_atomically(record_path, json.dumps(kept).encode("utf-8"))


def ensure_card(spec: CardSpec, cache_dir: str) -> str:
    """The card's file in `cache_dir`, drawn now unless drawn before."""
    return ensure_file(card_path(spec, cache_dir), lambda: render_card(spec))


def infographic_folder(settings: dict) -> str:
    """Where the infographics' PNGs are kept between builds."""
    return os.path.join(settings["CACHE_PATH"], "fiches")


def infographic_key(drawing: Drawing) -> str:
    """A stable hash of the shapes to paint and of what paints them, for the cache's
    file name: any change of content or of layout gives a new key."""
    inputs = {
        "shapes": infographic.shapes_to_json(drawing),
        "renderer": infographic.RENDERER_VERSION,
        "font": [FONT_DISTRIBUTION, metadata.version(FONT_DISTRIBUTION)],
        "pillow": PIL.__version__,
    }
    return input_hash(inputs)


def infographic_path(drawing: Drawing, cache_dir: str) -> str:
    """Where the PNG is kept in the cache: named by the hash of what it shows."""
    return os.path.join(cache_dir, f"{infographic_key(drawing)}.png")


def ensure_infographic(drawing: Drawing, cache_dir: str) -> str:
    """The PNG's file in `cache_dir`, drawn now unless drawn before."""
    return ensure_file(infographic_path(drawing, cache_dir), lambda: infographic.to_png(drawing))
