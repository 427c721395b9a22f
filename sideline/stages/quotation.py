"""Quotation marks, and the sentences next to an event sentence that may name its speaker.

Shared by the nlp stage (which sentences to parse besides the event sentences) and the
events stage's attribution across sentences (:mod:`sideline.stages.events.quotes`). These are
marks, not words: the reporting words are data (``speech_forms`` in ``data/en/reporting.json``),
given here as a compiled pattern.
"""
from __future__ import annotations

import re

__all__ = ["OPENING", "CLOSING", "STRAIGHT", "MARKS", "SHORT_SENTENCE", "unbalanced", "speaker_neighbours"]

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = frozenset(OPENING + CLOSING + STRAIGHT)
#: words in a sentence short enough to be a bare reporting clause ("Government spokesman X said on Monday.")
SHORT_SENTENCE = 12


def unbalanced(text: str) -> bool:
    """A quotation runs on past this text (or into it from before)."""
    curly = sum(text.count(c) for c in OPENING) != sum(text.count(c) for c in CLOSING)
    return curly or text.count(STRAIGHT) % 2 == 1


def speaker_neighbours(texts: list[str], hits: set[int], taken: set[int], speech: re.Pattern[str]) -> set[int]:
    """The indices of the sentences (``texts``) next to an event sentence (``hits``), not already
    ``taken``, that may name its speaker: after it, a short one with a reporting word ("He
    said.") or the end of a quotation it leaves open; before it, one that ends with a colon,
    opens with a reporting word ("According to ..."), or holds the quotation it resumes or goes
    on with."""
    out: set[int] = set()
    for i in hits:
        running = unbalanced(texts[i])
        if i + 1 < len(texts) and i + 1 not in taken and _after(texts[i + 1], running, speech):
            out.add(i + 1)
        if i > 0 and i - 1 not in taken and _before(texts[i - 1].strip(), texts[i], running, speech):
            out.add(i - 1)
    return out


def _after(nxt: str, running: bool, speech: re.Pattern[str]) -> bool:
    return bool(running and MARKS.intersection(nxt)) or (len(nxt.split()) <= SHORT_SENTENCE
                                                         and speech.search(nxt) is not None)


def _before(prv: str, text: str, running: bool, speech: re.Pattern[str]) -> bool:
    resumes = (running or text.lstrip()[:1] in MARKS) and bool(MARKS.intersection(prv))
    return prv.endswith(":") or resumes or speech.match(prv) is not None
