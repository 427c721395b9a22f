"""Paragraphs and quotations of a document, for attribution across sentences.

A paragraph is a run of sentences with no line break between them (the nlp stage ends a
sentence at every line break). A quotation runs from an opening quotation mark to its closing
one inside one paragraph; one left open runs to the paragraph's end (news copy opens a quote
of several paragraphs again at the start of each and closes it only at the end). A closing mark
with nothing open before it in its paragraph closes a quotation that ran from the paragraph's
start. Straight double quotes open and close in turn. Single quotes are left alone (they are
apostrophes as often as quotation marks).

These are marks, not words: nothing here depends on the language of the text.
"""
from __future__ import annotations

from typing import Any

from ..quotation import CLOSING, OPENING, STRAIGHT

__all__ = ["OPENING", "CLOSING", "STRAIGHT", "paragraph", "paragraph_sizes", "quotations", "quotation_at"]


def _gap(text: str, a: Any, b: Any) -> str:
    """The white space between two sentences (a sentence span may hold its trailing line break)."""
    between = text[a.start_char:b.start_char]
    return between[len(between.rstrip()):]


def paragraph(sents: list[Any], k: int, text: str) -> tuple[int, int]:
    """The indices of the first and the last sentence of sentence ``k``'s paragraph."""
    lo = k
    while lo > 0 and "\n" not in _gap(text, sents[lo - 1], sents[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(sents) and "\n" not in _gap(text, sents[hi], sents[hi + 1]):
        hi += 1
    return lo, hi


def paragraph_sizes(sents: list[Any], text: str) -> list[int]:
    """The number of sentences of each paragraph, in order."""
    breaks = [k for k in range(1, len(sents)) if "\n" in _gap(text, sents[k - 1], sents[k])]
    return [b - a for a, b in zip([0] + breaks, breaks + [len(sents)])]


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of ``text[start:end]`` (one paragraph) as (opening, closing) character
    offsets of their marks; a quotation left open ends at ``end``."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in OPENING or (ch == STRAIGHT and opened is None):
            opened = i if opened is None else opened
        elif ch in CLOSING or ch == STRAIGHT:
            if opened is not None:
                out.append((opened, i))
                opened = None
            elif not out:
                out.append((start, i))  # the paragraph goes on with a quotation opened before it
    if opened is not None:
        out.append((opened, end))
    return out


def quotation_at(text: str, start: int, end: int, at: int) -> tuple[int, int] | None:
    """The quotation of the paragraph ``text[start:end]`` that holds offset ``at``, if any."""
    return next(((a, b) for a, b in quotations(text, start, end) if a < at < b), None)
