"""Pronouns that point forward: "As she left the talks, the commissioner, Ana Ruiz, said ...".

A third-person pronoun in a clause or phrase put before the main clause stands for the main
clause's subject, named after it, when the sentence names nobody before the pronoun
("After his meeting with the envoy, Omondi told reporters": Omondi, not a person of the
sentence before). The actors stage resolves candidates in text order, so it holds such a
pronoun back until its subject is resolved (:func:`forward_subjects`).

Cascade of :func:`forward_subjects` for each pronoun candidate (a word of ``pronouns`` in
data/en/titles.json, so never "they" nor "I"):

1. No person (name, title or pronoun) is named in its sentence before it.
2. Climbing from the pronoun, a fronted part of the clause is reached: an adverbial clause
   (``advcl``) or a prepositional phrase (``prep``) hung on a verb, before that verb's subject.
3. The verb's subject (``nsubj``, ``nsubjpass``) lies in a PERSON candidate of the same
   sentence, after the pronoun: that candidate is the pronoun's antecedent.
"""
from __future__ import annotations

from typing import Any

from .candidates import Candidate, parsed_token

__all__ = ["forward_subjects", "entity_ahead"]

FRONTED = ("advcl", "prep")
SUBJECTS = ("nsubj", "nsubjpass")
NAMED = ("PERSON", "TITLE", "PRON")


def forward_subjects(parse: Any, cands: list[Candidate], pronouns: dict[str, str]) -> dict[int, Candidate]:
    """``id(pronoun candidate)`` -> the PERSON candidate it points forward to (see the cascade)."""
    out: dict[int, Candidate] = {}
    for k, c in enumerate(cands):
        if c.label != "PRON" or c.name.lower() not in pronouns:
            continue
        if any(p.label in NAMED and p.sent == c.sent for p in cands[:k]):
            continue  # step 1: someone named before it in the sentence
        tok = parsed_token(parse, c)
        subject = _fronted_subject(tok) if tok is not None else None
        if subject is None:
            continue
        target = next((p for p in cands[k + 1:] if p.label == "PERSON" and p.sent == c.sent
                       and p.start <= subject.idx < p.end), None)
        if target is not None:  # step 3
            out[id(c)] = target
    return out


def entity_ahead(seen: Any, target: Any, gender: str | None) -> Any:
    """The person resolved as ``target`` (an Actor or None) that a pronoun of ``gender`` points
    forward to: None when ``target`` is no person or of the other gender (then the pronoun is
    read backwards as usual)."""
    if target is None or target.kind != "person":
        return None
    ent = next((e for e in reversed(seen.entities) if e.name == target.name), None)
    return None if ent is None or gender and ent.gender and ent.gender != gender else ent


def _fronted_subject(tok: Any) -> Any:
    """Step 2: the subject of the verb whose fronted clause or phrase holds ``tok``, if after ``tok``."""
    node = tok
    for _ in range(8):
        head = node.head
        if head is node:
            return None
        if node.dep_ in FRONTED and head.pos_ in ("VERB", "AUX") and node.i < head.i:
            subj = [s for s in head.children if s.dep_ in SUBJECTS and s.i > tok.i]
            if subj and all(s.i > node.right_edge.i for s in subj):
                return subj[0]
            return None
        node = head
    return None
