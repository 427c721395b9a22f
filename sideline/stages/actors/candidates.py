"""Actor mention candidates (what the span finder gives the resolver) and the small helpers
that order and place them."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from .lexicon import TitleInfo
from .words import Words

__all__ = ["Candidate", "parsed_token"]


@dataclass
class Candidate:
    start: int  # the mention (title included), clean-text offsets
    end: int
    label: str
    name: str = ""  # the name part, titles stripped
    title: TitleInfo | None = None
    title_span: tuple[int, int] | None = None  # an apposition after the name
    person_hint: object = None  # a knowledge Person found by the matcher
    org: dict | None = None
    subject: bool = False
    sent: int = 0  # index of the sentence
    clause_subject: tuple[int, int] | None = None  # an object pronoun's clause subject (binding.py)
    subject_text: str = ""  # ... and its words


def parsed_token(parse, c: Candidate):
    """The one parsed token a one-word candidate (a pronoun) stands on, or None (an unparsed
    sentence, a span of several tokens)."""
    span = parse.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) != 1 or not span[0].dep_:
        return None
    return span[0]


def _first_tokens(person) -> set[str]:
    return {n.split()[0].lower() for n in (person.name, *person.aliases) if n.split()}


def _is_subject(span: SpacySpan, w: Words) -> bool:
    root = span.root
    if not root.dep_:  # an unparsed sentence: a name opening it and followed by a verb-like word
        start = span.sent.start
        first = span.start == start or (span.start == start + 1 and span.doc[start].lower_ in w.opening_fillers)
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return first and nxt is not None and nxt.is_lower and nxt.is_alpha
    tok = root
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ in ("compound", "appos", "conj", "poss") and tok.head is not tok:
            tok = tok.head
            continue
        return False
    return False


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def _sent_index(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)


def _longest_first(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, in text order, the longer winning where two overlap."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if not _overlaps(c.start, c.end, [(k.start, k.end) for k in kept]):
            kept.append(c)
    return kept
