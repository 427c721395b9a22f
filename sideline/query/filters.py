"""The filters of the ledger's queries: one field of :class:`EventFilter` per filter, with its
check in ``_CHECKS``; that makes it a keyword of ``LedgerDB.events`` (and ``counts``) and a
flag of ``sideline events``. Also the name, place, date and word matching they share."""
from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .. import types
from ..errors import E, QueryError
from ..export.codes import cameo_code, plover_code
from ..records import Actor, Event, EventType, Status, When, Where

if TYPE_CHECKING:
    pass


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
    ``float``, ``date``, ``tuple`` (several codes: a list, or one string with commas) or an
    enum, whose values are then the only ones allowed) and what ``--help`` says of it."""
    return field(default=None, metadata={"help": help, "kind": kind, "metavar": metavar})


_KIND_NAMES = {str: "a string", int: "a whole number", float: "a number"}
_PLOVER = types.plover_events()


def _codes(name: str, value: Any) -> tuple[str, ...]:
    """Several codes, from a list or a comma-separated string ("RUS,USA"), upper case."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)) or not all(isinstance(x, str) for x in items):
        raise QueryError(E.E313, name=name, kind="codes (a list, or a string with commas)", value=value)
    codes = tuple(dict.fromkeys(x.strip().upper() for x in items if x.strip()))
    if not codes:
        raise QueryError(E.E313, name=name, kind="at least one code", value=value)
    return codes


def _coerce(name: str, kind: type, value: Any) -> Any:
    """``value`` as ``kind``, or a :class:`QueryError` naming the filter and what it takes."""
    if kind is tuple:
        return _codes(name, value)
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
    country: tuple[str, ...] | None = _filter("a participant's country code; several with commas: any of them",
                                              tuple, "ISO3[,ISO3]")
    cameo: str | None = _filter("a CAMEO event code or its first digits (04: every consultation)", metavar="CODE")
    plover: str | None = _filter("a PLOVER event: " + ", ".join(_PLOVER), metavar="EVENT")
    source: str | None = _filter("the outlet: words of the article's source", metavar="OUTLET")
    min_confidence: float | None = _filter("claims at least this confident (0 to 1)", float, "X")
    event_id: str | None = _filter("one event id", metavar="ID")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                object.__setattr__(self, f.name, _coerce(f.name, f.metadata["kind"], value))
        if self.plover is not None and self.plover.upper() not in _PLOVER:
            raise QueryError(E.E312, name="plover", kind="a PLOVER event", value=self.plover,
                             known=", ".join(_PLOVER))
        if self.plover is not None:
            object.__setattr__(self, "plover", self.plover.upper())

    @classmethod
    def of(cls, **filters: Any) -> "EventFilter":
        """The filter the keywords ask for; an unknown keyword is a :class:`QueryError`."""
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(filters) - set(known))
        if unknown:
            raise QueryError(E.E311, name=unknown[0], known=", ".join(known))
        return cls(**filters)

    def __call__(self, ev: Event, source: str | None = None) -> bool:
        """Whether the mention ``ev`` passes (``source``: the outlet of its article)."""
        return all(check(self, ev) for check in _CHECKS) and _check_source(self, source)


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


def _check_codes(f: EventFilter, ev: Event) -> bool:
    countries = {a.country for a in ev.actors if a.country}
    if f.country and not countries & set(f.country):
        return False
    if f.min_confidence is not None and ev.confidence < f.min_confidence:
        return False
    if f.event_id and ev.event_id != f.event_id:
        return False
    if not (f.cameo or f.plover):
        return True
    place = ev.where.country if ev.where else None
    if f.cameo and not cameo_code(ev.type.value, ev.status.value, countries, place).startswith(f.cameo):
        return False
    return not f.plover or plover_code(ev.type.value, ev.status.value, countries, place)[0] == f.plover


def _check_source(f: EventFilter, source: str | None) -> bool:
    return not f.source or fold(f.source) in fold(source)


_CHECKS = (_check_actor, _check_dates, _check_fields, _check_codes)


def check_limit(limit: Any) -> int | None:
    """``limit`` if it is None or a whole number, 0 or more; else a :class:`QueryError`."""
    if limit is not None and _coerce("limit", int, limit) < 0:
        raise QueryError(E.E313, name="limit", kind="a whole number, 0 or more", value=limit)
    return limit


