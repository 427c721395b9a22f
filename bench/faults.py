"""Fault campaign (issue 12): kills, concurrent writers and readers, bombs and long sentences.

    .venv/bin/python bench/faults.py [--articles FILE] [--kills N] [--seed S] [--only NAME ...]

* ``kills``: a clean extract gives the reference export; then an extract into another
  database is SIGKILLed at N random moments (one and two processes, alternately), each
  time started again over what the killed one left; a last run goes to the end. Its export
  must equal the reference byte for byte, and no worker may outlive a killed parent.
* ``concurrent``: two writers (two halves of the corpus) and a reader loop on one database
  at once. DuckDB lets one process hold a database: the others must fail with one coded
  line (E208, exit 2; E202/E203 before the first writer made the file), never a traceback; re-running the refused writer then gives the
  export one run over the whole corpus gives.
* ``bombs``: a gzipped JSON Lines file of 1 GB of newlines and one article, and a 1 GB
  one-line gzip: seconds and peak memory of reading them.
* ``sentences``: seconds to extract one article of 10k, 25k, 50k and 100k characters
  without a full stop (the parser's sentence cap keeps this about linear).

The articles default to ``../shared/eval/dev2/articles.jsonl`` (read at run time).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIDELINE = [sys.executable, "-m", "sideline.cli"]
DEFAULT = ROOT.parent / "shared" / "eval" / "dev2" / "articles.jsonl"
if not DEFAULT.exists():
    DEFAULT = Path("/work/shared/eval/dev2/articles.jsonl")


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*SIDELINE, *args], cwd=ROOT, capture_output=True, text=True, **kw)


def _export(db: Path, out: Path) -> bytes:
    done = _run(["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def _children(pid: int) -> list[int]:
    rows = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    return [int(c) for c, p in (ln.split() for ln in rows.splitlines() if ln.strip()) if int(p) == pid]


def _alive(pids: list[int]) -> list[int]:
    out = []
    for p in pids:
        try:
            if Path(f"/proc/{p}/stat").read_text().split()[2] != "Z":
                out.append(p)
        except OSError:
            pass
    return out


def kills(articles: Path, work: Path, n: int, rng: random.Random) -> bool:
    t0 = time.time()
    clean = _run(["extract", str(articles), "--db", str(work / "clean.duckdb"), "--batch-size", "4"])
    seconds = time.time() - t0
    reference = _export(work / "clean.duckdb", work / "clean.jsonl")
    print(f"kills: clean run {seconds:.1f}s: {clean.stdout.strip()}")
    db, orphans = work / "killed.duckdb", 0
    for k in range(n):
        procs = "2" if k % 2 else "1"
        delay = rng.uniform(2.0, max(3.0, seconds))
        with open(work / "log", "a") as log:
            proc = subprocess.Popen([*SIDELINE, "extract", str(articles), "--db", str(db), "--batch-size", "4",
                                     "--n-process", procs], cwd=ROOT, stdout=log, stderr=log)
        time.sleep(delay)
        kids = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(3.0)
        left = _alive(kids) if procs == "2" else []
        orphans += len(left)
        print(f"kills: run {k + 1} ({procs} process{'es' if procs == '2' else ''}) killed after {delay:.1f}s; "
              f"workers alive 3 s later: {len(left)}")
    last = _run(["extract", str(articles), "--db", str(db), "--batch-size", "4"])
    same = _export(db, work / "killed.jsonl") == reference
    print(f"kills: final run: {last.stdout.strip()}")
    print(f"kills: export after {n} kills {'IDENTICAL to' if same else 'DIFFERS from'} the clean run's; "
          f"orphaned workers: {orphans}")
    return same and orphans == 0


def concurrent(articles: Path, work: Path) -> bool:
    lines = [ln for ln in articles.read_text(encoding="utf-8").splitlines() if ln.strip()]
    half = len(lines) // 2
    a, b = work / "a.jsonl", work / "b.jsonl"
    a.write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[half:]) + "\n", encoding="utf-8")
    _run(["extract", str(a), str(b), "--db", str(work / "one.duckdb")])
    reference = _export(work / "one.duckdb", work / "one.jsonl")
    db = work / "shared.duckdb"
    writers = [subprocess.Popen([*SIDELINE, "extract", str(p), "--db", str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in (a, b)]
    reads = {"ok": 0, "refused": 0, "not yet": 0, "other": 0}
    while any(w.poll() is None for w in writers):
        r = _run(["events", "--db", str(db), "--json"])
        coded = r.stderr.startswith("sideline: error: [E") and "Traceback" not in r.stderr
        kind = "ok" if r.returncode == 0 else "refused" if coded and "[E208]" in r.stderr else \
            "not yet" if coded and ("[E202]" in r.stderr or "[E203]" in r.stderr) else "other"
        reads[kind] += 1
        if kind == "other":
            print("concurrent: reader got:", r.stderr.strip()[-300:])
    results = [(w.returncode, *w.communicate()) for w in writers]
    refused = [i for i, (rc, out, err) in enumerate(results) if rc != 0]
    clean_errors = all(rc == 0 or (rc == 2 and "[E208]" in err and "Traceback" not in err) for rc, _, err in results)
    for i in refused:
        print(f"concurrent: writer {i + 1} refused: {results[i][2].strip()[:160]}")
        _run(["extract", str((a, b)[i]), "--db", str(db)])
    same = _export(db, work / "shared.jsonl") == reference
    print(f"concurrent: writers' exit codes {[r[0] for r in results]}; reads during the run: {reads}")
    print(f"concurrent: export after re-running the refused writer {'IDENTICAL to' if same else 'DIFFERS from'} "
          "one run over both halves")
    return same and clean_errors and reads["other"] == 0


def bombs(work: Path) -> bool:
    nl = work / "newlines.jsonl.gz"
    with gzip.open(nl, "wb", compresslevel=6) as fh:
        for _ in range(1024):
            fh.write(b"\n" * (1 << 20))
        fh.write(json.dumps({"id": "last", "text": "x"}).encode() + b"\n")
    line = work / "line.jsonl.gz"
    with gzip.open(line, "wb", compresslevel=6) as fh:
        fh.write(b'{"id": "big", "text": "')
        for _ in range(1024):
            fh.write(b"a" * (1 << 20))
        fh.write(b'"}\n')
    code = ("import sys, resource, time; from sideline.stages.ingest.read import read_inputs; t = time.time(); "
            "out = [(type(x).__name__, getattr(x, 'code', None), x.origin) for x in read_inputs(sys.argv[1:])]; "
            "print(out, f'{time.time() - t:.1f}s', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, 'MB')")
    ok = True
    for p in (nl, line):
        r = subprocess.run([sys.executable, "-c", code, str(p)], cwd=ROOT, capture_output=True, text=True)
        print(f"bombs: {p.name} ({p.stat().st_size / 1e6:.1f} MB packed, 1 GB unpacked): {r.stdout.strip()}")
        ok &= r.returncode == 0
    return ok


def sentences(work: Path) -> bool:
    words = ("the minister met his counterpart in Geneva and talks about trade were held with officials "
             "from Russia and the United States").split()
    rng = random.Random(1)
    for n in (10_000, 25_000, 50_000, 100_000):
        text = "Lavrov met Blinken in Geneva. " + " ".join(rng.choice(words) for _ in range(n // 6))
        p = work / f"long{n}.jsonl"
        p.write_text(json.dumps({"id": f"long{n}", "text": text[:n], "published": "2024-05-07"}) + "\n")
        t = time.time()
        r = _run(["extract", str(p), "--db", str(work / f"long{n}.duckdb")])
        print(f"sentences: {n:,} characters without a full stop: {time.time() - t:.1f}s "
              f"(with loading the model): {r.stdout.strip()}")
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT)
    ap.add_argument("--kills", type=int, default=6)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--only", nargs="*", default=["kills", "concurrent", "bombs", "sentences"])
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sideline-faults-"))
    ok = True
    try:
        if "kills" in args.only:
            ok &= kills(args.articles, work, args.kills, random.Random(args.seed))
        if "concurrent" in args.only:
            ok &= concurrent(args.articles, work)
        if "bombs" in args.only:
            ok &= bombs(work)
        if "sentences" in args.only:
            ok &= sentences(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("faults: all checks passed" if ok else "faults: SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
