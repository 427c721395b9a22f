"""What a user pays: whole processes timed from the outside (bench/throughput.py uses these).

* ``spacy-process``: a fresh interpreter that imports spaCy, loads the model and runs
  ``nlp.pipe(texts, batch_size=B, n_process=N)`` over the texts of the JSONL file (every
  default component; model load and start-up included);
* ``cli``: ``sideline extract FILE --db tmp.duckdb --n-process N`` as a subprocess (the
  installed ``sideline`` beside this interpreter, else ``python -m sideline.cli``): start-up,
  imports, model and stages load, ingest, extraction, store and link, all included.

Wall seconds are measured around ``subprocess.run``; CPU seconds are the children's
``resource.getrusage(RUSAGE_CHILDREN)`` (user + system) before and after, which counts every
worker process the measured process waited for.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SPACY_SCRIPT = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
n = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[4])))
print(n)
"""


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], env: dict | None = None) -> dict:
    """Wall and CPU seconds of one subprocess (and the workers it waited for)."""
    cpu, wall = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3), "stdout": proc.stdout.strip()[-300:]}


def sideline_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("sideline")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sideline.cli"]


def run_spacy_process(jsonl: Path, model: str, n_process: int, batch_size: int) -> dict:
    out = timed([sys.executable, "-c", SPACY_SCRIPT, str(jsonl), model, str(batch_size), str(n_process)])
    out["measured"] = f"python -c 'spacy.load; nlp.pipe(n_process={n_process}, batch_size={batch_size})'"
    return out


def run_cli(jsonl: Path, n_process: int, batch_size: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory(prefix="sideline-cli-") as tmp:
        cmd = sideline_cmd() + ["extract", str(jsonl), "--db", str(Path(tmp) / "bench.duckdb"),
                                "--n-process", str(n_process), "--batch-size", str(batch_size)]
        out = timed(cmd, env)
    out["measured"] = f"sideline extract --n-process {n_process}"
    return out


def rounds(jsonl: Path, model: str, n_process: int, batch_size: int, repeat: int) -> dict[str, dict]:
    """``repeat`` rounds of: the spaCy process, the CLI at ``n_process``, and (when
    ``n_process > 1``) the CLI at 1, interleaved so that a busy moment of the machine falls on
    all of them, the order turning by one each round; each figure is the median of its rounds."""
    kinds = {"spacy-process": lambda: run_spacy_process(jsonl, model, n_process, batch_size),
             f"cli-n{n_process}": lambda: run_cli(jsonl, n_process, batch_size)}
    if n_process > 1:
        kinds["cli-n1"] = lambda: run_cli(jsonl, 1, batch_size)
    runs: dict[str, list[dict]] = {k: [] for k in kinds}
    names = list(kinds)
    for i in range(repeat):
        # each round starts with the next kind, so each follows each other kind as often
        # (whatever a run leaves behind, e.g. a hot machine, falls on all of them alike)
        for name in names[i % len(names):] + names[:i % len(names)]:
            runs[name].append(kinds[name]())
            print(f"  {name} round {i + 1}: {runs[name][-1].get('seconds', 'error')} s", flush=True)
    out = {}
    for name, rs in runs.items():
        ok = [r for r in rs if "error" in r] or rs
        if "error" in ok[0]:
            out[name] = ok[0]
            continue
        out[name] = {"seconds": statistics.median(r["seconds"] for r in rs),
                     "cpu_seconds": statistics.median(r["cpu_seconds"] for r in rs),
                     "all_seconds": [r["seconds"] for r in rs], "measured": rs[0]["measured"]}
    return out


def ratios(results: dict[str, dict], n_process: int) -> dict:
    """``cli_vs_spacy`` (the spaCy process's wall over the CLI's at ``n_process``) and
    ``n2_vs_n1`` (the CLI's wall at 1 over at ``n_process``), with their CPU twins."""
    spacy, cli, one = (results.get(k, {}) for k in ("spacy-process", f"cli-n{n_process}", "cli-n1"))
    out = {}
    if "seconds" in spacy and "seconds" in cli:
        out["cli_vs_spacy"] = round(spacy["seconds"] / cli["seconds"], 3)
        out["cli_vs_spacy_cpu"] = round(spacy["cpu_seconds"] / cli["cpu_seconds"], 3)
    if n_process > 1 and "seconds" in one and "seconds" in cli:
        out["n2_vs_n1"] = round(one["seconds"] / cli["seconds"], 3)
    return out


def print_table(results: dict[str, dict], articles: int) -> None:
    print(f"\n{'process':<14} {'wall s':>7} {'art/s':>6} {'CPU s':>7}  measured (median of rounds)")
    for name, r in results.items():
        if "error" in r:
            print(f"{name:<14} error: {r['error']}")
            continue
        print(f"{name:<14} {r['seconds']:>7.2f} {articles / r['seconds']:>6.2f} {r['cpu_seconds']:>7.2f}  "
              f"{r['measured']}  {r['all_seconds']}")
