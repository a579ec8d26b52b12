"""Claim additions (DESIGN.md): the right of reply, the warnings `make check`
gives without refusing, claims under verification, manipulated media.

The method promises « Nous demandons systématiquement à la personne… Sa réponse,
ou son absence de réponse, est mentionnée ». `response` holds it: when the person
was contacted, and their reply (absent: « pas de réponse »). A published claim
without it is a warning, not an error: the fact-check may rightly go out while the
reply is awaited, but the team is told every time.
"""

from __future__ import annotations

import os

from .fields import Fields
from .files import is_plain_file, named_by_file_problems
from .model import MEDIA_RATINGS, WARNING, Claim, Claimant, FrontMatter, Media, Problem, Response
from .people import unknown_keys
from .pictures import unreadable

RESPONSE_KEYS = ["contacted", "reply"]
MEDIA_KEYS = ["type", "rating", "original", "archive", "capture", "alt"]
MEDIA_TYPES = ("image", "video")
CAPTURE_FOLDER = "images/"
CAPTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
REPLY_MAX = 1200


def read_response(fields: Fields) -> Response | None:
    if fields.get("response") is None:
        return None
    if not fields.mapping("response", example="contacted: 2026-10-02, reply: ..."):
        return None
    unknown_keys(fields, ("response",), RESPONSE_KEYS)
    contacted = fields.date("response", "contacted", required=True)
    reply = fields.text("response", "reply", limit=REPLY_MAX, why=" (citez l'essentiel)")
    return Response(contacted, reply) if contacted else None


def claim_warnings(claim: Claim, front: FrontMatter) -> list[Problem]:
    """What the method expects of a published claim and this one lacks."""
    if claim.status != "published" or claim.response is not None:
        return []
    return [
        Problem(
            front.path,
            front.line("claimant"),
            f"droit de réponse non renseigné pour {claim.claimant.name} ; ajoutez "
            '« response: {contacted: AAAA-MM-JJ, reply: "..."} » (sans « reply » '
            "s'il n'y a pas eu de réponse)",
            WARNING,
        )
    ]


def pending_claim(fields: Fields, claimant: Claimant) -> dict:
    """What a claim under verification (`status: en-cours`) shows instead of a
    verdict: none, no summary, and a title that never repeats the words being checked
    (the claim is shown below it, labelled, as on every claim page). A verdict or a
    summary already written is kept in the file for later, never shown."""
    title = fields.text("title") or f"Affirmation de {claimant.name} : en cours de vérification"
    return dict(verdict=None, summary="", title=title)


def read_media(fields: Fields) -> Media | None:
    """A manipulated picture or video: its MediaReview rating, where it was published,
    its archived copy, and the local capture our page shows instead (never the
    original, hotlinked or embedded: it would spread it and load from elsewhere)."""
    if fields.get("media") is None or not fields.mapping(
        "media", example="type: image, rating: ..."
    ):
        return None
    unknown_keys(fields, ("media",), MEDIA_KEYS)
    kind = fields.text("media", "type", required=True)
    if kind and kind not in MEDIA_TYPES:
        fields.error(("media", "type"), f"« media › type » : « {kind} » ; écrivez image ou video")
    rating = fields.text("media", "rating", required=True)
    if rating and rating not in MEDIA_RATINGS:
        choices = ", ".join(f"{key} ({label})" for key, label in MEDIA_RATINGS.items())
        fields.error(
            ("media", "rating"),
            f"« media › rating » : « {rating} » n'est pas une catégorie de schema.org ; "
            f"valeurs possibles : {choices}",
        )
    capture = fields.text("media", "capture", required=True)
    if capture and not _capture_path(capture):
        fields.error(
            ("media", "capture"),
            f"« media › capture » : « {capture} » ; indiquez une image du dossier "
            f"content/images/, par exemple « images/capture.png » (png, jpg ou webp)",
        )
    media = Media(
        type=kind,
        rating=rating,
        original=fields.url("media", "original", required=True),
        archive=fields.url("media", "archive", required=True),
        capture=capture,
        alt=fields.text("media", "alt", required=True, limit=300),
    )
    return media if all(vars(media).values()) else None


def _capture_path(path: str) -> bool:
    parts = path.split("/")
    return (
        path.startswith(CAPTURE_FOLDER)
        and ".." not in parts
        and "" not in parts
        and path.lower().endswith(CAPTURE_SUFFIXES)
    )


def capture_problems(claim: Claim, front: FrontMatter, content_path: str) -> list[Problem]:
    """A capture the page would show must exist: a broken image is no evidence."""
    media = claim.media
    if media is None:
        return []
    path = os.path.join(content_path, media.capture)
    if named_by_file_problems(path):
        return []
    if is_plain_file(path):
        reason = unreadable(path)
        if not reason:
            return []
        return [
            Problem(
                front.path,
                front.line("media", "capture"),
                f"« media › capture » : « {media.capture} » {reason}",
            )
        ]
    return [
        Problem(
            front.path,
            front.line("media", "capture"),
            f"« media › capture » : le fichier content/{media.capture} est introuvable ; "
            "enregistrez la capture dans content/images/ ou corrigez son nom",
        )
    ]
