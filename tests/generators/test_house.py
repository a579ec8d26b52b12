"""Tier 2: the house's contracts. `make check` and the build share one validation
path; the caches hash the code that shapes them, wherever it lives."""

from pathlib import Path

import pytest

import campaign
from campaign.commands.check import check_content
from campaign.content import reader
from campaign.content.validation import content_files
from campaign.generators.base import ContentError
from campaign.kinds import Kind
from campaign.output.inputs import PLUGIN, _files
from campaign.settings import apply_defaults

from conftest import FIXTURES, build_site, copy_fixture, site_settings

PACKAGE = Path(campaign.__file__).parent


def settings_of(content: Path, output: Path) -> dict:
    settings = site_settings(content, output)
    apply_defaults(settings)
    return settings


def build_problems(content: Path, output: Path) -> list:
    with pytest.raises(ContentError) as refused:
        build_site(content, output)
    return refused.value.problems


def test_the_build_refuses_exactly_what_check_reports(tmp_path):
    content = FIXTURES / "broken"
    reported = check_content(settings_of(content, tmp_path / "check")).problems
    assert len(reported) > 20  # every broken fixture, across files too
    assert build_problems(content, tmp_path / "output") == reported


def test_problems_across_files_are_found_by_both(tmp_path):
    content = copy_fixture("site", tmp_path)
    claim = next((content / "claims").glob("*.md"))
    (content / "posts" / claim.name).write_text(
        (content / "posts" / "programme.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    reported = check_content(settings_of(content, tmp_path / "check")).problems
    assert [p.message for p in reported] == [
        p.message for p in build_problems(content, tmp_path / "output")
    ]
    assert any("images de partage" in p.message for p in reported)


def test_check_and_build_read_the_same_files_by_kind(tmp_path):
    settings = settings_of(FIXTURES / "site", tmp_path / "output")
    files = content_files(settings)
    kinds = {kind for kind, _ in files}
    assert kinds == set(Kind) - {Kind.PROMISE}  # promises have a fixture of their own
    assert all(path.endswith(".md") for _, path in files)
    assert files == sorted(files, key=lambda f: (list(Kind).index(f[0]), f[1]))


def test_the_reader_cache_hashes_every_module_the_reader_uses():
    hashed = {path.resolve() for path in reader.code_files()}
    assert {PACKAGE / "content" / name for name in ("reader.py", "frontmatter.py", "model.py")} <= (
        hashed
    )
    assert all(path.exists() for path in hashed)


def test_the_reader_cache_name_changes_with_that_code(monkeypatch):
    settings = {"MARKDOWN": {}, "CLAIM_PATHS": ["claims"]}
    before = reader.cache_name("G", settings)
    model = PACKAGE / "content" / "model.py"
    real = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda self: real(self) + (b"#" if self == model else b"")
    )
    assert reader.cache_name("G", settings) != before


def test_page_inputs_hash_every_file_of_the_package():
    hashed = {Path(path).resolve() for path in _files(PLUGIN)}
    code = {path.resolve() for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts}
    assert code <= hashed
