"""What a trip's telling passes to the engagements planned inside it.

"The president has put off the trip for now. On Friday he was to see the Dutch Prime
Minister ...; a day later the King was to welcome him at the palace": the meetings, talks
and receptions planned inside the postponed trip are postponed too, though no sentence says
so of them; and whoever the text credits for the trip's state is credited for theirs.

Cascade of :func:`called_off_with_trips`, over the claims of one article:

1. The trips called off: visits whose status is ruled out (cancelled, postponed, refused).
2. For every claim of another type that the text tells as a plan in the past ("he was to
   meet", status step "past-plan": a plan still told in the future tense, "will meet", stands
   as told), names the traveller
   among its participants and is told in the article's own voice or by the voice that calls
   the trip off (a source of its own makes a claim of its own),
3. it sits inside the trip when it is placed in the trip's destination country, or, placed
   nowhere, is dated within a week of the trip (or in the trip's month);
4. it then takes the trip's status ("trip" is the step that decided it), and the trip's source
   when it had none of its own: the voice that calls the trip off fixes its status.
5. A claim of another type told as a plan that did not come about ("the summit had been
   scheduled for Wednesday", status step "foiled"), in the article's own voice, inside a trip
   called off (steps 2-3), keeps its status and takes the trip's source: the same voice fixes it.
6. A claim of another type planned in the article's own voice ("he is expected to hold talks
   with the premier during the visit"), inside a planned trip that a source is credited for
   ("according to sources, the president will arrive on a two-day visit next week"), takes
   that source: the text tells the plan of the trip, and what it holds, on that source's word
   (not a trip planned on an invitation accepted: the one credited for it is the host who invites).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ...records import Event, EventType, Status
from ..events.merge import destination

__all__ = ["called_off_with_trips"]

#: status steps of a trip planned on an invitation: the one credited is the host who invites, no source
_INVITED = frozenset({"accepted", "offer"})
#: days between a trip's date and a meeting placed nowhere for the meeting to count as inside it
WINDOW_DAYS = 7


def _key(name: str) -> str:
    words = name.lower().replace("-", " ").split()
    return words[-1] if words else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _dated_inside(ev: Event, trip: Event) -> bool:
    """Step 3, placed nowhere: within a week of the trip's day, or in the trip's month."""
    a = ev.when.value if ev.when else None
    b = trip.when.value if trip.when else None
    if not a or not b:
        return False
    x, y = _day(a), _day(b)
    if x is not None and y is not None:
        end = _day(trip.when.end_value) or y
        return (y - x).days <= WINDOW_DAYS and (x - end).days <= WINDOW_DAYS
    return len(b) == 7 and a.startswith(b)


def _inside(ev: Event, trip: Event) -> bool:
    """Step 3: in the destination country, or (placed nowhere) at the trip's time."""
    where = ev.where.country if ev.where is not None else None
    dest = destination(trip) or (trip.where.country if trip.where is not None else None)
    if where and dest:
        return where == dest
    return _dated_inside(ev, trip)


def _voiced(ev: Event, trip: Event) -> bool:
    """Step 2: the claim is the article's own, or the trip's source's."""
    return ev.attributed_to is None or (trip.attributed_to is not None
                                        and ev.attributed_to.name == trip.attributed_to.name)


def _trip_of(ev: Event, trips: list[Event]) -> Event | None:
    """Steps 2-3 (and 5-6): the trip whose traveller takes part in ``ev``, in whose voice (or the
    article's) ``ev`` is told, and inside which it sits."""
    names = {_key(a.name) for a in ev.actors}
    return next((t for t in trips if _key(t.actors[0].name) in names and _voiced(ev, t) and _inside(ev, t)), None)


def called_off_with_trips(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Steps 1-6 of the module cascade."""
    trips = [ev for ev in events if ev.type is EventType.VISIT and ev.actors
             and ev.status.coarse is Status.RULED_OUT]
    sourced = [ev for ev in events if ev.type is EventType.VISIT and ev.actors and ev.status is Status.PLANNED
               and ev.attributed_to is not None and ev.status_cue not in _INVITED]
    if not trips and not sourced:
        return events
    out = []
    for ev in events:
        if ev.type is not EventType.VISIT and ev.status is Status.PLANNED and ev.status_cue == "past-plan":
            trip = _trip_of(ev, trips)
            if trip is not None:
                ev = replace(ev, status=trip.status, status_cue="trip",
                             attributed_to=ev.attributed_to or trip.attributed_to)
        elif ev.type is not EventType.VISIT and ev.attributed_to is None and ev.status_cue == "foiled":
            trip = _trip_of(ev, trips)  # step 5
            ev = replace(ev, attributed_to=trip.attributed_to) if trip is not None else ev
        elif ev.type is not EventType.VISIT and ev.attributed_to is None and ev.status is Status.PLANNED:
            trip = _trip_of(ev, sourced)  # step 6
            ev = replace(ev, attributed_to=trip.attributed_to) if trip is not None else ev
        out.append(ev)
    return tuple(out)
