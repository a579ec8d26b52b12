"""Share kit: share texts that fit on X, UTM-tagged URLs and plain share links (no SDK)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..typography import after_label, french

X_LIMIT = 280
LINK_WEIGHT = 23  # X counts any link as 23 characters, whatever its length.
ELLIPSIS = "…"
NBSP = "\u00a0"  # French typography: binds « », : to their words, and is never a cut point.
SHARE_MEDIUM = "partage"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_content")
# Punctuation left dangling before an ellipsis once a text is cut.
_DANGLING = " ,;:.!?-–—«(\u00a0"


class Network(NamedTuple):
    """A share target. `template` takes percent-encoded {text}, {url}, {text_url},
    {title} and {body} (e-mail)."""

    slug: str
    label: str
    template: str


# Networks that take only a text get {text_url}: the text followed by the link.
# Mastodon: the official share page (share.joinmastodon.org, mastodon/share) reads
# `?text=` from the query string, not from a fragment.
NETWORKS: tuple[Network, ...] = (
    Network("x", "X", "https://x.com/intent/tweet?text={text}&url={url}"),
    Network("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    Network("whatsapp", "WhatsApp", "https://wa.me/?text={text_url}"),
    Network("telegram", "Telegram", "https://t.me/share/url?url={url}&text={text}"),
    Network("bluesky", "Bluesky", "https://bsky.app/intent/compose?text={text_url}"),
    Network("threads", "Threads", "https://www.threads.net/intent/post?text={text_url}"),
    Network("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    Network("mastodon", "Mastodon", "https://share.joinmastodon.org/?text={text_url}"),
    Network("email", "E-mail", "mailto:?subject={title}&body={body}"),
)
# Each network's name as it stands inside the shared address, itself percent-encoded
# inside the network's link: the same for every page, encoded once.
_SOURCES = {network.slug: quote(quote(network.slug, safe=""), safe="") for network in NETWORKS}


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def share_text(
    headline: str,
    override: str,
    hashtags: Sequence[str],
    campaign_hashtags: Sequence[str],
    limit: int = X_LIMIT - LINK_WEIGHT - 1,
) -> str:
    """The text to share, hashtags included, in at most `limit` characters.

    The override wins over the headline. The text is cut on a word boundary with an
    ellipsis; hashtags (item ones, then campaign ones, de-duplicated) are dropped from
    the end when they would leave the text less than half of the room.
    """
    text = french(_squeeze(override) or _squeeze(headline))
    tags = _fitting_tags(_unique_tags([*hashtags, *campaign_hashtags]), len(text), limit)
    room = limit - (len(" ".join(tags)) + 1 if tags else 0)
    return " ".join([part for part in [shorten_to_chars(text, room), *tags] if part])


def shorten_to_chars(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word with an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    head = text[: limit - len(ELLIPSIS)]
    if text[len(head)] != " ":
        head = head.rpartition(" ")[0] or head  # one word longer than the limit: cut it
    return head.rstrip(_DANGLING) + ELLIPSIS


def _squeeze(text: str) -> str:
    """Collapse runs of ordinary whitespace; no-break spaces are typography, kept."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text or "").strip()


def _unique_tags(names: Sequence[str]) -> list[str]:
    """'#Tag' forms, in order, without case-insensitive duplicates or empty names."""
    seen: dict[str, str] = {}
    for name in names:
        bare = "".join(str(name).split()).lstrip("#")
        if bare and bare.casefold() not in seen:
            seen[bare.casefold()] = "#" + bare
    return list(seen.values())


def _fitting_tags(tags: list[str], text_length: int, limit: int) -> list[str]:
    """Drop tags from the end until the text keeps min(its length, limit // 2)."""
    floor = min(text_length, limit // 2)
    while tags and floor + 1 + len(" ".join(tags)) > limit:
        tags = tags[:-1]
    return tags


MYTH_LABEL = "Ce qui a été dit"
MYTH_MIN = 40  # below this room, a cut myth says nothing: it is left out


def first_clause(sentence: str) -> str:
    """The conclusion up to its first « ; », without its final full stop."""
    clause = _squeeze(sentence).split(";")[0].strip()
    return clause.rstrip(". " + NBSP)


def truth_headline(verdict_label: str, conclusion: str) -> str:
    """A claim's headline when it has no title: its verdict, then its conclusion
    (« Plutôt faux : le parc social du 13e a légèrement augmenté depuis 2020 »),
    never the claim itself (DESIGN.md, "Truth first")."""
    return after_label(_squeeze(verdict_label), first_clause(conclusion))


def fact_line(figure_value: str, figure_label: str, summary: str) -> str:
    """The correct fact: the key figure with its label, else the conclusion."""
    if figure_value.strip():
        return french(_squeeze(f"{figure_value} {figure_label}"))
    return french(first_clause(summary))


def myth_quote(claim_text: str) -> str:
    """The claim as quoted after the fact: « … », French quotes held by no-break spaces."""
    text = _squeeze(claim_text).strip('«»“”"' + NBSP + "  ")
    return french(f"« {text} »") if text else ""


def claim_share_text(
    verdict_label: str,
    fact: str,
    claim_text: str,
    hashtags: Sequence[str],
    campaign_hashtags: Sequence[str],
    limit: int = X_LIMIT - LINK_WEIGHT - 1,
) -> str:
    """The default share text of a claim: verdict and fact first, then the myth,
    quoted and labelled, cut (or left out) so that the fact is never cut for it.

    « Faux : −14 % places de stationnement… Ce qui a été dit : « La moitié… » » #Tag
    """
    truth = after_label(verdict_label, fact)
    truth = truth if truth.endswith((".", "!", "?", "…")) else truth + "."
    myth = french(_squeeze(claim_text).strip('«»“”"' + NBSP + "\u202f "))
    label = french(f" {MYTH_LABEL} : ")
    whole = f"{truth}{label}{myth_quote(myth)}" if myth else truth
    tags = _fitting_tags(
        _unique_tags([*hashtags, *campaign_hashtags]), min(len(whole), len(truth) + MYTH_MIN), limit
    )
    room = limit - (len(" ".join(tags)) + 1 if tags else 0)
    if len(whole) > room:
        closing = NBSP + "»"
        myth_room = room - len(truth) - len(label) - len("«" + NBSP) - len(closing)
        if myth_room >= MYTH_MIN:
            cut = shorten_to_chars(myth, myth_room)
            whole = f"{truth}{label}«{NBSP}{cut}{closing}"
        else:
            whole = shorten_to_chars(truth, room)
    return " ".join([whole, *tags])


def post_headline(title: str, summary: str) -> str:
    """'Title — summary', or whichever of the two is given."""
    return " — ".join(part for part in (_squeeze(title), _squeeze(summary)) if part)


def tagged_url(url: str, source: str, medium: str, campaign: str, content: str) -> str:
    """`url` with UTM parameters, replacing any earlier ones; the rest of the query
    and the fragment are kept as written. Empty values are left out."""
    return tagged_urls(url, [source], medium, campaign, content)[0]


def tagged_urls(
    url: str, sources: Sequence[str], medium: str, campaign: str, content: str
) -> list[str]:
    """`tagged_url` for each source in turn, taking the URL apart once."""
    before, after, untagged = _around_source(url, medium, campaign, content)
    return [before + quote(source, safe="") + after if source else untagged for source in sources]


@functools.lru_cache(maxsize=1 << 14)
def _around_source(url: str, medium: str, campaign: str, content: str) -> tuple[str, str, str]:
    """`url` tagged, cut where the value of utm_source goes (before, after), and whole
    for no source. Percent-encoding goes character by character, so a tagged URL's
    encoding is its parts' encodings put together. Kept for the build: an item's
    address is tagged alike in each of the feeds and kits it is in."""
    parts = urlsplit(url)
    kept = [p for p in parts.query.split("&") if p and _query_key(p) not in UTM_KEYS]
    values = zip(UTM_KEYS[1:], (medium, campaign, content), strict=True)
    rest = [f"{key}={quote(value, safe='')}" for key, value in values if value]
    before = urlunsplit(parts._replace(query="&".join([*kept, "utm_source="]), fragment=""))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    after = "".join(f"&{pair}" for pair in rest) + fragment
    return before, after, urlunsplit(parts._replace(query="&".join(kept + rest)))


def _query_key(pair: str) -> str:
    return unquote(pair.partition("=")[0].replace("+", " "))


def share_links(url: str, text: str, title: str, campaign: str, slug: str) -> list[ShareLink]:
    """One plain link per network, each carrying the page URL tagged for that network.

    The text and the title are percent-encoded once for all nine links: encoding
    is done byte by byte in Python, and a long text was encoded thirty times an item.
    """
    quoted_text, quoted_title = quote(text, safe=""), quote(title or text, safe="")
    # The nine tagged addresses differ only in their source: encode the rest once.
    before, after, _ = _around_source(url, SHARE_MEDIUM, campaign, slug)
    around = quote(before, safe=""), quote(after, safe="")
    links = []
    for network in NETWORKS:
        page = around[0] + _SOURCES[network.slug] + around[1]
        href = _share_href(network, page, quoted_text, quoted_title)
        links.append(ShareLink(network.slug, network.label, href))
    return links


def _share_href(network: Network, url: str, text: str, title: str) -> str:
    """The network's link; the page's `url`, `text` and `title` come percent-encoded."""
    fields = {
        "text": text,
        "url": url,
        "text_url": f"{text}%20{url}" if text else url,
        "title": title,
        "body": f"{text}%0D%0A%0D%0A{url}" if text else url,  # RFC 6068: CRLF line breaks
    }
    return network.template.format(**fields)
