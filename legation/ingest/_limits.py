"""The --max-bytes guard: never read more of one article than the limit allows."""

from __future__ import annotations

from typing import BinaryIO

from legation.errors import TooLarge


def limit_message(limit: int, size: int | None = None) -> str:
    head = f"{size} bytes is over" if size is not None else "over"
    return f"{head} the {limit}-byte limit (--max-bytes)"


def read_limited(stream: BinaryIO, limit: int, *, source: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``TooLarge`` (naming ``source``) when there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit_message(limit), source=source)
    return data
