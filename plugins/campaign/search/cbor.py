"""Just enough CBOR (RFC 8949) to read and rewrite Pagefind's index files.

Pagefind stores its indexes as CBOR: unsigned and negative integers, byte and text
strings, arrays and maps, each with the shortest head. That is all this reads and
writes; anything else is refused.
"""

from __future__ import annotations

UNSIGNED, NEGATIVE, BYTES, TEXT, ARRAY, MAP = range(6)


class CborError(ValueError):
    """Data this small codec does not read."""


def _head(major: int, value: int) -> bytes:
    """The shortest head of a data item."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise CborError(f"entier trop grand : {value}")


def encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise CborError(f"type non pris en charge : {value!r}")
    if isinstance(value, int):
        return _head(UNSIGNED, value) if value >= 0 else _head(NEGATIVE, -1 - value)
    if isinstance(value, bytes):
        return _head(BYTES, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(TEXT, len(data)) + data
    if isinstance(value, list):
        return _head(ARRAY, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        items = (encode(key) + encode(item) for key, item in value.items())
        return _head(MAP, len(value)) + b"".join(items)
    raise CborError(f"type non pris en charge : {value!r}")


def _read_head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, position after the head)."""
    if at >= len(data):
        raise CborError("donnée coupée")
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info not in sizes:
        raise CborError(f"octet {at} : longueur indéfinie ou réservée")
    end = at + 1 + sizes[info]
    return major, int.from_bytes(data[at + 1 : end], "big"), end


def _decode_at(data: bytes, at: int):
    major, argument, at = _read_head(data, at)
    if major == UNSIGNED:
        return argument, at
    if major == NEGATIVE:
        return -1 - argument, at
    if major in (BYTES, TEXT):
        if at + argument > len(data):
            raise CborError(f"octet {at} : chaîne coupée")
        chunk = data[at : at + argument]
        return (chunk.decode("utf-8") if major == TEXT else chunk), at + argument
    if major == ARRAY:
        items = []
        for _ in range(argument):
            item, at = _decode_at(data, at)
            items.append(item)
        return items, at
    if major == MAP:
        mapping = {}
        for _ in range(argument):
            key, at = _decode_at(data, at)
            mapping[key], at = _decode_at(data, at)
        return mapping, at
    raise CborError(f"type majeur {major} non pris en charge")


def decode(data: bytes):
    value, end = _decode_at(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} octet(s) de trop après la donnée")
    return value
