"""Claim additions (DESIGN.md): the right of reply, the warnings `make check`
gives without refusing, claims under verification.

The method promises « Nous demandons systématiquement à la personne… Sa réponse,
ou son absence de réponse, est mentionnée ». `response` holds it: when the person
was contacted, and their reply (absent: « pas de réponse »). A published claim
without it is a warning, not an error: the fact-check may rightly go out while the
reply is awaited, but the team is told every time.
"""

from __future__ import annotations

from .fields import Fields
from .model import WARNING, Claim, Claimant, FrontMatter, Problem, Response
from .people import unknown_keys

RESPONSE_KEYS = ["contacted", "reply"]
REPLY_MAX = 1200


def read_response(fields: Fields) -> Response | None:
    if fields.get("response") is None:
        return None
    if not fields.mapping("response"):
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
