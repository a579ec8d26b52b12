"""Production settings: what differs from pelicanconf.py, nothing else."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL") or "https://paris-passerelles.example.org"
RELATIVE_URLS = False
CAMPAIGN_SHOW_DRAFTS = False
LOAD_CONTENT_CACHE = False
