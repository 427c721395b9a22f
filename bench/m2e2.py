"""A check on articles no rule was written from: sideline's events against M2E2's contact events.

usage: python bench/m2e2.py [--path FILE] [--pred PRED.jsonl] [--out DIR] [--list]

M2E2 (Li et al., ACL 2020; ``../shared/eval/public/m2e2-voa``) annotates every sentence of
229 VOA articles with ACE-style events. It has no statuses, dates or sources, so this is not
a second gold of sideline's format; it measures the two things it can, on text nobody here
wrote rules from:

1. The articles are rebuilt as by ``bench/voa.py`` (sentences joined by a blank line) and go
   through the CLI as a user runs it (``sideline extract`` into a fresh ledger, ``sideline
   export --format jsonl``), unless ``--pred`` gives an export to score.
2. Every predicted event is placed on the sentences its evidence span overlaps.
3. **Sentence recall**: of the M2E2 ``Contact:Meet`` and ``Contact:Phone-Write`` events, the
   share whose sentence holds a sideline event (any type), and the share whose sentence holds
   one of the matching family (meet: the consult and visit families; phone-write: phone_call).
   M2E2's contacts include meetings no diplomat attends, so this is a lower bound; use it to
   compare versions, not as an absolute.
4. **Participants**: of the PER/GPE/ORG ``Entity`` arguments of the contacts found in step 3,
   the share named by an actor mention of an event on that sentence (case-insensitive
   containment either way).
5. **Support**: of sideline's events, the share whose evidence overlaps a sentence with an
   M2E2 contact or ``Movement:Transport`` event (visits are travel). An event on a sentence
   M2E2 gives no such event is *unsupported*: often a false alarm, sometimes an engagement
   M2E2's schema leaves out (a summit, a planned meeting). ``--list`` prints them per article.

The data is read at run time; none of its text is stored in the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import read_jsonl, run_cli  # noqa: E402
from voa import SEPARATOR, VOA_PATH, load_articles, write_jsonl  # noqa: E402

CONTACT = {"Contact:Meet": "meet", "Contact:Phone-Write": "call"}
SUPPORT = set(CONTACT) | {"Movement:Transport"}
FAMILY_OF = {"meet": {"consult", "visit"}, "call": {"phone_call"}}
PARTICIPANT_TYPES = {"PER", "GPE", "ORG"}


def sentence_spans(path: Path) -> dict[str, list[dict]]:
    """Per doc_id, the sentences in order with their offsets in the rebuilt article text."""
    rows: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows[row["doc_id"]].append(row)
    out = {}
    for doc_id, sents in rows.items():
        sents.sort(key=lambda r: int(r["sent_index"]))
        pos = 0
        for r in sents:
            text = r["sentence"].strip()
            r["start"], r["end"] = pos, pos + len(text)
            pos += len(text) + len(SEPARATOR)
        out[doc_id] = sents
    return out


def _family(kind: str) -> str:
    from sideline import types
    try:
        return types.family(kind)
    except ValueError:
        return "consult"


def _on_sentences(pred: dict, sents: list[dict]) -> list[int]:
    ev = pred.get("evidence") or {}
    s, e = ev.get("start"), ev.get("end")
    if s is None or e is None:
        return []
    return [i for i, r in enumerate(sents) if r["start"] < e and s < r["end"]]


def _mentions(preds: list[dict]) -> list[str]:
    return [str(a.get(k) or "").lower() for p in preds for a in p.get("actors", []) for k in ("mention", "name")]


def _named(arg: str, mentions: list[str]) -> bool:
    arg = arg.lower().strip()
    return bool(arg) and any(m and (arg in m or m in arg) for m in mentions)


def score(sents_by_doc: dict[str, list[dict]], preds: list[dict]) -> dict:
    """The figures of steps 3-5 and the unsupported events."""
    by_sentence: dict[tuple[str, int], list[dict]] = defaultdict(list)
    unsupported, supported = [], 0
    for p in preds:
        sents = sents_by_doc.get(p.get("article"), [])
        idx = _on_sentences(p, sents)
        for i in idx:
            by_sentence[(p["article"], i)].append(p)
        if any(ev["type"] in SUPPORT for i in idx for ev in sents[i]["events"]):
            supported += 1
        else:
            unsupported.append(p)
    c = defaultdict(int)
    for doc_id, sents in sents_by_doc.items():
        for i, r in enumerate(sents):
            for ev in r["events"]:
                kind = CONTACT.get(ev["type"])
                if not kind:
                    continue
                here = by_sentence.get((doc_id, i), [])
                c[f"{kind}_gold"] += 1
                c[f"{kind}_any"] += bool(here)
                c[f"{kind}_typed"] += any(_family(p["type"]) in FAMILY_OF[kind] for p in here)
                if here:
                    words = r["words"]
                    ents = {(a["start"], a["end"]): a for a in ev["arguments"] if a["role"] == "Entity"}
                    types = {(e["start"], e["end"]): e["type"] for e in r["entities"]}
                    for span, a in ents.items():
                        if types.get(span) in PARTICIPANT_TYPES:
                            c["args"] += 1
                            c["args_named"] += _named(" ".join(words[span[0]:span[1]]), _mentions(here))
    gold = c["meet_gold"] + c["call_gold"]
    return {
        "contacts": gold, "meet": c["meet_gold"], "phone_write": c["call_gold"],
        "sentence_recall": _r(c["meet_any"] + c["call_any"], gold),
        "typed_recall": _r(c["meet_typed"] + c["call_typed"], gold),
        "meet_recall": _r(c["meet_any"], c["meet_gold"]), "phone_write_recall": _r(c["call_any"], c["call_gold"]),
        "participants_named": _r(c["args_named"], c["args"]), "participants": c["args"],
        "events": len(preds), "supported": _r(supported, len(preds)), "unsupported": len(unsupported),
        "_unsupported": unsupported,
    }


def _r(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", default=str(VOA_PATH))
    ap.add_argument("--pred", help="score this export (JSONL) instead of running the CLI")
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "sideline-m2e2"))
    ap.add_argument("--list", action="store_true", help="print the unsupported events")
    args = ap.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"no M2E2 file at {path}", file=sys.stderr)
        return 2
    if args.pred:
        preds = read_jsonl(Path(args.pred))
    else:
        work = Path(args.out)
        work.mkdir(parents=True, exist_ok=True)
        preds = run_cli(write_jsonl(load_articles(path), work / "articles.jsonl"), work)
    figs = score(sentence_spans(path), preds)
    if args.list:
        for p in figs["_unsupported"]:
            names = ", ".join(a.get("mention") or a.get("name") or "?" for a in p.get("actors", []))
            print(f"{p['article']}  {p['type']}/{p.get('status')}  {names}  | {(p.get('evidence') or {}).get('text', '')[:160]}")
    print(json.dumps({k: v for k, v in figs.items() if not k.startswith("_")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
