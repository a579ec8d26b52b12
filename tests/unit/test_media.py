"""Tier 1: a claim's manipulated media (`media`), its checks and its MediaReview."""

import os
from zoneinfo import ZoneInfo

import yaml
from PIL import Image
from test_validate import CATALOGUE, VALID

from campaign.content.additions import capture_problems
from campaign.content.frontmatter import split
from campaign.content.model import MEDIA_RATINGS, Claim
from campaign.content.validate import parse_claim
from campaign.sharing.schema import media_review

PARIS = ZoneInfo("Europe/Paris")
MEDIA = {
    "type": "video",
    "rating": "EditedOrCroppedContent",
    "original": "https://example.org/clip",
    "archive": "https://web.archive.org/web/2026/https://example.org/clip",
    "capture": "images/clip.png",
    "alt": "Image extraite de la vidéo coupée.",
}


def parsed(media):
    text = "---\n" + yaml.safe_dump({**VALID, "media": media}, allow_unicode=True) + "---\n"
    front, _, _ = split("content/claims/x.md", text)
    return parse_claim(front, "x", CATALOGUE, PARIS), front


def test_six_schema_org_categories():
    assert set(MEDIA_RATINGS) == {
        "OriginalMediaContent",
        "DecontextualizedContent",
        "EditedOrCroppedContent",
        "TransformedContent",
        "StagedContent",
        "SatireOrParodyContent",
    }


def test_media_is_read_and_becomes_a_media_review():
    claim, _ = parsed(MEDIA)
    assert isinstance(claim, Claim) and claim.media.rating_label == "Coupé ou monté"
    data = media_review(claim, "https://x.org/vrai-du-faux/x/", {"SITENAME": "S", "SITEURL": ""})
    assert data["@type"] == "MediaReview"
    assert data["mediaAuthenticityCategory"] == "EditedOrCroppedContent"
    [appearance] = data["itemReviewed"]["mediaItemAppearance"]
    assert appearance["@type"] == "VideoObject"
    assert appearance["contentUrl"] == "https://example.org/clip"
    assert data["itemReviewed"]["creator"]["name"] == "Hélène Marchetti"


def test_every_media_mistake_is_told_in_french():
    problems, _ = parsed(
        {
            "type": "photo",
            "rating": "Truqué",
            "original": "example.org/clip",
            "capture": "../secret.png",
            "alt": "Texte",
            "source": "x",
        }
    )
    messages = " | ".join(str(p) for p in problems)
    assert "« media › type » : « photo » ; écrivez image ou video" in messages
    assert "« Truqué » n'est pas une catégorie de schema.org" in messages
    assert "TransformedContent (Retouché ou truqué)" in messages
    assert "« media › original » doit être une adresse web complète" in messages
    assert "champ « media › archive » obligatoire manquant" in messages
    assert "« media › capture » : « ../secret.png »" in messages
    assert "champ « source » inconnu dans « media »" in messages


def test_the_capture_must_exist_in_content_images(tmp_path):
    claim, front = parsed(MEDIA)
    [problem] = capture_problems(claim, front, str(tmp_path))
    assert problem.line == front.line("media", "capture")
    assert "content/images/clip.png est introuvable" in problem.message
    os.makedirs(tmp_path / "images")
    (tmp_path / "images" / "clip.png").write_bytes(b"png")  # no picture: the page would break
    assert (
        "n'est pas une image JPEG, PNG ou WebP"
        in capture_problems(claim, front, str(tmp_path))[0].message
    )
    Image.new("RGB", (320, 200), "#336699").save(tmp_path / "images" / "clip.png")
    assert capture_problems(claim, front, str(tmp_path)) == []
