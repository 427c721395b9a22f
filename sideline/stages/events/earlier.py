"""An earlier engagement the text implies: "their first meeting since March 2023", "his first
visit in 22 years", "met for the first time since 2019". The same people met (travelled)
before; the annotation guideline counts that as an engagement of its own, one that occurred,
dated by the anchor when the anchor is a date.

Cascade of :func:`earlier_anchor` for a trigger token:

1. The phrase that carries "first" (``first_words``): the trigger noun itself ("their first
   meeting"), or, for a verb, its "for the first time" phrase.
2. On that phrase, a since-phrase (``since_preps``) whose object is a date ("since 2019",
   "since March 2023"; not "since the war began", "since taking office"), or an in-phrase
   (``span_preps``) whose object is a number of years, months or decades (``span_nouns``:
   "in 22 years", "in more than two years").
3. That object is the anchor; none: no earlier engagement.

Who took part in it (:func:`earlier_parties`): the same persons when the text makes it theirs
("arrived for a first visit in 22 years", "their first meeting since March"); a gathering of
three or more parties recurs between states ("their first trilateral summit in four years": the
leaders have changed), and a visit from a country ("the first presidential visit from Pakistan
in seven years") is that country's: the countries (as the text names them, else by their gazetteer names).

A visit whose earlier visitor is another ("the first French president to visit Cuba since
1898") is :func:`sideline.stages.events.participants.earlier_visit`'s.
"""
from __future__ import annotations

from typing import Any

from ...records import EventType
from .words import Words

__all__ = ["earlier_anchor", "earlier_parties", "CUE"]

#: the status cue of an earlier engagement: merged with no other telling, dated by its anchor
CUE = "earlier"


def _carrier(tok: Any, w: Words) -> Any | None:
    """Step 1: the trigger noun with "first", or a verb's "for the first time" noun."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok if any(c.dep_ == "amod" and c.lower_ in w.first for c in tok.children) else None
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ == "pobj" and g.lemma_.lower() == "time" and any(k.lower_ in w.first for k in g.children):
                return g
    return None


def earlier_anchor(tok: Any, w: Words) -> Any | None:
    """Steps 1-3: the token that dates the earlier engagement, or None."""
    carrier = _carrier(tok, w)
    if carrier is None:
        return None
    for c in carrier.children:
        if c.dep_ != "prep":
            continue
        for g in (g for g in c.children if g.dep_ == "pobj"):
            if c.lower_ in w.since and (g.ent_type_ == "DATE" or g.like_num):
                return g  # "since 2019", "since March 2023"
            if c.lower_ in w.span_preps and g.lemma_.lower() in w.span_nouns \
                    and any(k.like_num or k.ent_type_ in ("DATE", "CARDINAL") for k in g.subtree if k is not g):
                return g  # "in 22 years", "in more than two years"
    return None


def earlier_parties(trig: Any, actors: tuple, resolver: Any) -> tuple:
    """The parties of the earlier engagement of trigger ``trig`` (see the module docstring); ()
    when a person's country is not known."""
    tok, w = trig.token, resolver.words
    own = not trig.nominal or not any(c.dep_ == "prep" and c.lower_ in w.ablative for c in tok.children)
    visit = trig.type is EventType.VISIT
    if len(actors) < 3 and (own or not visit):
        return actors
    out = []
    for a in (actors[:1] if visit else actors):
        land = a if a.kind != "person" else resolver.countries.country(a.country, a.mention) if a.country else None
        if land is None:
            return ()
        out.append(land)
    return tuple(dict.fromkeys(out)) + (tuple(a for a in actors[1:] if a.kind != "person") if visit else ())
