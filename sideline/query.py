"""Typed queries over the ledger, shared by the command line and the JSON API.

Every function takes an open :class:`~sideline.store.database.Store` and returns records, never
rows; the CLI prints them as tables or JSON lines.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .records import Actor, Event

__all__ = ["EventFilter", "events", "story", "event", "ledger_event", "actors", "fold"]


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for matching names and places."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def _names(actor: Actor) -> tuple[str, ...]:
    return tuple(fold(x) for x in (actor.name, actor.mention, actor.country, actor.code) if x)


def _names_match(query: str, actor: Actor) -> bool:
    q = fold(query)
    return any(q == n or f" {q} " in f" {n} " for n in _names(actor))


@dataclass(frozen=True)
class EventFilter:
    """The filters of ``sideline events``; each is optional and they combine with AND."""

    actor: str | None = None
    with_: str | None = None
    since: date | None = None
    until: date | None = None
    status: str | None = None
    type: str | None = None
    place: str | None = None
    article: str | None = None

    def __call__(self, ev: Event) -> bool:
        return all(check(self, ev) for check in _CHECKS)


def _check_actor(f: EventFilter, ev: Event) -> bool:
    if f.actor and not any(_names_match(f.actor, a) for a in ev.actors):
        return False
    if f.with_:
        others = [a for a in ev.actors if not (f.actor and _names_match(f.actor, a))]
        return any(_names_match(f.with_, a) for a in others)
    return True


def _event_day(ev: Event) -> tuple[str, str] | None:
    """The first and last ISO day an event's date may cover ("2024-09" -> 09-01..09-31)."""
    v = ev.when.value if ev.when else None
    if not v or not re.match(r"\d{4}", v):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]):
        return v[:10], (ev.when.end_value or v)[:10]
    if re.fullmatch(r"\d{4}-\d{2}", v[:7]) and len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
        return v[:7] + "-01", v[:7] + "-31"
    return v[:4] + "-01-01", v[:4] + "-12-31"


def _check_dates(f: EventFilter, ev: Event) -> bool:
    if not (f.since or f.until):
        return True
    span = _event_day(ev)
    if span is None:
        return False
    first, last = span
    if f.since and last < f.since.isoformat():
        return False
    return not (f.until and first > f.until.isoformat())


def _check_fields(f: EventFilter, ev: Event) -> bool:
    if f.status and f.status not in (ev.status.value, ev.status.coarse.value):
        return False
    if f.type and ev.type.value != f.type:
        return False
    if f.article and ev.article != f.article:
        return False
    if f.place:
        w = ev.where
        hay = [fold(x) for x in (w.name, w.venue, w.occasion, w.country) if x] if w else []
        return any(fold(f.place) in h for h in hay)
    return True


_CHECKS = (_check_actor, _check_dates, _check_fields)


def events(store, flt: EventFilter | None = None, limit: int | None = None) -> list[Event]:
    """Event mentions that pass the filter, in ledger order."""
    flt = flt or EventFilter()
    out = []
    for ev in store.events(article=flt.article):
        if limit is not None and len(out) >= limit:  # limit 0: no rows
            break
        if flt(ev):
            out.append(ev)
    return out


def _event_date(claims: list[Event]) -> str:
    """An event's date for ordering: the most specific date any claim gives, else 9999."""
    dates = [c.when.value for c in claims if c.when and c.when.value and c.when.value[:1].isdigit()]
    return max(dates, key=len) if dates else "9999"


def story(store, actor_a: str, actor_b: str) -> list[tuple[str, list[Event]]]:
    """The events of a dyad in date order, each with its claims in the order they were
    published (article date, then position): [(event_id, [mentions])]."""
    published = {k: str(v) for k, v in (getattr(store, "published_dates", dict)() or {}).items() if v}
    groups: dict[str, list[Event]] = {}
    for ev in events(store, EventFilter(actor=actor_a, with_=actor_b)):
        groups.setdefault(ev.event_id or ev.mention_id, []).append(ev)
    for claims in groups.values():
        claims.sort(key=lambda c: (published.get(c.article, "9999"), c.article, c.evidence.start))
    return sorted(groups.items(), key=lambda kv: (_event_date(kv[1]), kv[0]))


def event(store, event_id: str) -> list[Event]:
    """All mentions of one event (or the one mention with that mention id)."""
    return [ev for ev in store.events() if event_id in (ev.event_id, ev.mention_id)]


def ledger_event(store, event_id: str):
    """The ledger's record of one event (participants, best date, consensus status and the
    rule that decided it, counts, timeline of claims), or None."""
    from .ledger.ledger import ledger_events

    return next((ev for ev in ledger_events(store) if ev.event_id == event_id), None)


@dataclass(frozen=True)
class ActorSummary:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None
    code: str | None
    mentions: int
    known: tuple[str, ...] = ()  # offices in the knowledge file: "Foreign Minister, RUS (2004-03-09 to now): knowledge base"
    learned: tuple[str, ...] = ()  # what articles stated: "Foreign Minister, KEN: learned from 2 articles (...)"


def actors(store, query: str | None = None) -> list[ActorSummary]:
    """Canonical actors seen in event mentions, with aliases, roles and counts, and where their
    roles come from: the knowledge file, and what the articles stated (people the articles gave
    a role but no event are listed too, with 0 mentions)."""
    from .ledger.learned import RoleBook

    seen: dict[str, dict] = {}
    for ev in store.events():
        for a in ev.actors:
            _tally(seen, a)
    book = RoleBook.from_rows(getattr(store, "learned_roles", list)())
    for e in book.entries():
        seen.setdefault(e.name, {"aliases": {e.name}, "roles": set(), "country": None, "code": None, "n": 0})
    kb = _knowledge()
    rows = [ActorSummary(name=k, aliases=tuple(sorted(v["aliases"] - {k})), roles=tuple(sorted(v["roles"])),
                         country=v["country"], code=v["code"], mentions=v["n"], known=_known(kb, k),
                         learned=tuple(e.summary() for e in book.of(k))) for k, v in seen.items()]
    if query:
        q = fold(query)
        rows = [r for r in rows if q in fold(r.name) or any(q in fold(x) for x in r.aliases)]
    return sorted(rows, key=lambda r: (-r.mentions, r.name))


def _knowledge():
    from .knowledge.people import Knowledge

    return Knowledge.load()


def _known(kb, name: str) -> tuple[str, ...]:
    """The offices the knowledge file gives the person of exactly this name (or alias)."""
    from .knowledge.names import key

    person = kb.lookup_name(name)
    if person is None or key(name) not in {key(n) for n in (person.name, *person.aliases)}:
        return ()
    return tuple(f"{o.role}, {o.country or o.org}"
                 + (f" ({o.start or '?'} to {o.end or 'now'})" if o.dated else "") + ": knowledge base"
                 for o in person.offices)


def _tally(seen: dict[str, dict], a: Actor) -> None:
    s = seen.setdefault(a.name, {"aliases": set(), "roles": set(), "country": None, "code": None, "n": 0})
    s["n"] += 1
    s["aliases"].add(a.mention)
    if a.role:
        s["roles"].add(a.role)
    s["country"] = s["country"] or a.country
    s["code"] = s["code"] or a.code

