"""The participants of one trigger, read from the dependency parse (not from the whole sentence).

Cascade of :func:`participants` for a trigger (steps 1-2 are read by :func:`sideline.stages.events.arguments.roles`):

1. Agents: the subject of the predicate (``nsubj`` and its conjuncts); for a passive, the
   ``by`` phrase; with no subject of its own, the subject of the governing verb (xcomp,
   advcl, conj chains: "is due to meet", "arrived to attend"), or the noun a relative or
   participial clause hangs on ("Lavrov, who met ...").
2. Others: the objects (``dobj`` and conjuncts, "met X and Y"), the ``with``/``between``
   phrases of the trigger (and of the predicate), for a trigger noun also its possessor
   ("Kim's visit", "their meeting"), its compounds ("the Trump-Putin meeting") and, when the
   noun is the object of a light verb or of the predicate, the predicate's subject.
3. Each phrase head is resolved by :class:`~sideline.stages.events.resolve.Resolver` (mentions, then
   pronouns, pairs, titles); heads that are no party ("meet the demand", "representatives of
   the community": ``not_participants``) are skipped. A group with a list of countries
   ("delegates from A, B and C", "delegates ..., which includes A, B and C") makes one
   engagement per country; other lists make one multi-party engagement, unless the
   parser hung an object on a date ("met A on April 27 and B this week": one meeting each).
4. A trigger noun that only names a venue ("on the sidelines of the G20 summit") has no
   participants of its own, unless it sets the scene of its clause ("in a phone call, X told
   Y": :mod:`.scene`); "A and B were received by C and D respectively" pairs them.
5. Roles by type: host puts the host first (the subject, or the ``by`` phrase of a passive);
   visit puts the visitor first and the destination after it (a city stands for its country;
   a trip to one's own country, or to a territory it holds, is no visit; "be in" a place is
   a visit only of an office holder to a known place; a list of destinations makes one visit
   each; a group's visit needs a destination; with none named, the dateline's, else the
   country of the person who just received or met the visitor);
   attend adds the organisation attended, and needs someone attending it; address adds the
   parliament, named after its country ("Parliament of Pakistan").

Names inside a dateline ("TORONTO –", "BOGOR, Indonesia:") are never participants.
:func:`anaphor` gives "the meeting" the participants of the latest engagement of its kind
(of the latest not yet held when it is still to come; never for a named summit),
:func:`implied_visit` reads "X welcomed Y to Canada" as Y's visit too; :func:`earlier_visit`
reads "the first Italian president to visit Peru since 1961" as an earlier Italian visit too.

Returns a list of actor tuples, one per engagement; empty when fewer than two distinct
actors are found (one suffices for a visit).
"""
from __future__ import annotations

from typing import Any

from ...records import Actor, EventType, Status
from .resolve import Resolved, Resolver
from .gatherings import attended, attended_body, legislature, without_bodies
from .arguments import Roles, own_participants, roles, venue
from .phrases import conjuncts, dateline_end
from .scene import scene_roles
from .triggers import Trigger
from .words import Words

__all__ = ["participants", "anaphor", "anaphor_status", "implied_visit", "earlier_visit"]


def _after_dateline(heads: tuple[Any, ...], resolver: Resolver) -> list[Any]:
    """Heads outside the dateline; a dateline word parsed as the subject gives way to the name in
    apposition to it ("NAIROBI, Kenya – President X arrived": X)."""
    out = []
    for h in heads:
        end = dateline_end(h.sent, resolver.words)
        out += [h] if h.i >= end else [c for c in h.children if c.dep_ == "appos" and c.i >= end]
    return out


def _resolve_all(resolver: Resolver, heads: tuple[Any, ...], exclude: tuple[str, ...] = (),
                 loose: bool = False, strict: bool = False) -> tuple[list[Actor], list[Actor]]:
    """(actors, split-list actors) for a list of heads; heads inside a dateline are skipped."""
    actors: list[Actor] = []
    split: list[Actor] = []
    heads = tuple(h for h in _after_dateline(heads, resolver)
                  if not _private(h, resolver.not_participants, resolver.words.genitive))
    for h in heads:
        r: Resolved = resolver.actors_of(h, exclude=exclude, loose=loose, strict=strict)
        (split if r.split else actors).extend(r.actors)
    return actors, split


def _private(head: Any, words: frozenset[str], of: frozenset[str]) -> bool:
    """"meet the demand", "representatives of the Nigerian community", "the press": no party
    to an engagement (``not_participants`` of data/en/triggers.json)."""
    if head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in words or any(
        g.lemma_.lower() in words for c in head.children if c.dep_ == "prep" and c.lower_ in of
        for g in c.children if g.dep_ == "pobj")


def _surname(a: Actor) -> str:
    words = a.name.lower().replace("-", " ").split()
    return words[-1] if words else ""


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a and a.name and all(_surname(a) != _surname(b) for b in out):
            out.append(a)
    return out


def anaphor_status(trig: Trigger, resolver: Resolver) -> Any:
    """The status of the engagement "the summit" refers to (None when nothing was remembered)."""
    return resolver.discourse.latest_status(trig.type)


def anaphor(trig: Trigger, resolver: Resolver, status: Status | None = None) -> tuple[Actor, ...]:
    """"the meeting", "no such meeting", "the visit": the latest engagement of the same kind;
    said of one still to come ("when that visit might occur"), the latest one not yet held; a
    person the trigger's own clause names as taking part joins it ("Xi skipped the summit")."""
    tok, w = trig.token, resolver.words
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")}
    if not dets & w.anaphoric or trig.type in (EventType.MULTILATERAL, EventType.OTHER_CONSULT) or venue(tok, w):
        return ()
    if any(c.dep_ == "prep" and c.lower_ in w.genitive for c in tok.children):
        return ()  # "the meeting of the African Union": a gathering of its own, not the last one
    if tok.ent_type_ in ("ORG", "EVENT") or any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                                                for c in tok.children):
        return ()  # "the upcoming BRICS Summit": a gathering with a name of its own
    still_open = resolver.discourse.latest_open(trig.type)
    earlier = still_open if status is not None and status.coarse is not Status.OCCURRED and still_open is not None \
        else resolver.discourse.latest(trig.type)
    own, _ = _resolve_all(resolver, roles(trig, w).agents) if earlier else ([], [])
    return tuple(a for a in own if a.kind == "person" and all(_surname(a) != _surname(e) for e in earlier)) + earlier


def implied_visit(trig: Trigger, actors: tuple[Actor, ...], resolver: Resolver) -> tuple[Actor, ...]:
    """"X welcomed Y to Canada": Y's visit to Canada (guest first, then the place, then the host)."""
    if trig.type is not EventType.HOST or trig.nominal or len(actors) < 2:
        return ()
    dest = [g for c in trig.token.children if c.dep_ == "prep" and c.lower_ in resolver.words.allative
            for g in c.children if g.dep_ == "pobj"]
    places, _ = _resolve_all(resolver, tuple(dest), loose=True)
    places = [p for p in places if p.kind in ("country", "organisation")]
    if not places:
        return ()
    return tuple(_dedupe([actors[1], places[0], actors[0]]))


def earlier_visit(trig: Trigger, actors: tuple[Actor, ...], resolver: Resolver) -> tuple[Actor, ...]:
    """"X became the first Italian president to visit Peru since 1961": an Italian president's
    visit to Cuba before (the country of the national word, then the destinations)."""
    tok, w = trig.token, resolver.words
    noun = tok.head
    if trig.nominal or tok.dep_ not in ("relcl", "acl") or len(actors) < 2 \
            or not any(c.lower_ in w.first for c in noun.children):
        return ()
    if not any(c.dep_ == "prep" and c.lower_ in w.since for c in tok.children):
        return ()
    codes = [m.actor.country for m in resolver.discourse.mentions_in([c for c in noun.children if c.dep_ == "amod"])
             if m.actor is not None and m.actor.country]
    country = resolver.discourse.country_named(codes[0]) if codes else None
    if country is None or country.country == actors[1].country:
        return ()
    return (country,) + tuple(a for a in actors[1:] if a.kind != "person")


def _from_list(trig: Trigger, r: Roles, resolver: Resolver) -> list[Actor]:
    """"met delegates ... from A, B and C" with the from-phrase on the verb: one engagement each."""
    groups = [h for h in r.others if h.lemma_.lower() in resolver.groups and h.tag_ in ("NNS", "NNPS")]
    if not groups:
        return []
    heads = [g for c in trig.predicate.children if c.dep_ == "prep" and c.lower_ in resolver.words.ablative
             for p in c.children if p.dep_ == "pobj" for g in conjuncts(p)]
    if not heads:  # "..., which includes A, B and C": countries only
        included, _ = _resolve_all(resolver, tuple(_included(trig.predicate, resolver.words)))
        actors = [a for a in included if a.kind in ("country", "government")]
        return actors if len(actors) > 1 else []
    actors, _ = _resolve_all(resolver, tuple(heads))
    return actors if len(actors) > 1 else []


def _included(verb: Any, w: Words) -> list[Any]:
    """"saw several delegates at the forum, which includes Peru, Chile and Ecuador":
    the list of a which-includes clause in the verb's phrase (wherever the parser hung it)."""
    for t in verb.subtree:
        if t.dep_ in ("relcl", "advcl") and t.lemma_.lower() in w.include_verbs \
                and any(c.dep_ == "nsubj" and c.lower_ in w.relative_pronouns for c in t.children):
            return [g for c in t.children if c.dep_ == "dobj" for g in conjuncts(c) if g.pos_ == "PROPN"]
    return []


def _dated_objects(trig: Trigger) -> tuple[Any, ...]:
    """"met A on April 27 and B earlier this week": the parser hangs B on the date; B is another
    object of the verb, met at another time."""
    if trig.nominal:
        return ()
    verb = trig.token
    on_date = [g for c in verb.children if c.dep_ == "prep"
               for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"
               for g in p.children if g.dep_ == "conj" and g.ent_type_ == "PERSON"]
    # the second also when the parser makes the name a conjunct of the verb
    on_verb = [c for c in verb.children if c.dep_ == "conj" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"
               and any(p.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in p.subtree) for p in verb.children)]
    return tuple(on_date + on_verb)


def _trip_place(trig: Trigger, resolver: Resolver) -> list[Actor]:
    """A trigger noun that is a trip's purpose ("will visit Ankara for talks"): the place the trip
    goes to takes part (its country or government)."""
    tok, w = trig.token, resolver.words
    if not trig.nominal or tok.dep_ != "pobj" or tok.head.lower_ not in w.purpose \
            or tok.head.head.lemma_ not in w.trip_verbs:
        return []
    verb = tok.head.head
    heads = [c for c in verb.children if c.dep_ == "dobj"] + [g for c in verb.children if c.dep_ == "prep"
                                                              and c.lower_ in w.visited_preps for g in c.children]
    places, _ = _resolve_all(resolver, tuple(h for h in heads if h.dep_ in ("dobj", "pobj")), loose=True)
    return [p for p in places if p.kind != "person"][:1]


def _held_abroad(trig: Trigger, r: Roles, agents: list[Actor], resolver: Resolver) -> list[Actor]:
    """"X held talks in Moscow", "after talks in Oman": talks of one official named, held in a
    foreign country, are with that country (its government)."""
    if trig.type not in (EventType.TALKS, EventType.MEET) or not trig.nominal or len(agents) != 1 \
            or agents[0].kind != "person" or not agents[0].country:
        return []
    heads = [t for p in r.places for t in conjuncts(p) if t.ent_type_ == "GPE"]
    lands, _ = _resolve_all(resolver, tuple(heads), loose=True)
    lands = [resolver.countries.of_city(a) for a in lands]
    foreign = [a for a in lands if a.kind in ("country", "government") and a.country
               and a.country != agents[0].country]
    return foreign[:1] if len(foreign) == len(lands) else []


def _respectively(trig: Trigger, agents: list[Actor], others: list[Actor],
                  w: Words) -> list[tuple[Actor, ...]]:
    """"A and B were received by C and D respectively": A with C, B with D."""
    if not any(c.lower_ in w.respectively for c in trig.token.children):
        return []
    if len(agents) != len(others) or len(agents) < 2:
        return []
    return [(a, o) for a, o in zip(agents, others)]


def _complete(trig: Trigger, actors: list[Actor], resolver: Resolver) -> list[Actor]:
    """A trigger noun with one participant ("the meeting with Putin was not planned"): the other
    is the protagonist of the latest engagement of its kind."""
    if not trig.nominal or len(actors) != 1 or trig.type is EventType.VISIT or venue(trig.token, resolver.words) \
            or actors[0].kind == "organisation":  # "the meeting of the AU": a gathering, nobody named
        return actors
    earlier = resolver.discourse.latest(trig.type)
    lead = [a for a in earlier[:1] if _surname(a) != _surname(actors[0])
            and not (a.country and a.country == actors[0].country)]  # not Lavrov with Russia
    return lead + actors


def participants(trig: Trigger, resolver: Resolver, complete: bool = False) -> list[tuple[Actor, ...]]:
    """Steps 3-5 of the module cascade: one actor tuple per engagement of this trigger.
    ``complete``: a trigger noun with one participant gets the latest protagonist as the other."""
    w = resolver.words
    if trig.pictured:  # "X (L) and Y (R) in Cairo": the office holders pictured
        people = _dedupe([a for m in resolver.discourse.mentions_in(list(trig.pictured))
                          if (a := resolver.discourse.actor(m)) is not None and a.kind == "person"
                          and (a.role or a.code or a.name in resolver.discourse.titled)])
        return [tuple(people)] if len(people) >= 2 else []
    if trig.nominal and venue(trig.token, w) and not own_participants(trig.token, w) \
            and not scene_roles(trig.token, trig.type, w):
        return []  # step 4: "on the sidelines of the G20 summit" names where, not an engagement
    r = _led(roles(trig, w), w)
    visiting = trig.type is EventType.VISIT and trig.token.dep_ == "amod"  # "the visiting president": no guess
    agents, agent_split = _resolve_all(resolver, r.agents, strict=visiting)  # step 3
    others, other_split = _resolve_all(resolver, r.others, exclude=tuple(a.name for a in agents))
    others = [a for a in others if not _outlet(a, w)]  # "X speaks to VOA": an interview, no engagement
    dated, _ = _resolve_all(resolver, _dated_objects(trig))
    if dated and others:  # "met A on April 27 and B earlier this week": two meetings
        other_split, others = other_split + others + dated, []
    pairs = _respectively(trig, agents, others, w)  # step 4
    if pairs:
        return pairs
    if complete and not agents and not agent_split and not other_split:
        others = _complete(trig, others, resolver)
    if not others and not other_split:
        other_split = _from_list(trig, r, resolver)
    if not others and not other_split and agents:
        others = _trip_place(trig, resolver) or _held_abroad(trig, r, agents, resolver)  # with Turkey
    if trig.type is EventType.OTHER_CONSULT:  # step 5: the parliament, not its country
        house = legislature(trig, resolver)
        others = [a for a in others if a.mention not in {h.mention for h in house}] + house
    elif trig.type is EventType.MULTILATERAL or (
            not trig.nominal and trig.token.lemma_ in w.attend_verbs):
        if not agents and not agent_split:
            return []  # a gathering with nobody named as attending it
        others += attended_body(trig, resolver)
        others = without_bodies(others)
    if trig.type is EventType.VISIT:
        return _visits(trig, r, agents, others, agent_split + other_split, resolver)
    others = attended(trig, others, resolver)
    return _finish(trig, agents, others, agent_split + other_split, w)



def _outlet(a: Actor, w: Words) -> bool:
    """A news outlet spoken to is no party (reporting.json outlets)."""
    return a.kind != "person" and (a.name in w.outlets or a.mention.strip() in w.outlets)


def _led(r: Roles, w: Words) -> Roles:
    """"A delegation led by X arrived", "met a team headed by X": the group takes part through
    its leader, who stands in its place (a delegation names no country of its own)."""
    def leaders(head: Any) -> list[Any]:
        if head.lemma_.lower() not in w.group_nouns:
            return [head]
        found = [t for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in w.leading_verbs
                 for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                 for t in conjuncts(g)]
        return found or [head]
    return Roles(tuple(t for h in r.agents for t in leaders(h)), tuple(t for h in r.others for t in leaders(h)),
                 r.places, r.passive)


def _visits(trig: Trigger, r: Roles, agents: list[Actor], others: list[Actor], split: list[Actor],
            resolver: Resolver) -> list[tuple[Actor, ...]]:
    """Visitor first, then the destination(s), then a named host person."""
    if trig.nominal and not r.places and any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("1", "one")
                                             for c in trig.token.children):
        return []  # "the first three foreign trips": a count of trips told one by one elsewhere
    heads = [t for p in r.places for t in conjuncts(p)]
    dest, _ = _resolve_all(resolver, tuple(heads), loose=True)
    if trig.nominal and trig.token.tag_ in ("NNS", "NNPS") and not dest and not others:
        return []  # "his visits to neighbouring countries have increased": trips in general, none named
    others = [resolver.countries.of_city(a) for a in others]  # "visited Vladivostok": Russia
    dest = [resolver.countries.of_city(d) for d in dest]
    dest += [a for a in others if a.kind != "person" and a not in dest]  # "visited Malaysia"
    home = {a.country for a in agents[:1] if a.kind == "person" and a.country}
    lands = [d for d in dest if d.kind != "person"]
    if lands and all(resolver.words.sovereigns.get(d.country, d.country) in home for d in lands):
        return []  # "Putin was in Moscow", "arrived back in Ankara", "Macron in New Caledonia": home, no visit
    if trig.presence and not (agents and agents[0].kind == "person" and agents[0].role
                              and dest and all(d.country for d in dest)):
        return []  # "be in" a known place makes a visit of an office holder only
    others = [a for a in others if a.kind == "person"]
    if not dest and agents:  # "BOGOR, Indonesia: X ... on his first trip abroad"; "the visiting president"
        dest = _dateline_place(trig, agents, resolver) or _host_country(agents, resolver)
    if not dest and not others and (not any(a.kind == "person" for a in agents)
                                    or trig.nominal and not own_participants(trig.token, resolver.words)):
        return []  # "many Canadians travel south", "during the visit, X will ...": nowhere new
    if len(dest) > 2 and agents:  # "I will travel to A, B, C and D": one visit each
        return [tuple(_dedupe(agents + [d] + others)) for d in dest]
    return _finish(trig, agents, dest + others, split, resolver.words, visit=True)


def _dateline_place(trig: Trigger, agents: list[Actor], resolver: Resolver) -> list[Actor]:
    """A trip with no destination in a sentence under a dateline goes to the dateline's country
    (the last place named there), unless it is the visitor's own."""
    sent = trig.token.sent
    end = dateline_end(sent, resolver.words)
    places = [resolver.discourse.actor(m) for m in resolver.discourse.mentions_in(list(sent.doc[sent.start:end]))
              if m.label == "GPE"]
    if not places or places[-1].country and places[-1].country in {a.country for a in agents}:
        return []
    return places[-1:]


def _host_country(agents: list[Actor], resolver: Resolver) -> list[Actor]:
    """A trip with no destination by someone just received or met by a foreign person ("X hosted
    Y ... the visiting president"): the country of that person, as the text names it (else by
    its own name: "Putin met with visiting Premier X in Moscow": Russia)."""
    visitor = agents[0]
    for kind in ("host", "consult"):
        earlier = resolver.discourse.latest(kind)
        if not any(_surname(a) == _surname(visitor) for a in earlier):
            continue
        hosts = [a.country for a in earlier if a.kind == "person" and a.country and a.country != visitor.country]
        if not hosts:
            return []
        return [resolver.discourse.country_named(hosts[0]) or resolver.countries.country(hosts[0], visitor.mention)]
    return []


def _finish(trig: Trigger, agents: list[Actor], others: list[Actor], split: list[Actor], w: Words,
            visit: bool = False) -> list[tuple[Actor, ...]]:
    if visit:
        if not agents:
            return []
        return [tuple(_dedupe(agents + others))]
    if split:
        base = _dedupe(agents + others)
        groups = [tuple(_dedupe(base + [s])) for s in split]
        return [g for g in groups if len(g) >= 2]
    group = tuple(_dedupe(agents + others))
    if trig.nominal and not agents and all(a.kind in ("organisation", "group") for a in group) \
            and any(c.dep_ == "prep" and c.lower_ in w.genitive for c in trig.token.children):
        return []  # "the meeting of the AU and the RECs": a gathering with nobody named at it
    return [group] if len(group) >= 2 else []
