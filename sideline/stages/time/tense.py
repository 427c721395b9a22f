"""Which way a bare weekday or month points: the tense and modality of its clause.

:func:`direction` returns +1 (future or planned: "will", "is due to", "is set to begin",
"plans to", "is expected to"), -1 (past: "met", "said", VBD, perfect) or 0 (present or
unknown: the caller takes the nearest date). With a spaCy parse it reads the head verb
chain of the expression; without one (or in a sentence the parser skipped) it looks at
the words of the sentence before the expression.
"""
from __future__ import annotations

import re
from typing import Any

from ..nlp import is_parsed
from .lexicon import TimexLexicon

__all__ = ["direction", "past_plan", "span_root", "governing_verb", "parsed"]

_WORDS = re.compile(r"[A-Za-z']+")
_SENT_END = re.compile(r"[.!?]\s|\n")


def span_root(parse: Any, start: int, end: int) -> Any | None:
    """The token of ``parse`` heading the characters start..end (None if no token there)."""
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def governing_verb(token: Any, steps: int = 6) -> Any | None:
    """The first verb on the head chain of ``token`` (the token itself if it is a verb)."""
    for _ in range(steps):
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _infinitive(verb: Any, words: set[str], lex: TimexLexicon) -> bool:
    return bool(words & set(lex.syntax["infinitive"])) or verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl", "ccomp")


def _past_plan(verb: Any, lex: TimexLexicon) -> bool:
    """A plan told in the past ("was due to", "had been scheduled for", "postponed ... until"):
    the date it names may lie either side of now, so the nearest one is meant."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "cop")}
    if verb.tag_ == "VBD" or aux & set(lex["past_plan_aux"]):
        return True
    head = verb.head
    return verb.dep_ in ("acomp", "attr") and head.i != verb.i and head.tag_ == "VBD"


def _plan_head(verb: Any, lex: TimexLexicon) -> bool:
    """A verb that makes a plan: "plan", "expect", "due" ..., or "be" with an infinitive ("is to
    meet", "was to arrive", "were to be held")."""
    if verb.lemma_.lower() in lex["future_lemmas"]:
        return True
    infinitive = set(lex.syntax["infinitive"])
    return verb.lemma_.lower() in lex["plan_copulas"] and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ in infinitive for a in c.children)
        for c in verb.children)


def _head_direction(verb: Any, lex: TimexLexicon, depth: int) -> int:
    """An infinitive ("to meet") looks ahead of its head: ahead of a present or future head,
    behind a simple past one, and either way after a past "agreed to", "invited to"."""
    head = verb.head
    if head.i == verb.i or depth >= 3:
        return 1
    lemma = head.lemma_.lower()
    if _plan_head(head, lex):
        return 0 if _past_plan(head, lex) else 1
    hd = _verb_direction(head, lex, depth + 1) if head.pos_ in ("VERB", "AUX") else 1
    if any(c.lower_ in lex["perfect_have"] for c in head.children if c.dep_ == "aux"):
        return 1  # "has identified companies ... to run through June": ahead of now
    if hd < 0:
        return 0 if lemma in lex["future_heads"] else -1
    return 1


def _verb_direction(verb: Any, lex: TimexLexicon, depth: int = 0) -> int:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & set(lex["future_aux"]):
        return 1
    lemma = verb.lemma_.lower()
    if _plan_head(verb, lex):
        return 0 if _past_plan(verb, lex) else 1
    if lemma in lex["going_verbs"] and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return 1
    if _infinitive(verb, words, lex):
        return _head_direction(verb, lex, depth)
    if words & set(lex["past_aux"]) or verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBG" and words & set(lex["progressive_aux"]):
        return 1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl"):
        return -1
    return 0


def _marked_future(root: Any, verb: Any | None, lex: TimexLexicon) -> bool:
    """A future word on the way from the expression to its verb: "ahead of a meeting on
    Wednesday", "the upcoming visit on Monday", "a planned trip in May"."""
    markers = set(lex["future_markers"])
    node = root
    for _ in range(6):
        if node.head.i == node.i or (verb is not None and node.head.i == verb.i):
            return False
        node = node.head
        if node.lower_ in markers or any(c.lower_ in markers and c.dep_ in ("amod", "advmod", "compound")
                                         for c in node.children):
            return True
    return False


def _parse_direction(parse: Any, start: int, end: int, lex: TimexLexicon) -> int | None:
    root = span_root(parse, start, end)
    if root is None or not is_parsed(root):
        return None
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if _marked_future(root, verb, lex):
        return 1
    if verb is None:
        return None
    return _verb_direction(verb, lex)


def _word_direction(text: str, start: int, lex: TimexLexicon) -> int:
    left = text[max(0, start - 300):start]
    ends = list(_SENT_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    words = [w.lower() for w in _WORDS.findall(left)][-8:]
    if set(words) & set(lex["future_cues"]):
        return 1
    past = set(lex["past_cues"])
    suffixes = tuple(lex["past_suffixes"])
    if any(w in past or (len(w) > 4 and w.endswith(suffixes)) for w in words):
        return -1
    return 0


def past_plan(start: int, end: int, parse: Any | None, lex: TimexLexicon) -> bool:
    """The expression at start..end dates a plan told in the past ("was to meet on Saturday",
    "was due to fly on Thursday", "had been scheduled for Monday"): the verb it modifies, or
    the verb an infinitive hangs on, makes a plan and is in the past."""
    root = span_root(parse, start, end) if parse is not None else None
    if root is None or not is_parsed(root):
        return False
    verb = governing_verb(root.head if root.head.i != root.i else root)
    for _ in range(3):
        if verb is None:
            return False
        if _plan_head(verb, lex):
            return _past_plan(verb, lex)
        if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "acomp", "ccomp", "advcl"):
            return False
        verb = governing_verb(verb.head)
    return False


def direction(text: str, start: int, end: int, parse: Any | None, lex: TimexLexicon) -> int:
    """+1, -1 or 0 for the expression at text[start:end] (see the module docstring)."""
    if parse is not None:
        found = _parse_direction(parse, start, end, lex)
        if found is not None:
            return found
    return _word_direction(text, start, lex)
