"""Who makes an offer the text tells in its own voice: the source of a proposed engagement.

"Okafor has responded to an invitation from Lindqvist to come to Sweden for talks", "Halim
invites Santoso to visit Malaysia": no reporting verb credits anyone, but the invitation is
Lindqvist's (Halim's) claim, and the annotation guideline credits the claim to whoever fixes its
status. Cascade of :func:`proposer`, for a trigger whose status is an offer (proposed) or an
accepted one (planned):

1. Up the trigger's heads (at most four steps, not past a reporting verb's clause boundary):
2. a verb of inviting (``invite_verbs``): its subject (not a relative pronoun);
3. a noun of offering (``proposer_nouns``: invitation, offer, proposal): its possessor
   ("Blinken's invitation"), its from/by/of phrase ("an invitation from Lavrov", "at the
   invitation of President X"), or a name compounded on it;
4. else nobody (the article's own voice stays).
"""
from __future__ import annotations

from typing import Any

from .words import Words

__all__ = ["proposer_token", "offered_by"]

_STEPS = 4


def _owner(noun: Any, w: Words) -> Any | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in w.ablative | w.agentive | w.genitive:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("PROPN", "NOUN") and objs[0].lemma_.lower() not in w.proposer_nouns:
                return objs[0]
    return next((c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG")), None)


def proposer_token(tok: Any, w: Words) -> Any | None:
    """Steps 1-4: the token naming who offers the engagement of trigger token ``tok``."""
    t = tok
    for _ in range(_STEPS):
        if t.head == t:
            return None
        t = t.head
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in w.invite_verbs:
            subj = [c for c in t.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]
            return subj[0] if subj else None
        if t.pos_ in ("NOUN", "PROPN") and lemma in w.proposer_nouns:
            return _owner(t, w)
    return None


def offered_by(tok: Any, w: Words) -> list[Any]:
    """The maker of the offer a trigger noun is the object of ("X's request for a meeting with Y",
    "an invitation from X for talks"): one who would take part (step 3's owner)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.lemma_.lower() not in w.proposer_nouns:
        return []
    owner = _owner(tok.head.head, w)
    return [] if owner is None or owner.pos_ == "PRON" and owner.lower_ not in w.he else [owner]
