"""Pages that cross content kinds: home, districts, topics, claimants, 404."""

from __future__ import annotations

from pelican.generators import Generator

from ..assembly import group
from .base import CampaignGenerator


class DistrictsGenerator(CampaignGenerator):
    """The district chooser and one landing page per district."""

    def generate_output(self, writer):
        campaign = self.campaign
        shown = self.settings["CAMPAIGN_CITYWIDE_ITEMS"]
        districts = campaign.catalogue.districts
        self.write_listing(
            writer, self.settings["DISTRICTS_INDEX_URL"], "districts", list(districts)
        )
        for district in districts:
            local = campaign.claims_by_district.get(district.slug, [])
            by_topic = group(local, lambda page: [t.slug for t in page.claim.topics])
            self.write_listing_of(
                writer,
                "DISTRICT_URL",
                district.slug,
                local,
                district=district,
                local_by_topic={topic: len(pages) for topic, pages in by_topic.items()},
                district_posts=campaign.posts_by_district.get(district.slug, []),
                citywide_claims=campaign.citywide_claims[:shown],
                citywide_posts=campaign.citywide_posts[:shown],
            )


class SiteGenerator(CampaignGenerator):
    """The home page, topics, claimants and the 404 page."""

    def generate_output(self, writer):
        self.write_home(writer)
        self.write_topics(writer)
        self.write_claimants(writer)
        writer.write_file(
            "404.html",
            self.get_template("404"),
            self.context,
            relative_urls=False,
            url="404.html",
        )

    def write_home(self, writer):
        claims, posts = self.campaign.claims, self.campaign.posts
        self.write_at(
            writer,
            "",
            "home",
            latest_claims=claims[: self.settings["CAMPAIGN_HOME_CLAIMS"]],
            latest_posts=posts[: self.settings["CAMPAIGN_HOME_POSTS"]],
            pinned=[page for page in claims if page.claim.pin]
            + [page for page in posts if page.post.pin],
        )

    def write_topics(self, writer):
        campaign = self.campaign
        self.write_listing(
            writer,
            self.settings["TOPICS_INDEX_URL"],
            "topics",
            list(campaign.catalogue.topics),
            claims_by_topic=campaign.claims_by_topic,
        )
        for topic in campaign.catalogue.topics:
            self.write_listing_of(
                writer,
                "TOPIC_URL",
                topic.slug,
                campaign.claims_by_topic.get(topic.slug, []),
                topic=topic,
                topic_posts=campaign.posts_by_topic.get(topic.slug, []),
            )

    def write_claimants(self, writer):
        by_claimant = self.campaign.claims_by_claimant
        verdicts = self.campaign.catalogue.verdicts
        people = sorted(
            (pages[0].claim.claimant for pages in by_claimant.values()),
            key=lambda person: person.slug,
        )
        self.write_listing(
            writer,
            self.settings["CLAIMANTS_INDEX_URL"],
            "claimants",
            people,
            claims_by_claimant=by_claimant,
        )
        for person in people:
            pages = by_claimant[person.slug]
            counts = group(pages, lambda page: [page.claim.verdict.slug])
            self.write_listing_of(
                writer,
                "CLAIMANT_URL",
                person.slug,
                pages,
                claimant=person,
                verdict_counts=[(v, len(counts.get(v.slug, []))) for v in verdicts],
            )


class WriterCloser(Generator):
    """The last generator: tells the writer the build is done (see output/writer.py)."""

    def generate_output(self, writer):
        writer.close()
