"""The ledger: one real-world engagement across many reports, and the story of its claims.

An :class:`~sideline.records.Event` is one claim in one article (a *mention*). The ledger
links mentions of the same engagement into a :class:`LedgerEvent` (see
:mod:`sideline.ledger.link` for how, :mod:`sideline.ledger.story` for the status rules).

Linking is deterministic and order-free: the clusters of a block depend only on the set of
mentions in it, and an event's id is ``ev-`` + a hash of its smallest mention id. Adding
mentions re-links only the stretches of time they fall in (runs of overlapping dates in
their block), so adding in batches gives exactly what adding everything at once gives.
An event's id changes when a mention with a smaller id joins it: :meth:`Ledger.add`
returns the ids of every event it touched, old and new, for the store to update.

    ledger = Ledger()
    ledger.add(events, published={"seed-004": "2024-09-27"})
    for ev in ledger.events(): ...
    ledger.assignments()   # mention_id -> event_id
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

from .learned import Enricher
from .link import Item, Linker, event_id_for
from .story import (ClaimEntry, best_date, best_place, best_type, claim_entry, consensus,
                           participants, timeline_key)
from .dates import as_date
from ..records import Actor, Event, EventType, Granularity, Status, Where

__all__ = ["Ledger", "LedgerEvent", "ClaimEntry", "link", "event_id_for", "ledger_events"]


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    """One real-world engagement, as every linked claim tells it."""

    event_id: str
    type: EventType
    participants: tuple[Actor, ...]  # visit: visitor first, then host
    place: Where | None
    date: str | None  # the best date (TIMEX3-style) ...
    granularity: Granularity | None  # ... and how precise it is
    status: Status  # the consensus status
    contradiction: bool
    rule: str  # why this status and this date
    n_mentions: int
    n_sources: int  # distinct sources (distinct articles when sources are not known)
    n_articles: int
    first_seen: date | None  # earliest and latest publication date of its articles
    last_seen: date | None
    timeline: tuple[ClaimEntry, ...]  # the claims in date order
    articles: tuple[str, ...]
    mention_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        place = self.place.to_json() if self.place else None
        return {
            "event_id": self.event_id, "type": self.type.value,
            "participants": [a.to_json() | {"kind": a.kind} for a in self.participants],
            "location": place, "date": self.date,
            "date_granularity": self.granularity.value if self.granularity else None,
            "status": self.status.value, "contradiction": self.contradiction, "rule": self.rule,
            "n_mentions": self.n_mentions, "n_sources": self.n_sources, "n_articles": self.n_articles,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "timeline": [c.to_json() for c in self.timeline],
            "articles": list(self.articles), "mention_ids": list(self.mention_ids),
        }


class Ledger:
    """Mentions in, linked events out; ``add`` as often as you like."""

    def __init__(self, data_dir: str | None = None) -> None:
        self._linker = Linker(data_dir)
        self._events: dict[str, Event] = {}  # mention_id -> Event
        self._items: dict[str, Item] = {}
        self._blocks: dict[tuple[str, ...], list[str]] = {}  # block -> mention ids
        self._by_article: dict[str, list[str]] = {}
        self._clusters: dict[tuple[str, ...], list[tuple[str, ...]]] = {}  # block -> clusters
        self._published: dict[str, date | None] = {}
        self._sources: dict[str, str] = {}
        self._cache: dict[tuple[str, ...], LedgerEvent] = {}

    def __len__(self) -> int:
        return len(self._events)

    # -- adding -----------------------------------------------------------------------------
    def add(self, events: Iterable[Event], published: Mapping[str, date | str | None] | None = None,
            sources: Mapping[str, str] | None = None) -> set[str]:
        """Add mentions (and their articles' publication dates); returns the touched event ids.

        ``published`` maps article id -> publication date (a date or ISO string);
        ``sources`` optionally maps article id -> source name for ``n_sources``.
        Adding a mention twice is a no-op.
        """
        dirty = self._update_published(published or {})  # mention ids whose dates moved
        if sources and any(self._sources.get(a) != s for a, s in sources.items()):
            self._sources.update(sources)
            self._cache.clear()  # n_sources may change anywhere
        for ev in events:
            mid = ev.mention_id
            if mid not in self._events:
                self._store(ev, mid)
                dirty.add(mid)
        touched = {self._items[mid].block for mid in dirty}
        old = {event_id_for(c) for b in touched for c in self._clusters.get(b, ())}
        for block in touched:
            self._relink(block, dirty)
        return old | {event_id_for(c) for b in touched for c in self._clusters[b]}

    def _update_published(self, published: Mapping[str, date | str | None]) -> set[str]:
        touched = set()
        for article, value in published.items():
            value = as_date(value)
            if article in self._published and self._published[article] == value:
                continue
            self._published[article] = value
            for mid in self._by_article.get(article, ()):
                ev = self._events[mid]
                self._items[mid] = self._linker.item(ev, value, mid)
                touched.add(mid)
        return touched

    def _relink(self, block: tuple[str, ...], dirty: set[str]) -> None:
        """Re-cluster the runs of a block that hold a new or changed mention; keep the rest."""
        old = {mid: c for c in self._clusters.get(block, ()) for mid in c}
        out: list[tuple[str, ...]] = []
        for run in self._linker.segments(self._items[mid] for mid in self._blocks[block]):
            mids = {it.mid for it in run}
            kept = {old[m] for m in mids if m in old}
            if mids & dirty or len(old.keys() & mids) < len(mids) or any(set(c) - mids for c in kept):
                out += self._linker.cluster_run(run)
            else:
                out += kept
        new = set(out)
        for c in set(old.values()):
            if c not in new or dirty.intersection(c):
                self._cache.pop(c, None)
        self._clusters[block] = sorted(out)

    def seed(self, clusters: Iterable[Sequence[Event]],
             published: Mapping[str, date | str | None] | None = None) -> None:
        """Load clusters an earlier ledger made (e.g. read back from the store) without re-linking.

        Later ``add`` calls re-link only the blocks they touch, so seeding with a ledger's own
        clusters and adding gives what adding everything at once gives.
        """
        for k, v in (published or {}).items():
            self._published[k] = as_date(v)
        for cluster in clusters:
            by_block: dict[tuple[str, ...], set[str]] = {}
            for ev in cluster:
                mid = ev.mention_id
                if mid not in self._events:
                    self._store(ev, mid)
                by_block.setdefault(self._items[mid].block, set()).add(mid)
            for block, mids in by_block.items():
                self._clusters.setdefault(block, []).append(tuple(sorted(mids)))

    def _store(self, ev: Event, mid: str) -> Item:
        self._events[mid] = ev
        item = self._items[mid] = self._linker.item(ev, self._published.get(ev.article), mid)
        self._blocks.setdefault(item.block, []).append(mid)
        self._by_article.setdefault(ev.article, []).append(mid)
        return item

    # -- reading ----------------------------------------------------------------------------
    def clusters(self) -> list[tuple[str, ...]]:
        """Every cluster as a sorted tuple of mention ids, sorted."""
        return sorted(c for cs in self._clusters.values() for c in cs)

    def assignments(self) -> dict[str, str]:
        """mention_id -> event_id for every mention added."""
        return {mid: event_id_for(c) for c in self.clusters() for mid in c}

    def linked(self) -> list[Event]:
        """Every mention, with ``event_id`` set, sorted by (event_id, mention_id)."""
        out = [replace(self._events[mid], event_id=event_id_for(c))
               for c in self.clusters() for mid in c]
        return sorted(out, key=lambda e: (e.event_id, e.mention_id))

    def events(self) -> list[LedgerEvent]:
        """Every ledger event, by date then id (events without a date last)."""
        out = [self.event_of(c) for c in self.clusters()]
        return sorted(out, key=lambda e: (e.date is None, e.date or "", e.event_id))

    def get(self, event_id: str) -> LedgerEvent | None:
        for c in self.clusters():
            if event_id_for(c) == event_id:
                return self.event_of(c)
        return None

    def event_of(self, cluster: tuple[str, ...]) -> LedgerEvent:
        if cluster not in self._cache:
            self._cache[cluster] = self._build(cluster)
        return self._cache[cluster]

    def _build(self, cluster: tuple[str, ...]) -> LedgerEvent:
        events = [self._events[mid] for mid in cluster]
        claims = sorted((claim_entry(self._events[mid], mid, self._published.get(self._events[mid].article))
                         for mid in cluster), key=timeline_key)
        people = participants(events, self._items[cluster[0]].block)
        sides = frozenset(s for a in people for s in (a.country, a.name) if s)
        status, rule, contradiction = consensus(claims, sides)
        value, gran, date_rule = best_date(claims)
        articles = tuple(sorted({e.article for e in events}))
        seen = sorted(d for a in articles if (d := self._published.get(a)) is not None)
        sources = {self._sources.get(a, a) for a in articles}
        return LedgerEvent(
            event_id=event_id_for(cluster), type=best_type(events), participants=people,
            place=best_place(events), date=value, granularity=gran, status=status,
            contradiction=contradiction, rule=f"{rule}. Date: {date_rule}.",
            n_mentions=len(cluster), n_sources=len(sources), n_articles=len(articles),
            first_seen=seen[0] if seen else None, last_seen=seen[-1] if seen else None,
            timeline=tuple(claims), articles=articles, mention_ids=cluster)


def link(new_mentions: Iterable[Event], existing_clusters: Iterable[Sequence[Event]] = (),
         published: Mapping[str, date | str | None] | None = None) -> list[tuple[Event, ...]]:
    """Link new mentions into existing clusters; returns every cluster, ``event_id`` set.

    ``existing_clusters`` are clusters an earlier call (or ledger) made; only the blocks the
    new mentions fall in are re-linked, and the result equals linking everything at once.
    ``published`` maps article id -> publication date for old and new articles.
    """
    ledger = Ledger()
    ledger.seed(existing_clusters, published)
    ledger.add(new_mentions, published)
    grouped: dict[str, list[Event]] = {}
    for ev in ledger.linked():
        grouped.setdefault(ev.event_id, []).append(ev)
    return [tuple(grouped[k]) for k in sorted(grouped)]


def ledger_events(store: Any, events: Iterable[Event] | None = None,
                  sources: Mapping[str, str] | None = None) -> list:
    """The ledger's events (one per real-world event, with its claims), from the clusters the
    store already holds (``extract`` linked them); only mentions never linked are linked here,
    their participants completed as the link step would (:mod:`sideline.ledger.learned`).
    ``events``: the store's mentions when already read; ``sources``: article id -> outlet, for
    ``n_sources``."""
    clusters: dict[str, list[Event]] = {}
    unlinked: list[Event] = []
    for ev in store.events() if events is None else events:
        if ev.event_id:
            clusters.setdefault(ev.event_id, []).append(ev)
        else:
            unlinked.append(ev)
    ledger = Ledger()
    published = store.published_dates()
    ledger.seed(clusters.values(), published=published)
    if sources:
        ledger.add((), sources=sources)
    if unlinked:
        enrich = Enricher.load(store.learned_roles())
        ledger.add([enrich(ev, published.get(ev.article)) for ev in unlinked], published=published)
    return ledger.events()
