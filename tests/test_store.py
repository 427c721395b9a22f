"""The DuckDB store: schema and migrations, idempotent writes, replacement, rejects, round trip."""
from __future__ import annotations

import dataclasses

import duckdb
import pytest

from sideline.store import database as store_mod
from sideline.codec import event_from_json, event_to_json, mention_from_row, mention_to_row
from sideline.errors import StoreError
from sideline.records import Article, Reject, Result, When, Where
from sideline.store.database import SCHEMA_VERSION, Store

from ._store_data import article, batch, events, reject, result

TABLES = {"articles", "mentions", "actors", "rejects", "runs", "schema_version"}


def _tables(path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def _fill(store: Store, n_batches: int = 3) -> str:
    run_id = store.begin_run(["input.jsonl"])
    for k in range(n_batches):
        store.write_batch(batch(k), run_id)
    return run_id


def _expected(n_batches: int = 3) -> dict:
    return {e.mention_id: e for k in range(n_batches) for r in batch(k) if r.article for e in r.events}


# -- schema ----------------------------------------------------------------------------------------
def test_migrates_an_empty_database_and_reopens(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts() == dict.fromkeys(("articles", "mentions", "events", "actors", "rejects", "runs"), 0)
        _fill(s)
    assert TABLES <= _tables(db)
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts()["articles"] == 13
    with Store(db, read_only=True) as s:
        assert len(list(s.events())) == 39
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_a_new_migration_is_applied_on_open(tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        _fill(s, 1)
    extra = ("ALTER TABLE articles ADD COLUMN language VARCHAR DEFAULT 'en'",)
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS + (extra,))
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError) as err:
        Store(db, read_only=True)
    assert err.value.code == "E203"
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert {r["language"] for r in s.article_info()} == {"en"}
        assert len(list(s.events())) == 12


def test_refuses_a_database_from_a_newer_sideline(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 5])
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            Store(db, read_only=read_only)
        assert err.value.code == "E201"


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert err.value.code == "E202"
    assert not (tmp_path / "missing.duckdb").exists()


# -- writes ----------------------------------------------------------------------------------------
def test_rerunning_the_same_input_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        _fill(s)
        before = s.counts()
        first = [dataclasses.asdict(e) for e in s.events()]
        written = s.write_batch(batch(0), "run-again")
        assert (written.new, written.changed, written.unchanged, written.mentions) == (0, 0, 4, 0)
        assert s.counts() == {**before, "runs": 1}
        assert [dataclasses.asdict(e) for e in s.events()] == first
        assert len(list(s.rejects())) == 2


def test_known_hashes():
    with Store(":memory:") as s:
        _fill(s, 1)
        assert s.known_hash("a-0000") == article(0).text_hash
        assert s.known_hash("a-0003") is None  # rejected
        assert s.known_hashes(["a-0000", "a-0001", "nope"]) == {
            "a-0000": article(0).text_hash, "a-0001": article(1).text_hash}
        assert s.known_hashes([]) == {}


def test_empty_date_place_and_article_round_trip():
    r = result(99)
    empty = dataclasses.replace(r.events[2], when=When(None), where=Where(None))
    with Store(":memory:") as s:
        s.write_batch([dataclasses.replace(r, events=(*r.events[:2], empty)),
                       Result(article=article(98))], "r")
        assert list(s.events(article="a-0099")) == [*r.events[:2], empty]
        assert {a["id"]: a["n_events"] for a in s.article_info()} == {"a-0098": 0, "a-0099": 3}


def test_events_round_trip_exactly_in_order():
    with Store(":memory:") as s:
        _fill(s)
        got = list(s.events())
        want = _expected()
        assert got and len(got) == len(want)
        assert all(e == want[e.mention_id] for e in got)
        keys = [(e.article, e.evidence.start, e.mention_id) for e in got]
        assert keys == sorted(keys)
        assert list(s.events(article="a-0001")) == [e for e in got if e.article == "a-0001"]


def test_codec_round_trips():
    empty = dataclasses.replace(events(article(2))[2], when=When(None), where=Where(None))
    for e in (*events(article(2)), empty):
        assert event_from_json(event_to_json(e, full=True)) == e
        assert mention_from_row(mention_to_row(e)) == e
        plain = event_from_json(event_to_json(e))
        assert event_to_json(plain) == event_to_json(e)


def test_changed_text_replaces_the_mentions():
    with Store(":memory:") as s:
        _fill(s, 1)
        old = {e.mention_id for e in s.events(article="a-0001")}
        s.set_event_ids({m: "ev-x" for m in old})
        info = {r["id"]: r for r in s.article_info()}["a-0001"]
        written = s.write_batch([result(1, variant=1)], "run-2")
        assert (written.new, written.changed, written.mentions) == (0, 1, 3)
        new = list(s.events(article="a-0001"))
        assert {e.mention_id for e in new}.isdisjoint(old)
        assert {e.event_id for e in new} == {None}  # the ledger links them again
        assert new == sorted(result(1, 1).events, key=lambda e: (e.evidence.start, e.mention_id))
        assert s.known_hash("a-0001") == article(1, 1).text_hash
        after = {r["id"]: r for r in s.article_info()}["a-0001"]
        assert after["first_seen"] == info["first_seen"] and after["run_id"] == "run-2"
        assert s.counts()["mentions"] == 12
        assert next(s.articles()).id == "a-0000"
        assert [a for a in s.articles() if a.id == "a-0001"] == [article(1, 1)]


def test_rejects_are_recorded_once_and_cleared_by_success():
    with Store(":memory:") as s:
        s.write_batch([reject(5), reject(5)], "r1")
        s.write_batch([reject(5)], "r2")
        assert list(s.rejects()) == [reject(5).reject]
        bad_file = Result(article=None, reject=Reject("x.bin", "E103", "binary"))
        s.write_batch([bad_file], "r2")
        s.write_batch([bad_file], "r3")
        assert len(list(s.rejects())) == 2
        s.write_batch([reject(6), result(6)], "r3")  # a later success in the same batch wins
        s.write_batch([result(5)], "r4")
        assert list(s.rejects()) == [bad_file.reject]
        s.write_batch([result(7), reject(7)], "r4")  # a later reject is kept beside the article
        assert s.known_hash("a-0007") and [r.article for r in s.rejects()] == ["a-0007", None]


def test_unstorable_text_becomes_a_reject():
    bad = Article(id="bad", text="broken \ud800 surrogate", origin="in.jsonl:9")
    with Store(":memory:") as s:
        written = s.write_batch([Result(article=bad), result(0)], "r")
        assert (written.new, written.rejects) == (1, 1)
        assert [(r.article, r.code) for r in s.rejects()] == [("bad", "E206")]


def test_a_failing_batch_writes_nothing(monkeypatch):
    with Store(":memory:") as s:
        _fill(s, 1)
        before = s.counts()

        def boom(self, names):
            raise RuntimeError("disk on fire")
        monkeypatch.setattr(Store, "_refresh_actors", boom)
        with pytest.raises(RuntimeError):
            s.write_batch(batch(1) + [result(0, 1)], "r")
        assert s.counts() == before
        assert s.known_hash("a-0000") == article(0).text_hash


def test_duplicate_claims_in_one_article_are_stored_once():
    r = result(0)
    with Store(":memory:") as s:
        written = s.write_batch([Result(article=r.article, events=r.events + r.events[:1])], "r")
        assert written.mentions == 3 and s.counts()["mentions"] == 3


def test_event_ids_actors_runs_and_counts():
    with Store(":memory:") as s:
        run_id = _fill(s)
        mapping = {e.mention_id: f"ev-{e.type.value}-{e.status.value}" for e in s.events()}
        assert s.set_event_ids(mapping) == 39
        assert {e.event_id for e in s.events()} == set(mapping.values())
        assert s.counts()["events"] == 3
        actors = {a["name"]: a for a in s.actors()}
        assert actors["Sergey Lavrov"]["n_mentions"] == 39
        assert actors["India"]["kind"] == "country" and actors["India"]["aliases"] == ["New Delhi"]
        assert actors["Wang Yi"]["country"] == "CHN"
        s.finish_run(run_id, {"articles": 15})
        (run,) = s.runs()
        assert run["counts"] == {"articles": 15} and run["inputs"] == ["input.jsonl"]
        assert run["finished"] >= run["started"]
        assert s.published_dates()["a-0002"] == article(2).published
        with pytest.raises(StoreError):
            s.finish_run("run-nope", {})


def test_actors_follow_replaced_mentions():
    with Store(":memory:") as s:
        s.write_batch([result(0)], "r")
        r = result(0, 1)
        s.write_batch([Result(article=r.article, events=r.events[:1])], "r")
        assert {a["name"] for a in s.actors()} == {"Sergey Lavrov", "António Guterres"}


def test_a_file_that_is_not_a_database_is_e204(tmp_path):
    bad = tmp_path / "events.jsonl"
    bad.write_text('{"id": "x"}\n' * 100)
    with pytest.raises(StoreError) as err:
        Store(bad)
    assert err.value.code == "E204"


def test_events_of_one_event():
    with Store(":memory:") as s:
        _fill(s, 1)
        first = next(s.events())
        s.set_event_ids({first.mention_id: "ev-1"})
        assert list(s.events(event_id="ev-1")) == [dataclasses.replace(first, event_id="ev-1")]
        assert list(s.events(article="a-0001", event_id="ev-1")) == []


def test_learned_roles_are_recorded_per_article_and_replaced_with_it():
    from datetime import date

    with Store(":memory:") as s:
        r = dataclasses.replace(result(1), learned=(("Vera Lind", "Foreign Minister", "SWE", date(2024, 5, 2)),
                                                    ("Vera Lind", "Foreign Minister", "SWE", date(2024, 5, 2)),
                                                    ("Kofi Mensah", "Ambassador", None, None)))
        s.write_batch([r])
        assert s.learned_roles() == [("Vera Lind", "Foreign Minister", "SWE", date(2024, 5, 2), r.article.id),
                                     ("Kofi Mensah", "Ambassador", "", None, r.article.id)]
        s.write_batch([r])  # the same text again: nothing new
        assert len(s.learned_roles()) == 2
        changed = dataclasses.replace(result(1, variant=1), learned=(("Vera Lind", "Prime Minister", "SWE", None),))
        s.write_batch([changed])
        assert s.learned_roles() == [("Vera Lind", "Prime Minister", "SWE", None, r.article.id)]


#: SQL that takes a ledger of the current schema back to an older one (what that release wrote)
_DOWNGRADES = {
    3: ("ALTER TABLE mentions DROP COLUMN link_block", "ALTER TABLE mentions DROP COLUMN link_lo",
        "ALTER TABLE mentions DROP COLUMN link_hi", "ALTER TABLE mentions DROP COLUMN link_keys",
        "ALTER TABLE learned_roles DROP COLUMN keys", "DROP TABLE relink_spans", "DROP TABLE relink_keys",
        "DELETE FROM schema_version WHERE version > 3"),
    2: ("ALTER TABLE mentions DROP COLUMN linked_actors", "DELETE FROM schema_version WHERE version > 2"),
    1: ("DROP TABLE learned_roles", "DELETE FROM schema_version WHERE version > 1"),
}


def _old_ledger(db, version: int) -> None:
    """A ledger at schema ``version``, holding one batch (written now, then downgraded)."""
    with Store(db) as s:
        _fill(s, 1)
    with duckdb.connect(str(db)) as con:
        for v in sorted(_DOWNGRADES, reverse=True):
            if v >= version:
                for statement in _DOWNGRADES[v]:
                    con.execute(statement)


def test_a_schema_1_ledger_gains_the_learned_roles_table(tmp_path):
    db = tmp_path / "old.duckdb"
    _old_ledger(db, 1)
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION == 4
        assert s.learned_roles() == [] and len(list(s.events())) == 12


def test_a_schema_2_ledger_gains_linked_actors_and_keeps_its_mention_ids(tmp_path):
    db = tmp_path / "old.duckdb"
    _old_ledger(db, 2)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2
        ids = {r[0] for r in con.execute("SELECT mention_id FROM mentions").fetchall()}
    with pytest.raises(StoreError) as err:  # a reader cannot upgrade it
        Store(db, read_only=True)
    assert err.value.code == "E203"
    with Store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        events = list(s.events())
        assert {e.mention_id for e in events} == ids and s.linked_actors() == {}
        assert list(s.events(raw=True)) == events
        first = events[0]
        renamed = (dataclasses.replace(first.actors[0], name="Someone Else"), *first.actors[1:])
        assert s.set_linked_actors({first.mention_id: renamed}) == 1
        again = next(e for e in s.events() if e.mention_id == first.mention_id)
        assert again.actors == renamed and again.mention_id == first.mention_id
        assert next(e for e in s.events(raw=True) if e.mention_id == first.mention_id).actors == first.actors
        assert "Someone Else" in {a["name"] for a in s.actors()}
        s.set_linked_actors({first.mention_id: None})
        assert s.linked_actors() == {} and "Someone Else" not in {a["name"] for a in s.actors()}
