"""Production settings: what differs from pelicanconf.py, nothing else."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The public address, without a trailing slash. There is no default on purpose:
# `make publish` refuses to build without it (every link of the feeds, the sitemap
# and the QR codes of printed sheets holds it). Set it for one publish with
# `SITEURL=https://verification.exemple.fr make publish`, or once for all here:
# SITEURL = "https://verification.exemple.fr"
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
CAMPAIGN_SHOW_DRAFTS = False
CAMPAIGN_SEARCH = True
CAMPAIGN_EMBEDS = True
# The content cache is loaded, as for a preview: it knows each file by a hash of
# its bytes (CHECK_MODIFIED_METHOD in pelicanconf.py) and its name holds the code's
# and the Markdown settings' hashes, so what it gives is what reading the file again
# would; `make check`, just before, has filled it.
LOAD_CONTENT_CACHE = True
# A publication is measured against the clock (embargoes lift, actions and events
# come and go), never against the example's pinned day in pelicanconf.py: a
# campaign that forgot to delete that line would otherwise never publish anything
# dated after it. CAMPAIGN_NOW=... in the environment still pins it on purpose.
CAMPAIGN_NOW = os.environ.get("CAMPAIGN_NOW", "")
# A production build: refused without the mentions légales (plugins/campaign/settings.py).
CAMPAIGN_PRODUCTION = True
