"""Typed queries over the ledger, shared by the Python API and the command line.

Every function takes an open :class:`~sideline.store.database.Store` and returns records, never
rows: :class:`~sideline.records.Event` mentions, :class:`EventClaims` (a ledger event with
its claims) and :class:`ActorSummary`, each with a ``to_json()`` twin (``event_to_json`` for
mentions). :class:`sideline.api.LedgerDB` calls them; the CLI prints what it returns.

A filter of ``events`` is declared once, as a field of :class:`EventFilter` with its check in
``_CHECKS``: that makes it a keyword of ``LedgerDB.events`` and a flag of ``sideline events``.
"""
from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .codec import event_to_json
from .errors import E, QueryError
from .records import Actor, Event, EventType, Status, When, Where

if TYPE_CHECKING:
    from .ledger.ledger import LedgerEvent

__all__ = ["EventFilter", "EventClaims", "ActorSummary", "events", "story", "event_claims", "bundle",
           "actors", "fold", "check_limit", "story_groups", "names_match", "place_match", "dates_match", "text_match", "words"]


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for matching names and places."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def _names(actor: Actor) -> tuple[str, ...]:
    return tuple(fold(x) for x in (actor.name, actor.mention, actor.country, actor.code) if x)


def _names_match(query: str, actor: Actor) -> bool:
    q = fold(query)
    return any(q == n or f" {q} " in f" {n} " for n in _names(actor))


def _filter(help: str, kind: type = str, metavar: str = "TEXT") -> Any:
    """An optional field of :class:`EventFilter`: the kind of value it takes (``str``, ``int``,
    ``float``, ``date`` or an enum, whose values are then the only ones allowed) and what
    ``--help`` says of it."""
    return field(default=None, metadata={"help": help, "kind": kind, "metavar": metavar})


_KIND_NAMES = {str: "a string", int: "a whole number", float: "a number"}


def _coerce(name: str, kind: type, value: Any) -> Any:
    """``value`` as ``kind``, or a :class:`QueryError` naming the filter and what it takes."""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            raise QueryError(E.E312, name=name, kind=f"a {name}", value=value,
                             known=", ".join(m.value for m in kind)) from None
    if kind is date:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise QueryError(E.E313, name=name, kind="an ISO date (YYYY-MM-DD)", value=value) from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise QueryError(E.E313, name=name, kind=_KIND_NAMES.get(kind, kind.__name__), value=value)
    return value


@dataclass(frozen=True)
class EventFilter:
    """The filters of ``LedgerDB.events`` and ``sideline events``; each is optional and they
    combine with AND. Values are checked when the filter is made: ``status="ruled_out"``
    becomes :attr:`Status.RULED_OUT`, ``since="2024-09-01"`` a date, and an unknown status,
    type or a bad date is a :class:`~sideline.errors.QueryError`."""

    actor: str | None = _filter("a participant: name, surname, words of the text or country code", metavar="A")
    with_: str | None = _filter("another participant of the same event", metavar="B")
    since: date | None = _filter("events whose date may fall on or after this day", date, "DATE")
    until: date | None = _filter("events whose date may fall on or before this day", date, "DATE")
    status: Status | None = _filter("a status; ruled_out includes postponed, cancelled and denied", Status, "S")
    type: EventType | None = _filter("an event type", EventType, "T")
    place: str | None = _filter("a place, venue, occasion or its country code", metavar="P")
    article: str | None = _filter("one article id", metavar="ID")
    text: str | None = _filter("words the evidence sentence holds, all of them (case and accents ignored)",
                               metavar="WORDS")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                object.__setattr__(self, f.name, _coerce(f.name, f.metadata["kind"], value))

    @classmethod
    def of(cls, **filters: Any) -> "EventFilter":
        """The filter the keywords ask for; an unknown keyword is a :class:`QueryError`."""
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(filters) - set(known))
        if unknown:
            raise QueryError(E.E311, name=unknown[0], known=", ".join(known))
        return cls(**filters)

    def __call__(self, ev: Event) -> bool:
        return all(check(self, ev) for check in _CHECKS)


def _check_actor(f: EventFilter, ev: Event) -> bool:
    if f.actor and not any(_names_match(f.actor, a) for a in ev.actors):
        return False
    if f.with_:
        others = [a for a in ev.actors if not (f.actor and _names_match(f.actor, a))]
        return any(_names_match(f.with_, a) for a in others)
    return True


def _event_day(when: When | None) -> tuple[str, str] | None:
    """The first and last ISO day a date may cover ("2024-09" -> 09-01..09-31)."""
    v = when.value if when else None
    if not v or not re.match(r"\d{4}", v):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v[:10]):
        return v[:10], (when.end_value or v)[:10]
    if re.fullmatch(r"\d{4}-\d{2}", v[:7]) and len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
        return v[:7] + "-01", v[:7] + "-31"
    return v[:4] + "-01-01", v[:4] + "-12-31"


def _check_dates(f: EventFilter, ev: Event) -> bool:
    return dates_match(f, ev.when)


def dates_match(f: EventFilter, when: When | None) -> bool:
    """Whether a date may fall in the filter's window (True when it has none)."""
    if not (f.since or f.until):
        return True
    span = _event_day(when)
    if span is None:
        return False
    first, last = span
    if f.since and last < f.since.isoformat():
        return False
    return not (f.until and first > f.until.isoformat())


def _check_fields(f: EventFilter, ev: Event) -> bool:
    if f.status and f.status not in (ev.status, ev.status.coarse):
        return False
    if f.type and ev.type != f.type:
        return False
    if f.article and ev.article != f.article:
        return False
    if f.text and not text_match(f.text, ev.evidence.text):
        return False
    return place_match(f.place, ev.where) if f.place else True


def place_match(query: str, w: Where | None) -> bool:
    """Whether a place, venue, occasion or country code holds ``query`` (folded)."""
    hay = [fold(x) for x in (w.name, w.venue, w.occasion, w.country) if x] if w else []
    return any(fold(query) in h for h in hay)


def words(text: str | None) -> tuple[str, ...]:
    """The words of a free-text filter: lower-cased, accents stripped (as DuckDB's strip_accents)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return tuple("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def text_match(query: str, text: str) -> bool:
    """Whether ``text`` holds every word of ``query`` (case and accents ignored)."""
    hay = " ".join(words(text))
    return all(w in hay for w in words(query))


def names_match(query: str, actor: Actor) -> bool:
    """Whether a participant's name, surname, mention words or country code match ``query``."""
    return _names_match(query, actor)


_CHECKS = (_check_actor, _check_dates, _check_fields)


def check_limit(limit: Any) -> int | None:
    """``limit`` if it is None or a whole number, 0 or more; else a :class:`QueryError`."""
    if limit is not None and _coerce("limit", int, limit) < 0:
        raise QueryError(E.E313, name="limit", kind="a whole number, 0 or more", value=limit)
    return limit


def events(store, flt: EventFilter | None = None, limit: int | None = None) -> list[Event]:
    """Event mentions that pass the filter, in ledger order (article id, evidence start, mention
    id); at most ``limit`` of them when it is given."""
    flt = flt or EventFilter()
    limit = check_limit(limit)
    out: list[Event] = []
    if limit == 0:
        return out
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
    published = getattr(store, "published_dates", dict)() or {}
    return story_groups(events(store, EventFilter(actor=actor_a, with_=actor_b)), published)


def story_groups(mentions: list[Event], published: dict) -> list[tuple[str, list[Event]]]:
    """Mentions grouped by event, in date order, claims in the order they were published
    (``published``: article id -> publication date)."""
    published = {k: str(v) for k, v in published.items() if v}
    groups: dict[str, list[Event]] = {}
    for ev in mentions:
        groups.setdefault(ev.event_id or ev.mention_id, []).append(ev)
    for claims in groups.values():
        claims.sort(key=lambda c: (published.get(c.article, "9999"), c.article, c.evidence.start))
    return sorted(groups.items(), key=lambda kv: (_event_date(kv[1]), kv[0]))


@dataclass(frozen=True)
class EventClaims:
    """One ledger event with the claims (stored mentions) that make it.

    ``event`` is the ledger's record (participants, best date, consensus status and the rule
    that decided it, counts, the timeline of claims); None only for a mention never linked."""

    event_id: str
    event: LedgerEvent | None
    claims: tuple[Event, ...]

    def to_json(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "event": self.event.to_json() if self.event else None,
                "claims": [event_to_json(c) for c in self.claims]}


def bundle(store, groups: list[tuple[str, list[Event]]]) -> list[EventClaims]:
    """``[(event_id, claims)]`` with the ledger record of each event, made from its own claims
    as the ledger makes it (a linked event's record depends on its claims and their articles'
    publication dates only), so one event costs its claims and not the whole ledger."""
    from .ledger.ledger import Ledger

    linked = [claims for _, claims in groups if claims[0].event_id]
    ledger = Ledger()
    ledger.seed(linked, published=store.published_dates({c.article for claims in linked for c in claims}))
    records = {claims[0].event_id: ledger.event_of(tuple(sorted(c.mention_id for c in claims)))
               for claims in linked}
    return [EventClaims(event_id, records.get(event_id), tuple(claims)) for event_id, claims in groups]


def event_claims(store, event_id: str) -> EventClaims | None:
    """One event with all its claims, by event id or by the id of one of its mentions."""
    claims = list(store.events(event_id=event_id))
    if not claims:
        mention = next((ev for ev in store.events() if ev.mention_id == event_id), None)
        if mention is None:
            return None
        if mention.event_id is None:
            return EventClaims(mention.mention_id, None, (mention,))
        event_id = mention.event_id
        claims = list(store.events(event_id=event_id))
    return bundle(store, [(event_id, claims)])[0]


@dataclass(frozen=True)
class ActorSummary:
    """A canonical actor: aliases, roles, country and code, how often it is a participant, and
    where its roles come from."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None
    code: str | None
    mentions: int
    known: tuple[str, ...] = ()  # offices in the knowledge file: "Foreign Minister, RUS (2004-03-09 to now): knowledge base"
    learned: tuple[str, ...] = ()  # what articles stated: "Foreign Minister, KEN: learned from 2 articles (...)"

    def to_json(self) -> dict[str, Any]:
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}


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

