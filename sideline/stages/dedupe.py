"""The dedupe stage: one claim per engagement per article, once dates and places are known.

The events stage keeps two claims about the same people apart when their sentences name
different places and different dates ("met in Geneva in January 2022" ... "met on the
sidelines of a G-20 meeting in New Delhi early last month"), because it cannot yet tell a
restatement from a second engagement. Once the time and place stages have resolved them,
this stage merges the claims that turn out to be one:

1. claims are compared in text order with the ones already kept;
2. a claim joins a kept one of the same type, coarse status and participants (and the same
   ``events._merge_key``) when their dates are compatible (equal, one
   containing the other, or one unknown) and their places are compatible (the same place,
   the same country, or one unknown);
3. the kept claim takes the joining claim's attribution when it had none, and its date or
   place when it had none.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Document, Event, When, Where
from .events import _merge_key

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
    return (a.trigger != b.trigger and a.type is b.type and _merge_key(a) == _merge_key(b)
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
                kept.append(ev)
            else:
                kept[i] = _join(kept[i], ev)
        return doc.with_(events=tuple(kept))
