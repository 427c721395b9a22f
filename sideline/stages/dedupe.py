"""The dedupe stage: one claim per engagement per article, once dates and places are known.

The events stage keeps two claims about the same people apart when their sentences name
different places and different dates ("met in Geneva in January 2022" ... "met on the
sidelines of a G-20 meeting in New Delhi early last month"), because it cannot yet tell a
restatement from a second engagement. Once the time and place stages have resolved them,
this stage merges the claims that turn out to be one:

1. claims are compared in text order with the ones already kept;
2. a claim joins a kept one of the same type, coarse status and participants (and the same
   ``events.merge.merge_key``) when their dates are compatible (equal, one
   containing the other, or one unknown) and their places are compatible (the same place,
   the same country, or one unknown);
3. the kept claim takes the joining claim's attribution when it had none, and its date or
   place when it had none;
4. a claim that tells the same meeting as a kept one (same type, status, compatible date and
   place) while naming a country where the kept one names its official, or three or more of
   the same persons, joins it, and the kept claim takes the participants of both.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Actor, Document, Event, EventType, When, Where
from .events.merge import merge_key

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


class Dedupe:
    name = "dedupe"
    requires = ("events.when", "events.where")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        kept: list[Event] = []
        for ev in doc.events:
            i = next((i for i, k in enumerate(kept) if _same_claim(k, ev)), None)
            if i is None:
                i = next((i for i, k in enumerate(kept) if _covers(k, ev) or _covers(ev, k)), None)
                if i is not None:  # step 4: the fuller telling's participants
                    kept[i] = _join(replace(kept[i], actors=_fuller(kept[i], ev)), ev)
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
            or merge_key(big)[:2] != merge_key(small)[:2] or not _dates_agree(big.when, small.when) \
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
