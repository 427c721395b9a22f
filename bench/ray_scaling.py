"""What Ray costs and buys: the Ray engine against the local engine, 1 and 2 workers (issue 14).

    .venv/bin/python bench/ray_scaling.py                    # VOA (229) and 2,000 articles
    .venv/bin/python bench/ray_scaling.py --corpora voa      # only the 229 VOA articles
    .venv/bin/python bench/ray_scaling.py --workers 1,2,4 --repeat 3

Needs Ray (`make setup-ray`); without it the Ray rows say E005 and the local rows still run.

**The corpora.** ``voa``: the 229 VOA articles of M2E2 (bench/voa.py). ``2000``: 2,000
articles, the VOA articles and the development sets' articles (../shared/eval/dev, dev2,
dev3) taken in turn until there are 2,000, each copy with an id of its own (``<id>~<k>``), so
every one is extracted (the ledger skips only an id it holds with the same text).

**The measurement.** Each run is ``sideline extract FILE --db NEW.duckdb --engine E
--n-process N`` in its own process, as users run it: wall seconds from start to exit (Python
start-up, imports, model loads, Ray's start and stop included), CPU seconds of the process
and its waited-for children (Ray's own daemons are not children: their CPU is not counted),
and the event mentions it reports. For each corpus and worker count the table gives
articles/s, the Ray run's overhead against the local engine (seconds and ratio), and the
speed-up of N workers over one. With ``--repeat R`` the median wall of R runs is kept.
The machine's load (``os.getloadavg``) is printed before and after; the figures mean
something only on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import sideline_cmd, timed  # noqa: E402
from voa import load_articles  # noqa: E402

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
MENTIONS = re.compile(r"(\d+) event mentions")


def corpus(name: str, out: Path) -> Path:
    """Write the corpus ``voa`` or ``<N>`` (N articles, see the docstring) as JSONL."""
    voa = [{"id": a.id, "text": a.text, **({"published": a.published.isoformat()} if a.published else {})}
           for a in load_articles()]
    rows = voa
    if name != "voa":
        pool = voa + [json.loads(line) for s in ("dev", "dev2", "dev3")
                      for line in open(EVAL / s / "articles.jsonl", encoding="utf-8") if line.strip()]
        rows = [{**pool[i % len(pool)], "id": f"{pool[i % len(pool)]['id']}~{i // len(pool)}"}
                for i in range(int(name))]
    path = out / f"{name}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def run_once(src: Path, engine: str, workers: int, work: Path) -> dict:
    db = work / f"run-{engine}-{workers}-{time.monotonic_ns()}.duckdb"
    done = timed([*sideline_cmd(), "extract", str(src), "--db", str(db), "--engine", engine,
                  "--n-process", str(workers), "--no-progress"])
    db.unlink(missing_ok=True)
    if "error" in done:
        return {"error": done["error"][:160]}
    found = MENTIONS.search(done["stdout"])
    return {"wall": done["seconds"], "cpu": done["cpu_seconds"], "mentions": int(found.group(1)) if found else None}


def measure(src: Path, n_articles: int, engine: str, workers: int, repeat: int, work: Path) -> dict:
    runs = [run_once(src, engine, workers, work) for _ in range(repeat)]
    bad = [r for r in runs if "error" in r]
    if bad:
        return {"engine": engine, "workers": workers, "articles": n_articles, **bad[0]}
    wall = statistics.median(r["wall"] for r in runs)
    return {"engine": engine, "workers": workers, "articles": n_articles, "wall": round(wall, 2),
            "cpu": round(statistics.median(r["cpu"] for r in runs), 2),
            "rate": round(n_articles / wall, 2), "mentions": runs[0]["mentions"],
            "walls": [round(r["wall"], 2) for r in runs]}


def table(name: str, rows: list[dict]) -> None:
    local = {r["workers"]: r for r in rows if r["engine"] == "local" and "wall" in r}
    one = {r["engine"]: r for r in rows if r["workers"] == min(x["workers"] for x in rows) and "wall" in r}
    print(f"\n{name}: {rows[0]['articles']} articles")
    print(f"{'engine':<7}{'workers':>8}{'wall s':>9}{'CPU s':>8}{'art/s':>8}{'vs local':>10}"
          f"{'overhead s':>12}{'x 1 worker':>12}{'mentions':>10}")
    for r in rows:
        if "error" in r:
            print(f"{r['engine']:<7}{r['workers']:>8}  error: {r['error']}")
            continue
        base, first = local.get(r["workers"]), one.get(r["engine"])
        r["vs_local"] = round(base["wall"] / r["wall"], 3) if base else None
        r["overhead_s"] = round(r["wall"] - base["wall"], 2) if base else None
        r["speedup"] = round(first["wall"] / r["wall"], 3) if first else None
        print(f"{r['engine']:<7}{r['workers']:>8}{r['wall']:>9.1f}{r['cpu']:>8.1f}{r['rate']:>8.2f}"
              f"{r['vs_local'] or float('nan'):>10.2f}{r['overhead_s'] or 0.0:>12.1f}"
              f"{r['speedup'] or float('nan'):>12.2f}{r['mentions'] or 0:>10}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", default="voa,2000", help="voa and/or article counts, with commas")
    ap.add_argument("--workers", default="1,2", help="worker counts, with commas")
    ap.add_argument("--engines", default="local,ray")
    ap.add_argument("--repeat", type=int, default=1, help="runs per cell; the median wall is kept")
    args = ap.parse_args(argv)
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="sideline-ray-") as tmp:
        work = Path(tmp)
        for name in args.corpora.split(","):
            src = corpus(name.strip(), work)
            n = sum(1 for _ in open(src, encoding="utf-8"))
            rows = [measure(src, n, engine, int(w), args.repeat, work)
                    for w in args.workers.split(",") for engine in args.engines.split(",")]
            table(name, rows)
            results[name] = rows
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
