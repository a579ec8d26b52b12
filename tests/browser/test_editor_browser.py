"""`make edit` for real: Decap CMS in Chromium writes a claim into content/.

The editor runs as `make edit` runs it (campaign.commands.edit: decap-server on
127.0.0.1 and the live preview serving /admin/), on a copy of the fixture content.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect
from slugify import slugify

from campaign.editor.site import DECAP_DIST

from conftest import ROOT, copy_fixture

pytestmark = pytest.mark.browser

TITLE = "Les bus du 20e roulent-ils 30 % plus vite ?"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"make edit n'écoute pas sur le port {port}")


@pytest.fixture
def editor(tmp_path):
    """`make edit` on a copy of the fixture content: (content folder, address)."""
    if not (DECAP_DIST / "decap-cms.js").exists():
        pytest.fail(f"{DECAP_DIST} manque : lancez `make editor` (npm ci dans tools/editor).")
    content = copy_fixture("site", tmp_path)
    port, backend = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "campaign.commands.edit", "--port", str(port),
         "--backend-port", str(backend), "--content", str(content),
         "--output", str(tmp_path / "output"), "-s", str(ROOT / "pelicanconf.py")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    wait_for_port(port, process)
    yield content, f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


class Requests:
    """Every request the page makes, and every request its policy refused."""

    def __init__(self, page: Page):
        self.urls: list[str] = []
        self.refused: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on(
            "console",
            lambda message: (
                self.refused.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )

    def foreign(self, address: str) -> list[str]:
        origin = urlsplit(address)
        return [
            url
            for url in self.urls
            if (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
        ]


def shots(content: Path) -> Path:
    """Where screenshots go: EDITOR_SHOTS to look at them, else beside the test's files."""
    return Path(os.environ.get("EDITOR_SHOTS", content.parent))


def log_in(page: Page, address: str) -> None:
    page.goto(address + "/admin/")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("link", name="Vérifications")).to_be_visible(timeout=30_000)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of one of Decap's select fields by typing its label."""
    field = page.get_by_label(label, exact=True)
    field.click()
    field.fill(option)
    page.keyboard.press("Enter")


def wait_for_file(path: Path, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size:
            return path.read_text(encoding="utf-8")
        time.sleep(0.2)
    pytest.fail(f"{path} n'a pas été écrit ; fichiers : {sorted(os.listdir(path.parent))}")


def open_when_built(page: Page, url: str, seconds: float = 60) -> None:
    """Open a page the live preview is still building (404 until then)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.goto(url).ok:
            return
        time.sleep(0.5)
    pytest.fail(f"{url} toujours introuvable après {seconds} s")


def run_check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "campaign.commands.check", "-s", str(ROOT / "pelicanconf.py"),
         "--path", str(content)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True, text=True,
    )  # fmt: skip


def test_a_claim_written_in_the_editor_is_a_draft_that_check_accepts(page: Page, editor):
    content, address = editor
    requests = Requests(page)
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.goto(address + "/admin/#/collections/claims/new")
    page.get_by_label("Titre de la page", exact=True).fill(TITLE)
    page.get_by_label("L'affirmation vérifiée", exact=True).fill(
        "Depuis la voie réservée, les bus du 20e roulent 30 % plus vite."
    )
    choose(page, "Auteur de l'affirmation", "Bertrand Olivo")
    choose(page, "Verdict", "Plutôt faux")
    page.get_by_label("Conclusion", exact=True).fill(
        "La vitesse commerciale a gagné 8 %, pas 30 % : le chiffre cité mesure une seule ligne."
    )
    choose(page, "Sujets", "Transports")
    page.get_by_label("Titre du document", exact=True).fill("Vitesse commerciale des bus 2025")
    page.get_by_label("Adresse (https://...)", exact=True).fill("https://www.ratp.fr/bus")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".verdict")).to_contain_text("Plutôt faux")
    page.screenshot(path=str(shots(content) / "editeur-formulaire.png"))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()

    saved = content / "claims" / f"{slugify(TITLE)}.md"
    text = wait_for_file(saved)
    expect(page.get_by_text("Enregistré", exact=True)).to_be_visible()
    page.screenshot(path=str(shots(content) / "editeur-enregistre.png"))
    front = yaml.safe_load(text.split("---")[1])
    assert front["status"] == "draft"
    assert front["verdict"] == "plutot-faux"
    assert front["topics"] == ["transports"]
    assert front["sources"][0]["url"] == "https://www.ratp.fr/bus"
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr

    # The live preview rebuilds and shows the draft at its own address.
    open_when_built(page, address + f"/vrai-du-faux/{slugify(TITLE)}/")
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".draft")).to_contain_text("brouillon")
    page.screenshot(path=str(shots(content) / "apercu-page.png"))
    expect(page.locator(".conclusion .verdict")).to_contain_text("Plutôt faux")
    assert requests.foreign(address) == []
    assert requests.refused == []


def test_an_existing_claim_edited_in_the_editor_stays_valid(page: Page, editor):
    content, address = editor
    requests = Requests(page)
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.screenshot(path=str(shots(content) / "editeur-liste.png"))
    page.goto(address + "/admin/#/collections/claims/entries/logements-sociaux-13e")
    summary = page.get_by_label("Conclusion", exact=True)
    expect(summary).to_have_value(re.compile("^Le parc social du 13e"))
    summary.fill(
        "Le parc social du 13e a augmenté de 2 % : la baisse citée compte les attributions."
    )
    choose(page, "Statut", "Publié")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    claim = content / "claims" / "logements-sociaux-13e.md"
    deadline = time.monotonic() + 30
    while "de 2 %" not in claim.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr
    page.goto(address + "/admin/#/collections/sheets/entries/transports")
    page.reload()  # a new entry's page, not the last one's form
    expect(page.get_by_label("Titre", exact=True)).to_have_value("Se déplacer mieux")
    page.screenshot(path=str(shots(content) / "editeur-fiche.png"), full_page=True)
    assert requests.foreign(address) == []
    assert requests.refused == []


def test_a_phone_photo_uploaded_in_the_editor_lands_where_check_accepts_it(
    page: Page, editor, tmp_path
):
    """« Media », a photo straight from a phone (IMG_0412.JPG, GPS in its EXIF): it is
    written into content/images/ under a name check accepts, and the preview
    publishes it without its metadata."""
    from PIL import Image

    content, address = editor
    requests = Requests(page)
    photo = tmp_path / "IMG_0412.JPG"
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    Image.new("RGB", (800, 600), (200, 100, 50)).save(photo, exif=exif)
    log_in(page, address)
    page.get_by_text("Media", exact=True).click()
    page.locator("input[type=file]").set_input_files(str(photo))
    expect(page.get_by_text("img-0412.jpg", exact=True)).to_be_visible(timeout=30_000)
    saved = content / "images" / "img-0412.jpg"
    assert saved.read_bytes() == photo.read_bytes()
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr
    published = content.parent / "output" / "images" / "img-0412.jpg"
    deadline = time.monotonic() + 60
    while not published.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    with Image.open(published) as image:
        assert dict(image.getexif()) == {}
    assert requests.refused == []


def test_a_whole_sentence_as_title_saves_under_a_name_check_accepts(page: Page, editor):
    content, address = editor
    log_in(page, address)
    page.goto(address + "/admin/#/collections/posts/new")
    page.get_by_label("Titre", exact=True).fill(
        "Le maire a-t-il vraiment dit que le 13e avait perdu 2 000 logements sociaux depuis 2020 ?"
    )
    page.get_by_label("Résumé", exact=True).fill("Ce qu'il a dit, et ce que disent les chiffres.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    expect(page.get_by_text("Enregistré", exact=True)).to_be_visible(timeout=30_000)
    [saved] = [p for p in (content / "posts").glob("le-maire-*.md")]
    assert saved.stem == "le-maire-a-t-il-vraiment-dit-que-le-13e-avait-perdu-2-000-logements-soci"
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr
    # A title without a letter or a digit names no file: said in French, nothing written.
    page.goto(address + "/admin/#/collections/posts/new")
    page.reload()
    page.get_by_label("Titre", exact=True).fill("🔥🔥 !!!")
    page.get_by_label("Résumé", exact=True).fill("Rien.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    notice = page.get_by_text(re.compile("au moins une lettre ou un chiffre")).first
    expect(notice).to_be_visible()
    # French only: Decap's sentence, then ours, without the error's English name.
    expect(notice).to_have_text(
        re.compile("^Échec de l'enregistrement de l'entrée : le titre doit contenir")
    )
    assert sorted(p.name for p in (content / "posts").iterdir()) == sorted(
        ["programme.md", "reunion-19e.md", saved.name]
    )


def test_today_s_call_to_action_written_in_the_editor_heads_the_share_kit(page: Page, editor):
    """A press officer without git: the day's task, for the 19e, pointing at a claim;
    saved as a file `make check` accepts, it heads the kit the live preview builds."""
    content, address = editor
    requests = Requests(page)
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.goto(address + "/admin/#/collections/actions/new")
    page.get_by_label("Titre", exact=True).fill("Les logements du 13e : partagez")
    page.get_by_label("La tâche", exact=True).fill(
        "Partagez la vérification sur les logements sociaux dans vos groupes avant 20 h."
    )
    day = page.get_by_label("Jour de l'action", exact=True)
    expect(day).to_have_value(time.strftime("%Y-%m-%d"))  # today, unless told otherwise
    day.fill("2026-11-22")  # the example's day (pelicanconf.py, CAMPAIGN_NOW)
    choose(page, "À partager (optionnel)", "2 000 logements sociaux")
    choose(page, "Arrondissements (optionnel)", "19e arrondissement")
    choose(page, "Statut", "Publié")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".action__task")).to_contain_text("Partagez la vérification")
    page.screenshot(path=str(shots(content) / "editeur-action.png"))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()

    saved = content / "actions" / "les-logements-du-13e-partagez.md"
    front = yaml.safe_load(wait_for_file(saved).split("---")[1])
    assert front["item"] == "logements-sociaux-13e"
    assert front["districts"] == ["19e"]
    assert str(front["date"]) == "2026-11-22"
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr

    open_when_built(page, address + "/arrondissements/19e/partager/")
    deadline = time.monotonic() + 60
    first = page.locator(".action").first
    while "logements du 13e" not in (first.text_content() or "") and time.monotonic() < deadline:
        time.sleep(0.5)
        page.reload()
    expect(first.locator(".action__title")).to_have_text("Les logements du 13e : partagez")
    # The claim to share follows it, verdict first, ready to share from the kit.
    shared = first.locator("xpath=..").locator("a[href*='logements-sociaux-13e']").first
    expect(shared).to_contain_text("Plutôt faux : le parc social du 13e a augmenté")
    page.screenshot(path=str(shots(content) / "kit-action.png"))
    assert requests.foreign(address) == []
    assert requests.refused == []


def test_an_event_written_in_the_editor_is_a_draft_that_check_accepts(page: Page, editor):
    content, address = editor
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.goto(address + "/admin/#/collections/events/new")
    page.get_by_label("Titre", exact=True).fill("Réunion sur les écoles du 19e")
    page.get_by_label("Début", exact=True).fill("2027-01-14T18:30")
    page.get_by_label("Fin", exact=True).fill("2027-01-14T20:00")
    page.get_by_label("Nom du lieu", exact=True).fill("Mairie du 19e")
    page.get_by_label("Adresse", exact=True).fill("5-7 place Armand-Carrel, 75019 Paris")
    page.get_by_label("Résumé", exact=True).fill("Les écoles du 19e, avec les parents d'élèves.")
    choose(page, "Arrondissements (optionnel)", "19e arrondissement")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".event__when")).to_contain_text("14/01/2027 à 18 h 30")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    saved = content / "events" / "reunion-sur-les-ecoles-du-19e.md"
    front = yaml.safe_load(wait_for_file(saved).split("---")[1])
    assert front["status"] == "draft"
    assert (front["start"], front["end"]) == ("2027-01-14 18:30", "2027-01-14 20:00")
    assert front["place"] == {
        "name": "Mairie du 19e",
        "address": "5-7 place Armand-Carrel, 75019 Paris",
    }
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_post_s_photo_chosen_in_the_editor_is_one_check_accepts(page: Page, editor, tmp_path):
    """A photo sent from the post's form: written into content/images/, named in the
    front matter as `make check` reads it (images/<name>), with its alt text; a post
    saved without a photo has no `image` at all."""
    from PIL import Image

    content, address = editor
    photo = tmp_path / "Marche Riquet.jpg"
    Image.new("RGB", (1200, 800), (40, 120, 90)).save(photo)
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.goto(address + "/admin/#/collections/posts/new")
    page.get_by_label("Titre", exact=True).fill("Au marché Riquet ce dimanche")
    page.get_by_label("Résumé", exact=True).fill(
        "Nos bénévoles au marché, et ce qu'on y a entendu."
    )
    page.get_by_role("button", name=re.compile("Choisissez une image|Choisir une image")).click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name=re.compile("Choisir la sélection|Choisir")).last.click()
    page.get_by_label("Ce que montre la photo (optionnel)", exact=True).fill(
        "Un stand de la campagne au marché Riquet, des passants devant"
    )
    page.screenshot(path=str(shots(content) / "editeur-photo.png"))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    saved = content / "posts" / "au-marche-riquet-ce-dimanche.md"
    front = yaml.safe_load(wait_for_file(saved).split("---")[1])
    assert front["image"]["file"] == "images/marche-riquet.jpg", front["image"]
    assert (content / "images" / "marche-riquet.jpg").exists()
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_promise_followed_in_the_editor_stands_where_its_last_step_says(page: Page, editor):
    """A promise with two dated steps: no status to keep in agreement with them, a
    draft until unticked, a file `make check` accepts."""
    content, address = editor
    page.set_viewport_size({"width": 1400, "height": 1000})
    log_in(page, address)
    page.goto(address + "/admin/#/collections/promises/new")
    page.get_by_label("La promesse", exact=True).fill(
        "Nous ouvrirons 300 places de crèche dans le 13e."
    )
    page.get_by_label("Titre de la page", exact=True).fill("300 places de crèche dans le 13e")
    choose(page, "Qui l'a faite", "Hélène Marchetti")
    page.get_by_label("Date de la promesse", exact=True).fill("2020-02-10")
    for number, (day, status, note) in enumerate(
        [
            ("2021-06-01", "En cours", "Chantiers lancés."),
            ("2025-09-01", "Compromis", "180 sur 300."),
        ]
    ):
        page.get_by_role("button", name=re.compile("Ajouter étapes")).click()
        page.get_by_label("Date de l'étape", exact=True).nth(number).fill(day)
        field = page.get_by_label("Où elle en est", exact=True).nth(number)
        field.click()
        field.fill(status)
        page.keyboard.press("Enter")
        page.get_by_label("Ce qui a changé", exact=True).nth(number).fill(note)
    choose(page, "Sujets", "Logement")
    if not page.get_by_label("Titre du document", exact=True).count():
        page.get_by_role("button", name=re.compile("Ajouter sources")).click()
    page.get_by_label("Titre du document", exact=True).fill("Bilan des crèches 2025")
    page.get_by_label("Adresse (https://...)", exact=True).fill("https://example.org/bilan")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".promise-status")).to_contain_text("Compromis")
    expect(preview.locator("p.draft")).to_contain_text("brouillon")  # `draft: true`
    page.screenshot(path=str(shots(content) / "editeur-promesse.png"), full_page=True)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_text("Enregistrer maintenant").click()
    saved = content / "promises" / "300-places-de-creche-dans-le-13e.md"
    front = yaml.safe_load(wait_for_file(saved).split("---")[1])
    assert front["draft"] is True and "status" not in front
    assert [step["status"] for step in front["history"]] == ["en-cours", "compromis"]
    check = run_check(content)
    assert check.returncode == 0, check.stdout + check.stderr


def behind_paris(zone: str) -> str:
    """« 1 h de retard » for UTC in winter, as the editor says it, for today."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    now = datetime.now(ZoneInfo("UTC"))
    difference = (
        now.astimezone(ZoneInfo(zone)).utcoffset()
        - now.astimezone(ZoneInfo("Europe/Paris")).utcoffset()
    )
    hours = difference.total_seconds() / 3600
    word = "d'avance" if hours > 0 else "de retard"
    return f"{abs(hours):g} h {word}".replace(".", ",")


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata", None])
def test_a_computer_not_on_paris_time_is_told_its_times_are_read_as_paris_time(
    browser, editor, zone
):
    """Decap writes the computer's time, which the site reads as Paris time."""
    content, address = editor
    said = behind_paris(zone) if zone else None
    context = browser.new_context(timezone_id=zone or "Europe/Paris")
    page = context.new_page()
    log_in(page, address)
    notice = page.locator(".campaign-zone")
    if said is None:
        expect(notice).to_have_count(0)
    else:
        expect(notice).to_contain_text(f"cet ordinateur n'est pas à l'heure de Paris ({said})")
        expect(notice).to_have_attribute("role", "status")
    context.close()
