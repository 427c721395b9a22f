"""Issue 12, with the spaCy model and real processes: a batch with one bad document, long
sentences, Ctrl-C and a killed parent, a full disk during extract.

Each test names the item of issue 12 it covers and failed before the fix.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sideline.records import Article

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SIDELINE = [sys.executable, "-m", "sideline.cli"]
TEXT = ("Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing on "
        "Tuesday, the ministry said. The two ministers discussed trade and security.")


def _corpus(path: Path, n: int, repeat: int = 3) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"c{i}", "text": f"Report {i}. " + TEXT * repeat,
                                 "published": "2024-05-07"}) + "\n")
    return path


# -- item 1 --------------------------------------------------------------------------------------
def test_item1_a_surrogate_rejects_its_document_only(nlp_stage):
    from sideline.pipeline import Pipeline

    pipe = Pipeline.default()
    arts = [Article(id="good1", text=TEXT), Article(id="bad", text="Lavrov \ud800 met Wang. " + TEXT),
            Article(id="good2", text=TEXT)]
    out = list(pipe.pipe(arts, batch_size=3))
    assert [r.article.id if r.article else r.reject.article for r in out] == ["good1", "bad", "good2"]
    assert out[1].reject is not None and out[1].reject.code == "E111"
    assert out[0].events and out[2].events


# -- item 8 --------------------------------------------------------------------------------------
def test_item8_long_sentences_are_capped_for_the_parser(nlp_stage):
    from sideline.records import Document
    from sideline.stages.nlp import MAX_SENTENCE_TOKENS

    words = ("the minister met his counterpart in Geneva and talks about trade were held with "
             "officials from Russia and the United States").split()
    text = "Lavrov met Blinken in Geneva. " + " ".join(words[i % len(words)] for i in range(4000))
    doc = nlp_stage(Document(article=Article(id="long", text=text), text=text))
    lengths = [len(s) for s in doc.parse.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS
    assert len(lengths) >= 4000 // MAX_SENTENCE_TOKENS
    assert list(doc.parse.sents)[0].text == "Lavrov met Blinken in Geneva."


# -- item 11 -------------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    kids, todo = [], [pid]
    pairs = [tuple(map(int, ln.split())) for ln in out.splitlines() if ln.strip()]
    while todo:
        p = todo.pop()
        for c, pp in pairs:
            if pp == p:
                kids.append(c)
                todo.append(c)
    return kids


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                if fh.read().split()[2] != "Z":
                    alive.append(p)
        except OSError:
            pass
    return alive


def _start(tmp_path: Path, n: int, batch: int) -> tuple[subprocess.Popen, Path]:
    """An extract on two workers, busy on long articles (seconds per batch) when the signal comes."""
    corpus = _corpus(tmp_path / "c.jsonl", n, repeat=60)
    db = tmp_path / "l.duckdb"
    # output to files: a pipe would stay open as long as any worker lives
    with open(tmp_path / "out", "w") as out, open(tmp_path / "err", "w") as err:
        proc = subprocess.Popen([*SIDELINE, "extract", str(corpus), "--db", str(db), "--n-process", "2",
                                 "--batch-size", str(batch), "--no-progress"], cwd=ROOT, stdout=out, stderr=err)
    deadline = time.time() + 120
    while time.time() < deadline and not db.exists():
        time.sleep(0.5)
    time.sleep(12.0)  # the workers load the model and process the first batches
    return proc, db


def test_item11_ctrl_c_prints_one_line_and_exits_130(tmp_path):
    proc, db = _start(tmp_path, 160, 4)  # enough work that the run is still going after the start-up wait
    wal = Path(f"{db}.wal")
    deadline = time.time() + 120
    while time.time() < deadline and not (wal.exists() and wal.stat().st_size > 30_000):
        time.sleep(0.2)  # until a batch of articles is committed
    kids = _children(proc.pid)
    assert kids, "no worker processes"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    time.sleep(1.0)
    assert _alive(kids) == []
    err = (tmp_path / "err").read_text()
    assert proc.returncode == 130, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "Interrupted" in lines[0] and "resume" in lines[0]
    # re-running resumes: the committed articles are not done again
    rerun = subprocess.run([*SIDELINE, "extract", str(tmp_path / "c.jsonl"), "--db", str(db),
                            "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0 and " unchanged" in rerun.stdout, rerun.stdout + rerun.stderr


def test_item11_workers_die_with_a_killed_parent(tmp_path):
    proc, _ = _start(tmp_path, 128, 32)
    kids = _children(proc.pid)
    assert kids, "no worker processes"
    proc.kill()
    proc.wait(timeout=30)
    time.sleep(3.0)  # the workers are mid-batch: without a watchdog they finish it first
    assert _alive(kids) == []


# -- item 12 -------------------------------------------------------------------------------------
def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))


def test_item12_full_disk_during_extract_is_a_coded_error(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 60)
    db = tmp_path / "l.duckdb"
    run = subprocess.run([*SIDELINE, "extract", str(corpus), "--db", str(db), "--no-progress"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, preexec_fn=_small_disk)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "[E209]" in run.stderr, run.stderr[-2000:]
