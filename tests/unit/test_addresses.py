"""Tier 1: addresses a writer may paste are read without an exception."""

import pytest

from campaign.content import addresses, body, links, videos

# What `urllib.parse.urlsplit` (or `.port`) raises ValueError on.
UNREADABLE = [
    "http://exemple.fr[",
    "https://www.youtube.com[/watch?v=abc",
    "http://[::1",
    "http://exemple.fr]",
    "http://exemple.fr\uff03x",  # a full-width « # »: the host changes under NFKC
    "http://exemple.fr:99999/",
]


@pytest.mark.parametrize("address", UNREADABLE)
def test_an_address_python_cannot_split_is_unreadable_not_an_exception(address):
    assert addresses.split(address) is None
    assert not addresses.readable(address)


@pytest.mark.parametrize("address", UNREADABLE)
def test_the_code_reading_addresses_before_validation_takes_them(address):
    assert videos.platform(address) is None
    assert videos.watch_address(address) is None
    assert videos.video_name(address) == "video"
    assert not body.is_local(address)
    assert links.normalised(address) == address.lstrip("/")


@pytest.mark.parametrize("address", UNREADABLE)
def test_check_names_an_unreadable_address_in_a_body(address):
    markup = f'<p><a href="{address}">x</a></p>'
    problems = body.body_problems("claims/x.md", f"[x]({address})", 15, markup)
    assert [p.line for p in problems] == [15]
    assert "n'est pas une adresse qu'un navigateur sait ouvrir" in problems[0].message
    assert address in problems[0].message


def test_readable_addresses_stay_readable():
    for address in (
        "https://exemple.fr/a[b]",
        "/vrai-du-faux/x/",
        "mailto:a@b.fr",
        "http://[::1]:8000/",
    ):
        assert addresses.readable(address)


@pytest.mark.parametrize(
    "address", ["equipe@exemple.fr", "référent.19@mairie-paris.fr", "a+liste@x.co.uk"]
)
def test_an_email_address_as_written_is_one(address):
    assert addresses.email_problem(address) == ""


@pytest.mark.parametrize(
    ("pasted", "told"),
    [
        ("mailto:x@y.fr?subject=<b>", "sans « mailto: »"),  # was taken: no @ or space in it
        ("Équipe 19e <equipe@exemple.fr>", "sans nom ni chevrons"),
        ("equipe@exemple.fr?subject=Bonjour", "par exemple equipe@exemple.fr"),
        ("equipe@exemple.fr.", "par exemple"),
        ("equipe@exemple", "par exemple"),
        ("é quipe@exemple.fr", "par exemple"),
    ],
)
def test_what_a_mailto_link_cannot_take_is_named(pasted, told):
    assert told in addresses.email_problem(pasted)
