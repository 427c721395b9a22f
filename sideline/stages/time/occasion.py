"""The day a gathering opens, told in another sentence, dates its attendance.

"Ortega confirmed that he will attend the Pacific Forum summit to be held this month." ...
"... to confirm his presence at the summit, which will be held from 12 to 14 May." The
attendance is told with the month only; the summit's own days come later, in a clause on the
gathering's noun. The guideline dates attending a gathering (like a trip) by its first day.

Cascade of :func:`occasion_dates`:

1. The occasion dates of the document: a day (or a range of days) in a relative or participle
   clause on a gathering noun ("the summit, which runs from 6 to 10 June", "the forum held on
   3 May"; ``gathering_nouns`` of participants.json);
2. an attendance of a gathering (a meeting or multilateral event with a group party, the
   gathering's attendees, "Summit of the Pacific leaders") dated by month only, or not at all,
3. takes the first day of the only occasion date of the document in that month (any month,
   undated). Two occasion dates (two gatherings) or none: nothing changes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ...lexicons import load
from ...records import Event, EventType, Granularity as G, Timex, When
from .timexes import as_day

__all__ = ["occasion_dates"]

_CLAUSES = ("relcl", "acl")


def _on_gathering(tok: Any, nouns: frozenset[str]) -> bool:
    """The date's words hang, through a clause, on a gathering noun."""
    t = tok
    for _ in range(5):
        if t.head == t:
            return False
        if t.dep_ in _CLAUSES and t.head.lemma_.lower() in nouns:
            return True
        t = t.head
    return False


def _occasions(timexes: Sequence[Timex], parse: Any, nouns: frozenset[str]) -> list[Timex]:
    out = []
    for t in timexes:
        if t.granularity not in (G.DAY, G.TIME) or as_day(t.value) is None:
            continue
        span = parse.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is not None and len(span) and _on_gathering(span.root, nouns):
            out.append(t)
    return out


def _attendance(ev: Event) -> bool:
    return ev.type in (EventType.MEET, EventType.MULTILATERAL) and any(a.kind == "group" for a in ev.actors) \
        and not (ev.when is not None and ev.when.value and len(ev.when.value) > 7)


def occasion_dates(events: Sequence[Event], timexes: Sequence[Timex], parse: Any,
                   data_dir: str | None = None) -> tuple[Event, ...]:
    """Steps 1-3 of the module cascade."""
    if parse is None or not any(_attendance(e) for e in events):
        return tuple(events)
    found = _occasions(timexes, parse, frozenset(load("participants", data_dir)["gathering_nouns"]))
    out = []
    for ev in events:
        month = ev.when.value if ev.when is not None and ev.when.value else ""
        fits = [t for t in found if t.value.startswith(month)]
        if _attendance(ev) and len(found) == 1 and fits:
            ev = replace(ev, when=When(fits[0].value[:10], G.DAY, fits[0].text))
        out.append(ev)
    return tuple(out)
