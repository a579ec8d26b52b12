"""The web editor's configuration, made from the settings and the data files, and the
/admin/ the build writes (tiers 1 and 3; the browser test is test_editor_browser.py)."""

import copy
import gzip
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from campaign.content.catalogue import load_catalogue
from campaign.content.frontmatter import parse
from campaign.content.lookups import ALT_MAX
from campaign.content.loop import ACTION_FIELDS, EVENT_FIELDS, parse_action, parse_event
from campaign.content.promises import PROMISE_FIELDS, parse_promise
from campaign.content.validate import (
    CLAIM_FIELDS,
    CLAIM_MAX,
    POST_FIELDS,
    SHEET_FIELDS,
    SUMMARY_MAX,
    parse_claim,
    parse_post,
    parse_sheet,
)
from campaign.editor.collections import KINDS
from campaign.editor.config import (
    EditorSettingError,
    catalogue_choices,
    claim_choices,
    config_yaml,
    editor_config,
    shareable_choices,
)
from campaign.editor.site import admin_page, bundle_files, content_security_policy
from campaign.editor.widgets import URL_PATTERN
from campaign.settings import PROMISE_STATUSES, VERDICTS, apply_defaults

from conftest import FIXTURES, build_site, site_settings

SITE = FIXTURES / "site"
LOCAL = {"backend": {"name": "proxy", "proxy_url": "/api/v1"}}
TIMEZONE = __import__("zoneinfo").ZoneInfo("Europe/Paris")
PARSERS = {
    "claims": parse_claim,
    "posts": parse_post,
    "sheets": parse_sheet,
    "actions": parse_action,
    "events": parse_event,
    "promises": parse_promise,
}
KNOWN = {
    "claims": CLAIM_FIELDS,
    "posts": POST_FIELDS,
    "sheets": SHEET_FIELDS,
    "actions": ACTION_FIELDS,
    "events": EVENT_FIELDS,
    "promises": PROMISE_FIELDS,
}
NAMES = list(KNOWN)

# A valid entry of each kind, every field the editor can require filled in.
VALID = {
    "claims": {
        "title": "Le bus est-il plus rapide ?",
        "claim": "Les bus roulent 30 % plus vite.",
        "claimant": "Bertrand Olivo",
        "verdict": "faux",
        "summary": "Ils roulent 8 % plus vite.",
        "date": "2026-03-12 09:00",
        "topics": ["transports"],
        "sources": [{"title": "Rapport", "url": "https://example.org/rapport"}],
        "status": "draft",
    },
    "posts": {
        "title": "Réunion publique",
        "date": "2026-03-12 09:00",
        "summary": "Venez nombreux.",
        "status": "draft",
    },
    "sheets": {
        "topic": "transports",
        "title": "Se déplacer",
        "pitch": "Des bus plus rapides.",
        "date": "2026-03-12 09:00",
        "key_figures": [
            {"value": str(n), "label": "lignes", "source": "https://example.org/a"}
            for n in range(3)
        ],
        "arguments": ["Des voies réservées."],
        "status": "draft",
    },
    "actions": {
        "title": "Tractage au marché",
        "date": "2026-03-12",
        "task": "Distribuez le tract au marché Riquet avant midi.",
        "status": "draft",
    },
    "events": {
        "title": "Réunion publique",
        "start": "2026-03-20 18:00",
        "end": "2026-03-20 20:00",
        "place": {"name": "Mairie du 19e", "address": "5-7 place Armand-Carrel, 75019 Paris"},
        "summary": "Les écoles du 19e, avec les parents.",
        "date": "2026-03-12 09:00",
        "status": "draft",
    },
    "promises": {
        "promise": "Nous ouvrirons 300 places de crèche dans le 13e.",
        "title": "300 places de crèche",
        "promiser": "Hélène Marchetti",
        "promise_date": "2020-02-10",
        "history": [{"date": "2021-06-01", "status": "en-cours", "note": "Chantiers lancés."}],
        "date": "2026-03-12 09:00",
        "topics": ["logement"],
        "sources": [{"title": "Bilan", "url": "https://example.org/bilan"}],
        "draft": True,
    },
}
BASENAMES = {
    "claims": "bus",
    "posts": "reunion",
    "sheets": "transports",
    "actions": "tractage",
    "events": "reunion",
    "promises": "creches",
}


@pytest.fixture(scope="module")
def settings():
    settings = site_settings(SITE, Path("/tmp/unused"), CAMPAIGN_EDITOR=LOCAL)
    apply_defaults(settings)
    return settings


@pytest.fixture(scope="module")
def config(settings):
    catalogue, problems = load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)
    assert problems == []
    choices = catalogue_choices(catalogue, claim_choices(str(SITE / "claims")))
    return editor_config(settings, choices)


def collection(config, name) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def field(fields, name) -> dict:
    return next(f for f in fields if f["name"] == name)


def values(options) -> list[str]:
    return [option["value"] for option in options]


def test_verdict_is_a_choice_among_the_configured_scale(config):
    verdict = field(collection(config, "claims")["fields"], "verdict")
    assert verdict["widget"] == "select" and verdict["required"] is True
    assert verdict["options"] == [{"label": v["label"], "value": v["slug"]} for v in VERDICTS]


def test_a_changed_scale_changes_the_editor(settings):
    scale = copy.deepcopy(VERDICTS[:2])
    scale[0]["slug"], scale[0]["label"] = "exact", "Exact"
    catalogue, _ = load_catalogue(str(SITE), scale)
    config = editor_config(settings, catalogue_choices(catalogue, ()))
    verdict = field(collection(config, "claims")["fields"], "verdict")
    assert values(verdict["options"]) == ["exact", "plutot-vrai"]


def test_topics_and_districts_are_choices_from_the_data_files(config):
    topics = yaml.safe_load((SITE / "data" / "topics.yaml").read_text(encoding="utf-8"))
    districts = yaml.safe_load((SITE / "data" / "districts.yaml").read_text(encoding="utf-8"))
    for name in ("claims", "posts"):
        fields = collection(config, name)["fields"]
        assert values(field(fields, "topics")["options"]) == [t["slug"] for t in topics]
        assert field(fields, "topics")["multiple"] is True
        assert values(field(fields, "districts")["options"]) == [str(d["slug"]) for d in districts]
    sheet_topic = field(collection(config, "sheets")["fields"], "topic")
    assert [o["label"] for o in sheet_topic["options"]] == [t["name"] for t in topics]


def test_an_objection_cites_one_of_the_existing_claims(config):
    objection = field(collection(config, "sheets")["fields"], "objections")["fields"]
    slugs = values(field(objection, "claim")["options"])
    assert slugs == sorted(path.stem for path in (SITE / "claims").glob("*.md"))
    labels = {o["value"]: o["label"] for o in field(objection, "claim")["options"]}
    assert "(brouillon)" in labels["brouillon-logement"]


@pytest.mark.parametrize("name", NAMES)
def test_the_editor_writes_only_fields_the_checks_know(config, name):
    written = {f["name"] for f in collection(config, name)["fields"]} - {"body"}
    assert written <= set(KNOWN[name])


@pytest.mark.parametrize("name", NAMES)
def test_every_field_has_a_french_label_and_every_top_field_a_hint(config, name):
    for entry in collection(config, name)["fields"]:
        assert entry["label"] and entry.get("hint"), entry["name"]
        for child in entry.get("fields", []) + [entry.get("field") or {"label": "x"}]:
            assert child["label"], child


def front(values: dict):
    return parse("editeur.md", yaml.safe_dump(values, allow_unicode=True))


@pytest.mark.parametrize("name", NAMES)
def test_a_field_the_editor_requires_is_one_the_checks_require(name):
    """Each field marked required, taken out of a valid entry, makes `make check`
    refuse it (a claim's title alone is the editor's own rule: it names the file)."""
    catalogue, _ = load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)
    parser = PARSERS[name]
    assert not isinstance(parser(front(VALID[name]), BASENAMES[name], catalogue, TIMEZONE), list)
    kind = next(k for k in KINDS if k.name == name)
    required = [f["name"] for f in kind.fields(catalogue_choices(catalogue, ())) if f["required"]]
    for key in required:
        if key == "status" or (name, key) in (("claims", "title"), ("promises", "title")):
            continue  # status has a default (published), which the editor makes draft;
            # a title names the file in the editor (a promise's is its words otherwise)
        partial = {k: v for k, v in VALID[name].items() if k != key}
        result = parser(front(partial), BASENAMES[name], catalogue, TIMEZONE)
        assert isinstance(result, list) and any(key in p.message for p in result), (name, key)


def test_an_action_points_at_a_claim_post_or_sheet_by_its_file_name(settings):
    catalogue, _ = load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)
    shareable = shareable_choices(str(SITE), settings)
    item = field(action_fields_of(settings, catalogue, shareable), "item")
    offered = values(item["options"])
    assert not item["required"]
    claims = sorted(p.stem for p in (SITE / "claims").glob("*.md"))
    posts = sorted(p.stem for p in (SITE / "posts").glob("*.md"))
    sheets = sorted(p.stem for p in (SITE / "sheets").glob("*.md"))
    assert offered == claims + posts + sheets
    labels = [option["label"] for option in item["options"]]
    assert labels[0].startswith("Vérification : ") and labels[-1].startswith("Fiche : ")
    # Each is a slug `make check` accepts as an action's item.
    for slug in offered:
        action = {**VALID["actions"], "item": slug}
        assert not isinstance(parse_action(front(action), "tractage", catalogue, TIMEZONE), list), (
            slug
        )


def action_fields_of(settings, catalogue, shareable) -> list[dict]:
    choices = catalogue_choices(catalogue, (), shareable)
    return collection(editor_config(settings, choices), "actions")["fields"]


def test_an_event_s_times_are_left_for_the_writer_to_fill_in(config):
    """A start or an end filled in for the writer (now) would pass as real; the day of
    an action, today, is what a writer most often means."""
    events = collection(config, "events")["fields"]
    for name in ("start", "end"):
        assert field(events, name)["default"] == "" and field(events, name)["required"]
        assert field(events, name)["format"] == "YYYY-MM-DD HH:mm"
    place = field(events, "place")
    assert place["required"] and [f["name"] for f in place["fields"]] == ["name", "address"]
    actions = collection(config, "actions")["fields"]
    assert field(actions, "date")["default"] == "{{now}}"
    assert field(actions, "date")["format"] == "YYYY-MM-DD"
    assert field(actions, "until")["default"] == ""


@pytest.mark.parametrize("name", ["posts", "events"])
def test_a_photo_is_named_as_check_reads_it_with_its_sentence(config, name):
    """`image: {file: images/<name>, alt}`: the media library's file named from the
    content folder (not the site's root, /images/...), neither part required by the
    form (an entry without a photo must save), the sentence as long as check allows."""
    image = field(collection(config, name)["fields"], "image")
    file, alt = image["fields"]
    assert (file["widget"], file["public_folder"], file["required"]) == ("image", "images", False)
    assert (
        alt["name"] == "alt" and not alt["required"] and "Obligatoire avec une photo" in alt["hint"]
    )
    pattern = re.compile(alt["pattern"][0])
    assert pattern.match("x" * ALT_MAX) and not pattern.match("x" * (ALT_MAX + 1))
    assert not image["required"] and image["collapsed"] is False
    catalogue, _ = load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)
    photo = {"file": "images/photo.jpg", "alt": "Des bénévoles au marché"}
    entry = {**VALID[name], "image": photo}
    parsed = PARSERS[name](front(entry), BASENAMES[name], catalogue, TIMEZONE)
    assert not isinstance(parsed, list) and parsed.image.file == "images/photo.jpg"


def test_a_promise_s_steps_are_chosen_on_the_tracker_s_scale(config):
    history = field(collection(config, "promises")["fields"], "history")
    date, status, note = history["fields"]
    assert values(status["options"]) == [entry["slug"] for entry in PROMISE_STATUSES]
    assert status["required"] and date["required"] and note["required"]
    assert history["min"] == 1 and history["required"]
    assert date.get("default", "") == ""  # a step's day is never filled in for the writer


def test_a_quote_s_language_is_a_code_as_check_reads_it(config):
    language = field(collection(config, "claims")["fields"], "claim_lang")
    pattern = re.compile(language["pattern"][0])
    catalogue, _ = load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)
    for written, valid in [("en", True), ("pt-BR", True), ("anglais", False), ("e n", False)]:
        assert bool(pattern.match(written)) is valid, written
        parsed = parse_claim(
            front({**VALID["claims"], "claim_lang": written}), "bus", catalogue, TIMEZONE
        )
        assert isinstance(parsed, list) is not valid, written
    assert not language["required"]


def test_length_limits_are_those_of_the_checks(config):
    fields = collection(config, "claims")["fields"]
    for name, limit in (("claim", CLAIM_MAX), ("summary", SUMMARY_MAX)):
        pattern = re.compile(field(fields, name)["pattern"][0])
        assert pattern.match("é\n" * (limit // 2))
        assert not pattern.match("x" * (limit + 1))


def test_addresses_are_checked_as_make_check_does(config):
    source = field(collection(config, "claims")["fields"], "sources")["fields"]
    assert field(source, "url")["pattern"][0] == URL_PATTERN
    for address, valid in [("https://insee.fr/a", True), ("insee.fr", False), ("ftp://a.b", False)]:
        assert bool(re.match(URL_PATTERN, address)) is valid


def test_new_entries_are_drafts_named_like_make_new(config):
    for kind in config["collections"]:
        if kind["name"] == "promises":  # `status` is where a promise stands
            draft = field(kind["fields"], "draft")
            assert draft["widget"] == "boolean" and draft["default"] is True
            assert "status" not in {f["name"] for f in kind["fields"]}
            assert kind["view_filters"] == [
                {"label": "Brouillons", "field": "draft", "pattern": True}
            ]
            continue
        status = field(kind["fields"], "status")
        assert status["default"] == "draft" and values(status["options"]) == ["draft", "published"]
    # The title's first 72 characters: a whole sentence gives a name check accepts.
    assert collection(config, "claims")["slug"] == "{{slug | truncate(72, '-')}}"
    assert collection(config, "posts")["slug"] == collection(config, "claims")["slug"]
    assert collection(config, "sheets")["slug"] == "{{fields.topic}}"
    assert config["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
    }


def test_dates_are_written_in_the_formats_the_checks_read(config):
    fields = collection(config, "claims")["fields"]
    assert field(fields, "date")["format"] == "YYYY-MM-DD HH:mm"
    assert field(fields, "date")["default"] == "{{now}}"
    assert field(fields, "claim_date")["format"] == "YYYY-MM-DD"


def test_folders_are_named_from_the_repository_root(config):
    assert [c["folder"] for c in config["collections"]] == [
        "site/claims",
        "site/posts",
        "site/sheets",
        "site/actions",
        "site/events",
        "site/promises",
    ]
    assert config["media_folder"] == "site/images"


def test_a_setting_without_backend_is_refused_in_french(settings):
    with pytest.raises(EditorSettingError, match="backend"):
        editor_config({**settings, "CAMPAIGN_EDITOR": {"repo": "x"}}, None)


def test_same_settings_same_bytes(config):
    assert config_yaml(config) == config_yaml(copy.deepcopy(config))
    assert yaml.safe_load(config_yaml(config)) == config


def test_the_page_is_noindex_and_its_policy_allows_only_the_site():
    page = BeautifulSoup(admin_page("Site", VERDICTS, LOCAL), "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'self'" in policy and "connect-src 'self' blob:;" in policy
    assert [s["src"] for s in page.find_all("script", src=True)] == ["decap-cms.js", "editor.js"]


def test_online_the_policy_allows_the_git_host_and_its_login_service():
    backend = {"name": "github", "repo": "a/b", "base_url": "https://connexion.example.org/"}
    policy = content_security_policy(backend)
    assert (
        "connect-src 'self' blob: https://api.github.com https://connexion.example.org;" in policy
    )


def fake_dist(folder: Path) -> Path:
    """Decap's dist folder, as small as can be: the build links whatever is there."""
    dist = folder / "decap-cms" / "dist"
    dist.mkdir(parents=True)
    (folder / "decap-cms" / "package.json").write_text('{"version": "0.0.1"}')
    for name in ("decap-cms.js", "12.decap-cms.js", "a.wasm", "decap-cms.js.map", "12.cms.js"):
        (dist / name).write_text(f"/* {name} */")
    return dist


def test_bundle_files_are_the_main_file_its_parts_and_wasm(tmp_path):
    assert bundle_files(fake_dist(tmp_path)) == ["decap-cms.js", "12.decap-cms.js", "a.wasm"]


def test_the_build_writes_admin_only_when_asked_and_lists_it_nowhere(tmp_path):
    dist = fake_dist(tmp_path)
    plain = build_site(SITE, tmp_path / "plain")
    assert not (plain / "admin").exists()
    output = build_site(
        SITE, tmp_path / "output", CAMPAIGN_EDITOR=LOCAL, CAMPAIGN_EDITOR_DIST=str(dist)
    )
    names = sorted(p.name for p in (output / "admin").iterdir())
    assert names == [
        "12.decap-cms.js",
        "a.wasm",
        "config.yml",
        "decap-cms.js",
        "editor.js",
        "index.html",
    ]
    config = yaml.safe_load((output / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == LOCAL["backend"]
    assert "admin" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    for fragment in (output / "pagefind" / "fragment").iterdir():
        assert b"/admin/" not in gzip.decompress(fragment.read_bytes())
    for path in output.rglob("*.html"):
        if "admin" not in path.parts:
            assert "/admin/" not in path.read_text(encoding="utf-8"), path


def test_asked_without_decap_installed_the_build_says_what_to_run(tmp_path):
    with pytest.raises(Exception, match="make editor"):
        build_site(
            SITE, tmp_path / "output", CAMPAIGN_EDITOR=LOCAL,
            CAMPAIGN_EDITOR_DIST=str(tmp_path / "absent"),
        )  # fmt: skip


def test_each_entry_links_to_its_page_on_the_preview_or_the_site(settings, config):
    paths = {c["name"]: c["preview_path"] for c in config["collections"]}
    assert paths == {
        "claims": "vrai-du-faux/{{slug}}/",
        "posts": "actualites/{{slug}}/",
        "sheets": "fiches/{{slug}}/",
        "actions": "partager/#action-{{slug}}",  # an action is shown in the share kit
        "events": "agenda/{{slug}}/",
        "promises": "promesses/{{slug}}/",
    }
    local = {**LOCAL, "site_url": "http://127.0.0.1:8000"}
    choices = catalogue_choices(load_catalogue(str(SITE), VERDICTS, PROMISE_STATUSES)[0], ())
    assert editor_config({**settings, "CAMPAIGN_EDITOR": local}, choices)["site_url"] == (
        "http://127.0.0.1:8000"
    )


def proxy_request(path="/api/v1", **headers):
    """The editor's proxy handler as it sees one request, without a socket."""
    from email.message import Message

    from campaign.commands.edit import EditorHandler

    handler = object.__new__(EditorHandler)
    handler.path = path
    handler.headers = Message()
    given = {key.replace("_", "-"): value for key, value in headers.items()}
    for key, value in {
        "Host": "127.0.0.1:8000",
        "Content-Type": "application/json",
        **given,
    }.items():
        handler.headers[key] = value
    return handler.refusal()


def test_only_the_editor_page_of_this_machine_may_write_through_the_proxy():
    assert proxy_request() == ""
    assert proxy_request(Origin="http://127.0.0.1:8000") == ""
    assert "origine" in proxy_request(Origin="https://site-malveillant.example")
    assert "hôte" in proxy_request(Host="rebinding.example:8000")
    assert "JSON" in proxy_request(Content_Type="text/plain")
    assert "inconnue" in proxy_request(path="/api/v1/../../etc")
