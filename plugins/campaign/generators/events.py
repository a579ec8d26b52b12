"""The agenda: one page and one .ics per event, /agenda/ (events to come, by
district), and the iCalendar feeds to subscribe to (all Paris, each district)."""

from __future__ import annotations

from dataclasses import replace

from ..kinds import Kind
from ..output.inputs import data_inputs
from ..sharing import schema
from ..sharing.calendar import CalendarSpec, calendar_ics
from ..sharing.items import site_url
from .base import DocumentGenerator


class EventsGenerator(DocumentGenerator):
    """Event pages (published ones stay once over), /agenda/ and the calendars."""

    kind = Kind.EVENT
    # An event's page says whether it is over, which the build's moment decides:
    # it is rendered at every build (there are few events), never kept.
    item_local = False

    def published(self) -> list:
        return self.campaign.events

    def page_extras(self, page) -> dict:
        url = f"{site_url(self.settings)}/{page.url}"
        data = schema.event(page.event, url, self.settings, page.share.card_url)
        return {
            "structured_data": schema.to_script_json(data),
            "ics_url": self.ics_url(page),
            "over": page.event.is_over(self.campaign.moment),
        }

    def ics_url(self, page) -> str:
        return self.settings["EVENT_ICS_URL"].format(slug=page.slug)

    def generate_output(self, writer):
        super().generate_output(writer)
        campaign = self.campaign
        base = site_url(self.settings)
        for page in self.pages():
            spec = CalendarSpec(page.event.title, base)
            self.write_ics(writer, self.ics_url(page), spec, [self.pair(page)])
        self.write_at(
            writer,
            self.settings["AGENDA_URL"],
            "agenda",
            citywide_events=campaign.citywide_events,
            events_by_district=campaign.events_by_district,
        )
        self.write_calendar(writer, "agenda", "Agenda", campaign.upcoming_events)
        for district in campaign.catalogue.districts:
            self.write_calendar(
                writer,
                f"arrondissements/{district.slug}",
                f"Agenda — {district.name}",
                campaign.district_events(district.slug),
            )

    def pair(self, page) -> tuple:
        return page.event, f"{site_url(self.settings)}/{page.url}"

    def write_calendar(self, writer, name: str, title: str, pages: list) -> None:
        """An iCalendar feed of the events to come: a past event leaves it."""
        spec = CalendarSpec(
            f"{title} — {self.settings['SITENAME']}",
            site_url(self.settings),
            self.settings.get("SITE_DESCRIPTION", ""),
        )
        if not pages:  # only then: a calendar with events is kept while they are unchanged
            zone = self.settings.get("TIMEZONE", spec.zone)
            spec = replace(spec, empty_from=self.latest_change().date(), zone=zone)
        path = self.settings["CAMPAIGN_CALENDAR_URL"].format(name=name)
        self.write_ics(writer, path, spec, [self.pair(page) for page in pages])

    def write_ics(self, writer, path: str, spec: CalendarSpec, pairs: list) -> None:
        """An .ics, unless made from the same events by the last build."""
        if not writer.reuse(path, data_inputs(self.context, "ics", spec, pairs)):
            self.write_data(writer, path, calendar_ics(spec, pairs))
