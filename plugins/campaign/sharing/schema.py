"""schema.org ClaimReview data for a claim, and its safe embedding in HTML."""

from __future__ import annotations

import json

from ..content.model import Claim, Event


def claim_review(claim: Claim, url: str, settings: dict) -> dict:
    """Google's fact-check fields (developers.google.com/search/docs/.../factcheck)."""
    rating = {
        "@type": "Rating",
        "alternateName": claim.verdict.label,
    }
    if claim.verdict.rated:
        rating.update(ratingValue=claim.verdict.rating, bestRating=5, worstRating=1)
    author = {"@type": "Person", "name": claim.claimant.name}
    if claim.claimant.url:
        author["sameAs"] = claim.claimant.url
    reviewed = {"@type": "Claim", "author": author}
    if claim.claim_date:
        reviewed["datePublished"] = claim.claim_date.isoformat()
    if claim.appearance:
        reviewed["appearance"] = {"@type": "CreativeWork", "url": claim.appearance}
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "datePublished": claim.date.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings["SITENAME"],
            "url": settings["SITEURL"] or "/",
        },
        "reviewRating": rating,
        "itemReviewed": reviewed,
    }
    if claim.modified:
        data["dateModified"] = claim.modified.date().isoformat()
    return data


def event(item: Event, url: str, settings: dict, image: str = "") -> dict:
    """schema.org Event: start and end with their offset, the place with its postal
    address (as written: one line), the campaign as organiser."""
    site = settings["SITEURL"] or "/"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": item.title,
        "description": item.summary,
        "url": url,
        "startDate": item.start.isoformat(),
        "endDate": item.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": item.place.name,
            "address": {
                "@type": "PostalAddress",
                # The address as written (street, postcode, city): a city is data.
                "streetAddress": item.place.address,
            },
        },
        "organizer": {"@type": "Organization", "name": settings["SITENAME"], "url": site},
        "isAccessibleForFree": True,
    }
    if item.registration:
        data["offers"] = {
            "@type": "Offer",
            "url": item.registration,
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        }
    if image:
        data["image"] = image
    return data


def to_script_json(data: dict) -> str:
    """JSON that cannot close its <script> element nor open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
