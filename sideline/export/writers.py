"""Write a store's ledger out: ``jsonl`` (FORMAT.md), ``csv`` and ``parquet``.

``export(store, format, output)`` looks the format up in :data:`WRITERS`. A writer is a
function ``(store, output: Path | None) -> Exported`` (``None``: standard output); to add a
format (``plover``, ``cameo``), write one and add it to ``WRITERS``. :func:`open_output`
gives a writer an atomically written file (or standard output).

* ``jsonl``: one line per mention, exactly :func:`sideline.codec.event_to_json` (the
  FORMAT.md fields in their order, plus ``mention_id``), UTF-8 with ``ensure_ascii=False``.
* ``csv`` and ``parquet``: a flat mention-level table (:data:`MENTION_COLUMNS`) at
  ``output``, and an event-level table (:data:`EVENT_COLUMNS`, one row per event id) beside
  it at ``output`` with ``.events`` before the suffix (``out.csv`` -> ``out.events.csv``).
  To standard output only the mention-level table is written.

Rows come in the store's order (article id, evidence start, mention id), events in order
of event id, so the same ledger always gives the same bytes. Files are written to a
temporary name and renamed, so a crash never leaves half a file under the real name.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..ledger.ledger import ledger_events
from ..codec import event_to_json, plover_of
from ..errors import E, SidelineError
from ..records import Event, Granularity
from ..store.schema import is_database

__all__ = ["export", "Exported", "WRITERS", "MENTION_COLUMNS", "EVENT_COLUMNS",
           "events_path", "open_output", "mention_row", "mention_rows", "event_rows"]


@dataclass(frozen=True)
class Exported:
    format: str
    paths: tuple[Path, ...]
    mentions: int = 0  # mention rows written
    events: int = 0  # event rows written (0 when the format has no event table)


Writer = Callable[[Any, "Path | None"], Exported]

_S, _F, _I = pa.string(), pa.float64(), pa.int64()
#: the flat mention-level table (csv, parquet): name and Arrow type
MENTION_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("article", _S), ("published", _S), ("mention_id", _S), ("event_id", _S), ("type", _S),
    ("plover", _S), ("mode", _S), ("status", _S), ("actors", _S), ("actor_mentions", _S),
    ("actor_roles", _S), ("actor_countries", _S), ("actor_codes", _S), ("date", _S),
    ("date_granularity", _S), ("date_text", _S), ("location", _S), ("location_country", _S),
    ("location_lat", _F), ("location_lon", _F), ("location_venue", _S),
    ("location_occasion", _S), ("attributed_to", _S), ("attributed_to_mention", _S),
    ("evidence", _S), ("evidence_start", _I), ("evidence_end", _I), ("confidence", _F),
)
#: the event-level table: one row per event id
EVENT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", _S), ("type", _S), ("plover", _S), ("mode", _S), ("status", _S),
    ("participants", _S), ("date", _S), ("date_granularity", _S), ("location", _S),
    ("n_mentions", _I), ("n_articles", _I), ("first_seen", _S), ("last_seen", _S),
    ("articles", _S),
)
SEP = "; "  # joins the values of a list in one flat cell


def export(store: Any, format: str, output: str | os.PathLike | None = None) -> Exported:
    """Write the ledger in ``store`` (a :class:`sideline.store.database.Store`) as ``format`` to ``output``.

    ``output`` None or ``"-"`` means standard output. A DuckDB database is never written
    over (E303); a failed write (a full disk) is E304.
    """
    writer = WRITERS.get(format)
    if writer is None:
        raise SidelineError(E.E301, format=format, known=", ".join(sorted(WRITERS)))
    path = None if output in (None, "-") else Path(output)
    for target in (path, events_path(path)) if path is not None else ():
        if is_database(target):
            raise SidelineError(E.E303, path=str(target))
    try:
        return writer(store, path)
    except BrokenPipeError:
        raise
    except OSError as err:  # a full disk, a folder we may not write to
        raise SidelineError(E.E304, path=str(output or "<stdout>"), reason=err.strerror or str(err)) from err


def events_path(output: Path) -> Path:
    """Where the event-level table goes: ``out.csv`` -> ``out.events.csv``."""
    return output.with_name(f"{output.stem}.events{output.suffix}")


@contextmanager
def open_output(path: Path | None, mode: str = "w") -> Iterator[IO]:
    """Open ``path`` for writing under a temporary name and rename it into place on success;
    ``None`` gives standard output (text or binary by ``mode``), left open."""
    if path is None:
        yield sys.stdout.buffer if "b" in mode else sys.stdout
        return
    kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
    if path.exists() and not path.is_file():  # a device or FIFO (/dev/stdout): never renamed over
        with open(path, mode, **kwargs) as fh:
            yield fh
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


# -- jsonl --------------------------------------------------------------------------------------
def write_jsonl(store: Any, output: Path | None) -> Exported:
    n = 0
    with open_output(output) as fh:
        for event in store.events():
            fh.write(json.dumps(event_to_json(event), ensure_ascii=False) + "\n")
            n += 1
    return Exported("jsonl", _paths(output), mentions=n)


# -- flat tables --------------------------------------------------------------------------------
def _join(values: Iterable[Any]) -> str:
    return SEP.join("" if v is None else str(v) for v in values)


def mention_row(event: Event, published: str | None = None) -> dict[str, Any]:
    """One flat mention-level row (:data:`MENTION_COLUMNS`)."""
    plover, mode = plover_of(event.type)
    w, c, a = event.when, event.where, event.attributed_to
    return {
        "article": event.article, "published": published, "mention_id": event.mention_id,
        "event_id": event.event_id, "type": event.type.value, "plover": plover, "mode": mode,
        "status": event.status.value,
        "actors": _join(x.name for x in event.actors),
        "actor_mentions": _join(x.mention for x in event.actors),
        "actor_roles": _join(x.role for x in event.actors),
        "actor_countries": _join(x.country for x in event.actors),
        "actor_codes": _join(x.code for x in event.actors),
        "date": w.value if w else None,
        "date_granularity": w.granularity.value if w and w.granularity else None,
        "date_text": w.text if w else None,
        "location": c.name if c else None, "location_country": c.country if c else None,
        "location_lat": c.lat if c else None, "location_lon": c.lon if c else None,
        "location_venue": c.venue if c else None, "location_occasion": c.occasion if c else None,
        "attributed_to": a.name if a else None, "attributed_to_mention": a.mention if a else None,
        "evidence": event.evidence.text, "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end, "confidence": event.confidence,
    }


def mention_rows(store: Any) -> list[tuple[Event, dict[str, Any]]]:
    """Every mention with its flat row, in the store's order."""
    published = {r["id"]: r["published"] for r in store.article_info()}
    return [(e, mention_row(e, _iso(published.get(e.article)))) for e in store.events()]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _common(values: Iterable[Any]) -> Any:
    """The most common non-null value; ties go to the one seen first."""
    counts = Counter(v for v in values if v is not None)
    return max(counts, key=lambda v: counts[v]) if counts else None  # max keeps the first best


_FINENESS = {g.value: i for i, g in enumerate(Granularity)}  # time, day, week, ... year


def _best_date(rows: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The most precise date the mentions give (finest granularity, else the longest value),
    the most common among those."""
    def rank(r: dict[str, Any]) -> tuple[int, int]:
        return _FINENESS.get(r["date_granularity"], len(_FINENESS)), -len(r["date"])

    dated = [r for r in rows if r["date"]]
    if not dated:
        return None, None
    best = min(rank(r) for r in dated)
    value = _common(r["date"] for r in dated if rank(r) == best)
    gran = _common(r["date_granularity"] for r in dated if r["date"] == value)
    return value, gran


def _event_row(pairs: list[tuple[Event, dict[str, Any]]]) -> dict[str, Any]:
    """One event from its mentions: the latest report's status, the most precise date."""
    rows = [r for _, r in pairs]
    latest = max(rows, key=lambda r: (r["published"] or "", r["article"], r["evidence_start"]))
    names = dict.fromkeys(a.name for e, _ in pairs for a in e.actors)
    seen = sorted(r["published"] for r in rows if r["published"])
    articles = sorted({r["article"] for r in rows})
    date, gran = _best_date(rows)
    etype = _common(r["type"] for r in rows)
    plover, mode = plover_of(etype)
    return {"event_id": rows[0]["event_id"], "type": etype, "plover": plover, "mode": mode,
            "status": latest["status"], "participants": SEP.join(names), "date": date,
            "date_granularity": gran, "location": _common(r["location"] for r in rows),
            "n_mentions": len(rows), "n_articles": len(articles),
            "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
            "articles": SEP.join(articles)}


def event_rows(mentions: list[tuple[Event, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per event id (a mention without one is an event of its own), by event id."""
    groups: dict[str, list[tuple[Event, dict[str, Any]]]] = {}
    for e, r in mentions:
        groups.setdefault(e.event_id or f"~{e.mention_id}", []).append((e, r))
    return [_event_row(groups[k]) for k in sorted(groups)]


def _paths(*paths: Path | None) -> tuple[Path, ...]:
    return tuple(p for p in paths if p is not None)


def _write_csv(path: Path | None, columns: tuple[tuple[str, pa.DataType], ...],
               rows: list[dict[str, Any]]) -> None:
    names = [c for c, _ in columns]
    with open_output(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: Path | None, columns: tuple[tuple[str, pa.DataType], ...],
                   rows: list[dict[str, Any]]) -> None:
    table = pa.Table.from_pylist(rows, schema=pa.schema(list(columns)))
    with open_output(path, "wb") as fh:
        pq.write_table(table, fh)


def _tables(fmt: str, write: Callable) -> Writer:
    def writer(store: Any, output: Path | None) -> Exported:
        mentions = mention_rows(store)
        write(output, MENTION_COLUMNS, [r for _, r in mentions])
        if output is None:
            return Exported(fmt, (), len(mentions))
        events = event_rows(mentions)
        write(events_path(output), EVENT_COLUMNS, events)
        return Exported(fmt, (output, events_path(output)), len(mentions), len(events))
    writer.__name__ = f"write_{fmt}"
    return writer


write_csv = _tables("csv", _write_csv)
write_parquet = _tables("parquet", _write_parquet)

# -- event-level formats (PLOVER, CAMEO/GDELT) ----------------------------------------------------
def write_plover(store: Any, output: Path | None) -> Exported:
    """PLOVER JSON records, one per event, one per line."""
    from .formats import to_plover

    events = ledger_events(store)
    with open_output(output) as fh:
        for ev in events:
            fh.write(json.dumps(to_plover(ev), ensure_ascii=False) + "\n")
    return Exported("plover", _paths(output), mentions=sum(e.n_mentions for e in events), events=len(events))


def write_cameo(store: Any, output: Path | None) -> Exported:
    """Tab-separated rows in GDELT 2.0's event column layout (no header, as GDELT ships them)."""
    from .formats import to_cameo_row

    events = ledger_events(store)
    with open_output(output) as fh:
        for ev in events:
            fh.write("\t".join(to_cameo_row(ev)) + "\n")
    return Exported("cameo", _paths(output), mentions=sum(e.n_mentions for e in events), events=len(events))


#: format name -> writer
WRITERS: Mapping[str, Writer] = MappingProxyType({
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "plover": write_plover,
    "cameo": write_cameo,
})
