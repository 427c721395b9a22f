"""The dedupe stage: one claim per engagement per article, once dates and places are known.

The events stage keeps two claims about the same people apart when their sentences name
different places and different dates ("met in Geneva in January 2022" ... "met on the
margins of a regional forum in Lima earlier this month"), because it cannot yet tell a
restatement from a second engagement. Once the time and place stages have resolved them,
this stage merges the claims that turn out to be one:

0. what was planned inside a trip the text calls off takes the trip's status
   (:mod:`sideline.stages.dedupe.trips`);
1. claims are compared in text order with the ones already kept;
2. a claim joins a kept one of the same type, coarse status and participants (and the same
   ``events.merge.merge_key``) when their dates are compatible (equal, one
   containing the other, or one unknown) and their places are compatible (the same place,
   the same country, or one unknown);
3. the kept claim takes the joining claim's attribution when it had none, and its date or
   place when it had none;
4. a claim that tells the same meeting as a kept one (same type, status, compatible date and
   place) while naming a country where the kept one names its official, or three or more of
   the same persons, joins it, and the kept claim takes the participants of both;
5. a claim that tells the same engagement as a kept one with another status (same type
   group, participants, destination, compatible date, the same place or one unknown) is one
   claim when a status the text does not state (the default "occurred" of a bare "the visit")
   meets one it states, which the claim keeps; or when one voice (a source, or the article's
   own) gives both: the article keeps only the latest state, the one further along (proposed <
   planned < occurred, ruled out): "was to hold talks in Jeddah" ... "the meeting was
   postponed" is one postponed meeting. Two voices with two stated statuses, two final states
   (occurred and ruled out), and an open question (uncertain) stay claims of their own.
"""
from __future__ import annotations

from dataclasses import replace

from ...records import Actor, Document, Event, EventType, Status, When, Where
from ..events.merge import merge_key, same_destination
from .trips import called_off_with_trips

__all__ = ["Dedupe"]


def _dates_agree(a: When | None, b: When | None) -> bool:
    x, y = (a.value if a else None), (b.value if b else None)
    if not x or not y:
        return True
    return x.startswith(y) or y.startswith(x)


def _places_agree(a: Where | None, b: Where | None) -> bool:
    if a is None or b is None or not a.name or not b.name:
        return True
    if a.name == b.name:
        return True
    return bool(a.country and a.country == b.country)


def _join(kept: Event, ev: Event) -> Event:
    return replace(kept,
                   attributed_to=kept.attributed_to or ev.attributed_to,
                   when=kept.when if kept.when and kept.when.value else ev.when,
                   where=kept.where if kept.where and kept.where.name else ev.where)


def _same_claim(a: Event, b: Event) -> bool:
    """Step 2: what the events stage would have merged, and dates and places agree."""
    return (a.trigger != b.trigger and a.type is b.type and merge_key(a) == merge_key(b)
            and {x.name for x in a.actors} == {x.name for x in b.actors}
            and _dates_agree(a.when, b.when) and _places_agree(a.where, b.where))


#: how far along a claim's state is: a later state of the same engagement replaces an earlier one
_STAGE = {Status.PROPOSED: 0, Status.PLANNED: 1, Status.OCCURRED: 2, Status.RULED_OUT: 2}


def _restatus(kept: Event, ev: Event) -> Event | None:
    """Step 5: the claim the article keeps when ``ev`` tells ``kept``'s engagement with another
    status (None: they stay two claims)."""
    a, b = kept.status.coarse, ev.status.coarse
    if a is b or Status.UNCERTAIN in (a, b) or kept.trigger == ev.trigger \
            or merge_key(kept)[0] != merge_key(ev)[0] or merge_key(kept)[2:] != merge_key(ev)[2:]:
        return None
    if not same_destination(kept, ev) or not _dates_agree(kept.when, ev.when) or not _same_place(kept.where, ev.where):
        return None
    if _weak(kept) != _weak(ev):  # a status the text does not state gives way to one it states
        later, earlier = (ev, kept) if _weak(kept) else (kept, ev)
    elif _voice(kept) != _voice(ev) or _STAGE[a] == _STAGE[b] or kept.type is not ev.type:
        return None  # two voices, two statuses: one claim each; so are "talks" and "a summit" told apart
    else:
        later, earlier = (kept, ev) if _STAGE[a] > _STAGE[b] else (ev, kept)
        if later.status_cue not in _UPDATES:
            return None  # "would depend on" does not make an offer a plan
    return replace(_join(later, earlier), attributed_to=later.attributed_to)


#: status steps that tell a new state of an engagement (see events.status): a cancellation,
#: postponement, refusal or denial, an acceptance, or a verb that says it happened
_UPDATES = frozenset({"cancelled", "foiled", "negated", "accepted", "tense", "dismissed"})


def _weak(ev: Event) -> bool:
    """The status is a default (a bare trigger noun) or a plan told in the past ("was to meet"),
    not something the text states as the engagement's state."""
    return ev.status_cue in _WEAK


_WEAK = frozenset({None, "past-plan"})


def _voice(ev: Event) -> str | None:
    return ev.attributed_to.name if ev.attributed_to is not None else None


def _same_place(a: Where | None, b: Where | None) -> bool:
    """The same place, or one unknown (a country shared by two cities is not enough here)."""
    return a is None or b is None or not a.name or not b.name or a.name == b.name


class Dedupe:
    name = "dedupe"
    requires = ("events.when", "events.where")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        kept: list[Event] = []
        for ev in called_off_with_trips(doc.events):  # step 0
            i = next((i for i, k in enumerate(kept) if _same_claim(k, ev)), None)
            if i is None:
                i = next((i for i, k in enumerate(kept) if _covers(k, ev) or _covers(ev, k)), None)
                if i is not None:  # step 4: the fuller telling's participants
                    kept[i] = _join(replace(kept[i], actors=_fuller(kept[i], ev)), ev)
                    continue
            if i is None:
                i = next((i for i, k in enumerate(kept) if _restatus(k, ev) is not None), None)
                if i is not None:  # step 5: one engagement, its latest state
                    kept[i] = _restatus(kept[i], ev)
                    continue
            if i is None:
                kept.append(ev)
            else:
                kept[i] = _join(kept[i], ev)
        return doc.with_(events=tuple(kept))


def _covers(big: Event, small: Event) -> bool:
    """Step 4: two tellings of one meeting, one naming more: a country where the other names its
    official ("met delegates of Jordan" ... "met Jordan's Ayman Safadi"), or three or more of the
    same persons ("Vucic met Michel, Borrell and Macron" ... "Michel, Macron and Meloni went on
    after the meeting with Vucic")."""
    if big.type is EventType.VISIT or small.type is EventType.VISIT or big.trigger == small.trigger \
            or merge_key(big)[:2] != merge_key(small)[:2] or merge_key(big)[3:] != merge_key(small)[3:] \
            or not _dates_agree(big.when, small.when) \
            or not _places_agree(big.where, small.where):
        return False
    names = {a.name for a in big.actors}
    lands = {a.country for a in big.actors if a.kind == "person" and a.country}
    rest = [a for a in small.actors if a.name not in names]
    shared = [a for a in small.actors if a.name in names and a.kind == "person"]
    if len(shared) >= 3:
        return True
    stand_ins = [a for a in rest if a.kind in ("country", "government") and a.country in lands]
    return len(stand_ins) == len(rest) == 1 and len(small.actors) == len(big.actors)


def _fuller(a: Event, b: Event) -> tuple[Actor, ...]:
    """The participants of both tellings (a person standing in for the country named)."""
    lands = {x.country for x in a.actors + b.actors if x.kind == "person" and x.country}
    out: dict[str, Actor] = {}
    for x in a.actors + b.actors:
        if x.name not in out and not (x.kind in ("country", "government") and x.country in lands):
            out[x.name] = x
    return tuple(out.values())
