"""Questions the web pages ask of the ledger, answered without reading all of it: a page of
filtered mentions with its total, one article with the mentions it holds, one actor's profile
(roles, engagements, months, counterparts and the ties among them) and the actor roster.

Filters mean what they mean for ``LedgerDB.events`` (:class:`~sideline.query.EventFilter`,
decided in Python, one place): :func:`narrowing` reads the distinct participants, places and
dates of the ledger, keeps those the filter's own checks pass, and gives the store a
:class:`~sideline.store.browse.Narrow` that selects exactly the mentions they pass. A filter
it does not know is checked in Python over what the others leave.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .codec import event_to_json
from .query import (ActorSummary, EventClaims, EventFilter, bundle, check_limit, dates_match, names_match,
                    place_match, story_groups, words)
from .query.actors import _knowledge, _known
from .records import Actor, Article, Event, Reject, Status, When, Where
from .store import browse as sql

__all__ = ["Page", "StoryPage", "ArticleView", "ActorProfile", "narrowing", "page", "story", "articles", "article",
           "actor", "roster"]

#: the filters :func:`narrowing` turns into SQL; any other is checked in Python
NARROWED = frozenset({"actor", "with_", "since", "until", "status", "type", "place", "article", "text"})


_kb = lru_cache(maxsize=1)(_knowledge)  # the packaged knowledge file, read once per process


@dataclass(frozen=True)
class Page:
    """One page of the mentions a filter keeps: ``total`` of them, these from ``offset``."""

    total: int
    offset: int
    limit: int
    events: tuple[Event, ...]

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit,
                "events": [event_to_json(e) for e in self.events]}


def _participants(store, flt: EventFilter) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if not (flt.actor or flt.with_):
        return None, None
    people = [(k, Actor(k[0], k[1] or "", None, k[2], k[3])) for k in sql.participant_keys(store)]
    a = frozenset(sql.key(*k) for k, p in people if names_match(flt.actor, p)) if flt.actor else None
    b = frozenset(sql.key(*k) for k, p in people if names_match(flt.with_, p)) if flt.with_ else None
    return a, b


def _statuses(status: Status | None) -> tuple[str, ...] | None:
    if status is None:
        return None
    return tuple(s.value for s in Status if status in (s, s.coarse))


def narrowing(store, flt: EventFilter) -> tuple[sql.Narrow, bool]:
    """The store's narrowing for ``flt``, and whether it is exact (no filter left to Python)."""
    actor, with_ = _participants(store, flt)
    dates = places = None
    if flt.since or flt.until:
        dates = frozenset(sql.key(d, e) for d, e in sql.date_keys(store)
                          if dates_match(flt, When(d, None, None, e)))
    if flt.place:
        places = frozenset(sql.key(*k) for k in sql.place_keys(store)
                           if place_match(flt.place, Where(k[0], k[3], venue=k[1], occasion=k[2])))
    narrow = sql.Narrow(actor=actor, with_=with_, dates=dates, places=places, statuses=_statuses(flt.status),
                        type=flt.type.value if flt.type else None, article=flt.article, words=words(flt.text))
    exact = all(getattr(flt, f.name) is None for f in fields(flt) if f.name not in NARROWED)
    return narrow, exact


def page(store, flt: EventFilter | None = None, offset: int = 0, limit: int = 50) -> Page:
    """The mentions ``flt`` keeps, in ledger order: how many, and ``limit`` of them from ``offset``."""
    flt = flt or EventFilter()
    offset, limit = check_limit(offset) or 0, check_limit(limit) or 0
    narrow, exact = narrowing(store, flt)
    if exact:
        shown = [e for e in sql.mentions(store, narrow, offset, limit) if flt(e)]
        return Page(sql.count(store, narrow), offset, limit, tuple(shown))
    kept = [e for e in sql.mentions(store, narrow) if flt(e)]
    return Page(len(kept), offset, limit, tuple(kept[offset:offset + limit]))


@dataclass(frozen=True)
class StoryPage:
    """The story of a pair, a page at a time: ``total`` events in date order, these from ``offset``."""

    total: int
    offset: int
    limit: int
    events: tuple[EventClaims, ...]

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "offset": self.offset, "limit": self.limit,
                "events": [e.to_json() for e in self.events]}


def story(store, actor_a: str, actor_b: str, offset: int = 0, limit: int = 50) -> StoryPage:
    """A page of what ``LedgerDB.story`` gives: the pair's events in date order with their claims."""
    offset, limit = check_limit(offset) or 0, check_limit(limit) or 0
    flt = EventFilter(actor=actor_a, with_=actor_b)
    narrow, _ = narrowing(store, flt)
    kept = [e for e in sql.mentions(store, narrow) if flt(e)]
    groups = story_groups(kept, store.published_dates({e.article for e in kept}))
    return StoryPage(len(groups), offset, limit, tuple(bundle(store, groups[offset:offset + limit])))


def articles(store, article_ids) -> dict[str, Article]:
    """The stored articles of these ids (text as given), by id."""
    return sql.articles(store, article_ids)


@dataclass(frozen=True)
class ArticleView:
    """A stored article with the mentions it holds (evidence offsets into its text) and the
    rejects recorded for its id."""

    article: Article
    mentions: tuple[Event, ...]
    rejects: tuple[Reject, ...] = ()

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {"article": {"id": a.id, "title": a.title, "url": a.url, "source": a.source,
                            "published": a.published.isoformat() if a.published else None,
                            "published_from": a.published_from, "origin": a.origin, "text": a.text},
                "mentions": [event_to_json(e) for e in self.mentions],
                "rejects": [{"origin": r.origin, "code": r.code, "reason": r.reason, "article": r.article}
                            for r in self.rejects]}


def article(store, article_id: str) -> ArticleView | None:
    found = sql.article(store, article_id)
    if found is None:
        return None
    mentions = tuple(store.events(article=article_id))
    rejects = tuple(r for r in store.rejects() if r.article == article_id)
    return ArticleView(found, mentions, rejects)


@dataclass(frozen=True)
class ActorProfile:
    """One canonical actor: who (``summary``, with the roles its mentions give and how often),
    ``n_events`` engagements of which ``engagements`` (latest first, from ``offset``), the
    mentions per month and status, and its network: counterparts with the number of events
    shared and the most frequent status of their mentions, and the ties among them."""

    summary: ActorSummary
    roles: tuple[tuple[str, int], ...]
    n_events: int
    offset: int
    engagements: tuple[EventClaims, ...]
    months: tuple[tuple[str, str, int], ...]
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        return {"actor": self.summary.to_json(), "roles": [{"role": r, "mentions": n} for r, n in self.roles],
                "n_events": self.n_events, "offset": self.offset,
                "engagements": [e.to_json() for e in self.engagements],
                "months": [{"month": m, "status": s, "mentions": n} for m, s, n in self.months],
                "network": {"nodes": list(self.nodes), "edges": list(self.edges)}}


def _network(store, scope: str, name: str, country: str | None, size: int) -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    near = sql.counterparts(store, scope, name, size)
    nodes = [{"id": name, "country": country, "events": None, "ego": True}]
    nodes += [{"id": n, "country": c, "events": k, "ego": False} for n, k, _, _, c in near]
    edges = [{"source": name, "target": n, "events": k, "mentions": m, "status": s} for n, k, m, s, _ in near]
    edges += [{"source": a, "target": b, "events": k, "mentions": None, "status": s}
              for a, b, k, s in sql.ties(store, [n for n, *_ in near])]
    return tuple(nodes), tuple(edges)


def _summary(store, name: str, row: dict, roles) -> ActorSummary:
    from .ledger.learned import RoleBook

    book = RoleBook.from_rows(store.learned_roles())
    return ActorSummary(name=name, aliases=tuple(a for a in row["aliases"] or () if a != name),
                        roles=tuple(r for r, _ in roles), country=row["country"], code=row["code"],
                        mentions=row["n_mentions"], known=_known(_kb(), name),
                        learned=tuple(e.summary() for e in book.of(name)))


def actor(store, name: str, limit: int = 50, offset: int = 0, network: int = 30) -> ActorProfile | None:
    """The profile of the canonical actor ``name`` (exactly as the ledger spells it), or None."""
    row = sql.actor_row(store, name)
    if row is None:
        return None
    with sql.actor_scope(store, name) as scope:
        roles = tuple(sql.actor_roles(store, scope, name))
        n_events, ids = sql.actor_event_ids(store, scope, check_limit(limit) or 0, check_limit(offset) or 0)
        months = tuple(sql.actor_months(store, scope))
        nodes, edges = _network(store, scope, name, row["country"], network)
    groups: dict[str, list[Event]] = {}
    for ev in sql.mentions_of_events(store, ids):
        groups.setdefault(ev.event_id or ev.mention_id, []).append(ev)
    engagements = bundle(store, [(i, groups[i]) for i in ids if i in groups])
    return ActorProfile(_summary(store, name, row, roles), roles, n_events, offset, tuple(engagements),
                        months, nodes, edges)


def roster(store, query: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Canonical actors from the ledger's actor table (name, kind, role, country, code, aliases,
    mentions), most mentioned first; ``query``: whose name or alias holds it."""
    q = " ".join(words(query)) or None
    return [{"name": r["name"], "kind": r["kind"], "role": r["role"], "country": r["country"], "code": r["code"],
             "aliases": list(r["aliases"] or ()), "mentions": r["n_mentions"]}
            for r in sql.roster(store, q, check_limit(limit) or 0)]
