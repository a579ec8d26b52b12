"""Tier 3: the contact page offers prefilled links to send a claim; no form, nothing stored."""

from test_build import soup


def test_contact_page_offers_prefilled_links_and_keeps_its_text(site):
    page = soup(site, "contact")
    article = page.select_one("article.page")
    links = article.select(".submit__link")
    assert [a.get_text() for a in links] == [
        "Par courriel",
        "Par WhatsApp",
        "Par Telegram",
        "Par Signal",
    ]
    assert links[0]["href"].startswith("mailto:verification@example.org?subject=Affirmation")
    assert all("Affirmation%20%C3%A0%20v%C3%A9rifier" in a["href"] for a in links[:3])
    assert "Affirmation à vérifier : « … »" in article.select_one(".submit__text").get_text()
    assert "Écrivez-nous." in article.get_text()  # the page's own text follows
    assert not page.find("form") and not page.find("input")
    assert [s.get("src", "") for s in page.find_all("script")] == []
