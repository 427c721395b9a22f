"""Accuracy of sideline's events on the development sets, each set apart and pooled.

usage: python bench/accuracy.py [--eval-dir ../shared/eval] [--sets dev,dev2,dev3] [--out DIR]
                                [--fast] [--by-article] [--status] [--gate]

Cascade for each set (``EVAL_DIR/<set>/articles.jsonl`` and ``gold.jsonl``):

1. By default the set goes through sideline as a user runs it: ``sideline extract`` into a
   fresh ledger and ``sideline export --format jsonl``, each a process of its own (so the
   figures include what linking adds: roles learned across the set's articles).
2. With ``--fast`` the pipeline runs in this process instead (no linking), and the documents
   as they reach the events stage are pickled under ``--out`` on the first run; later
   ``--fast`` runs redo only the events, time, place and dedupe stages over them. For rule
   work: seconds instead of a minute. Figures may differ slightly from (1).
3. The predictions are scored with :mod:`sideline.evaluate` (the semantics of the reference
   ``score.py``; every article of the set is scored, so an event on an article with no gold
   event is a false alarm). The pooled row scores all sets together.

``--gate`` exits 1 when a figure of a set falls under its floor in ``bench/floors.json``
(floors per set and pooled; raise a floor when a change lifts its figure, never lower one to
let a change in). The evaluation data is read at run time; none of it is in the repository.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sideline.evaluate import STATUSES, format_report, score  # noqa: E402
from sideline.records import Article  # noqa: E402

SETS = ("dev", "dev2", "dev3")
COLUMNS = ("precision", "recall", "f1", "strict_f1", "status_acc", "date_acc", "location_acc",
           "attribution_acc", "actor_name_acc", "tp", "fp", "fn")
HEADS = {"precision": "P", "recall": "R", "strict_f1": "strict", "status_acc": "status", "date_acc": "date",
         "location_acc": "place", "attribution_acc": "attrib", "actor_name_acc": "names"}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sideline_cmd() -> list[str]:
    """The installed CLI beside this interpreter, else ``python -m sideline.cli``."""
    exe = Path(sys.executable).with_name("sideline")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sideline.cli"]


def run_cli(articles: Path, work: Path) -> list[dict]:
    """Step 1: extract into a fresh ledger and export JSONL, as a user runs it."""
    db, pred = work / "ledger.duckdb", work / "pred.jsonl"
    for p in (db, pred):
        p.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["extract", str(articles), "--db", str(db)],
                 ["export", "--db", str(db), "--format", "jsonl", "-o", str(pred)]):
        done = subprocess.run(sideline_cmd() + args, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"sideline {args[0]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
        if args[0] == "extract" and " 0 rejected" not in done.stdout + done.stderr:
            print(f"# {articles.parent.name}: " + (done.stdout + done.stderr).strip().splitlines()[-1][-200:],
                  file=sys.stderr)
    return read_jsonl(pred)


def _article(row: dict) -> Article:
    pub = row.get("published")
    return Article(id=str(row["id"]), text=row["text"], url=row.get("url"), source=row.get("source"),
                   title=row.get("title"), published=date.fromisoformat(pub[:10]) if pub else None)


def run_fast(rows: list[dict], cache: Path) -> list[dict]:
    """Step 2: the pipeline in this process; the documents before the events stage are cached."""
    from sideline.codec import event_to_json
    from sideline.export.view import with_country_name
    from sideline.pipeline import Pipeline

    pipeline = Pipeline.default()
    cut = pipeline.names.index("events")
    key = hashlib.sha1("".join(r["id"] + r["text"] for r in rows).encode("utf-8")).hexdigest()[:12]
    path = cache / f"docs-{key}.pickle"
    if path.exists():
        docs = pickle.loads(path.read_bytes())
    else:
        docs = _before_events(pipeline, rows, cut)
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(docs))
    out = []
    for doc in docs:
        for stage in pipeline.stages[cut:]:
            doc = stage(doc)
        out += [with_country_name(event_to_json(ev)) for ev in doc.events]  # as the jsonl export
    return out



def _through(doc, stages):
    for stage in stages:
        doc = stage(doc)
    return doc


def _before_events(pipeline, rows: list[dict], cut: int) -> list:
    """The documents as they reach the events stage (rejects left out)."""
    from sideline.errors import InputError
    from sideline.records import Document

    docs = []
    for r in rows:
        try:
            docs.append(_through(Document(article=_article(r)), pipeline.stages[:cut]))
        except InputError:
            continue
    return docs


def figures_row(name: str, figs: dict) -> str:
    cells = [f"{figs.get(c, 0):>9}" if isinstance(figs.get(c), int) else f"{figs.get(c, 0):>9.3f}"
             for c in COLUMNS]
    return f"{name:8s}" + "".join(cells)


def status_table(rep) -> str:
    lines = [f"{'status':12s} {'gold':>5s} {'found':>6s} {'status_ok':>10s}"]
    for st in STATUSES:
        row = rep.by_status.get(st, {"gold": 0, "found": 0, "status_right": 0})
        lines.append(f"{st:12s} {row['gold']:5d} {row['found']:6d} {row['status_right']:10d}")
    return "\n".join(lines)


def gate(figures: dict[str, dict]) -> int:
    """Refuse regressions: every figure of every set at or above its floor."""
    floors = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
    low = []
    for name, mins in floors.get("sets", {}).items():
        if name not in figures:
            continue
        for k, v in mins.items():
            if figures[name][k] < v:
                low.append(f"{name}.{k}: {figures[name][k]} < floor {v}")
    for line in low:
        print(f"GATE: {line}", file=sys.stderr)
    print("gate: " + ("FAILED" if low else "passed"))
    return 1 if low else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "sideline-accuracy"))
    ap.add_argument("--fast", action="store_true", help="in-process events stages over cached documents")
    ap.add_argument("--by-article", action="store_true", help="list misses, false alarms, wrong statuses")
    ap.add_argument("--status", action="store_true", help="the per-status table of every set")
    ap.add_argument("--gate", action="store_true", help="exit 1 under a floor of bench/floors.json")
    args = ap.parse_args(argv)
    eval_dir, out = Path(args.eval_dir), Path(args.out)
    names = [s for s in args.sets.split(",") if s]
    figures: dict[str, dict] = {}
    pooled_gold: list[dict] = []
    pooled_pred: list[dict] = []
    pooled_ids: list[str] = []
    t0 = time.time()
    print(f"{'set':8s}" + "".join(f"{HEADS.get(c, c):>9s}" for c in COLUMNS))
    for name in names:
        rows = read_jsonl(eval_dir / name / "articles.jsonl")
        gold = read_jsonl(eval_dir / name / "gold.jsonl")
        work = out / name
        work.mkdir(parents=True, exist_ok=True)
        pred = run_fast(rows, out / "docs") if args.fast else run_cli(eval_dir / name / "articles.jsonl", work)
        (work / "pred.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred),
                                         encoding="utf-8")
        ids = [str(r["id"]) for r in rows]
        rep = score(gold, pred, ids)
        figures[name] = rep.figures()
        print(figures_row(name, figures[name]))
        if args.by_article or args.status:
            print(format_report(rep, by_article=True) if args.by_article else status_table(rep))
        pooled_gold += gold
        pooled_pred += pred
        pooled_ids += ids
    if len(names) > 1:
        rep = score(pooled_gold, pooled_pred, pooled_ids)
        figures["pooled"] = rep.figures()
        print(figures_row("pooled", figures["pooled"]))
        print(status_table(rep))
    print(f"# {'in-process (--fast)' if args.fast else 'sideline extract + export'}, "
          f"{time.time() - t0:.0f} s; predictions under {out}")
    return gate(figures) if args.gate else 0


if __name__ == "__main__":
    sys.exit(main())
