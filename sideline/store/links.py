"""The SQL of the incremental link step (:mod:`sideline.store.relink` says what it does with it).

:class:`LinkTables` is a part of :class:`sideline.store.database.Store` (a mixin: it uses the
store's connection, transactions and actor rows). What it keeps, per schema 4:

* ``mentions.link_block``, ``link_lo``, ``link_hi``, ``link_keys``: the block, the interval
  (days) and the lookup keys of a mention as the link step last saw it; NULL until it has;
* ``learned_roles.keys``: the keys a learned row serves; NULL until the link step applied it;
* ``relink_spans`` (block, lo, hi): where clusters must be made again, because a mention
  came, went or changed there;
* ``relink_keys`` (key, seen_on): keys of learned rows that went away with their article,
  whose participants must be completed again.

Every method that writes is one transaction, and each leaves what is still to do recorded,
so a link step killed anywhere is finished by the next one.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa

from ..codec import actor_from_json, mention_from_row
from ..records import Actor, Event
from .rows import actors_column

__all__ = ["LinkTables", "LinkRow", "LinkState", "SEP"]



class LinkRow(NamedTuple):
    """A mention as the link step reads it."""

    event: Event  # participants as extracted (or as linked, when read with ``linked=True``)
    published: date | None  # its article's
    block: str | None  # its stored link state (None: never linked) ...
    lo: int | None
    hi: int | None
    linked: tuple[Actor, ...] | None  # ... its linked participants (None: as extracted)
    event_id: str | None


#: what the link step stores for a mention: (mention id, block, lo, hi, keys)
LinkState = tuple[str, str, int, int, Sequence[str]]

_IDS = "(SELECT unnest(?::VARCHAR[]))"
SEP = "\x1f"  # joins keys, and a block key's parts, into one stored string
_KEYS = "string_split({}, chr(31))"  # the list of keys stored in a column


class LinkTables:
    """Reads and writes of the link state (mixed into ``Store``)."""

    # provided by Store: _con (the connection), _transaction(), _refresh_actors(names)
    _con: Any

    # -- what changed ------------------------------------------------------------------------
    def _forget_articles(self, article_ids: list[str]) -> None:
        """Before an article's mentions and roles are replaced: record where they were linked
        and which keys its applied roles served (inside the caller's transaction)."""
        self._con.execute("INSERT INTO relink_spans SELECT link_block, link_lo, link_hi FROM mentions "
                          f"WHERE article_id IN {_IDS} AND link_block IS NOT NULL", [article_ids])
        self._con.execute(f"INSERT INTO relink_keys SELECT key, seen_on FROM (SELECT unnest({_KEYS.format('keys')}) "
                          f"AS key, seen_on FROM learned_roles WHERE article_id IN {_IDS} AND keys <> '' "
                          "AND seen_on IS NOT NULL)", [article_ids])

    def link_key_roles(self, keys_of: Callable[[str, str | None], list[str]]) -> int:
        """Give every learned row not yet applied its keys (``keys_of(name, place)``) and record
        them as changed; returns how many rows."""
        with self._transaction() as con:
            rows = con.execute("SELECT name, role, place, article_id, seen_on FROM learned_roles "
                               "WHERE keys IS NULL").fetchall()
            if not rows:
                return 0
            keys = [keys_of(name, place or None) for name, _, place, _, _ in rows]
            joined = [SEP.join(ks) for ks in keys]
            cols = list(zip(*[r[:4] for r in rows]))
            table = pa.table({"name": pa.array(cols[0], pa.string()), "role": pa.array(cols[1], pa.string()),
                              "place": pa.array(cols[2], pa.string()),
                              "article_id": pa.array(cols[3], pa.string()),
                              "keys": pa.array(joined, pa.string())})
            con.register("_sideline_keys", table)
            try:
                con.execute("UPDATE learned_roles SET keys = k.keys FROM _sideline_keys k WHERE "
                            "learned_roles.name = k.name AND learned_roles.role = k.role AND "
                            "learned_roles.place = k.place AND learned_roles.article_id = k.article_id")
            finally:
                con.unregister("_sideline_keys")
            changed = [(k, r[4]) for r, ks in zip(rows, keys) if r[4] is not None for k in ks]
            self._append("relink_keys", changed, {"key": pa.string(), "seen_on": pa.date32()})
        return len(rows)

    def _append(self, table: str, rows: list[tuple], types: Mapping[str, pa.DataType]) -> None:
        """Insert ``rows`` (tuples in the order of ``types``) into ``table``, in bulk."""
        if not rows:
            return
        cols = list(zip(*rows))
        data = pa.table({name: pa.array(col, t) for (name, t), col in zip(types.items(), cols)})
        self._con.register("_sideline_append", data)
        try:
            self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _sideline_append")
        finally:
            self._con.unregister("_sideline_append")

    def link_todo(self, window: int) -> list[str]:
        """Mentions to complete: the never linked, and the linked whose participants read a
        changed key within ``window`` days of their article's date; by mention id."""
        rows = self._con.execute(
            "SELECT mention_id FROM mentions WHERE link_block IS NULL UNION "
            f"SELECT k.mention_id FROM (SELECT mention_id, article_id, unnest({_KEYS.format('link_keys')}) "
            "AS key FROM mentions WHERE link_block IS NOT NULL AND link_keys <> '') k "
            "JOIN (SELECT DISTINCT key, seen_on FROM relink_keys) c ON c.key = k.key "
            "JOIN articles a ON a.id = k.article_id "
            "WHERE abs(date_diff('day', c.seen_on, a.published)) <= ? ORDER BY 1", [window]).fetchall()
        return [r[0] for r in rows]

    def link_done_keys(self) -> None:
        """Every participant that read a changed key has been completed again."""
        self._con.execute("DELETE FROM relink_keys")

    def link_reset(self) -> None:
        """Forget every link state, so that the next link step links the whole ledger again."""
        with self._transaction() as con:
            con.execute("UPDATE mentions SET link_block = NULL, link_lo = NULL, link_hi = NULL, "
                        "link_keys = NULL")
            con.execute("UPDATE learned_roles SET keys = NULL")
            con.execute("DELETE FROM relink_spans")
            con.execute("DELETE FROM relink_keys")

    # -- reading mentions and roles ----------------------------------------------------------
    def link_rows(self, mention_ids: Sequence[str], linked: bool = False) -> Iterator[LinkRow]:
        """The mentions of ``mention_ids`` (participants as extracted, or as linked), by id."""
        cols = "m.* REPLACE (coalesce(m.linked_actors, m.actors) AS actors)" if linked else "m.*"
        cur = self._con.execute(
            f"SELECT {cols}, a.published AS _published FROM mentions m JOIN articles a ON a.id = m.article_id "
            f"WHERE m.mention_id IN {_IDS} ORDER BY m.mention_id", [list(mention_ids)])
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            rec = dict(zip(names, row))
            done = rec["linked_actors"]
            yield LinkRow(mention_from_row(rec), rec["_published"], rec["link_block"], rec["link_lo"],
                          rec["link_hi"], None if done is None else tuple(actor_from_json(a) for a in done),
                          rec["event_id"])

    def link_roles(self, name_keys: Iterable[str], place_keys: Iterable[str],
                   since: date, until: date) -> list[tuple]:
        """The learned rows a book for these keys needs: every row serving one of ``name_keys``,
        and those serving one of ``place_keys`` seen between ``since`` and ``until``."""
        names, places = sorted(set(name_keys)), sorted(set(place_keys))
        if not names and not places:
            return []
        return self._con.execute(
            f"SELECT name, role, place, seen_on, article_id FROM (SELECT *, {_KEYS.format('keys')} AS k "
            "FROM learned_roles WHERE keys <> '') WHERE list_has_any(k, ?::VARCHAR[]) OR "
            "(list_has_any(k, ?::VARCHAR[]) AND seen_on BETWEEN ? AND ?)", [names, places, since, until]).fetchall()

    # -- writing what the link step found -----------------------------------------------------
    def link_save_states(self, states: Sequence[LinkState], spans: Iterable[tuple[str, int, int]],
                         changed: Mapping[str, Sequence[Actor] | None], names: set[str]) -> None:
        """Store mentions' link states, the spans to cluster again and the linked participants
        that ``changed`` (None: as extracted), and refresh the actor rows of ``names``
        (participants that came or went), in one transaction."""
        with self._transaction() as con:
            if states:
                self._update("mentions", "mention_id", [(mid, block, lo, hi, SEP.join(keys))
                                                        for mid, block, lo, hi, keys in states],
                             {"mention_id": pa.string(), "link_block": pa.string(), "link_lo": pa.int32(),
                              "link_hi": pa.int32(), "link_keys": pa.string()})
            if changed:
                con.register("_sideline_linked", actors_column(changed))
                try:
                    con.execute("UPDATE mentions SET linked_actors = i.actors FROM _sideline_linked i "
                                "WHERE mentions.mention_id = i.mention_id")
                finally:
                    con.unregister("_sideline_linked")
            self._append("relink_spans", list(spans), {"block": pa.string(), "lo": pa.int32(), "hi": pa.int32()})
            self._refresh_actors(names)

    def _update(self, table: str, key: str, rows: list[tuple], types: Mapping[str, pa.DataType]) -> None:
        """Set the columns of ``types`` (the first is ``key``) of ``table`` from ``rows``, in bulk."""
        cols = list(zip(*rows))
        data = pa.table({name: pa.array(col, t) for (name, t), col in zip(types.items(), cols)})
        sets = ", ".join(f"{name} = u.{name}" for name in types if name != key)
        self._con.register("_sideline_update", data)
        try:
            self._con.execute(f"UPDATE {table} SET {sets} FROM _sideline_update u "
                              f"WHERE {table}.{key} = u.{key}")
        finally:
            self._con.unregister("_sideline_update")

    def link_dirty_blocks(self, limit: int) -> dict[str, list[tuple[int, int]]]:
        """Up to ``limit`` blocks to cluster again, each with its changed spans."""
        rows = self._con.execute(
            "SELECT block, lo, hi FROM relink_spans WHERE block IN (SELECT DISTINCT block FROM "
            "relink_spans ORDER BY block LIMIT ?)", [limit]).fetchall()
        out: dict[str, list[tuple[int, int]]] = {}
        for block, lo, hi in rows:
            out.setdefault(block, []).append((lo, hi))
        return out

    def link_members(self, blocks: Sequence[str]) -> list[tuple[str, str, int, int]]:
        """(block, mention id, lo, hi) of every mention in ``blocks``."""
        return self._con.execute(f"SELECT link_block, mention_id, link_lo, link_hi FROM mentions "
                                 f"WHERE link_block IN {_IDS}", [list(blocks)]).fetchall()

    def link_save_ids(self, changes: Mapping[str, str], blocks: Sequence[str]) -> None:
        """Set event ids that changed and mark ``blocks`` clustered, in one transaction."""
        with self._transaction() as con:
            if changes:
                table = pa.table({"mention_id": pa.array(list(changes), pa.string()),
                                  "event_id": pa.array(list(changes.values()), pa.string())})
                con.register("_sideline_ids", table)
                try:
                    con.execute("UPDATE mentions SET event_id = i.event_id FROM _sideline_ids i "
                                "WHERE mentions.mention_id = i.mention_id")
                finally:
                    con.unregister("_sideline_ids")
            con.execute(f"DELETE FROM relink_spans WHERE block IN {_IDS}", [list(blocks)])

    def n_events(self) -> int:
        """How many events (distinct event ids) the ledger holds."""
        return int(self._con.execute("SELECT count(DISTINCT event_id) FROM mentions").fetchone()[0])

