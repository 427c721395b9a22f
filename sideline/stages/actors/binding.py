"""A pronoun that is a verb's object is not that verb's subject: "Mensah called him", "Ruto
thanked him for his support", "X had no contact with Y since the war began, speaking with him
once by phone" (him: not X).

:func:`mark_clause_subjects` gives each object pronoun candidate (``him``, ``her`` as an object,
``them``) the character span of its clause's subject, which the resolver then passes over
when it looks for the antecedent (:meth:`DocResolver._antecedent`). Cascade, per pronoun:

1. the pronoun (``object_pronouns`` in data/en/titles.json) is a direct object, dative or the object of a preposition on a verb
   (``called him``, ``spoke with him``); a possessive ``her`` is no object;
2. the verb's subject (the name in apposition to a subject noun: "His host, X, greeted him");
   for a participle with no subject of its own, the subject of the verb
   it hangs on (``..., speaking with him``), and past a subordinate clause the parser hung it
   on (``since the war began, speaking with him``: the main clause's);
3. a reflexive reading ("himself") is another word and never reaches here.
"""
from __future__ import annotations

from typing import Any

from .candidates import Candidate, parsed_token
from ...knowledge.names import same_person

__all__ = ["mark_clause_subjects", "past_subordinate", "subject_entities"]

OBJECT_DEPS = ("dobj", "dative", "pobj")
SUBJECTS = ("nsubj", "nsubjpass")


def mark_clause_subjects(parse: Any, cands: list[Candidate], forms: frozenset[str]) -> None:
    """Set ``clause_subject`` on every object pronoun candidate (a word of ``forms``, the
    ``object_pronouns`` of data/en/titles.json) whose clause has a subject."""
    for c in cands:
        if c.label != "PRON" or c.name.lower() not in forms:
            continue
        tok = parsed_token(parse, c)
        if tok is None or tok.dep_ not in OBJECT_DEPS:
            continue  # step 1 (an unparsed sentence has no dependency labels)
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        subject = _named(_subject(verb))
        if subject is not None and subject.i != tok.i:
            c.clause_subject = (subject.idx, subject.idx + len(subject.text))
            c.subject_text = subject.text if subject.pos_ == "PROPN" else ""  # a name NER may have missed


def _subject(verb: Any, depth: int = 0) -> Any:
    """Step 2: the subject of ``verb``, inherited by a participle from the verb it hangs on."""
    found = [c for c in verb.children if c.dep_ in SUBJECTS]
    if found:
        return found[0]
    if depth > 3 or verb.head is verb or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    head = verb.head.head if past_subordinate(verb, verb.head) else verb.head
    return _subject(head, depth + 1)


def _named(subject: Any) -> Any:
    """The name in apposition to a subject noun ("His host, X, greeted him": X), else the subject."""
    if subject is None or subject.pos_ == "PROPN":
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)


def past_subordinate(verb: Any, head: Any) -> bool:
    """A participle with no subject, after the comma closing a subordinate clause the parser
    hung it on ("since the war began, speaking ..."): it belongs to the main clause."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "advcl" and head.head is not head \
        and head.i < verb.i and any(c.dep_ == "mark" for c in head.children)


def subject_entities(c: Candidate, history: list) -> set[int]:
    """The ids of the entities an object pronoun cannot stand for: those named as its clause's
    subject (at that span, or by that name when the name is no mention)."""
    at = c.clause_subject
    if at is None:
        return set()
    return {id(ent) for prev, ent in history if prev.start <= at[0] < prev.end or same_person(c.subject_text, ent.name)}
