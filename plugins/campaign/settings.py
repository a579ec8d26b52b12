"""The plugin's settings, with their defaults in one place, checked once at start-up."""

from __future__ import annotations

import re

# Colours are dark enough for white text (WCAG AA); the word and the gauge carry
# the verdict too, never the colour alone.
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
    "SHARE_URL": "partager/",
    "DISTRICT_SHARE_URL": "arrondissements/{slug}/partager/",
    # A district's flyer, to print on A5 (one side).
    "DISTRICT_FLYER_URL": "arrondissements/{slug}/tract/",
    "CAMPAIGN_FEED_URL": "flux/{name}",
    "CAMPAIGN_FEED_ITEMS": 50,
    "CAMPAIGN_SHARE_ITEMS": 12,
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
}

# Templates of the plugin's listings: always paginated, DEFAULT_PAGINATION a page.
LISTING_TEMPLATES = (
    "claims verdict topic topics claimant claimants posts districts district sheets".split()
)

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class SettingsError(ValueError):
    """A setting is wrong: the message names the key."""


# Photos of content/images/ are published by the plugin, without their metadata
# (a phone's photo says where it was taken): never copied as they are by Pelican.
PHOTOS_FOLDER = "images"


def apply_defaults(settings: dict) -> None:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    statics = settings.get("STATIC_PATHS") or []
    settings["STATIC_PATHS"] = [p for p in statics if p.strip("/") != PHOTOS_FOLDER]
    paginated = settings.setdefault("PAGINATED_TEMPLATES", {})
    for template in LISTING_TEMPLATES:
        paginated.setdefault(template, None)
    check(settings)


def check(settings: dict) -> None:
    """Refuse a broken verdict scale, or a search index part of no page, before
    anything is read."""
    size = settings["SEARCH_PART_PAGES"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise SettingsError(
            f"SEARCH_PART_PAGES : « {size} » n'est pas un nombre de pages ; mettez par exemple 500"
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
