"""The DuckDB ledger: schema, migrations, writes and reads. The only module that writes SQL.

``Store(path)`` opens (or creates) a database and brings its schema up to date; it is a
context manager. One extraction run is::

    with Store("sideline.duckdb") as store:
        run_id = store.begin_run(["articles.jsonl"])
        for results in batches:                 # list[Result]
            todo = store.known_hashes(...)      # skip articles whose text is unchanged
            store.write_batch(results, run_id)  # one transaction per batch
        store.finish_run(run_id, {"articles": n})

Every batch is one transaction, so a run killed at any point leaves the committed batches
and nothing of the one in flight; running again redoes that one and re-adds nothing else
(DuckDB's write-ahead log replays the committed batches when the database is next opened).

Schema changes are numbered migrations (``MIGRATIONS``, in :mod:`sideline.store.schema`);
``schema_version`` holds the versions applied. A database written by a newer sideline is
refused (E201).

A mention keeps its participants as extracted (``actors``, which its id is made from) and
those the link step gave them with what the corpus taught (``linked_actors``, NULL when the
same; see :mod:`sideline.ledger.learned`). Readers get the linked ones (:meth:`Store.events`); the
link step completes the extracted ones (``events(raw=True)``), so linking is a function of
what is stored, whatever the order and the runs it came in. What the link step reads and
writes to do that incrementally is in :mod:`sideline.store.links` (a part of ``Store``).
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..codec import actor_from_json, article_from_row, mention_from_row, mention_to_row
from ..errors import E, StoreError
from ..records import Actor, Article, Event, Reject, Result
from .rows import (actors_column, article_row, learned_rows, plan, reject_key, top,
                         unique)
from .links import LinkTables
from .schema import MIGRATIONS, SCHEMA_VERSION, check_file, check_foreign, open_error

__all__ = ["Store", "Written", "MIGRATIONS", "SCHEMA_VERSION", "reject_key"]

_EVENT_ORDER = "ORDER BY article_id, evidence_start, position, mention_id"
#: a mention's participants as readers see them: as linked, else as extracted
_ACTORS_NOW = "coalesce(linked_actors, actors)"


@dataclass(frozen=True)
class Written:
    """What one :meth:`Store.write_batch` did."""

    new: int = 0  # articles stored for the first time
    changed: int = 0  # articles whose text changed: their mentions were replaced
    unchanged: int = 0  # articles already stored with the same text: nothing written
    rejects: int = 0  # rejects recorded (new or updated)
    mentions: int = 0  # mentions written


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)



class Store(LinkTables):
    """The DuckDB ledger. ``path=":memory:"`` gives a throwaway database (tests)."""

    def __init__(self, path: str | Path = "sideline.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            check_file(Path(self.path), read_only)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise open_error(self.path, err) from err
        try:
            self._migrate()
        except BaseException:
            self._con.close()
            raise

    # -- life cycle ------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self._con.begin()
        try:
            yield self._con
        except BaseException:
            self._con.rollback()
            raise
        self._con.commit()

    def schema_version(self) -> int:
        try:
            row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0] or 0)

    def _migrate(self) -> None:
        found = self.schema_version()
        if found == 0:
            check_foreign(self._con, self.path)
        if found > SCHEMA_VERSION:
            raise StoreError(E.E201, path=self.path, found=found, known=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(E.E203, path=self.path, found=found, known=SCHEMA_VERSION)
        with self._transaction() as con:
            con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                        "(version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL)")
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version - 1]:
                    con.execute(statement)
                con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, _now()])

    # -- runs ------------------------------------------------------------------------------------
    def begin_run(self, inputs: Sequence[str | Path] = ()) -> str:
        """Record the start of a run; returns its id."""
        now = _now()
        run_id = f"run-{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self._con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, NULL)",
                          [run_id, now, [str(i) for i in inputs]])
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, Any]) -> None:
        """Record the end of a run and its counts (any JSON-able mapping)."""
        found = self._con.execute("UPDATE runs SET finished = ?, counts = ? WHERE run_id = ? "
                                  "RETURNING run_id",
                                  [_now(), json.dumps(dict(counts), default=str), run_id]).fetchall()
        if not found:
            raise StoreError(E.E205, run_id=run_id, path=self.path)

    # -- what is there already -----------------------------------------------------------------
    def known_hash(self, article_id: str) -> str | None:
        """The text hash stored for an article, or None when it is not stored."""
        row = self._con.execute("SELECT text_hash FROM articles WHERE id = ?",
                                [article_id]).fetchone()
        return row[0] if row else None

    def known_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """``{article id: text hash}`` for those of ``article_ids`` that are stored."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        rows = self._con.execute("SELECT id, text_hash FROM articles WHERE id IN "
                                 "(SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()
        return dict(rows)

    # -- writing ---------------------------------------------------------------------------------
    def write_batch(self, results: Sequence[Result], run_id: str | None = None) -> Written:
        """Store a batch of results in one transaction (see the module doc for the rules).

        An article stored with the same text is left alone; a new article is inserted with
        its mentions; an article whose text changed has its mentions replaced (their event
        ids are cleared for the ledger to set again). A reject is recorded once per key
        (:func:`reject_key`); an article that succeeds removes its rejects. Within a batch
        the later result for an article id wins.
        """
        articles, rejects = plan(results)
        with self._transaction() as con:
            known = self.known_hashes(articles)
            todo = [r for aid, r in articles.items() if known.get(aid) != r.article.text_hash]
            changed = [r.article.id for r in todo if r.article.id in known]
            affected = self._actor_names(changed)
            first_seen = self._first_seen(changed)
            now = _now()
            if changed:
                self._forget_articles(changed)
                con.execute("DELETE FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
                con.execute("DELETE FROM learned_roles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
                con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
            rows = [{**mention_to_row(e, i), "run_id": run_id}
                    for r in todo for i, e in enumerate(unique(r.events))]
            self._insert("articles", [article_row(r, run_id, first_seen.get(r.article.id, now), now)
                                      for r in todo])
            self._insert("mentions", rows)
            self._insert("learned_roles", learned_rows(todo))
            if articles:
                con.execute("DELETE FROM rejects WHERE article IN (SELECT unnest(?::VARCHAR[]))",
                            [list(articles)])
            self._upsert_rejects(list(rejects.values()), run_id, now)
            affected.update(a["name"] for row in rows for a in row["actors"])
            self._refresh_actors(affected)
        return Written(new=len(todo) - len(changed), changed=len(changed),
                       unchanged=len(articles) - len(todo), rejects=len(rejects),
                       mentions=len(rows))

    def set_event_ids(self, mapping: Mapping[str, str | None]) -> int:
        """Set the ledger's event id of mentions (``{mention_id: event_id}``); returns how many."""
        if not mapping:
            return 0
        table = pa.table({"mention_id": pa.array(list(mapping), pa.string()),
                          "event_id": pa.array(list(mapping.values()), pa.string())})
        with self._transaction() as con:
            con.register("_sideline_ids", table)
            try:
                n = con.execute("UPDATE mentions SET event_id = i.event_id FROM _sideline_ids i "
                                "WHERE mentions.mention_id = i.mention_id").fetchone()
            finally:
                con.unregister("_sideline_ids")
        return int(n[0]) if n else 0

    def set_linked_actors(self, mapping: Mapping[str, Sequence[Actor] | None]) -> int:
        """Set the participants the link step gave mentions (``{mention_id: actors}``; None:
        as extracted) and refresh the ``actors`` rows of every name that came or went."""
        if not mapping:
            return 0
        with self._transaction() as con:
            con.register("_sideline_linked", actors_column(mapping))
            try:
                names = {r[0] for r in con.execute(
                    f"SELECT DISTINCT a.name FROM (SELECT unnest({_ACTORS_NOW}) AS a FROM mentions "
                    "WHERE mention_id IN (SELECT mention_id FROM _sideline_linked))").fetchall()}
                n = con.execute("UPDATE mentions SET linked_actors = i.actors FROM _sideline_linked i "
                                "WHERE mentions.mention_id = i.mention_id").fetchone()
            finally:
                con.unregister("_sideline_linked")
            names |= {a.name for v in mapping.values() if v for a in v}
            self._refresh_actors(names)
        return int(n[0]) if n else 0

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        name = f"_sideline_{table}"
        self._con.register(name, pa.Table.from_pylist(rows))
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            self._con.unregister(name)

    def _first_seen(self, article_ids: list[str]) -> dict[str, datetime]:
        if not article_ids:
            return {}
        return dict(self._con.execute("SELECT id, first_seen FROM articles WHERE id IN "
                                      "(SELECT unnest(?::VARCHAR[]))", [article_ids]).fetchall())

    def _actor_names(self, article_ids: list[str]) -> set[str]:
        if not article_ids:
            return set()
        rows = self._con.execute(f"SELECT DISTINCT a.name FROM (SELECT unnest({_ACTORS_NOW}) AS a "
                                 "FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
                                 [article_ids]).fetchall()
        return {r[0] for r in rows}

    def _upsert_rejects(self, rejects: list[Reject], run_id: str | None, now: datetime) -> None:
        if not rejects:
            return
        self._con.executemany(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "origin = excluded.origin, article = excluded.article, code = excluded.code, "
            "reason = excluded.reason, run_id = excluded.run_id, last_seen = excluded.last_seen",
            [[reject_key(r), r.origin, r.article, r.code, r.reason, run_id, now, now]
             for r in rejects])

    def _refresh_actors(self, names: set[str]) -> None:
        """Recompute the ``actors`` rows of ``names`` from the mentions."""
        if not names:
            return
        names_list = sorted(names)
        self._con.execute("DELETE FROM actors WHERE name IN (SELECT unnest(?::VARCHAR[]))",
                          [names_list])
        rows = self._con.execute(
            "SELECT a.name, count(DISTINCT mention_id), list_sort(list(DISTINCT a.mention) "
            "FILTER (WHERE a.mention IS NOT NULL)), histogram(a.kind), histogram(a.role), "
            "histogram(a.country), histogram(a.code) "
            f"FROM (SELECT mention_id, unnest({_ACTORS_NOW}) AS a FROM mentions) "
            "WHERE a.name IN (SELECT unnest(?::VARCHAR[])) GROUP BY a.name ORDER BY a.name",
            [names_list]).fetchall()
        self._insert("actors", [
            {"name": name, "kind": top(kind), "role": top(role), "country": top(country),
             "code": top(code), "aliases": aliases or [], "n_mentions": n}
            for name, n, aliases, kind, role, country, code in rows])

    # -- reading ---------------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[dict]:
        cur = self._con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            while chunk := cur.fetchmany(size):
                yield from (dict(zip(names, row)) for row in chunk)
        finally:
            cur.close()

    def events(self, article: str | None = None, event_id: str | None = None,
               raw: bool = False) -> Iterator[Event]:
        """The stored mentions (of one article, of one event) as :class:`Event` records, by
        article id, evidence start and mention id, with the participants the link step gave
        them (``raw``: as extracted). Each keeps the id it was stored under."""
        tests = [(c, v) for c, v in (("article_id", article), ("event_id", event_id)) if v is not None]
        where = ("WHERE " + " AND ".join(f"{c} = ?" for c, _ in tests)) if tests else ""
        cols = "*" if raw else f"* REPLACE ({_ACTORS_NOW} AS actors)"
        for row in self._rows(f"SELECT {cols} FROM mentions {where} {_EVENT_ORDER}",
                              [v for _, v in tests]):
            yield mention_from_row(row)

    def participant_counts(self) -> list[tuple]:
        """``(name, kind, country, code, has_role, n)``: how often each participant (as readers
        see them) comes with each country and code; the exports' one code per actor is made
        from it (:class:`sideline.export.codes.ActorCodes`)."""
        return self._con.execute(
            "SELECT a.name, a.kind, a.country, a.code, a.role IS NOT NULL, count(*) "
            f"FROM (SELECT unnest({_ACTORS_NOW}) AS a FROM mentions) GROUP BY ALL ORDER BY ALL").fetchall()

    def linked_actors(self) -> dict[str, tuple[Actor, ...]]:
        """``{mention_id: participants}`` of the mentions the link step changed."""
        return {row["mention_id"]: tuple(actor_from_json(a) for a in row["linked_actors"])
                for row in self._rows("SELECT mention_id, linked_actors FROM mentions "
                                      "WHERE linked_actors IS NOT NULL ORDER BY mention_id")}

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id."""
        for row in self._rows("SELECT * FROM articles ORDER BY id"):
            yield article_from_row(row)

    def article_info(self) -> Iterator[dict[str, Any]]:
        """Every article's row without its text (id, text_hash, published, n_events, ...), by id."""
        yield from self._rows("SELECT * EXCLUDE (text) FROM articles ORDER BY id")

    def published_dates(self, articles: Iterable[str] | None = None) -> dict[str, date | None]:
        """``{article id: publication date}`` for every stored article (or those of ``articles``)."""
        if articles is None:
            return dict(self._con.execute("SELECT id, published FROM articles").fetchall())
        return dict(self._con.execute("SELECT id, published FROM articles WHERE list_contains(?, id)",
                                      [sorted(set(articles))]).fetchall())

    def learned_roles(self) -> list[tuple[str, str, str, date | None, str]]:
        """(name, role, country or org, date, article) that articles stated, oldest first."""
        return [tuple(r.values()) for r in self._rows(
            "SELECT name, role, place, seen_on, article_id FROM learned_roles "
            "ORDER BY seen_on NULLS LAST, name, role, place, article_id")]

    def rejects(self) -> Iterator[Reject]:
        """Every recorded reject, by origin, article and code."""
        for row in self._rows("SELECT * FROM rejects ORDER BY origin, article NULLS FIRST, code"):
            yield Reject(origin=row["origin"], code=row["code"], reason=row["reason"],
                         article=row["article"])

    def actors(self) -> Iterator[dict[str, Any]]:
        """The ``actors`` table: one row per canonical name, most mentioned first."""
        yield from self._rows("SELECT * FROM actors ORDER BY n_mentions DESC, name")

    def runs(self) -> Iterator[dict[str, Any]]:
        """Every run, oldest first; ``counts`` is a dict (None while a run is unfinished)."""
        for row in self._rows("SELECT * FROM runs ORDER BY started, run_id"):
            row["counts"] = json.loads(row["counts"]) if row["counts"] else None
            yield row

    def counts(self) -> dict[str, int]:
        """How many articles, mentions, events (distinct event ids), actors, rejects and runs."""
        row = self._con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
            "(SELECT count(DISTINCT event_id) FROM mentions), (SELECT count(*) FROM actors), "
            "(SELECT count(*) FROM rejects), (SELECT count(*) FROM runs)").fetchone()
        keys = ("articles", "mentions", "events", "actors", "rejects", "runs")
        return {k: int(v) for k, v in zip(keys, row)}
