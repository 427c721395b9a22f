"""Offsets between the cleaned text and the article text as given.

The clean stage edits the article text step by step (entities decoded, mojibake
fixed, boilerplate dropped...). :class:`Tracked` is the text under edit: every
character carries the span of the *raw* article text it came from. Each cleaning
step calls :meth:`Tracked.edit` with a list of ``(start, end, replacement)`` edits;
inside a replacement the characters are aligned with :mod:`difflib` opcodes, so an
unchanged character keeps its own raw position and a changed run maps to the whole
raw run it replaced ("&amp;" -> "&" maps the "&" to the five raw characters).

When cleaning is done, :meth:`Tracked.offsets` compresses the per-character spans
into an :class:`OffsetMap`: a few arrays of runs (a run of characters copied
unchanged is one entry), picklable and small.

``OffsetMap.to_raw(start, end)`` gives the raw slice that holds the cleaned span:
the raw start of its first character to the raw end of its last one, so
``article.text[raw_start:raw_end]`` is the original text of the span, with its
entities, mojibake and line breaks as they were.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from difflib import SequenceMatcher

__all__ = ["OffsetMap", "Tracked"]

#: one edit: replace text[start:end] by a string
Edit = tuple[int, int, str]


class OffsetMap:
    """Cleaned-text offsets -> article-text offsets, stored as runs.

    Run ``k`` starts at cleaned offset ``clean[k]``. A *linear* run copies raw
    characters one for one from ``raw_start[k]``; any other run is one block: each of
    its characters stands for the whole raw span ``raw_start[k]:raw_end[k]``.
    """

    __slots__ = ("clean", "raw_start", "raw_end", "linear", "length", "raw_length")

    def __init__(self, clean: array, raw_start: array, raw_end: array, linear: array,
                 length: int, raw_length: int) -> None:
        self.clean, self.raw_start, self.raw_end, self.linear = clean, raw_start, raw_end, linear
        self.length, self.raw_length = length, raw_length

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        """The map of a text that cleaning left unchanged."""
        if length == 0:
            return cls(array("q"), array("q"), array("q"), array("b"), 0, 0)
        return cls(array("q", [0]), array("q", [0]), array("q", [length]), array("b", [1]),
                   length, length)

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, s) for s in self.__slots__)

    def __setstate__(self, state: tuple) -> None:
        for name, value in zip(self.__slots__, state):
            setattr(self, name, value)

    def __len__(self) -> int:
        return self.length

    def __repr__(self) -> str:
        return f"OffsetMap(length={self.length}, raw_length={self.raw_length}, runs={len(self.clean)})"

    def char(self, i: int) -> tuple[int, int]:
        """The raw span of cleaned character ``i``."""
        k = bisect_right(self.clean, i) - 1
        if self.linear[k]:
            r = self.raw_start[k] + (i - self.clean[k])
            return r, r + 1
        return self.raw_start[k], self.raw_end[k]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``(start, end)`` of the cleaned span ``start:end``.

        Offsets outside the text are clamped; an empty span maps to an empty raw span
        at the raw start of the character it stands before.
        """
        start = min(max(start, 0), self.length)
        end = min(max(end, start), self.length)
        if self.length == 0:
            return 0, 0
        if end == start:
            p = self.char(start)[0] if start < self.length else self.char(self.length - 1)[1]
            return p, p
        return self.char(start)[0], self.char(end - 1)[1]


class Tracked:
    """A text under cleaning whose characters know the raw span they came from."""

    __slots__ = ("text", "starts", "ends", "raw_length")

    def __init__(self, text: str, starts: array, ends: array, raw_length: int) -> None:
        self.text, self.starts, self.ends, self.raw_length = text, starts, ends, raw_length

    @classmethod
    def of(cls, raw: str) -> "Tracked":
        n = len(raw)
        return cls(raw, array("q", range(n)), array("q", range(1, n + 1)), n)

    def edit(self, edits: Iterable[Edit]) -> "Tracked":
        """Apply sorted, non-overlapping ``(start, end, replacement)`` edits."""
        parts: list[str] = []
        starts, ends = array("q"), array("q")
        pos = 0
        changed = False
        for start, end, new in edits:
            if start < pos or end < start:
                raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
            old = self.text[start:end]
            if new == old:
                continue
            changed = True
            parts.append(self.text[pos:start])
            starts.extend(self.starts[pos:start])
            ends.extend(self.ends[pos:start])
            if new:
                self._align(start, end, new, starts, ends)
                parts.append(new)
            pos = end
        if not changed:
            return self
        parts.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return Tracked("".join(parts), starts, ends, self.raw_length)

    def _align(self, start: int, end: int, new: str, starts: array, ends: array) -> None:
        """Append raw spans for ``new``, which replaces ``text[start:end]``."""
        old = self.text[start:end]
        if not old:  # a pure insertion stands for its left neighbour (or right, at the start)
            i = start - 1 if start > 0 else start
            span = (self.starts[i], self.ends[i]) if self.starts else (0, 0)
            starts.extend([span[0]] * len(new))
            ends.extend([span[1]] * len(new))
            return
        if len(new) == 1 or len(old) == 1:
            starts.extend([self.starts[start]] * len(new))
            ends.extend([self.ends[end - 1]] * len(new))
            return
        for tag, i1, i2, j1, j2 in _opcodes(old, new):
            if tag == "equal":
                starts.extend(self.starts[start + i1:start + i2])
                ends.extend(self.ends[start + i1:start + i2])
            elif j2 > j1:
                a, b = (i1, i2) if i2 > i1 else ((i1 - 1, i1) if i1 > 0 else (0, 1))
                starts.extend([self.starts[start + a]] * (j2 - j1))
                ends.extend([self.ends[start + b - 1]] * (j2 - j1))

    def offsets(self) -> OffsetMap:
        """Compress the per-character spans into an :class:`OffsetMap`."""
        runs: tuple[array, ...] = (array("q"), array("q"), array("q"), array("b"))
        s, e = self.starts, self.ends
        i, n = 0, len(self.text)
        while i < n:
            j = i + 1
            linear = e[i] == s[i] + 1
            if linear:  # raw characters copied one for one
                while j < n and s[j] == s[j - 1] + 1 and e[j] == s[j] + 1:
                    j += 1
            else:  # characters that all stand for one raw span
                while j < n and s[j] == s[i] and e[j] == e[i]:
                    j += 1
            for column, value in zip(runs, (i, s[i], e[j - 1], int(linear))):
                column.append(value)
            i = j
        return OffsetMap(*runs, n, self.raw_length)


def _opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes turning ``old`` into ``new``.

    A replacement (mojibake fixed, controls dropped) keeps plain ASCII characters as they
    were, so those are aligned first, in order, and only the runs between them are left to
    :class:`~difflib.SequenceMatcher`: it matches the first longest block it finds, and on
    a short line it could take an "é" that ftfy kept for one that it made, and send the
    characters after it to the wrong raw place. When the ASCII characters of ``new`` are not
    in ``old`` in order, the whole is left to SequenceMatcher.
    """
    anchors = _ascii_anchors(old, new)
    if anchors is None:
        return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, aj in [*anchors, (len(old), len(new))]:
        if ai > i or aj > j:  # the run between two anchors
            gap = SequenceMatcher(None, old[i:ai], new[j:aj], autojunk=False).get_opcodes()
            out += [(t, i + a1, i + a2, j + b1, j + b2) for t, a1, a2, b1, b2 in gap]
        if ai < len(old):
            out.append(("equal", ai, ai + 1, aj, aj + 1))
        i, j = ai + 1, aj + 1
    return out


def _ascii_anchors(old: str, new: str) -> list[tuple[int, int]] | None:
    """(old index, new index) of each ASCII character of ``new``, matched in order to the
    next equal character of ``old``; None when one has no match."""
    anchors = []
    i = 0
    for j, ch in enumerate(new):
        if ch.isascii():
            i = old.find(ch, i)
            if i < 0:
                return None
            anchors.append((i, j))
            i += 1
    return anchors
