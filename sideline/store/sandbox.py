"""Read-only SQL over the ledger, for people who know the tables (the web page /sql).

Each query runs on a connection of its own, opened for it and closed after it: an in-memory
database with the ledger attached ``READ_ONLY``, external access disabled (no files, no URLs, no ATTACH, COPY or extensions),
one thread, a memory cap, no temporary files, and the configuration locked before the query
runs, so the query cannot lift any of that. Only one statement is run, and only a SELECT (or a
WITH ... SELECT, a VALUES, a PIVOT); at most ``max_rows`` rows are returned, and a query still
running after ``timeout`` seconds is interrupted.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E, QueryError, StoreError
from .schema import check_file

__all__ = ["SqlResult", "run_sql", "MAX_ROWS", "TIMEOUT"]

MAX_ROWS = 1000
TIMEOUT = 5.0
_CONFIG = {"autoload_known_extensions": False,
           "autoinstall_known_extensions": False, "threads": 1, "memory_limit": "512MB",
           "temp_directory": "", "allow_community_extensions": False}


@dataclass(frozen=True)
class SqlResult:
    """What a query returned: its column names, at most ``max_rows`` rows, whether there were
    more, and how long it took."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    truncated: bool
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows],
                "truncated": self.truncated, "seconds": round(self.seconds, 4)}


def _connect(path: str) -> duckdb.DuckDBPyConnection:
    """An in-memory database of its own with the ledger attached read-only as the default
    catalog (so it is independent of any LedgerDB this process holds on the same file), then
    external access disabled and the configuration locked."""
    check_file(Path(path), read_only=True)
    con = duckdb.connect(":memory:", config=dict(_CONFIG))
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS ledger (READ_ONLY)")
        con.execute("USE ledger")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as err:
        con.close()
        raise StoreError(E.E204, path=str(path), reason=str(err).strip().splitlines()[0]) from None
    return con


def _single_select(con: duckdb.DuckDBPyConnection, query: str) -> None:
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as err:
        raise QueryError(E.E314, reason=str(err).strip().splitlines()[0]) from None
    if len(statements) != 1:
        raise QueryError(E.E314, reason=f"one statement at a time ({len(statements)} given)")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryError(E.E314, reason=f"only SELECT queries are run (this is {kind.name})")


def run_sql(path: str, query: str, max_rows: int = MAX_ROWS, timeout: float = TIMEOUT) -> SqlResult:
    """Run one read-only SELECT on a fresh sandboxed connection to the ledger at ``path``."""
    con = _connect(path)
    timer = threading.Timer(timeout, con.interrupt)
    try:
        _single_select(con, query)
        started = time.perf_counter()
        timer.start()
        try:
            cur = con.execute(query)
            columns = tuple(d[0] for d in cur.description or ())
            rows = cur.fetchmany(max_rows + 1)
        except duckdb.InterruptException:
            raise QueryError(E.E314, reason=f"stopped after {timeout:g} s (the time limit)") from None
        except duckdb.Error as err:
            raise QueryError(E.E314, reason=str(err).strip().splitlines()[0]) from None
        return SqlResult(columns, tuple(tuple(r) for r in rows[:max_rows]), len(rows) > max_rows,
                         time.perf_counter() - started)
    finally:
        timer.cancel()
        con.close()
