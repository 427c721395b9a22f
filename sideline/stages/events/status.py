"""The status of one engagement claim, read from the trigger's own clause and the clauses above it.

The cues are data (``data/en/status_cues.json``). The *scope* of a trigger is: the trigger, its
predicate (a light verb, or the verb the trigger noun is subject of), and the chain of heads
above the predicate up to and including the first reporting verb (negation or denial there
counts: "denied that X met Y"), plus the modifiers and auxiliaries of each of these. A
trigger noun that only anchors a time ("since a meeting with X", "ahead of the talks",
"during an upcoming visit"), is the topic of a briefing ("will brief X about his summit with
Y") or the place where a topic was taken up ("sanctions were not discussed in the call") keeps
to its own modifiers.

Cascade of :meth:`StatusReader.read` (the first that fires wins):

1. Denial, cancellation or postponement in scope (denied, called off, postponed; also a
   headline verb parsed as the subject, "X postpones travel") -> the finer ruled_out value;
   refusal (refused, declined, rejected, ruled out, turned down, withdrew; also a request whose
   maker "was turned down") -> ruled_out; a plan told in the past that
   did not come about ("had been scheduled", "was due to go ..., but", "was originally
   scheduled to") or an engagement that would have been ("where he would have met") -> ruled_out.
2. A negation in scope ("will not meet", "no meeting was planned", "not having any
   meetings") -> ruled_out; with may/might/could ("may not meet") -> uncertain.
3. Doubt only about the date ("when that visit might occur") -> planned; a trigger noun
   floated as "possible"/"potential" ("discussed a possible meeting") -> proposed; else a
   modal or word of doubt in scope (may, could, possible, unresolved, no decision) or a hedged
   expectation ("we would expect them to meet") -> uncertain.
4. An offer, invitation, readiness or request in scope (ready to, invited, proposed) ->
   proposed; but an accepted or agreed one -> planned.
5. A plan told in the past in the text's own voice ("X was to meet Y") -> planned, a weak
   status that gives way to any other the text states for the same engagement (the dedupe
   stage: "was to hold talks" ... "the meeting was postponed" is one postponed meeting).
   Future or schedule in scope (will, is due to, scheduled, expected, next week, "to meet"
   with no finite verb above it, but not "honoured to welcome" nor under an implicative verb
   in the past, "managed to bring them to the table") -> planned; "would" under a past
   reporting verb -> planned; told by a report placed before the text's news ("reported
   earlier that", "had announced that") the step is "reported-earlier", which a trip the text
   calls off overtakes (the dedupe stage).
6. "ahead of the meeting" (unless in a present-tense caption), "before the meeting" in a
   sentence not told in the past, or a trip's purpose
   ("arrived for a summit") -> planned.
7. Otherwise -> occurred.
"""
from __future__ import annotations

from typing import Any

from ...lexicons import load
from ...records import Status
from .phrases import received
from .triggers import Trigger
from .words import Words

__all__ = ["StatusReader"]


def _words(tok: Any) -> set[str]:
    return {tok.lemma_.lower().replace("’", "'"), tok.lower_.replace("’", "'")}


def _briefed(tok: Any, w: Words) -> bool:
    """The trigger noun is the topic of a briefing ("brief X about his summit with Y")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in w.brief_preps \
        and tok.head.head.lemma_.lower() in w.brief_verbs


def _topic_in(trig: Trigger, w: Words) -> bool:
    """The trigger noun is where a topic was (or was not) taken up: "sanctions were not discussed
    in the call", "no deal was reached at the talks"; the verb tells of the topic, not of the
    engagement, which keeps its own status."""
    tok, verb = trig.token, trig.predicate
    if not trig.nominal or tok.dep_ != "pobj" or tok.head.lower_ not in w.site_preps or verb == tok:
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(subj) and subj[0].pos_ == "NOUN" and subj[0].lemma_.lower() not in w.title_nouns | w.group_nouns


def _foiled(chain: list[Any], w: Words) -> bool:
    """A plan told in the past that did not come about: "had been scheduled for Wednesday", "had
    been expected to ratify", "had planned to visit", "was due to travel on Monday, but was advised
    ...", "was originally scheduled to meet"; an engagement that would have taken place ("the
    trip, during which he would have met the king")."""
    if _counterfactual(chain[:3], w):
        return True
    for t in chain:
        if t.lemma_.lower() not in w.scheduled and t.lower_ not in w.scheduled:
            continue
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & w.past_perfect_aux and aux & w.been or verb.lower_ in w.been and aux & w.past_perfect_aux:
            return True
        if verb is t and aux & w.past_perfect_aux and verb.tag_ == "VBN":
            return True  # "had planned to visit", "had scheduled talks": a plan told as overtaken
        past = verb.tag_ == "VBD" or aux & w.past_be
        if past and any(c.dep_ == "cc" and c.lower_ in w.contrast for c in verb.children) \
                and any(c.dep_ == "conj" for c in verb.children):
            return True
        if (past or verb.tag_ == "VBN") and any(c.dep_ == "advmod" and c.lower_ in w.overtaken for c in verb.children):
            return True  # "was originally scheduled to meet", "originally planned for Friday"
    return False


def _counterfactual(verbs: list[Any], w: Words) -> bool:
    """"would have met", "could have held talks": an engagement told as what would have been."""
    for t in verbs:
        aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if t.tag_ == "VBN" and aux & w.counterfactual_modals and aux & w.counterfactual_perfect:
            return True
    return False


def _past_plan(chain: list[Any], w: Words) -> bool:
    """"X was to meet Y", "they were to hold talks", "was expected to arrive": a plan told in the past tense in the text's
    own voice (not under a reporting verb, where "was to" is only the reported "is to"). It may
    have been overtaken: the step's status gives way to any other the text states for the same
    engagement (see the dedupe stage)."""
    if any(t.lemma_.lower() in w.report_stop and t.pos_ in ("VERB", "AUX") for t in chain):
        return False
    for t in chain[:3]:  # the trigger verb or the light verb of a trigger noun, and its head
        head = t.head
        if t.pos_ == "VERB" and t.dep_ == "xcomp" and head.lemma_ in w.copulas and head.tag_ == "VBD" \
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children):
            return True  # "was to meet"
        past = t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in w.past_be for c in t.children)
        if (t.lemma_.lower() in w.scheduled or t.lower_ in w.scheduled) and past \
                and any(c.dep_ == "xcomp" for c in t.children):
            return True  # "was expected to arrive", "was due to travel"
    return False


def _earlier_report(chain: list[Any], w: Words) -> bool:
    """"the media reported earlier that X will meet Y", "had announced that ...": the plan is
    told by a report the text places before its own news (see the dedupe stage's trips)."""
    for t in chain:
        if t.lemma_.lower() in w.report_stop and t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBN") \
                and any(c.dep_ == "advmod" and c.lower_ in w.earlier_report
                        or c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
            return True
    return False


def _headline_verbs(tok: Any) -> set[str]:
    """"Ramaphosa postpones travel to ...": a headline verb the parser took for a name or noun in
    the subject; its base forms (postpone, cancel), to be matched against the cues."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "compound") and c.pos_ in ("PROPN", "NOUN") and c.lower_.endswith("s") \
                and c.i > tok.sent.start:
            out |= {c.lower_[:-1], c.lower_[:-2]}
    return out


class StatusReader:
    """Status cues (``data/en/status_cues.json``) and the scope rules that apply them.
    ``words``: the events stage's word record (else the one of ``data_dir``)."""

    def __init__(self, data_dir: str | None = None, words: Words | None = None) -> None:
        d = load("status_cues", data_dir)
        self.w = words or Words.load(data_dir)
        self.finer = {Status.POSTPONED: set(d["postponed"]), Status.CANCELLED: set(d["cancelled"]),
                      Status.DENIED: set(d["denied"]), Status.RULED_OUT: set(d["ruled_out"])}
        self.negators = set(d["negators"])
        self.uncertain = set(d["uncertain"])
        self.proposed = set(d["proposed"])
        self.planned = set(d["planned"])
        self.would = set(d["planned_would"])
        self.past = set(d["past_markers"])
        self.negated_planning = set(d["negated_planning"])
        self.hedged = set(d.get("hedged_expect", ()))
        self.implicative = set(d.get("implicative", ()))

    # -- scope ----------------------------------------------------------------------------------
    def scope(self, trig: Trigger) -> tuple[list[Any], list[Any]]:
        """(chain, modifiers): the trigger, predicate and governing heads; their dependents."""
        chain, w = [trig.token], self.w
        if trig.token.dep_ == "pobj" and trig.token.head.lower_ in w.during_preps:
            return chain, self._modifiers(chain)  # "during an upcoming visit": its own status
        if _briefed(trig.token, w):
            return chain, self._modifiers(chain)  # "is expected to brief X about his summit with Y"
        if _topic_in(trig, w):
            return chain, self._modifiers(chain)  # "sanctions were not discussed in the call"
        if trig.predicate != trig.token:
            chain.append(trig.predicate)
        t = chain[-1]
        while t.head != t and len(chain) < 8:
            if t.dep_ in ("nsubj", "nsubjpass") and t != trig.token and t.lemma_.lower() not in w.topic_nouns \
                    and t.lemma_.lower() not in w.proposer_nouns:  # "the request for talks was refused": its fate
                break
            if t.dep_ == "pobj" and t.head.lower_ in w.status_anchors or t.lower_ in w.status_anchors:
                break  # "since a meeting with X", "ahead of the talks": the anchor has its own status
            if t.dep_ in ("appos", "parataxis") or (t.dep_ == "relcl" and not self._cue_noun(t.head)):
                break
            t = t.head
            chain.append(t)
            if t.lemma_.lower() in w.report_stop and t.pos_ in ("VERB", "AUX"):
                break
        return chain, self._modifiers(chain)

    def _modifiers(self, chain: list[Any]) -> list[Any]:
        """The auxiliaries, negations and modifiers of the scope, and time words in its phrases."""
        mods = []
        for c in chain:
            mods += [k for k in c.children if (k.dep_ in (
                "aux", "auxpass", "neg", "advmod", "amod", "det", "acomp", "npadvmod", "prep", "mark")
                or k.lower_.replace("’", "'") in self.w.not_words) and k not in chain]  # a misparsed "don’t"
        mods += [g for m in mods if m.dep_ in ("prep", "npadvmod") for g in m.subtree
                 if g.dep_ in ("amod", "pobj", "det") and g.lower_ in self.w.time_cues | self.negators]
        return mods

    def _cue_noun(self, tok: Any) -> bool:
        """A noun whose relative clause carries the event: "no plans for X to meet Y"."""
        words = _words(tok)
        return bool(words & (self.negated_planning | self.proposed | self.planned | self.uncertain))

    # -- the cascade ------------------------------------------------------------------------------
    def read(self, trig: Trigger) -> Status:
        return self.assess(trig)[0]

    def assess(self, trig: Trigger) -> tuple[Status, str | None]:
        """The status and the step that gave it (None: step 7 for a trigger noun, a default rather
        than something the text says; a verb's own tense states it: "tense")."""
        status, step = self._cascade(trig)
        tok = trig.token
        if step == "default" and (not trig.nominal or tok.dep_ == "attr" and tok.head.lemma_ in self.w.copulas):
            step = "tense"  # "they met", "it is their first talks": the tense states it
        return status, (None if step == "default" else step)

    def _cascade(self, trig: Trigger) -> tuple[Status, str]:
        w = self.w
        chain, mods = self.scope(trig)
        chain_words = [w for t in chain if (t != trig.token or trig.nominal)
                       and not received(t, self.w) for w in _words(t)]  # "welcomed X": a guest, no offer
        mod_words = [w for t in mods for w in _words(t)]
        words = set(chain_words) | set(mod_words)
        phrase = " ".join(t.lemma_.lower() for t in trig.token.sent)
        finer_words = set(chain_words) | {w for t in mods if t.dep_ in ("amod", "acomp") for w in _words(t)}
        finer_words |= _headline_verbs(chain[0])
        for status, cues in self.finer.items():  # step 1
            if self._has(cues, finer_words, phrase, chain):
                if status is Status.RULED_OUT and cues & w.complement_only and self._only_fail(chain, trig):
                    continue
                return status, "cancelled"
        if _foiled(chain, w):  # step 1: "had been scheduled", "was due to travel ..., but"
            return Status.RULED_OUT, "foiled"
        if self._turned_down(chain):  # step 1: "requested a meeting but was turned down"
            return Status.RULED_OUT, "cancelled"
        if self._negated(chain, mods):  # step 2
            modal = any(m.dep_ == "aux" and m.lower_ in w.doubt_modals for m in mods)
            return (Status.UNCERTAIN if modal else Status.RULED_OUT), "negated"  # "may not meet": open
        if any(c.lower_ in w.when and c.tag_ == "WRB" for t in chain for c in t.children) and self._doubt(chain, mods):
            return Status.PLANNED, "date-open"  # step 3: "when that visit might occur": it will; the date is open
        if trig.nominal and any(c.dep_ == "amod" and c.lemma_.lower() in w.floated for c in trig.token.children):
            return Status.PROPOSED, "floated"  # step 3: "discussed a possible meeting": floated
        if words & self.uncertain and self._doubt(chain, mods) or self._hedged(chain):  # step 3
            return Status.UNCERTAIN, "doubt"
        if not trig.nominal and trig.token.lemma_.lower() in w.invite_verbs:
            words = words | {trig.token.lemma_.lower()}  # "invited Y to Paris": the invitation is the trigger
        if words & self.proposed:  # step 4
            if words & w.acceptance:
                return Status.PLANNED, "accepted"
            return Status.PROPOSED, "offer"
        if _past_plan(chain, self.w):  # step 5: "was to hold talks in Jeddah": a plan told in the past
            return Status.PLANNED, "past-plan"
        if self._future(trig, chain, mods, words):  # step 5
            return Status.PLANNED, "reported-earlier" if _earlier_report(chain, self.w) else "future"
        if self._ahead(trig) or self._purpose(trig):  # step 6
            return Status.PLANNED, "ahead"
        return Status.OCCURRED, "default"

    def _purpose(self, trig: Trigger) -> bool:
        """"arrived in Seoul for a summit with ...": the trip's purpose is still to come."""
        tok = trig.token
        return (trig.nominal and trig.type.value != "visit" and tok.dep_ == "pobj" and tok.head.lower_ in self.w.purpose
                and tok.head.head.lemma_.lower() in self.w.purpose_motion)

    def _ahead(self, trig: Trigger) -> bool:
        """"ahead of/before a meeting": still to come, unless the sentence tells of the past."""
        tok, w = trig.token, self.w
        if tok.dep_ != "pobj" or tok.head.lower_ not in w.ahead | w.genitive | w.before:
            return False
        prep = tok.head.head if tok.head.lower_ in w.genitive else tok.head
        if prep.lower_ not in w.ahead | w.before:
            return False
        verb = prep.head
        if prep.lower_ in w.ahead:  # "the agenda included X, ahead of a meeting on Wednesday"
            return verb.tag_ != "VBZ"
        return verb.tag_ not in ("VBD", "VBN", "VBZ")  # "greets X before their meeting": a caption

    def _has(self, cues: set[str], words: set[str], phrase: str, chain: list[Any]) -> bool:
        if words & cues:
            return True
        multi = [c for c in cues if " " in c]
        return any(c in phrase and any(c.split()[0] == t.lemma_.lower() for t in chain) for c in multi)

    def _turned_down(self, chain: list[Any]) -> bool:
        """A request or offer whose maker "was turned down", "was refused": a passive refusal
        coordinated with the asking verb, with no subject of its own."""
        refusals = self.finer.get(Status.RULED_OUT, set())
        for t in chain:
            if not _words(t) & self.proposed:
                continue
            for c in (c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                kids = {k.dep_ for k in c.children}
                prt = " ".join(k.lower_ for k in c.children if k.dep_ == "prt")
                said = _words(c) | ({f"{c.lemma_.lower()} {prt}"} if prt else set())
                if "auxpass" in kids and not kids & {"nsubj", "nsubjpass"} and said & refusals:
                    return True
        return False

    def _only_fail(self, chain: list[Any], trig: Trigger) -> bool:
        """"fail" rules out only an event in its complement (failed to meet), not its subject."""
        fails = [t for t in chain if t.lemma_.lower() in self.w.complement_only]
        return bool(fails) and all(trig.token.dep_ in ("nsubj", "nsubjpass") and trig.token.head == f for f in fails)

    def _achieved(self, verb: Any) -> bool:
        """"Oman had managed to bring the two sides to the table": an implicative verb in the
        past above the to-clause says it came about."""
        for _ in range(4):
            if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or verb.head == verb:
                return False
            verb = verb.head
            if verb.lemma_.lower() in self.implicative and verb.tag_ in ("VBD", "VBN"):
                return True
        return False

    def _negated(self, chain: list[Any], mods: list[Any]) -> bool:
        negs = [m for m in mods if m.lower_.replace("’", "'") in self.negators
                and (m.dep_ in ("neg", "det", "advmod", "aux") or m.lower_.replace("’", "'") in self.w.not_words)]
        if not negs:
            return False
        for n in negs:
            if self._outcome(chain[0], n.head):
                continue  # "the meeting would not produce results": it says what the meeting brings
            if n.head == chain[0] or n.head.lemma_.lower() in self.negated_planning or n.dep_ == "neg" \
                    or n.lower_.replace("’", "'") in self.w.not_words:
                return n.head.lemma_.lower() not in self.w.report_stop
        return False

    def outcome(self, trig: Trigger) -> bool:
        """The trigger noun is the subject of a verb that tells what it brings ("the meeting would
        not produce results"): the sentence does not state the engagement's own state."""
        return trig.nominal and self._outcome(trig.token, trig.predicate)

    def _outcome(self, tok: Any, verb: Any) -> bool:
        """The trigger noun is the subject of a verb that tells what the engagement does or brings
        ("the talks did not resolve anything"), not whether it takes place ("did not happen")."""
        return tok.dep_ == "nsubj" and tok.head == verb and verb.pos_ == "VERB" \
            and verb.lemma_.lower() not in self.w.happen_verbs | self.negated_planning

    def _hedged(self, chain: list[Any]) -> bool:
        """"we would expect the leaders to get a chance to talk": a hedged hope."""
        return any(t.lemma_.lower() in self.hedged and any(c.dep_ == "aux" and c.lower_ in self.w.hedge_modals
                                                            for c in t.children) for t in chain)

    def _doubt(self, chain: list[Any], mods: list[Any]) -> bool:
        modal = [m for m in mods if m.dep_ == "aux" and m.lower_ in self.w.doubt_modals
                 and not (m.head != chain[0] and chain[0].dep_ == "nsubj" and m.head == chain[0].head
                          and m.head.lemma_.lower() not in self.w.happen_verbs)]  # "the summit could make progress"
        adj = [t for t in chain + mods if t.lemma_.lower() in self.uncertain and t.dep_ != "aux"]
        return bool(modal or adj)

    def _future(self, trig: Trigger, chain: list[Any], mods: list[Any], words: set[str]) -> bool:
        w = self.w
        aux = [m for m in mods if m.dep_ in ("aux", "auxpass")]
        if any(m.lower_ in w.future_aux for m in aux):
            return True
        if any(m.lower_ in self.would for m in aux):
            return True
        if words & self.planned - (w.future_aux | w.going):
            return not bool(words & self.past) or bool(words & w.scheduled)
        if any(m.lower_ in w.going for m in chain) or self._bare_infinitive(trig, chain):
            return True
        phrase = " ".join(t.lemma_.lower() for t in trig.token.sent)
        return self._has({c for c in self.planned if " " in c}, set(), phrase, chain)  # "look forward to"

    def _bare_infinitive(self, trig: Trigger, chain: list[Any]) -> bool:
        """"to meet" with no finite verb above it (headlines: "Santoso to meet Halim"), or purpose."""
        w = self.w
        if trig.nominal and _briefed(trig.token, w):
            return False  # "to brief X about his summit": the briefing is to come, not the summit
        head = chain[0] if not trig.nominal else trig.predicate
        has_to = any(c.dep_ == "aux" and c.lower_ in w.infinitive for c in head.children)
        if not has_to or self._achieved(head):
            return False
        if head.head.lemma_.lower() in w.glad_words and head.head != head:
            return False  # "I'm honoured to welcome X to Canada": done as it is said
        if head.dep_ == "advcl" and head.head.tag_ == "VBD" and trig.type.value in ("phone_call", "talks", "meet"):
            return False  # "was on the phone to speak with X": it happened
        if head.dep_ in ("acl", "relcl") and any(c.ent_type_ == "ORDINAL" or c.lower_ in w.fact_modifiers
                                                 for c in head.head.children):
            return False  # "the first Italian president to visit Peru": a fact, not a plan
        return head.dep_ in ("ROOT", "advcl", "xcomp", "relcl", "acl")
