"""Each page as data: a function of the ledger (a read-only ``LedgerDB``) and the request's
parameters that returns the dict its template shows and its JSON twin returns, the same.
A page that finds nothing raises :class:`NotFound` (404); a bad parameter is a ``QueryError``
(400)."""
from __future__ import annotations

from typing import Any

from ..codec import event_to_json
from ..errors import E, SidelineError
from ..query import EventClaims
from .render import excerpt, filters_from, form_fields, param_name, safe_url, segments

__all__ = ["NotFound", "search", "counts", "event", "actor", "actors", "story", "article", "rejects", "sql",
           "PAGE_SIZE", "COUNT_BY"]

PAGE_SIZE = 50
#: what the counts page splits each month by (the colours of its bars)
COUNT_BY = ("status", "type")


class NotFound(SidelineError):
    """The page's key is not in the ledger (E321)."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(E.E321, kind=kind, key=key)


def _int(params, name: str, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(params.get(name) or default)))
    except ValueError:
        return default


def search(ledger, params) -> dict[str, Any]:
    filters = filters_from(params)
    page = _int(params, "page", 1, 1, 10**6)
    limit = _int(params, "limit", PAGE_SIZE, 1, 500)
    found = ledger.page(offset=(page - 1) * limit, limit=limit, **filters)
    values = {param_name(k): v for k, v in filters.items()}
    return {"filters": values, "form": form_fields(values), "page": page, "pages": -(-found.total // limit) or 1,
            **found.to_json()}


def counts(ledger, params) -> dict[str, Any]:
    """Engagements per month, split by status or type, with the search page's filters: the
    numbers of ``LedgerDB.counts(by=["month", <split>])``; a ledger event counts once per month."""
    split = params.get("by") if params.get("by") in COUNT_BY else COUNT_BY[0]
    filters = filters_from(params)
    found = ledger.counts(by=["month", split], **filters).to_json()
    totals: dict[str, int] = {}
    for row in found["rows"]:
        totals[row[split] or "unknown"] = totals.get(row[split] or "unknown", 0) + row["events"]
    values = {param_name(k): v for k, v in filters.items()}
    return {"by": split, "choices": list(COUNT_BY), "filters": values, "form": form_fields(values),
            "events": found["events"], "rows": found["rows"],
            "totals": [{"key": k, "events": n} for k, n in sorted(totals.items(), key=lambda kv: -kv[1])]}


def _meta(a) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "source": a.source, "url": a.url, "link": safe_url(a.url),
            "published": a.published.isoformat() if a.published else None}


def _claims(ledger, claims, texts=None) -> list[dict[str, Any]]:
    """Each claim with its article and its evidence cut out of the article text."""
    texts = texts if texts is not None else ledger.texts_of({c.article for c in claims})
    out = []
    for c in claims:
        found, ev = texts.get(c.article), c.evidence
        row = event_to_json(c)
        row["source"] = _meta(found) if found else None
        text = found.text if found else ""
        row["excerpt"] = excerpt(text, ev.start, ev.end)
        row["excerpt"]["matches"] = text[ev.start:ev.end] == ev.text
        out.append(row)
    return out


def _event(ledger, found: EventClaims, texts=None) -> dict[str, Any]:
    return {**found.to_json(), "claims": _claims(ledger, found.claims, texts)}


def event(ledger, event_id: str) -> dict[str, Any]:
    found = ledger.event(event_id)
    if found is None:
        raise NotFound("event", event_id)
    return _event(ledger, found)


def actor(ledger, name: str, params) -> dict[str, Any]:
    limit = _int(params, "limit", PAGE_SIZE, 1, 500)
    page = _int(params, "page", 1, 1, 10**6)
    found = ledger.actor(name, limit=limit, offset=(page - 1) * limit)
    if found is None:
        raise NotFound("actor", name)
    data = found.to_json()
    return {**data, "page": page, "pages": -(-found.n_events // limit) or 1, "limit": limit}


def actors(ledger, params) -> dict[str, Any]:
    query = (params.get("q") or "").strip()
    return {"q": query, "actors": ledger.roster(query or None, limit=_int(params, "limit", 200, 1, 2000))}


def story(ledger, params) -> dict[str, Any]:
    a, b = (params.get("a") or "").strip(), (params.get("b") or "").strip()
    if not (a and b):
        return {"a": a, "b": b, "events": [], "total": 0, "page": 1, "pages": 1}
    limit = _int(params, "limit", PAGE_SIZE, 1, 500)
    page = _int(params, "page", 1, 1, 10**6)
    found = ledger.dyad(a, b, offset=(page - 1) * limit, limit=limit)
    texts = ledger.texts_of({c.article for s in found.events for c in s.claims})
    return {"a": a, "b": b, "total": found.total, "offset": found.offset, "page": page,
            "pages": -(-found.total // limit) or 1, "events": [_event(ledger, s, texts) for s in found.events]}


def article(ledger, article_id: str) -> dict[str, Any]:
    found = ledger.article(article_id)
    if found is None:
        raise NotFound("article", article_id)
    data = found.to_json()
    data["source"] = _meta(found.article)
    spans = [(m["evidence"]["start"], m["evidence"]["end"],
              {"event_id": m["event_id"] or m["mention_id"], "status": m["status"], "type": m["type"]})
             for m in data["mentions"]]
    data["segments"] = segments(data["article"]["text"], spans)
    return data


def rejects(ledger) -> dict[str, Any]:
    return {"rejects": [{"origin": r.origin, "code": r.code, "reason": r.reason, "article": r.article}
                        for r in ledger.rejects()]}


def sql(ledger, params) -> dict[str, Any]:
    query = (params.get("q") or "").strip()
    out: dict[str, Any] = {"q": query, "result": None, "error": None}
    if query:
        try:
            out["result"] = ledger.sql(query).to_json()
        except SidelineError as err:
            out["error"] = str(err)
    return out
