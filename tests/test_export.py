"""Exports: jsonl follows FORMAT.md section 2; csv and parquet give a mention and an event table."""
from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from sideline.errors import SidelineError
from sideline.export.writers import EVENT_COLUMNS, MENTION_COLUMNS, WRITERS, events_path, export
from sideline.records import EventType, Granularity, Status
from sideline.store.database import Store

from ._store_data import batch

FORMAT_KEYS = ["article", "event_id", "type", "plover", "mode", "status", "actors", "date",
               "date_granularity", "date_text", "location", "attributed_to", "evidence",
               "confidence", "mention_id"]
OPT_STR = (str, type(None))


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as s:
        for k in range(3):
            s.write_batch(batch(k), "run-1")
        s.set_event_ids({e.mention_id: f"ev-{e.type.value}-{e.status.value}" for e in s.events()})
        yield s


def _check_line(d: dict, texts: dict[str, str]) -> None:
    assert list(d) == FORMAT_KEYS
    assert isinstance(d["article"], str) and isinstance(d["event_id"], str)
    assert d["type"] in {t.value for t in EventType} and d["status"] in {s.value for s in Status}
    assert d["plover"] == "CONSULT" and isinstance(d["mode"], OPT_STR)
    assert d["actors"] and all(list(a) == ["name", "mention", "role", "country", "code"]
                               and isinstance(a["name"], str) and isinstance(a["mention"], str)
                               and all(isinstance(a[k], OPT_STR) for k in ("role", "country", "code"))
                               for a in d["actors"])
    assert isinstance(d["date"], OPT_STR) and isinstance(d["date_text"], OPT_STR)
    assert d["date_granularity"] in {g.value for g in Granularity} | {None}
    loc = d["location"]
    assert loc is None or (list(loc) == ["name", "country", "lat", "lon", "venue", "occasion"]
                           and isinstance(loc["lat"], (float, type(None))))
    att = d["attributed_to"]
    assert att is None or (list(att) == ["name", "mention"] and isinstance(att["name"], str))
    ev = d["evidence"]
    assert list(ev) == ["text", "start", "end"]
    assert isinstance(ev["start"], int) and isinstance(ev["end"], int)
    assert texts[d["article"]][ev["start"]:ev["end"]] == ev["text"]
    assert isinstance(d["confidence"], float) and 0 <= d["confidence"] <= 1
    assert d["mention_id"].startswith("m-")


def test_jsonl_has_every_format_field(store, tmp_path):
    out = tmp_path / "events.jsonl"
    done = export(store, "jsonl", out)
    assert done.mentions == 39 and done.paths == (out,)
    texts = {a.id: a.text for a in store.articles()}
    raw = out.read_text(encoding="utf-8")
    assert "António" in raw and "«no plans»" in raw  # ensure_ascii=False
    lines = [json.loads(x) for x in raw.splitlines()]
    assert len(lines) == 39
    for d in lines:
        _check_line(d, texts)
    keys = [(d["article"], d["evidence"]["start"], d["mention_id"]) for d in lines]
    assert keys == sorted(keys)
    assert any(d["location"] for d in lines) and any(d["attributed_to"] for d in lines)
    assert any(d["location"] is None for d in lines) and any(d["date"] is None for d in lines)


def test_exports_are_deterministic(store, tmp_path):
    for fmt in ("jsonl", "csv"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        export(store, fmt, a)
        export(store, fmt, b)
        assert a.read_bytes() == b.read_bytes()
        assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


def test_csv_writes_a_mention_and_an_event_table(store, tmp_path):
    out = tmp_path / "ledger.csv"
    done = export(store, "csv", out)
    assert done.paths == (out, tmp_path / "ledger.events.csv") and done.events == 3
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [c for c, _ in MENTION_COLUMNS] and len(rows) == 39
    texts = {a.id: a.text for a in store.articles()}
    for r in rows:
        assert texts[r["article"]][int(r["evidence_start"]):int(r["evidence_end"])] == r["evidence"]
    with duckdb.connect() as con:
        rel = con.read_csv(str(events_path(out)))
        assert rel.columns == [c for c, _ in EVENT_COLUMNS]
        got = {r[0]: r for r in rel.fetchall()}
    meet = got["ev-meet-occurred"]
    cols = [c for c, _ in EVENT_COLUMNS]
    row = dict(zip(cols, meet))
    assert row["participants"] == "Sergey Lavrov; António Guterres"
    assert (row["n_mentions"], row["n_articles"]) == (13, 13)
    assert str(row["date"]) == "2024-09-26" and row["location"] == "New York"
    assert str(row["first_seen"]) == "2024-09-01" and str(row["last_seen"]) == "2024-09-15"


def test_parquet_writes_typed_tables(store, tmp_path):
    out = tmp_path / "ledger.parquet"
    export(store, "parquet", out)
    mentions = pq.read_table(out)
    assert mentions.column_names == [c for c, _ in MENTION_COLUMNS] and mentions.num_rows == 39
    assert str(mentions.schema.field("evidence_start").type) == "int64"
    assert str(mentions.schema.field("location_lat").type) == "double"
    texts = {a.id: a.text for a in store.articles()}
    for r in mentions.to_pylist():
        assert texts[r["article"]][r["evidence_start"]:r["evidence_end"]] == r["evidence"]
    events = pq.read_table(tmp_path / "ledger.events.parquet")
    assert events.column_names == [c for c, _ in EVENT_COLUMNS] and events.num_rows == 3
    with duckdb.connect() as con:
        n = con.execute(f"SELECT sum(n_mentions) FROM '{tmp_path / 'ledger.events.parquet'}'").fetchone()
    assert n[0] == 39


def test_unlinked_mentions_are_events_of_their_own(tmp_path):
    with Store(":memory:") as s:
        s.write_batch(batch(0), "r")
        done = export(s, "csv", tmp_path / "x.csv")
    assert done.events == done.mentions == 12


def test_standard_output(store, capsys):
    done = export(store, "jsonl", "-")
    assert done.paths == () and len(capsys.readouterr().out.splitlines()) == 39


def test_unknown_format_is_e301(store, tmp_path):
    with pytest.raises(SidelineError) as err:
        export(store, "xml", tmp_path / "x.xml")
    assert err.value.code == "E301" and "jsonl" in str(err.value)
    assert {"jsonl", "csv", "parquet"} <= set(WRITERS)


def test_event_rows_pick_the_finest_date_and_the_latest_status():
    from dataclasses import replace

    from sideline.export.writers import event_rows, mention_row
    from sideline.records import When

    from ._store_data import article, events

    e1, e2 = events(article(1))[0], events(article(2))[0]
    pairs = [(replace(e1, event_id="ev-1", when=When("2024-09", Granularity.MONTH)), "2024-09-02"),
             (replace(e2, event_id="ev-1", status=Status.PLANNED), "2024-09-01"),
             (replace(e2, event_id="ev-1", when=When("2024-W39", Granularity.WEEK), evidence=e1.evidence),
              "2024-09-01")]
    (row,) = event_rows([(e, mention_row(e, p)) for e, p in pairs])
    assert (row["date"], row["date_granularity"]) == ("2024-09-26", "day")
    assert row["status"] == "occurred" and row["n_mentions"] == 3 and row["n_articles"] == 2
    assert (row["first_seen"], row["last_seen"]) == ("2024-09-01", "2024-09-02")
