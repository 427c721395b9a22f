"""Rows for the store: what a batch of results writes (articles, learned roles), once each.

Pure functions, no SQL: :class:`sideline.store.database.Store` plans a batch with :func:`plan` and
inserts the rows these build.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import pyarrow as pa

from ..codec import actor_to_json
from ..errors import E
from ..records import Actor, Article, Event, Reject, Result

__all__ = ["reject_key", "plan", "unique", "article_row", "top", "learned_rows", "actors_column",
           "ACTORS_ARROW"]

_ACTOR_ARROW = pa.struct([(k, pa.string()) for k in ("name", "mention", "role", "country", "code", "kind")])
#: the arrow type of an actors column (a list of actor structs)
ACTORS_ARROW = pa.list_(_ACTOR_ARROW)


def reject_key(reject: Reject) -> str:
    """One row per article (its latest reject), or per origin and code when no id is known."""
    raw = f"a|{reject.article}" if reject.article else f"o|{reject.origin}|{reject.code}"
    return "r-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def plan(results: Sequence[Result]) -> tuple[dict[str, Result], dict[str, Reject]]:
    """The articles and rejects a batch leaves, in order; the later result for an id wins."""
    articles: dict[str, Result] = {}
    rejects: dict[str, Reject] = {}
    for r in results:
        reject = r.reject if r.article is None else _unstorable(r.article)
        if r.article is not None and reject is None:
            articles[r.article.id] = r
            for key in [k for k, v in rejects.items() if v.article == r.article.id]:
                del rejects[key]
        elif reject is not None:
            rejects[reject_key(reject)] = reject
    return articles, rejects


def _unstorable(article: Article) -> Reject | None:
    """A reject for an article DuckDB cannot hold (lone surrogates are not UTF-8), else None."""
    try:
        article.text.encode("utf-8")
    except UnicodeEncodeError as err:
        return Reject(origin=article.origin or article.id, code="E206",
                      reason=E.E206.format(reason=str(err)), article=article.id)
    return None


def unique(events: Iterable[Event]) -> list[Event]:
    """The events with distinct mention ids (the first of each), in their order."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.mention_id, e)
    return list(seen.values())


def article_row(r: Result, run_id: str | None, first_seen: datetime, now: datetime) -> dict:
    a = r.article
    return {"id": a.id, "text_hash": a.text_hash, "text": a.text, "published": a.published,
            "published_from": a.published_from, "url": a.url, "title": a.title,
            "source": a.source, "origin": a.origin, "notes": list(r.notes),
            "n_events": len(unique(r.events)), "run_id": run_id, "first_seen": first_seen,
            "updated": now}


def top(counts: Mapping[Any, int] | None) -> Any:
    """The most common non-null value; ties go to the smallest, so the choice is stable."""
    values = [(-n, v) for v, n in (counts or {}).items() if v is not None]
    return min(values)[1] if values else None


def learned_rows(results: Sequence[Result]) -> list[dict[str, Any]]:
    """One row per (name, role, place) an article stated, once per article."""
    rows: dict[tuple, dict[str, Any]] = {}
    for r in results:
        for name, role, place, seen_on in r.learned:
            if name and role:
                key = (name, role, place or "", r.article.id)
                rows.setdefault(key, {"name": name, "role": role, "place": place or "",
                                      "seen_on": seen_on, "article_id": r.article.id})
    return list(rows.values())


def actors_column(mapping: Mapping[str, Sequence[Actor] | None]) -> pa.Table:
    """``{mention_id: actors or None}`` as an arrow table (mention_id, actors) for an UPDATE."""
    return pa.table({
        "mention_id": pa.array(list(mapping), pa.string()),
        "actors": pa.array([None if v is None else [actor_to_json(a, full=True) for a in v]
                            for v in mapping.values()], ACTORS_ARROW)})
