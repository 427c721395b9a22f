"""The events stage: every diplomatic engagement claim of a document.

``Events`` reads ``doc.parse`` and ``doc.mentions`` and writes ``doc.events``: one
:class:`~sideline.records.Event` per claim, with type, status, participants, attribution,
evidence (raw offsets), confidence, trigger and sentence spans (clean offsets). ``when`` and
``where`` are left to the time and place stages.

Cascade of :meth:`Events.__call__`:

1. No parse: no events.
2. For each parsed sentence, in order, find the triggers (:mod:`sideline.stages.events.triggers`).
   A question that opens with what, why, how or who ("What is there to discuss with them?",
   "Why would we meet him?") asks or dismisses; it claims no engagement.
3. For each trigger, read its participants (:mod:`sideline.stages.events.participants`) and its status
   (:mod:`sideline.stages.events.status`; "occurred" on a full date after the publication is planned). A
   trigger with too few actors makes no event (this is also what keeps "meet the demand", a
   union's bargaining table and a court hearing out).
4. Read who says so (:mod:`sideline.stages.events.attribution`). A trigger noun short of participants
   ("no meeting was planned with Putin", "no such meeting") borrows from the latest engagement
   of its kind (its protagonist, or all of its participants) when its status is ruled out or
   uncertain, or when a source is credited for it (a new claim about it).
   "X welcomed Y to Canada" adds Y's visit; a country that welcomes someone ("since Canada
   last welcomed a Mexican president") tells of the guest's visit, not of a host.
5. Keep the groups where someone acts for a state or an organisation (a known office, a
   country or organisation, a title in the words), and not all for one and the same state (a
   domestic meeting); a government met by a foreign person
   ("Moscow is open to meeting Blinken") stands for its official in the text; make one event
   per group; remember the latest engagement so that "the two leaders", "they" and "the
   meeting" can refer to it.
6. A claim credited to a government ("..., Moscow said") goes to the official of that country
   the article credits elsewhere (a quoted deputy minister). Then merge claims that say the
   same thing (same type, status, participants; for a visit the same visitor; talks and a
   meeting count as one in the same sentence), keeping the first
   and its attribution (or the first attribution given): duplicated captions, headlines and
   "the meeting" later in the text. A trip told again in the article's own voice with another
   status keeps the first telling (the lead holds the latest state). A claim in the article's
   own voice that the article overtakes gives way: an offer later reported as planned (an
   invitation accepted), a postponement of an engagement it reports as held.
7. A plural trigger noun held in several places ("held summits in Prague and in Washington")
   makes one engagement per place.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..nlp import is_parsed
from .attribution import Attributor
from ...knowledge.gazetteer import gazetteer
from ...lexicons import load
from .discourse import Discourse
from .captions import CUE as PICTURED, caption_date
from .earlier import CUE as EARLIER, earlier_anchor, earlier_parties
from .merge import merge, setting
from .participants import anaphor, anaphor_status, earlier_visit, implied_visit, participants
from ...records import Actor, Claim, Document, Event, EventType, Span, Status, When
from .resolve import Resolver
from .status import StatusReader
from .triggers import Trigger, TriggerLexicon
from .words import Words

__all__ = ["Events"]

class Events:
    """Find engagement claims. ``data_dir``: a directory of the user's own lexicons."""

    name = "events"
    requires = ("parse", "sentences", "mentions", "published")
    provides = ("events",)

    def __init__(self, data_dir: str | None = None) -> None:
        self.data_dir = data_dir
        self.words = Words.load(data_dir)  # the English words of every rule below
        self.triggers = TriggerLexicon(data_dir, self.words)
        self.status = StatusReader(data_dir, self.words)
        self.attributor = Attributor(data_dir, self.words)
        data = load("triggers", data_dir)
        self.titles = frozenset(data["title_nouns"])
        self.groups = frozenset(data["group_nouns"])
        self.pair_words = frozenset(data["pair_words"])
        self.not_names = frozenset(data.get("not_names", ()))
        cues = load("place_aliases", data_dir).get("cues", {})
        self.venue_nouns = frozenset(w.lower() for w in cues.get("venue_nouns", ())) - self.words.not_venue_nouns

    def __reduce__(self) -> tuple:
        return (Events, (self.data_dir,))

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:  # step 1
            return doc.with_(events=())
        discourse = Discourse(doc, self.titles, self.not_names, self.words)  # what the document has told so far
        resolver = Resolver(discourse, self.groups, self.pair_words, places=gazetteer(self.data_dir),
                            not_participants=self.triggers.not_participants, words=self.words)
        sents = self._sentences(doc)
        resolver.voice = _voice(self.attributor, resolver, sents)
        claims: list[Event] = []
        offers: dict[int, Claim | None] = {}  # who offers what the text tells in its own voice
        for k, sent in enumerate(sents):
            if not is_parsed(sent):
                continue
            for trig in self.triggers.find(sent):  # step 2
                if _dismissive_question(trig.token, self.words.dismissing_questions):
                    continue
                claims += self._claims(doc, trig, resolver, sents, k, offers)
        events = merge(_voices(claims, resolver), settings=lambda ev: setting(doc, ev))  # step 6
        events = [replace(ev, attributed_to=offers.get(ev.trigger.start)) if ev.attributed_to is None
                  and ev.trigger is not None and offers.get(ev.trigger.start) else ev for ev in events]
        return doc.with_(events=tuple(self._held_apart(doc, events)))

    def _held_apart(self, doc: Document, events: list[Event]) -> list[Event]:
        """A plural trigger noun held in several places ("held summits in Prague and in
        Washington"): one engagement per place."""
        out = []
        for ev in events:
            span = doc.parse.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            tok = span[0] if span is not None and ev.type is not EventType.VISIT else None
            n = _places_of(tok, self.triggers.predicate(tok), self.words.site_preps) \
                if tok is not None and tok.tag_ == "NNS" else 1
            out += [ev] * max(1, n)
        return out

    def _kept(self, trig: Trigger, groups: list[tuple[Actor, ...]], claim: Claim | None,
              resolver: Resolver) -> list[tuple[Actor, ...]]:
        """Step 5's groups: no venue ("received X at the Y Airport"), two parties at least (a
        person's trip may have one), not domestic, someone acting for a state or a body (a trip's
        traveller must: "a student travelled to Israel" is none), a government made its official."""
        visit = trig.type is EventType.VISIT
        groups = [tuple(a for a in g if not self._venue(a)) for g in groups]
        groups = [g for g in groups if len(g) >= 2 or visit and g and g[0].kind == "person"]
        groups = [g for g in groups if visit or not _domestic(g, self.words.posted_roles)]
        return [g if visit else _personify(g, claim, resolver)
                for g in groups if g and self._official(g[:1] if visit else g, resolver)]

    def _venue(self, a: Actor) -> bool:
        """An unknown organisation named for a building ("Nsimalen International Airport") is where."""
        words = a.name.lower().split()
        return a.kind == "organisation" and a.code is None and bool(words) and words[-1] in self.venue_nouns

    def _official(self, actors: tuple[Actor, ...], resolver: Resolver) -> bool:
        """Someone here acts for a state or an international body: a known office (role, code), a
        country or government, a known organisation (one with a code), a group of office holders,
        or a title in the text ("lottery winners met" is no engagement; nor are unions meeting a
        company's management: bodies nobody knows, with no state among them)."""
        for a in actors:
            if a.role or a.code or a.kind in ("country", "government", "group") or a.name in resolver.discourse.titled:
                return True
            if {w.lower().strip(".,") for w in a.mention.split()} & self.titles:
                return True
        return False

    @staticmethod
    def _sentences(doc: Document) -> list[Any]:
        if doc.sentences:
            spans = [doc.parse.char_span(s.start, s.end, alignment_mode="expand") for s in doc.sentences]
            return [s for s in spans if s is not None and len(s)]
        return list(doc.parse.sents)

    def _claims(self, doc: Document, trig: Trigger, resolver: Resolver, sents: list[Any],
                k: int, offers: dict[int, Claim | None]) -> list[Event]:
        groups = participants(trig, resolver)  # step 3
        status, cue = self.status.assess(trig)
        if status is Status.OCCURRED and _dated_after(trig.token.sent, doc.published):
            status, cue = Status.PLANNED, "dated-after"  # "attended the meeting on November 22" in an article of November 17
        claim = self.attributor.speaker(trig, resolver, sents, k)  # step 4
        if claim is None and (status is Status.PROPOSED or cue == "accepted"):
            offers[trig.token.idx] = self.attributor.proposer(trig, resolver)  # "an invitation from X"
        resolver.discourse.credit(claim)
        if not groups and (claim is not None or status.coarse in (Status.RULED_OUT, Status.UNCERTAIN)):
            groups = participants(trig, resolver, complete=True)  # "no meeting was planned with Putin"
            earlier = anaphor(trig, resolver, status)  # "no such meeting was planned", "the meeting will ..., X said"
            if not groups and earlier and (status is Status.OCCURRED and trig.predicate.tag_ not in ("VBD", "VBN")
                                           or self.status.outcome(trig)):  # "the meeting would not produce results"
                previous = anaphor_status(trig, resolver)  # "the summit could make progress": still to come
                status, cue = (previous, "anaphor") if previous else (status, cue)
            groups = groups or ([earlier] if earlier else [])
        if not groups:
            return []
        sent = sents[k]
        sentence = Span(sent.start_char, sent.end_char)
        when = _caption(trig)  # a photo: its own date words or none
        cue = PICTURED if when is not None else cue
        trigger = Span(trig.token.idx, trig.token.idx + len(trig.token.text))
        groups = self._kept(trig, groups, claim, resolver)
        out = []
        for actors in groups:  # step 5
            kinds = [(trig.type, actors)]
            visit = implied_visit(trig, actors, resolver)
            if trig.type is EventType.HOST and actors[0].kind in ("country", "government") \
                    and actors[0].country and all(a.country != actors[0].country for a in actors[1:]):
                kinds = [(EventType.VISIT, actors[1:] + actors[:1])]  # "Canada welcomed a Mexican president"
            elif visit:
                kinds.append((EventType.VISIT, visit))
            before = earlier_visit(trig, actors, resolver) if trig.type is EventType.VISIT else ()
            kinds += [(EventType.VISIT, before)] if before else []
            for kind, who in kinds:
                out.append(Event(article=doc.article.id, type=kind, status=status, actors=who,
                                 evidence=doc.evidence(sentence), attributed_to=claim,
                                 confidence=_confidence(trig, who, status), trigger=trigger, status_cue=cue,
                                 sentence=sentence, when=when))
            out += [] if before else _earlier(trig, actors, out[-len(kinds)], resolver)
            resolver.discourse.tell(trig.type, actors, status, at=trig.token.i)
        denier = self.attributor.dismisser(trig, resolver) if out else None  # "reports that ... were a canard"
        if denier is None:
            return out
        told = [e if e.attributed_to is None or e.attributed_to.name != denier.name
                else replace(e, attributed_to=Claim("reports", "reports")) for e in out]  # not the denier's
        return told + [replace(e, status=Status.DENIED, attributed_to=denier, status_cue="dismissed") for e in out]


def _voice(attributor: Attributor, resolver: Resolver, sents: list[Any]) -> Any:
    """Who speaks the quotation a token sits in: a person, or None."""
    starts = [s.start for s in sents]

    def voice(tok: Any) -> Actor | None:
        k = bisect_right(starts, tok.i) - 1
        if k < 0 or not sents[k].start <= tok.i < sents[k].end:
            return None
        claim = attributor.voice(tok, resolver, sents, k)
        return claim.actor if claim is not None else None
    return voice


def _caption(trig: Trigger) -> When | None:
    """A photo caption's meeting (:mod:`.captions`): the words of its own date (or none), else None."""
    return When(None, text=caption_date(trig.token.sent)) if trig.pictured else None


def _earlier(trig: Trigger, actors: tuple[Actor, ...], told: Event, resolver: Resolver) -> list[Event]:
    """"Their first meeting since March 2023": the meeting they had then (:mod:`.earlier`)."""
    anchor = earlier_anchor(trig.token, resolver.words)
    parties = earlier_parties(trig, actors, resolver) if anchor is not None else ()
    if len(parties) < 2:
        return []
    return [replace(told, actors=parties, status=Status.OCCURRED, status_cue=EARLIER, when=When(None, text=_phrase(anchor)))]


def _domestic(actors: tuple[Actor, ...], posted: frozenset[str]) -> bool:
    """Everyone acts for one and the same state ("the defence secretary met the secretary of
    state", "Erdogan spoke to local officials in Ankara"): a domestic meeting, no diplomatic
    engagement (an international body's official has
    no state here, so the UN chief meeting his own country's leader stays one; an envoy's country
    may be the one he is posted to, "the UN envoy to Yemen", so a meeting with one is kept)."""
    lands = {a.country for a in actors}
    return len(actors) >= 2 and len(lands) == 1 and None not in lands \
        and all(a.kind in ("person", "government", "country", "group") for a in actors) \
        and not any(set((a.role or "").lower().split()) & posted for a in actors)


def _phrase(tok: Any) -> str:
    """The words of a token's phrase, as written."""
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text


_OPENERS = frozenset({'"', "“", "‘", "(", "["})


def _dismissive_question(tok: Any, words: frozenset[str]) -> bool:
    """The trigger ``tok`` sits in a question opening with one of ``words`` (what, why...): it
    claims no engagement ("What is there to discuss with them?" he asked). One opening with
    when or where still presupposes one."""
    sent = tok.sent
    end = next((t for t in sent[tok.i - sent.start:] if t.text in ("?", ".", "!")), None)
    if end is None or end.text != "?":
        return False
    start = sent.start
    for t in sent[: tok.i - sent.start]:
        if t.text in _OPENERS or t.text in (".", "!", "?", ":"):
            start = t.i + 1  # the question starts after an opening quote or an earlier stop
    said = [t for t in tok.doc[start:tok.i + 1] if not t.is_space and t.text not in _OPENERS]
    return bool(said) and said[0].text.lower() in words


def _dated_after(sent: Any, published: Any) -> bool:
    """The sentence gives a full date ("November 22, 2017") later than the article's publication."""
    if published is None:
        return False
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        text = " ".join(ent.text.replace(",", " ").split())
        for fmt in ("%B %d %Y", "%d %B %Y"):
            try:
                when = datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if when > published:
                return True
    return False


def _places_of(tok: Any, pred: Any, site: frozenset[str]) -> int:
    """The coordinated places a trigger noun or its predicate is held in ("in A and in B",
    "in A and B"); 1 without a coordination. ``site``: the prepositions of a place ("in", "at")."""
    preps = [c for h in {tok, pred} for c in h.children if c.dep_ == "prep" and c.lower_ in site]
    n = 1
    for p in preps:
        more = [c for c in p.children if c.dep_ == "conj" and c.lower_ in site]
        objs = [o for q in [p, *more] for o in q.children if o.dep_ == "pobj"]
        places = [g for o in objs for g in [o, *o.conjuncts] if g.ent_type_ == "GPE"]
        n = max(n, len(places))
    return n


def _voices(events: list[Event], resolver: Resolver) -> list[Event]:
    """"..., Moscow said" where the article quotes a Russian official on it elsewhere: the claim
    is that official's (the first person of that country credited in the article), told in the
    words the sentence uses ("Moscow"): the speaker's name, the sentence's mention. Only a
    country or its capital speaks so; a body with a name of its own ("the Kremlin", "the White
    House") keeps its claim."""
    people: dict[str, Claim] = {}
    for c in resolver.discourse.speakers:
        if c is not None and c.actor is not None and c.actor.kind == "person" and c.actor.country:
            people.setdefault(c.actor.country, c)
    out = []
    for ev in events:
        c = ev.attributed_to
        if c is not None and c.actor is not None and c.actor.kind == "government" and c.actor.country in people \
                and c.actor.name == resolver.countries.country(c.actor.country, c.mention).name:
            p = people[c.actor.country]
            ev = replace(ev, attributed_to=Claim(name=p.name, mention=c.mention, actor=p.actor))
        out.append(ev)
    return out


def _personify(actors: tuple[Actor, ...], claim: Any, resolver: Resolver) -> tuple[Actor, ...]:
    """"Moscow is open to meeting Blinken": a government met by a foreign person stands for its
    official in the text (the speaker if theirs, else, for the state itself, the one the document
    names most; a ministry or a delegation of it stays itself)."""
    people = [a for a in actors if a.kind == "person" and a.country]
    if not people or len(actors) != 2:
        return actors
    out = []
    for a in actors:
        if a.kind == "government" and a.country and all(p.country != a.country for p in people):
            speaker = claim.actor if claim is not None else None
            land = resolver.discourse.country_named(a.country)  # "Moscow", "Russia": the state itself;
            if land is not None and land.name == a.name:  # a ministry or a delegation stays itself
                a = resolver.discourse.person_of(a.country, speaker) or a
            elif speaker is not None and speaker.kind == "person" and speaker.country == a.country:
                a = speaker
        out.append(a)
    return tuple(out)


def _confidence(trig: Trigger, actors: tuple[Actor, ...], status: Status) -> float:
    score = 0.55 + 0.1 * min(len(actors), 3) / 3
    score += 0.1 if not trig.nominal else 0.0
    score += 0.1 if any(a.kind == "person" for a in actors) else 0.0
    score -= 0.1 if status is Status.UNCERTAIN else 0.0
    return round(min(max(score, 0.05), 0.95), 3)
