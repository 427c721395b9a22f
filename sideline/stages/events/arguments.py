"""Read the phrase heads around a trigger from the dependency parse (before any resolution).

:func:`roles` gives, for one trigger, the heads of its agents (subjects, ``by`` phrases, the
subject of a governing verb, the subject a caption's verb read as a noun keeps), its other
participants (objects, ``with``/``between`` phrases, also one hung on a phone word: "spoke on
the telephone with X"; possessors, compounds, ``of`` phrases) and its places (``to``/``in``
phrases, a "Cuba visit"). A noun that sets the scene of a clause is read by :mod:`.scene`.
Where a dateline ends, pair words and a noun's own phrase are in :mod:`.phrases`.
:mod:`sideline.stages.events.participants` turns these heads into actors.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...records import EventType
from .triggers import Trigger
from .phases import phased, sequel
from .proposer import offered_by
from .phrases import attendees, by_phrase, conjuncts, flattened, honoured, listed, placed_first, received, \
    takes_part, visiting_person
from .scene import scene_roles
from .words import Words

__all__ = ["Roles", "roles", "own_participants", "venue"]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_INHERIT = ("xcomp", "advcl", "conj", "pcomp", "acomp")
#: entity types that can name a participant in a modifier ("Putin's visit"; not "the Rio plus Earth summit")
_ACTOR_ENTS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(frozen=True)
class Roles:
    """The head tokens of the participant phrases, before resolution."""

    agents: tuple[Any, ...]
    others: tuple[Any, ...]
    places: tuple[Any, ...]
    passive: bool


def _subjects(verb: Any, w: Words, depth: int = 0) -> tuple[list[Any], bool]:
    """Subject heads of a verb (with conjuncts) and whether it is passive; climbs control chains."""
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    if subj:
        passive = subj[0].dep_ == "nsubjpass" and depth == 0  # "is expected to meet": raised subject
        if passive:
            return by_phrase(verb), True
        if subj[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return conjuncts(verb.head), False
        return placed_first(verb, w) + [t for s in subj for t in flattened(s) + conjuncts(_as_clause(s, verb, w))], False
    if depth > 4 or verb.head == verb:
        return [], False
    if verb.dep_ in ("relcl", "acl", "amod"):  # "Lavrov, who met ...", "the visiting president"
        noun = verb.head
        if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            return [], False
        if noun.dep_ in ("attr", "appos") and noun.head != noun:  # "X became the first leader to visit"
            return _subjects(noun.head, w, depth + 1)[0] if noun.dep_ == "attr" else conjuncts(noun.head), False
        if noun.dep_ == "pobj" and noun.head.lower_ in w.member_preps and noun.head.head.pos_ in ("AUX", "VERB"):
            return _subjects(noun.head.head, w, depth + 1)[0], False  # "A and B were among the leaders attending"
        if noun.lemma_.lower() in w.offer_nouns and noun.dep_ in ("dobj", "pobj"):
            owner = noun.head if noun.dep_ == "dobj" else noun.head.head
            return _subjects(owner, w, depth + 1)[0], False  # "accepted X's invitation to visit"
        return conjuncts(noun), False
    if verb.dep_ == "xcomp":
        objs = [c for c in verb.head.children if c.dep_ == "dobj"]
        if objs and verb.head.lemma_.lower() in w.control_verbs:  # "invited the minister to come"
            return conjuncts(objs[0]), False
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "dobj" and c.lemma_.lower() in w.offer_nouns
                                               for c in verb.head.children):
        invitees = [g for c in verb.head.children if c.dep_ == "prep" and c.lower_ in w.allative
                    for g in c.children if g.dep_ == "pobj"]
        if invitees:  # "extended invitations to X and Y to visit": X and Y would visit
            return conjuncts(invitees[0]), False
    if verb.dep_ == "pcomp" and verb.head.lower_ in w.object_gerund_preps:
        objs = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if objs and verb.head.head.pos_ == "VERB":  # "accused X of having arrived in Y"
            return conjuncts(objs[0]), False
    if verb.dep_ in _INHERIT or verb.dep_ == "prep" or verb.head.dep_ == "prep":
        head = verb.head.head if verb.head.dep_ == "prep" and verb.dep_ == "pcomp" else verb.head
        if _trailing_participle(verb, head):  # "X has had little contact since the war began,
            head = head.head  # speaking with him once": X spoke, not the war
        return _subjects(head, w, depth + 1)[0], False
    return [], False


def _trailing_participle(verb: Any, head: Any) -> bool:
    """A participle after a comma that the parser hung on a subordinate clause ("since the war
    began, speaking ..."): it goes with the clause the subordinate one belongs to."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and head.dep_ == "advcl" and head.head != head and any(c.dep_ == "mark" for c in head.children)


def _as_clause(subj: Any, verb: Any, w: Words) -> Any:
    """"... were on the table as Chile, Peru and Ecuador sat down": the parser hangs the
    names of an "as" clause on the noun before it; the names are the verb's subject."""
    if subj.pos_ != "NOUN":
        return subj
    for c in subj.children:
        objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"] if c.lower_ in w.as_conj else []
        if objs and c.dep_ == "prep" and max(t.i for t in objs[0].subtree) == verb.i - 1:
            return objs[0]
    return subj


def _with_objects(tok: Any, w: Words) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in w.participant_preps:
            out += [t for g in c.children for t in visiting_person(g, w)]  # "met with visiting Premier X"
            if c.lower_ in w.reciprocal:  # "talks between A and visiting President B": B hung on the noun
                out += [t for k in tok.children if k.dep_ == "conj" for t in visiting_person(k, w)]
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                out += conjuncts(g)
                if c.lower_ in w.reciprocal:  # "between X and Y's new president Z": X parsed as a modifier
                    out += [t for m in g.children if m.dep_ == "nmod" and m.pos_ == "PROPN" for t in conjuncts(m)]
                    out += [m for m in g.subtree if m.dep_ in ("amod", "compound") and m.pos_ == "PROPN"
                            and m.i < g.i and any(k.dep_ == "cc" for k in m.children)]  # "between X and Japanese PM Y"
    return out


def _dest(tok: Any, w: Words) -> list[Any]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in w.destination_preps
            for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() not in w.honour_nouns]


def _flat_roles(tok: Any, w: Words) -> Roles:
    """A caption the parser flattened ("Sanchez greets King Mohammed VI in Rabat"): the name just
    before the verb form is its subject, the name just after it its object."""
    sent = tok.sent
    left = [t for t in sent if t.i < tok.i and t.pos_ == "PROPN"]
    right = [t for t in sent if t.i > tok.i and t.pos_ == "PROPN" and t.head.i >= tok.i]
    obj = None
    for t in right:
        if t.i + 1 >= sent.end or sent.doc[t.i + 1].pos_ != "PROPN":
            obj = t
            break
    places = [t for t in sent if t.i > tok.i and t.dep_ == "pobj" and t.head.lower_ in w.site_preps]
    return Roles(tuple(left[-1:]), (obj,) if obj is not None else (), tuple(places), False)


def _possessor_is_subject(noun: Any, pred: Any, inner: list[Any], w: Words) -> list[Any]:
    """"X and Y discussed it during their phone call", "Z, during his meeting with W, said":
    a possessive pronoun on the trigger noun stands for the subject of the clause (the
    subject as written, in a passive clause: "upon his arrival, X was greeted by Y": X)."""
    poss = [t for t in inner if t.dep_ == "poss" and t.pos_ == "PRON" and t.head == noun]
    if not poss or pred == noun and noun.dep_ != "pobj":
        return inner
    verb = pred if pred != noun else noun.head.head
    subj, passive = _subjects(verb, w) if verb.pos_ in ("VERB", "AUX") else ([], False)
    if passive:  # "upon his arrival, X was welcomed by Y": the one welcomed, not the by-phrase
        subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    plural = poss[0].lower_ in w.plural_possessives
    if not subj or plural != (len(subj) > 1 or subj[0].tag_ in ("NNS", "NNPS")):
        return inner
    return [t for t in inner if t not in poss] + subj


def own_participants(noun: Any, words: Words | None = None) -> bool:
    """A trigger noun that names its own participants: "his visit", "a meeting with X", "the Hu visit"."""
    w = words or Words.load()
    return any(c.dep_ in ("poss", "nmod") or (c.dep_ == "compound" and c.ent_type_ in ("PERSON", "NORP"))
               or (c.dep_ == "prep" and c.lower_ in w.own_preps)
               for c in noun.children) or bool(_participle_phrases(noun, w))


def venue(noun: Any, words: Words | None = None) -> bool:
    """"on the sidelines of a G20 meeting", "at the summit": the noun names where, not what."""
    w = words or Words.load()
    if phased(noun, w) or noun.head.lower_ in w.sequence_preps and _placed(noun, w):
        return False  # "at the start of a visit", "after talks in Oman": a time, not a place
    if noun.dep_ == "pobj" and takes_part(noun.head.head, w):
        return False  # "took part in the summit", "participated in the talks": attended
    if noun.dep_ == "pobj" and noun.head.lower_ in w.genitive and noun.head.head.dep_ in ("dobj", "attr") \
            and noun.head.head.lemma_.lower() in w.measure_nouns and noun.head.head.head.lemma_.lower() in w.light_verbs:
        return False  # "held a round of talks", "had two days of talks": the talks held
    return noun.dep_ == "pobj" and noun.head.lower_ in w.venue_preps | w.inessive and not any(
        c.dep_ == "prep" and c.lower_ in w.meeting_preps for c in noun.children) \
        and not _participle_phrases(noun, w)  # "at a courtesy call received by X from Y"


def _placed(noun: Any, w: Words) -> bool:
    """The noun has a place phrase naming a country or city ("talks in Oman")."""
    return any(c.dep_ == "prep" and c.lower_ in w.inessive and any(g.ent_type_ == "GPE" for g in c.children)
               for c in noun.children)


def _takes_subject(noun: Any, w: Words) -> bool:
    """Whether the predicate's subject takes part in a trigger noun: "held talks", "arrived for a
    summit with", "engage in talks" (yes); "during the G-20 summit", "at the meeting" (a venue),
    "X confirmed the visit" (a speaker) (no)."""
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head != noun:
        return _takes_subject(noun.head, w)  # "confirmed the visit and meeting": as its first conjunct
    if noun.head.lemma_.lower() in w.speaking_verbs:
        return False
    if noun.dep_ in ("dobj", "attr", "oprd", "conj"):
        return True
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ in w.genitive and noun.head.head.dep_ in ("dobj", "attr"):
        return True  # "held four hours of talks"
    if any(c.dep_ == "prep" and c.lower_ in w.meeting_preps for c in noun.children):
        return True  # "during a meeting with Orban": the subject was there
    return noun.head.lower_ not in w.venue_preps


def _shared_head(noun: Any, w: Words) -> Any:
    """"the visit and meeting of the two leaders": a conjoined noun with no participants of its
    own shares those of the noun it is conjoined to; any other noun keeps its own."""
    head = noun.head
    if noun.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and not own_participants(noun, w) \
            and own_participants(head, w):
        return head
    return noun


def _agent_of_participle(verb: Any) -> list[Any]:
    """The ``by`` phrase of a participle with no subject of its own ("..., greeted by Isaias")."""
    if verb.tag_ != "VBN" or any(c.dep_ in _SUBJ for c in verb.children) or verb.dep_ not in ("advcl", "acl", "conj"):
        return []
    return by_phrase(verb)


def _raised_passive(verb: Any) -> list[Any]:
    """"she was to be received by the king", "X is expected to be welcomed by Y": a passive
    verb whose subject belongs to the verb above it; the by-phrase is the agent (the subject,
    found by climbing, the one acted on)."""
    if any(c.dep_ in _SUBJ for c in verb.children) or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return by_phrase(verb)


def _noun_inner(src: Any, w: Words) -> list[Any]:
    """The participants a trigger noun names itself: possessors and name modifiers ("Putin's
    visit"; not "the Rio plus Earth summit"), with/between phrases and the lists hung on them,
    a name the parser made the noun's conjunct ("meetings with X as well as Y"), and a light
    verb's relative clause ("the talks he held with X")."""
    withs = _with_objects(src, w)
    inner = [t for c in src.children if c.dep_ in ("poss", "nmod") for t in conjuncts(c)
             if c.dep_ == "poss" or t.ent_type_ in _ACTOR_ENTS or t.pos_ == "PRON"] + withs
    inner += [t for t in listed(src, withs, w) if t not in inner]
    inner += [c for c in src.children if c.dep_ == "conj" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"
              and withs]
    inner += [t for c in src.children if c.dep_ == "relcl" and c.lemma_.lower() in w.gathering_verbs
              for o in c.children if o.dep_ == "dobj" for t in conjuncts(o)]  # "a meeting that gathered X"
    inner += [t for t in _light_clause(src, w) if t not in inner]
    return inner + [t for t in _participle_phrases(src, w) if t not in inner]


def _light_clause(noun: Any, w: Words) -> list[Any]:
    """"the talks he held with X", "a phone conversation I had with X": a relative clause of a
    light verb names the one who held it (its subject) and the partner (its with-phrase)."""
    out = []
    for c in noun.children:
        if c.dep_ != "relcl" or c.lemma_.lower() not in w.light_verbs:
            continue
        withs = _with_objects(c, w)
        subj = [t for k in c.children if k.dep_ == "nsubj" and k.tag_ not in ("WDT", "WP") for t in conjuncts(k)]
        out += subj + withs if withs else []
    return out


def _participle_phrases(noun: Any, w: Words) -> list[Any]:
    """"a courtesy call received by X from Y", "talks held by X with Y": the by/from/with phrases
    of a participle hung on the trigger noun name its participants."""
    out = []
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") or c.dep_ == "relcl"
                 and c.lemma_.lower() in w.attend_verbs and any(k.dep_ == "auxpass" for k in c.children)):
        # "talks held by X with Y", "the talks, which were attended by X and Y,"
        preps = w.participle_preps | (w.pay_preps if verb.lemma_ in w.pay_verbs else frozenset())  # "paid on X by Y"
        out += by_phrase(verb, preps)
    return out


def _verb_roles(trig: Trigger, w: Words) -> Roles:
    """The roles of a verb trigger: subjects, objects, with-phrases, destination."""
    tok = trig.token
    guest = visiting_person(tok, w)
    if guest:  # "a dinner in honour of visiting Ugandan President X": X visits
        return Roles(tuple(guest), (), (), False)
    agents, passive = _subjects(tok, w)
    objs = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in conjuncts(c)
            if tok.lemma_.lower() not in w.partner_verbs]  # "discussed Syria with X": Syria is the topic
    if not objs:  # "Biden called [oprd: the president]": the parser took the object for a predicate
        objs = [t for c in tok.children if c.dep_ == "oprd" for t in conjuncts(c)]
    if not objs and tok.dep_ == "amod" and tok.tag_ == "VBD" and tok.head.i > tok.i:
        objs = conjuncts(tok.head)  # "Ruto hosted [amod] Somali President X": a finite verb read as an adjective
    objs += [t for c in tok.children if c.dep_ == "xcomp" for t in visiting_person(c, w)]  # "received visiting X"
    if trig.type is EventType.VISIT and tok.lemma_.lower() in w.invite_verbs and not passive:
        agents, objs = objs, agents  # "X invited Y to Paris": Y's visit, X the host
    by = _agent_of_participle(tok) or _raised_passive(tok)
    if by:  # "X made a visit, greeted by Y": Y greets X; "she was to be received by Y"
        agents, objs, passive = by, objs + agents, True
    moving = trig.type in (EventType.HOST, EventType.VISIT)  # "welcomed X to Canada": a place
    objs += [t for t in _with_objects(tok, w) if not (moving and t.head.lower_ in w.allative)]
    objs += [t for t in _on_the_line(tok, w) if t not in objs]
    objs += _called_on(trig, w) + honoured(tok, w)
    objs += [t for t in listed(tok, objs, w) if t not in objs and t not in agents]
    return Roles(tuple(agents), tuple(objs), tuple(_dest(tok, w)), passive)


def _on_the_line(tok: Any, w: Words) -> list[Any]:
    """"spoke on the telephone with X", "talked by phone with X": the parser hangs the partner
    on the phone word; the with-phrase is the verb's."""
    return [t for c in tok.children if c.dep_ == "prep" for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in w.phone_words for t in _with_objects(g, w)]


def _called_on(trig: Trigger, w: Words) -> list[Any]:
    """"called on the Prime Minister", "paid a courtesy call on X": the on-phrase of a call
    that is a meeting names the one visited."""
    tok = trig.token
    if tok.lemma_.lower() not in w.bare_call_verbs or trig.type is not EventType.MEET:
        return []
    return [t for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in w.call_on_preps
            for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]


def _visit_roles(trig: Trigger, inner: list[Any], compounds: list[Any], places: list[Any], w: Words) -> Roles:
    """The roles of a visit noun: the visitor (possessor, by/of phrase, name modifier, or the
    subject of the verb it serves), the places it goes to."""
    tok, pred = trig.token, trig.predicate
    by = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in w.agentive for g in c.children
          if g.dep_ == "pobj"]
    people = [c for c in compounds if c.ent_type_ in ("PERSON", "NORP")]  # "the Hu visit"
    places += [c for c in compounds if c not in people]  # "his Cuba visit"
    of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in w.genitive for g in c.children
          if g.dep_ == "pobj"]  # "the visit of President X"
    subjects = ("nsubj", "nsubjpass") if phased(tok, w) else ()  # "X spoke at the end of his trip": X
    agents = [c for c in inner if c.dep_ == "poss" or c.dep_ in subjects
              or c.dep_ in _SUBJ and c.head != tok] + by + people + of  # "upon his arrival, X was ...": X
    if not agents and pred != tok and (_takes_subject(tok, w) or tok.head.lower_ in w.visit_occasion_preps
                                       or phased(tok, w)):
        guests = [c for c in pred.children if c.dep_ == "dobj"] if pred.lemma_.lower() in w.receiving_verbs else []
        agents = [t for g in guests for t in conjuncts(g)] or _subjects(pred, w)[0]  # "receive X for a visit": X's
        places += [] if phased(tok, w) else _dest(pred, w)  # "replied to X at the start of a visit": no goal
    elif pred != tok and tok.dep_ in ("nsubj", "nsubjpass") and not places:  # "her trip will be paid to Norway"
        places += [g for g in _dest(pred, w) if g.ent_type_ in ("GPE", "LOC")]
    return Roles(tuple(agents), (), tuple(places), False)


def roles(trig: Trigger, words: Words | None = None) -> Roles:
    """Step 1-2 of the module cascade: the phrase heads around a trigger (a noun that sets the
    scene of a clause takes the clause's subject and partner: :mod:`.scene`)."""
    tok, pred, w = trig.token, trig.predicate, words or Words.load()
    if not trig.nominal and tok.pos_ in ("NOUN", "PROPN"):
        return _flat_roles(tok, w)
    if not trig.nominal:
        return _verb_roles(trig, w)
    src = _shared_head(tok, w)
    inner = _possessor_is_subject(src, pred, _noun_inner(src, w), w)
    inner += [t for t in _called_on(trig, w) if t not in inner]
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    agents: list[Any] = []
    places = _dest(tok, w)
    if trig.type is EventType.VISIT:
        return _visit_roles(trig, inner, compounds, places, w)
    scene = scene_roles(tok, trig.type, w)  # "in a phone call, X told Y": the clause names them
    if scene:
        return Roles(tuple(scene[0]), tuple(scene[1]), tuple(places), False)
    own = [t for c in tok.children if c.dep_ == "nsubj" for t in conjuncts(c)] if tok.dep_ == "ROOT" else []
    if own:  # "X, right, talks with Y": a caption's verb the parser read as a noun with a subject
        return Roles(tuple(own), tuple(inner), tuple(places + _dest(tok, w)), False)
    named = [c for c in compounds if c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC")]
    paired = any(t.text in ("-", "–") for t in tok.subtree if t.i < tok.i)  # "the China-Japan summit"
    lands = [c for c in named if c.ent_type_ in ("GPE", "LOC") and not paired]  # "the Geneva summit"
    places += lands
    inner += [c for c in named if c not in lands]
    inner += [g for c in src.children if c.dep_ == "prep" and c.lower_ in w.genitive
              for g in c.children if g.dep_ == "pobj" for g in conjuncts(g)]  # "meetings of the CMAG"
    if trig.type is EventType.PHONE_CALL:  # "received a phone call from the crown prince"
        inner += [g for c in src.children if c.dep_ == "prep" and c.lower_ in w.ablative
                  for g in c.children if g.dep_ == "pobj" for g in conjuncts(g)]
    between = any(c.dep_ == "prep" and c.lower_ in w.reciprocal for c in tok.children)
    if pred != tok and _takes_subject(tok, w) and not between:  # "a meeting between A and B": all named
        agents, _ = _subjects(pred, w)
        guests = received(pred, w) if tok.dep_ == "pobj" and tok.head.lower_ in w.purpose else []  # "welcomed X
        # to Canberra for talks": the guest takes part, the to-phrase is where
        inner += [t for t in _with_objects(pred, w) if not guests or t.head.lower_ not in w.destination_preps]
        inner += guests
        places += _dest(pred, w)
    elif pred != tok and tok.dep_ in ("nsubj", "nsubjpass"):
        inner += _with_objects(pred, w)  # "no meeting was planned with Putin"
        if tok.dep_ == "nsubjpass":  # "the summit was not attended by Buhari"
            inner += [t for t in by_phrase(pred) if t not in inner]
    elif pred == tok and sequel(tok, w) and bool(_with_objects(tok, w)):  # "X arrived in Y, followed by a meeting with Z": X met Z
        agents = _subjects(tok.head.head.head, w)[0]
    elif tok.dep_ == "pobj" and tok.head.lower_ in w.sequence_preps and pred in (tok, tok.head):
        verb = tok.head.head  # "X has not met Y since a meeting with Z": X met Z; "X flew to Y
        leg = verb.lemma_.lower() in w.purpose_motion and bool(places)  # after talks in Z": X, in Z
        agents = _subjects(verb, w)[0] if verb.pos_ in ("VERB", "AUX") and (_with_objects(tok, w) or leg) else []
    if not agents and inner:  # "X's request for a meeting with Y was refused": X would take part
        agents = [t for o in offered_by(tok, w) for t in conjuncts(o) if t not in inner]
    agents = agents or attendees(tok, w)  # "represented at the summit by X", "led a delegation to the summit"
    return Roles(tuple(agents), tuple(inner), tuple(places), False)
