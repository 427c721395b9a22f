"""Who the text credits for a claim (``Event.attributed_to``); None for the article's own voice.

The reporting verbs, frames, report and outlet nouns are data (``data/en/reporting.json``).

Cascade of :meth:`Attributor.speaker` for a trigger, from its own clause outwards:

1. A reporting verb above the trigger, the trigger lying in what it says (its complement, a
   topic phrase "spoke about the visit", the subject of a passive report with its by-phrase:
   "the visit was confirmed by his spokesman"), not in its subject nor in a circumstance ("said at a
   meeting with", "reiterated his position during talks", "said before meeting"): its
   subject, or its object for quote/cite ("media quoted Ryabkov as saying"); a relative
   pronoun stands for its antecedent ("Ahmad, who confirmed the visit"); a report noun as
   subject stands for its author ("a Foreign Ministry statement said"); a reporting verb with
   no speaker of its own ("it is also mentioned that") keeps the source credited just before
   in its paragraph, else credits the unnamed source its verb tells of ("it was reported" ->
   reports, "it is learnt" -> sources: ``unnamed_reports``); a reporting participle hung on
   a noun that the parser left without a finite verb ("Head of the Ministry informed ...
   that") has that noun as speaker.
2. A frame in the trigger's sentence whose object can speak: "according to X", "citing X",
   "as reported by X" ("citing security concerns" and "according to the protocol" name no
   source; :meth:`~sideline.stages.events.speakers.Speakers.sourcey`); "citing X" right after a
   reporting clause names the reporter's sources, and the reporter is credited (step 3).
3. A reporting clause that closes the sentence after a comma or a dash, in any order and
   whatever clause the parser hung it on: "..., the agency reported.", "..., reported the
   Kenya News Agency.", "..., reported a statement from the White House.", "..., the
   statement points out." (phrasal reporting verbs are data); a verb the parser hung on its
   speaker noun ("..., the state-run newspaper reported on Tuesday, citing officials") has that
   noun as speaker; a speaker the parser hung elsewhere (", a senior official told AFP") is the
   phrase between the comma and the verb, and the object of a verb of telling is whom it is
   told to, never the speaker.
4. A reporting verb at the root while the trigger sits in a quotation or a parenthesis of
   the sentence ("“...,” she said"), unless the trigger sits in a circumstance of it.
5. Across sentences (:mod:`sideline.stages.events.across`): the quotation the trigger sits in,
   a bare reporting clause in the next sentence, a reporting clause ending with a colon just
   before, a frame that opens the paragraph.
6. None: the article's own voice.

The speaker phrase is read by :class:`~sideline.stages.events.speakers.Speakers`.
"""
from __future__ import annotations

from typing import Any

from ...lexicons import load
from ...records import Claim
from ..quotation import MARKS
from .across import Across
from .phrases import dateline_end
from .resolve import Resolver
from .proposer import proposer_token
from .speakers import Speakers
from .triggers import Trigger
from .words import Words

__all__ = ["Attributor"]

_SPEAKER_DEPS = ("nsubj", "nsubjpass", "csubj")
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "prep", "obj", "oprd", "dep")
#: tokens of a closing reporting clause ("..., reported the Kenya News Agency on Monday")
_TAIL = 12
_SEPARATORS = (",", "—", "–", "--")


class Attributor:
    """Reporting lexicon (``data/en/reporting.json``) and the attribution rules. ``words``: the
    events stage's word record (else the one of ``data_dir``)."""

    def __init__(self, data_dir: str | None = None, words: Words | None = None) -> None:
        d = load("reporting", data_dir)
        self.w = words or Words.load(data_dir)
        self.verbs = frozenset(d["verbs"])
        self.object_speaker = frozenset(d["object_speaker"])
        self.from_speaker = frozenset(d.get("from_speaker", ()))
        self.report_nouns = frozenset(d["report_nouns"])
        self.frames = tuple(d["frames"])
        #: one-word frames ("citing X") and two-word frames ("according to X"), as word tuples
        self._frames = [tuple(f.split()) for f in self.frames if len(f.split()) <= 2]
        self.dismissals = frozenset(d.get("dismissals", ()))
        self.topic_preps = frozenset(d.get("topic_preps", ()))
        self.circumstances = frozenset(d.get("circumstance_marks", ()))
        self.addressee_verbs = frozenset(d.get("addressee_verbs", ()))
        self.unnamed_reports = dict(d.get("unnamed_reports", {}))
        self.phrasal = frozenset(tuple(p.split()) for p in d.get("phrasal_verbs", ()) if len(p.split()) == 2)
        self.speakers = Speakers(self.report_nouns, frozenset(d.get("outlet_nouns", ())), self.w,
                                 frozenset(d.get("speaker_nouns", ())),
                                 clitic=load("syntax", data_dir)["possessive_clitics"][0],
                                 collective=d.get("collective_sources", {}))
        self._across = Across(self)

    def speaker(self, trig: Trigger, resolver: Resolver, sents: list[Any], k: int) -> Claim | None:
        """Steps 1-6 for the trigger of sentence ``sents[k]``."""
        head = self._reporting_head(trig.token)
        if head is not None:
            claim = self.speaker_of_verb(head, resolver)
            if claim is not None:
                return claim
            if self._agentless(head):
                return self._unnamed_report(head, resolver, sents, k)
        claim = self._in_sentence(trig.token, resolver)
        if claim is not None:
            return claim
        return self._across.across(sents, k, trig.token, resolver)

    def voice(self, tok: Any, resolver: Resolver, sents: list[Any], k: int) -> Claim | None:
        """The speaker of the quotation ``tok`` sits in (:meth:`.across.Across.voice`)."""
        return self._across.voice(sents, k, tok, resolver)

    def proposer(self, trig: Trigger, resolver: Resolver) -> Claim | None:
        """Who offers an engagement the text tells in its own voice ("an invitation from X"):
        :mod:`sideline.stages.events.proposer`."""
        tok = proposer_token(trig.token, self.w)
        return self.speakers.claim(tok, resolver) if tok is not None else None

    def dismisser(self, trig: Trigger, resolver: Resolver) -> Claim | None:
        """Who calls the report of this engagement untrue: "a spokesman said reports that the
        president plans to fly to Hanoi in May were a canard" (a second claim, denied, by the
        spokesman): a report word before the trigger, a dismissal after it, a reporting verb at
        the root."""
        tok, sent = trig.token, trig.token.sent
        if not any(t.lemma_.lower() in self.report_nouns and t.i < tok.i for t in sent) \
                or not any(t.lemma_.lower() in self.dismissals and t.i > tok.i for t in sent):
            return None
        root = sent.root
        if root.lemma_.lower() not in self.verbs or root.i > tok.i:
            return None
        return self.speaker_of_verb(root, resolver)

    # -- the words ------------------------------------------------------------------------------
    def reports(self, tok: Any) -> bool:
        """A reporting verb ("said", "reported", "points out")."""
        if tok.pos_ != "VERB":
            return False
        lemma = tok.lemma_.lower()
        return lemma in self.verbs or any((lemma, c.lower_) in self.phrasal for c in tok.children if c.dep_ == "prt")

    def addressed(self, verb: Any) -> bool:
        """The verb's object is whom it is told to ("told BILD", "briefed reporters")."""
        return verb.lemma_.lower() in self.addressee_verbs

    def _agentless(self, verb: Any) -> bool:
        """A reporting verb without a speaker of its own: "it is learnt", "it was also mentioned"."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return all(c.lower_ in self.w.expletives for c in subj) and not any(c.dep_ == "agent" for c in verb.children)

    def _unnamed_report(self, verb: Any, resolver: Resolver, sents: list[Any], k: int) -> Claim | None:
        """A report without a speaker ("it is learnt", "it was also mentioned that"): the source
        credited just before in the paragraph, else the unnamed source its verb tells of
        ("it was reported" -> reports, "it is learnt" -> sources)."""
        if resolver.discourse.last_claim is not None and self._across.spoken_before(sents, k):
            return resolver.discourse.last_claim
        kind = self.unnamed_reports.get(verb.lemma_.lower())
        if kind is None:
            return resolver.discourse.last_claim
        words = sorted([c for c in verb.children if c.i < verb.i and c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")]
                       + [verb], key=lambda t: t.i)
        return Claim(name=kind, mention=" ".join(t.text for t in words))

    def circumstance(self, child: Any) -> bool:
        """A phrase that tells when or where something was said, not what: "at a meeting with",
        "during talks", "before meeting"."""
        if child.dep_ == "prep":
            return child.lower_ not in self.topic_preps
        if child.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in self.circumstances for c in child.children)
        return False

    # -- step 1 -------------------------------------------------------------------------------
    def _reporting_head(self, tok: Any) -> Any | None:
        t = tok
        for _ in range(10):
            if t.head == t:
                return None
            child, t = t, t.head
            topic = child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in t.children)
            if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX") and (child.dep_ not in _SPEAKER_DEPS or topic):
                if self.circumstance(child):
                    continue
                if child.dep_ in _COMPLEMENTS or topic \
                        or child.dep_ == "nsubj" and t.dep_ == "ccomp":
                    return t
        return None

    def speaker_of_verb(self, verb: Any, resolver: Resolver) -> Claim | None:
        """Who a reporting verb credits: its subject (after a dateline), its object for quote
        and cite, its from-phrase for learn, its by-phrase in the passive; a clause without a
        subject borrows its head's."""
        if verb.lemma_.lower() in self.from_speaker:  # "X has learnt from the press service"
            srcs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in self.w.ablative
                    for g in c.children if g.dep_ == "pobj"]
            if srcs:
                return self.speakers.claim(srcs[0], resolver)
        if verb.lemma_.lower() in self.object_speaker:
            objs = [c for c in verb.children if c.dep_ in ("dobj",)]
            if objs:
                return self.speakers.claim(objs[0], resolver)
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:  # "the decision was announced by his spokesman"
            return self.speakers.claim(agents[0], resolver)
        subj = [c for c in verb.children if c.dep_ in _SPEAKER_DEPS and c.i >= dateline_end(c.sent, self.w)
                and c.lower_ not in self.w.expletives] or _inverted(verb)
        if not subj:
            if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
                    and any(c.dep_ == "ccomp" for c in verb.children):
                return self.speakers.claim(verb.head, resolver)  # "Head of the Ministry informed ... that": no finite verb parsed
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.verbs:
                return self.speaker_of_verb(verb.head, resolver)  # "Kyodo said it had confirmed plans"
            if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in self.verbs:
                return self.speaker_of_verb(verb.head.head, resolver)  # "quoted X as saying"
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
                return self.speaker_of_verb(verb.head, resolver) if verb.head.lemma_.lower() in self.verbs \
                    else self._claim_from_subject_of(verb.head, resolver)
            return None
        if subj[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return self.speakers.claim(verb.head, resolver)  # "Mr. Ahmad, who confirmed the visit"
        return self.speakers.claim(subj[0], resolver)

    def _claim_from_subject_of(self, verb: Any, resolver: Resolver) -> Claim | None:
        subj = [c for c in verb.children if c.dep_ in _SPEAKER_DEPS]
        return self.speakers.claim(subj[0], resolver) if subj else None

    # -- steps 2-4 ----------------------------------------------------------------------------
    def _in_sentence(self, trig: Any, resolver: Resolver) -> Claim | None:
        sent = trig.sent
        claim = self._frame(sent, resolver)
        if claim is not None:
            return claim
        claim = self._tail(sent, trig, resolver)
        if claim is not None:
            return claim
        root = sent.root
        if root.lemma_.lower() in self.verbs and any(c.dep_ in _SPEAKER_DEPS for c in root.children) \
                and any(t.text in MARKS for t in sent) and not self._adjunct_of(trig, root):
            return self.speaker_of_verb(root, resolver)
        return None

    def own_source(self, sent: Any, resolver: Resolver) -> Claim | None:
        """The source a sentence credits for itself in a frame or a closing reporting clause
        (steps 2-3 over the whole sentence), for a sentence that goes on with an engagement."""
        claim = self._frame(sent, resolver) or self._tail(sent, sent[0], resolver)
        root = sent.root
        if claim is None and self.reports(root) and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
            claim = self.speaker_of_verb(root, resolver)  # "..., officials said."
        return claim

    def _frame(self, sent: Any, resolver: Resolver) -> Claim | None:
        """Step 2: "according to X", "citing X", "as reported by X", X able to speak."""
        for tok in sent:
            obj = self._frame_object(tok)
            if obj is not None and self.speakers.sourcey(obj, resolver):
                return self.speakers.claim(obj, resolver)
        for tok in sent:  # "as reported by the press service"
            if tok.lemma_.lower() in self.verbs and any(c.dep_ == "mark" and c.lower_ in self.w.as_conj
                                                        for c in tok.children):
                agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                if agents:
                    return self.speakers.claim(agents[0], resolver)
        return None

    def frame_start(self, tok: Any) -> bool:
        """A frame with an object starts at ``tok`` ("according to X")."""
        return self._frame_object(tok) is not None

    def frame_object(self, tok: Any) -> Any | None:
        """The object of a frame that starts at ``tok``, if any ("according to X": X)."""
        return self._frame_object(tok)

    def _frame_object(self, tok: Any) -> Any | None:
        """The object of a frame that starts at ``tok`` ("according to X", "citing X")."""
        low = tok.lower_
        for frame in self._frames:
            if len(frame) == 2 and low == frame[0] and tok.i + 1 < tok.sent.end \
                    and tok.doc[tok.i + 1].lower_ == frame[1]:
                objs = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
                return objs[0] if objs else None
        if (low,) in self._frames and tok.dep_ != "ROOT" and tok.head.lemma_.lower() not in self.verbs \
                and not self._cites_for_reporter(tok):
            objs = [g for g in tok.children if g.dep_ in ("dobj", "pobj")]
            return objs[0] if objs else None
        return None

    def _cites_for_reporter(self, tok: Any) -> bool:
        """A one-word frame right after a reporting clause ("..., the newspaper reported on
        Tuesday, citing officials"): it names the reporter's sources, and the reporter is the
        source (step 3), whatever verb the parser hung the frame on."""
        before = [t for t in tok.doc[max(tok.sent.start, tok.i - _TAIL): tok.i] if not (t.is_punct or t.is_space)]
        return any(self.reports(t) and (t.lower_,) not in self._frames for t in before)

    def opening_frame(self, sent: Any, resolver: Resolver) -> Claim | None:
        """A frame that opens the sentence ("According to the ministry, ..."), after a dateline
        and at most one word ("But according to ...")."""
        start = dateline_end(sent, self.w)
        words = [t for t in sent.doc[start: sent.end] if not (t.is_punct or t.is_space)][:2]
        for tok in words:
            obj = self._frame_object(tok)
            if obj is not None and self.speakers.sourcey(obj, resolver):
                return self.speakers.claim(obj, resolver)
        return None

    def _tail(self, sent: Any, trig: Any, resolver: Resolver) -> Claim | None:
        """Step 3: the reporting clause after a comma or dash that follows the trigger, the
        last one that holds a reporting verb ("..., Reuters reported, citing sources"): its
        subject, else the phrase after the verb ("reported the agency")."""
        seps = [t for t in sent if t.text in _SEPARATORS and t.i > trig.i]
        for sep in reversed(seps):
            tail = [t for t in sent if t.i > sep.i and not (t.is_punct or t.is_space)]
            if len(tail) > _TAIL:
                return None
            verbs = [t for t in tail if self.reports(t) and (t.lower_,) not in self._frames]
            if len(verbs) == 1:
                return self._tail_speaker(verbs[0], sep, {t.i for t in tail}, resolver)
        return None

    def _tail_speaker(self, verb: Any, sep: Any, inside: set[int], resolver: Resolver) -> Claim | None:
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > sep.i for c in verb.children):
            return None  # "..., and Kyodo reported that ...": a claim of its own
        subj = [c for c in verb.children if c.dep_ in _SPEAKER_DEPS and c.i in inside]
        if subj:
            return self.speakers.claim(subj[0], resolver)
        if verb.dep_ == "acl" and verb.head.i in inside and verb.head.i < verb.i:
            return self.speakers.claim(verb.head, resolver)  # "..., the newspaper reported": hung on its noun
        before = [t for t in verb.doc[sep.i + 1: verb.i] if t.i in inside]
        heads = [t for t in before if t.head.i not in {b.i for b in before} and t.pos_ in ("NOUN", "PROPN", "PRON")]
        if len(heads) == 1:  # "..., a senior official told AFP": the parser hung the speaker elsewhere
            return self.speakers.claim(heads[0], resolver)
        if self.addressed(verb):
            return None  # "told AFP": whom it is told to, not who tells
        after = [c for c in verb.children if c.i in inside and c.i > verb.i
                 and c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dative")]
        return self.speakers.claim(after[0], resolver) if after else None

    def _adjunct_of(self, tok: Any, root: Any) -> bool:
        """The token sits in a circumstance of ``root`` ("he said at a meeting with ...")."""
        t = tok
        while t.head != t and t.head != root:
            t = t.head
        return t.head == root and t != root and self.circumstance(t)


def _inverted(verb: Any) -> list[Any]:
    """", reported Xinhua.": a name right after a reporting verb that closes its sentence after a
    comma, with no subject of its own, which the parser hung on it as a modifier or object."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "”", '"') or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    after = [c for c in verb.children if c.i > verb.i]
    return [c for c in after[:1] if c.dep_ in ("npadvmod", "dobj", "attr", "oprd", "appos") and c.pos_ == "PROPN"
            and c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "")]
