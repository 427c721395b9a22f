"""What a place expression does in its clause (used by :mod:`sideline.stages.place.stage`).

A place in a sentence may be where the event happens ("met in Moscow"), where a visit
goes ("trip to Cuba"), where a speaker is ("the ministry in Moscow said"), a participant
("delegates from Jordan", "Turkey's foreign minister") or a metonym ("Moscow said").
:func:`role` reads the dependency parse when the sentence is parsed and the words before
the place when it is not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ... import lexicons

__all__ = ["Cues", "Role", "cues", "role"]

CLIMB = ("appos", "compound", "conj", "nmod", "amod", "npadvmod", "nummod", "cc")


@dataclass(frozen=True)
class Cues:
    """The cue words of ``data/en/place_aliases.json`` ("cues"), as frozen sets of lower-case lemmas,
    its "patterns" compiled, and the articles of ``data/en/syntax.json``."""

    locative: frozenset[str]
    visit_preps: frozenset[str]
    visit_words: frozenset[str]
    occasion_preps: frozenset[str]
    speech: frozenset[str]
    venue_nouns: frozenset[str]
    host: frozenset[str]
    no_place_types: frozenset[str]
    place_nouns: frozenset[str]
    topic_nouns: frozenset[str]
    event_words: frozenset[str]
    summit_nouns: frozenset[str]
    articles: frozenset[str]
    genitive: frozenset[str]
    missed: re.Pattern[str]  # a place name the NER missed after a locative word
    join: re.Pattern[str]  # between a venue and the place named after it


@lru_cache(maxsize=4)
def cues(data_dir: str | None = None) -> Cues:
    data = lexicons.load("place_aliases", data_dir)
    c, patterns = data.get("cues", {}), data["patterns"]
    syntax = lexicons.load("syntax", data_dir)
    keys = ("locative_preps", "visit_preps", "visit_words", "occasion_preps", "speech_verbs", "venue_nouns",
            "host_verbs", "no_place_types", "place_nouns", "topic_nouns", "event_words", "summit_nouns")
    return Cues(*(frozenset(w.lower() for w in c.get(k, ())) for k in keys),
                articles=frozenset(syntax["articles"]), genitive=frozenset(syntax["genitive"]),
                missed=re.compile(patterns["missed"]), join=re.compile(patterns["join"]))


@dataclass(frozen=True)
class Role:
    """``prep`` is the governing preposition, or 'visit-to'/'visit-in'/'visit-dobj' (where a visit
    goes: "trip to Cuba", "his Cuba visit", "visit Ankara"), 'summit-of' ("the Helsinki summit"),
    'host' ("Abuja will host"), 'topic' ("the conflict in Yemen"), 'poss', 'subj', 'dobj' or
    another dependency label; ``gov`` the token index the phrase attaches to; ``attached``:
    the phrase belongs to the trigger's clause (``direct``: to the trigger or a word it
    depends on); ``attribution``: it belongs to a speech verb's clause that is not the
    trigger's; ``other_event``: it belongs to another event word ("invited him to visit
    Islamabad" for a meeting in the same sentence)."""

    prep: str
    gov: int | None
    attached: bool
    attribution: bool
    distance: int
    direct: bool = False
    other_event: bool = False


def _climb(tok: Any, cue: Cues) -> tuple[Any, bool]:
    """From a place's root token up through appositions, compounds and venue possessives."""
    via_poss = False
    for _ in range(8):
        head = tok.head
        if tok.dep_ in CLIMB and head.i != tok.i:
            tok = head
        elif tok.dep_ == "poss" and head.lemma_.lower() in cue.venue_nouns | cue.place_nouns:
            tok, via_poss = head, True
        elif (tok.dep_ == "pobj" and head.lower_ in cue.genitive and head.head.lemma_.lower() in cue.place_nouns
              and head.head.dep_ != "ROOT"):  # "the port city of Dalian"
            tok = head.head
        else:
            break
    return tok, via_poss


def _clause(trigger: Any, cue: Cues) -> list[Any]:
    """The trigger and its ancestors up to (not including) a speech verb."""
    chain = [trigger]
    for a in trigger.ancestors:
        if a.lemma_.lower() in cue.speech:
            break
        chain.append(a)
    return chain


def _speech_before(gov: Any, clause: list[Any], cue: Cues) -> bool:
    """The path from ``gov`` to the root meets a speech verb before the trigger's clause."""
    ids = {t.i for t in clause}
    for a in (gov, *gov.ancestors):
        if a.i in ids:
            return False
        if a.lemma_.lower() in cue.speech:
            return True
    return False


def role(parse: Any, start: int, end: int, trigger: Any | None, cue: Cues, parsed: bool) -> Role:
    """The role of the place at [start, end) relative to the trigger token (or None)."""
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Role("", None, False, False, 99)
    cut = next((t.i for t in span[1:] if t.is_sent_start), None)
    if cut is not None:  # a name the sentence splitter cut in two
        span = parse[span.start:cut]
    if not parsed:
        return _role_flat(parse, span, trigger, cue)
    tok, via_poss = _climb(span.root, cue)
    prep, gov = _governor(tok, cue)
    before = _before(parse, span.start, cue)
    if tok.dep_ in ("punct", "dep", "ROOT") and before is not None and before.pos_ == "ADP":
        prep, gov = _governor_pp(before, cue)  # a name the parser broke ("the Yaounde- Nsimalen Airport")
    head = span.root.head
    if span.root.dep_ == "compound" and head.lemma_.lower() in cue.visit_words | cue.summit_nouns:
        # "his Cuba visit" is a visit to Cuba; "the Helsinki summit" is held in Helsinki
        prep, gov = ("visit-to" if head.lemma_.lower() in cue.visit_words else "summit-of"), head
    if via_poss and prep not in cue.locative:
        prep = "poss"
    if trigger is None:
        return Role(prep, gov.i, False, False, 99)
    clause = _clause(trigger, cue)
    direct = any(gov.i == t.i for t in clause)
    inside = trigger.left_edge.i <= gov.i <= trigger.right_edge.i
    attached = direct or (inside and not _speech_before(gov, clause, cue))
    attribution = not attached and _speech_before(gov, clause, cue)
    other = not direct and gov.lemma_.lower() in cue.event_words and gov.i != trigger.i
    return Role(prep, gov.i, attached, attribution, abs(span.root.i - trigger.i), direct, other)


def _governor(tok: Any, cue: Cues) -> tuple[str, Any]:
    """The preposition (or relation) that governs a place phrase, and the word it modifies.

    The subject of a hosting verb is a place ("Abuja will host the summit"): 'host'. A place
    in a phrase about a topic ("the conflict in Yemen") is not where an event is: 'topic'."""
    head = tok.head
    if tok.dep_ == "pobj" or (head.dep_ == "prep" and head.pos_ == "ADP" and tok.i > head.i):
        return _governor_pp(head, cue)  # (also a place the parser left loose after a preposition)
    if tok.dep_ in ("nsubj", "nsubjpass", "poss") and head.lemma_.lower() in cue.host:
        return "host", head
    if tok.dep_ in ("dobj", "pcomp"):
        return ("visit-dobj" if head.lemma_.lower() in cue.visit_words else "dobj"), head
    if tok.dep_ in ("nsubj", "nsubjpass", "attr"):
        return "subj", head
    return tok.dep_, head


def _governor_pp(prep_tok: Any, cue: Cues) -> tuple[str, Any]:
    prep, gov = prep_tok.lower_, prep_tok.head
    if prep_tok.dep_ == "prep" and gov.dep_ == "prep":  # "ahead of", "out of"
        gov = gov.head
    if gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() in cue.topic_nouns:
        prep = "topic"
    elif prep in cue.visit_preps and gov.lemma_.lower() in cue.visit_words:
        prep = "visit-" + prep  # "during a visit to Vladivostok": where the visit goes
    return prep, gov


def _before(parse: Any, i: int, cue: Cues) -> Any | None:
    """The word before token ``i``, skipping articles."""
    i -= 1
    while i >= 0 and parse[i].lower_ in cue.articles:
        i -= 1
    return parse[i] if i >= 0 else None


def _role_flat(parse: Any, span: Any, trigger: Any | None, cue: Cues) -> Role:
    """Without a parse: the preposition right before the place; attached when no comma or
    sentence-internal clause boundary lies between it and the trigger."""
    word = _before(parse, span.start, cue)
    prep = word.lower_ if word is not None else ""
    if trigger is None:
        return Role(prep, None, False, False, 99)
    lo, hi = sorted((trigger.i, span.start))
    between = parse[lo:hi]
    near = sum(1 for t in between if t.text in (",", ";", "—", "–")) == 0 and len(between) < 12
    return Role(prep, word.i if word is not None else None, near, False, abs(span.start - trigger.i))
