"""Claims of one article that say the same thing: one event per distinct claim (step 6 of the
events stage; the dedupe stage applies the same key once dates and places are known).

Cascade of :func:`merge`, over the claims in text order:

1. A claim in the article's own voice that the article itself overtakes gives way
   (:func:`_superseded`): an offer later reported as planned, a postponement of an
   engagement it reports as held.
2. Claims with the same :func:`merge_key` (type group, coarse status, participants) merge,
   keeping the first and its attribution (or the first attribution given), unless
3. their sentences name different places and dates (two engagements of the same people), or
4. one trigger told several visits, or
5. talks and a meeting are told far apart (not in one sentence).
6. A trip told again in the article's own voice with another status keeps the first telling
   (:func:`_restated`); a telling whose status is only the default never makes a claim of its
   own: it joins the other telling and takes its status.
"""
from __future__ import annotations

from dataclasses import replace

from ... import types
from ...records import Actor, Document, Event, EventType, Status
from .captions import CUE as PICTURED
from .earlier import CUE as EARLIER

#: the claims of an occasion of their own: an earlier engagement, a photo's
_OWN = frozenset({EARLIER, PICTURED})

__all__ = ["merge", "merge_key", "setting", "destination", "same_destination"]


def _key(a: Actor) -> str:
    words = a.name.lower().replace("-", " ").split()
    return words[-1] if words else ""


def merge_key(ev: Event) -> tuple:
    """(merge group, coarse status, participants' surnames; for a visit the visitor's; the mark of
    an earlier engagement, :mod:`.earlier`, or of a photo caption's, :mod:`.captions`): claims of
    one article with the same key say the same thing."""
    kind = types.merge_group(ev.type)
    before = (ev.status_cue,) if ev.status_cue in _OWN else ()  # "their first meeting since 2019", a photo
    if ev.type is EventType.VISIT:
        return (kind, ev.status.coarse, _key(ev.actors[0])) + before
    return (kind, ev.status.coarse, frozenset(_key(a) for a in ev.actors)) + before


def destination(ev: Event) -> str | None:
    """The country a visit goes to (its first host with a country); None when the telling names none."""
    if ev.type is not EventType.VISIT:
        return None
    return next((a.country for a in ev.actors[1:] if a.country), None)


def same_destination(a: Event, b: Event) -> bool:
    """Two tellings of a visit go to the same place, or one of them names none."""
    x, y = destination(a), destination(b)
    return x is None or y is None or x == y


def _near(a: Event, b: Event) -> bool:
    """The same sentence ("his meeting with X ... their talks")."""
    return a.sentence is not None and a.sentence == b.sentence


def _restated(ev: Event, key: tuple, kept: list[tuple], out: list[Event], settings=None) -> int | None:
    """The same trip told again in the article's own voice with another status ("has postponed
    the visit" ... "was due to travel on Monday"): the first telling holds the latest state,
    unless it only told a plan in the past ("was to arrive on Thursday, but the trip was called
    off": the later telling states what became of it) or only a default (:func:`_defaulted`);
    a source of its own makes a claim of its own. The index of the telling kept, else None."""
    if ev.attributed_to is not None or ev.type is not EventType.VISIT:
        return None  # meetings of the same people are often several meetings
    if ev.status is Status.OCCURRED and not _defaulted(ev, settings):
        return None  # "X visited Y": a claim of its own
    for i, other in enumerate(kept):  # every telling kept (several trips may share a key)
        if other[0] == key[0] and other[2:] == key[2:] and other[1] != key[1] \
                and out[i].attributed_to is None and same_destination(out[i], ev):
            return i
    return None


def _defaulted(ev: Event, settings=None) -> bool:
    """A telling whose status is only the default ("Egypt welcomes the crown prince's visit": a
    trigger noun, or a verb not in the past, with no cue) and whose sentence names no date: it
    says nothing of its own about the state of the trip, so it never makes a claim apart."""
    return ev.status is Status.OCCURRED and ev.status_cue is None \
        and not (settings is not None and settings(ev)[1])


#: status steps that only tell a plan in the past (see events.status), which a later telling overtakes
_PAST_PLAN = frozenset({"past-plan"})


def _same(a: Event, b: Event) -> bool:
    """The same engagement whatever the status (a visit: the same trip, see :func:`same_destination`)."""
    return merge_key(a)[:1] + merge_key(a)[2:] == merge_key(b)[:1] + merge_key(b)[2:] and same_destination(a, b)


def _superseded(events: list[Event]) -> list[Event]:
    """Claims in the article's own voice that the article itself overtakes (keep the latest state):
    an offer ("X invites Y to visit") later reported as planned (accepted); a postponement ("then
    delayed his meeting with X until the evening") of an engagement it reports as held."""
    out = []
    for i, ev in enumerate(events):
        if ev.attributed_to is None:
            if ev.status is Status.PROPOSED and any(
                    later.status is Status.PLANNED and _same(ev, later) for later in events[i + 1:]):
                continue
            if ev.status is Status.POSTPONED and any(
                    o.status is Status.OCCURRED and o.attributed_to is None and _same(ev, o) for o in events):
                continue
        out.append(ev)
    return out


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def setting(doc: Document, ev: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The places and dates named in an event's sentence (entity texts, lower case)."""
    if ev.sentence is None or doc.parse is None:
        return frozenset(), frozenset()
    span = doc.parse.char_span(ev.sentence.start, ev.sentence.end, alignment_mode="expand")
    ents = span.ents if span is not None else ()
    return (frozenset(e.text.lower() for e in ents if e.label_ in _PLACE_LABELS),
            frozenset(e.text.lower() for e in ents if e.label_ == "DATE"))


def _apart(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Two claims set in different places and on different dates are two engagements."""
    return all(x and y and not (x & y) for x, y in zip(a, b))


def merge(events: list[Event], settings=None) -> list[Event]:
    """Step 6: one event per distinct claim, in text order (the events one trigger split stay);
    a claim in the article's own voice that it later overtakes gives way (:func:`_superseded`);
    claims whose sentences name different places and dates (``settings(event)`` gives them) are
    different engagements of the same people ("met in Geneva" ... "met in New Delhi"); a visit
    joins a telling of the same trip (same destination, or one names none)."""
    out: list[Event] = []
    keys: list[tuple] = []
    for ev in _superseded(events):
        key = merge_key(ev)
        i = next((i for i, k in enumerate(keys) if k == key and _one(out[i], ev, settings)), None)
        if i is None:
            j = _restated(ev, key, keys, out, settings)
            if j is not None:
                if out[j].status_cue in _PAST_PLAN and ev.status_cue not in _PAST_PLAN | {None} \
                        or _defaulted(out[j], settings) and not _defaulted(ev, settings):
                    out[j] = replace(out[j], status=ev.status, status_cue=ev.status_cue)
                continue
            keys.append(key)
            out.append(ev)
            continue
        if out[i].attributed_to is None and ev.attributed_to is not None:
            out[i] = replace(out[i], attributed_to=ev.attributed_to)
    return out


def _one(first: Event, ev: Event, settings) -> bool:
    """Two claims with one merge key tell one engagement: not set apart by their sentences, not
    two legs of a trip (or one trigger's two destinations), and talks and a meeting in one
    sentence."""
    if settings is not None and _apart(settings(first), settings(ev)):
        return False  # "met in Geneva in January" ... "met in New Delhi last month"
    if ev.type is EventType.VISIT and (not same_destination(first, ev) or first.trigger == ev.trigger):
        return False
    return first.type is ev.type or _near(first, ev)  # talks and a meeting far apart: two engagements
