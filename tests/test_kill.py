"""A writer SIGKILLed mid-transaction, then run again, ends with the ledger of an uninterrupted run."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sideline.store.database import Store

from ._store_data import batch

ROOT = Path(__file__).resolve().parent.parent
N_BATCHES = 16


def _writer(db: Path, out: Path, stall: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests._kill_writer", str(db), str(out),
                             str(N_BATCHES), str(stall)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)


def _run_to_end(db: Path, out: Path) -> None:
    proc = _writer(db, out, -1)
    lines = proc.communicate(timeout=120)[0].splitlines()
    assert proc.returncode == 0 and lines[-1] == "finished"


def _kill_inside(db: Path, out: Path, k: int) -> None:
    """Start a writer and SIGKILL it while batch ``k``'s transaction is open."""
    proc = _writer(db, out, k)
    try:
        for line in proc.stdout:
            if line.strip() == f"inside {k}":
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL


def _kill_after(db: Path, out: Path, k: int, delay: float) -> None:
    """Start a writer and SIGKILL it ``delay`` seconds after batch ``k`` is committed,
    wherever it then is (mid-batch, committing, or between batches)."""
    proc = _writer(db, out, -1)
    try:
        for line in proc.stdout:
            if line.strip() == f"committed {k}":
                time.sleep(delay)
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()


def _stored_ids(k: int) -> set[str]:
    """The article ids that batches 0..k-1 store."""
    return {r.article.id for j in range(k) for r in batch(j) if r.article}


def _check_consistent(db: Path, committed: int) -> None:
    with Store(db) as store:
        assert {a["id"] for a in store.article_info()} == _stored_ids(committed)
        per_article = {a["id"]: a["n_events"] for a in store.article_info()}
        events = list(store.events())
        assert len(events) == sum(per_article.values())
        assert {e.article for e in events} == set(per_article)
        assert sum(a["n_mentions"] for a in store.actors()) == sum(len(e.actors) for e in events)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, Path]:
    """The database and JSONL export of one uninterrupted run."""
    d = tmp_path_factory.mktemp("reference")
    _run_to_end(d / "ref.duckdb", d / "ref.jsonl")
    return d / "ref.duckdb", d / "ref.jsonl"


def test_killed_runs_end_with_the_uninterrupted_ledger(tmp_path, reference):
    ref_db, ref_out = reference

    db, out = tmp_path / "crash.duckdb", tmp_path / "crash.jsonl"
    _kill_inside(db, out, 5)
    assert Path(f"{db}.wal").exists()  # the committed batches are (still) in the write-ahead log
    _check_consistent(db, committed=5)
    _kill_inside(db, out, 11)  # killed again on the rerun
    _check_consistent(db, committed=11)
    assert not out.exists()
    _run_to_end(db, out)

    assert out.read_bytes() == ref_out.read_bytes()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3 * len(_stored_ids(N_BATCHES))
    with Store(ref_db, read_only=True) as ref, Store(db, read_only=True) as got:
        assert {**got.counts(), "runs": 0} == {**ref.counts(), "runs": 0}
        assert list(got.rejects()) == list(ref.rejects())
        assert list(got.actors()) == list(ref.actors())
        assert [r["finished"] is None for r in got.runs()] == [True, True, False]


def test_a_kill_at_any_moment_is_recovered(tmp_path, reference):
    ref_out = reference[1]
    db, out = tmp_path / "crash.duckdb", tmp_path / "crash.jsonl"
    rng = random.Random(7)
    for k in (2, 6):
        _kill_after(db, out, k, rng.uniform(0.0, 0.2))
        with Store(db) as store:  # whatever was committed is whole
            info = list(store.article_info())
            assert len(list(store.events())) == sum(a["n_events"] for a in info)
            assert {a["id"] for a in info} >= _stored_ids(k + 1)
    _run_to_end(db, out)
    assert out.read_bytes() == ref_out.read_bytes()
