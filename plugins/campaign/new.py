"""`make new KIND=claim TITLE="..."`: scaffold a valid draft, dated today.

The file starts as `status: draft`, so it never goes public before someone has
replaced the placeholders and removed that line.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from zoneinfo import ZoneInfo

from pelican.settings import read_settings
from slugify import slugify

from .catalogue import load_catalogue
from .settings import apply_defaults
from .validate import PLACEHOLDER_URL

CLAIM = """\
---
# Les mots exacts de l'affirmation vérifiée (280 caractères au plus).
claim: "À compléter : les mots exacts prononcés ou écrits."
# Le titre de la page, souvent une question.
title: {title}
# Qui l'a dit, et le lien vers sa fiche de référence (facultatif).
claimant: "À compléter"
# claimant_url: https://www.wikidata.org/wiki/Q...
# Quand et où l'affirmation a été faite.
claim_date: {day}
# appearance: https://...
# Verdict : {verdicts}
verdict: inverifiable
# La conclusion en une phrase (200 caractères au plus).
summary: "À compléter : la conclusion de la vérification en une phrase."
# Date de publication ; une date future met la vérification sous embargo.
date: {moment}
# Sujets : {topics}
topics: [{topic}]
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
# Chiffre clé (facultatif).
# figure: {{value: "25,6 %", label: "de logements sociaux à Paris (2024)"}}
# Mots-dièse (sans #), texte de partage et mise en avant (facultatifs).
hashtags: []
# share: "Texte prêt à partager."
# pin: true
# Les sources : au moins une, adresse en https://.
sources:
  - title: "À compléter : titre du document"
    url: {placeholder_url}
    publisher: "À compléter : éditeur"
    date: {day}
    # archive: https://web.archive.org/web/...
# Les corrections, datées, si la vérification change après publication.
# corrections:
#   - date: {day}
#     note: "Ce qui a été corrigé."
# Retirez cette ligne pour publier.
status: draft
---

L'analyse, en Markdown : ce que disent les sources, et pourquoi ce verdict.
Les intertitres s'écrivent « ## ».
"""

POST = """\
---
title: {title}
# Date de publication ; une date future met l'actualité sous embargo.
date: {moment}
# Le résumé en une phrase (200 caractères au plus).
summary: "À compléter : l'essentiel en une phrase."
# Sujets : {topics}
topics: [{topic}]
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
hashtags: []
# share: "Texte prêt à partager."
# pin: true
# Retirez cette ligne pour publier.
status: draft
---

Le texte de l'actualité, en Markdown.
"""

TEMPLATES = {"claim": ("CLAIM_PATHS", CLAIM), "post": ("POST_PATHS", POST)}


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold(kind: str, title: str, settings: dict, today: datetime.datetime) -> tuple[str, str]:
    """The path and text of a new file; pure, so it can be tested with any date."""
    paths_key, template = TEMPLATES[kind]
    catalogue, _ = load_catalogue(settings["PATH"], settings["VERDICTS"])
    slug = slugify(title)
    text = template.format(
        title=quoted(title),
        day=today.date().isoformat(),
        moment=today.strftime("%Y-%m-%d %H:%M"),
        verdicts=", ".join(v.slug for v in catalogue.verdicts),
        topics=", ".join(t.slug for t in catalogue.topics),
        topic=catalogue.topics[0].slug if catalogue.topics else "",
        placeholder_url=PLACEHOLDER_URL,
    )
    return os.path.join(settings["PATH"], settings[paths_key][0], f"{slug}.md"), text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new", description=__doc__.splitlines()[0])
    parser.add_argument("kind", help="claim ou post")
    parser.add_argument("title")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    if args.kind not in TEMPLATES:
        print(f"KIND={args.kind} inconnu ; écrivez KIND=claim ou KIND=post", file=sys.stderr)
        return 2
    if not slugify(args.title):
        print(
            'TITLE manquant ; écrivez par exemple TITLE="Le 13e a-t-il perdu ses HLM ?"',
            file=sys.stderr,
        )
        return 2
    settings = read_settings(args.settings)
    apply_defaults(settings)
    today = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE", "UTC"))).replace(
        second=0, microsecond=0
    )
    path, text = scaffold(args.kind, args.title, settings, today)
    shown = os.path.relpath(path)
    if os.path.exists(path):
        print(
            f"{shown} existe déjà ; choisissez un autre titre ou modifiez ce fichier",
            file=sys.stderr,
        )
        return 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    print(shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
