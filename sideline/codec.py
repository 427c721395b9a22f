"""Records to plain JSON-able values and back: the one place that knows the output format.

:func:`event_to_json` gives one line of the events export, with exactly the fields of
FORMAT.md section 2 (``article, event_id, type, plover, mode, status, actors, date,
date_granularity, date_text, location, attributed_to, evidence, confidence``) in that
order, plus ``mention_id``. With ``full=True`` it adds what the format leaves out
(actor ``kind``, ``date_end``, ``has_when``, the location's ``text``, the speaker's
``actor``, the ``trigger`` and ``sentence`` spans), so that :func:`event_from_json`
rebuilds the record exactly. Without ``full`` the round trip is exact for every field
the format holds and the rest take their defaults (there, a ``When`` whose fields are
all empty, as ``When(None)``, reads back as ``None``: the flat ``date*`` fields cannot
tell the two apart; ``has_when`` can).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from . import lexicons, types
from .records import (Actor, Article, Claim, Event, EventType, Evidence, Granularity, Span,
                      Status, When, Where)

__all__ = ["event_to_json", "event_from_json", "actor_to_json", "actor_from_json",
           "article_to_row", "article_from_row", "mention_to_row", "mention_from_row", "plover_of"]


def plover_of(event_type: EventType | str) -> tuple[str | None, str | None]:
    """The PLOVER event and mode of an engagement type (the type table, :mod:`sideline.types`)."""
    try:
        row = types.info(event_type)
    except ValueError:
        return None, None
    return row.plover, row.plover_mode


# -- actors and claims ------------------------------------------------------------------------
def actor_to_json(actor: Actor, *, full: bool = False) -> dict[str, Any]:
    out = actor.to_json()
    if full:
        out["kind"] = actor.kind
    return out


def actor_from_json(d: Mapping[str, Any]) -> Actor:
    return Actor(name=d["name"], mention=d["mention"] if "mention" in d else d["name"],
                 role=d.get("role"), country=d.get("country"), code=d.get("code"),
                 kind=d.get("kind") or "person")


def _claim_to_json(claim: Claim | None, full: bool) -> dict[str, Any] | None:
    if claim is None:
        return None
    out = claim.to_json()
    if full:
        out["actor"] = actor_to_json(claim.actor, full=True) if claim.actor else None
    return out


def _claim_from_json(d: Mapping[str, Any] | None) -> Claim | None:
    if d is None:
        return None
    actor = d.get("actor")
    return Claim(name=d["name"], mention=d["mention"] if "mention" in d else d["name"],
                 actor=actor_from_json(actor) if actor else None)


# -- places, dates, spans -----------------------------------------------------------------------
def _where_to_json(where: Where | None, full: bool) -> dict[str, Any] | None:
    if where is None:
        return None
    out = where.to_json()
    if full:
        out["text"] = where.text
    return out


def _where_from_json(d: Mapping[str, Any] | None) -> Where | None:
    if d is None:
        return None
    return Where(name=d.get("name"), country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                 venue=d.get("venue"), occasion=d.get("occasion"), text=d.get("text"))


def _when_from_json(d: Mapping[str, Any]) -> When | None:
    value, gran, text, end = (d.get("date"), d.get("date_granularity"), d.get("date_text"),
                              d.get("date_end"))
    has_when = d.get("has_when")
    if has_when is None:
        has_when = not (value is None and gran is None and text is None and end is None)
    if not has_when:
        return None
    return When(value=value, granularity=Granularity(gran) if gran else None, text=text,
                end_value=end)


def _span_to_json(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _span_from_json(v: Any) -> Span | None:
    return None if v is None else Span(int(v[0]), int(v[1]))


# -- events ---------------------------------------------------------------------------------------
def event_to_json(event: Event, *, full: bool = False) -> dict[str, Any]:
    """One events-export line (FORMAT.md section 2) plus ``mention_id``; see the module doc."""
    plover, mode = plover_of(event.type)
    when = event.when
    out: dict[str, Any] = {
        "article": event.article,
        "event_id": event.event_id,
        "type": event.type.value,
        "plover": plover,
        "mode": mode,
        "status": event.status.value,
        "actors": [actor_to_json(a, full=full) for a in event.actors],
        "date": when.value if when else None,
        "date_granularity": when.granularity.value if when and when.granularity else None,
        "date_text": when.text if when else None,
        "location": _where_to_json(event.where, full),
        "attributed_to": _claim_to_json(event.attributed_to, full),
        "evidence": {"text": event.evidence.text, "start": event.evidence.start,
                     "end": event.evidence.end},
        "confidence": event.confidence,
        "mention_id": event.mention_id,
    }
    if full:
        out["date_end"] = when.end_value if when else None
        out["has_when"] = when is not None
        out["trigger"] = _span_to_json(event.trigger)
        out["sentence"] = _span_to_json(event.sentence)
    return out


def event_from_json(d: Mapping[str, Any]) -> Event:
    """The inverse of :func:`event_to_json` (``plover``, ``mode`` and ``mention_id`` are derived)."""
    ev = d["evidence"]
    return Event(
        article=d["article"],
        type=EventType(d["type"]),
        status=Status(d["status"]),
        actors=tuple(actor_from_json(a) for a in d.get("actors") or ()),
        evidence=Evidence(text=ev["text"], start=int(ev["start"]), end=int(ev["end"])),
        when=_when_from_json(d),
        where=_where_from_json(d.get("location")),
        attributed_to=_claim_from_json(d.get("attributed_to")),
        confidence=d.get("confidence", 0.5),
        trigger=_span_from_json(d.get("trigger")),
        sentence=_span_from_json(d.get("sentence")),
        event_id=d.get("event_id"),
    )


# -- store rows -----------------------------------------------------------------------------------
def mention_to_row(event: Event, position: int = 0) -> dict[str, Any]:
    """An event as a row of the store's ``mentions`` table (nested values stay dicts)."""
    j = event_to_json(event, full=True)
    ev, trig, sent = j["evidence"], j["trigger"] or (None, None), j["sentence"] or (None, None)
    return {"mention_id": j["mention_id"], "article_id": j["article"], "event_id": j["event_id"],
            "position": position, "type": j["type"], "status": j["status"],
            "actors": j["actors"], "date": j["date"], "date_granularity": j["date_granularity"],
            "date_text": j["date_text"], "date_end": j["date_end"], "has_when": j["has_when"],
            "location": j["location"],
            "attributed_to": j["attributed_to"], "evidence_text": ev["text"],
            "evidence_start": ev["start"], "evidence_end": ev["end"],
            "confidence": j["confidence"], "trigger_start": trig[0], "trigger_end": trig[1],
            "sentence_start": sent[0], "sentence_end": sent[1]}


def mention_from_row(row: Mapping[str, Any]) -> Event:
    """The inverse of :func:`mention_to_row`; the event keeps the row's ``mention_id``."""
    def span(name: str) -> list[int] | None:
        return None if row[f"{name}_start"] is None else [row[f"{name}_start"], row[f"{name}_end"]]

    event = event_from_json({
        **row, "article": row["article_id"], "trigger": span("trigger"),
        "sentence": span("sentence"),
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]}})
    return replace(event, stored_id=row["mention_id"]) if row.get("mention_id") else event


# -- articles ---------------------------------------------------------------------------------------
ARTICLE_FIELDS = ("id", "text_hash", "text", "published", "published_from", "url", "title",
                  "source", "origin")


def article_to_row(article: Article) -> dict[str, Any]:
    """An article as a flat row (``published`` stays a :class:`datetime.date`)."""
    return {"id": article.id, "text_hash": article.text_hash, "text": article.text,
            "published": article.published, "published_from": article.published_from,
            "url": article.url, "title": article.title, "source": article.source,
            "origin": article.origin}


def article_from_row(row: Mapping[str, Any]) -> Article:
    """The inverse of :func:`article_to_row`; ``published`` may be a date or an ISO string."""
    published = row.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    return Article(id=row["id"], text=row["text"], published=published, url=row.get("url"),
                   title=row.get("title"), source=row.get("source"), origin=row.get("origin"),
                   published_from=row.get("published_from"))
