"""Tier 1: links and images of a body are checked where they are links and images,
never inside code, which shows them as written (content/links.py)."""

from campaign.content.links import link_problems, without_code

ADDRESSES = {"vrai-du-faux/", "vrai-du-faux/velo/"}


def problems(body: str) -> list[tuple[int, str]]:
    found = link_problems("claims/x.md", body, 10, ADDRESSES, ["vrai-du-faux"])
    return [(problem.line, problem.message) for problem in found]


def test_links_and_images_shown_as_code_are_text():
    body = (
        "Un troll a écrit `<img src=x onerror=alert(1)>` sous le message.\n"
        "\n"
        "Pour citer une vérification, écrivez ``[texte](/vrai-du-faux/nom-du-fichier/)``.\n"
        "\n"
        "```html\n"
        '<img src="/images/x.png">\n'
        "[lien]({filename}/pages/methode.md)\n"
        "```\n"
        "\n"
        "Exemple :\n"
        "\n"
        "    ![](/images/sans-texte.png)\n"
        "    [mort](/vrai-du-faux/inconnue/)\n"
        "\n"
        "~~~~\n"
        "[mort](/vrai-du-faux/inconnue-aussi/)\n"
        "~~~~\n"
    )
    assert problems(body) == []


def test_links_outside_code_are_still_checked_at_their_line():
    body = (
        "`du code` puis [un lien mort](/vrai-du-faux/velo-typo/).\n"
        "\n"
        "- un point\n"
        "\n"
        "    suite du point : [mort](/vrai-du-faux/autre/) et ![](/images/a.png)\n"
        "\n"
        "Un accent grave ` seul, puis [mort](/vrai-du-faux/encore/).\n"
        "\n"
        "Et un autre ` plus loin : [bon](/vrai-du-faux/velo/).\n"
    )
    lines = [line for line, _ in problems(body)]
    assert lines == [14, 10, 14, 16]  # the image without its text, then each dead link


def test_blanking_code_keeps_every_line_in_its_place():
    body = "a\n```\nb `c`\n```\n`d\ne` f\n"
    blanked = without_code(body)
    assert blanked.count("\n") == body.count("\n")
    assert blanked.split("\n")[0] == "a" and "b" not in blanked and "d" not in blanked
    assert blanked.split("\n")[5].endswith(" f")


def test_code_spans_pair_runs_of_backticks_as_commonmark_does():
    assert without_code("a `b` ``c`d`` e ` f\n\n` g `h`") == "a             e ` f\n\n     h`"
    assert without_code("```` x ```` `y") == " " * 12 + "`y"  # not a fence: inline
