"""Where an extract's time goes, phase by phase, in one process (the next lever made visible).

usage: python bench/phases.py [--voa FILE] [--limit N] [--repeat 1]

Over the 229 VOA articles (bench/voa.py), in wall and CPU seconds:

* ``imports``: ``python -c "import sideline.cli"`` in a fresh interpreter (what every
  command pays before it reads an argument);
* ``load``: ``Pipeline.default()`` and a first short article through it (the spaCy model and
  every stage's lexicons, gazetteer and matchers are loaded on first use), per stage;
* ``ingest``: reading the JSONL into articles;
* each stage of the pipeline on the articles, one process, batches of 32 (the stages are
  wrapped in a timer); the NLP stage is split into its passes: ``nlp.tokenize`` (tokenizer),
  ``nlp.senter`` (the sentence pass), ``nlp.parse`` (the full pipeline on the selected
  sentences, and each of its components apart: ``parse.tok2vec``, ``parse.attribute_ruler``...),
  ``nlp.ner`` (NER alone on the lead and window sentences) and ``nlp.other``
  (selection, merging, entities);
* ``store``: writing the results into a fresh DuckDB ledger, ``link``: the link step.

Prints a table and a final JSON line ``{"phases": {name: [wall, cpu]}, ...}``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from voa import VOA_PATH, load_articles, write_jsonl  # noqa: E402

WARM = "The two ministers met in Geneva on Monday.\n\nThey held talks for an hour."


class Phases:
    """Wall and CPU seconds summed per phase name."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}

    def add(self, name: str, wall: float, cpu: float) -> None:
        acc = self.times.setdefault(name, [0.0, 0.0])
        acc[0] += wall
        acc[1] += cpu

    def clock(self, name: str):
        return _Clock(self, name)


class _Clock:
    def __init__(self, phases: Phases, name: str) -> None:
        self.phases, self.name = phases, name

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.phases.add(self.name, time.perf_counter() - self.wall, time.process_time() - self.cpu)


class Timed:
    """A stage that adds its own time to a phase."""

    def __init__(self, stage, phases: Phases) -> None:
        self.stage, self.phases = stage, phases
        self.name, self.requires, self.provides = stage.name, stage.requires, stage.provides

    def __call__(self, doc):
        with self.phases.clock(self.name):
            return self.stage(doc)


class TimedBatch(Timed):
    def pipe(self, docs, batch_size: int = 32):
        with self.phases.clock(self.name):
            return list(self.stage.pipe(docs, batch_size=batch_size))


class TimedLanguage:
    """Stands in for the NLP stage's spaCy ``Language``: times ``make_doc`` and each pass."""

    PASSES = {"senter": "nlp.senter", "parser": "nlp.parse"}

    def __init__(self, nlp, phases: Phases) -> None:
        self._nlp, self._phases = nlp, phases

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def make_doc(self, text):
        with self._phases.clock("nlp.tokenize"):
            return self._nlp.make_doc(text)

    @property
    def pipeline(self):
        """The components, each timed apart (the parse pass runs them one after the other)."""
        return [(name, TimedPipe(proc, self._phases, f"parse.{name}")) for name, proc in self._nlp.pipeline]

    def pipe(self, docs, disable=(), **kwargs):
        kept = [p for p in self._nlp.pipe_names if p not in disable]
        name = next((v for k, v in self.PASSES.items() if k in kept), "nlp.ner")
        it = self._nlp.pipe(docs, disable=disable, **kwargs)
        while True:
            with self._phases.clock(name):
                doc = next(it, None)
            if doc is None:
                return
            yield doc


class TimedPipe:
    """One component of the parse pass: its input is taken in full first (the components
    before it ran in their own clocks), then its ``pipe`` runs under the clock."""

    def __init__(self, proc, phases: Phases, name: str) -> None:
        self.proc, self.phases, self.name = proc, phases, name

    def pipe(self, docs, **kwargs):
        docs = list(docs)
        with self.phases.clock(self.name):
            out = list(self.proc.pipe(docs, **kwargs))
        return iter(out)


def wrap(pipeline, phases: Phases):
    from sideline.pipeline import Pipeline

    stages = []
    for s in pipeline.stages:
        if s.name == "nlp":
            faster = {k: getattr(v, "proc", v) for k, v in s.faster.items()}  # timed as their components
            s._nlp = TimedLanguage(getattr(s.nlp, "_nlp", s.nlp), phases)
            s._faster = {k: TimedPipe(v, phases, f"parse.{k}") for k, v in faster.items()}
        stages.append(TimedBatch(s, phases) if hasattr(s, "pipe") else Timed(s, phases))
    return Pipeline(stages)


def import_seconds() -> tuple[float, float]:
    """Wall and CPU seconds of ``import sideline.cli`` in a fresh interpreter."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sideline.cli"], check=True,
                   env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent), "PATH": "/usr/bin:/bin"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return time.perf_counter() - t, cpu


def measure(jsonl: Path, db: Path) -> Phases:
    from sideline.pipeline import Pipeline
    from sideline.records import Article
    from sideline.stages.ingest.read import read_inputs
    from sideline.store.database import Store
    from sideline.store.relink import relink

    phases = Phases()
    phases.add("imports", *import_seconds())
    with phases.clock("load"):
        pipeline = Pipeline.default()
        pipeline.stages[1].nlp  # noqa: B018 - the spaCy model, loaded on first use
    warm = Phases()
    wrap(pipeline, warm)(Article(id="warm", text=WARM))
    for name, (wall, cpu) in warm.times.items():
        if "." not in name:  # the first article: every stage's lazy loads
            phases.add("load", wall, cpu)
            phases.add(f"load.{name}", wall, cpu)
    timed = wrap(pipeline, phases)
    with phases.clock("ingest"):
        stream = list(read_inputs([str(jsonl)]))
    results = list(timed.pipe(stream, batch_size=32))
    with Store(db) as store:
        run_id = store.begin_run([str(jsonl)])
        with phases.clock("store"):
            for i in range(0, len(results), 32):
                store.write_batch(results[i:i + 32], run_id)
        with phases.clock("link"):
            relink(store, None)
    components = {k: v for k, v in phases.times.items() if k.startswith("parse.")}
    if components:
        phases.times["nlp.parse"] = [sum(v[0] for v in components.values()), sum(v[1] for v in components.values())]
    nlp = phases.times.get("nlp", [0.0, 0.0])
    parts = [v for k, v in phases.times.items() if k.startswith("nlp.")]
    phases.times["nlp.other"] = [nlp[0] - sum(p[0] for p in parts), nlp[1] - sum(p[1] for p in parts)]
    for k in components:  # listed under nlp.parse
        phases.times[k] = phases.times.pop(k)
    return phases


def report(phases: Phases, articles: int) -> dict:
    total = [sum(v[0] for k, v in phases.times.items() if "." not in k),
             sum(v[1] for k, v in phases.times.items() if "." not in k)]
    print(f"\n{'phase':<16} {'wall s':>7} {'CPU s':>7}")
    for name, (wall, cpu) in phases.times.items():
        indent = "  " if "." in name else ""
        print(f"{indent + name:<16} {wall:>7.2f} {cpu:>7.2f}")
    print(f"{'total':<16} {total[0]:>7.2f} {total[1]:>7.2f}")
    out = {"articles": articles, "phases": {k: [round(w, 3), round(c, 3)] for k, (w, c) in phases.times.items()},
           "total": [round(t, 3) for t in total]}
    print(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voa", default=str(VOA_PATH))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--jsonl", help="an articles JSONL file to read instead of the VOA articles")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sideline-phases-") as tmp:
        if args.jsonl:
            jsonl = Path(args.jsonl)
            articles = [ln for ln in jsonl.read_text(encoding="utf-8").splitlines() if ln.strip()]
        else:
            articles = load_articles(args.voa)[:args.limit or None]
            jsonl = write_jsonl(articles, Path(tmp) / "voa.jsonl")
        phases = measure(jsonl, Path(tmp) / "ledger.duckdb")
    report(phases, len(articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
