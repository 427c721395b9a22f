"""Bounded reading: no input, compressed or not, can make ingest hold more than a set number
of bytes, and runs of blank lines cost no Python work per line.

* :func:`read_at_most` reads a whole file (gunzipped when it ends in ``.gz``) but stops at
  ``limit + 1`` bytes (and gives None): a gzip bomb is refused after reading just past the limit.
* :func:`lines` splits a binary stream into numbered lines, at most ``limit`` bytes each:
  a longer line is skipped (without being held) and reported as ``(n, None)``; blank
  lines are counted, not yielded, and a block of nothing but newlines is counted at once.
"""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ...errors import E, InputError

__all__ = ["read_at_most", "lines", "open_binary", "CHUNK", "text_limit", "file_limit", "line_limit"]

#: bytes read at a time
CHUNK = 1 << 20


def text_limit(max_chars: int) -> int:
    """Bytes beyond which a text file surely holds more than ``max_chars`` characters
    (UTF-8 and UTF-16/32 spend at most four bytes on a character)."""
    return 4 * max_chars


def file_limit(max_chars: int) -> int:
    """Bytes allowed for a whole HTML page or ``.json`` file (markup and lists of articles)."""
    return 32 * max_chars


def line_limit(max_chars: int) -> int:
    """Bytes allowed for one JSON line: its text may be escaped (``\\u00e9`` is six bytes)."""
    return 6 * max_chars + CHUNK


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, gunzipped when its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` (gunzipped for ``.gz``), or None past ``limit`` bytes;
    InputError E107 for broken gzip data."""
    parts: list[bytes] = []
    size = 0
    try:
        with open_binary(path) as fh:
            while size <= limit and (block := fh.read(min(CHUNK, limit + 1 - size))):
                parts.append(block)
                size += len(block)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise InputError(E.E107, reason=f"broken gzip data ({err})") from err
    return None if size > limit else b"".join(parts)


def lines(stream: IO[bytes], limit: int, head: bytes = b"") -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of every non-blank line of ``head`` + ``stream``; a line longer
    than ``limit`` bytes gives ``(n, None)``. Memory: at most ``limit`` + one chunk."""
    state = _Lines(limit)
    if head:
        yield from state.feed(head)
    while block := stream.read(CHUNK):
        yield from state.feed(block)
    yield from state.end()


class _Lines:
    """The splitting state between chunks: the line number, the open line, and whether it
    already ran over the limit (then it is dropped as it comes)."""

    def __init__(self, limit: int) -> None:
        self.limit, self.n, self.buf, self.skipping = limit, 0, b"", False

    def feed(self, block: bytes) -> Iterator[tuple[int, bytes | None]]:
        if not block.strip():  # blank: end the open line at the first newline, count the rest
            i = block.find(b"\n")
            if i < 0:
                self._extend(block)
                return
            yield from self._close(b"")
            self.n += block.count(b"\n", i + 1)
            self._extend(block[block.rfind(b"\n") + 1:])
            return
        start = 0
        while (i := block.find(b"\n", start)) >= 0:
            yield from self._close(block[start:i])
            start = i + 1
        self._extend(block[start:])

    def _extend(self, part: bytes) -> None:
        if self.skipping:
            return
        if len(self.buf) + len(part) > self.limit:
            self.skipping, self.buf = True, b""
        elif part:
            self.buf += part

    def _close(self, tail: bytes) -> Iterator[tuple[int, bytes | None]]:
        self.n += 1
        if self.skipping or len(self.buf) + len(tail) > self.limit:
            self.skipping, self.buf = False, b""
            yield self.n, None
            return
        line, self.buf = self.buf + tail, b""
        if line.strip():
            yield self.n, line

    def end(self) -> Iterator[tuple[int, bytes | None]]:
        if self.skipping:
            yield self.n + 1, None
        elif self.buf.strip():
            yield self.n + 1, self.buf
