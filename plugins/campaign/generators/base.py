"""Generators: read and validate claims and posts, then write their pages and listings.

Pelican calls every generator's `generate_context()` before any
`generate_output()`: cross-links (topic to claims, claimant to claims) are built
while gathering, so every page sees the same state.
"""

from __future__ import annotations

import datetime
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from ..content.catalogue import load_catalogue
from ..content.model import Catalogue, Problem
from ..content.reader import cache_name
from ..content.validate import duplicate_slugs, parse_claim, parse_post, shared_card_names
from ..images import districtmap as districts
from ..output.inputs import page_inputs
from ..sharing import schema
from .pages import ClaimPage, PostPage, SourceFile

CATALOGUE = "campaign_catalogue"
PROBLEMS = "campaign_problems"
# Published pages offered to the search index (see search.py): each has url and save_as.
SEARCHABLE = "campaign_searchable"
# Functions told of each published claim, post or sheet as soon as it is read and
# valid, before the others are: f(field, item), field being "claim", "post"...
ON_PUBLISHED = "campaign_on_published"


class ContentError(Exception):
    """The content has mistakes; the message lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{count} erreur(s) dans le contenu :\n{lines}")


def catalogue_for(context: dict) -> Catalogue:
    """The build's catalogue, loaded by whichever generator asks first."""
    if CATALOGUE not in context:
        catalogue, problems = load_catalogue(context["PATH"], context["VERDICTS"])
        context[CATALOGUE] = catalogue
        context.setdefault(PROBLEMS, []).extend(problems)
    return context[CATALOGUE]


def now(settings: dict) -> datetime.datetime:
    """The moment embargoes are measured against."""
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    if settings["CAMPAIGN_NOW"]:
        moment = datetime.datetime.fromisoformat(settings["CAMPAIGN_NOW"])
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    return datetime.datetime.now(zone)


def is_published(item, moment: datetime.datetime) -> bool:
    """Published, and not embargoed beyond `moment`."""
    return item.status == "published" and item.date <= moment


def group(items: Iterable, keys: Callable[[object], Iterable]) -> dict:
    """Index items under each of their keys, in one pass, keeping item order."""
    groups = defaultdict(list)
    for item in items:
        for key in keys(item):
            groups[key].append(item)
    return groups


def newest_first(pages: list) -> list:
    return sorted(pages, key=lambda page: (page.date, page.slug), reverse=True)


class CampaignGenerator(Generator):
    """Shared writing helpers of the campaign generators."""

    def write_at(self, writer, url, template, **extra):
        """Write the page at `url` (a directory URL, "" for the home page) from
        `template`, with `extra` in its context."""
        writer.write_file(
            f"{url}index.html",
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            **extra,
        )

    def write_listing(self, writer, url, template, items, **extra):
        """Write a paginated listing of `items` at `url` (a directory URL)."""
        self.write_at(
            writer, url, template, paginated={"items": items}, template_name=template, **extra
        )


class DocumentGenerator(CampaignGenerator):
    """Read one kind of document, validate it, and write one page per document."""

    kind = ""  # context key of the published pages, e.g. "claims"
    field = ""  # attribute of the page holding the domain object, e.g. "claim"
    paths_setting = ""  # setting listing the folders to read, e.g. "CLAIM_PATHS"
    page_class: type  # the Content subclass wrapping each document
    parse: Callable  # front matter -> domain object or problems
    # Whether each page shows its document alone (no other document's title, count
    # or link): a rebuild then keeps a page whose document, templates, data files and
    # settings are unchanged, without rendering it (see inputs.py). A template that
    # shows other documents (related claims, say) must turn this off.
    item_local = False

    def __init__(self, *args, **kwargs):
        # Pelican's content cache, at the reader level: a file unchanged since the last
        # build (same mtime) is not parsed or converted again. Validation runs on every
        # build, against the data files as they are now.
        name = cache_name(type(self).__name__, kwargs["settings"])
        super().__init__(*args, readers_cache_name=name, **kwargs)

    def generate_context(self):
        catalogue = catalogue_for(self.context)
        problems = self.context.setdefault(PROBLEMS, [])
        zone = ZoneInfo(self.settings.get("TIMEZONE", "UTC"))
        moment = now(self.settings)
        listeners = self.context.get(ON_PUBLISHED, [])
        parsed = []
        for path in sorted(self.get_files(self.settings[self.paths_setting])):
            source = self.readers.read_file(
                base_path=self.path, path=path, content_class=SourceFile, context=self.context
            )
            basename = os.path.splitext(os.path.basename(path))[0]
            result = self.parse(source.front_matter, basename, catalogue, zone)
            if isinstance(result, list):
                problems.extend(result)
                continue
            parsed.append((result, source))
            if is_published(result, moment):
                for listener in listeners:
                    listener(self.field, result)
        self.readers.save_cache()
        problems.extend(duplicate_slugs([(item.slug, src.front_matter) for item, src in parsed]))
        problems.extend(self.check_parsed(parsed))
        # Every slug of this kind, drafts included: other kinds may refer to them.
        self.context.setdefault("slugs", {})[self.kind] = {item.slug for item, _ in parsed}
        published, previews = [], []
        for item, source in parsed:
            page = self.page_class.wrap(item, source, self.field, self.settings, self.context)
            if is_published(item, moment):
                published.append(page)
            else:
                page.preview = True
                previews.append(page)
        self.pages = newest_first(published)
        self.previews = previews if self.settings["CAMPAIGN_SHOW_DRAFTS"] else []
        self.context[self.kind] = self.pages
        self.context.setdefault(SEARCHABLE, []).extend(self.pages)
        self.context.setdefault("previews", []).extend(self.previews)

    def check_parsed(self, parsed: list) -> list[Problem]:
        """Problems found across the valid documents of this kind (none by default)."""
        return []

    def generate_output(self, writer):
        for page in self.pages + self.previews:
            self.write_page(writer, page)

    def write_page(self, writer, page):
        if self.item_local and writer.reuse(
            page.save_as, page_inputs(page, self.kind, self.context)
        ):
            return
        writer.write_file(
            page.save_as,
            self.get_template(page.template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            override_output=False,
            url=page.url,
            page=page,
            **{self.field: getattr(page, self.field)},
            **self.page_extras(page),
        )

    def page_extras(self, page) -> dict:
        """What the page's template needs besides the page and its document."""
        return {}


class ClaimsGenerator(DocumentGenerator):
    """Fact-check pages, the fact-check index and one listing per verdict."""

    kind = "claims"
    field = "claim"
    paths_setting = "CLAIM_PATHS"
    page_class = ClaimPage
    parse = staticmethod(parse_claim)
    item_local = True  # see claim.html

    def generate_context(self):
        super().generate_context()
        by_verdict = group(self.pages, lambda page: [page.claim.verdict.slug])
        self.context["claims_by_verdict"] = by_verdict
        self.context["verdict_counts"] = {slug: len(pages) for slug, pages in by_verdict.items()}
        self.context["claims_by_topic"] = group(
            self.pages, lambda page: [t.slug for t in page.claim.topics]
        )

    def page_extras(self, page) -> dict:
        url = f"{self.settings['SITEURL']}/{page.url}"
        data = schema.claim_review(page.claim, url, self.settings)
        return {"structured_data": schema.to_script_json(data)}

    def generate_output(self, writer):
        super().generate_output(writer)
        self.write_listing(writer, self.settings["CLAIMS_INDEX_URL"], "claims", self.pages)
        by_verdict = self.context["claims_by_verdict"]
        for verdict in self.context[CATALOGUE].verdicts:
            self.write_listing(
                writer,
                self.settings["VERDICT_URL"].format(slug=verdict.slug),
                "verdict",
                by_verdict.get(verdict.slug, []),
                verdict=verdict,
            )


class PostsGenerator(DocumentGenerator):
    """News pages and the news index."""

    kind = "posts"
    field = "post"
    paths_setting = "POST_PATHS"
    page_class = PostPage
    parse = staticmethod(parse_post)
    item_local = True  # see post.html

    def generate_output(self, writer):
        super().generate_output(writer)
        self.write_listing(writer, self.settings["POSTS_INDEX_URL"], "posts", self.pages)


class DistrictsGenerator(CampaignGenerator):
    """The district chooser and one landing page per district."""

    def generate_context(self):
        catalogue = catalogue_for(self.context)
        claims, posts = self.context["claims"], self.context["posts"]
        self.context["claims_by_district"] = group(
            claims, lambda page: [d.slug for d in page.claim.districts]
        )
        self.context["posts_by_district"] = group(
            posts, lambda page: [d.slug for d in page.post.districts]
        )
        self.context["citywide_claims"] = [page for page in claims if not page.claim.districts]
        self.context["citywide_posts"] = [page for page in posts if not page.post.districts]
        self.context["district_map"] = districts.layout(catalogue.districts)

    def generate_output(self, writer):
        catalogue = self.context[CATALOGUE]
        shown = self.settings["CAMPAIGN_CITYWIDE_ITEMS"]
        self.write_listing(
            writer, self.settings["DISTRICTS_INDEX_URL"], "districts", list(catalogue.districts)
        )
        for district in catalogue.districts:
            local = self.context["claims_by_district"].get(district.slug, [])
            by_topic = group(local, lambda page: [t.slug for t in page.claim.topics])
            self.write_listing(
                writer,
                self.settings["DISTRICT_URL"].format(slug=district.slug),
                "district",
                local,
                district=district,
                local_by_topic={topic: len(pages) for topic, pages in by_topic.items()},
                district_posts=self.context["posts_by_district"].get(district.slug, []),
                citywide_claims=self.context["citywide_claims"][:shown],
                citywide_posts=self.context["citywide_posts"][:shown],
            )


class SiteGenerator(CampaignGenerator):
    """Pages that cross content kinds: home, topics, claimants."""

    def generate_context(self):
        claims, posts = self.context["claims"], self.context["posts"]
        self.context["posts_by_topic"] = group(
            posts, lambda page: [t.slug for t in page.post.topics]
        )
        self.context["claims_by_claimant"] = group(claims, lambda page: [page.claim.claimant.slug])
        self.context[PROBLEMS].extend(
            shared_card_names(
                [(page.slug, os.path.relpath(page.source_path)) for page in claims],
                [(page.slug, os.path.relpath(page.source_path)) for page in posts],
            )
        )

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
        claims, posts = self.context["claims"], self.context["posts"]
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
        catalogue = self.context[CATALOGUE]
        claims_by_topic = self.context["claims_by_topic"]
        posts_by_topic = self.context["posts_by_topic"]
        self.write_listing(
            writer,
            self.settings["TOPICS_INDEX_URL"],
            "topics",
            list(catalogue.topics),
            claims_by_topic=claims_by_topic,
        )
        for topic in catalogue.topics:
            self.write_listing(
                writer,
                self.settings["TOPIC_URL"].format(slug=topic.slug),
                "topic",
                claims_by_topic.get(topic.slug, []),
                topic=topic,
                topic_posts=posts_by_topic.get(topic.slug, []),
            )

    def write_claimants(self, writer):
        by_claimant = self.context["claims_by_claimant"]
        verdicts = self.context[CATALOGUE].verdicts
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
            self.write_listing(
                writer,
                self.settings["CLAIMANT_URL"].format(slug=person.slug),
                "claimant",
                pages,
                claimant=person,
                verdict_counts=[(v, len(counts.get(v.slug, []))) for v in verdicts],
            )


class WriterCloser(Generator):
    """The last generator: tells the writer the build is done (see writer.py)."""

    def generate_output(self, writer):
        writer.close()
