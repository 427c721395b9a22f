"""Issue 12, the readers: bad names, duplicate ids, stdin ids, FIFOs, gzip bombs, empty inputs.

Each test names the item of issue 12 it covers and failed before the fix.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from sideline.records import Article, Reject, Result
from sideline.stages.ingest.read import read_inputs
from sideline.store.database import Store

TEXT = "Kenyan Foreign Minister Wanjiru Kamau met her Ugandan counterpart in Kampala on Tuesday."


def _storable(items) -> None:
    """Every id, origin and reason can be written to DuckDB (item 2)."""
    results = [Result(article=None, reject=x) if isinstance(x, Reject) else Result(article=x) for x in items]
    with Store(":memory:") as store:
        store.write_batch(results, store.begin_run(["x"]))
        assert store.counts()["articles"] + store.counts()["rejects"] == len(results)


# -- item 2: undecodable names -----------------------------------------------------------------
def test_item2_file_name_that_is_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(TEXT.encode())
    out = list(read_inputs([tmp_path]))
    assert [type(x).__name__ for x in out] == ["Article"]
    assert out[0].id == "caf\\xe9"
    out[0].id.encode("utf-8")
    out[0].origin.encode("utf-8")
    _storable(out)


def test_item2_surrogate_in_a_json_id_and_text(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "x\ud800y", "text": TEXT}) + "\n"
                 + json.dumps({"id": "t1", "text": "Lavrov \udc00 met Blinken.", "title": "a\ud801"}) + "\n",
                 encoding="ascii")
    out = list(read_inputs([p]))
    assert isinstance(out[0], Article) and out[0].id == "x\\ud800y"
    assert isinstance(out[1], Reject) and out[1].code == "E113" and out[1].article == "t1"
    _storable(out)


def test_item2_latin1_byte_in_jsonl_from_stdin():
    line = json.dumps({"id": "caf\u00e9-1", "text": "Caf\u00e9 talks: " + TEXT}, ensure_ascii=False)
    raw = line.encode("latin-1") + b"\n"
    wrapped = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")
    out = list(read_inputs(["-"], stdin=wrapped))
    assert isinstance(out[0], Article), out
    assert out[0].id == "caf\u00e9-1" and out[0].text.startswith("Caf\u00e9 talks")
    _storable(out)


# -- item 3: duplicate ids ------------------------------------------------------------------------
def test_item3_first_occurrence_of_an_id_wins(tmp_path):
    p = tmp_path / "dup.jsonl"
    lines = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}, {"id": "a", "text": TEXT + " Again."}]
    p.write_text("".join(json.dumps(x) + "\n" for x in lines))
    q = tmp_path / "more.jsonl"
    q.write_text(json.dumps({"id": "b", "text": "Other text."}) + "\n")
    out = list(read_inputs([p, q]))
    assert [x.id for x in out if isinstance(x, Article)] == ["a", "b"]
    rejects = [x for x in out if isinstance(x, Reject)]
    assert [r.code for r in rejects] == ["E114", "E114"]
    assert f"{p}:1" in rejects[0].reason and rejects[0].origin == f"{p}:3"
    assert f"{p}:2" in rejects[1].reason and rejects[1].origin == f"{q}:1"
    assert out[0].text == TEXT


# -- item 4: stdin text ids ----------------------------------------------------------------------
def test_item4_stdin_text_gets_a_content_id():
    one = list(read_inputs("-", stdin=io.StringIO(TEXT)))[0]
    two = list(read_inputs("-", stdin=io.StringIO("Lavrov met Guterres in New York.")))[0]
    again = list(read_inputs("-", stdin=io.StringIO(TEXT)))[0]
    assert one.id.startswith("stdin-") and two.id.startswith("stdin-")
    assert one.id != two.id and one.id == again.id
    assert one.id == "stdin-" + one.text_hash[:12]


# -- item 7: FIFOs -------------------------------------------------------------------------------
def _read_with_timeout(paths, seconds: float = 20.0):
    box: dict = {}
    t = threading.Thread(target=lambda: box.setdefault("out", list(read_inputs(paths))), daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():  # unblock the reader so the test process can end
        for p in paths:
            for f in ([p] if not Path(p).is_dir() else Path(p).iterdir()):
                if Path(f).is_fifo():
                    fd = os.open(f, os.O_WRONLY | os.O_NONBLOCK)
                    os.close(fd)
        pytest.fail("reading a FIFO hung")
    return box["out"]


def test_item7_fifo_in_a_folder_and_named(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "b.txt")
    out = _read_with_timeout([tmp_path])
    assert [type(x).__name__ for x in out] == ["Article", "Reject"]
    assert out[1].code == "E115" and "FIFO" in out[1].reason
    out = _read_with_timeout([tmp_path / "b.txt"])
    assert [x.code for x in out] == ["E115"]


# -- item 9: gzip bombs ------------------------------------------------------------------------
def _gz(path: Path, chunk: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> Path:
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(head)
        for _ in range(times):
            fh.write(chunk)
        fh.write(tail)
    return path


def _peak(paths, **kw):
    tracemalloc.start()
    try:
        out = list(read_inputs(paths, **kw))
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_item9_text_gzip_bomb_stops_early(tmp_path):
    bomb = _gz(tmp_path / "bomb.txt.gz", b"a" * 1_000_000, 48)  # 48 MB of text
    out, peak = _peak([bomb], max_chars=100_000)
    assert [x.code for x in out] == ["E105"]
    assert peak < 8_000_000, f"peak {peak:,} bytes"


def test_item9_one_line_jsonl_gzip_bomb_stops_early(tmp_path):
    head = b'{"id": "big", "text": "'
    bomb = _gz(tmp_path / "bomb.jsonl.gz", b"a" * 1_000_000, 48, head, b'"}\n'
                                                                       + json.dumps({"id": "ok", "text": TEXT}).encode())
    out, peak = _peak([bomb], max_chars=100_000)
    assert [type(x).__name__ for x in out] == ["Reject", "Article"]
    assert out[0].code == "E116" and out[0].origin == f"{bomb}:1"
    assert out[1].origin == f"{bomb}:2"
    assert peak < 8_000_000, f"peak {peak:,} bytes"


def test_item9_newline_bomb_keeps_line_numbers(tmp_path):
    bomb = _gz(tmp_path / "nl.jsonl.gz", b"\n" * 1_000_000, 20, b"",
               json.dumps({"id": "last", "text": TEXT}).encode() + b"\n")
    out = list(read_inputs([bomb]))
    assert [x.origin for x in out] == [f"{bomb}:20000001"]


# -- item 13: inputs that give no article ---------------------------------------------------
def test_item13_empty_inputs_are_recorded(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.jsonl").write_text("  \n\n \t\n")
    (tmp_path / "none.jsonl").write_text("")
    out = list(read_inputs([tmp_path / "empty", tmp_path / "blank.jsonl", tmp_path / "none.jsonl"]))
    assert [(x.code, x.origin) for x in out] == [
        ("E117", str(tmp_path / "empty")), ("E117", str(tmp_path / "blank.jsonl")),
        ("E117", str(tmp_path / "none.jsonl"))]


# -- item 16: impossible publication dates ----------------------------------------------------
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "0999-05-01"])
def test_item16_impossible_published_is_dropped_with_a_code(value):
    from datetime import date

    from sideline.pipeline import _result
    from sideline.records import Document
    from sideline.stages.clean.stage import Clean

    art = Article(id="x", text="KAMPALA, May 7, 2024 - " + TEXT, published=date.fromisoformat(value),
                  published_from="metadata")
    doc = Clean()(Document(article=art))
    assert doc.published == date(2024, 5, 7) and doc.published_from == "dateline"
    assert any(n.startswith("[E118]") and value in n for n in doc.notes), doc.notes
    assert _result(doc).article.published == date(2024, 5, 7)
    doc = Clean()(Document(article=Article(id="y", text=TEXT, published=date.fromisoformat(value))))
    assert doc.published is None and _result(doc).article.published is None
