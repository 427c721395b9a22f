"""Argument paths beyond a trigger noun's own phrase, through a phase or a sequence.

- :func:`phased`: "X spoke at the start of an official visit to Y", "on the last day of his
  trip": the noun names a phase of the engagement (``phase_nouns`` of syntax.json); the verb
  above the phase governs it, so that verb's subject takes part (the visitor).
- :func:`sequel`: "X arrived in Y, followed by a meeting with Z": the noun is the by-object of
  a subjectless participle of sequence (``sequence_participles`` of participants.json) hung on
  a clause, whose subject takes part.
"""
from __future__ import annotations

from typing import Any

from .words import Words

__all__ = ["phased", "phase_verb", "sequel"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")


def phased(noun: Any, w: Words) -> bool:
    """"at the start of an official visit", "on the last day of his trip": a phase of the noun."""
    return noun.dep_ == "pobj" and noun.head.lower_ in w.genitive and noun.head.head.lemma_.lower() in w.phase_nouns


def phase_verb(tok: Any, w: Words) -> Any:
    """The verb above the phase of an engagement ("spoke at the start of a visit": spoke), else None."""
    if not phased(tok, w):
        return None
    phase = tok.head.head
    if phase.dep_ != "pobj" or phase.head.dep_ != "prep" or phase.head.lower_ in w.anchor_preps:
        return None
    verb = phase.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def sequel(noun: Any, w: Words) -> bool:
    """"..., followed by a meeting with Z": the by-object of a subjectless participle of sequence
    hung on a clause (the caller checks that the noun names a partner of its own)."""
    part = noun.head.head
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent" and part.lemma_.lower() in w.sequence_participles \
        and part.dep_ in ("advcl", "conj") and part.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in _SUBJ for c in part.children)
