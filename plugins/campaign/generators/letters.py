"""Writes the weekly letters: /lettres/, a web page per letter, and beside each its
e-mail files (courriel.html, inlined for mail clients; courriel.txt, its twin)."""

from __future__ import annotations

from ..output.inputs import data_inputs
from ..sharing import letters
from ..sharing.items import site_url
from .base import CampaignGenerator

EMAIL_HTML, EMAIL_TEXT = "courriel.html", "courriel.txt"


class LettersGenerator(CampaignGenerator):
    """One letter per week with news, for all Paris and for each district."""

    def generate_output(self, writer):
        base = self.settings["LETTERS_URL"]
        by_week = self.campaign.letters
        self.write_at(writer, base, "letters", letters_by_week=by_week)
        for week_letters in by_week:
            for letter in week_letters:
                self.write_letter(writer, f"{base}{letter.path}", letter)

    def links(self, letter: letters.Letter) -> dict[str, str]:
        """Each page the letter links to, by its URL: its address tagged for e-mail."""
        campaign = self.settings["CAMPAIGN_UTM"]
        pages = letter.items + letter.events + [a.target for a in letter.actions if a.target]
        return {page.url: letters.email_url(page.share.url, campaign, page.slug) for page in pages}

    def inputs(self, letter: letters.Letter) -> str:
        """What a letter is made from: a past week's letter is kept as it is."""
        actions = [
            (p.url, p.item, p.target.url if p.target else "", p.target.title if p.target else "")
            for p in letter.actions
        ]
        return data_inputs(
            self.context,
            "lettre",
            letter.path,
            letter.moment,
            [(p.url, p.share.card_url, p.item) for p in letter.items],
            actions,
            [(p.url, p.item) for p in letter.events],
        )

    def write_letter(self, writer, url: str, letter: letters.Letter) -> None:
        inputs = self.inputs(letter)
        files = [f"{url}index.html", f"{url}{EMAIL_HTML}", f"{url}{EMAIL_TEXT}"]
        if all([writer.reuse(name, inputs) for name in files]):
            return
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
