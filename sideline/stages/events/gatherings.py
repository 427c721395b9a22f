"""The attendees of a gathering, as one group actor named after it.

"Ramos flew in for the 7th Regular Session of the Council of Heads of Government of the
Andean Community": Ramos takes part in a meeting with the Andean Community's heads of
government, a group the text names but does not list. The annotation guideline
and the users' event data name such a party as a group ("G20 leaders", "ECOWAS heads of
state"), so :func:`gathering_group` builds it from the gathering's own phrase:

1. The gathering is a noun of ``gathering_nouns`` (summit, session, meeting, ...).
2. Its body: the organisation named in its phrase ("the Andean Community"), else the proper name
   the gathering carries ("the Summit of the Pacific", "the G-20 summit").
3. Its members, as the phrase names them (``gathering_members``, the longest that occurs:
   "heads of government"), else, for a gathering of leaders (``leader_gatherings``:
   a summit), ``default_members`` ("leaders"); a gathering that names neither has no group:
   the organisation stays the party, as before.
4. The group is ``"<body> <members>"``, of kind ``group``, with the body's code.

A parliament a leader addresses is a body of the same kind: :func:`legislature` names it after
its country ("Parliament of Pakistan").
"""
from __future__ import annotations

from typing import Any

from ...records import Actor
from .phrases import attendees, takes_part
from .resolve import Resolver
from .triggers import Trigger
from .words import Words

__all__ = ["gathering_group", "is_gathering", "attended", "attended_body", "np_subtree", "without_bodies", "legislature"]

_NAME_DEPS = ("compound", "amod", "prep", "pobj", "nmod", "npadvmod")


def is_gathering(tok: Any, w: Words) -> bool:
    return tok.lemma_.lower() in w.gathering_nouns or tok.lower_ in w.gathering_nouns


def _members(phrase: str, w: Words) -> str | None:
    """Step 3: the longest members phrase in the gathering's words."""
    low = f" {phrase.lower()} "
    found = [m for m in w.gathering_members if f" {m} " in low]
    return max(found, key=len) if found else None


def _proper_name(tok: Any, w: Words) -> str | None:
    """Step 2, no organisation: the gathering's own proper name ("Summit of the Pacific",
    "G-20 summit"): the proper nouns of its name phrase (compounds, modifiers, an of-phrase;
    not a place phrase or a clause) with the words between them."""
    keep, todo = [], [tok]
    while todo:
        t = todo.pop()
        keep.append(t)
        todo += [c for c in t.children if c.i < tok.i + 8 and (
            c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod")
            or c.dep_ == "prep" and c.lower_ in w.genitive or c.dep_ == "pobj" and t.lower_ in w.genitive)]
    names = sorted(t.i for t in keep if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "EVENT"))
    if not names or names == [tok.i]:
        return None
    words = tok.doc[min(names[0], tok.i): max(names[-1], tok.i) + 1]
    if any(t.is_punct and t.text not in ("-", "+") for t in words):
        return None
    return " ".join(t.text for t in words)


def _before_members(name: str, members: str) -> str:
    """"Nordic Council Foreign Ministers Meeting" with members "foreign ministers": the name
    up to its members ("Nordic Council"), so that the group is not named twice."""
    at = name.lower().find(members)
    return name[:at].strip() if at > 0 else name


def gathering_group(tok: Any, body: Actor | None, w: Words) -> Actor | None:
    """Steps 1-4 for the gathering noun ``tok``; ``body``: the organisation its phrase names."""
    if not is_gathering(tok, w):
        return None
    phrase = " ".join(t.text for t in tok.subtree if t.i < tok.i + 14)
    members = _members(phrase, w)
    if members is None and tok.lemma_.lower() not in w.leader_gatherings:
        return None
    name = body.name if body is not None else _proper_name(tok, w)
    if not name:
        return None
    if members:
        name = _before_members(name, members)
    mention = phrase if len(phrase) < 120 else name
    return Actor(name=f"{name} {members or w.default_members}", mention=mention,
                 code=body.code if body is not None else None, kind="group")


# -- the parties of an attended gathering (for sideline.stages.events.participants) ----------------
def attended_body(trig: Trigger, resolver: Resolver) -> list[Actor]:
    """For attend/address/multilateral: the organisation or body attended, as a mention actor."""
    tok = trig.token
    objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj")]
    objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if trig.nominal:
        objs = [tok]
    out: list[Actor] = []
    for o in objs:
        orgs = orgs_of(o, resolver)
        group = gathering_group(o, orgs[0] if orgs else None, resolver.words)
        out += [group] if group is not None else orgs  # "the Conference of Heads of Government of CARICOM"
        if not out:
            words = [t.text for t in o.subtree if t.dep_ not in ("det", "poss", "relcl", "punct")][:8]
            if len(words) > 1:
                out.append(Actor(name=" ".join(words), mention=" ".join(words), kind="group"))
    return out[:3]


def orgs_of(o: Any, resolver: Resolver) -> list[Actor]:
    """The organisations named in a noun's own phrase."""
    sub = [t for t in np_subtree(o, resolver.words) if t.i < o.i + 14]
    return [resolver.discourse.actor(m) for m in resolver.discourse.mentions_in(sub)
            if m.label == "ORG" or (m.actor is not None and m.actor.kind == "organisation")]


def attended(trig: Trigger, others: list[Actor], resolver: Resolver) -> list[Actor]:
    """"will attend the Summit of the Pacific": a gathering noun attended takes its attendees'
    group (:mod:`sideline.stages.events.gatherings`) in place of what its own phrase names."""
    w = resolver.words
    if not trig.nominal or trig.predicate.lemma_.lower() not in w.attend_verbs | w.absent_verbs \
            and not takes_part(trig.predicate, w) and not attendees(trig.token, w):
        return others  # "will attend the Summit of the Pacific"; "took part in it"; "skipped it", "stayed away from it"
    orgs = orgs_of(trig.token, resolver)
    group = gathering_group(trig.token, orgs[0] if orgs else None, w)
    if group is None:
        return others
    return [a for a in others if a.kind == "person" and not _named_in(a, [group])] + [group]


def without_bodies(actors: list[Actor]) -> list[Actor]:
    """An organisation whose attendees' group takes part is that group: drop it; so is a word of
    the gathering's own name that nothing knows ("the Summit of the Americas": not "Americas")."""
    groups = [a for a in actors if a.kind == "group"]
    return [a for a in actors if not (a.kind == "organisation" and any(g.name.startswith(a.name + " ") for g in groups))
            and not _named_in(a, groups)]


def _named_in(a: Actor, groups: list[Actor]) -> bool:
    """An unknown name (no office, no code) made of words of a gathering group's name."""
    named = {w for g in groups for w in g.name.split()}
    return a.kind != "group" and a.code is None and a.role is None and set(a.name.split()) <= named


def np_subtree(tok: Any, w: Words) -> list[Any]:
    """A noun's phrase without clauses and without place phrases (in Moscow, at the UN)."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "punct", "appos") \
                    or (c.dep_ == "prep" and c.lower_ in w.np_place_preps):
                continue
            todo.append(c)
    return out


def legislature(trig: Trigger, resolver: Resolver) -> list[Actor]:
    """The parliament addressed, named after its country ("Parliament of Pakistan")."""
    w = resolver.words
    objs = [c for c in trig.token.children if c.dep_ in ("dobj", "pobj")]
    objs += [g for c in trig.token.children if c.dep_ == "prep" and c.lower_ in w.allative
             for g in c.children if g.dep_ == "pobj"]
    for o in objs:
        for m in resolver.discourse.mentions_in(np_subtree(o, w)):
            a = resolver.discourse.actor(m)
            if m.label == "GPE" or a.kind == "country" or a.country and a.kind == "government":
                land = a.name if a.kind == "country" else resolver.countries.country(a.country, a.mention).name
                return [Actor(name=w.legislature.format(country=land), mention=a.mention, kind="organisation")]
            if m.label == "ORG" and len(a.name.split()) > 1:
                return [a]
    visited = [t for t in trig.token.sent if t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ in w.visited_preps)]
    here = [m for m in resolver.discourse.mentions_in(visited) if m.label == "GPE"]  # "visited Pakistan and addressed"
    country = resolver.discourse.actor(here[0]).name if here else resolver.discourse.main_country()
    name = w.legislature.format(country=country) if country else w.legislature_unknown
    return [Actor(name=name, mention=" ".join(t.text for t in objs[0].subtree) if objs else name,
                  kind="organisation")]
