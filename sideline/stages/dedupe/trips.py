"""What was planned inside a trip the text calls off is called off with it.

"The president has put off the trip for now. On Friday he was to see the Dutch Prime
Minister ...; a day later the King was to welcome him at the palace": the meetings, talks
and receptions planned inside the postponed trip are postponed too, though no sentence says
so of them.

Cascade of :func:`called_off_with_trips`, over the claims of one article:

1. The trips called off: visits whose status is ruled out (cancelled, postponed, refused).
2. For every claim of another type that the text tells as a plan in the past ("he was to
   meet", status step "past-plan": a plan still told in the future tense, "will meet", stands
   as told), names the traveller
   among its participants and is told in the article's own voice or by the voice that calls
   the trip off (a source of its own makes a claim of its own); or that a report placed before
   the text's news tells ("the media reported earlier that he will meet ...", step
   "reported-earlier"), whatever its voice: the earlier report is overtaken; or that the
   article tells, in its own voice, as a plan that did not come about ("the summit had been
   scheduled for Wednesday", step "foiled": what undid it is the trip's calling off),
3. it sits inside the trip when it is placed in the trip's destination country, or, placed
   nowhere, is dated within a week of the trip (or in the trip's month);
4. it then takes the trip's status ("trip" is the step that decided it), and the trip's source
   when it had none of its own: the voice that calls the trip off fixes its status.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ...records import Event, EventType, Status
from ..events.merge import destination

__all__ = ["called_off_with_trips"]

#: status steps of a plan told in the past (events.status); the second one by an earlier report
_EARLIER = "reported-earlier"
_PLANS = frozenset({"past-plan", _EARLIER})

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


def _foiled(ev: Event) -> bool:
    """Step 2: a plan told in the article's own voice that did not come about."""
    return ev.status_cue == "foiled" and ev.status.coarse is Status.RULED_OUT and ev.attributed_to is None


def called_off_with_trips(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Steps 1-4 of the module cascade."""
    trips = [ev for ev in events if ev.type is EventType.VISIT and ev.actors
             and ev.status.coarse is Status.RULED_OUT]
    if not trips:
        return events
    out = []
    for ev in events:
        if ev.type is not EventType.VISIT and (ev.status is Status.PLANNED and ev.status_cue in _PLANS
                                               or _foiled(ev)):
            names = {_key(a.name) for a in ev.actors}
            trip = next((t for t in trips if _key(t.actors[0].name) in names
                         and (ev.status_cue == _EARLIER or _voiced(ev, t)) and _inside(ev, t)), None)
            if trip is not None:
                ev = replace(ev, status=trip.status, status_cue="trip",
                             attributed_to=ev.attributed_to or trip.attributed_to)
        out.append(ev)
    return tuple(out)
