"""Tier 1: the search index's plan of parts, its setting, and Pagefind over a few pages."""

from types import SimpleNamespace

import pytest

from campaign.kinds import Kind
from campaign.search.pagefind import index_part, plan_parts
from campaign.settings import SettingsError, apply_defaults

from conftest import indexed


def test_a_part_indexes_its_pages_only_whatever_their_addresses_hold(tmp_path):
    """Pagefind reads the part's pages in the output folder through a glob: an
    address with a glob's special characters is matched as written, and the other
    pages beside it are left out."""
    output, cache = tmp_path / "output", tmp_path / "cache"
    folders = ["a,b", "c{d}", "e[f]*", "g?", "autre"]
    for folder in folders:
        (output / folder).mkdir(parents=True)
        (output / folder / "index.html").write_text(
            f'<html lang="fr"><body><main data-pagefind-body><h1>Page {folder}</h1>'
            "<p>Le texte de la page.</p></main></body></html>",
            encoding="utf-8",
        )
    pages = [SimpleNamespace(url=f"{folder}/") for folder in folders[:-1]]
    cache.mkdir()
    index_part(str(output), pages, str(cache / "partie"), "fr")
    assert set(indexed(tmp_path, cache / "partie")) == {f"/{folder}/" for folder in folders[:-1]}
    assert [path.name for path in cache.iterdir()] == ["partie"]  # no work folder left


@pytest.mark.parametrize("size", [0, -5, "500", 2.5])
def test_a_part_size_that_is_no_number_of_pages_is_refused(size):
    with pytest.raises(SettingsError, match="SEARCH_PART_PAGES : .* mettez par exemple 500"):
        apply_defaults({"SEARCH_PART_PAGES": size})


def test_a_new_claim_changes_only_the_newest_part():
    def claim(day):
        return SimpleNamespace(kind=Kind.CLAIM, date=day, slug=f"c{day:02d}", url=f"c{day:02d}/")

    posts = [
        SimpleNamespace(kind=Kind.POST, date=day, slug=f"p{day}", url=f"p{day}/") for day in (1, 2)
    ]
    before = plan_parts([claim(day) for day in range(7, 0, -1)] + posts, 3)
    assert [[page.slug for page in part] for part in before] == [
        ["c01", "c02", "c03"],
        ["c04", "c05", "c06"],
        ["c07"],
        ["p1", "p2"],
    ]
    after = plan_parts([claim(day) for day in range(8, 0, -1)] + posts, 3)
    assert after[:2] == before[:2] and after[3:] == before[3:]
    assert [page.slug for page in after[2]] == ["c07", "c08"]
    assert plan_parts(posts, 3) == [posts]  # a small site: one part
