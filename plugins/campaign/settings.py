"""The plugin's settings, with their defaults in one place, checked once at start-up."""

from __future__ import annotations

import datetime
import re

from .sharing.contact import contact_problems  # the links' rules live with them

# Colours are dark enough for white text (WCAG AA); a lighter one a campaign picks
# gets dark ink instead (filter badge_ink). The word and the gauge carry the
# verdict too, never the colour alone.
VERDICTS = [
    {
        "slug": "vrai",
        "label": "Vrai",
        "rating": 5,
        "colour": "#1a6b2f",
        "description": "L'affirmation est exacte et ne manque d'aucun contexte important.",
    },
    {
        "slug": "plutot-vrai",
        "label": "Plutôt vrai",
        "rating": 4,
        "colour": "#4a6b12",
        "description": "L'affirmation est exacte pour l'essentiel, mais demande une précision.",
    },
    {
        "slug": "trompeur",
        "label": "Trompeur",
        "rating": 3,
        "colour": "#8a5a00",
        "description": "Les faits cités sont exacts mais présentés de façon à induire en erreur.",
    },
    {
        "slug": "plutot-faux",
        "label": "Plutôt faux",
        "rating": 2,
        "colour": "#a8431a",
        "description": "L'affirmation contient une part de vrai mais se trompe sur l'essentiel.",
    },
    {
        "slug": "faux",
        "label": "Faux",
        "rating": 1,
        "colour": "#b0182a",
        "description": "L'affirmation est contredite par les sources disponibles.",
    },
    {
        "slug": "inverifiable",
        "label": "Invérifiable",
        "rating": None,
        "colour": "#4d5560",
        "description": "Aucune source fiable ne permet aujourd'hui de trancher.",
    },
]

# The promise tracker's scale (content/promises/): each status says itself in words,
# a colour and a shape (an icon drawn by the theme: one of SHAPES), never by colour alone.
PROMISE_STATUSES = [
    {
        "slug": "tenue",
        "label": "Tenue",
        "colour": "#1a6b2f",
        "shape": "check",
        "description": "La promesse a été réalisée, pour l'essentiel comme annoncé.",
    },
    {
        "slug": "en-cours",
        "label": "En cours",
        "colour": "#0b4f8a",
        "shape": "progress",
        "description": "Des actes concrets la font avancer ; elle n'est pas encore réalisée.",
    },
    {
        "slug": "compromis",
        "label": "Compromis",
        "colour": "#8a5a00",
        "shape": "half",
        "description": "Réalisée en partie, ou sous une forme moins ambitieuse que promis.",
    },
    {
        "slug": "rompue",
        "label": "Rompue",
        "colour": "#b0182a",
        "shape": "cross",
        "description": "Abandonnée, ou ce qui a été fait va à l'inverse de la promesse.",
    },
    {
        "slug": "au-point-mort",
        "label": "Au point mort",
        "colour": "#4d5560",
        "shape": "pause",
        "description": "Aucune avancée vérifiable depuis qu'elle a été faite.",
    },
]
SHAPES = ("check", "progress", "half", "cross", "pause")

DEFAULTS = {
    "VERDICTS": VERDICTS,
    "CLAIM_PATHS": ["claims"],
    "CLAIM_URL": "vrai-du-faux/{slug}/",
    "CLAIM_SAVE_AS": "vrai-du-faux/{slug}/index.html",
    "POST_PATHS": ["posts"],
    "POST_URL": "actualites/{slug}/",
    "POST_SAVE_AS": "actualites/{slug}/index.html",
    # Listings: (url, save_as) patterns.
    "CLAIMS_INDEX_URL": "vrai-du-faux/",
    "VERDICT_URL": "vrai-du-faux/verdict/{slug}/",
    "TOPICS_INDEX_URL": "sujets/",
    "TOPIC_URL": "sujets/{slug}/",
    "CLAIMANTS_INDEX_URL": "personnalites/",
    "CLAIMANT_URL": "personnalites/{slug}/",
    "POSTS_INDEX_URL": "actualites/",
    "PROMISE_STATUSES": PROMISE_STATUSES,
    "PROMISE_PATHS": ["promises"],
    "PROMISE_URL": "promesses/{slug}/",
    "PROMISE_SAVE_AS": "promesses/{slug}/index.html",
    "PROMISES_INDEX_URL": "promesses/",
    "PROMISE_STATUS_URL": "promesses/statut/{slug}/",
    "SHEET_PATHS": ["sheets"],
    "SHEET_URL": "fiches/{slug}/",
    "SHEET_SAVE_AS": "fiches/{slug}/index.html",
    "SHEETS_INDEX_URL": "fiches/",
    "SHEET_SVG_URL": "fiches/{slug}.svg",
    "SHEET_PNG_URL": "fiches/{slug}.png",
    # Latest claims listed on a sheet page (its chart counts them all).
    "CAMPAIGN_SHEET_CLAIMS": 10,
    "DISTRICTS_INDEX_URL": "arrondissements/",
    "DISTRICT_URL": "arrondissements/{slug}/",
    "SEARCH_URL": "recherche/",
    # Build the search index (Pagefind). The preview leaves it out (pelicanconf.py):
    # search is for the public site's readers, works only over HTTP, and is a third
    # of a first build's work; `make html SEARCH=1` or `make serve SEARCH=1` builds it.
    "CAMPAIGN_SEARCH": True,
    # Pages a part of the search index holds, about: a part is indexed again only
    # when one of its pages changes; each more part costs a search two small files.
    "SEARCH_PART_PAGES": 500,
    # City-wide items shown on each district page, newest first.
    "CAMPAIGN_CITYWIDE_ITEMS": 4,
    # Show drafts and embargoed items at their own URL (never in listings) for preview.
    "CAMPAIGN_SHOW_DRAFTS": False,
    # "Now" for embargo, as ISO text; empty means the build machine's clock.
    "CAMPAIGN_NOW": "",
    # Set by `make serve` only: pages load the preview server's reload script.
    "CAMPAIGN_LIVE_RELOAD": False,
    "CAMPAIGN_HOME_CLAIMS": 6,
    "CAMPAIGN_HOME_POSTS": 3,
    "CAMPAIGN_NOTICE": "",
    # Our own electoral list, as claimants.yaml names it in `role: list`: its people
    # are marked « notre liste » wherever roles are shown.
    "CAMPAIGN_LIST": "",
    # Sharing: the address used for absolute links when SITEURL is empty (preview),
    # hashtags added to every share text, and utm_campaign of every tagged link.
    "CAMPAIGN_PREVIEW_URL": "http://127.0.0.1:8000",
    "CAMPAIGN_HASHTAGS": [],
    "CAMPAIGN_UTM": "campagne",
    "CARD_URL": "images/cartes/{slug}.png",
    # Footer line of every social card (default: SITENAME).
    "CAMPAIGN_CARD_FOOTER": "",
    # Processes drawing the cards of a large build beside the build's own (None: one
    # per core but one; 0: none, the build draws them itself).
    "CAMPAIGN_CARD_WORKERS": None,
    # Processes forked beside the build when it has hundreds of files to read
    # (generators/forked_reading.py) or pages to write (output/forked.py). None: as many
    # as cores on Linux, none on one core; 0: none, the build does it all itself.
    "CAMPAIGN_WRITING_PROCESSES": None,
    "SHARE_URL": "partager/",
    "DISTRICT_SHARE_URL": "arrondissements/{slug}/partager/",
    # A district's flyer, to print on A5 (one side).
    "DISTRICT_FLYER_URL": "arrondissements/{slug}/tract/",
    "CAMPAIGN_FEED_URL": "flux/{name}",
    "CAMPAIGN_FEED_ITEMS": 50,
    # The web editor at /admin/ (plugins/campaign/editor): None writes no /admin/.
    # `make edit` sets it for the local preview; docs/publier.md says how to put the
    # editor online: {"backend": {"name": "github", "repo": ..., "branch": ...,
    # "base_url": <login service>}, "publish_mode": "editorial_workflow"}.
    "CAMPAIGN_EDITOR": None,
    # Decap CMS's built files (empty: tools/editor/node_modules/decap-cms/dist).
    "CAMPAIGN_EDITOR_DIST": "",
    # Share kits (sharing/kit.py): city-wide items, then a district's own items, each
    # with its quota; news older than its kind's age (days) at the build's moment, and
    # anything past its `until`/`end`, leave the kits by themselves.
    "CAMPAIGN_SHARE_ITEMS": 5,
    "CAMPAIGN_SHARE_LOCAL_ITEMS": 6,
    "CAMPAIGN_SHARE_MAX_AGE": {"post": 45},
    # « S'abonner » pages (sharing/follow.py): how to follow all Paris, a district,
    # a topic. Channels the campaign runs: [{"name": ..., "url": ...}]. Extra ways to
    # follow (a calendar, a letter): [{"title", "url" (may name {scope} and {slug}),
    # "description", "scopes": ["tout", "district", "topic"]}].
    "SUBSCRIBE_URL": "abonner/",
    "DISTRICT_SUBSCRIBE_URL": "arrondissements/{slug}/abonner/",
    "TOPIC_SUBSCRIBE_URL": "sujets/{slug}/abonner/",
    "CAMPAIGN_CHANNELS": [],
    "CAMPAIGN_FOLLOW_EXTRAS": [],
    # Calls to action: no page of their own; they head the share kits, where this
    # anchor points (feeds link there when an action names no item to share).
    "ACTION_PATHS": ["actions"],
    "ACTION_URL": "partager/#action-{slug}",
    "ACTION_SAVE_AS": "",
    # Events: /agenda/ lists those to come, by district; each has its page and its
    # .ics beside it; the calendars to subscribe to are iCalendar feeds.
    "EVENT_PATHS": ["events"],
    "EVENT_URL": "agenda/{slug}/",
    "EVENT_SAVE_AS": "agenda/{slug}/index.html",
    "EVENT_ICS_URL": "agenda/{slug}.ics",
    "AGENDA_URL": "agenda/",
    "CAMPAIGN_CALENDAR_URL": "flux/{name}.ics",
    # Where the photos' variants are published (stripped of every metadata block).
    "CAMPAIGN_PHOTOS_URL": "images/photos",
    # The campaign's sign-up page (its own form or CRM): « Devenir bénévole » links
    # there; empty, it links to the contact page. This site collects no personal data.
    "CAMPAIGN_JOIN_URL": "",
    # Weekly letters: web versions and e-mail files (HTML, text) under this address,
    # for the latest weeks with news.
    "LETTERS_URL": "lettres/",
    "CAMPAIGN_LETTER_WEEKS": 8,
    # The letters' last line: the campaign's mailing tool adds its unsubscribe link.
    "CAMPAIGN_LETTER_FOOTER": (
        "Vous recevez cette lettre parce que vous vous êtes inscrit auprès de la campagne. "
        "Pour ne plus la recevoir, suivez le lien de désinscription de ce message."
    ),
    # Events to come shown on a district page and in a share kit.
    "CAMPAIGN_DISTRICT_EVENTS": 5,
    # In a share kit, made for a thumb: the next events only (the agenda has them all).
    "CAMPAIGN_SHARE_EVENTS": 2,
    # Mentions légales (LCEN art. 6): who publishes, who answers for it, who hosts;
    # each {"name", "address", "phone"} (the publisher may add "status", "email"), the
    # director a name. A production build (CAMPAIGN_PRODUCTION, set in publishconf.py)
    # is refused without them.
    "LEGAL_URL": "mentions-legales/",
    "CAMPAIGN_PUBLISHER": {},
    "CAMPAIGN_PUBLICATION_DIRECTOR": "",
    "CAMPAIGN_HOST": {},
    "CAMPAIGN_PRODUCTION": False,
    # Electoral silence (Code électoral, art. L49): the date of each round, and the
    # hour the polls close (Paris time). See content/silence.py.
    "CAMPAIGN_ELECTION_ROUNDS": [],
    "CAMPAIGN_POLLS_CLOSE": "20:00",
    # The contact page's links to send a claim (sharing/contact.py): an address, and
    # messaging apps {"whatsapp": "+33 6 …", "telegram": "nom", "signal": "https://signal.me/#eu/…"}.
    "CAMPAIGN_CONTACT_EMAIL": "",
    "CAMPAIGN_CONTACT_CHANNELS": {},
    # The verdict card other sites embed (generators/embeds.py).
    "CLAIM_EMBED_URL": "vrai-du-faux/{slug}/integrer/",
    # Write the embeddable cards, and offer their code on claim pages. The preview
    # leaves them out (pelicanconf.py): its code would point other sites at this
    # machine's address; the published site's is the one to copy.
    "CAMPAIGN_EMBEDS": True,
    # Open data: every published claim as JSON, CSV and a ClaimReview DataFeed, under
    # this licence (name and address of its text), explained at OPENDATA_URL.
    "OPENDATA_URL": "donnees/",
    "CAMPAIGN_DATA_LICENCE": {
        "name": "Licence Ouverte 2.0 (Etalab)",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
}

# Templates of the plugin's listings: always paginated, DEFAULT_PAGINATION a page.
LISTING_TEMPLATES = (
    "claims verdict topic topics claimant claimants posts districts district sheets "
    "promises promise_status"
).split()

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SettingsError(ValueError):
    """A setting is wrong: the message names the key."""


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    paginated = settings.setdefault("PAGINATED_TEMPLATES", {})
    for template in LISTING_TEMPLATES:
        paginated.setdefault(template, None)
    check(settings)


def check(settings: dict) -> None:
    """Refuse a broken verdict scale, or a search index part of no page, before
    anything is read."""
    check_licence(settings["CAMPAIGN_DATA_LICENCE"])
    election_rounds(settings)
    polls_close(settings)
    problems = contact_problems(settings)
    if problems:
        raise SettingsError("\n".join(problems))
    missing = missing_legal_notices(settings)
    if settings["CAMPAIGN_PRODUCTION"] and missing:
        raise SettingsError(
            "mentions légales incomplètes (loi pour la confiance dans l'économie numérique, "
            "art. 6) : un site publié doit nommer son éditeur, son directeur de la publication "
            "et son hébergeur. Ajoutez dans publishconf.py (ou pelicanconf.py) :\n"
            + "\n".join(f"  {line}" for line in missing)
        )
    size = settings["SEARCH_PART_PAGES"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise SettingsError(
            f"SEARCH_PART_PAGES : « {size} » n'est pas un nombre de pages ; mettez par exemple 500"
        )
    for name in ("CAMPAIGN_CARD_WORKERS", "CAMPAIGN_WRITING_PROCESSES"):
        count = settings[name]
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or count < 0
        ):
            raise SettingsError(
                f"{name} : « {count} » n'est pas un nombre de processus ; "
                "mettez 0 (aucun), 1, 2… ou None (selon la machine)"
            )
    scale = settings["VERDICTS"]
    if not scale:
        raise SettingsError("VERDICTS : l'échelle des verdicts est vide")
    slugs = set()
    for position, entry in enumerate(scale, start=1):
        missing = [key for key in ("slug", "label", "colour") if not entry.get(key)]
        if missing:
            raise SettingsError(f"VERDICTS, entrée {position} : il manque {', '.join(missing)}")
        if not _COLOUR.match(entry["colour"]):
            raise SettingsError(
                f"VERDICTS, « {entry['slug']} » : couleur « {entry['colour']} » invalide, "
                "écrivez-la #rrggbb"
            )
        rating = entry.get("rating")
        if rating is not None and not (isinstance(rating, int) and 1 <= rating <= 5):
            raise SettingsError(
                f"VERDICTS, « {entry['slug']} » : la note doit aller de 1 à 5 ou être None"
            )
        if entry["slug"] in slugs:
            raise SettingsError(f"VERDICTS : « {entry['slug']} » apparaît deux fois")
        slugs.add(entry["slug"])
    check_promise_statuses(settings["PROMISE_STATUSES"])


def check_promise_statuses(scale: list[dict]) -> None:
    """Every status of the promise tracker has its words, its colour and its shape."""
    if not scale:
        raise SettingsError("PROMISE_STATUSES : l'échelle des promesses est vide")
    slugs = set()
    for position, entry in enumerate(scale, start=1):
        missing = [key for key in ("slug", "label", "colour", "shape") if not entry.get(key)]
        if missing:
            raise SettingsError(
                f"PROMISE_STATUSES, entrée {position} : il manque {', '.join(missing)}"
            )
        if not _COLOUR.match(entry["colour"]):
            raise SettingsError(
                f"PROMISE_STATUSES, « {entry['slug']} » : couleur « {entry['colour']} » "
                "invalide, écrivez-la #rrggbb"
            )
        if entry["shape"] not in SHAPES:
            raise SettingsError(
                f"PROMISE_STATUSES, « {entry['slug']} » : forme « {entry['shape']} » inconnue ; "
                f"formes possibles : {', '.join(SHAPES)}"
            )
        if entry["slug"] in slugs:
            raise SettingsError(f"PROMISE_STATUSES : « {entry['slug']} » apparaît deux fois")
        slugs.add(entry["slug"])


def check_licence(licence) -> None:
    """The open data's licence: a name and the address of its text."""
    if not (
        isinstance(licence, dict)
        and isinstance(licence.get("name"), str)
        and licence["name"].strip()
        and isinstance(licence.get("url"), str)
        and licence["url"].startswith(("https://", "http://"))
    ):
        raise SettingsError(
            "CAMPAIGN_DATA_LICENCE : il faut le nom de la licence et l'adresse de son texte, "
            'par exemple {"name": "Licence Ouverte 2.0 (Etalab)", '
            '"url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}'
        )


# What LCEN art. 6 asks of each, with an example of the line that fixes it.
LEGAL_PARTIES = {
    "CAMPAIGN_PUBLISHER": ("name", "address", "phone"),
    "CAMPAIGN_HOST": ("name", "address", "phone"),
}
LEGAL_EXAMPLES = {
    "name": "Nom",
    "address": "numéro, rue, code postal, ville",
    "phone": "01 23 45 67 89",
}


def missing_legal_notices(settings: dict) -> list[str]:
    """Each legal notice missing, as the French line naming the setting and its fix
    ([] when the mentions légales are complete)."""
    missing = []
    for key, fields in LEGAL_PARTIES.items():
        value = settings.get(key)
        value = value if isinstance(value, dict) else {}
        absent = [f for f in fields if not str(value.get(f) or "").strip()]
        if absent:
            example = ", ".join(f'"{f}": "{LEGAL_EXAMPLES[f]}"' for f in fields)
            missing.append(f"{key} = {{{example}}}  (manque : {', '.join(absent)})")
    director = settings.get("CAMPAIGN_PUBLICATION_DIRECTOR")
    if not (isinstance(director, str) and director.strip()):
        missing.append(
            'CAMPAIGN_PUBLICATION_DIRECTOR = "Prénom Nom"  (manque : le directeur ou la '
            "directrice de la publication, une personne physique)"
        )
    return missing


def election_rounds(settings: dict) -> list[datetime.date]:
    """CAMPAIGN_ELECTION_ROUNDS as dates: a list of dates or of AAAA-MM-JJ texts."""
    rounds = settings["CAMPAIGN_ELECTION_ROUNDS"] or []
    if isinstance(rounds, (str, datetime.date)):
        rounds = [rounds]
    days = []
    for value in rounds:
        if isinstance(value, datetime.datetime):
            value = value.date()
        if not isinstance(value, datetime.date):
            try:
                value = datetime.date.fromisoformat(str(value).strip())
            except ValueError:
                raise SettingsError(
                    f"CAMPAIGN_ELECTION_ROUNDS : « {value} » n'est pas une date ; écrivez la "
                    'date de chaque tour AAAA-MM-JJ, par exemple ["2026-03-15", "2026-03-22"]'
                ) from None
        days.append(value)
    return days


def polls_close(settings: dict) -> datetime.time:
    """CAMPAIGN_POLLS_CLOSE, "HH:MM", as a time."""
    value = settings["CAMPAIGN_POLLS_CLOSE"]
    try:
        return datetime.time.fromisoformat(str(value).strip())
    except ValueError:
        raise SettingsError(
            f"CAMPAIGN_POLLS_CLOSE : « {value} » n'est pas une heure ; écrivez l'heure de "
            'fermeture des bureaux de vote HH:MM, par exemple "20:00"'
        ) from None
