"""Tier 1: the small CBOR codec that rewrites Pagefind's index files."""

import pytest

from campaign.search import cbor


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "", "Écoles", b"\x00\x01", [], {"a": [1, "b"]}],
)
def test_round_trip(value):
    assert cbor.decode(cbor.encode(value)) == value


def test_heads_are_the_shortest():
    assert cbor.encode(23) == b"\x17"
    assert cbor.encode(24) == b"\x18\x18"
    assert cbor.encode(256) == b"\x19\x01\x00"
    assert cbor.encode("é") == b"\x62\xc3\xa9"
    assert cbor.encode([1, [2]]) == b"\x82\x01\x81\x02"


@pytest.mark.parametrize("data", [b"\x9f\xff", b"\xf5", b"\x01\x02", b"\x65ab", b"\x82\x01"])
def test_what_it_does_not_read_is_refused(data):
    with pytest.raises(cbor.CborError):
        cbor.decode(data)
