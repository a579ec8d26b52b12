"""Tier 3, property-based: for generated front matter, bodies and data files, `make
check` never raises, and whatever it accepts the build builds (hypothesis)."""

import shutil

import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from campaign.commands.check import check_content
from campaign.generators.base import ContentError
from campaign.settings import apply_defaults

from conftest import FIXTURES, build_site, site_settings

# Text a writer may paste: accents, quotes, Word's control characters, Markdown,
# HTML, brackets, bidi and emoji.
PIECES = [
    "Le 13e", "é", "’", "« ", " »", '"', "'", "\v", "\t", "\x07", "*", "_", "[", "]", "(",
    ")", "{", "}", "<b>", "</b>", "<script>", "#", ":", "- ", "\n", "\n\n", "&amp;", "😀",
    "\u202e", "%", "{filename}", "/vrai-du-faux/velo/", "https://example.org/a", "\\",
    "http://exemple.fr[", "https://youtu.be/x", "/images/x.jpg",
]  # fmt: skip
text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=12).map("".join)
verdict = st.sampled_from(["vrai", "faux", "plutot-faux", "Plutôt faux", "", "inconnu"]) | text
date = st.sampled_from(["2026-01-10 10:00", "2026-02-30", "2099-01-01", "hier", ""]) | st.dates()
topics = st.lists(st.sampled_from(["transports", "logement", "sport", "À compléter"]), max_size=3)
source = st.fixed_dictionaries(
    {
        "title": text,
        "url": st.sampled_from(["https://example.org/x", "ftp://x", "", "x", "https://a.org["]),
    },
    optional={"date": date, "archive": text},
)
VALID = {
    "claim": "Le nombre de cyclistes a doublé.",
    "claimant": "Bertrand Olivo",
    "verdict": "vrai",
    "summary": "Les compteurs le montrent.",
    "date": "2026-01-10 10:00",
    "topics": ["transports"],
    "sources": [{"title": "Compteurs", "url": "https://example.org/compteurs"}],
}
CHANGES = {
    "claim": text,
    "claimant": text,
    "verdict": verdict,
    "summary": text,
    "date": date,
    "topics": topics | text,
    "sources": st.lists(source, max_size=2) | text,
    "districts": st.lists(st.sampled_from([13, "19e", 42, "nord"]), max_size=2),
    "modified": date,
    "corrections": st.lists(st.fixed_dictionaries({"date": date, "note": text}), max_size=1),
    "figure": st.fixed_dictionaries({"value": text, "label": text}),
    "title": text,
    "share": text,
    "hashtags": st.lists(text, max_size=2),
    "status": st.sampled_from(["published", "draft", "publie"]),
    "slug": text,
}


# A value for a field of a data file's entry: text, numbers, lists, an address.
data_value = (
    text
    | st.integers(-5, 30)
    | st.lists(st.integers(-1, 25) | text, max_size=3)
    | st.sampled_from(["#12ab", "#8a3b12", "red", "https://a.org[", "a@b", "", None])
)
DATA_FIELDS = {
    "topics.yaml": ["slug", "name", "colour", "description", "hashtag", "x"],
    "districts.yaml": ["slug", "name", "arrondissements", "lead", "contact", "x"],
    "claimants.yaml": ["slug", "name", "role", "same_as", "x"],
}
data_change = st.one_of(
    st.none(),  # most examples keep the fixture's data files
    st.none(),
    st.tuples(
        st.sampled_from(sorted(DATA_FIELDS)), st.integers(0, 2), st.integers(0, 5), data_value
    ),
)


def change_data(data, change) -> None:
    """One field of one entry of one data file set to a generated value."""
    if change is None:
        return
    name, index, field, value = change
    path = data / name
    entries = yaml.safe_load(path.read_text("utf-8"))
    fields = DATA_FIELDS[name]
    entries[index % len(entries)][fields[field % len(fields)]] = value
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")


@st.composite
def claim(draw) -> dict:
    """A valid claim with one to three fields changed (most examples should pass
    `make check`, where the property has something to say)."""
    front = dict(VALID)
    for key in draw(st.sets(st.sampled_from(sorted(CHANGES)), min_size=1, max_size=3)):
        front[key] = draw(CHANGES[key])
    return front


@settings(
    max_examples=30,
    # A build takes a second: shrinking a failure would take minutes; the failing
    # example is printed as found.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(front=claim(), body=text, data=data_change)
def test_what_check_accepts_the_build_builds(tmp_path_factory, front, body, data):
    root = tmp_path_factory.mktemp("generated")
    content = root / "content"
    shutil.copytree(FIXTURES / "site" / "data", content / "data")
    change_data(content / "data", data)
    (content / "claims").mkdir()
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    (content / "claims" / "generee.md").write_text(f"---\n{header}---\n\n{body}\n", "utf-8")
    checked = site_settings(content, root / "check")
    apply_defaults(checked)
    problems = check_content(checked).problems  # never raises
    try:
        build_site(content, root / "output", SITEURL="https://campagne.test")
    except ContentError as refused:
        assert problems, "the build refused what make check accepted"
        assert refused.problems == problems
    else:
        assert not problems, "make check refused what the build accepts"
        event("accepted and built")
