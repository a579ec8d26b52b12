"""Preview settings of the example campaign (make html, make serve).

The plugin's own settings and their defaults live in plugins/campaign/settings.py;
only what this campaign changes is set here.
"""

SITENAME = "Paris Passerelles — le vrai du faux"
SITE_SHORTNAME = "Paris Passerelles"
SITE_DESCRIPTION = (
    "Vérification des affirmations de la campagne municipale à Paris, "
    "sources à l'appui, par l'équipe de la liste Paris Passerelles."
)
# The shipped example is invented from start to finish; say so on every page.
CAMPAIGN_NOTICE = (
    "Site de démonstration : la liste « Paris Passerelles », les personnes citées "
    "et les chiffres sont fictifs."
)
# Cards travel without the site around them: they say it too.
CAMPAIGN_CARD_FOOTER = "Paris Passerelles · campagne fictive de démonstration"
AUTHOR = "Équipe Paris Passerelles"
# Our list as content/data/claimants.yaml names it: its candidates are marked.
CAMPAIGN_LIST = "Paris Passerelles"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
OUTPUT_PATH = "preview"  # make publish alone writes output/
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["campaign"]

TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# A file's name is its address: editing a title never breaks a shared link.
SLUGIFY_SOURCE = "basename"

# Claims and posts have their own generators; Pelican's articles are not used.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = []
ARCHIVES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 24
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{url}page/{number}/", "{url}page/{number}/index.html"),
)

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
# The content cache knows a file by a hash of its bytes, not by its date: a file
# changed within the same instant, or copied back with its old date, is read again.
# `make check` reads through this cache too (commands/check.py).
CHECK_MODIFIED_METHOD = "sha256"
CACHE_PATH = "cache"
# Compressing the cache took longer than reading it back saves (0.7 s at 2,000 claims).
GZIP_CACHE = False

# Added to every share text; utm_campaign of every link in feeds and share kits.
# Mentions légales (LCEN art. 6), shown at /mentions-legales/: fictional here, like
# the rest of the example. `make publish` refuses a site without them.
CAMPAIGN_PUBLISHER = {
    "name": "Association de financement de la campagne Paris Passerelles (fictive)",
    "status": "Association loi de 1901",
    "address": "12 rue de l'Exemple, 75013 Paris",
    "phone": "01 00 00 00 00",
    "email": "contact@example.org",
}
CAMPAIGN_PUBLICATION_DIRECTOR = "Camille Exemple, mandataire de la liste (personne fictive)"
CAMPAIGN_HOST = {
    "name": "Hébergeur Exemple SAS (fictif)",
    "address": "1 avenue de l'Hébergement, 59000 Lille",
    "phone": "03 00 00 00 00",
}

# The contact page's links to send a claim to check (fictional addresses).
CAMPAIGN_CONTACT_EMAIL = "verification@example.org"
CAMPAIGN_CONTACT_CHANNELS = {
    "whatsapp": "+33 6 00 00 00 00",
    "telegram": "ParisPasserellesVerif",
    "signal": "https://signal.me/#eu/ParisPasserelles.01",
}

# Electoral silence (Code électoral, art. L49): the rounds of the (fictional) election.
# From 00:00 the day before each round until the polls close, nothing new goes out.
CAMPAIGN_ELECTION_ROUNDS = ["2026-12-06", "2026-12-13"]
CAMPAIGN_POLLS_CLOSE = "20:00"

CAMPAIGN_HASHTAGS = ["ParisPasserelles"]
CAMPAIGN_UTM = "municipales-2026"

# « Devenir bénévole » leads to the campaign's own sign-up page (its form or CRM).
CAMPAIGN_JOIN_URL = "https://paris-passerelles.example.org/rejoindre"

# Drafts and embargoed items are shown at their own address while previewing.
CAMPAIGN_SHOW_DRAFTS = True

# The preview leaves out the search index: it serves the public site's readers, works
# only over HTTP, and is a third of a first build's work (bench/README.md).
# `make html SEARCH=1` or `make serve SEARCH=1` builds it; `make publish` always does.
CAMPAIGN_SEARCH = False
# Nor does it write the embeddable cards: their code, copied from a preview, would
# point other sites at this machine; the published site's is the one to copy.
CAMPAIGN_EMBEDS = False

# The example is one day of a fictional campaign: Sunday 22 November 2026 at noon.
# Its calls to action, events to come and embargoes are measured against this
# moment, so `make html` shows that day's loop whatever day it runs. A real
# campaign deletes this line: the build's moment is then the clock's.
CAMPAIGN_NOW = "2026-11-22T12:00"
