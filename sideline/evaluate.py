"""Score predicted events against gold events (the semantics of the project's reference scorer).

A predicted event matches at most one gold event of the same article. A pair is a
candidate when

1. the coarse type group agrees (meet, talks, host, multilateral, other_consult form one
   group; visit and phone_call are each their own), and
2. the participants agree: at least two gold participants are named by distinct predicted
   actors (one when the gold event has one); for a visit the visitor (first gold actor)
   must be named and any further agreement only adds to the score.

Candidates are ranked by participant agreement + 0.5 (status right) + 0.3 (date right)
+ 0.2 (attribution right) and taken greedily, best first. Gold events marked optional are
neither rewarded nor missed (a prediction matched to one is not a false alarm either).
Names are compared after folding case, accents, punctuation and transliteration; titles are
dropped and a shared surname (of more than two letters) is enough; a close string or a
one-word gold name inside the prediction also matches. A gold name may list alternatives
separated by ``;`` and carry remarks in parentheses.

Reported: precision, recall, F1, strict F1 (matched and status right), the accuracy on
matched events of status, date, location, attribution and canonical actor names, the
per-status breakdown, and the lists of misses, false alarms and wrong statuses.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from . import types
from .errors import E, InputError

__all__ = ["Report", "score", "score_files", "read_jsonl", "format_report", "names_match", "normalise"]

FOLDED = {"postponed": "ruled_out", "cancelled": "ruled_out", "canceled": "ruled_out",
          "denied": "ruled_out", "rejected": "ruled_out", "happened": "occurred",
          "scheduled": "planned", "expected": "planned", "invited": "proposed"}
TITLE_WORDS = re.compile(
    r"\b(mr|mrs|ms|dr|president|prime|minister|secretary|general|foreign|fm|deputy|"
    r"u\.?s\.?|un|the|of|state|chancellor|king|queen|prince|sheikh|sir)\b\.?")
SPELLINGS = (("sergei", "sergey"), ("ei", "ey"), ("kh", "h"), ("ou", "u"))
STATUSES = ("occurred", "planned", "proposed", "ruled_out", "uncertain")


def normalise(value: Any) -> str:
    """Lower-case ASCII words of a name, with transliteration variants folded."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("canonical") or value.get("text") or ""
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower())
    for old, new in SPELLINGS:
        text = text.replace(old, new)
    return " ".join(text.split())


def _forms(actor: Any) -> list[str]:
    """Every string a predicted actor (or speaker) offers to be matched on."""
    if not isinstance(actor, dict):
        return [normalise(actor)]
    keys = ("name", "canonical", "mention", "text", "country", "country_name")
    values = [actor.get(k) for k in keys] + list(actor.get("aliases") or [])
    return [normalise(v) for v in values if v]


def _alternatives(gold: Any) -> list[str]:
    without_remarks = re.sub(r"\([^)]*\)", " ", str(gold or ""))
    return [a for a in without_remarks.split(";") if a.strip()]


def _one_match(gold: str, forms: list[str]) -> bool:
    g = normalise(gold)
    if not g:
        return False
    g_words = TITLE_WORDS.sub(" ", g).split()
    for f in filter(None, forms):
        f_words = TITLE_WORDS.sub(" ", f).split()
        if f == g:
            return True
        if g_words and f_words and g_words[-1] == f_words[-1] and len(g_words[-1]) > 2:
            return True
        if SequenceMatcher(None, g, f).ratio() >= 0.85:
            return True
        if len(g) > 3 and f" {g} " in f" {f} ":
            return True
    return False


def names_match(gold: Any, forms: list[str]) -> bool:
    """True when one predicted form names the gold actor (or one of its alternatives)."""
    return any(_one_match(alt, forms) for alt in _alternatives(gold))


def _agreement(gold_actors: list, pred_actors: list, visit: bool) -> float:
    forms = [_forms(a) for a in pred_actors or []]
    taken: set[int] = set()
    for g in gold_actors:
        hit = next((i for i, f in enumerate(forms) if i not in taken and names_match(g, f)), None)
        if hit is not None:
            taken.add(hit)
    named = len(taken)
    if visit:
        if not any(names_match(gold_actors[0], f) for f in forms):
            return 0.0
        return max(named, 1) / len(gold_actors)
    if named < min(2, len(gold_actors)):
        return 0.0
    union = len(gold_actors) + len(forms) - named
    return named / union if union else 0.0


def _canonical(gold_actor: Any, pred_actors: list) -> bool:
    alts = {normalise(a) for a in _alternatives(gold_actor)} - {""}
    names = set()
    for a in pred_actors or []:
        raw = a.get("name") if isinstance(a, dict) else a
        names.add(normalise(re.sub(r"\([^)]*\)", " ", str(raw))))
    return bool(alts & names)


def _value(pred: dict, key: str) -> Any:
    v = pred.get(key)
    if isinstance(v, dict):
        v = v.get("name") or v.get("value") or v.get("text")
    return v


def _date_right(gold: dict, pred: dict) -> bool:
    p = _value(pred, "date")
    if not gold.get("date") or not p:
        return False
    p = str(p)[:10]
    return p == gold["date"] or p in (gold.get("date_alt") or [])


def _location_right(gold: dict, pred: dict) -> bool:
    g, p = normalise(gold.get("location")), normalise(_value(pred, "location"))
    if not g or not p:
        return False
    loc = pred.get("location")
    extra = [normalise(loc.get(k)) for k in ("city", "country", "country_name", "venue")
             if isinstance(loc, dict) and loc.get(k)]
    return any(x and (g in x or x in g) for x in [p, *extra])


def _attribution_right(gold: dict, pred: dict) -> bool:
    g, p = gold.get("attributed_to"), pred.get("attributed_to")
    return bool(g and p) and names_match(g, _forms(p))


def _status(pred: dict) -> str:
    s = str(pred.get("status") or "").lower()
    return FOLDED.get(s, s)


def _group(kind: Any) -> str:
    """The coarse group the scorer matches on (the type table's family; unknown types: consult)."""
    try:
        return types.family(kind)
    except ValueError:
        return "consult"


def _article(pred: dict) -> str:
    return str(pred.get("article") or pred.get("article_id") or pred.get("doc_id") or "")


def _pairs(golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    ranked = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if _group(g["type"]) != _group(p.get("type")):
                continue
            agree = _agreement(g["actors"], p.get("actors"), g["type"] == "visit")
            if agree > 0:
                bonus = 0.5 * (_status(p) == g["status"]) + 0.3 * _date_right(g, p) \
                    + 0.2 * _attribution_right(g, p)
                ranked.append((agree + bonus, gi, pi))
    ranked.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in ranked:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class Report:
    """Counts and figures of one scoring run; ``figures()`` gives the rounded table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, dict[str, int]] = field(default_factory=dict)
    per_article: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_status: list[tuple[dict, dict]] = field(default_factory=list)
    articles: int = 0
    unknown_articles: int = 0

    def _add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def figures(self) -> dict[str, Any]:
        c, tp, fp, fn = self.counts, self.tp, self.fp, self.fn
        strict = c.get("strict", 0)
        return {
            "precision": _r(_div(tp, tp + fp)), "recall": _r(_div(tp, tp + fn)),
            "f1": _r(_f1(_div(tp, tp + fp), _div(tp, tp + fn))),
            "strict_f1": _r(_f1(_div(strict, tp + fp), _div(strict, tp + fn))),
            "status_acc": _r(_div(c.get("status", 0), tp)),
            "date_acc": _r(_div(c.get("date", 0), c.get("date_n", 0))),
            "location_acc": _r(_div(c.get("loc", 0), c.get("loc_n", 0))),
            "actor_name_acc": _r(_div(c.get("names", 0), c.get("names_n", 0))),
            "attribution_acc": _r(_div(c.get("attr", 0), c.get("attr_n", 0))),
            "tp": tp, "fp": fp, "fn": fn, "articles": self.articles,
            "predictions_for_unknown_articles": self.unknown_articles,
        }


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _r(x: float) -> float:
    return round(x, 3)


def _score_pair(rep: Report, g: dict, p: dict) -> None:
    right = _status(p) == g["status"]
    rep._add("status", right)
    rep._add("strict", right)
    row = rep.by_status.setdefault(g["status"], {"gold": 0, "found": 0, "status_right": 0})
    row["found"] += 1
    row["status_right"] += right
    if not right:
        rep.wrong_status.append((g, p))
    for actor in g["actors"]:
        rep._add("names_n")
        rep._add("names", _canonical(actor, p.get("actors")))
    for key, test, gold_key in (("date", _date_right, "date"), ("loc", _location_right, "location"),
                                ("attr", _attribution_right, "attributed_to")):
        if g.get(gold_key):
            rep._add(key + "_n")
            rep._add(key, test(g, p))


def _score_article(rep: Report, golds: list[dict], preds: list[dict]) -> dict[str, int]:
    pairs = _pairs(golds, preds)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for g in golds:
        if not g.get("optional"):
            rep.by_status.setdefault(g["status"], {"gold": 0, "found": 0, "status_right": 0})
            rep.by_status[g["status"]]["gold"] += 1
    tp = 0
    for gi, pi in pairs:
        if not golds[gi].get("optional"):
            tp += 1
            _score_pair(rep, golds[gi], preds[pi])
    misses = [g for gi, g in enumerate(golds) if gi not in matched_g and not g.get("optional")]
    alarms = [p for pi, p in enumerate(preds) if pi not in matched_p]
    rep.tp, rep.fn, rep.fp = rep.tp + tp, rep.fn + len(misses), rep.fp + len(alarms)
    rep.misses += misses
    rep.false_alarms += alarms
    return {"tp": tp, "fp": len(alarms), "fn": len(misses)}


def score(gold: list[dict], pred: list[dict], article_ids: tuple[str, ...] | list[str] = ()) -> Report:
    """Score prediction rows against gold rows (both FORMAT.md dicts).

    Only articles with a gold event are scored, plus those named in ``article_ids``
    (whose predictions then count as false alarms).
    """
    articles = sorted({g["article"] for g in gold} | set(article_ids))
    rep = Report(articles=len(articles))
    by_art: dict[str, list[dict]] = {}
    for p in pred:
        by_art.setdefault(_article(p), []).append(p)
    for a in articles:
        golds = [g for g in gold if g["article"] == a]
        rep.per_article[a] = _score_article(rep, golds, by_art.get(a, []))
    rep.unknown_articles = len(set(by_art) - set(articles))
    return rep


def read_jsonl(path: str | Path) -> list[dict]:
    """The rows of a JSONL file (gold, predictions, articles); a coded error when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as err:
        raise InputError(E.E302, path=str(path), reason=str(err)) from err


def score_files(gold: str | Path, pred: str | Path, articles: str | Path | None = None) -> Report:
    """Score two JSONL files; with ``articles``, every article of that file is scored."""
    ids = [str(a["id"]) for a in read_jsonl(articles)] if articles else []
    return score(read_jsonl(gold), read_jsonl(pred), ids)


def _first_form(actor: Any) -> str:
    forms = _forms(actor)
    return forms[0] if forms else str(actor)


def format_report(rep: Report, by_article: bool = False) -> str:
    """The figures as the reference scorer prints them, then the per-status table."""
    lines = []
    if by_article:
        lines += [f"MISS  {g['article']}  {g['type']}/{g['status']}  {g['actors']}" for g in rep.misses]
        lines += [f"EXTRA {_article(p)}  {p.get('type')}/{p.get('status')}  "
                  f"{[_first_form(a) for a in p.get('actors') or []]}" for p in rep.false_alarms]
        lines += [f"STATUS {g['article']}  {g['actors']}  gold={g['status']} pred={p.get('status')}"
                  for g, p in rep.wrong_status]
    lines += [f"{k:32s} {v}" for k, v in rep.figures().items()]
    lines.append(f"{'status':12s} {'gold':>5s} {'found':>6s} {'recall':>7s} {'status_ok':>10s}")
    for st in STATUSES:
        row = rep.by_status.get(st, {"gold": 0, "found": 0, "status_right": 0})
        lines.append(f"{st:12s} {row['gold']:5d} {row['found']:6d} "
                     f"{_r(_div(row['found'], row['gold'])):7.3f} {row['status_right']:10d}")
    return "\n".join(lines)
