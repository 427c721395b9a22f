"""Attribution across sentences: who speaks a claim whose sentence names no source of its own.

Read after the trigger's own clause and sentence (:mod:`sideline.stages.events.attribution`),
in this order:

1. **The quotation the trigger sits in** (:mod:`sideline.stages.events.quotes`), whatever the
   sentences it spans: its speaker is the reporting clause right after its closing mark
   ("... on Monday,” the spokesman said"), or in the next sentence of the paragraph when the
   quotation ends its sentence and the next one is a bare reporting clause ("... on Monday.”
   He said."), else the reporting clause right before its opening mark ("Ofosu told
   reporters: “..."), or in the sentence before when that one ends with a colon. A quotation
   with no speaker of its own that resumes one credited just before ("“...,” said Ofosu. “...”")
   is the same speaker's.
2. **A bare reporting clause in the next sentence** of the paragraph, or right after a line
   break when the trigger's sentence ends without its full stop ("... on Monday" / "the
   ministry said."): a reporting verb near the start of the sentence with no complement of its
   own reports the sentence before; so does a sentence that is only a frame ("That is
   according to a statement from the presidency.").
   A sentence of the paragraph that goes on with the engagement ("They discussed trade,
   according to a statement from State House.", "The two leaders are expected to discuss
   trade, officials said.", "He will hold talks with ..., the ministry said.": a pronoun or a
   pair phrase as its subject) and credits a
   source in its own frame or closing reporting clause credits that source.
3. **A reporting clause that ends with a colon** in the sentence before ("The ministry said in
   a statement:", "X issued the following statement:"): it introduces what follows.
4. **A frame that opens the paragraph** ("According to the ministry, ...") covers the
   sentences of that paragraph that follow it (at most three), as long as none of them names
   a speaker or quotes anyone. In wire copy (most paragraphs one sentence long) a paragraph of
   one sentence goes on with the one-sentence paragraphs just before it.

The reporting words are the attributor's (``data/en/reporting.json``); this module holds
only the order and the reach of each step. :class:`Across` reads through the
:class:`~sideline.stages.events.attribution.Attributor` that owns it: ``reports(tok)`` (a
reporting verb?), ``addressed(verb)`` (its object is whom it is told to: "told BILD"),
``speaker_of_verb(verb, resolver)`` and ``opening_frame(sent, resolver)``.
"""
from __future__ import annotations

from typing import Any

from ...records import Claim
from ..nlp import doc_text, is_parsed
from .quotes import OPENING, STRAIGHT, paragraph, paragraph_sizes, quotation_at, quotations

__all__ = ["Across"]

#: tokens after a closing quotation mark (or at a sentence's start) within which its reporting verb stands
REACH = 8
#: tokens before an opening quotation mark within which its reporting verb stands ("X told reporters on Monday: “")
REACH_BEFORE = 12
#: words before a frame that makes a sentence of its own ("That is according to ...")
_FRAME_LEAD = 2
#: sentences after a paragraph's opening frame that it covers
FRAME_REACH = 3
#: paragraphs an article needs before its one-sentence paragraphs are read as wire copy
WIRE_PARAGRAPHS = 4
_CONTENT = ("ccomp", "xcomp", "csubj", "parataxis")
_TERMINAL = ".!?”\"»"


class Across:
    """Steps 1-4 of the module cascade, over the reporting words and speaker rules of
    ``attributor`` (an :class:`~sideline.stages.events.attribution.Attributor`)."""

    def __init__(self, attributor: Any) -> None:
        self.att = attributor

    def across(self, sents: list[Any], k: int, tok: Any, resolver: Any) -> Claim | None:
        """Steps 1-4 for the trigger ``tok`` of sentence ``sents[k]``."""
        quote, (lo, hi) = self._quoted(sents, k, tok)
        if quote is not None:
            return self.quote_speaker(quote, sents, (lo, hi), resolver, resume=True)
        if any(t.text in OPENING or t.text == STRAIGHT for t in sents[k]):
            return None  # the sentence quotes someone, not the trigger: no source carried over
        nxt = k + 1 if k + 1 <= hi or (k + 1 < len(sents) and not _ends(sents[k])) else None
        verb = self._bare_report(sents[nxt]) if nxt is not None and nxt < len(sents) else None
        if verb is not None:
            return self.att.speaker_of_verb(verb, resolver)
        claim = self._bare_frame(sents[nxt], resolver) if nxt is not None and nxt < len(sents) else None
        if claim is not None:
            return claim
        if k + 1 <= hi and self._goes_on(sents[k + 1], resolver):
            claim = self.att.own_source(sents[k + 1], resolver)
            if claim is not None:
                return claim
        if k > 0:
            claim = self._colon_intro(sents[k - 1], resolver)
            if claim is not None:
                return claim
        return self._paragraph_frame(sents, k, lo, resolver) or self._wire_frame(sents, k, (lo, hi), resolver)

    def voice(self, sents: list[Any], k: int, tok: Any, resolver: Any) -> Claim | None:
        """Who speaks the quotation that holds ``tok`` of sentence ``sents[k]`` (step 1), for its
        "I": ``Ofosu said: "I met him in May."`` None outside a quotation."""
        quote, para = self._quoted(sents, k, tok)
        return None if quote is None else self.quote_speaker(quote, sents, para, resolver, resume=True)

    @staticmethod
    def _quoted(sents: list[Any], k: int, tok: Any) -> tuple[tuple[int, int] | None, tuple[int, int]]:
        """The quotation ``tok`` of sentence ``sents[k]`` sits in (or None), and its paragraph."""
        text = doc_text(tok.doc)
        lo, hi = paragraph(sents, k, text)
        return quotation_at(text, sents[lo].start_char, sents[hi].end_char, tok.idx), (lo, hi)

    def spoken_before(self, sents: list[Any], k: int) -> bool:
        """An earlier sentence of sentence ``k``'s paragraph names a speaker (a reporting verb or
        a frame), so "it is also mentioned that" goes on with that source."""
        lo, _ = paragraph(sents, k, doc_text(sents[k].doc))
        return any(self.att.reports(t) or self.att.frame_start(t) for sent in sents[lo:k] for t in sent)

    # -- step 1 ---------------------------------------------------------------------------------
    def quote_speaker(self, quote: tuple[int, int], sents: list[Any], para: tuple[int, int], resolver: Any,
                      resume: bool = False) -> Claim | None:
        """The speaker of a quotation: after its closing mark, else before its opening one, else
        (``resume``) the speaker of the quotation just before it."""
        claim = self._after(quote[1], sents, para, resolver) or self._before(quote[0], sents, para, resolver)
        if claim is not None or not resume:
            return claim
        prior = self._prior_quote(quote, sents, para)
        return self.quote_speaker(prior[0], sents, prior[1], resolver) if prior is not None else None

    def _after(self, close: int, sents: list[Any], para: tuple[int, int], resolver: Any) -> Claim | None:
        j = _sentence_at(sents, close, para)
        if j is None:
            return None  # the quotation runs on past its paragraph
        rest = [t for t in sents[j] if t.idx > close and not (t.is_punct or t.is_space)]
        if rest:
            stop = next((n for n, t in enumerate(sents[j]) if t.idx > close and
                         (t.text in OPENING or t.text == STRAIGHT)), len(sents[j]))
            window = [t for t in rest if t.i < sents[j].start + stop][:REACH]
            verb = next((t for t in window if self.att.reports(t)), None) if is_parsed(sents[j]) else None
            return self.att.speaker_of_verb(verb, resolver) if verb is not None else None
        if j + 1 <= para[1]:
            verb = self._bare_report(sents[j + 1])
            return self.att.speaker_of_verb(verb, resolver) if verb is not None else None
        return None

    def _before(self, open_: int, sents: list[Any], para: tuple[int, int], resolver: Any) -> Claim | None:
        i = _sentence_at(sents, open_, para)
        if i is None:
            return None
        lead = [t for t in sents[i] if t.idx < open_ and not t.is_space]
        if any(not t.is_punct for t in lead):
            if not is_parsed(sents[i]):
                return None
            verb = next((t for t in reversed(lead[-REACH_BEFORE:]) if self.att.reports(t) or self._issues(t)), None)
            return self.att.speaker_of_verb(verb, resolver) if verb is not None else None
        return self._colon_intro(sents[i - 1], resolver) if i > 0 else None

    def _prior_quote(self, quote: tuple[int, int], sents: list[Any],
                     para: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """The last quotation that closes in the sentence before the one this quotation opens in
        (of its paragraph, or of the paragraph before when this one opens its own: a quote of
        several paragraphs, or a paragraph of quotation after one credited)."""
        text = doc_text(sents[0].doc)
        i = _sentence_at(sents, quote[0], para)
        if i is None or i == 0:
            return None
        prev = paragraph(sents, i - 1, text) if i == para[0] else para
        if i == para[0] and quote[0] != sents[i].start_char:
            return None  # a new paragraph that does not open with the quotation
        found = [q for q in quotations(text, sents[prev[0]].start_char, sents[prev[1]].end_char)
                 if q[1] < quote[0] and sents[i - 1].start_char <= q[1] <= sents[i - 1].end_char]
        return (found[-1], prev) if found else None

    # -- steps 2-3 ------------------------------------------------------------------------------
    def _bare_report(self, sent: Any) -> Any | None:
        """A reporting clause with no content of its own at the sentence's root ("He said.",
        "Government spokesman Isaac Mwaura told BILD on Monday.", "Said the minister.")."""
        if not is_parsed(sent):
            return None
        head = [t for t in sent if not t.is_space][:REACH]
        verb = sent.root
        if verb not in head or not self.att.reports(verb) or any(t.text in OPENING or t.text == STRAIGHT for t in head):
            return None
        for c in verb.children:
            if c.dep_ in _CONTENT or c.dep_ == "mark" or (c.dep_ == "prep" and not self.att.circumstance(c)):
                return None  # "He said that ...", "He spoke about the visit": a claim of its own
            if c.dep_ == "dobj" and not self.att.addressed(verb):
                return None  # "He confirmed the visit."
        return verb

    def _bare_frame(self, sent: Any, resolver: Any) -> Claim | None:
        """Step 2: a sentence that is only a frame ("That is according to a statement from the
        presidency.", "According to the ministry."): its object, when it can speak."""
        if not is_parsed(sent):
            return None
        toks = [t for t in sent if not (t.is_punct or t.is_space)]
        for n, tok in enumerate(toks[:_FRAME_LEAD + 1]):
            obj = self.att.frame_object(tok)
            if obj is None:
                continue
            if any(t.pos_ not in ("PRON", "AUX") for t in toks[:n]):
                return None  # "The talks went well according to X": content of its own
            frame = {t.i for t in tok.subtree} | {t.i for t in obj.subtree} | {tok.i + 1}
            if any(t.i not in frame for t in toks[n:]) or not self.att.speakers.sourcey(obj, resolver):
                return None
            return self.att.speakers.claim(obj, resolver)
        return None

    def _goes_on(self, sent: Any, resolver: Any) -> bool:
        """Step 2: the sentence goes on with the engagement told just before: its subject is a
        pronoun or a pair phrase ("They discussed trade", "He will also hold talks with ...", "The
        two leaders are expected to discuss", "Both sides agreed"), and it quotes nobody."""
        if not is_parsed(sent) or any(t.text in OPENING or t.text == STRAIGHT for t in sent):
            return False
        clause = sent.root
        if self.att.reports(clause):  # "The two leaders will discuss trade, officials said."
            clause = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis")), clause)
        subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            return False
        words = {t.lower_ for t in subj[0].subtree}
        return subj[0].lower_ in self.att.w.they | self.att.w.person_pronouns or bool(words & resolver.pair_words) \
            and subj[0].lemma_.lower() in resolver.groups | resolver.pair_words

    def _colon_intro(self, sent: Any, resolver: Any) -> Claim | None:
        """Step 3: "The ministry said in a statement:" introduces the next sentence."""
        toks = [t for t in sent if not t.is_space]
        if not toks or toks[-1].text != ":" or not is_parsed(sent):
            return None
        verb = next((t for t in reversed(toks) if self.att.reports(t) or self._issues(t)), None)
        if verb is None or any(c.dep_ in _CONTENT for c in verb.children):
            return None
        return self.att.speaker_of_verb(verb, resolver)

    def _issues(self, tok: Any) -> bool:
        """Step 3: a verb whose object is a report ("issued the following statement:", "released a
        statement:") introduces it as a reporting verb does."""
        return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.att.report_nouns
                                          for c in tok.children)

    # -- step 4 ---------------------------------------------------------------------------------
    def _paragraph_frame(self, sents: list[Any], k: int, lo: int, resolver: Any) -> Claim | None:
        if not lo < k <= lo + FRAME_REACH or not is_parsed(sents[lo]):
            return None
        for sent in sents[lo + 1: k + 1]:
            if not is_parsed(sent) or any(self.att.reports(t) or t.text in OPENING or t.text == STRAIGHT for t in sent):
                return None  # a speaker or a quotation of its own between
        return self.att.opening_frame(sents[lo], resolver)

    def _wire_frame(self, sents: list[Any], k: int, para: tuple[int, int], resolver: Any) -> Claim | None:
        """Step 4 in wire copy (:func:`_wire`): the nearest of the paragraphs just before whose
        frame opens it, when each of them and the trigger's (``para``) is one sentence."""
        text = doc_text(sents[k].doc)
        if para != (k, k) or not _wire(sents, text):
            return None
        for j in range(k - 1, max(-1, k - 1 - FRAME_REACH), -1):
            if paragraph(sents, j, text) != (j, j):
                return None
            claim = self._paragraph_frame(sents[j:k + 1], k - j, 0, resolver)
            if claim is not None:
                return claim
        return None


def _wire(sents: list[Any], text: str) -> bool:
    """The article is written as wire copy, one sentence a paragraph: it has ``WIRE_PARAGRAPHS``
    paragraphs at least, and two in three or more of them are one sentence each."""
    sizes = paragraph_sizes(sents, text)
    return len(sizes) >= WIRE_PARAGRAPHS and 3 * sum(n == 1 for n in sizes) >= 2 * len(sizes)


def _sentence_at(sents: list[Any], offset: int, para: tuple[int, int]) -> int | None:
    """The sentence of the paragraph that holds the character ``offset``."""
    return next((j for j in range(para[0], para[1] + 1)
                 if sents[j].start_char <= offset < sents[j].end_char), None)


def _ends(sent: Any) -> bool:
    """The sentence ends with its full stop (or a closing quotation mark)."""
    toks = [t for t in sent if not t.is_space]
    return bool(toks) and toks[-1].text[-1:] in _TERMINAL
