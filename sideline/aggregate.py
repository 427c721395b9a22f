"""Counts of ledger events, by month, year, dyad, country, type and status: what
``sideline counts`` prints and ``LedgerDB.counts`` returns.

An event counts once in each group it falls in, under its ledger values (the consensus status,
the best date, the participants with one code each): a month is the month of a date known to
the day, week or month (``None`` for a season, a year or no date); a dyad is a pair of
participants as the exports pair them (:func:`sideline.export.codes.split`), each standing for
its country, else its organisation's code, the two in alphabetical order (``RUS-USA``), so a
meeting of three counts in three dyads; a country is each participant country. Filters select
the events whose mentions pass them (as ``events`` selects mentions); ``mentions`` counts those
passing mentions.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import Any

import pyarrow as pa

from .errors import E, QueryError
from .export.codes import dyads, side_of, split_event
from .ledger.dates import parse_value
from .records import Event, Granularity

__all__ = ["Counts", "CountRow", "KEYS", "check_by", "count", "event_keys"]

_FINE = (Granularity.TIME, Granularity.DAY, Granularity.WEEK, Granularity.MONTH)


def _first_day(event: Any) -> tuple[date, Granularity] | None:
    parsed = parse_value(event.date) if event.date else None
    return (date.fromordinal(parsed[0][0]), parsed[1]) if parsed else None


def _month(event: Any) -> list[str | None]:
    found = _first_day(event)
    return [found[0].strftime("%Y-%m") if found and found[1] in _FINE else None]


def _year(event: Any) -> list[str | None]:
    found = _first_day(event)
    return [str(found[0].year) if found else None]


def _dyad(event: Any) -> list[str | None]:
    pairs = {"-".join(sorted((a, b))) for x, y in dyads(split_event(event))
             if (a := side_of(x)) and (b := side_of(y))}
    return sorted(pairs) or [None]


def _country(event: Any) -> list[str | None]:
    return sorted({a.country for a in event.participants if a.country}) or [None]


#: what events can be counted by, and the values one event takes
KEYS: dict[str, Callable[[Any], list[str | None]]] = {
    "month": _month, "year": _year, "dyad": _dyad, "country": _country,
    "type": lambda e: [e.type.value], "status": lambda e: [e.status.value],
}


def check_by(by: Any) -> tuple[str, ...]:
    """``by`` as a tuple of keys (a list, or one string with commas); an unknown key is a
    :class:`QueryError` (E315)."""
    items = by.split(",") if isinstance(by, str) else by
    if not isinstance(items, (list, tuple)) or not all(isinstance(k, str) for k in items):
        raise QueryError(E.E315, name=by, known=", ".join(KEYS))
    keys = tuple(dict.fromkeys(k.strip() for k in items if k.strip()))
    unknown = [k for k in keys if k not in KEYS]
    if unknown or not keys:
        raise QueryError(E.E315, name=unknown[0] if unknown else by, known=", ".join(KEYS))
    return keys


@dataclass(frozen=True)
class CountRow:
    """One group: its key values (None: the event has none), its events and mentions."""

    keys: tuple[str | None, ...]
    events: int
    mentions: int


@dataclass(frozen=True)
class Counts:
    """Events counted by the keys ``by``; ``rows`` in key order (None last); ``events``: how
    many events were counted (each once, though it may fall in several rows)."""

    by: tuple[str, ...]
    rows: tuple[CountRow, ...]
    events: int = 0

    def __iter__(self) -> Iterator[CountRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """One dict per row: the keys, ``events`` and ``mentions``."""
        return [dict(zip(self.by, r.keys)) | {"events": r.events, "mentions": r.mentions} for r in self.rows]

    def to_json(self) -> dict[str, Any]:
        return {"by": list(self.by), "events": self.events, "rows": self.records()}

    def to_arrow(self) -> pa.Table:
        """The rows as an Arrow table (``.to_pandas()``, ``duckdb.sql("... FROM t")``, polars)."""
        columns = {k: pa.array([r.keys[i] for r in self.rows], pa.string()) for i, k in enumerate(self.by)}
        columns["events"] = pa.array([r.events for r in self.rows], pa.int64())
        columns["mentions"] = pa.array([r.mentions for r in self.rows], pa.int64())
        return pa.table(columns)


def event_keys(event: Any, by: Sequence[str]) -> list[tuple[str | None, ...]]:
    """Every group (a tuple of key values) one ledger event falls in."""
    return list(product(*(KEYS[k](event) for k in by)))


def count(view: Any, by: Sequence[str], mentions: Iterable[Event]) -> Counts:
    """Count the events of ``view`` (a :class:`~sideline.export.view.LedgerView`) that the
    ``mentions`` belong to, by ``by``."""
    passing: dict[str, tuple[Any, int]] = {}
    for m in mentions:
        event = view.event_of(m)
        if event is not None:
            seen = passing.get(event.event_id)
            passing[event.event_id] = (event, (seen[1] if seen else 0) + 1)
    groups: dict[tuple, list[int]] = {}
    for event, n in passing.values():
        for key in event_keys(event, by):
            tally = groups.setdefault(key, [0, 0])
            tally[0] += 1
            tally[1] += n
    order = sorted(groups, key=lambda k: tuple((v is None, v or "") for v in k))
    return Counts(tuple(by), tuple(CountRow(k, *groups[k]) for k in order), len(passing))
