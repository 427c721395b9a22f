"""Write a store's ledger out: ``jsonl``, ``csv``, ``parquet``, ``plover`` and ``cameo``.

``export(store, format, output)`` looks the format up in :data:`WRITERS`. A writer is a
function ``(store, output: Path | None) -> Exported`` (``None``: standard output); to add a
format, write one and add it to ``WRITERS``. Every writer reads the ledger once
(:func:`sideline.export.view.read_view`: one code per actor, the ledger's events, each
article's provenance), so every format tells the same story. :func:`open_output` gives a
writer an atomically written file (or standard output).

* ``jsonl``: one line per mention: the FORMAT.md fields in their order and ``mention_id``
  (:func:`sideline.codec.event_to_json`), then ``evidence.clean`` and the article's
  ``published``, ``url``, ``source`` and ``title``; UTF-8 with ``ensure_ascii=False``.
* ``csv`` and ``parquet``: the mention table at ``output`` and the event table beside it at
  ``output`` with ``.events`` before the suffix (``out.csv`` -> ``out.events.csv``);
  :mod:`sideline.export.tables`. To standard output only the mention table is written.
* ``plover``: one PLOVER record per ledger event, one per line (:func:`~sideline.export.formats.to_plover`).
* ``cameo``: GDELT 2.0 event rows, one per dyad of each event, tab-separated, no header.

Rows come in the store's order (article id, evidence start, mention id), events in the
ledger's order (date, then id) or by id in the event table, so the same ledger always gives
the same bytes. Files are written to a temporary name and renamed, so a crash never leaves
half a file under the real name. docs/CODEBOOK.md describes every field and column.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import E, SidelineError
from ..records import Event, Granularity
from ..store.schema import is_database
from .formats import cameo_rows, to_plover
from .tables import EVENT_COLUMNS, MENTION_COLUMNS, event_rows, flat_columns, flat_row, mention_rows
from .view import mention_line, read_view

__all__ = ["export", "Exported", "WRITERS", "MENTION_COLUMNS", "EVENT_COLUMNS", "events_path", "open_output"]


@dataclass(frozen=True)
class Exported:
    format: str
    paths: tuple[Path, ...]
    mentions: int = 0  # mentions written (or coded, for the event formats)
    events: int = 0  # ledger events written (0 when the format has no event table)
    rows: int = 0  # lines or rows written


Writer = Callable[[Any, "Path | None"], Exported]


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


def _paths(*paths: Path | None) -> tuple[Path, ...]:
    return tuple(p for p in paths if p is not None)


# -- jsonl ----------------------------------------------------------------------------------------
def write_jsonl(store: Any, output: Path | None) -> Exported:
    view = read_view(store)
    with open_output(output) as fh:
        for ev in view.mentions:
            fh.write(json.dumps(mention_line(ev, view.article(ev.article)), ensure_ascii=False) + "\n")
    n = len(view.mentions)
    return Exported("jsonl", _paths(output), mentions=n, rows=n)


# -- tables -----------------------------------------------------------------------------------------
def _write_csv(path: Path | None, columns: tuple[tuple[str, pa.DataType], ...], rows: list[dict[str, Any]]) -> None:
    with open_output(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=flat_columns(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat_row(r) for r in rows)


def _write_parquet(path: Path | None, columns: tuple[tuple[str, pa.DataType], ...],
                   rows: list[dict[str, Any]]) -> None:
    table = pa.Table.from_pylist(rows, schema=pa.schema(list(columns)))
    with open_output(path, "wb") as fh:
        pq.write_table(table, fh)


def _tables(fmt: str, write: Callable) -> Writer:
    def writer(store: Any, output: Path | None) -> Exported:
        view = read_view(store)
        mentions = mention_rows(view)
        write(output, MENTION_COLUMNS, mentions)
        if output is None:
            return Exported(fmt, (), len(mentions), rows=len(mentions))
        events = event_rows(view)
        write(events_path(output), EVENT_COLUMNS, events)
        return Exported(fmt, (output, events_path(output)), len(mentions), len(events), len(mentions))
    writer.__name__ = f"write_{fmt}"
    return writer


write_csv = _tables("csv", _write_csv)
write_parquet = _tables("parquet", _write_parquet)


# -- event formats (PLOVER, GDELT) --------------------------------------------------------------------
def write_plover(store: Any, output: Path | None) -> Exported:
    """PLOVER records, one per ledger event, one per line."""
    view = read_view(store, texts=True)
    with open_output(output) as fh:
        for ev in view.events:
            fh.write(json.dumps(to_plover(ev, view), ensure_ascii=False) + "\n")
    n = len(view.events)
    return Exported("plover", _paths(output), mentions=len(view.mentions), events=n, rows=n)


def write_cameo(store: Any, output: Path | None) -> Exported:
    """GDELT 2.0 event rows (one per dyad), tab-separated, no header (as GDELT ships them)."""
    view = read_view(store)
    rows = 0
    with open_output(output) as fh:
        for ev in view.events:
            for row in cameo_rows(ev, view):
                fh.write("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) + "\n")
                rows += 1
    return Exported("cameo", _paths(output), mentions=len(view.mentions), events=len(view.events), rows=rows)


#: format name -> writer
WRITERS: Mapping[str, Writer] = MappingProxyType({
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "plover": write_plover,
    "cameo": write_cameo,
})
