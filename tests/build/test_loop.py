"""Tier 3: the daily loop in a built site (fixture moment: 22 November 2026 at noon):
calls to action heading kits, home and district pages, in the feeds on their days;
the agenda, event pages with Event JSON-LD, iCalendar feeds."""

import datetime
import json
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from campaign.typography import french

from conftest import FIXTURES, build_site

PARIS = ZoneInfo("Europe/Paris")


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def kit_headings(site, path):
    main = soup(site, path).find("main")
    return [h.get_text(" ", strip=True) for h in main.find_all(["h2", "h3"])]


def test_todays_action_heads_the_19e_kit_and_yesterdays_is_gone(site):
    headings = kit_headings(site, "arrondissements/19e/partager/index.html")
    assert headings[:2] == ["Action du jour", "Cantines du 19e : partagez la vérification"]
    page = soup(site, "arrondissements/19e/partager/index.html")
    assert page.find(id="action-cantines-19e-aujourdhui") is not None
    assert page.find(id="action-tractage-19e-hier") is None
    text = page.get_text(" ", strip=True)
    assert "Tractage au marché Joinville" not in text
    assert "Porte-à-porte dans le 13e" not in text  # tomorrow's, and another district's


def test_city_kit_and_home_lead_with_todays_actions(site):
    assert kit_headings(site, "partager/index.html")[0] == "Action du jour"
    home = soup(site, "index.html")
    actions = home.find("section", class_="actions")
    titles = [h.get_text(strip=True) for h in actions.find_all("h3")]
    assert titles == ["Cantines du 19e : partagez la vérification", "La semaine du vélo"]
    assert home.find("section", class_="actions") is home.find("main").find("section").find_next(
        "section"
    )


def test_district_page_shows_its_actions_and_events(site):
    page = soup(site, "arrondissements/19e/index.html")
    assert page.find(id="action-cantines-19e-aujourdhui") is not None
    events = page.find(id="rendez-vous").find_parent("section")
    links = [a["href"] for a in events.select(".card__title a")]
    assert [link.rsplit("/", 2)[-2] for link in links] == [
        "reunion-logement-19e",
        "meeting-tout-paris",
    ]
    assert (
        soup(site, "arrondissements/13e/index.html").find(id="action-cantines-19e-aujourdhui")
        is None
    )


def test_todays_action_is_in_the_19e_feed_and_yesterdays_is_not(site):
    feed = feedparser.parse((site / "flux/arrondissements/19e.rss.xml").read_bytes())
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert french("Action du jour : Cantines du 19e : partagez la vérification") in titles
    assert not any("Tractage" in title for title in titles)
    entry = next(e for e in feed.entries if "Cantines du 19e" in e.title)
    assert "/vrai-du-faux/cantines-19e/" in entry.link and "utm_medium=flux" in entry.link
    assert entry.summary.startswith("Partagez la vérification")
    tout = feedparser.parse((site / "flux/tout.rss.xml").read_bytes())
    assert any("Cantines du 19e" in e.title for e in tout.entries)
    thirteenth = feedparser.parse((site / "flux/arrondissements/13e.rss.xml").read_bytes())
    assert not any("Cantines du 19e" in e.title for e in thirteenth.entries)


def test_a_past_event_leaves_the_agenda_kits_and_feeds_but_its_page_stays(site):
    agenda = soup(site, "agenda/index.html").get_text(" ", strip=True)
    assert "Réunion publique sur le logement dans le 19e" in agenda
    assert "Porte-à-porte autour du bassin de la Villette" not in agenda
    assert "Rendez-vous pas encore annoncé" not in agenda  # embargoed
    for path in ("partager/index.html", "arrondissements/19e/partager/index.html"):
        kit = soup(site, path).get_text(" ", strip=True)
        assert "Réunion publique sur le logement dans le 19e" in kit
        assert "bassin de la Villette" not in kit
    feed = (site / "flux/arrondissements/19e.rss.xml").read_text(encoding="utf-8")
    assert "bassin de la Villette" not in feed and "Réunion publique sur le logement" in feed
    page = soup(site, "agenda/porte-a-porte-passe-19e/index.html")
    assert "Ce rendez-vous a eu lieu" in page.get_text(" ", strip=True)
    assert not (site / "agenda/annonce-embargo/index.html").exists()


def test_agenda_groups_events_by_district_without_script(site):
    page = soup(site, "agenda/index.html")
    assert page.find("main").find("script") is None
    section = page.find(id="19e").find_parent("section")
    assert [a.get_text(strip=True) for a in section.select(".card__title a")] == [
        "Réunion publique sur le logement dans le 19e"
    ]
    citywide = page.find(id="tout-paris").find_parent("section")
    assert "Grand meeting de la campagne" in citywide.get_text()


def test_event_page_has_event_json_ld_and_its_ics(site):
    page = soup(site, "agenda/reunion-logement-19e/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-11-26T19:00:00+01:00"
    assert data["location"]["address"]["streetAddress"].startswith("5-7 place Armand-Carrel")
    assert data["organizer"]["@type"] == "Organization"
    link = page.find("a", string="Ajouter à mon agenda")
    assert link["href"].endswith("agenda/reunion-logement-19e.ics")
    calendar = icalendar.Calendar.from_ical((site / "agenda/reunion-logement-19e.ics").read_bytes())
    (event,) = calendar.events
    assert event.start == datetime.datetime(2026, 11, 26, 19, tzinfo=PARIS)
    assert str(event.start.tzinfo) == "Europe/Paris"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("agenda", ["reunion-logement-19e", "meeting-tout-paris"]),
        ("arrondissements/19e", ["reunion-logement-19e", "meeting-tout-paris"]),
        ("arrondissements/13e", ["meeting-tout-paris"]),
    ],
)
def test_calendar_feeds_hold_the_events_to_come_in_paris_time(site, name, expected):
    data = (site / "flux" / f"{name}.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(e["UID"]).split("@")[0] for e in calendar.events] == expected
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert b"DTSTART;TZID=Europe/Paris:" in data
    for event in calendar.events:
        assert event.start.tzinfo is not None and event.start.hour >= 18  # local, not UTC


def test_a_calendar_whose_events_are_all_over_still_holds_its_zone(tmp_path):
    """RFC 5545 §3.4 wants one component at least: once every event is over, the
    calendars held none. They keep the Paris zone, for the years of the content."""
    built = build_site(FIXTURES / "site", tmp_path / "output", CAMPAIGN_NOW="2027-01-15T12:00")
    for name in ("agenda", "arrondissements/13e", "arrondissements/19e"):
        data = (built / "flux" / f"{name}.ics").read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.events == []
        assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
        assert b"COMMENT:This timezone only works from 2026-01-01 to 2028-01-01." in data


def test_sitemap_lists_the_agenda_and_published_events(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/agenda/</loc>" in sitemap
    assert "/agenda/reunion-logement-19e/</loc>" in sitemap
    assert "/agenda/porte-a-porte-passe-19e/</loc>" in sitemap  # over, its page stays
    assert "annonce-embargo" not in sitemap


def test_district_page_invites_to_join_with_the_next_local_event(site):
    join = soup(site, "arrondissements/19e/index.html").find(id="rejoindre").find_parent("section")
    text = join.get_text(" ", strip=True)
    assert "Prochain rendez-vous : Réunion publique sur le logement dans le 19e" in text
    button = join.find("a", string="Devenir bénévole")
    assert button["href"] == "https://paris-passerelles.example.org/rejoindre"


def test_claim_page_ends_with_join_links_but_no_event(site):
    page = soup(site, "vrai-du-faux/cantines-19e/index.html")
    join = page.find(id="rejoindre").find_parent("section")
    hrefs = [a["href"] for a in join.find_all("a")]
    assert any(h.endswith("arrondissements/19e/#rejoindre") for h in hrefs)
    assert any(h.endswith("arrondissements/paris-centre/#rejoindre") for h in hrefs)
    assert "https://paris-passerelles.example.org/rejoindre" in hrefs
    # The page is kept between builds (item_local): nothing in it changes with the day.
    assert "Réunion publique sur le logement" not in page.get_text()


def test_the_19e_flyer_holds_its_lead_next_events_and_latest_claims(site):
    page = soup(site, "arrondissements/19e/tract/index.html")
    assert page.find("script") is None
    sections = {s.h2.get_text(strip=True): s for s in page.find_all("section")}
    events = sections["Nos prochains rendez-vous"].find_all("li")
    assert [li.find_all("span")[1].get_text() for li in events] == [
        "Réunion publique sur le logement dans le 19e",
        "Grand meeting de la campagne",
    ]
    claims = sections["Le vrai du faux, près de chez vous"].find_all("li")
    assert claims[0].get_text(" ", strip=True).startswith("Invérifiable")  # local, verdict first
    # The 19e's one fact-check, topped up with the fixture's one for all Paris.
    assert [li.span.get_text() for li in claims] == ["Invérifiable", "Vrai"]
    # Verdict, then the fact: never « Vrai Vrai : … » (a claim without a title of its own).
    for line in claims:
        verdict = line.span.get_text()
        assert not line.get_text(" ", strip=True).removeprefix(verdict).strip().startswith(verdict)
    assert page.find("svg", class_="qr") is not None
