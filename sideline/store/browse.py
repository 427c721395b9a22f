"""The store's reads for browsing (the web pages): a page of mentions narrowed in SQL and its
total, the keys the filters are decided on, one article, and one actor's counterparts and months.

The filters themselves are decided in Python (:mod:`sideline.query`, one place): the query
layer reads the distinct keys a filter looks at (participants, places, dates), decides which
keys pass, and hands the store a :class:`Narrow` whose sets are exactly those keys, so that
SQL can select, count and page the mentions without reading the rest of the ledger.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..codec import article_from_row, mention_from_row
from ..records import Article, Event

__all__ = ["Narrow", "participant_keys", "place_keys", "date_keys", "mentions", "count",
           "mentions_of_events", "articles", "article", "roster", "actor_row", "actor_scope", "actor_roles", "actor_event_ids",
           "counterparts", "ties", "actor_months", "key"]

_NOW = "coalesce(linked_actors, actors)"
_ORDER = "ORDER BY article_id, evidence_start, position, mention_id"
#: one participant as a key string: name, mention, country, code (what the actor filters read)
_KEY = "concat_ws(chr(31), a.name, coalesce(a.mention, ''), coalesce(a.country, ''), coalesce(a.code, ''))"
_PLACE = ("concat_ws(chr(31), coalesce(location.name, ''), coalesce(location.venue, ''), "
          "coalesce(location.occasion, ''), coalesce(location.country, ''))")
_DATE = "concat_ws(chr(31), date, coalesce(date_end, ''))"
_SELECT = f"SELECT * REPLACE ({_NOW} AS actors) FROM mentions"


def key(*parts: str | None) -> str:
    """The key string of a participant (name, mention, country, code), a place (name, venue,
    occasion, country) or a date (value, end value), as the SQL above makes it."""
    return "\x1f".join(p or "" for p in parts)


@dataclass(frozen=True)
class Narrow:
    """What SQL keeps: each set holds the keys that pass one filter (None: no such filter)."""

    actor: frozenset[str] | None = None  # participant keys matching the actor
    with_: frozenset[str] | None = None  # participant keys matching the other participant
    dates: frozenset[str] | None = None  # date keys whose span meets the window
    places: frozenset[str] | None = None  # place keys matching the place
    statuses: tuple[str, ...] | None = None
    type: str | None = None
    article: str | None = None
    event_id: str | None = None
    words: tuple[str, ...] = ()  # lower-cased, accent-stripped words the evidence must hold

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause (or "") and its parameters."""
        tests: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            tests.append(f"len(list_filter({_NOW}, lambda a: list_contains(?, {_KEY}))) > 0")
            params.append(sorted(self.actor))
        if self.with_ is not None:
            tests.append(f"len(list_filter({_NOW}, lambda a: list_contains(?, {_KEY}) "
                         f"AND NOT list_contains(?, {_KEY}))) > 0")
            params += [sorted(self.with_), sorted(self.actor or ())]
        for column, values in ((_DATE, self.dates), (_PLACE, self.places), ("status", self.statuses)):
            if values is not None:
                tests.append(f"list_contains(?, {column})")
                params.append(sorted(values))
        for column, value in (("type", self.type), ("article_id", self.article), ("event_id", self.event_id)):
            if value is not None:
                tests.append(f"{column} = ?")
                params.append(value)
        for word in self.words:
            tests.append("contains(lower(strip_accents(evidence_text)), ?)")
            params.append(word)
        return ("WHERE " + " AND ".join(tests)) if tests else "", params


def _rows(store, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    return store._rows(sql, params)  # noqa: SLF001 (the store package's own reader)


def _all(store, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    return store._con.execute(sql, list(params)).fetchall()  # noqa: SLF001


def _kept(store, name: str, sql: str) -> list[tuple]:
    """A list of keys, read once per read-only store (no one can write while it is open, so
    it cannot go stale); a writable store reads it every time."""
    if not getattr(store, "read_only", False):
        return _all(store, sql)
    cache = store.__dict__.setdefault("_browse_keys", {})
    if name not in cache:
        cache[name] = _all(store, sql)
    return cache[name]


def participant_keys(store) -> list[tuple[str, str, str | None, str | None]]:
    """Every distinct participant (name, mention, country, code) of the ledger."""
    return _kept(store, "participants", f"SELECT DISTINCT a.name, a.mention, a.country, a.code "
                                        f"FROM (SELECT unnest({_NOW}) AS a FROM mentions)")


def place_keys(store) -> list[tuple[str | None, ...]]:
    """Every distinct place (name, venue, occasion, country) of the ledger."""
    return _kept(store, "places", "SELECT DISTINCT location.name, location.venue, location.occasion, "
                                  "location.country FROM mentions WHERE location IS NOT NULL")


def date_keys(store) -> list[tuple[str, str | None]]:
    """Every distinct date (value, end value) of the ledger's mentions that have one."""
    return _kept(store, "dates", "SELECT DISTINCT date, date_end FROM mentions WHERE has_when AND date IS NOT NULL")


def mentions(store, narrow: Narrow, offset: int = 0, limit: int | None = None) -> Iterator[Event]:
    """The mentions ``narrow`` keeps, in ledger order, from ``offset``, at most ``limit``."""
    where, params = narrow.sql()
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    for row in _rows(store, f"{_SELECT} {where} {_ORDER}{page}", params):
        yield mention_from_row(row)


def count(store, narrow: Narrow) -> int:
    where, params = narrow.sql()
    return int(_all(store, f"SELECT count(*) FROM mentions {where}", params)[0][0])


def mentions_of_events(store, event_ids: Iterable[str]) -> list[Event]:
    """The mentions of these events (a mention never linked: by its own id), in ledger order."""
    ids = sorted(set(event_ids))
    if not ids:
        return []
    return [mention_from_row(r) for r in _rows(
        store, f"{_SELECT} WHERE list_contains(?, coalesce(event_id, mention_id)) {_ORDER}", [ids])]


def articles(store, article_ids: Iterable[str]) -> dict[str, Article]:
    """The stored articles of these ids, by id."""
    rows = _rows(store, "SELECT * FROM articles WHERE list_contains(?, id)", [sorted(set(article_ids))])
    return {r["id"]: article_from_row(r) for r in rows}


def article(store, article_id: str) -> Article | None:
    rows = list(_rows(store, "SELECT * FROM articles WHERE id = ?", [article_id]))
    return article_from_row(rows[0]) if rows else None


def roster(store, query: str | None, limit: int) -> list[dict[str, Any]]:
    """Rows of the ``actors`` table (name, kind, role, country, code, aliases, n_mentions), most
    mentioned first; ``query``: only those whose name or an alias holds it (case-insensitive)."""
    where = ("WHERE contains(lower(strip_accents(name)), ?) OR len(list_filter(aliases, "
             "lambda x: contains(lower(strip_accents(x)), ?))) > 0") if query else ""
    params = [query, query] if query else []
    return list(_rows(store, f"SELECT * FROM actors {where} ORDER BY n_mentions DESC, name LIMIT {int(limit)}", params))


def actor_row(store, name: str) -> dict[str, Any] | None:
    rows = list(_rows(store, "SELECT * FROM actors WHERE name = ?", [name]))
    return rows[0] if rows else None


_OF = f"list_contains(list_transform({_NOW}, lambda a: a.name), ?)"


@contextmanager
def actor_scope(store, name: str) -> Iterator[str]:
    """A temporary table (this connection's only, dropped on leaving) of the mentions ``name``
    takes part in: ``e`` (event id, or mention id if unlinked), ``status``, ``date``, ``people``.
    The questions about one actor below read it instead of the whole ledger."""
    table = f"_sideline_actor_{uuid.uuid4().hex[:12]}"
    store._con.execute(f"CREATE TEMP TABLE {table} AS SELECT coalesce(event_id, mention_id) AS e, status, date, "  # noqa: SLF001
                       f"{_NOW} AS people FROM mentions WHERE {_OF}", [name])
    try:
        yield table
    finally:
        store._con.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: SLF001


def actor_roles(store, scope: str, name: str) -> list[tuple[str, int]]:
    """The roles the mentions give ``name``, with how many mentions give each."""
    return _all(store, f"SELECT a.role, count(*) FROM (SELECT unnest(people) AS a FROM {scope}) "
                       "WHERE a.name = ? AND a.role IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", [name])


def actor_event_ids(store, scope: str, limit: int, offset: int = 0) -> tuple[int, list[str]]:
    """How many events the scope's actor takes part in, and ``limit`` of their ids, latest date first."""
    total = _all(store, f"SELECT count(DISTINCT e) FROM {scope}")
    ids = _all(store, f"SELECT e FROM {scope} GROUP BY e ORDER BY max(date) DESC NULLS LAST, e "
                      f"LIMIT {int(limit)} OFFSET {int(offset)}")
    return int(total[0][0]), [r[0] for r in ids]


def counterparts(store, scope: str, name: str, limit: int) -> list[tuple[str, int, int, str, str | None]]:
    """``name``'s counterparts: (name, events together, mentions together, the most frequent
    status of those mentions, country), most events first."""
    return _all(store, "SELECT b.name, count(DISTINCT e) AS n, count(*), mode(status), mode(b.country) "
                       f"FROM (SELECT e, status, unnest(people) AS b FROM {scope}) "
                       f"WHERE b.name <> ? GROUP BY b.name ORDER BY n DESC, b.name LIMIT {int(limit)}", [name])


def ties(store, names: Sequence[str]) -> list[tuple[str, str, int, str]]:
    """Pairs among ``names`` that share events: (a, b, events together, most frequent status)."""
    if len(names) < 2:
        return []
    return _all(store, "WITH u AS (SELECT coalesce(event_id, mention_id) AS e, status, "
                       f"unnest(list_transform({_NOW}, lambda a: a.name)) AS n FROM mentions), "
                       "k AS (SELECT * FROM u WHERE list_contains(?, n)) "
                       "SELECT x.n, y.n, count(DISTINCT x.e), mode(x.status) FROM k x JOIN k y "
                       "ON x.e = y.e AND x.n < y.n GROUP BY 1, 2 ORDER BY 1, 2", [list(names)])


def actor_months(store, scope: str) -> list[tuple[str, str, int]]:
    """(month, status, mentions) of the scope's mentions dated to a month or a day."""
    return _all(store, f"SELECT substr(date, 1, 7) AS month, status, count(*) FROM {scope} "
                       "WHERE regexp_full_match(substr(date, 1, 7), '[0-9]{4}-[0-9]{2}') GROUP BY 1, 2 ORDER BY 1, 2")
