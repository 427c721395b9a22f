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

Schema changes are numbered migrations (``MIGRATIONS``); ``schema_version`` holds the
versions applied. Add a migration by appending a tuple of SQL statements; never edit one
that has been released. A database written by a newer sideline is refused (E201).
"""
from __future__ import annotations

import hashlib
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

from .codec import article_from_row, mention_from_row, mention_to_row
from .errors import E, StoreError
from .records import Article, Event, Reject, Result

__all__ = ["Store", "Written", "MIGRATIONS", "SCHEMA_VERSION"]

_ACTOR = ("STRUCT(name VARCHAR, mention VARCHAR, role VARCHAR, country VARCHAR, code VARCHAR, "
          "kind VARCHAR)")

#: numbered migrations: MIGRATIONS[i] brings a database from schema i to schema i + 1
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: the first schema
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, text_hash VARCHAR NOT NULL, text VARCHAR NOT NULL,
            published DATE, published_from VARCHAR, url VARCHAR, title VARCHAR, source VARCHAR,
            origin VARCHAR, notes VARCHAR[], n_events INTEGER NOT NULL, run_id VARCHAR,
            first_seen TIMESTAMP NOT NULL, updated TIMESTAMP NOT NULL)""",
        f"""CREATE TABLE mentions (
            mention_id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, event_id VARCHAR,
            position INTEGER NOT NULL, type VARCHAR NOT NULL, status VARCHAR NOT NULL,
            actors {_ACTOR}[] NOT NULL,
            date VARCHAR, date_granularity VARCHAR, date_text VARCHAR, date_end VARCHAR,
            has_when BOOLEAN NOT NULL,
            location STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
                            venue VARCHAR, occasion VARCHAR, text VARCHAR),
            attributed_to STRUCT(name VARCHAR, mention VARCHAR, actor {_ACTOR}),
            evidence_text VARCHAR NOT NULL, evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL, confidence DOUBLE NOT NULL,
            trigger_start INTEGER, trigger_end INTEGER, sentence_start INTEGER,
            sentence_end INTEGER, run_id VARCHAR)""",
        """CREATE TABLE actors (
            name VARCHAR PRIMARY KEY, kind VARCHAR, role VARCHAR, country VARCHAR, code VARCHAR,
            aliases VARCHAR[], n_mentions INTEGER NOT NULL)""",
        """CREATE TABLE rejects (
            key VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, article VARCHAR,
            code VARCHAR NOT NULL, reason VARCHAR NOT NULL, run_id VARCHAR,
            first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL)""",
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started TIMESTAMP NOT NULL, finished TIMESTAMP,
            inputs VARCHAR[], counts VARCHAR)""",
    ),
    (  # 2: what the articles state about who holds which office ("Lavrov, Russia's foreign minister")
        """CREATE TABLE learned_roles (
            name VARCHAR NOT NULL, role VARCHAR NOT NULL, place VARCHAR NOT NULL,
            seen_on DATE, article_id VARCHAR NOT NULL,
            PRIMARY KEY (name, role, place, article_id))""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_EVENT_ORDER = "ORDER BY article_id, evidence_start, mention_id"


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


def reject_key(reject: Reject) -> str:
    """One row per article (its latest reject), or per origin and code when no id is known."""
    raw = f"a|{reject.article}" if reject.article else f"o|{reject.origin}|{reject.code}"
    return "r-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Store:
    """The DuckDB ledger. ``path=":memory:"`` gives a throwaway database (tests)."""

    def __init__(self, path: str | Path = "sideline.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:":
            _check_file(Path(self.path), read_only)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(E.E204, path=self.path, reason=str(err).strip()) from err
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
        articles, rejects = _plan(results)
        with self._transaction() as con:
            known = self.known_hashes(articles)
            todo = [r for aid, r in articles.items() if known.get(aid) != r.article.text_hash]
            changed = [r.article.id for r in todo if r.article.id in known]
            affected = self._actor_names(changed)
            first_seen = self._first_seen(changed)
            now = _now()
            if changed:
                con.execute("DELETE FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
                con.execute("DELETE FROM learned_roles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
                con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [changed])
            rows = [{**mention_to_row(e, i), "run_id": run_id}
                    for r in todo for i, e in enumerate(_unique(r.events))]
            self._insert("articles", [_article_row(r, run_id, first_seen.get(r.article.id, now), now)
                                      for r in todo])
            self._insert("mentions", rows)
            self._insert("learned_roles", _learned_rows(todo))
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
        rows = self._con.execute("SELECT DISTINCT a.name FROM (SELECT unnest(actors) AS a FROM "
                                 "mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[])))",
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
            "FROM (SELECT mention_id, unnest(actors) AS a FROM mentions) "
            "WHERE a.name IN (SELECT unnest(?::VARCHAR[])) GROUP BY a.name ORDER BY a.name",
            [names_list]).fetchall()
        self._insert("actors", [
            {"name": name, "kind": _top(kind), "role": _top(role), "country": _top(country),
             "code": _top(code), "aliases": aliases or [], "n_mentions": n}
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

    def events(self, article: str | None = None, event_id: str | None = None) -> Iterator[Event]:
        """The stored mentions (of one article, of one event) as :class:`Event` records, by
        article id, evidence start and mention id."""
        tests = [(c, v) for c, v in (("article_id", article), ("event_id", event_id)) if v is not None]
        where = ("WHERE " + " AND ".join(f"{c} = ?" for c, _ in tests)) if tests else ""
        for row in self._rows(f"SELECT * FROM mentions {where} {_EVENT_ORDER}", [v for _, v in tests]):
            yield mention_from_row(row)

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id."""
        for row in self._rows("SELECT * FROM articles ORDER BY id"):
            yield article_from_row(row)

    def article_info(self) -> Iterator[dict[str, Any]]:
        """Every article's row without its text (id, text_hash, published, n_events, ...), by id."""
        yield from self._rows("SELECT * EXCLUDE (text) FROM articles ORDER BY id")

    def published_dates(self) -> dict[str, date | None]:
        """``{article id: publication date}`` for every stored article."""
        return dict(self._con.execute("SELECT id, published FROM articles").fetchall())

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


def _check_file(path: Path, read_only: bool) -> None:
    """Refuse a missing database when reading, and a file that is not a DuckDB database
    (DuckDB would open it as an in-memory view and every write would be lost)."""
    if not path.exists():
        if read_only:
            raise StoreError(E.E202, path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError as err:
        raise StoreError(E.E204, path=str(path), reason=str(err)) from err
    if head and head[8:12] != b"DUCK":
        raise StoreError(E.E204, path=str(path), reason="the file is not a DuckDB database")


# -- rows <-> records ----------------------------------------------------------------------------
def _plan(results: Sequence[Result]) -> tuple[dict[str, Result], dict[str, Reject]]:
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


def _unique(events: Iterable[Event]) -> list[Event]:
    """The events with distinct mention ids (the first of each), in their order."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.mention_id, e)
    return list(seen.values())


def _article_row(r: Result, run_id: str | None, first_seen: datetime, now: datetime) -> dict:
    a = r.article
    return {"id": a.id, "text_hash": a.text_hash, "text": a.text, "published": a.published,
            "published_from": a.published_from, "url": a.url, "title": a.title,
            "source": a.source, "origin": a.origin, "notes": list(r.notes),
            "n_events": len(_unique(r.events)), "run_id": run_id, "first_seen": first_seen,
            "updated": now}


def _top(counts: Mapping[Any, int] | None) -> Any:
    """The most common non-null value; ties go to the smallest, so the choice is stable."""
    values = [(-n, v) for v, n in (counts or {}).items() if v is not None]
    return min(values)[1] if values else None


def _learned_rows(results: Sequence[Result]) -> list[dict[str, Any]]:
    """One row per (name, role, place) an article stated, once per article."""
    rows: dict[tuple, dict[str, Any]] = {}
    for r in results:
        for name, role, place, seen_on in r.learned:
            if name and role:
                key = (name, role, place or "", r.article.id)
                rows.setdefault(key, {"name": name, "role": role, "place": place or "",
                                      "seen_on": seen_on, "article_id": r.article.id})
    return list(rows.values())
