"""The ledger's schema: numbered migrations, and the check that a file is a DuckDB database.

``MIGRATIONS[i]`` brings a database from schema ``i`` to schema ``i + 1``; ``schema_version``
holds the versions applied. Add a migration by appending a tuple of SQL statements; never
edit one that has been released. :class:`sideline.store.database.Store` applies them when it opens a
database and refuses one written by a newer sideline (E201).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import E, StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "ACTOR_TYPE", "check_file", "check_foreign", "is_database",
           "open_error"]

#: the SQL type of one actor (a participant, or a speaker's actor)
ACTOR_TYPE = ("STRUCT(name VARCHAR, mention VARCHAR, role VARCHAR, country VARCHAR, code VARCHAR, "
              "kind VARCHAR)")
_ACTOR = ACTOR_TYPE

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
    (  # 3: the participants as the link step gave them, with what the corpus taught (NULL:
       # as extracted); ``actors`` keeps the extraction, which the mention id is made from
        f"ALTER TABLE mentions ADD COLUMN linked_actors {_ACTOR}[]",
    ),
    (  # 4: incremental linking (sideline/store/relink.py). Each mention's link state, set when
       # the link step has seen it (NULL: never linked): its block, its interval in days and
       # the keys of the learned roles its participants' completion reads; each learned row's
       # keys (NULL: not yet applied); and what an article's replacement took away since the
       # last link (the spans of its mentions, the keys of its roles). A ledger of schema 3
       # is linked whole once by the next link step, then incrementally. Keys are one string,
       # joined by U+001F (DuckDB updates a list column a hundred times slower than a string).
        "ALTER TABLE mentions ADD COLUMN link_block VARCHAR",
        "ALTER TABLE mentions ADD COLUMN link_lo INTEGER",
        "ALTER TABLE mentions ADD COLUMN link_hi INTEGER",
        "ALTER TABLE mentions ADD COLUMN link_keys VARCHAR",
        "ALTER TABLE learned_roles ADD COLUMN keys VARCHAR",
        "CREATE TABLE relink_spans (block VARCHAR NOT NULL, lo INTEGER NOT NULL, hi INTEGER NOT NULL)",
        "CREATE TABLE relink_keys (key VARCHAR NOT NULL, seen_on DATE NOT NULL)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def check_file(path: Path, read_only: bool) -> None:
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


def is_database(path: Path) -> bool:
    """Whether ``path`` is a DuckDB database file (its magic bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def check_foreign(con, path: str) -> None:
    """Refuse (E207) a database without sideline's schema that already has tables: it belongs
    to another program, and sideline must not add its own tables to it."""
    tables = sorted(r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_name <> 'schema_version'").fetchall())
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(E.E207, path=path, tables=shown)


def open_error(path: str, err: Exception) -> StoreError:
    """The coded error for a database DuckDB could not open: E208 when another process holds
    its lock (naming that process), else E204."""
    text = str(err).strip()
    if "lock" in text.lower():
        holder = re.search(r"PID (\d+)", text)
        return StoreError(E.E208, path=path, holder=f" (PID {holder.group(1)})" if holder else "")
    return StoreError(E.E204, path=path, reason=text)
