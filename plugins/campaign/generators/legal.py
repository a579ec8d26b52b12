"""/mentions-legales/: who publishes the site, who answers for it, who hosts it.

From settings only (LCEN art. 6: CAMPAIGN_PUBLISHER, CAMPAIGN_PUBLICATION_DIRECTOR,
CAMPAIGN_HOST). A production build without them never gets here: settings.py
refuses it at start-up; a preview shows what is missing, on the page itself.
"""

from __future__ import annotations

from ..settings import missing_legal_notices
from .base import CampaignGenerator


class LegalGenerator(CampaignGenerator):
    def generate_output(self, writer):
        settings = self.settings
        self.write_at(
            writer,
            settings["LEGAL_URL"],
            "legal",
            publisher=settings["CAMPAIGN_PUBLISHER"] or {},
            director=settings["CAMPAIGN_PUBLICATION_DIRECTOR"],
            host=settings["CAMPAIGN_HOST"] or {},
            legal_missing=missing_legal_notices(settings),
        )
