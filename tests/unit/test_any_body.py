"""Tier 1, property-based: whatever a writer pastes into a body, reading it gives HTML
and problems, never an exception (hypothesis).

CI once found `http://exemple.fr[` alone on a line crashing the video cards, a
treeprocessor, where the Markdown-only property test could not see it: here every
step a body goes through before the build is run on generated text."""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from campaign.content import links
from campaign.content.model import FrontMatter, Problem
from campaign.content.reader import _markdown, convert

from conftest import ROOT

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
MARKDOWN = _markdown(SETTINGS, 2)
# Addresses as they get pasted (brackets caught, a port, full-width characters,
# videos, a site link), Markdown and HTML around them, and what Word leaves.
PIECES = st.sampled_from(
    ["http://exemple.fr[", "https://www.youtube.com/watch?v=abc", "https://youtu.be/x]",
     "https://vimeo.com/1", "http://[::1", "http://a.fr:99999/", "http://exemple.fr\uff03",
     "/vrai-du-faux/velo/", "/images/x.jpg", "//autre.fr/x", "javascript:x", "mailto:a@b.fr",
     "[", "]", "(", ")", "![", "<", ">", '"', "<a href=\"", "<img src=\"", "<iframe src=\"",
     "\n", "\n\n", " ", "mot", "é", "\v", "\u202e", "{: .x}", "[^1]", "*", "- ", "# "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
@example("http://exemple.fr[")
@example("[![Vidéo](/images/x.jpg)](https://www.youtube.com[/watch?v=1)")
def test_any_body_is_read_into_html_and_problems(body):
    front = FrontMatter(path="claims/x.md", values={}, lines={}, problems=())
    front, html = convert(MARKDOWN.reset(), front, body, 12)
    assert isinstance(html, str)
    found = links.link_problems("claims/x.md", body, 12, {"vrai-du-faux/velo/"}, ["vrai-du-faux"])
    for problem in (*front.problems, *found):
        assert isinstance(problem, Problem) and problem.line >= 12
