"""The field's export formats, one ledger event at a time: PLOVER records and GDELT 2.0 rows.

* :func:`to_plover` -> one dict shaped like the PLOVER gold records (``source``/``target``
  lists of ``{actorText, code, sector}``, ``eventText``, ``eventLoc``), with the PLOVER
  specification's lists (``event``, ``mode``, ``context``), full dates and a granularity,
  and a citation; :data:`PLOVER_SCHEMA` (``data/plover.schema.json``) describes it.
* :func:`cameo_rows` -> GDELT 2.0 event rows (61 strings each, :data:`GDELT_COLUMNS`), one
  per dyad of the event (:func:`sideline.export.codes.split`).

Both read a :class:`~sideline.ledger.ledger.LedgerEvent` and, for provenance, the
:class:`~sideline.export.view.LedgerView` it came from (without one, the cells that need
articles stay empty). Every coding rule is in :mod:`sideline.export.codes`; the rules of
each field are in docs/CODEBOOK.md.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from .. import types
from ..errors import E, InputError
from ..ledger.ledger import LedgerEvent
from ..lexicons import load
from .codes import cameo_code, period, plover_code, plover_entity_code, split_event
from .view import ArticleRef, LedgerView, clean_fragment
from .gdelt import GDELT_COLUMNS, GDELT_PATTERNS, GDELT_TYPES, gdelt_rows

__all__ = ["to_plover", "cameo_rows", "cameo_code", "plover_code", "cited", "contexts", "citation",
           "GDELT_COLUMNS", "GDELT_PATTERNS", "GDELT_TYPES", "PLOVER_SCHEMA"]

#: the JSON Schema of a PLOVER record (sideline/data/plover.schema.json)
PLOVER_SCHEMA: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "plover.schema.json").read_text(encoding="utf-8"))


def _coder() -> str:
    try:
        return f"sideline {version('sideline')}"
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "sideline"


def _check(event: Any) -> LedgerEvent:
    if not isinstance(event, LedgerEvent):
        raise InputError(E.E351, kind=type(event).__name__)
    return event


def cited(event: LedgerEvent):
    """The claim that stands for the event: the latest one with the event's status, else the
    latest (a :class:`~sideline.ledger.story.ClaimEntry`)."""
    same = [c for c in event.timeline if c.status is event.status]
    return (same or list(event.timeline))[-1] if event.timeline else None


@lru_cache(maxsize=4)
def _context_rules(data_dir: str | None) -> tuple[tuple[str, ...], tuple[tuple[str, re.Pattern], ...]]:
    data = load("contexts", data_dir)
    rules = tuple((name, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.lower()) for w in words)
                                    + r")(?![\w-])"))
                  for name, words in sorted(data.get("contexts", {}).items()) if words)
    return tuple(data.get("base", ())), rules


def contexts(texts: list[str], data_dir: str | None = None) -> list[str]:
    """The PLOVER contexts of an event: the base ones (diplomatic), then each whose words
    occur in its claims' evidence (``data/en/contexts.json``)."""
    base, rules = _context_rules(data_dir)
    folded = " ".join(t.lower() for t in texts)
    return list(dict.fromkeys([*base, *(name for name, rx in rules if rx.search(folded))]))


def citation(ref: ArticleRef) -> str:
    """A citation of an article: outlet, title, date, url, and the article id."""
    parts = [ref.source, f"\u201c{ref.title}\u201d" if ref.title else None,
             ref.published.isoformat() if ref.published else None, ref.url]
    return ", ".join(p for p in parts if p) + f" (sideline article {ref.id})"


def _entity(a: Any) -> dict[str, Any]:
    code, sector = plover_entity_code(a.code, a.country)
    return {"actorText": clean_fragment(a.mention or a.name) or a.name, "name": a.name, "code": code,
            "sector": sector, "office": a.role, "country": a.country, "cameo": a.code}


def _dates(event: LedgerEvent) -> dict[str, Any]:
    span = period(event.date)
    return {"date": span[0].isoformat() if span else None, "enddate": span[1].isoformat() if span else None,
            "date_granularity": (event.granularity.value if event.granularity else span[2]) if span else None,
            "date_value": event.date}


def _cite(event: LedgerEvent, claim: Any, view: LedgerView | None) -> tuple[dict, str | None]:
    ref = view.article(claim.article) if view and claim else ArticleRef(claim.article if claim else "")
    info = {"corpus": "sideline", "citation": citation(ref), "url": ref.url, "title": ref.title,
            "publication": ref.source, "published": ref.published.isoformat() if ref.published else None,
            "language": "en"}
    trigger = None
    if view and claim:
        mention = next((m for m in view.claims(event) if m.mention_id == claim.mention_id), None)
        trigger = view.trigger_text(mention) if mention else None
    return info, trigger


def to_plover(event: LedgerEvent, view: LedgerView | None = None, data_dir: str | None = None) -> dict[str, Any]:
    """The PLOVER record of a ledger event (see the module doc and docs/CODEBOOK.md)."""
    event = _check(event)
    countries = {a.country for a in event.participants if a.country}
    place = event.place.country if event.place else None
    name, mode = plover_code(event.type.value, event.status.value, countries, place, data_dir)
    sides = split_event(event)
    claim = cited(event)
    cite, trigger = _cite(event, claim, view)
    loc = event.place.to_json() if event.place else None
    return {
        "id": event.event_id, **_dates(event),
        "event": [name], "mode": [mode] if mode else [],
        "context": contexts([c.evidence for c in event.timeline], data_dir),
        "source": [_entity(a) for a in sides.first], "target": [_entity(a) for a in sides.second],
        "eventText": trigger,
        "eventLoc": None if not loc else {k: loc.get(k) for k in ("name", "country", "lat", "lon", "venue", "occasion")},
        "text": clean_fragment(claim.evidence) if claim else "",
        "textInfo": {"article": claim.article, "start": claim.start, "end": claim.start + len(claim.evidence),
                     "raw": claim.evidence} if claim else None,
        "citeInfo": cite, "quad_code": types.plover_quad(name, data_dir),
        "event_scale": types.plover_score(name, mode, data_dir),
        "status": event.status.value, "contradiction": event.contradiction, "rule": event.rule,
        "cameo": cameo_code(event.type.value, event.status.value, countries, place, data_dir),
        "type": event.type.value, "n_mentions": event.n_mentions, "n_sources": event.n_sources,
        "n_articles": event.n_articles,
        "first_seen": event.first_seen.isoformat() if event.first_seen else None,
        "last_seen": event.last_seen.isoformat() if event.last_seen else None,
        "articles": list(event.articles), "coder": _coder(), "language": "en",
    }


def cameo_rows(event: LedgerEvent, view: LedgerView | None = None, data_dir: str | None = None) -> list[list[str]]:
    """The GDELT 2.0 rows of a ledger event: one per dyad, 61 strings each."""
    event = _check(event)
    claim = cited(event)
    url = None
    if view is not None:
        refs = [view.article(a) for a in ([claim.article] if claim else []) + list(event.articles)]
        url = next((r.url for r in refs if r.url), None)
    return gdelt_rows(event, view, url, data_dir)
