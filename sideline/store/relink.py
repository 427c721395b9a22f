"""The link step, incremental: a run pays for what it adds, not for the size of the ledger.

What the ledger must hold after any sequence of runs is what one run over the same articles
gives: every mention's participants completed with the roles the whole corpus taught
(:mod:`sideline.ledger.learned`), and its event id from the clusters the
:class:`~sideline.ledger.link.Linker` makes of every mention (:mod:`sideline.ledger.link`).
Both are local, and the store keeps an index of where each mention sits
(:mod:`sideline.store.links`), so a run recomputes only what its articles can change:

1. **roles**: learned rows not yet applied get their keys (name, surname, place:
   :func:`~sideline.ledger.learned.row_keys`), which are recorded as changed;
2. **participants**: the mentions never linked, and the linked ones whose participants read
   a changed key within the window of their article's date, are completed again with a book
   of just the rows that serve their keys (which completes them as the book of every row
   would). A mention whose block or participants change records its old and new *span*
   (block, interval);
3. **clusters**: in each block with a changed span, the mentions are split into runs of
   chained intervals (:meth:`Linker.segments`); a cluster never crosses runs and a run's
   clusters depend on that run alone, so only the runs that overlap a changed span are
   clustered again (a run that gained, lost or changed a mention always does), and only the
   event ids that moved are written.

Each step commits what it did and leaves what is left recorded, so a step killed anywhere is
finished by the next run. A ledger of an older schema, or one ``reset``, is linked whole once.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

from .. import lexicons
from ..knowledge.people import Knowledge
from ..ledger.learned import WINDOW_DAYS, Enricher, RoleBook, lookup_key, row_keys
from ..ledger.link import Linker, event_id_for
from .links import SEP

__all__ = ["relink", "SEP"]

CHUNK = 20_000  # mentions completed per transaction
BLOCKS = 5_000  # blocks clustered per transaction


class _Span(NamedTuple):
    """A mention's place in its block, as :meth:`Linker.segments` reads it."""

    mid: str
    lo: int
    hi: int


def relink(store: Any, data_dir: str | os.PathLike | None = None, *, reset: bool = False) -> int:
    """Bring the store's participants and event ids up to date; returns the number of events.

    ``reset`` forgets every link state first, so the whole ledger is linked again (after
    changing the data files that linking reads, for instance).
    """
    data = str(data_dir) if data_dir else None
    linker = Linker()  # the packaged event types, as the ledger's readers use (ledger_events)
    kb = Knowledge.load(data)
    shared = tuple(lexicons.load("titles", data).get("shared_roles", ()))
    if reset:
        store.link_reset()
    store.link_key_roles(row_keys)
    todo = store.link_todo(WINDOW_DAYS)
    for i in range(0, len(todo), CHUNK):
        _complete(store, todo[i:i + CHUNK], linker, kb, shared)
    store.link_done_keys()
    while blocks := store.link_dirty_blocks(BLOCKS):
        _cluster(store, blocks, linker)
    return store.n_events()


def _book(store: Any, rows: Sequence) -> RoleBook:
    """A book of the learned rows that the participants of ``rows`` can read."""
    names, places, days = set(), set(), []
    for r in rows:
        if r.published is None:
            continue  # an article without a date is never completed
        keys = {k for a in r.event.actors if (k := lookup_key(a))}
        names |= {k for k in keys if k.startswith("n:")}
        places |= {k for k in keys if k.startswith("p:")}
        if keys:
            days.append(r.published)
    if not days:
        return RoleBook()
    return RoleBook.from_rows(store.link_roles(names, places, _shift(min(days), -WINDOW_DAYS),
                                               _shift(max(days), WINDOW_DAYS)))


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _complete(store: Any, mention_ids: Sequence[str], linker: Linker, kb: Knowledge,
              shared: Sequence[str]) -> None:
    """Complete the participants of ``mention_ids`` and store each one's new link state."""
    rows = list(store.link_rows(mention_ids))
    enrich = Enricher(_book(store, rows), kb, shared)
    states, spans, changed, names = [], [], {}, set()
    for r in rows:
        ev, mid = r.event, r.event.mention_id
        done = enrich(ev, r.published)
        linked = done.actors if done.actors != ev.actors else None
        if r.block is not None and linked == r.linked:
            continue  # read a changed key, but nothing changed
        item = linker.item(done, r.published, mid)
        block = SEP.join(item.block)
        keys = sorted({k for a in ev.actors if (k := lookup_key(a))})
        states.append((mid, block, item.lo, item.hi, keys))
        spans.append((block, item.lo, item.hi))
        if r.block is not None:
            spans.append((r.block, r.lo, r.hi))
        if linked != r.linked:
            changed[mid] = linked
            names |= {a.name for a in r.linked or ev.actors} | {a.name for a in linked or ev.actors}
    store.link_save_states(states, spans, changed, names)


def _cluster(store: Any, blocks: dict[str, list[tuple[int, int]]], linker: Linker) -> None:
    """Cluster again the runs of ``blocks`` that overlap their changed spans; store the ids
    that moved."""
    members: dict[str, list[_Span]] = {}
    for block, mid, lo, hi in store.link_members(list(blocks)):
        members.setdefault(block, []).append(_Span(mid, lo, hi))
    todo: list[str] = []
    for block, spans in members.items():
        changed = blocks[block]
        for run in Linker.segments(spans):
            lo, hi = run[0].lo, max(s.hi for s in run)
            if any(a <= hi and lo <= b for a, b in changed):
                todo += [s.mid for s in run]
    items: dict[str, list] = {}
    stored: dict[str, str | None] = {}
    for r in store.link_rows(todo, linked=True):
        mid = r.event.mention_id
        item = linker.item(r.event, r.published, mid)
        items.setdefault(SEP.join(item.block), []).append(item)
        stored[mid] = r.event_id
    changes = {}
    for block_items in items.values():
        for cluster in linker.cluster(block_items):
            event_id = event_id_for(cluster)
            changes.update({mid: event_id for mid in cluster if stored[mid] != event_id})
    store.link_save_ids(changes, list(blocks))
