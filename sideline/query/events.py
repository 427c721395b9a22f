"""Event mentions that pass a filter, counts, the story of a pair, and ledger events with their claims."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..codec import event_to_json
from ..export.codes import ActorCodes
from ..records import Event

if TYPE_CHECKING:
    from ..ledger.ledger import LedgerEvent
from .filters import EventFilter, check_limit


def events(store, flt: EventFilter | None = None, limit: int | None = None) -> list[Event]:
    """Event mentions that pass the filter, in ledger order (article id, evidence start, mention
    id); at most ``limit`` of them when it is given."""
    flt = flt or EventFilter()
    limit = check_limit(limit)
    out: list[Event] = []
    if limit == 0:
        return out
    codes = ActorCodes.of_counts(store.participant_counts())
    sources = _sources(store) if flt.source else {}
    for ev in store.events(article=flt.article, event_id=flt.event_id):
        if limit is not None and len(out) >= limit:  # limit 0: no rows
            break
        ev = codes.event(ev)
        if flt(ev, sources.get(ev.article)):
            out.append(ev)
    return out


def _sources(store) -> dict[str, str | None]:
    return {a["id"]: a.get("source") for a in store.article_info()}


def counts(store, by: list[str], flt: EventFilter | None = None):
    """Ledger events counted by ``by`` (month, year, dyad, country, type, status): an event
    counts when one of its mentions passes ``flt``, under its ledger values (see
    :mod:`sideline.aggregate`); returns a :class:`sideline.aggregate.Counts`."""
    from ..aggregate import check_by, count
    from ..export.view import read_view

    by = check_by(by)
    flt = flt or EventFilter()
    view = read_view(store)
    sources = {k: a.source for k, a in view.articles.items()}
    return count(view, by, [m for m in view.mentions if flt(m, sources.get(m.article))])


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
    from ..ledger.ledger import Ledger

    codes = ActorCodes.of_counts(store.participant_counts())
    groups = [(event_id, [codes.event(c) for c in claims]) for event_id, claims in groups]
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
