"""A trigger noun that sets the scene of a clause names its participants through that clause.

"In a phone call on Saturday, the minister told his Turkish counterpart ...", "Kerry asked
Sharif, during a meeting this week, to ...", "the king walks with the president after their
talks", "Obama and Xi chat after a bilateral meeting": the noun names nobody (at most a
possessive pronoun); the clause it qualifies says who took part.

Cascade of :func:`scene_roles` for a trigger noun:

1. The noun has no participants of its own but a possessive pronoun (no with/between, of or
   by phrase, no name as possessor or modifier), and is of a kind two parties hold (a meeting,
   talks, a call; not a visit or a gathering one attends).
2. It is the object of a setting preposition (``setting_preps``: during, after, in, at, ...;
   "ahead of" counts as one), possibly inside one more phrase hung on the clause ("after a
   press conference following their meeting"; "upon her arrival for their talks", where the
   inner phrase is a goal or purpose and the outer one a setting). A phrase
   of sequence (after, before, ahead of) needs the possessive pronoun: "called Y ahead of the
   summit" happened outside it, "after their talks" tells whose they were.
3. That phrase hangs on a verb, or on a caption's verb the parser read as a noun with a
   subject ("X, right, talks with Y during their meeting").
4. The clause's subjects (and conjuncts); for a passive with "their" on the noun, the
   by-phrase is a partner too, also one the parser hung on the object ("X is shown the way by
   Y after their talks"; without "their", "X was praised by Y at a summit" tells of no meeting).
5. The clause's partners: its with-phrase (any party), also one on the noun of another setting
   phrase ("speaks at a news conference with his counterpart after their talks"), the object or
   dative of a verb that addresses someone (``addressed_verbs``) when it is a person (a name, a
   title noun): "told Cavusoglu", "asked Sharif"; never "told reporters", nor "criticised Y".
6. Participants: the subjects with the partners, or two or more coordinated subjects on their
   own, all of them persons (a name, a title noun, he or she: "Russia and China blocked it at a
   council meeting" tells of states at a gathering, not of their meeting); anything else gives
   None, and the noun keeps its own reading.
"""
from __future__ import annotations

from typing import Any

from ...records import EventType
from .phrases import by_phrase, conjuncts
from .words import Words

__all__ = ["scene_roles"]

_SCENE_TYPES = (EventType.MEET, EventType.TALKS, EventType.PHONE_CALL)
_PARTY_ENTS = ("PERSON", "GPE", "NORP", "ORG")


def scene_roles(noun: Any, kind: EventType, w: Words) -> tuple[list[Any], list[Any]] | None:
    """(subjects, partners) of the clause a trigger noun sets the scene of, or None."""
    if kind not in _SCENE_TYPES or not _bare(noun, w):  # step 1
        return None
    verb = _clause_verb(noun, w)  # steps 2-3
    if verb is None:
        return None
    subjects, by = _subjects(verb, w)  # steps 4-5
    theirs = any(c.dep_ == "poss" and c.lower_ in w.plural_possessives for c in noun.children)
    partners = (by if theirs else []) + _partners(verb, w)  # "X is shown out by Y after their talks"
    if not all(_person(t, w) for t in subjects + partners):
        return None  # "Russia and China blocked it at a council meeting": states at a gathering
    if subjects and partners:  # step 6
        return subjects, [p for p in partners if p not in subjects]
    return None


def _bare(noun: Any, w: Words) -> bool:
    """No participant phrase of its own; a possessive pronoun ("their meeting") may stand."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "nmod" and c.pos_ == "PROPN":
            return False
        if c.dep_ == "compound" and c.ent_type_ in _PARTY_ENTS:
            return False  # "the Trump-Putin call"
        if c.dep_ == "prep" and c.lower_ in w.own_preps | w.participant_preps:
            return False
        if c.dep_ in ("acl", "relcl"):
            return False  # "the talks held by X", "the call he made to Y"
    return True


def _clause_verb(noun: Any, w: Words) -> Any:
    """The verb (or caption verb) whose setting phrase holds the noun, within two phrases."""
    tok = noun
    for depth in range(2):
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ in w.genitive and prep.head.lower_ in w.ahead:
            prep = prep.head  # "ahead of their talks"
        inner = depth == 0 and prep.lower_ in w.allative | w.purpose and prep.head.dep_ == "pobj" \
            and prep.head.head.lower_ in w.setting_preps  # "upon her arrival for their talks"
        if prep.lower_ not in w.setting_preps and not inner:
            return None
        if depth == 0 and prep.lower_ in w.sequence_preps | w.ahead | w.before \
                and not any(c.dep_ == "poss" for c in noun.children):
            return None  # "called Y ahead of the summit": before it, not in it; "after their talks": theirs
        head = prep.head
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "advmod" and prep.dep_ in ("prep", "advmod", "advcl", "mark"):
            return head
        if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nsubj" for c in head.children) \
                and head.dep_ == "ROOT":
            return head  # a caption's verb read as a noun: "X, right, talks with Y"
        if head.pos_ in ("VERB", "ADJ", "ADV") and head.dep_ in ("advmod", "advcl") and head.head.pos_ in ("VERB", "NOUN"):
            head = head.head  # "X talks with Y, left, during their meeting": a stray modifier
            if head.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in head.children):
                return head
        tok = head
    return None


def _subjects(verb: Any, w: Words) -> tuple[list[Any], list[Any]]:
    """(subjects, by-phrase agents of a passive: partners too)."""
    subj = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in conjuncts(c)]
    by = []
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        by = by_phrase(verb, w.agentive) + [t for o in verb.children if o.dep_ == "dobj" for t in by_phrase(o, w.agentive)]
    return [s for s in subj if s.tag_ not in ("WDT", "WP")], by


def _partners(verb: Any, w: Words) -> list[Any]:
    out = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in w.partner_preps
           for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]
    out += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in w.setting_preps
            for g in c.children if g.dep_ == "pobj" for k in g.children if k.dep_ == "prep"
            and k.lower_ in w.comitative for p in k.children if p.dep_ == "pobj"
            for t in conjuncts(p)]  # "speaks at a news conference with his counterpart after their talks"
    if verb.lemma_.lower() not in w.addressed_verbs:
        return out  # "at the summit, X criticised Y": Y spoken of, maybe not there
    objs = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in conjuncts(c)]
    return out + [o for o in objs if _person(o, w)]


def _person(tok: Any, w: Words) -> bool:
    """A name of a person, a title noun ("his counterpart") or a person pronoun."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in w.person_pronouns \
        or tok.lemma_.lower() in w.title_nouns and tok.pos_ in ("NOUN", "PROPN")
