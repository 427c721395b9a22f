"""Exports: jsonl follows FORMAT.md section 2 and adds provenance and clean evidence; csv and
parquet give a mention table and an event table (parquet typed, csv flat)."""
from __future__ import annotations

import csv
import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sideline.codec import event_to_json
from sideline.errors import SidelineError
from sideline.export.tables import EVENT_COLUMNS, MENTION_COLUMNS, PARTICIPANT, flat_columns
from sideline.export.view import read_view
from sideline.export.writers import WRITERS, events_path, export
from sideline.records import EventType, Granularity, Status
from sideline.store.database import Store

from ._export_data import make_ledger
from ._store_data import batch

FORMAT_KEYS = ["article", "event_id", "type", "plover", "mode", "status", "actors", "date",
               "date_granularity", "date_text", "location", "attributed_to", "evidence",
               "confidence", "mention_id"]
PROVENANCE = ["published", "url", "source", "title"]
OPT_STR = (str, type(None))


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as s:
        for k in range(3):
            s.write_batch(batch(k), "run-1")
        s.set_event_ids({e.mention_id: f"ev-{e.type.value}-{e.status.value}" for e in s.events()})
        yield s


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The hand-written ledger of tests/_export_data.py, and its view."""
    db = make_ledger(tmp_path_factory.mktemp("export") / "ledger.duckdb")
    with Store(db, read_only=True) as s:
        yield s, read_view(s)


def _check_line(d: dict, texts: dict[str, str]) -> None:
    assert list(d) == FORMAT_KEYS + PROVENANCE  # FORMAT.md's fields in their order, then additions
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
    assert loc is None or (list(loc) == ["name", "country", "lat", "lon", "venue", "occasion", "country_name"]
                           and isinstance(loc["lat"], (float, type(None))))
    att = d["attributed_to"]
    assert att is None or (list(att) == ["name", "mention"] and isinstance(att["name"], str))
    ev = d["evidence"]
    assert list(ev) == ["text", "start", "end", "clean"]
    assert isinstance(ev["start"], int) and isinstance(ev["end"], int) and isinstance(ev["clean"], str)
    assert texts[d["article"]][ev["start"]:ev["end"]] == ev["text"]
    assert isinstance(d["confidence"], float) and 0 <= d["confidence"] <= 1
    assert d["mention_id"].startswith("m-")
    assert all(isinstance(d[k], OPT_STR) for k in PROVENANCE)


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
    assert lines[0]["url"] == "https://example.org/0" and lines[0]["source"] == "Test Wire"


def test_jsonl_only_adds_fields_to_the_format_lines(written, tmp_path):
    s, view = written
    out = tmp_path / "w.jsonl"
    export(s, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(view.mentions) == 8
    malawi = next(x for x in lines if x["location"] and x["location"]["country"] == "MWI")
    assert (malawi["location"]["name"], malawi["location"]["country_name"]) == ("Lilongwe", "Malawi")
    for line, ev in zip(lines, view.mentions):
        same = event_to_json(ev)
        clean = line["evidence"].pop("clean")
        country = line["location"].pop("country_name") if line["location"] else None
        assert {k: line[k] for k in FORMAT_KEYS} == same and isinstance(clean, str)
        assert country is None or line["location"]["country"]
    first = lines[0]
    assert (first["url"], first["source"], first["title"], first["published"]) == (
        "https://wire.example/malawi-zambia", "Southern Wire", "Zambian leader in Lilongwe", "2024-03-04")


def test_clean_evidence_beside_the_exact_text(written, tmp_path):
    s, _ = written
    out = tmp_path / "w.jsonl"
    export(s, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    malawi = next(d for d in lines if "Malawi" in d["evidence"]["text"])
    assert "Malawi&#039;s" in malawi["evidence"]["text"] and "Malawi's President" in malawi["evidence"]["clean"]
    kremlin = next(d for d in lines if "Kremlin" in d["evidence"]["text"])
    assert "Putin\u00c2 would" in kremlin["evidence"]["text"]
    assert "Putin would" in kremlin["evidence"]["clean"] and '"fiction"' in kremlin["evidence"]["clean"]
    assert all(d["url"] for d in lines if d["article"] != "w-002")  # every article with a url


def test_exports_are_deterministic(store, tmp_path):
    for fmt in ("jsonl", "csv"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        export(store, fmt, a)
        export(store, fmt, b)
        assert a.read_bytes() == b.read_bytes()
        assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


def test_csv_writes_a_flat_mention_and_event_table(store, tmp_path):
    out = tmp_path / "ledger.csv"
    done = export(store, "csv", out)
    assert done.paths == (out, tmp_path / "ledger.events.csv") and done.events == 3
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == flat_columns(MENTION_COLUMNS) and len(rows) == 39
    assert "participant_names" in rows[0] and "participants" not in rows[0]
    texts = {a.id: a.text for a in store.articles()}
    for r in rows:
        assert texts[r["article"]][int(r["evidence_start"]):int(r["evidence_end"])] == r["evidence"]
    with duckdb.connect() as con:
        rel = con.read_csv(str(events_path(out)))
        assert rel.columns == flat_columns(EVENT_COLUMNS)
        got = [dict(zip(rel.columns, r)) for r in rel.fetchall()]
        kinds = dict(con.execute(f"DESCRIBE SELECT * FROM read_csv('{out}')").fetchall()[i][:2]
                     for i in range(len(rows[0])))
    assert kinds["date_start"] == "DATE" and kinds["confidence"] == "DOUBLE"  # ISO text reads back typed
    row = next(r for r in got if r["participant_names"] == "Sergey Lavrov; António Guterres")
    assert row["participant_codes"] == "RUSGOV; IGOUNO" and row["participant_countries"] == "RUS; "
    assert (row["n_mentions"], row["n_articles"], row["n_sources"]) == (13, 13, 1)  # one outlet
    assert str(row["date_start"]) == "2024-09-26" and row["location"] == "New York"
    assert str(row["first_seen"]) == "2024-09-01" and str(row["last_seen"]) == "2024-09-15"
    assert row["status"] == "occurred" and row["cameo"] == "044" and row["plover_event"] == "CONSULT"


def test_parquet_writes_typed_tables(written, tmp_path):
    s, view = written
    out = tmp_path / "ledger.parquet"
    export(s, "parquet", out)
    mentions = pq.read_table(out)
    assert mentions.column_names == [c for c, _ in MENTION_COLUMNS] and mentions.num_rows == 8
    schema = mentions.schema
    assert schema.field("participants").type == pa.list_(PARTICIPANT)
    assert (str(schema.field("published").type), str(schema.field("date_start").type)) == ("date32[day]",) * 2
    assert str(schema.field("location_lat").type) == "double" and str(schema.field("evidence_start").type) == "int64"
    texts = {a.id: a.text for a in s.articles()}
    for r in mentions.to_pylist():
        assert texts[r["article"]][r["evidence_start"]:r["evidence_end"]] == r["evidence"]
    events_file = tmp_path / "ledger.events.parquet"
    with duckdb.connect() as con:
        kinds = dict(con.execute(f"DESCRIBE SELECT * FROM '{events_file}'").fetchall()[i][:2] for i in range(31))
        month = con.execute(f"SELECT date_start, date_end, date_granularity, participants[1].name FROM '{events_file}' "
                            "WHERE date_granularity = 'month'").fetchall()
        n = con.execute(f"SELECT sum(n_mentions), count(*) FROM '{events_file}'").fetchone()
    assert kinds["date_start"] == "DATE" and kinds["first_seen"] == "DATE" and kinds["countries"] == "VARCHAR[]"
    assert kinds["participants"].startswith("STRUCT(") and kinds["participants"].endswith("[]")
    assert kinds["location_lat"] == "DOUBLE" and kinds["n_mentions"] == "BIGINT" and kinds["contradiction"] == "BOOLEAN"
    assert [(str(a), str(b), g, p) for a, b, g, p in month] == [("2024-05-01", "2024-05-31", "month", "Qatar")]
    assert n == (8, len(view.events))


def test_the_event_table_is_the_ledger(written, tmp_path):
    s, view = written
    out = tmp_path / "ledger.parquet"
    export(s, "parquet", out)
    rows = {r["event_id"]: r for r in pq.read_table(tmp_path / "ledger.events.parquet").to_pylist()}
    assert set(rows) == {e.event_id for e in view.events}
    for e in view.events:
        r = rows[e.event_id]
        assert (r["status"], r["type"], r["n_mentions"]) == (e.status.value, e.type.value, e.n_mentions)
        assert [p["name"] for p in r["participants"]] == [a.name for a in e.participants]
    castro = next(r for r in rows.values() if r["participants"][0]["name"] == "Fidel Castro")
    assert castro["participants"][0]["code"] == "CUBGOV" and castro["urls"] == ["https://news.example/maldives-modi"]
    refusal = next(r for r in rows.values() if r["cameo"] == "125" and r["countries"] == ["IND", "MDV"])
    assert refusal["plover_event"] == "REJECT" and refusal["plover_mode"] == "meet"
    assert refusal["sources"] == ["Delhi Courier"] and "called off" in refusal["evidence_clean"]
    export(s, "cameo", tmp_path / "ledger.cameo")
    ids = [int(line.split("\t")[0]) for line in (tmp_path / "ledger.cameo").read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(i for r in rows.values() for i in r["gdelt_ids"])  # the join key of the two
    assert len(next(r for r in rows.values() if r["countries"] == ["BHR", "KWT", "OMN", "QAT"])["gdelt_ids"]) == 6


def test_mentions_never_linked_are_linked_as_the_ledger_links_them(tmp_path):
    with Store(":memory:") as s:
        s.write_batch(batch(0), "r")
        done = export(s, "csv", tmp_path / "x.csv")
    assert done.mentions == 12 and done.events == 3  # four articles tell the same three events


def test_standard_output(store, capsys):
    done = export(store, "jsonl", "-")
    assert done.paths == () and len(capsys.readouterr().out.splitlines()) == 39


def test_unknown_format_is_e301(store, tmp_path):
    with pytest.raises(SidelineError) as err:
        export(store, "xml", tmp_path / "x.xml")
    assert err.value.code == "E301" and "jsonl" in str(err.value)
    assert {"jsonl", "csv", "parquet"} <= set(WRITERS)


def test_an_html_page_keeps_its_canonical_url_and_site_name(tmp_path):
    from sideline.stages.ingest import read_inputs

    body = " ".join(["Kenya's foreign minister met his Ugandan counterpart in Kampala on Friday to discuss "
                     "the shared border, officials said."] * 6)
    page = ("<html><head><title>Ministers meet in Kampala | The Lakes Herald</title>"
            '<link rel="canonical" href="https://herald.example/2024/ministers-meet">'
            '<meta property="og:site_name" content="The Lakes Herald"></head>'
            f"<body><article><h1>Ministers meet in Kampala</h1><p>{body}</p></article></body></html>")
    (tmp_path / "kampala.html").write_text(page, encoding="utf-8")
    [article] = list(read_inputs([str(tmp_path / "kampala.html")]))
    assert article.url == "https://herald.example/2024/ministers-meet"
    assert article.source == "The Lakes Herald" and article.title == "Ministers meet in Kampala"
