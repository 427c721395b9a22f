"""A photo caption with no verb that shows two persons, placed by position words: "President X
(L) and Prime Minister Y (R) in Cairo", "X, right, and Y, during the former's visit to Amman".
Pictured together, they met; the annotation guideline counts that as a meeting held.

Cascade of :func:`pictured`, for a parsed sentence (the parse of such a caption is often wrong,
so this reads words and entities, not the tree):

1. a position word (``caption_positions``: left, right, centre) set off by commas, or a position
   letter or word in brackets (``caption_letters``: L, R, C) after a name;
2. no verb in the sentence but the position words (which the parser may take for verbs: "X,
   left, and Y");
3. the caption's list runs from the sentence's start to its first setting phrase (a preposition
   of ``setting_preps`` outside a name: "in Cairo", "during the visit");
4. the first position mark is the trigger, the list the words its persons are named in
   (:func:`sideline.stages.events.participants.participants` keeps the persons of two or more).

The nlp stage parses a sentence with such a mark (:func:`sideline.stages.nlp.caption_marks`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..nlp import caption_marks, doc_text

from .words import Words

__all__ = ["pictured", "CUE", "caption_date"]

#: the status cue of a caption's meeting: a claim of its own (merged with no other telling), dated
#: only by the caption's own date words
CUE = "pictured"


def _marker(tok: Any, w: Words) -> bool:
    """Step 1: a position word or letter in brackets or between commas."""
    doc = tok.doc
    if not 0 < tok.i < len(doc) - 1 or tok.lower_ not in w.caption_positions and tok.text not in w.caption_letters:
        return False
    before, after = doc[tok.i - 1].text, doc[tok.i + 1].text
    return (before, after) == ("(", ")") or tok.lower_ in w.caption_positions and before == "," and after == ","


@lru_cache(maxsize=8)
def _marks(positions: frozenset[str], letters: frozenset[str]) -> Any:
    """Step 1 on raw text, a cheap test before the tokens are read."""
    return caption_marks(sorted(positions), sorted(letters))


def pictured(sent: Any, w: Words) -> tuple[Any, list[Any]] | None:
    """Steps 1-4: (the first position mark, the tokens of the caption's list), else None."""
    if not _marks(w.caption_positions, w.caption_letters).search(doc_text(sent.doc), sent.start_char, sent.end_char):
        return None
    marks = [t for t in sent if _marker(t, w)]
    if not marks:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in w.caption_positions for t in sent):
        return None  # step 2: "X, left, speaks to Y" is a clause
    stop = next((t.i for t in sent if t.lower_ in w.setting_preps and not t.ent_type_ and t.i > marks[0].i),
                sent.end)
    return marks[0], [t for t in sent if t.i < stop]


def caption_date(sent: Any) -> str | None:
    """The words of the caption's own date ("on January 16, 2014", "in 2015"), if it gives one."""
    ents = [e for e in sent.ents if e.label_ == "DATE"]
    return ents[0].text if ents else None
