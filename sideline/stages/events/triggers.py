"""Find the words that announce a diplomatic engagement (triggers) in a parsed sentence.

Triggers come from ``data/en/triggers.json`` (users extend it): verbs (met, visited, hosted),
nouns (meeting, talks, visit, summit), light-verb constructions whose noun carries the
event (held talks, paid a visit: the trigger is the noun, the light verb its predicate),
multiword phrases (sat down with, courtesy call) and the special verbs attend (a summit
or session: multilateral) and address (a parliament: other_consult).

Cascade of :meth:`TriggerLexicon.find` for each token of a sentence:

1. A multiword phrase whose last word is this token gives its type.
2. A verb lemma in ``verbs`` gives its type, after the checks of :meth:`_verb_type`
   (attend/address need the right object; call/speak need a phone word or a person).
3. A noun lemma in ``nouns`` gives its type (call/conversation only with a phone word;
   dinner/lunch only with a "with" phrase).
   A presence verb ("will be in New York") is a visit when a person is in a named place.
   A noun inside an office's name ("the envoy for the talks") or telling habitual contact
   ("our regular dialogue", "continue coordinating interactions") is no trigger.
4. A noun that is the object of a light verb is kept once, as the noun; the light verb
   becomes its predicate (the token whose subject, tense and modality count).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...lexicons import load
from ...records import EventType
from .phases import phase_verb
from .captions import pictured
from .words import Words

__all__ = ["Trigger", "TriggerLexicon"]

_NAMED = {"ORG", "EVENT", "FAC", "LAW", "WORK_OF_ART"}
_WHEN = {"DATE", "TIME"}
_COUNT = {"MONEY", "QUANTITY", "PERCENT", "CARDINAL"}
_PARTY = {"PERSON", "NORP", "GPE", "ORG"}


@dataclass(frozen=True)
class Trigger:
    """One trigger: its token, event type, and the predicate token that governs it."""

    token: Any  # spacy Token
    type: EventType
    predicate: Any  # spacy Token: the verb whose subject/aux count (the token itself for verbs)
    nominal: bool
    presence: bool = False  # "will be in New York": a visit only when a person is the subject
    pictured: tuple = ()  # a photo caption's position mark: the tokens its persons are named in (captions.py)


class TriggerLexicon:
    """The trigger data (``data/en/triggers.json``) and the rules that apply it to a sentence.
    ``words``: the events stage's word record (else the one of ``data_dir``)."""

    def __init__(self, data_dir: str | None = None, words: Words | None = None) -> None:
        data = load("triggers", data_dir)
        self.w = words or Words.load(data_dir)
        self.verbs = {k: EventType(v) for k, v in data["verbs"].items()}
        self.nouns = {k: EventType(v) for k, v in data["nouns"].items()}
        self.light = frozenset(data["light_verbs"])
        self.phrases = {tuple(k.split()): EventType(v) for k, v in data["phrases"].items()}
        self._by_last: dict[str, list[tuple[int, tuple[str, ...], EventType]]] = {}
        for rank, (words, kind) in enumerate(self.phrases.items()):
            self._by_last.setdefault(words[-1], []).append((rank, words, kind))
        self.attend_objects = frozenset(data["attend_objects"])
        self.address_objects = frozenset(data["address_objects"])
        self.phone_words = frozenset(data["phone_words"])
        self.not_participants = frozenset(data["not_participants"])
        self.titles = frozenset(data["title_nouns"])
        self._people = self.titles | self.w.group_nouns  # "three ministers", "a delegation": guests
        self.habitual_verbs = frozenset(data.get("habitual_verbs", ()))
        self.habitual_mods = frozenset(data.get("habitual_modifiers", ()))
        self.presence = frozenset(data.get("presence_verbs", ()))
        words = set(self.verbs) | set(self.nouns) | {w for p in self.phrases for w in p} | set(self.w.invite_verbs)
        #: the lemmas and forms a trigger token can have: any other token is passed over at once
        self._keys = frozenset(self.verbs) | frozenset(self.nouns) | frozenset(self._by_last) | self.presence \
            | self.w.invite_verbs | self.w.company_verbs | self.w.caption_verbs
        self._prefilter = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words))) + r")", re.I)

    def may_hold_event(self, text: str) -> bool:
        """Cheap test (no parse) that a sentence may hold a trigger; used to choose what to parse."""
        return bool(self._prefilter.search(text)) or any(f"{f} " in text for f in self.w.prefilter_forms)

    # -- finding ------------------------------------------------------------------------------
    def find(self, sent: Any) -> list[Trigger]:
        """Every trigger of a parsed sentence, in text order, one per token."""
        out: list[Trigger] = []
        keys = self._keys
        for tok in sent:
            if tok.lower_ not in keys and tok.lemma_.lower() not in keys and ("-" not in tok.lower_ or not self._co_form(tok)):
                continue
            phrase = self._phrase_type(tok)
            kind = phrase or self._token_type(tok)
            if kind is None or self._in_title(tok) or self._habitual(tok):
                continue
            if phrase and tok.pos_ in ("ADV", "ADP", "PART") and tok.head.pos_ == "VERB" and tok.head.i < tok.i:
                tok = tok.head  # "brought the ministers together", "sat down with": the verb's arguments
            caption = tok.lower_ in self.w.caption_verbs and tok.dep_ in ("ROOT", "compound")  # "X visits Y" read as a noun
            nominal = (tok.pos_ in ("NOUN", "PROPN") and not caption) or (
                tok.pos_ != "VERB" and tok.lemma_.lower() in self.nouns and tok.lemma_.lower() not in self.verbs)
            presence = tok.lemma_.lower() in self.presence
            out.append(Trigger(tok, kind, self.predicate(tok) if nominal else tok, nominal, presence))
        shown = pictured(sent, self.w)  # "X (L) and Y (R) in Cairo": a caption of two persons
        if shown is not None and not any(t.token == shown[0] for t in out):
            out.append(Trigger(shown[0], EventType.MEET, shown[0], False, pictured=tuple(shown[1])))
            out.sort(key=lambda t: t.token.i)
        return out

    def _in_title(self, tok: Any) -> bool:
        """"the special representative for the dialogue", "the envoy to the talks": a noun inside
        an office's name is no engagement."""
        return tok.dep_ == "pobj" and tok.head.lower_ in self.w.office_preps \
            and tok.head.head.lemma_.lower() in self.titles and tok.head.head.pos_ in ("NOUN", "PROPN")

    def _habitual(self, tok: Any) -> bool:
        """Habitual or generic contact: "our regular dialogue", "continue coordinating interactions
        between A and B" (a bare plural noun under a verb of keeping up), "usually meets X", "meets
        X whenever he is in Y" (a frequency word on the verb or on a clause of it)."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("dobj", "nsubj") and tok.head.pos_ == "VERB" \
            else None  # "usually meets X", "often holds talks with X", "meets X whenever he is in Y"
        if verb is not None and any(c.dep_ == "advmod" and c.lower_ in self.habitual_mods for c in verb.children) \
                or verb is not None and any(c.dep_ == "advcl" and any(m.lower_ in self.habitual_mods for m in c.children
                                                                      if m.tag_ == "WRB")
                                            for c in verb.children):
            return True
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(c.lower_ in self.habitual_mods for c in tok.children if c.dep_ in ("amod", "advmod")):
            return True
        bare = tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
        heads = [tok.head, tok.head.head]
        return bare and any(h.lemma_.lower() in self.habitual_verbs and h.pos_ == "VERB" for h in heads)

    def _phrase_type(self, tok: Any) -> EventType | None:
        """The type of the first phrase (in lexicon order) that ends at ``tok``."""
        lower, lemma = tok.lower_, tok.lemma_.lower()
        cands = self._by_last.get(lower, []) + (self._by_last.get(lemma, []) if lemma != lower else [])
        for _, words, kind in sorted(cands, key=lambda c: c[0]):
            n = len(words)
            if tok.i - n + 1 < tok.sent.start:
                continue
            window = tok.doc[tok.i - n + 1: tok.i + 1]
            if all(w == t.lower_ or w == t.lemma_.lower() for w, t in zip(words, window)):
                return kind
        return None

    def _co_form(self, tok: Any) -> str | None:
        """The verb of a shared office a form starts with ("co-chaired": co-chair), else None."""
        low = tok.lower_
        return next((v for v in self.w.co_verbs if low.startswith(v)), None) if "-" in low else None

    def _token_type(self, tok: Any) -> EventType | None:
        lemma = self._co_form(tok) or tok.lemma_.lower()
        if tok.lower_ in self.w.caption_verbs and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("ROOT", "compound"):
            return self.verbs.get(tok.lower_[:-1]) or self.verbs.get(tok.lower_[:-2])
        if lemma in self.presence and tok.pos_ in ("VERB", "AUX"):
            return EventType.VISIT if self._present_in(tok) else None
        if lemma in self.w.invite_verbs and tok.pos_ == "VERB":
            return EventType.VISIT if _invited_to_place(tok, self.w) else None
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ not in ("NOUN", "PROPN") and tok.tag_.startswith("VB")):
            return self._verb_type(tok, lemma) if lemma in self.verbs else None
        if lemma in self.w.company_verbs and tok.pos_ == "NOUN" and tok.dep_ == "ROOT" \
                and any(c.dep_ == "nsubj" for c in tok.children):
            return self._verb_type(tok, lemma)  # "X and Y chat as they walk": a caption's verb read as a noun
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.tag_.startswith("NN"):
            if tok.ent_type_ in _NAMED and tok.ent_iob_ == "I":
                return None  # "the East Asia Summit", "the GCC Foreign Ministers' Meeting": a named venue
            key = lemma if lemma in self.nouns else tok.lower_
            return self._noun_type(tok, key) if key in self.nouns else None
        return None

    def _present_in(self, tok: Any) -> bool:
        """"Lavrov will be in New York", "when he was in Beijing": a person who is in a named
        country or city (not "in talks", "in office", "in the region") is visiting it."""
        if tok.dep_ in ("aux", "auxpass") or any(c.dep_ in ("acomp", "attr", "xcomp") for c in tok.children):
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        person = subj and (subj[0].lower_ in self.w.person_pronouns or subj[0].lemma_.lower() in self.titles
                           or subj[0].pos_ == "PROPN" and subj[0].ent_type_ not in ("GPE", "LOC", "NORP", "DATE"))
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in self.w.inessive for g in c.children
                if g.dep_ == "pobj"]
        if any(g.pos_ == "NOUN" for g in objs):
            return False  # "is in charge in Washington", "was in talks in Doha": a state, not a stay
        places = [g for g in objs if g.ent_type_ in ("GPE", "LOC") or g.pos_ == "PROPN" and not g.ent_type_]
        return bool(person and places)

    def _verb_type(self, tok: Any, lemma: str) -> EventType | None:
        kind, w = self.verbs[lemma], self.w
        objects = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "prep")]
        heads = {_head_lemma(o) for o in objects}
        if lemma in w.joined_by_verbs and any(c.dep_ == "agent" and any(g.ent_type_ == "PERSON" for g in c.subtree)
                                              or c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children):
            return EventType.MEET  # "will be joined by President X", "joined X in Kyiv" (not "join the X group")
        if lemma in w.carrier_verbs and any(o.dep_ == "dobj" and self._token_type(o) for o in objects):
            return None  # "received a phone call from X": the call is the engagement
        if lemma in w.receiving_verbs and any(o.dep_ == "dobj" and self._counted(o) for o in objects):
            return None  # "A and B received $50 million", "received 12 stitches": no guest
        if lemma in w.attend_verbs:
            if any(_with_phrase(o, w) for o in objects) or heads & set(self.nouns):
                return None  # "attends a meeting with X", "attend meetings of": the noun is the trigger
            return kind if heads & self.attend_objects or _pobj_lemmas(tok) & self.attend_objects else None
        if lemma in w.address_words:
            return kind if heads & self.address_objects else None
        if lemma in w.call_verbs:
            return self._call_type(tok, lemma)
        if lemma in w.partner_verbs:  # "discussed X with Y"; "China, Japan and Korea discussed X": among them
            return kind if any(c.dep_ == "prep" and c.lower_ in w.partner_preps for c in tok.children) \
                or _coordinated_parties(tok) and not heads & set(self.nouns) else None  # "discussed a meeting"
        if lemma in w.co_verbs:  # "X and Y co-chaired the joint commission": together; "co-chaired the talks": no
            return kind if not heads & set(self.nouns) and (_coordinated_persons(tok) or any(
                c.dep_ == "prep" and c.lower_ in w.comitative for c in tok.children)) else None
        if lemma in w.company_verbs:  # "walked with Xi", "chatted with the king", "X and Y chat": together
            return kind if any(c.dep_ == "prep" and c.lower_ in w.comitative and _person_in(c, self.titles)
                               for c in tok.children) or _coordinated_persons(tok) \
                or lemma in w.contact_verbs and _person_object(tok) else None  # "hugged Xi"
        if lemma in w.motion_verbs:  # "flew to Pyongyang", not "the jet he was flying"
            return kind if any(c.dep_ == "prep" and c.lower_ in w.destination_preps for c in tok.children) \
                else None
        if lemma in w.talk_verbs:
            if _has_phone_word(tok, self.phone_words):
                return EventType.PHONE_CALL
            return kind if any(c.dep_ == "prep" and c.lower_ in w.partner_preps for c in tok.children) \
                or _has_phone_word(tok, self.phone_words) or _aux_future(tok, w) else None
        return kind

    def _counted(self, obj: Any) -> bool:
        """An object that is a sum or a count of things, not of people: "$50 million", "12
        stitches" (but "20 leaders", "three ministers" are guests)."""
        if obj.ent_type_ in _PARTY or obj.lemma_.lower() in self._people:
            return False
        return obj.ent_type_ in _COUNT or obj.tag_ == "CD" or any(
            c.dep_ == "nummod" or c.ent_type_ in _COUNT for c in obj.children)

    def _call_type(self, tok: Any, lemma: str) -> EventType | None:
        w = self.w
        if _has_phone_word(tok, self.phone_words) or lemma in w.phone_verbs:
            return EventType.PHONE_CALL
        if lemma in w.speak_verbs:
            partner = any(c.dep_ in ("prep", "dobj") and c.lower_ in w.speak_preps or c.dep_ == "dobj" for c in tok.children)
            margins = any(g.lower_ in w.sideline_nouns for c in tok.children if c.dep_ == "prep" for g in c.subtree)
            if partner and _has_place(tok, w) or margins:  # "spoke with X in Brussels", "speak on the margins"
                return EventType.MEET
            return EventType.PHONE_CALL if partner else None  # not "asked to speak [...] in Charleston"
        if lemma in w.bare_call_verbs:
            return _bare_call(tok, w, self.titles)
        return None

    def _noun_type(self, tok: Any, key: str) -> EventType | None:
        kind, w = self.nouns[key], self.w
        if key in w.phone_nouns:
            if _has_phone_word(tok, self.phone_words):
                return EventType.PHONE_CALL
            if key in w.courtesy_nouns and any(c.lower_ in w.courtesy_words for c in tok.children):
                return EventType.MEET
            if any(c.dep_ == "prep" and c.lower_ in w.call_partner_preps and _party(c) for c in tok.children):
                together = any(g.lemma_.lower() in w.meal_nouns | w.sideline_nouns for c in tok.children
                               if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
                return EventType.MEET if together else EventType.PHONE_CALL  # "in a call with Macron"; "over dinner"
            return None
        if key in w.with_nouns:
            has_with = any(c.dep_ == "prep" and c.lower_ in w.partner_preps for c in tok.children)
            return kind if has_with or key in w.possessed_nouns and _has_poss(tok) else None
        if key in w.address_words:  # "his address to a joint session of Parliament"
            return kind if _pobj_lemmas(tok) & self.address_objects else None
        if key in w.phone_only_nouns:
            return kind if _has_phone_word(tok, self.phone_words) else None
        if key in w.adjective_nouns and tok.pos_ == "ADJ":
            return kind if tok.head.lemma_.lower() not in self.nouns else None
        return kind

    def predicate(self, tok: Any) -> Any:
        """The verb that governs a trigger noun: a light verb, or the verb it is subject of."""
        head = tok.head
        while tok.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.head != head:
            tok, head = head, head.head
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head
        if tok.dep_ == "pobj" and head.lower_ in self.w.anchor_preps:
            return tok  # "since a meeting with X": a time anchor, not the verb's event
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ in ("advmod", "prt") \
                and head.head.head.lemma_.lower() in self.w.absent_verbs:
            return head.head.head  # "will stay away from the summit": the verb of the particle
        if tok.dep_ == "pobj" and head.lower_ in self.w.genitive and head.head.dep_ in ("dobj", "attr") \
                and head.head.head.pos_ in ("VERB", "AUX"):
            return head.head.head  # "held four hours of talks", "had a round of talks"
        return phase_verb(tok, self.w) or tok


def _with_phrase(obj: Any, w: Words) -> bool:
    target = obj
    if obj.dep_ == "prep":
        target = next((c for c in obj.children if c.dep_ == "pobj"), obj)
    return any(c.dep_ == "prep" and c.lower_ in w.partner_preps for c in target.children)


def _head_lemma(tok: Any) -> str:
    if tok.dep_ == "prep":
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        return objs[0].lemma_.lower() if objs else ""
    return tok.lemma_.lower()


def _pobj_lemmas(tok: Any) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ == "prep":
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
    return out


def _has_phone_word(tok: Any, words: frozenset[str]) -> bool:
    near = list(tok.children) + list(tok.doc[max(tok.i - 3, tok.sent.start): tok.i])
    for c in list(tok.children):
        near += list(c.children)
    return any(t.lower_ in words or t.lemma_.lower() in words for t in near)


def _has_place(tok: Any, w: Words) -> bool:
    preps = [p for c in tok.children if c.dep_ == "prep" and c.lower_ not in w.ablative for p in c.subtree
             if p.dep_ == "prep" and p.lower_ in w.place_preps]
    return any(g.ent_type_ in ("GPE", "FAC", "LOC") or g.lower_ in w.sideline_nouns
               for p in preps for g in p.subtree)


def _has_poss(tok: Any) -> bool:
    return any(c.dep_ in ("poss",) for c in tok.children)


def _aux_future(tok: Any, w: Words) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in w.intent_aux for c in tok.children)


def _invited_to_place(tok: Any, w: Any) -> bool:
    """"X invited Y to Paris": a person or title as object, a named place (no event) as the goal."""
    guest = any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ in ("PROPN", "PRON")) for c in tok.children)
    goal = any(c.dep_ == "prep" and c.lower_ in w.allative and any(
        g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC") for g in c.children) for c in tok.children)
    return guest and goal


def _coordinated_parties(verb: Any) -> bool:
    """The verb's subject is a list of two or more states or bodies ("China, Japan and South Korea
    ..."); persons who discussed something did so in an engagement told on its own (a call)."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ == "xcomp":  # "were scheduled to discuss"
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    names = [t for s in subj[:1] for t in [s, *s.conjuncts]]
    return len(names) >= 2 and all(t.ent_type_ in ("GPE", "NORP", "ORG") for t in names)


def _coordinated_persons(verb: Any) -> bool:
    """The subject is two or more persons named ("Obama and Xi chat", "President X (R) and Prime
    Minister Y embrace": a title with its name in apposition)."""
    names = [t for c in verb.children if c.dep_ == "nsubj" for t in [c, *c.conjuncts]]
    return len(names) >= 2 and all(_named_person(t) for t in names)


def _named_person(tok: Any) -> bool:
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def _person_object(verb: Any) -> bool:
    """The direct object is a person named ("hugged Xi")."""
    return any(c.dep_ == "dobj" and _named_person(c) for c in verb.children)


def _person_in(prep: Any, titles: frozenset[str]) -> bool:
    """The object of a preposition is a person: a name or a title ("with Xi", "with the king")."""
    return any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lemma_.lower() in titles) for g in prep.children)


def _party(prep: Any) -> bool:
    """The object of a preposition names a party: a person, a title, a country, an organisation."""
    return any(g.dep_ == "pobj" and g.ent_type_ not in _WHEN
               and (g.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") or g.pos_ in ("PROPN", "PRON"))
               for g in prep.children)  # "on Friday" names a day, not a party


def _bare_call(tok: Any, w: Any, titles: frozenset[str]) -> EventType | None:
    """"called the president" with no phone word: a phone call; "called on the Prime Minister":
    a courtesy call (a meeting); "called for talks", "called off the visit", "called him a liar",
    "called them to account": no engagement."""
    kids = list(tok.children)
    named = any(c.dep_ == "dobj" for c in kids) and any(c.dep_ == "oprd" for c in kids)  # "called him a liar"
    if named or any(c.dep_ in ("xcomp", "ccomp", "acomp") for c in kids) \
            or any(c.dep_ in ("prep", "prt") and c.lower_ in w.call_not_preps and c.i > tok.i for c in kids):
        return None
    if any(c.dep_ in ("prep", "prt") and c.lower_ in w.call_on_preps and c.i > tok.i and (_party(c) or c.dep_ == "prt")
           for c in kids):
        return EventType.MEET
    objs = [c for c in kids if c.dep_ in ("dobj", "oprd")]  # the parser may take the object for a predicate
    if objs and (objs[0].ent_type_ in ("PERSON", "GPE", "NORP") or objs[0].pos_ in ("PROPN", "PRON")
                 or objs[0].lemma_.lower() in titles):
        return EventType.PHONE_CALL
    return None
