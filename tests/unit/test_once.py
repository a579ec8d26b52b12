"""A fragment the theme shows many times alike is rendered once a build (filters.Once)."""

from jinja2 import DictLoader, Environment

from campaign.filters import Once

CARD = """\
{%- macro card(page) -%}
{%- call(root) once("card", page, SITEURL=SITEURL) -%}
<a href="{{ root }}/{{ page.url }}">{{ page.title }}</a>
{%- endcall -%}
{%- endmacro -%}
{{ card(page) }}"""


class Page:
    def __init__(self, url, title):
        self.url, self.title, self.renders = url, title, 0

    @property
    def rendered(self):  # counts how often the block reads the page
        self.renders += 1
        return self


def environment(once: Once) -> Environment:
    env = Environment(loader=DictLoader({"card": CARD}), autoescape=True)
    env.globals["once"] = once
    return env


def test_a_card_is_rendered_once_and_linked_from_each_page_s_root():
    once, page = Once(), Page("vrai-du-faux/dette/", "La dette")
    template = environment(once).get_template("card")
    shallow = template.render(page=page, SITEURL="..")
    deep = template.render(page=page, SITEURL="../../..")
    absolute = template.render(page=page, SITEURL="https://exemple.fr/a&b")
    assert shallow == '<a href="../vrai-du-faux/dette/">La dette</a>'
    assert deep == '<a href="../../../vrai-du-faux/dette/">La dette</a>'
    assert absolute == '<a href="https://exemple.fr/a&amp;b/vrai-du-faux/dette/">La dette</a>'
    assert len(once.rendered) == 1


def test_text_from_the_content_that_looks_like_the_mark_stays_text():
    once = Once()
    page = Page("x/", "<root/> et \x00root\x00")
    html = environment(once).get_template("card").render(page=page, SITEURL="..")
    assert html == '<a href="../x/">&lt;root/&gt; et \x00root\x00</a>'


def test_each_build_starts_with_nothing_rendered():
    """configure() gives every build its own Once: a page object of an earlier build
    in the same process is never shown in this one's place."""
    from campaign.pipeline import configure

    class FakePelican:
        def __init__(self, settings):
            self.settings = settings

    firsts = []
    for _ in range(2):
        settings = {"CACHE_PATH": "/nonexistent", "JINJA_ENVIRONMENT": {}}
        configure(FakePelican(settings))
        firsts.append(settings["JINJA_GLOBALS"]["once"])
    assert all(isinstance(once, Once) for once in firsts) and firsts[0] is not firsts[1]
