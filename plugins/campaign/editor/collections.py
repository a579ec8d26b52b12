"""The editor's collections: one declaration per content type.

Adding a type (promises, say) is one more `Kind` in `KINDS` and a function listing
its fields with the helpers of widgets.py, its limits taken from content/validate.py
(content/loop.py for the daily loop's) so the editor and `make check` say the same
thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..content.files import MAX_NAME
from ..content.lookups import ALT_MAX
from ..content.loop import TASK_MAX, TITLE_MAX
from ..content.promises import NOTE_MAX
from ..content.validate import (
    ANSWER_MAX,
    ARGUMENT_MAX,
    ARGUMENTS_MAX,
    CLAIM_MAX,
    FIGURE_LABEL_MAX,
    FIGURE_VALUE_MAX,
    FIGURES_MAX,
    FIGURES_MIN,
    OBJECTION_MAX,
    PITCH_MAX,
    SHARE_MAX,
    SHEET_TITLE_MAX,
    SUMMARY_MAX,
)
from .widgets import (
    Choices,
    body,
    day,
    flag,
    group,
    items,
    language,
    moment,
    photo,
    select,
    status,
    string,
    text,
    url,
    words,
)

# The file name: the title, slugified as `make new` does, its first TITLE_CHARACTERS
# characters only; a longer name (a title of a whole sentence) is one `make check`
# refuses (files.MAX_NAME), with room for Decap's « -1 » when the name is taken.
TITLE_CHARACTERS = MAX_NAME - 8
TITLE_SLUG = f"{{{{slug | truncate({TITLE_CHARACTERS}, '-')}}}}"


@dataclass(frozen=True)
class Kind:
    """A content type as the editor shows it."""

    name: str  # the collection's name, also its preview template's
    label: str
    singular: str
    paths_key: str  # the setting naming its folder under the content folder
    url_key: str  # the setting of its pages' address, for the editor's link to the page
    fields: Callable[[Choices], list[dict]]
    description: str
    slug: str = TITLE_SLUG
    identifier: str = "title"
    summary: str = "{{title}}"
    # The editor's filters of the list: by `status`, or by `draft` for promises.
    filters: tuple[tuple[str, str, object], ...] = (
        ("Brouillons", "status", "draft"),
        ("Publiés", "status", "published"),
    )


def _published(required_hint: str) -> dict:
    return moment(
        "date", "Date de publication", required_hint + " Une date future met le texte sous embargo.",
        required=True,
    )  # fmt: skip


def _modified() -> dict:
    return moment("modified", "Mise à jour", "La date de la dernière modification importante.")


def _share_text(example: str = "Logement, Paris13") -> list[dict]:
    """The share text written by hand, and the hashtags."""
    return [
        text(
            "share", "Texte de partage",
            "Remplace le texte prêt à partager. Le lien ajouté compte pour 23 caractères sur X.",
            limit=SHARE_MAX,
        ),
        words("hashtags", "Mots-dièse", f"Sans #, séparés par des virgules : {example}"),
    ]  # fmt: skip


def _pin() -> dict:
    return flag("pin", "À partager en priorité", "En tête du kit de partage des bénévoles.")


def _sharing(choices: Choices) -> list[dict]:
    """What claims, posts and sheets share: share text, hashtags, pin, status."""
    return [*_share_text(), _pin(), status()]


def _places(choices: Choices) -> list[dict]:
    return [
        select(
            "districts", "Arrondissements", choices.districts,
            "Laissez vide si tout Paris est concerné.", multiple=True,
        ),
    ]  # fmt: skip


def claimant_field(
    choices: Choices, name: str = "claimant", label: str = "Auteur de l'affirmation"
) -> dict:
    """Who said it: one of the people of data/claimants.yaml when the campaign keeps
    it (`make check` refuses any other name), else a name typed in full."""
    if choices.claimants:
        hint = "La personne citée ; une personne absente de la liste s'ajoute dans data/claimants.yaml."
        return select(name, label, choices.claimants, hint, required=True)
    return string(name, label, "Prénom Nom de la personne citée.", required=True)


def _sources(hint: str) -> dict:
    source = [
        string("title", "Titre du document", required=True),
        url("url", "Adresse (https://...)", required=True),
        string("publisher", "Éditeur", "Qui publie le document : INSEE, APUR, la mairie..."),
        day("date", "Date du document"),
        url("archive", "Copie archivée", "Par exemple sur web.archive.org."),
    ]
    return items(
        "sources", "Sources", source, hint, required=True, minimum=1, summary="{{fields.title}}"
    )


def claim_fields(choices: Choices) -> list[dict]:
    correction = [
        day("date", "Date de la correction", required=True),
        text("note", "Ce qui a été corrigé", required=True),
    ]
    return [
        string(
            "title", "Titre de la page",
            "Souvent une question. Il donne aussi le nom du fichier et l'adresse de la page, "
            "qui ne changent plus ensuite.", required=True,
        ),
        text(
            "claim", "L'affirmation vérifiée",
            f"Les mots exacts, tels qu'ils ont été dits ou écrits ({CLAIM_MAX} caractères au plus).",
            required=True, limit=CLAIM_MAX,
        ),
        language("claim_lang", "Langue de l'affirmation", "Seulement si les mots cités ne sont pas en français : en (anglais), es (espagnol), ar (arabe)..."),
        claimant_field(choices),
        url("claimant_url", "Fiche de la personne", "Par exemple sa page Wikidata."),
        day("claim_date", "Date de l'affirmation", "Quand elle a été dite ou écrite."),
        url("appearance", "Où elle a été faite", "L'adresse de la vidéo, de l'article, du message."),
        select("verdict", "Verdict", choices.verdicts, "Voir l'échelle sur la page « Méthode ».", required=True),
        text(
            "summary", "Conclusion",
            f"La conclusion en une phrase ({SUMMARY_MAX} caractères au plus) : ce qui est vrai.",
            required=True, limit=SUMMARY_MAX,
        ),
        _published("Quand la vérification paraît."),
        _modified(),
        select("topics", "Sujets", choices.topics, "Au moins un.", required=True, multiple=True),
        *_places(choices),
        group(
            "figure", "Chiffre clé",
            [string("value", "Valeur", "Par exemple 25,6 %"), string("label", "Ce qu'il mesure")],
            "Affiché sous la conclusion : remplissez les deux champs, ou aucun.",
        ),
        _sources("Au moins une, avec son adresse."),
        items(
            "corrections", "Corrections", correction,
            "Datées, si la vérification change après publication.", summary="{{fields.date}}",
        ),
        *_sharing(choices),
        body("L'analyse", "Ce que disent les sources, et pourquoi ce verdict. Intertitres : « ## »."),
    ]  # fmt: skip


def post_fields(choices: Choices) -> list[dict]:
    return [
        string(
            "title", "Titre",
            "Il donne aussi le nom du fichier et l'adresse de la page.", required=True,
        ),
        _published("Quand l'actualité paraît."),
        _modified(),
        text(
            "summary", "Résumé", f"L'essentiel en une phrase ({SUMMARY_MAX} caractères au plus).",
            required=True, limit=SUMMARY_MAX,
        ),
        select("topics", "Sujets", choices.topics, "Les sujets dont parle l'actualité.", multiple=True),
        *_places(choices),
        photo("Facultatif : en tête de la page et sur son image de partage.", ALT_MAX),
        *_sharing(choices),
        body("Le texte", "En Markdown : intertitres « ## », listes « - »."),
    ]  # fmt: skip


def action_fields(choices: Choices) -> list[dict]:
    """A call to action: the day's task, for all Paris or some districts, maybe
    pointing at an item to share (content/loop.py, parse_action)."""
    today = {**day("date", "Jour de l'action", "Le jour où elle s'affiche en tête des kits de partage.", required=True), "default": "{{now}}"}  # fmt: skip
    return [
        string(
            "title", "Titre", f"L'action en quelques mots ({TITLE_MAX} caractères au plus).",
            required=True, limit=TITLE_MAX,
        ),
        today,
        day("until", "Dernier jour", "Facultatif : si l'action dure plusieurs jours, le dernier, inclus."),
        text(
            "task", "La tâche",
            f"Une ou deux phrases : quoi, où, avant quand ({TASK_MAX} caractères au plus).",
            required=True, limit=TASK_MAX,
        ),
        select(
            "item", "À partager", choices.shareable,
            "Facultatif : la vérification, l'actualité ou la fiche que les bénévoles partagent.",
        ),
        *_places(choices),
        status(),
    ]  # fmt: skip


def event_fields(choices: Choices) -> list[dict]:
    """An event: when, where, what (content/loop.py, parse_event). Its start and end
    are left blank: a time filled in for the writer would pass as real."""
    place = [
        string("name", "Nom du lieu", required=True),
        string("address", "Adresse", "Numéro, rue, code postal : 19 rue de Flandre, 75019 Paris", required=True),
    ]  # fmt: skip
    start = {**moment("start", "Début", "Jour et heure, à Paris.", required=True), "default": ""}
    end = {**moment("end", "Fin", "Après le début.", required=True), "default": ""}
    return [
        string(
            "title", "Titre", f"Le rendez-vous en quelques mots ({TITLE_MAX} caractères au plus).",
            required=True, limit=TITLE_MAX,
        ),
        start,
        end,
        group("place", "Lieu", place, "Où il a lieu.", required=True),
        text(
            "summary", "Résumé", f"Ce qu'on y fait, en une phrase ({SUMMARY_MAX} caractères au plus).",
            required=True, limit=SUMMARY_MAX,
        ),
        *_places(choices),
        select("topics", "Sujets", choices.topics, "Facultatif : les sujets dont on y parle.", multiple=True),
        url("registration", "Inscription", "Facultatif : l'adresse où s'inscrire, si l'inscription est demandée."),
        photo("Facultatif : en tête de la page du rendez-vous.", ALT_MAX),
        _published("Quand l'annonce paraît sur le site."),
        _modified(),
        *_share_text("Paris19, Rencontre"),
        status(),
        body("Le détail", "Facultatif, en Markdown : le programme, comment venir."),
    ]  # fmt: skip


def promise_fields(choices: Choices) -> list[dict]:
    """A promise followed over time (content/promises.py): its status is the last of
    its dated steps, so the form asks for the steps only. Drafts are `draft: true`
    (a promise's `status` is where it stands), on for a new entry."""
    step = [
        day("date", "Date de l'étape", required=True),
        select("status", "Où elle en est", choices.promise_statuses, required=True),
        text("note", "Ce qui a changé", f"Une phrase ({NOTE_MAX} caractères au plus).", required=True, limit=NOTE_MAX),
    ]  # fmt: skip
    return [
        text(
            "promise", "La promesse",
            f"Les mots exacts, tels qu'ils ont été dits ou écrits ({CLAIM_MAX} caractères au plus).",
            required=True, limit=CLAIM_MAX,
        ),
        string(
            "title", "Titre de la page",
            "Court : « Planter 170 000 arbres ». Il donne aussi le nom du fichier.", required=True,
        ),
        claimant_field(choices, "promiser", "Qui l'a faite"),
        day("promise_date", "Date de la promesse", "Quand elle a été faite.", required=True),
        url("appearance", "Où elle a été faite", "L'adresse du programme, de la vidéo, de l'article."),
        items(
            "history", "Étapes", step,
            "De la plus ancienne à la plus récente ; la dernière dit où en est la promesse.",
            required=True, minimum=1, summary="{{fields.date}} · {{fields.status}}",
        ),
        _published("Quand le suivi paraît sur le site."),
        _modified(),
        select("topics", "Sujets", choices.topics, "Au moins un.", required=True, multiple=True),
        *_places(choices),
        _sources("Au moins une, avec son adresse : ce qui établit chaque étape."),
        *_share_text(),
        _pin(),
        {
            **flag(
                "draft", "Brouillon",
                "Un brouillon se voit dans l'aperçu, jamais sur le site public. "
                "Décochez quand la relecture est faite.",
            ),
            "default": True,
        },
        body("Notre suivi", "Ce qui a été fait, ce qui manque, d'après quelles sources."),
    ]  # fmt: skip


def sheet_fields(choices: Choices) -> list[dict]:
    figure = [
        string(
            "value",
            "Valeur",
            f"{FIGURE_VALUE_MAX} caractères au plus.",
            required=True,
            limit=FIGURE_VALUE_MAX,
        ),
        string("label", "Ce qu'il mesure, avec l'année", required=True, limit=FIGURE_LABEL_MAX),
        url(
            "source",
            "Adresse de la source",
            "Où le lecteur peut vérifier ce chiffre.",
            required=True,
        ),
        string("publisher", "Éditeur de la source"),
    ]
    objection = [
        text("objection", "Ce qu'on vous dit", required=True, limit=OBJECTION_MAX),
        text("answer", "Ce que vous répondez", required=True, limit=ANSWER_MAX),
        select(
            "claim",
            "Vérification qui appuie la réponse",
            choices.claims,
            "Une vérification publiée sur le site.",
        ),
    ]
    argument = text("argument", "Argument", required=True, limit=ARGUMENT_MAX)
    return [
        select(
            "topic", "Sujet", choices.topics,
            "Une fiche par sujet : il donne le nom du fichier.", required=True,
        ),
        string("title", "Titre", f"{SHEET_TITLE_MAX} caractères au plus.", required=True, limit=SHEET_TITLE_MAX),
        text("pitch", "Accroche", "Le message à retenir, en une phrase.", required=True, limit=PITCH_MAX),
        _published("Quand la fiche paraît."),
        _modified(),
        items(
            "key_figures", "Chiffres clés", figure,
            f"De {FIGURES_MIN} à {FIGURES_MAX} : l'infographie les montre tous.", required=True,
            minimum=FIGURES_MIN, maximum=FIGURES_MAX, summary="{{fields.value}} {{fields.label}}",
        ),
        items(
            "arguments", "Arguments", [argument],
            f"De 1 à {ARGUMENTS_MAX}, courts ({ARGUMENT_MAX} caractères au plus chacun).",
            required=True, minimum=1, maximum=ARGUMENTS_MAX,
        ),
        items(
            "objections", "Objections", objection,
            "Ce qu'on entend au porte-à-porte, et quoi répondre.", summary="{{fields.objection}}",
        ),
        *_sharing(choices),
        body("Nos propositions", "En Markdown : une liste à puces, des intertitres « ## »."),
    ]  # fmt: skip


KINDS = (
    Kind(
        "claims", "Vérifications", "Vérification", "CLAIM_PATHS", "CLAIM_URL", claim_fields,
        "Le vrai du faux : une affirmation, son verdict et ses sources.",
        summary="{{verdict}} · {{claim}}",
    ),
    Kind(
        "posts", "Actualités", "Actualité", "POST_PATHS", "POST_URL", post_fields,
        "Les nouvelles de la campagne.",
    ),
    Kind(
        "sheets", "Fiches argumentaires", "Fiche", "SHEET_PATHS", "SHEET_URL", sheet_fields,
        "Une fiche par sujet, pour le porte-à-porte et le partage.",
        slug="{{fields.topic}}", summary="{{topic}} — {{title}}",
    ),
    Kind(
        "actions", "Actions du jour", "Action du jour", "ACTION_PATHS", "ACTION_URL", action_fields,
        "La tâche du jour des bénévoles, en tête des kits de partage le jour dit.",
        summary="{{date}} · {{title}}",
    ),
    Kind(
        "events", "Rendez-vous", "Rendez-vous", "EVENT_PATHS", "EVENT_URL", event_fields,
        "Réunions, porte-à-porte, marchés : l'agenda du site et ses calendriers.",
        summary="{{start}} · {{title}}",
    ),
    Kind(
        "promises", "Promesses", "Promesse", "PROMISE_PATHS", "PROMISE_URL", promise_fields,
        "Les promesses suivies dans le temps : leurs étapes datées et leurs sources.",
        filters=(("Brouillons", "draft", True),),
    ),
)  # fmt: skip
