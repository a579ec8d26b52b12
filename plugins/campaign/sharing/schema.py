"""schema.org ClaimReview data for a claim, and its safe embedding in HTML."""

from __future__ import annotations

import json

from ..content.campaigning import Event
from ..content.model import Claim, Claimant


def claim_review(claim: Claim, url: str, settings: dict) -> dict:
    """Google's fact-check fields (developers.google.com/search/docs/.../factcheck)."""
    rating = {
        "@type": "Rating",
        "alternateName": claim.verdict.label,
    }
    if claim.verdict.rated:
        rating.update(ratingValue=claim.verdict.rating, bestRating=5, worstRating=1)
    reviewed = {"@type": "Claim", "author": person(claim.claimant)}
    if claim.lang:
        reviewed["inLanguage"] = claim.lang
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


def media_review(claim: Claim, url: str, settings: dict) -> dict:
    """schema.org MediaReview of a claim's picture or video: its authenticity category
    (one of MediaManipulationRatingEnumeration's six), where it was published and
    its archived copy. The capture is ours, shown on the page; `contentUrl` is the
    address the media was published at, which our pages never load."""
    media = claim.media
    appearance = {
        "@type": "ImageObject" if media.type == "image" else "VideoObject",
        "contentUrl": media.original,
        "archivedAt": media.archive,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "MediaReview",
        "url": url,
        "datePublished": claim.date.date().isoformat(),
        "author": {
            "@type": "Organization",
            "name": settings["SITENAME"],
            "url": settings["SITEURL"] or "/",
        },
        "mediaAuthenticityCategory": media.rating,
        "itemReviewed": {
            "@type": "MediaReviewItem",
            "creator": person(claim.claimant),
            "mediaItemAppearance": [appearance],
        },
    }
    if claim.modified:
        data["dateModified"] = claim.modified.date().isoformat()
    return data


def person(claimant: Claimant) -> dict:
    """The person who made a claim, with their office and their list or party: the
    role readers see on the page travels with the data."""
    data = {"@type": "Person", "name": claimant.name}
    if claimant.role.office:
        data["jobTitle"] = claimant.role.office
    groups = [claimant.role.list, claimant.role.party]
    affiliation = [{"@type": "Organization", "name": name} for name in groups if name]
    if affiliation:
        data["affiliation"] = affiliation
    if claimant.url:
        data["sameAs"] = claimant.url
    return data


def to_script_json(data: dict) -> str:
    """JSON that cannot close its <script> element nor open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
