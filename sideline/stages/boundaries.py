"""Sentence boundaries of the first pass (:mod:`sideline.stages.nlp`, step 1), set before and
after the statistical sentence recogniser.

1. :func:`mark_line_breaks`: starts the models must keep (a paragraph break; a line break
   before a line that does not go on in lower case; "5 p.m. The").
2. :func:`join_continuations`: cuts the senter made that end nothing: a "sentence" opening
   in lower case with a word that only goes on a clause ("... delegates. which includes
   Peru"), and one cut at an editor's square brackets ("he met [Foreign Minister] Ana Ruiz",
   "the talks were [sic] useful").
3. :func:`cap_sentences`: a sentence longer than the cap is cut into pieces, each ending
   after the last comma (semicolon, colon, dash) of its second half.
"""
from __future__ import annotations

from typing import Any

from ..lexicons import load

__all__ = ["mark_line_breaks", "join_continuations", "cap_sentences"]

_CUTS = frozenset({",", ";", ":", "—", "–", "-"})


def mark_line_breaks(doc: Any, openers: frozenset[str] | None = None) -> Any:
    """Preset sentence starts the models must keep.

    * after a blank line (a paragraph break), always;
    * after a single line break, unless the next line goes on in lower case (a wrapped line):
      headlines, captions and datelines end without punctuation;
    * after an abbreviation that took the full stop ("5 p.m.") when a usual sentence
      opener follows ("The", "He", ...; ``openers``, else the packaged ``sentence_openers``).
    """
    openers = openers if openers is not None else frozenset(load("syntax")["sentence_openers"])
    toks = list(doc)  # one Token object per word (doc[i] makes a new one on every call)
    for tok, nxt in zip(toks, toks[1:]):
        if tok.is_space and "\n" in tok.text:
            if tok.text.count("\n") > 1 or not nxt.text[:1].islower():
                nxt.is_sent_start = True
        elif (len(tok.text) > 2 and tok.text.endswith(".") and "." in tok.text[:-1]
              and nxt.text in openers and tok.whitespace_):
            nxt.is_sent_start = True
    return doc


def join_continuations(doc: Any, continuations: frozenset[str] | None = None) -> Any:
    """A "sentence" that opens in lower case with a word that only goes on a clause ("... met
    several delegates. which includes Peru, Chile") continues the one before: a stray full
    stop, not a boundary (unless a line break stands between them). ``continuations``: those
    words (else the packaged ones)."""
    continuations = continuations if continuations is not None else frozenset(load("syntax")["continuations"])
    for sent in list(doc.sents)[1:]:
        first = sent[0]
        before = doc[first.i - 1]
        if "\n" in before.whitespace_ or before.is_space:
            continue
        if (first.lower_ in continuations and first.text[:1].islower()) or _in_brackets(doc, first.i):
            first.is_sent_start = False
    return doc


def _in_brackets(doc: Any, i: int, reach: int = 40) -> bool:
    """Token ``i`` opens (after a word) or sits in an editor's square brackets on one line
    ("he met [Foreign Minister] Ana Ruiz"): the senter cuts there, the brackets end nothing."""
    if doc[i].text == "[" and not doc[i - 1].is_punct:
        return True
    for tok in reversed(doc[max(i - reach, 0):i]):
        if tok.text == "]" or "\n" in tok.whitespace_:
            return False
        if tok.text == "[":
            return any(t.text == "]" for t in doc[i:i + reach])
    return False


def cap_sentences(doc: Any, cap: int) -> Any:
    """Cut every sentence longer than ``cap`` tokens into pieces of at most ``cap`` tokens,
    each ending after the last comma (semicolon, colon, dash) of its second half if any."""
    for sent in [s for s in doc.sents if len(s) > cap]:
        start = sent.start
        while sent.end - start > cap:
            cut = next((i + 1 for i in range(start + cap - 1, start + cap // 2, -1) if doc[i].text in _CUTS),
                       start + cap)
            doc[cut].is_sent_start = True
            start = cut
    return doc
