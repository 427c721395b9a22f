"""A visit dated by a line that places its visitor in the host country on a day.

"Norway - Chilean President Rosa Ibarra meets with members of the Chilean community in
Oslo, May 4, 2022." (a photo caption) ... "Ibarra answered the question at the start of an
official visit to Norway." The visit's own sentence gives no date,
but the caption puts the visitor in a city of the host country on a stated day: the visit
was under way that day.

Cascade of :func:`presence_dates`, for each visit that occurred and is still undated:

1. the sentence (a caption, a dateline, a one-line paragraph) of a full date the text writes out
   with its digits ("October 3, 2021", not "on Sunday"), not after the publication date,
2. names the visitor (a person mention of the same person)
3. and a place of the visit's host country (a place mention whose country is the host's);
4. the first such sentence dates the visit to that day. Else the visit stays undated (a visit
   with date words of its own, "in 1972", keeps what they give).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ...records import Event, EventType, Granularity as G, Mention, Status, Timex, When
from .timexes import as_day

__all__ = ["presence_dates"]


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of the line around [start, end)."""
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    stops = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    return a, (min(stops) if stops else len(text))


def _placed(ev: Event, t: Timex, text: str, mentions: Sequence[Mention]) -> bool:
    """Steps 2-3: the line of ``t`` names the visitor and a place of the host country."""
    a, b = _line(text, t.span.start, t.span.end)
    inside = [m for m in mentions if a <= m.span.start < b and m.actor is not None]
    visitor, host = ev.actors[0], next((x.country for x in ev.actors[1:] if x.country), None)
    return host is not None and any(m.actor.kind == "person" and m.actor.name == visitor.name for m in inside) \
        and any(m.label == "GPE" and m.actor.country == host for m in inside)


def presence_dates(events: Sequence[Event], text: str, timexes: Sequence[Timex], mentions: Sequence[Mention],
                   published: date | None) -> tuple[Event, ...]:
    """Steps 1-4 of the module cascade."""
    written = [t for t in timexes if t.granularity in (G.DAY, G.TIME) and re.search(r"\d", t.text)
               and (d := as_day(t.value)) is not None and (published is None or d <= published)]
    out = []
    for ev in events:
        if ev.type is EventType.VISIT and ev.status is Status.OCCURRED and ev.actors \
                and ev.actors[0].kind == "person" and not (ev.when is not None and (ev.when.value or ev.when.text)):
            t = next((t for t in written if _placed(ev, t, text, mentions)), None)
            if t is not None:
                ev = replace(ev, when=When(t.value[:10], G.DAY, t.text))
        out.append(ev)
    return tuple(out)
