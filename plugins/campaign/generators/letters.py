"""Writes the weekly letters: /lettres/, a web page per letter, and beside each its
e-mail files (courriel.html, inlined for mail clients; courriel.txt, its twin)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ..sharing import letters
from ..sharing.items import site_url
from .base import CampaignGenerator

EMAIL_HTML, EMAIL_TEXT = "courriel.html", "courriel.txt"


class LettersGenerator(CampaignGenerator):
    """One letter per week with news, for all Paris and for each district."""

    def letters(self) -> list[list[letters.Letter]]:
        """By week, newest first: the city-wide letter, then one per district."""
        zone = ZoneInfo(self.settings.get("TIMEZONE", "UTC"))
        return letters.every_letter(self.campaign, zone, self.settings["CAMPAIGN_LETTER_WEEKS"])

    def generate_output(self, writer):
        base = self.settings["LETTERS_URL"]
        by_week = self.letters()
        self.write_at(writer, base, "letters", letters_by_week=by_week)
        for week_letters in by_week:
            for letter in week_letters:
                self.write_letter(writer, f"{base}{letter.path}", letter)

    def links(self, letter: letters.Letter) -> dict[str, str]:
        """Each page the letter links to, by its URL: its address tagged for e-mail."""
        campaign = self.settings["CAMPAIGN_UTM"]
        pages = letter.items + letter.events + [a.target for a in letter.actions if a.target]
        return {page.url: letters.email_url(page.share.url, campaign, page.slug) for page in pages}

    def write_letter(self, writer, url: str, letter: letters.Letter) -> None:
        links = self.links(letter)
        base = site_url(self.settings)
        web = letters.email_url(f"{base}/{url}", self.settings["CAMPAIGN_UTM"], letter.week.slug)
        self.write_at(writer, url, "letter", letter=letter, email_files=(EMAIL_HTML, EMAIL_TEXT))
        context = {**self.context, "SITEURL": base}
        html = self.get_template("letter_email").render(
            context, letter=letter, links=links, web_url=web
        )
        self.write_data(writer, f"{url}{EMAIL_HTML}", letters.inline_css(html).encode("utf-8"))
        footer = f"{self.settings['SITENAME']}, {base}/. {self.settings['CAMPAIGN_LETTER_FOOTER']}"
        text = letters.plain_text(letter, links, web, footer)
        self.write_data(writer, f"{url}{EMAIL_TEXT}", text.encode("utf-8"))
