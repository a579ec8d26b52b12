"""The search page, and the search index made while the pages are written."""

from __future__ import annotations

import functools
import os
import shutil

from ..search.pagefind import BUNDLE, SearchIndex
from .base import CampaignGenerator


class SearchGenerator(CampaignGenerator):
    """Comes first among writers: watches the writer for the searchable pages, so
    each part of the index is made as soon as its pages are written, then writes
    /recherche/. When the build ends (the writer closes), the parts are put in place.

    Gathers nothing: the searchable pages are the state's (assembly.py). Without
    CAMPAIGN_SEARCH (the preview's default), no index: /recherche/ says so, and an
    index left by an earlier build is removed rather than searched stale.
    """

    def generate_output(self, writer):
        if not self.settings["CAMPAIGN_SEARCH"]:  # a preview: the page says why, no index
            shutil.rmtree(os.path.join(self.output_path, BUNDLE), ignore_errors=True)
            self.write_at(writer, self.settings["SEARCH_URL"], "search", search_parts=None)
            return
        index = SearchIndex(self.campaign.searchable, self.settings, self.output_path)
        writer.listeners.append(index.written)
        bundle = os.path.join(self.output_path, BUNDLE)
        writer.closers.append(functools.partial(index.finish, bundle))
        parts = [f"{BUNDLE}/{folder}" for folder in index.folders[1:]]
        self.write_at(writer, self.settings["SEARCH_URL"], "search", search_parts=parts)
