"""Bytes to text: UTF-8 first, then the declared or detected encoding, never silent mojibake.

Why not charset-normalizer alone: on a short Western article it often ranks
cp775 or cp1250 above cp1252 (all decode without error), turning "naïve" into
"naďve".  News in a Western European language that is not UTF-8 is almost
always cp1252 (or its subset latin-1), so a text that is mostly ASCII and
whose non-ASCII characters are all letters and punctuation common in those
languages is taken as cp1252.  Everything else (Cyrillic, Greek, CJK, ...) is
mostly non-ASCII and goes to charset-normalizer, which is good at those.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from legation.errors import DecodeError

_CONTROL = frozenset(c for c in range(32) if c not in (9, 10, 12, 13))
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: non-ASCII characters that cp1252 text in a Western European language is made of
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸ"
    "‘’‚“”„–—…•€£¥¢©®™°«»¿¡§¶·ºª±×÷\u00a0")
#: charsets that browsers (WHATWG) read as cp1252 whatever a page declares
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819",
              "windows-1252", "cp1252", "x-cp1252"}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    bad = sum(1 for b in head if b in _CONTROL)
    return bad / len(head) > 0.05


def _looks_western(text: str) -> bool:
    """Mostly ASCII, and every other character common in Western European text."""
    other = [c for c in text if ord(c) > 127]
    if not other or len(other) > 0.2 * len(text):
        return False
    return all(c in _WESTERN for c in other)


def _printable(text: str) -> bool:
    """No C0/C1 control characters beyond whitespace: a wrong codec often leaves them."""
    return not any((ord(c) < 32 and ord(c) in _CONTROL) or 0x80 <= ord(c) < 0xA0 for c in text)


def decode(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode article bytes.  ``declared`` is a charset the container named (HTTP, meta).

    Raises ``DecodeError`` naming ``source`` for binary data and for bytes no
    encoding explains.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not {codec}",
                                  source=source) from None
    if looks_binary(data):
        raise DecodeError("binary data, not text", source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        codec = "cp1252" if declared.strip().lower() in _AS_CP1252 else declared.strip()
        try:
            text = data.decode(codec)
            if _printable(text):
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not UTF-8 and no charset could be detected", source=source)
    text = str(best)
    if not _printable(text):
        raise DecodeError(f"not UTF-8, and as {best.encoding} it holds control characters", source=source)
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
