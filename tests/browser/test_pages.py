"""Tier 4: one page of each type in a real Chromium, on a phone and on a desktop.

Each loads with no console error, asks nothing of another origin and passes
axe-core with zero violations. A new page type (a sheet, say) is one line in PAGES.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from conftest import node_tool, serve

# Page type -> address in the fixture site.
PAGES = {
    "home": "/",
    "claims-index": "/vrai-du-faux/",
    "claim": "/vrai-du-faux/logements-sociaux-13e/",
    "verdict": "/vrai-du-faux/verdict/plutot-faux/",
    "topic": "/sujets/logement/",
    "topics": "/sujets/",
    "claimant": "/personnalites/helene-marchetti/",
    "districts": "/arrondissements/",
    "district": "/arrondissements/19e/",
    "post": "/actualites/reunion-19e/",
    "sheets": "/fiches/",
    "sheet": "/fiches/transports/",
    "derived-sheet": "/fiches/logement/",
    "share-kit": "/partager/",
    "district-share-kit": "/arrondissements/paris-centre/partager/",
    "search": "/recherche/",
    "agenda": "/agenda/",
    "event": "/agenda/reunion-logement-19e/",
    "past-event": "/agenda/porte-a-porte-passe-19e/",
    "letters": "/lettres/",
    "letter": "/lettres/2026-s47/19e/",
    "post-with-photo": "/actualites/programme/",
    "flyer": "/arrondissements/19e/tract/",
    "method": "/methode/",
    "privacy": "/confidentialite/",
    "corrections": "/corrections/",
    "open-data": "/donnees/",
    "legal": "/mentions-legales/",
    "contact": "/contact/",
    "embed": "/vrai-du-faux/logements-sociaux-13e/integrer/",
    "404": "/404.html",
}
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def axe_source() -> str:
    return node_tool("axe-core", "axe.min.js").read_text(encoding="utf-8")


def open_page(page: Page, url: str) -> dict:
    """Load a page and record its console errors and the requests it makes."""
    seen = {"errors": [], "requests": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.goto(url)
    if url.split("?")[0].endswith("/recherche/"):
        # The index has loaded once the filters offer its values.
        expect(page.get_by_label("Verdict").locator("option")).not_to_have_count(1)
    return seen


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's violations on the page, one line each (injected inline: no request)."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGES)
def test_page_is_clean_accessible_and_asks_no_other_origin(
    page: Page, served_site, axe_source, kind, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    seen = open_page(page, served_site + PAGES[kind])
    assert seen["errors"] == []
    elsewhere = [url for url in seen["requests"] if not url.startswith(served_site + "/")]
    assert elsewhere == []
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("kind", ["home", "claim", "district", "share-kit", "search"])
def test_controls_are_big_enough_to_touch(page: Page, served_site, kind):
    """44 px at least for every control standing on its own (not links inside text)."""
    page.set_viewport_size(VIEWPORTS["phone"])
    open_page(page, served_site + PAGES[kind])
    controls = page.locator(
        "header a, footer nav a, .breadcrumb a, button:visible, input:visible, select:visible,"
        " .button, .tag, .share__link, .feeds a, .more, .verdict-filter a, .district-map a"
    )
    assert controls.count() > 5
    small = []
    for control in controls.all():
        if not control.is_visible():  # folded away (a closed <details>): not touchable yet
            continue
        box = control.bounding_box()
        if box and (box["height"] < 44 or box["width"] < 44):
            small.append((control.evaluate("e => e.outerHTML.slice(0, 80)"), box))
    assert small == []


def search(page: Page, served_site: str, words: str) -> Page:
    open_page(page, served_site + "/recherche/")
    page.get_by_label("Mots à chercher").fill(words)
    return page


@pytest.mark.parametrize("words", ["données publiées", "donnees publiees", "DONNÉES"])
def test_search_finds_a_claim_with_or_without_accents(page: Page, served_site, words):
    search(page, served_site, words)
    results = page.locator(".search__results")
    # The claim, then the sheet derived from the topic's claims, which quotes it.
    expect(results.get_by_role("link")).to_have_text(
        [  # truth first: the claim has no title, its headline is verdict and conclusion
            "Invérifiable : aucune donnée publique par arrondissement ne permet de le vérifier",
            "Écoles : l’essentiel",
        ]
    )
    expect(page.get_by_role("status")).to_have_text("2 résultats.")
    results.get_by_role("link").first.click()
    expect(page).to_have_url(served_site + "/vrai-du-faux/cantines-19e/")


def test_search_finds_a_written_sheet_by_its_objections(page: Page, served_site):
    search(page, served_site, "taxis")
    expect(page.locator(".search__results").get_by_role("link")).to_have_text(["Se déplacer mieux"])


def test_search_by_verdict_alone(page: Page, served_site):
    open_page(page, served_site + "/recherche/")
    page.get_by_text("Affiner par verdict, sujet ou arrondissement").click()
    page.get_by_label("Verdict").select_option("Faux")
    expect(page.locator(".search__results").get_by_role("link")).to_have_text(
        # As text, not markup; truth first: the verdict and the conclusion.
        ["Faux : la ligne 4 n’est pas la plus chargée <script>alert(1)</script> du réseau"]
    )


def test_search_narrowed_by_district(page: Page, served_site):
    search(page, served_site, "logement")
    links = page.locator(".search__results").get_by_role("link")
    expect(links).not_to_have_count(0)
    page.get_by_text("Affiner par verdict, sujet ou arrondissement").click()
    page.get_by_label("Arrondissement").select_option("13e arrondissement")
    expect(links).to_have_text(["Le 13e a-t-il perdu 2 000 logements sociaux ?"])


def test_search_words_can_come_in_the_address(page: Page, served_site):
    open_page(page, served_site + "/recherche/?q=velo")
    expect(page.get_by_label("Mots à chercher")).to_have_value("velo")
    expect(page.locator(".search__results li")).not_to_have_count(0)


@pytest.fixture(scope="session")
def served_parts_site(parts_site):
    """The fixture site with its search index in parts of 2 pages."""
    with serve(parts_site) as address:
        yield address


def found(page: Page, words: str) -> tuple[list[str], dict[str, list[str]]]:
    """The addresses a search finds, once every result is shown, and the filters' options."""
    page.get_by_label("Mots à chercher").fill(words)
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"résultat"))
    links = page.locator(".search__results a")
    expect(links).to_have_count(int(status.inner_text().split()[0]))
    options = {
        name: page.get_by_label(name).locator("option").all_inner_texts()
        for name in ("Verdict", "Sujet", "Arrondissement")
    }
    return sorted(links.evaluate_all("links => links.map(a => a.pathname)")), options


def test_an_index_in_parts_finds_and_filters_as_one_index(
    page: Page, served_site, served_parts_site
):
    seen = open_page(page, served_parts_site + "/recherche/")
    in_parts = found(page, "logement")
    open_page(page, served_site + "/recherche/")
    whole = found(page, "logement")
    assert in_parts == whole
    assert len(whole[0]) > 2
    # Each part after the first: its entry and metadata, never a script or WebAssembly.
    parts = [url for url in seen["requests"] if "/pagefind/parties/" in url]
    assert parts and not [url for url in parts if url.endswith((".js", ".pagefind"))]
    assert seen["errors"] == []


def test_without_javascript_the_search_page_says_how_to_browse(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "/recherche/")
    expect(page.get_by_role("search")).to_be_hidden()
    browse = page.get_by_role("region", name="Parcourir le site")
    for name in ["toutes les vérifications", "par sujet", "par arrondissement"]:
        expect(browse.get_by_role("link", name=name)).to_be_visible()
    context.close()


@pytest.mark.parametrize("presses", [1, 2, 8])
def test_keyboard_focus_is_always_visible(page: Page, served_site, presses):
    """The skip link, the brand and a navigation link: each shows a 3 px outline."""
    open_page(page, served_site + "/")
    for _ in range(presses):
        page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline == ["solid", 3]
