"""`make new KIND=claim TITLE="..."`: scaffold a valid draft, dated today (claim,
post, sheet, action, event).

The file starts as `status: draft`, so it never goes public before someone has
replaced the placeholders and removed that line.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from zoneinfo import ZoneInfo

from pelican.settings import read_settings
from slugify import slugify

from ..content.catalogue import load_catalogue
from ..content.files import MAX_NAME
from ..content.lookups import PLACEHOLDER_URL
from ..settings import apply_defaults

CLAIM = """\
---
# Les mots exacts de l'affirmation vérifiée (280 caractères au plus).
claim: "À compléter : les mots exacts prononcés ou écrits."
# S'ils ne sont pas en français, leur langue : en (anglais), es (espagnol)...
# claim_lang: en
# Le titre de la page, souvent une question.
title: {title}
# Qui l'a dit, et le lien vers sa fiche de référence (facultatif).
claimant: "À compléter"
# claimant_url: https://www.wikidata.org/wiki/Q...
# Quand et où l'affirmation a été faite.
# claim_date: AAAA-MM-JJ
# appearance: https://...
# Verdict : {verdicts}
verdict: inverifiable
# La conclusion en une phrase (200 caractères au plus).
summary: "À compléter : la conclusion de la vérification en une phrase."
# Date de publication ; une date future met la vérification sous embargo.
date: {moment}
# Sujets, un ou plusieurs parmi : {topics}
topics: ["À compléter : {topic}"]
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
    # date: AAAA-MM-JJ
    # archive: https://web.archive.org/web/...
# Le droit de réponse : quand la personne a été contactée, et sa réponse
# (sans « reply » s'il n'y en a pas eu : la page dira « pas de réponse »).
# response:
#   contacted: {day}
#   reply: "Ce qu'elle a répondu."
# Les corrections, datées, si la vérification change après publication.
# corrections:
#   - date: {day}
#     note: "Ce qui a été corrigé."
# Retirez cette ligne pour publier ; « status: en-cours » montre l'affirmation
# « en cours de vérification » (claim, claimant, date et topics suffisent alors).
status: draft
---

À compléter : l'analyse, en Markdown : ce que disent les sources, et pourquoi ce
verdict. Les intertitres s'écrivent « ## ».
"""

POST = """\
---
title: {title}
# Date de publication ; une date future met l'actualité sous embargo.
date: {moment}
# Le résumé en une phrase (200 caractères au plus).
summary: "À compléter : l'essentiel en une phrase."
# Sujets, un ou plusieurs parmi : {topics}
topics: ["À compléter : {topic}"]
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
hashtags: []
# share: "Texte prêt à partager."
# pin: true
# Retirez cette ligne pour publier.
status: draft
---

À compléter : le texte de l'actualité, en Markdown.
"""

SHEET = """\
---
# Le sujet de la fiche : {topics}. Le fichier porte son nom.
topic: {topic}
title: {title}
# L'accroche, en une phrase (160 caractères au plus).
pitch: "À compléter : le message à retenir, en une phrase."
# Date de publication ; une date future met la fiche sous embargo.
date: {moment}
# De 3 à 6 chiffres clés, chacun avec l'adresse de sa source.
key_figures:
  - value: "À compléter"
    label: "À compléter : ce que mesure ce chiffre, avec l'année"
    source: {placeholder_url}
    publisher: "À compléter : éditeur"
  - value: "À compléter"
    label: "À compléter"
    source: {placeholder_url}
  - value: "À compléter"
    label: "À compléter"
    source: {placeholder_url}
# De 1 à 6 arguments courts (160 caractères au plus chacun).
arguments:
  - "À compléter : un argument court et vérifiable."
# Ce qu'on entend au porte-à-porte, et quoi répondre ; « claim » (facultatif) est
# le nom du fichier d'une vérification qui appuie la réponse, sans « .md ».
objections:
  - objection: "À compléter : « ce qu'on vous dit »"
    answer: "À compléter : ce que vous répondez."
    # claim: logements-sociaux-13e
hashtags: []
# share: "Texte prêt à partager."
# pin: true
# Retirez cette ligne pour publier.
status: draft
---

À compléter : nos propositions, en Markdown : une liste à puces, des intertitres
« ## » si besoin.
"""

ACTION = """\
---
# L'action du jour, en quelques mots (90 caractères au plus).
title: {title}
# Le jour de l'action ; « until » (facultatif) est son dernier jour, inclus.
date: {day}
# until: {day}
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
# Ce qu'il faut partager (facultatif) : le nom du fichier d'une vérification,
# d'une actualité ou d'une fiche, sans « .md ».
# item: logements-sociaux-13e
# La tâche en une ou deux phrases : quoi, où, quand (300 caractères au plus).
task: "À compléter : ce que les bénévoles font aujourd'hui, où et avant quelle heure."
# Retirez cette ligne pour publier.
status: draft
---
"""

EVENT = """\
---
title: {title}
# Date d'annonce : le rendez-vous est publié à ce moment-là.
date: {moment}
# Début et fin, heure de Paris (AAAA-MM-JJ HH:MM).
start: {day} 18:00
end: {day} 20:00
# Le lieu et son adresse complète.
place:
  name: "À compléter : le lieu"
  address: "À compléter : numéro, rue, code postal, ville"
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
# Le rendez-vous en une phrase (200 caractères au plus).
summary: "À compléter : ce qui s'y passe, en une phrase."
# registration: https://... (page d'inscription, facultatif)
# Une photo (facultatif) de content/images/, avec sa description :
# image: {{file: images/photo.jpg, alt: "Ce que montre la photo"}}
# Sujets (facultatif) : {topics}
topics: []
# Retirez cette ligne pour publier.
status: draft
---

À compléter : le programme du rendez-vous, en Markdown (accès, accessibilité, ce qu'il faut apporter).
"""

PROMISE = """\
---
# Les mots exacts de la promesse (280 caractères au plus).
promise: "À compléter : les mots exacts de la promesse."
# Le titre de la page (facultatif ; par défaut, la promesse elle-même).
title: {title}
# Qui l'a faite : le nom tel qu'il figure dans data/claimants.yaml.
promiser: "À compléter"
# Quand et où la promesse a été faite.
promise_date: {day}
# appearance: https://...
# Où elle en est : {statuses} (facultatif : c'est la dernière étape).
status: au-point-mort
# Les étapes datées, de la plus ancienne à la plus récente ; la dernière donne
# le statut ci-dessus.
history:
  - date: {day}
    status: au-point-mort
    note: "À compléter : ce qui a changé ce jour-là, en une phrase."
# Date de publication ; une date future met la promesse sous embargo.
date: {moment}
# Sujets : {topics}
topics: ["À compléter : {topic}"]
# Arrondissements concernés (numéros ou identifiants) ; vide = tout Paris.
districts: []
# Les sources : au moins une, adresse en https://.
sources:
  - title: "À compléter : titre du document"
    url: {placeholder_url}
    publisher: "À compléter : éditeur"
    date: {day}
# Retirez cette ligne pour publier.
draft: true
---

Notre suivi, en Markdown : ce qui a été fait, ce qui manque, d'après quelles sources.
"""

TEMPLATES = {
    "claim": ("CLAIM_PATHS", CLAIM),
    "post": ("POST_PATHS", POST),
    "sheet": ("SHEET_PATHS", SHEET),
    "action": ("ACTION_PATHS", ACTION),
    "event": ("EVENT_PATHS", EVENT),
    "promise": ("PROMISE_PATHS", PROMISE),
}


class ScaffoldError(ValueError):
    """The request cannot be met; the message says what to type instead."""


def sheet_topic(catalogue, title: str, wanted: str) -> str:
    """The topic of a new sheet: TOPIC=, else the topic the title names."""
    slugs = {t.slug: t.slug for t in catalogue.topics}
    slugs.update({slugify(t.name): t.slug for t in catalogue.topics})
    if wanted:
        if slugify(wanted) in slugs:
            return slugs[slugify(wanted)]
    else:
        words = slugify(title).split("-")
        named = [slug for key, slug in slugs.items() if set(key.split("-")) <= set(words)]
        if named:
            return named[0]
    choices = ", ".join(t.slug for t in catalogue.topics)
    raise ScaffoldError(
        f"une fiche par sujet : indiquez lequel avec TOPIC=, par exemple "
        f'make new KIND=sheet TOPIC=logement TITLE="Se loger à Paris" ; sujets : {choices}'
    )


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding `text` as typed: quotes, backslashes,
    control characters and all (JSON's string syntax is YAML's)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def scaffold(
    kind: str, title: str, settings: dict, today: datetime.datetime, topic: str = ""
) -> tuple[str, str]:
    """The path and text of a new file; pure, so it can be tested with any date.

    A sheet's file is named after its topic (TOPIC=, or the topic its title names).
    """
    paths_key, template = TEMPLATES[kind]
    catalogue, _ = load_catalogue(
        settings["PATH"], settings["VERDICTS"], settings.get("PROMISE_STATUSES")
    )
    # A whole sentence as title: its first words, as many as `make check` takes in a name.
    slug = slugify(title, max_length=MAX_NAME, word_boundary=True, save_order=True)
    if kind == "sheet":
        slug = topic = sheet_topic(catalogue, title, topic)
    else:
        topic = " ou ".join(t.slug for t in catalogue.topics[:2]) or "sujet"
    text = template.format(
        title=quoted(title),
        day=today.date().isoformat(),
        moment=today.strftime("%Y-%m-%d %H:%M"),
        verdicts=", ".join(v.slug for v in catalogue.verdicts),
        statuses=", ".join(s.slug for s in catalogue.promise_statuses),
        topics=", ".join(t.slug for t in catalogue.topics),
        topic=topic,
        placeholder_url=PLACEHOLDER_URL,
    )
    return os.path.join(settings["PATH"], settings[paths_key][0], f"{slug}.md"), text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new", description=__doc__.splitlines()[0])
    parser.add_argument("kind", help="claim, post, sheet, promise, action ou event")
    parser.add_argument("title")
    parser.add_argument("--topic", default="", help="le sujet d'une fiche (KIND=sheet)")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="dossier de contenu (par défaut : PATH des réglages)")
    args = parser.parse_args(argv)
    if args.kind not in TEMPLATES:
        print(
            f"KIND={args.kind} inconnu ; écrivez KIND={', KIND='.join(TEMPLATES)}",
            file=sys.stderr,
        )
        return 2
    if not slugify(args.title):
        print(
            'TITLE manquant ; écrivez par exemple TITLE="Le 13e a-t-il perdu ses HLM ?"',
            file=sys.stderr,
        )
        return 2
    settings = read_settings(args.settings, override={"PATH": args.content} if args.content else {})
    apply_defaults(settings)
    today = datetime.datetime.now(ZoneInfo(settings.get("TIMEZONE", "UTC"))).replace(
        second=0, microsecond=0
    )
    try:
        path, text = scaffold(args.kind, args.title, settings, today, args.topic)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 2
    shown = os.path.relpath(path)
    if os.path.exists(path):
        what = "ce sujet a déjà sa fiche" if args.kind == "sheet" else "choisissez un autre titre"
        print(f"{shown} existe déjà ; {what} ou modifiez ce fichier", file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    print(shown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
