"""Bodies: the sanitiser's allowlist, the refusals of `make check`, file names, limits."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from campaign.content import body, files, limits

MD = {"extensions": ["markdown.extensions.extra", "markdown.extensions.sane_lists"]}


def html_of(text: str) -> str:
    return markdown.Markdown(output_format="html5", **MD).convert(text)


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe><p>a</p>', "<p>a</p>"),
        ('<p onclick="alert(1)" style="color:red">a</p>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="data:text/html,x">a</a>', "<a>a</a>"),
        ('<img src="https://pisteur.example/p.gif" alt="p">', '<img alt="p">'),
        ('<img src="//pisteur.example/p.gif" alt="p">', '<img alt="p">'),
        (
            '<img src="/images/a.png" srcset="https://x/a.png 2x" alt="a">',
            '<img src="/images/a.png" alt="a">',
        ),
        (
            '<a href="https://example.org/" title="t">a</a>',
            '<a href="https://example.org/" title="t">a</a>',
        ),
        ('<a href="mailto:a@example.org">a</a>', '<a href="mailto:a@example.org">a</a>'),
        ('<a href="/vrai-du-faux/">a</a>', '<a href="/vrai-du-faux/">a</a>'),
        ('<a href="{filename}/claims/a.md">a</a>', '<a href="{filename}/claims/a.md">a</a>'),
        ('<h2 id="analyse">A</h2>', '<h2 id="analyse">A</h2>'),
        ("<object data='x.swf'></object><embed src='x'><form><input></form>", ""),
        ("<p>a<!-- note interne -->b</p>", "<p>ab</p>"),
        ('<svg onload="alert(1)"><circle/></svg>', ""),
    ],
)
def test_the_sanitiser_keeps_only_the_allowlist(markup, kept):
    assert body.sanitise(markup) == kept


def test_what_markdown_produces_is_kept_whole():
    text = (
        '## Titre\n\nUn *mot*, un **autre**, du `code` et un [lien](https://example.org/ "t").\n\n'
        "> Une citation\n\n- un\n- deux\n\n1. premier\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "Terme\n: définition\n\nUne note[^1].\n\n[^1]: La note.\n\n*[HLM]: habitation à loyer modéré\n\n"
        "Les HLM.\n\n![Carte](/images/carte.png)\n\n---\n\n```\nbloc\n```\n"
    )
    markup = html_of(text)
    # The same tree; only character references may be written otherwise (&#160;, &nbsp;).
    assert str(BeautifulSoup(body.sanitise(markup), "html.parser")) == str(
        BeautifulSoup(markup, "html.parser")
    )
    assert body.body_problems("x.md", text, 5, markup) == []


def test_an_attribute_list_cannot_add_a_script_or_a_style():
    text = 'Un paragraphe.\n{: onclick="alert(1)" onmouseover="x" }\n\nUn autre.\n{: style="color:red" }\n'
    markup = html_of(text)
    assert "onclick" in markup  # Markdown's attr_list does add it…
    assert "onclick" not in body.sanitise(markup) and "style" not in body.sanitise(markup)
    found = {
        (p.line, p.message.split(" ;")[0]) for p in body.body_problems("x.md", text, 10, markup)
    }
    assert found == {
        (11, "« onclick » lancerait un script chez chaque lecteur"),
        (11, "« onmouseover » lancerait un script chez chaque lecteur"),
        (14, "la mise en forme « style=… » n'est pas permise dans le texte : le thème s'en charge"),
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[clic](javascript:alert(1))", "adresse « javascript: » refusée"),
        ("[clic](JaVaScRiPt:alert(1))", "adresse « javascript: » refusée"),
        ("![x](data:image/png;base64,AAAA)", "adresse « data: » refusée"),
        ("![x](https://pisteur.example/p.gif)", "image chargée depuis un autre site"),
        (
            '<iframe src="https://player.vimeo.com/video/1"></iframe>',
            "[![Titre de la vidéo](/images/videos/vimeo-1.jpg)](https://vimeo.com/1)",
        ),
        (
            '<iframe src="https://www.facebook.com/plugins/post.php"></iframe>',
            "publication Facebook",
        ),
        ('<iframe src="https://carte.example/"></iframe>', "un cadre intégré (<iframe>)"),
        ("<video src='https://x/v.mp4'></video>", "un lecteur vidéo (<video>) ne peut pas"),
        ('<a href="vbscript:x">a</a>', "adresse « vbscript: » refusée"),
    ],
)
def test_what_runs_or_loads_from_elsewhere_is_refused_with_what_to_write(text, words):
    source = f"Avant.\n\n{text}\n"
    [problem] = body.body_problems("x.md", source, 20, html_of(source))
    assert problem.line == 22 and words in problem.message


@pytest.mark.parametrize(
    ("name", "fixed"),
    [
        ("Mon_Fichier.md", "mon-fichier.md"),
        ("élections municipales.md", "elections-municipales.md"),
        ("photo.JPG", "photo.jpg"),
        ("a" * 81 + ".md", "a" * 80 + ".md"),
        ("--tirets--.md", "tirets.md"),
    ],
)
def test_file_names_are_refused_with_the_name_to_use(name, fixed):
    assert f"renommez-le « {fixed} »" in files.name_problem(name)


@pytest.mark.parametrize("name", ["logement-13e.md", "a" * 80 + ".md", "carte.png", "2026.md"])
def test_simple_file_names_pass(name):
    assert files.name_problem(name) is None


def test_a_file_is_read_only_when_it_is_a_plain_file(tmp_path):
    plain = tmp_path / "a.md"
    plain.write_text("x")
    (tmp_path / "lien.md").symlink_to(plain)
    with pytest.raises(files.NotRegularFile):
        files.read_regular(str(tmp_path / "lien.md"))
    with pytest.raises(files.FileTooLarge):
        files.read_regular(str(plain), limit=0)
    assert files.read_regular(str(plain)) == b"x"
    assert files.own_files(str(tmp_path)) == [str(plain)]


def test_the_example_content_passes_every_limit():
    from pathlib import Path

    from conftest import ROOT

    for path in sorted((ROOT / "content").rglob("*.md")):
        text = Path(path).read_text()
        assert limits.markdown_problems(str(path), text, 1) == [], path
