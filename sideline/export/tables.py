"""The mention table and the event table of the csv and parquet exports.

One column list per table (:data:`MENTION_COLUMNS`, :data:`EVENT_COLUMNS`: name and Arrow
type). Parquet keeps the types: dates are DATE, coordinates and confidence DOUBLE, counts
BIGINT, lists LIST and participants a LIST of STRUCT(name, mention, role, country, code,
kind). csv is flat (:func:`flat_columns`): dates as ISO text, a list as its items joined by
``"; "``, the participants as six aligned columns (``participant_names``, ...,
``participant_kinds``). docs/CODEBOOK.md describes every column.

The event table holds the ledger's events (the records ``sideline event`` prints and the
PLOVER and GDELT exports code), not a recount of the mentions.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from ..codec import plover_of
from ..ledger.ledger import LedgerEvent
from ..records import Actor, Event
from .codes import cameo_code, period, plover_code
from .formats import cited
from .gdelt import gdelt_ids
from .view import ArticleRef, LedgerView, clean_fragment

__all__ = ["MENTION_COLUMNS", "EVENT_COLUMNS", "PARTICIPANT", "flat_columns", "mention_rows", "event_rows",
           "flat_row", "SEP"]

SEP = "; "  # joins the items of a list in one csv cell
_S, _F, _I, _D, _B = pa.string(), pa.float64(), pa.int64(), pa.date32(), pa.bool_()
_PARTICIPANT_FIELDS = ("name", "mention", "role", "country", "code", "kind")
#: one participant: a STRUCT in parquet, six aligned ``participant_*`` columns in csv
PARTICIPANT = pa.struct([(k, _S) for k in _PARTICIPANT_FIELDS])
_PLACE = (("location", _S), ("location_country", _S), ("location_lat", _F), ("location_lon", _F),
          ("location_venue", _S), ("location_occasion", _S))
_DATES = (("date", _S), ("date_start", _D), ("date_end", _D), ("date_granularity", _S))

#: the mention table: one row per claim (a line of the jsonl export)
MENTION_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("article", _S), ("published", _D), ("source", _S), ("url", _S), ("title", _S),
    ("mention_id", _S), ("event_id", _S), ("type", _S), ("plover", _S), ("mode", _S), ("status", _S),
    ("cameo", _S), ("plover_event", _S), ("participants", pa.list_(PARTICIPANT)),
    *_DATES, ("date_text", _S), *_PLACE, ("attributed_to", _S), ("attributed_to_mention", _S),
    ("evidence", _S), ("evidence_clean", _S), ("evidence_start", _I), ("evidence_end", _I), ("confidence", _F),
)
#: the event table: one row per ledger event
EVENT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", _S), ("type", _S), ("status", _S), ("contradiction", _B), ("rule", _S),
    ("cameo", _S), ("plover_event", _S), ("plover_mode", _S),
    ("participants", pa.list_(PARTICIPANT)), ("countries", pa.list_(_S)), *_DATES, *_PLACE,
    ("n_mentions", _I), ("n_sources", _I), ("n_articles", _I), ("first_seen", _D), ("last_seen", _D),
    ("articles", pa.list_(_S)), ("sources", pa.list_(_S)), ("urls", pa.list_(_S)),
    ("cited_article", _S), ("evidence_clean", _S), ("confidence", _F), ("gdelt_ids", pa.list_(_I)),
)


def flat_columns(columns: Iterable[tuple[str, pa.DataType]]) -> list[str]:
    """The csv header of a table: the participants as six aligned columns."""
    out: list[str] = []
    for name, kind in columns:
        if kind == pa.list_(PARTICIPANT):
            out += [f"participant_{k}s" if k != "country" else "participant_countries" for k in _PARTICIPANT_FIELDS]
        else:
            out.append(name)
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return SEP.join("" if v is None else str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A typed row as csv cells (see the module doc)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "participants":
            for k in _PARTICIPANT_FIELDS:
                name = "participant_countries" if k == "country" else f"participant_{k}s"
                out[name] = SEP.join(p[k] or "" for p in value)
        else:
            out[key] = _cell(value)
    return out


def _participants(actors: Iterable[Actor]) -> list[dict[str, Any]]:
    return [{"name": a.name, "mention": a.mention, "role": a.role, "country": a.country, "code": a.code,
             "kind": a.kind} for a in actors]


def _place(where: Any) -> dict[str, Any]:
    w = where
    return {"location": w.name if w else None, "location_country": w.country if w else None,
            "location_lat": w.lat if w else None, "location_lon": w.lon if w else None,
            "location_venue": w.venue if w else None, "location_occasion": w.occasion if w else None}


def _dates(value: str | None, end: str | None, gran: str | None) -> dict[str, Any]:
    span = period(value, end)
    return {"date": value, "date_start": span[0] if span else None, "date_end": span[1] if span else None,
            "date_granularity": gran or (span[2] if span else None)}


def _codes(type_: str, status: str, actors: Iterable[Actor], where: Any) -> dict[str, Any]:
    countries = {a.country for a in actors if a.country}
    place = where.country if where else None
    return {"cameo": cameo_code(type_, status, countries, place),
            "plover_event": plover_code(type_, status, countries, place)[0]}


def mention_row(ev: Event, ref: ArticleRef) -> dict[str, Any]:
    """One row of the mention table."""
    plover, mode = plover_of(ev.type)
    w, a = ev.when, ev.attributed_to
    return {
        "article": ev.article, "published": ref.published, "source": ref.source, "url": ref.url,
        "title": ref.title, "mention_id": ev.mention_id, "event_id": ev.event_id, "type": ev.type.value,
        "plover": plover, "mode": mode, "status": ev.status.value,
        **_codes(ev.type.value, ev.status.value, ev.actors, ev.where), "participants": _participants(ev.actors),
        **_dates(w.value if w else None, w.end_value if w else None,
                 w.granularity.value if w and w.granularity else None),
        "date_text": w.text if w else None, **_place(ev.where),
        "attributed_to": a.name if a else None, "attributed_to_mention": a.mention if a else None,
        "evidence": ev.evidence.text, "evidence_clean": clean_fragment(ev.evidence.text),
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end, "confidence": ev.confidence,
    }


def mention_rows(view: LedgerView) -> list[dict[str, Any]]:
    """The mention table, in the store's order."""
    return [mention_row(ev, view.article(ev.article)) for ev in view.mentions]


def event_row(le: LedgerEvent, view: LedgerView) -> dict[str, Any]:
    """One row of the event table."""
    refs = [view.article(a) for a in le.articles]
    claim = cited(le)
    plover = plover_code(le.type.value, le.status.value, {a.country for a in le.participants if a.country},
                         le.place.country if le.place else None)
    claims = view.claims(le)
    return {
        "event_id": le.event_id, "type": le.type.value, "status": le.status.value,
        "contradiction": le.contradiction, "rule": le.rule,
        **_codes(le.type.value, le.status.value, le.participants, le.place), "plover_mode": plover[1],
        "participants": _participants(le.participants),
        "countries": sorted({a.country for a in le.participants if a.country}),
        **_dates(le.date, None, le.granularity.value if le.granularity else None), **_place(le.place),
        "n_mentions": le.n_mentions, "n_sources": le.n_sources, "n_articles": le.n_articles,
        "first_seen": le.first_seen, "last_seen": le.last_seen, "articles": list(le.articles),
        "sources": sorted({r.source for r in refs if r.source}), "urls": [r.url for r in refs if r.url],
        "cited_article": claim.article if claim else None,
        "evidence_clean": clean_fragment(claim.evidence) if claim else None,
        "confidence": max((c.confidence for c in claims), default=None), "gdelt_ids": gdelt_ids(le),
    }


def event_rows(view: LedgerView) -> list[dict[str, Any]]:
    """The event table, by event id."""
    return [event_row(le, view) for le in sorted(view.events, key=lambda e: e.event_id)]
