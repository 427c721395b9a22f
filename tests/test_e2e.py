"""End to end through the command line: messy folders, re-runs, and a run killed with SIGKILL.

These load the spaCy model in subprocesses, so they are marked slow.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ._export_data import without_dateadded

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "sideline" / "data" / "examples" / "articles.jsonl"


def _cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "sideline.cli", *args], capture_output=True, text=True,
                          timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"sideline {' '.join(args)} -> {proc.returncode}\n{proc.stderr[-3000:]}")
    return proc


def _export(db: Path) -> list[dict]:
    out = _cli("export", "--db", str(db), "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _articles() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture()
def messy_folder(tmp_path: Path) -> Path:
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    arts = _articles()
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (d / "empty.txt").write_text("", encoding="utf-8")
    good = json.dumps(arts[0], ensure_ascii=False)
    (d / "batch.jsonl").write_text(good + "\n{\"id\": \"broken\", \"text\": \"unterminated\n", encoding="utf-8")
    body = ("ANKARA, March 3 \u2014 Turkey\u2019s foreign minister met his Greek counterpart in Ankara "
            "on Tuesday, the ministry said. The two men held talks for three hours.")
    (d / "sub" / "caf\u00e9-report.txt").write_bytes(body.encode("cp1252"))
    with gzip.open(d / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(arts[1], ensure_ascii=False) + "\n")
    return d


def test_messy_folder_exits_zero_and_names_every_reject(tmp_path: Path, messy_folder: Path):
    db = tmp_path / "l.duckdb"
    proc = _cli("extract", str(messy_folder), "--db", str(db))
    err = proc.stderr
    for name in ("binary.txt", "empty.txt", "batch.jsonl:2"):
        assert name in err, err
    assert "3 rejected" in proc.stdout
    rejects = _cli("rejects", "--db", str(db)).stdout
    assert "binary.txt" in rejects and "empty.txt" in rejects and "batch.jsonl:2" in rejects
    events = _export(db)
    assert {e["article"] for e in events} >= {"caf\u00e9-report"}
    strict = _cli("extract", str(messy_folder), "--db", str(tmp_path / "s.duckdb"), "--strict", check=False)
    assert strict.returncode == 1


def test_export_has_the_format_fields_and_exact_evidence(tmp_path: Path):
    db = tmp_path / "l.duckdb"
    _cli("extract", str(EXAMPLES), "--db", str(db))
    from sideline.store.database import Store

    with Store(db, read_only=True) as store:  # roles the articles stated are kept in the ledger
        learned = store.learned_roles()
    assert learned and all(name and role and article for name, role, _, _, article in learned)
    texts = {a["id"]: a["text"] for a in _articles()}
    events = _export(db)
    assert events
    keys = {"article", "event_id", "type", "plover", "mode", "status", "actors", "date", "date_granularity",
            "date_text", "location", "attributed_to", "evidence", "confidence"}
    for e in events:
        assert keys <= set(e), keys - set(e)
        ev = e["evidence"]
        assert texts[e["article"]][ev["start"]:ev["end"]] == ev["text"]
        assert 0.0 <= e["confidence"] <= 1.0
    again = _cli("extract", str(EXAMPLES), "--db", str(db))
    assert "unchanged" in again.stdout
    assert _export(db) == events


_KILLABLE = """
import sys, sideline
def tick(res):
    print("stored", res.article.id if res.article else res.reject, flush=True)
sideline.extract([sys.argv[1]], db=sys.argv[2], batch_size=1, on_result=tick)
"""


def test_sigkill_then_rerun_equals_one_clean_run(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    arts = _articles()
    rows = [dict(a, id=f"{a['id']}-{k}") for k in range(3) for a in arts]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    _cli("extract", str(corpus), "--db", str(clean_db))
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(corpus), str(killed_db)],
                            stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    stored = 0
    for line in proc.stdout:
        stored += line.startswith("stored")
        if stored >= 3:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= stored < len(rows)
    partial = tmp_path / "partial.duckdb"
    shutil.copy(killed_db, partial)
    if Path(str(killed_db) + ".wal").exists():
        shutil.copy(str(killed_db) + ".wal", str(partial) + ".wal")
    assert len({e["article"] for e in _export(partial)}) < len(rows)
    _cli("extract", str(corpus), "--db", str(killed_db))
    assert _export(killed_db) == _export(clean_db)


def test_incremental_extract_gives_the_ledger_of_one_run(tmp_path: Path):
    arts = _articles()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts[::2]), encoding="utf-8")
    second.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts[1::2]), encoding="utf-8")
    once, twice = tmp_path / "once.duckdb", tmp_path / "twice.duckdb"
    _cli("extract", str(EXAMPLES), "--db", str(once))
    _cli("extract", str(first), "--db", str(twice))
    _cli("extract", str(second), "--db", str(twice))
    assert _export(twice) == _export(once)
    for fmt in ("plover", "cameo"):
        a = _cli("export", "--db", str(once), "--format", fmt).stdout
        b = _cli("export", "--db", str(twice), "--format", fmt).stdout
        assert a.strip() and b.strip()
        if fmt == "cameo":  # DATEADDED is when the run stored the event: the one cell runs may change
            a, b = without_dateadded(a), without_dateadded(b)
        assert a == b



def test_story_and_event_show_the_ledger_record(tmp_path: Path):
    db = tmp_path / "l.duckdb"
    _cli("extract", str(EXAMPLES), "--db", str(db))
    events = _export(db)
    pair = events[0]["actors"][0]["name"], events[0]["actors"][1]["name"]
    story = [json.loads(x) for x in _cli("story", *pair, "--db", str(db), "--json").stdout.splitlines()]
    assert story and all(s["event"]["status"] and s["event"]["rule"] and s["claims"] for s in story)
    assert events[0]["event_id"] in {s["event_id"] for s in story}
    shown = json.loads(_cli("event", events[0]["event_id"], "--db", str(db), "--json").stdout)
    assert shown["event_id"] == shown["event"]["event_id"] == events[0]["event_id"]
    assert shown["event"]["n_mentions"] == len(shown["claims"]) >= 1
    table = _cli("event", events[0]["event_id"], "--db", str(db)).stdout
    assert events[0]["event_id"] in table and "mentions in" in table
