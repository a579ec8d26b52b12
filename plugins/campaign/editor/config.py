"""The editor's `config.yml`, made from the settings and the content at build time.

Nothing in it is typed by hand: the verdicts come from `VERDICTS`, topics and
districts from the data files, the claims an objection may cite from the claims'
files, the limits from content/validate.py. A new topic or verdict is in the
editor at the next build; the editor cannot drift from what `make check` accepts.
"""

from __future__ import annotations

import os

import yaml
from slugify import slugify

from ..content import frontmatter
from ..content.model import Catalogue
from .collections import KINDS, Kind
from .widgets import Choice, Choices

MARKDOWN_SUFFIX = ".md"
# Decap's slug options closest to python-slugify's (make new): accents dropped,
# ASCII only, every other character a hyphen.
SLUG = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


class EditorSettingError(ValueError):
    """CAMPAIGN_EDITOR is not usable: the message names the key and the fix."""


def catalogue_choices(
    catalogue: Catalogue, claims: tuple[Choice, ...], shareable: tuple[Choice, ...] = ()
) -> Choices:
    return Choices(
        verdicts=tuple(Choice(v.slug, v.label) for v in catalogue.verdicts),
        topics=tuple(Choice(t.slug, t.name) for t in catalogue.topics),
        districts=tuple(Choice(d.slug, d.name) for d in catalogue.districts),
        claims=claims,
        claimants=tuple(Choice(c.name, c.name) for c in catalogue.claimants or ()),
        shareable=shareable,
        promise_statuses=tuple(Choice(s.slug, s.label) for s in catalogue.promise_statuses),
    )


# What a call to action may point at (`item`), by the setting naming its folder.
SHAREABLE = (("CLAIM_PATHS", "Vérification"), ("POST_PATHS", "Actualité"), ("SHEET_PATHS", "Fiche"))


def shareable_choices(
    content: str, settings: dict, claims: tuple[Choice, ...] | None = None
) -> tuple[Choice, ...]:
    """Every claim, post and sheet of the content folder, by slug, its kind said;
    `claims`, the claims' choices when already read (each file is read once)."""
    found = []
    for key, word in SHAREABLE:
        folder = os.path.join(content, settings[key][0])
        entries = claims if key == "CLAIM_PATHS" and claims is not None else claim_choices(folder)
        found += [Choice(choice.value, f"{word} : {choice.label}") for choice in entries]
    return tuple(found)


def claim_choices(folder: str) -> tuple[Choice, ...]:
    """Every entry of `folder` (claims, say), by slug, labelled with its title (or a
    claim's words)."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(MARKDOWN_SUFFIX))
    except FileNotFoundError:
        return ()
    choices = {}
    for name in names:
        path = os.path.join(folder, name)
        front, _ = frontmatter.read(path, path)
        values = front.values if isinstance(front.values, dict) else {}
        slug = slugify(str(values.get("slug") or name[: -len(MARKDOWN_SUFFIX)]))
        words = str(values.get("title") or values.get("claim") or slug)
        draft = " (brouillon)" if values.get("status") == "draft" else ""
        choices.setdefault(slug, Choice(slug, f"{words}{draft} — {slug}"))
    return tuple(choices.values())


def editor_setting(settings: dict) -> dict:
    """CAMPAIGN_EDITOR, checked: a mapping with a `backend` that names its kind."""
    setting = settings.get("CAMPAIGN_EDITOR")
    if not isinstance(setting, dict) or not isinstance(setting.get("backend"), dict):
        raise EditorSettingError(
            "CAMPAIGN_EDITOR doit être un bloc avec « backend », par exemple "
            '{"backend": {"name": "github", "repo": "equipe/site", "branch": "main"}}'
        )
    if not setting["backend"].get("name"):
        raise EditorSettingError(
            "CAMPAIGN_EDITOR › backend : il manque « name » (github, proxy...)"
        )
    return setting


def content_folder(settings: dict, setting: dict) -> str:
    """The content folder as the backend names it: from the repository's root,
    which is the content folder's parent unless CAMPAIGN_EDITOR says `root`."""
    path = os.path.abspath(settings["PATH"])
    root = os.path.abspath(setting.get("root") or os.path.dirname(path))
    return os.path.relpath(path, root).replace(os.sep, "/")


def collection(kind: Kind, folder: str, settings: dict, choices: Choices) -> dict:
    return {
        "name": kind.name,
        "label": kind.label,
        "label_singular": kind.singular,
        "description": kind.description,
        "folder": f"{folder}/{settings[kind.paths_key][0]}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": kind.slug,
        "preview_path": settings[kind.url_key].replace("{slug}", "{{slug}}"),
        "identifier_field": kind.identifier,
        "summary": kind.summary,
        "sortable_fields": ["date", kind.identifier],
        "view_filters": [
            {"label": label, "field": name, "pattern": pattern}
            for label, name, pattern in kind.filters
        ],
        "fields": kind.fields(choices),
    }


def editor_config(settings: dict, choices: Choices, kinds: tuple[Kind, ...] = KINDS) -> dict:
    """The whole of Decap's configuration; pure, so tests read it as data."""
    setting = editor_setting(settings)
    folder = content_folder(settings, setting)
    config = {"backend": setting["backend"]}
    if setting.get("publish_mode"):
        config["publish_mode"] = setting["publish_mode"]
    config["locale"] = "fr"
    site = setting.get("site_url") or settings.get("SITEURL")
    if site:  # the editor links each saved entry to its page there
        config["site_url"] = config["display_url"] = site
    static = settings.get("STATIC_PATHS") or ["images"]
    config["media_folder"] = f"{folder}/{static[0]}"
    config["public_folder"] = f"/{static[0]}"
    config["slug"] = SLUG
    config["collections"] = [collection(k, folder, settings, choices) for k in kinds]
    return config


def config_yaml(config: dict) -> bytes:
    """The configuration as YAML, keys in the order written: same input, same bytes."""
    header = "# Fait par la construction du site (plugins/campaign/editor) : ne pas modifier.\n"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    return (header + text).encode("utf-8")
