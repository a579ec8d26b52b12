"""What `make edit` passes on to decap-server: no file named as `make check` refuses."""

import json

from campaign.commands.edit import screened
from campaign.content.files import name_problem


def media(path: str) -> bytes:
    asset = {"path": path, "content": "AAAA", "encoding": "base64"}
    return json.dumps({"action": "persistMedia", "params": {"asset": asset}}).encode()


def entry(path: str, new: bool = True, assets: tuple = ()) -> bytes:
    params = {
        "dataFiles": [{"path": path, "slug": path.rpartition("/")[2][:-3], "raw": "---\n"}],
        "assets": [{"path": a, "content": "", "encoding": "base64"} for a in assets],
        "options": {"newEntry": new},
    }
    return json.dumps({"action": "persistEntry", "params": params}).encode()


def test_a_phone_photo_gets_the_name_check_accepts():
    data, refusal = screened(media("site/images/img_0412.jpg"))
    assert refusal == ""
    path = json.loads(data)["params"]["asset"]["path"]
    assert path == "site/images/img-0412.jpg" and name_problem("img-0412.jpg") is None
    data, _ = screened(media("site/images/photo~reunion.v2.JPEG"))
    assert json.loads(data)["params"]["asset"]["path"] == "site/images/photo-reunion-v2.jpeg"


def test_a_picture_the_site_cannot_strip_is_refused_in_french():
    data, refusal = screened(media("site/images/img_0412.heic"))
    assert "« img_0412.heic » non enregistrée" in refusal and "JPEG" in refusal


def test_a_new_entry_named_from_a_title_without_letters_is_refused_in_french():
    _, refusal = screened(entry("site/claims/.md"))
    assert "au moins une lettre ou un chiffre" in refusal


def test_a_new_entry_whose_name_check_would_refuse_is_refused_with_the_fix():
    _, refusal = screened(entry("site/posts/le-13e_bis-~-2-0.md"))
    assert "« le-13e_bis-~-2-0.md »" in refusal and "retirez du titre" in refusal


def test_good_names_and_existing_entries_pass_untouched():
    for data in (
        entry("site/posts/reunion-publique.md"),
        entry("site/posts/ancien_nom.md", new=False),  # named by hand before: kept
        b'{"action": "entriesByFolder", "params": {"folder": "site/posts"}}',
        b"not json",
    ):
        assert screened(data) == (data, "")


def test_a_picture_sent_with_an_entry_is_checked_too():
    _, refusal = screened(entry("site/posts/reunion.md", assets=("site/images/IMG_1.jpg",)))
    assert refusal.startswith("image non enregistrée") and "img-1.jpg" in refusal
