"""Bytes to text: UTF-8 first, then the detected encoding, never silent mojibake."""

from __future__ import annotations

import charset_normalizer

from legation.errors import DecodeError

_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    bad = sum(1 for b in head if b in _CONTROL)
    return bad / len(head) > 0.05


def decode(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode article bytes.  ``declared`` is a charset the container named (HTTP, meta)."""
    if looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no charset could be detected", source=source)
    return str(best)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
