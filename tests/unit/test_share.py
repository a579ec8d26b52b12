"""Share kit pure functions: share texts, UTM tagging, share links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from campaign.sharing.share import (
    LINK_WEIGHT,
    NETWORKS,
    X_LIMIT,
    myth_quote,
    post_headline,
    share_links,
    share_text,
    shorten_to_chars,
    tagged_url,
    truth_headline,
)

PAGE = "https://exemple.fr/vrai-du-faux/logements-13e/"
HEADLINE = "Le 13e a perdu deux mille logements sociaux en six ans selon la mairie"


def utm(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items() if k.startswith("utm_")}


# share_text


def test_short_text_is_kept_whole_with_hashtags():
    assert share_text("Court.", "", ["Logement"], ["Paris2026"]) == "Court. #Logement #Paris2026"


def test_truncation_falls_on_a_word_boundary_with_an_ellipsis():
    text = share_text(HEADLINE, "", [], [], limit=30)
    assert text == "Le 13e a perdu deux mille…"
    assert len(text) <= 30


def test_truncation_drops_dangling_punctuation_before_the_ellipsis():
    assert shorten_to_chars("Faux, selon nous, et pourtant répété", 18) == "Faux, selon nous…"


def test_text_of_exactly_the_limit_is_untouched():
    text = "abcd efgh #Tag"
    assert share_text("abcd efgh", "", ["Tag"], [], limit=len(text)) == text
    assert share_text("abcd efgh", "", ["Tag"], [], limit=len(text) - 1) == "abcd… #Tag"


def test_cut_exactly_at_a_word_end_keeps_that_word():
    assert shorten_to_chars("un deux trois", 8) == "un deux…"


def test_a_single_word_longer_than_the_limit_is_cut_inside():
    assert shorten_to_chars("Anticonstitutionnellement", 10) == "Anticonst…"


def test_hashtags_are_deduplicated_case_insensitively_in_order():
    text = share_text("Texte", "", ["#Logement", "Paris13"], ["logement", "Municipales"])
    assert text == "Texte #Logement #Paris13 #Municipales"


def test_hashtags_are_dropped_from_the_end_when_too_long():
    tags = ["Logement", "Paris13"]
    campaign = ["UneCampagneAuHashtagInterminable"]
    text = share_text("Un texte de trente caractères.", "", tags, campaign, limit=50)
    assert text == "Un texte de trente caractères. #Logement #Paris13"
    # the text is cut down to half the room before any more hashtag goes
    text = share_text("Un texte de trente caractères.", "", tags, campaign, limit=40)
    assert text == "Un texte de trente… #Logement #Paris13"
    text = share_text("Un texte de trente caractères.", "", tags, campaign, limit=34)
    assert text == "Un texte de trente… #Logement"


def test_hashtags_alone_longer_than_the_limit_leave_the_text():
    text = share_text("Texte à garder", "", ["A" * 50], ["B" * 50], limit=40)
    assert text == "Texte à garder"


def test_override_is_used_instead_of_the_headline():
    assert share_text(HEADLINE, "  Mon texte\nà moi  ", [], []) == "Mon texte à moi"


def test_empty_override_falls_back_to_the_headline():
    assert share_text("Titre", "   ", [], []) == "Titre"


def test_a_600_character_headline_fits_the_default_limit():
    headline = " ".join(["logement"] * 67)[:600]
    text = share_text(headline, "", ["Logement"], ["Paris2026"])
    assert len(text) <= X_LIMIT - LINK_WEIGHT - 1
    assert text.endswith("… #Logement #Paris2026")
    assert len(text) + 1 + LINK_WEIGHT <= X_LIMIT


@pytest.mark.parametrize("length", [1, 200, 255, 256, 257, 280, 1000])
def test_any_text_plus_a_link_fits_on_x(length):
    text = share_text("mot " * (length // 4) + "x" * (length % 4), "", ["Tag"], ["Campagne"])
    assert len(text) + 1 + LINK_WEIGHT <= X_LIMIT


# headlines


def test_myth_quote_holds_french_quotes_to_the_words():
    quoted = myth_quote("« Le 13e a perdu 2 000 logements sociaux. »")
    assert quoted == "«\u00a0Le 13e a perdu 2\u202f000 logements sociaux.\u00a0»"


def test_a_headline_never_breaks_at_its_no_break_spaces():
    headline = truth_headline("Plutôt faux", "Le parc a augmenté.")
    assert shorten_to_chars(headline, 20) == "Plutôt faux\u00a0: le…"


def test_post_headline_joins_title_and_summary():
    assert post_headline("Nos 10 propositions", "pour le logement") == (
        "Nos 10 propositions — pour le logement"
    )
    assert post_headline("Seul titre", "") == "Seul titre"


# tagged_url


def test_tagged_url_adds_utm_parameters_percent_encoded():
    url = tagged_url(PAGE, "x", "partage", "municipales 2026", "logements-13e")
    assert url == (
        PAGE + "?utm_source=x&utm_medium=partage&utm_campaign=municipales%202026"
        "&utm_content=logements-13e"
    )


def test_tagged_url_keeps_the_query_and_fragment_and_replaces_old_utm():
    url = tagged_url(PAGE + "?page=2&utm_source=vieux#sources", "rss", "flux", "c", "s")
    parts = urlsplit(url)
    assert parts.fragment == "sources"
    assert parse_qs(parts.query) == {
        "page": ["2"],
        "utm_source": ["rss"],
        "utm_medium": ["flux"],
        "utm_campaign": ["c"],
        "utm_content": ["s"],
    }


# share_links

TEXT_ONLY = {"whatsapp", "bluesky", "threads", "mastodon"}
HOSTS = {
    "x": ("x.com", "/intent/tweet"),
    "facebook": ("www.facebook.com", "/sharer/sharer.php"),
    "whatsapp": ("wa.me", "/"),
    "telegram": ("t.me", "/share/url"),
    "bluesky": ("bsky.app", "/intent/compose"),
    "threads": ("www.threads.net", "/intent/post"),
    "linkedin": ("www.linkedin.com", "/sharing/share-offsite/"),
    "mastodon": ("share.joinmastodon.org", "/"),
    "email": ("", ""),
}


def page_of(network: str, campaign: str = "municipales-2026") -> str:
    return tagged_url(PAGE, network, "partage", campaign, "logements-13e")


def links(text: str = "Plutôt faux : le 13e n'a pas perdu 2 000 logements") -> dict:
    found = share_links(PAGE, text, "Logements du 13e", "municipales-2026", "logements-13e")
    return {link.network: link for link in found}


def test_share_links_cover_every_network_in_order():
    found = share_links(PAGE, "t", "T", "c", "s")
    assert [link.network for link in found] == [n.slug for n in NETWORKS]
    assert [n.slug for n in NETWORKS] == list(HOSTS)
    assert all(link.label for link in found)


@pytest.mark.parametrize("network", sorted(HOSTS))
def test_share_link_is_well_formed(network):
    text = "Plutôt faux : le 13e n'a pas perdu 2 000 logements"
    link = links(text)[network]
    parts = urlsplit(link.href)
    assert (parts.netloc, parts.path) == HOSTS[network] or network == "email"
    assert not parts.fragment
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    page = page_of(network)
    assert utm(page) == {
        "utm_source": network,
        "utm_medium": "partage",
        "utm_campaign": "municipales-2026",
        "utm_content": "logements-13e",
    }
    expected = {
        "x": {"text": text, "url": page},
        "facebook": {"u": page},
        "telegram": {"url": page, "text": text},
        "linkedin": {"url": page},
        "email": {"subject": "Logements du 13e", "body": f"{text}\r\n\r\n{page}"},
    }.get(network, {"text": f"{text} {page}"})
    assert params == expected


def test_email_link_is_a_mailto_without_recipient():
    parts = urlsplit(links()["email"].href)
    assert (parts.scheme, parts.path) == ("mailto", "")


def test_text_parameters_use_percent_twenty_for_spaces():
    for link in links("deux mots").values():
        assert "+" not in link.href
    assert "text=deux%20mots&" in links("deux mots")["x"].href


def test_special_characters_are_percent_encoded_and_round_trip():
    nasty = 'A & B ? C # D "E" <F> = 100 % + é'
    for network, link in links(nasty).items():
        template = next(n.template for n in NETWORKS if n.slug == network)
        query = link.href.split("?", 1)[1]
        assert not set(query) & set('?#"<> +'), network
        assert query.count("&") == template.count("&"), network
        params = {k: v[0] for k, v in parse_qs(query).items()}
        if network in {"facebook", "linkedin"}:
            assert list(params.values()) == [page_of(network)]
        else:
            assert (params.get("text") or params["body"]).startswith(nasty), network
