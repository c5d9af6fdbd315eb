"""Streams for container files: peekable input and gzip that says when it is cut short.

Why our own gzip stream: Python's ``gzip`` raises at the end (and a buffered
reader on top of it drops the bytes it had gathered in that read), while
warcio's decompressor ends quietly when a file stops inside a gzip member, so
a crawl cut off by a full disk would look complete.  ``GzipMembers`` reads
concatenated members (the layout of .warc.gz and of appended .jsonl.gz files),
hands out every byte it could decompress, then ends the stream and keeps the
damage in ``error`` (a ``TruncatedInput`` or ``CorruptInput``), which the
reader reports after the records that came before it.  Decompression is
bounded per read, so a gzip bomb cannot fill memory.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from legation.errors import IngestError

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


class TruncatedInput(IngestError):
    """The input ends inside a gzip member or a record."""


class CorruptInput(IngestError):
    """The input holds bytes that its format does not allow."""


def peekable(stream: BinaryIO) -> io.BufferedReader:
    """``stream`` with ``peek``; files opened ``rb`` and ``sys.stdin.buffer`` already are."""
    if hasattr(stream, "peek"):
        return stream  # type: ignore[return-value]
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def is_gzip(stream: io.BufferedReader) -> bool:
    return stream.peek(2)[:2] == GZIP_MAGIC


class GzipMembers(io.RawIOBase):
    """A readable stream of the decompressed content of concatenated gzip members."""

    def __init__(self, raw: BinaryIO, *, source: str) -> None:
        self._raw = raw
        self._source = source
        self._d = zlib.decompressobj(wbits=31)
        self._pending = b""   # compressed input not yet given to the decompressor
        self._started = False  # the current member has received input
        self._out = b""
        self.members = 0
        self._done = False
        #: why the stream ended early, or None when it ended cleanly
        self.error: IngestError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._out and not self._done:
            self._fill(len(buffer))
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n

    def _fill(self, want: int) -> None:
        if not self._pending and not self._d.unconsumed_tail:
            self._pending = self._raw.read(_CHUNK)
            if not self._pending:
                self._done = True
                if self._started and not self._d.eof:
                    self.error = TruncatedInput(
                        f"gzip data ends inside member {self.members + 1} (truncated file)", source=self._source)
                return
        data = self._d.unconsumed_tail or self._pending
        if not self._d.unconsumed_tail:
            self._pending = b""
        if not self._started and not data.strip(b"\x00"):
            return  # zero padding after the last member is allowed
        self._started = True
        try:
            self._out = self._d.decompress(data, max(want, _CHUNK))
        except zlib.error as exc:
            self._done = True
            self.error = CorruptInput(f"corrupt gzip data in member {self.members + 1} ({exc})",
                                      source=self._source)
            return
        if self._d.eof:
            self.members += 1
            self._pending = self._d.unused_data + self._pending
            self._d = zlib.decompressobj(wbits=31)
            self._started = False


def open_maybe_gzip(stream: BinaryIO, *, source: str) -> tuple[io.BufferedReader, GzipMembers | None]:
    """(decompressed stream, its ``GzipMembers``) when ``stream`` starts with the gzip
    magic, else (``stream``, None).  Check ``GzipMembers.error`` after reading to the end."""
    buffered = peekable(stream)
    if is_gzip(buffered):
        members = GzipMembers(buffered, source=source)
        return io.BufferedReader(members, buffer_size=_CHUNK), members
    return buffered, None


class Counting:
    """A read-only stream that counts the bytes handed out (``tell``), for
    readers that must know where the input ended."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._stream.readline(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count

    def close(self) -> None:
        pass
