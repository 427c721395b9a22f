"""The story of one ledger event: its claims in date order and what they add up to.

Pure functions over the claims of one cluster; :mod:`sideline.ledger.ledger` assembles them
into a :class:`~sideline.ledger.ledger.LedgerEvent`.

The consensus rules, in order:

1. **contradiction**: one side confirms (occurred or planned) and another side denies
   (denied, ruled out, cancelled) within ``CLOSE_DAYS`` of each other, and no later
   report that it happened settles it: status ``uncertain``, ``contradiction=True``,
   both claims kept in the timeline;
2. **occurred**: a report that it happened beats earlier plans, proposals and refusals,
   unless a first-hand denial comes after the last such report;
3. otherwise **the latest word**: the status of the latest claim that is not
   ``uncertain`` (so a refusal after a plan gives ``ruled_out``, a plan after a refusal
   gives ``planned``); ``uncertain`` when every claim leaves it open.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from .dates import GRANULARITY_RANK, parse_value
from ..records import Actor, Event, EventType, Granularity, Status, Where

__all__ = ["ClaimEntry", "claim_entry", "timeline_key", "consensus", "participants",
           "best_type", "best_place", "best_date", "CLOSE_DAYS"]

CLOSE_DAYS = 7  # two claims published this close together speak "at the same time"
_CONFIRM = (Status.OCCURRED, Status.PLANNED)
_DENY = (Status.DENIED, Status.RULED_OUT, Status.CANCELLED)
SPECIFICITY = {EventType.OTHER_CONSULT: 0, EventType.MEET: 1, EventType.MULTILATERAL: 2,
               EventType.TALKS: 2, EventType.HOST: 3, EventType.VISIT: 3, EventType.PHONE_CALL: 3}


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    """One claim in an event's timeline."""

    mention_id: str
    article: str
    published: date | None
    status: Status
    type: EventType
    attributed_to: str | None
    side: str | None  # the country (or name) the claimant speaks for, when known
    date: str | None
    granularity: Granularity | None
    evidence: str
    start: int = 0  # where the evidence starts in its article: orders the claims of one article

    def to_json(self) -> dict:
        return {"mention_id": self.mention_id, "article": self.article,
                "published": self.published.isoformat() if self.published else None,
                "status": self.status.value, "type": self.type.value,
                "attributed_to": self.attributed_to, "side": self.side, "date": self.date,
                "date_granularity": self.granularity.value if self.granularity else None,
                "evidence": self.evidence, "start": self.start}


def _side(event: Event) -> str | None:
    claim = event.attributed_to
    if claim is None:
        return None
    if claim.actor is not None and claim.actor.country:
        return claim.actor.country
    for actor in event.actors:
        if actor.name == claim.name:
            return actor.country or actor.name
    return None


def claim_entry(event: Event, mid: str, published: date | None) -> ClaimEntry:
    when = event.when
    gran = when.granularity if when else None
    if when and when.value and gran is None:
        parsed = parse_value(when.value)
        gran = parsed[1] if parsed else None
    return ClaimEntry(mention_id=mid, article=event.article, published=published,
                      status=event.status, type=event.type,
                      attributed_to=event.attributed_to.name if event.attributed_to else None,
                      side=_side(event), date=when.value if when else None, granularity=gran,
                      evidence=event.evidence.text if event.evidence else "",
                      start=event.evidence.start if event.evidence else 0)


def timeline_key(c: ClaimEntry) -> tuple:
    """Claims in the order they were made: publication date, then the claim's own date."""
    parsed = parse_value(c.date) if c.date else None
    own = parsed[0][0] if parsed else 0
    return (c.published.toordinal() if c.published else own, own, c.article, c.start, c.mention_id)


def _close(a: ClaimEntry, b: ClaimEntry) -> bool:
    if a.published is None or b.published is None:
        return a.published is None and b.published is None
    return abs((a.published - b.published).days) <= CLOSE_DAYS


def _who(c: ClaimEntry) -> str:
    voice = c.attributed_to or "the article's own voice"
    when = c.published.isoformat() if c.published else "undated"
    return f"{voice} ({c.article}, {when})"


def _after(a: ClaimEntry, b: ClaimEntry, days: int = 0) -> bool:
    """a was published more than ``days`` after b."""
    return bool(a.published and b.published and (a.published - b.published).days > days)


def _contradiction(claims: list[ClaimEntry]) -> tuple[ClaimEntry, ClaimEntry] | None:
    """The first (denial, confirmation) pair from different sides made close in time."""
    by_side: dict[str, list[ClaimEntry]] = {}
    for c in claims:
        if c.status in _CONFIRM and c.side:
            by_side.setdefault(c.side, []).append(c)
    for d in (c for c in claims if c.status in _DENY and c.side):
        for side in sorted(by_side):
            if side == d.side:
                continue
            close = next((c for c in by_side[side] if _close(c, d)), None)
            if close is not None:
                return close, d
    return None


def consensus(claims: list[ClaimEntry], party_sides: frozenset[str]) -> tuple[Status, str, bool]:
    """(status, rule, contradiction) for claims in timeline order."""
    pair = _contradiction(claims)
    occurred = [c for c in claims if c.status is Status.OCCURRED]
    first_hand = [c for c in occurred if c.attributed_to is None or c.side in party_sides]
    if pair is not None:
        settled = [c for c in first_hand if _after(c, pair[0], CLOSE_DAYS) and _after(c, pair[1], CLOSE_DAYS)]
        if not settled:
            conf, deny = pair
            return (Status.UNCERTAIN,
                    f"contradiction: {_who(conf)} for {conf.side} says {conf.status.value}, "
                    f"{_who(deny)} for {deny.side} says {deny.status.value}; both kept", True)
    if occurred:
        decider = (first_hand or occurred)[-1]
        denials = [c for c in claims if c.status in (Status.DENIED, Status.RULED_OUT)
                   and c.side in party_sides and _after(c, occurred[-1])]
        if denials:
            d = denials[-1]
            return (d.status, f"{d.status.value}: a first-hand denial by {_who(d)} comes after "
                              f"the last report that it happened", pair is not None)
        others = sorted({c.status.value for c in claims if c.status is not Status.OCCURRED})
        beats = f" outweighs the {'/'.join(others)} claims" if others else ""
        kind = "a first-hand report" if first_hand else "a report"
        return Status.OCCURRED, f"occurred: {kind} that it happened by {_who(decider)}{beats}", pair is not None
    decisive = [c for c in claims if c.status is not Status.UNCERTAIN]
    if not decisive:
        return Status.UNCERTAIN, "uncertain: every claim leaves it unresolved", pair is not None
    last = decisive[-1]
    same_day = [c for c in decisive if c.published == last.published]
    if len({c.status.coarse for c in same_day}) > 1:
        said = ", ".join(f"{c.status.value} ({c.attributed_to or 'own voice'})" for c in same_day)
        when = last.published.isoformat() if last.published else "undated"
        return Status.UNCERTAIN, f"uncertain: the latest reports ({when}) disagree: {said}", pair is not None
    before = sorted({c.status.value for c in decisive[:-1] if c.status is not last.status})
    after = f" after {'/'.join(before)}" if before else ""
    return last.status, f"{last.status.value}{after}: the latest word is {_who(last)}", pair is not None


def participants(events: list[Event], block: tuple[str, ...]) -> tuple[Actor, ...]:
    """Every participant once, with its most common surface form, role, country and code."""
    count: Counter[str] = Counter()
    position: dict[str, int] = {}
    seen: dict[str, list[Actor]] = {}
    for e in events:
        for i, a in enumerate(e.actors):
            count[a.name] += 1
            position[a.name] = position.get(a.name, 0) + i
            seen.setdefault(a.name, []).append(a)

    def order(name: str) -> tuple:
        visitor_first = 0 if block[0] == "visit" and name == block[1] else 1
        return (visitor_first, -count[name], position[name] / count[name], name)

    return tuple(_merge_actor(name, seen[name]) for name in sorted(count, key=order))


def _common(values: list) -> object:
    values = [v for v in values if v]
    if not values:
        return None
    count = Counter(values)
    return min(count, key=lambda v: (-count[v], str(v)))


def _merge_actor(name: str, actors: list[Actor]) -> Actor:
    distinct = set(actors)
    if len(distinct) == 1:
        return actors[0]
    return Actor(name=name, mention=_common([a.mention for a in actors]) or name,
                 role=_common([a.role for a in actors]), country=_common([a.country for a in actors]),
                 code=_common([a.code for a in actors]), kind=_common([a.kind for a in actors]) or "person")


def best_type(events: list[Event]) -> EventType:
    """The most specific type that at least a quarter of the claims agree on."""
    count = Counter(e.type for e in events)
    floor = max(1, len(events) / 4)
    agreed = [t for t, n in count.items() if n >= floor] or list(count)
    return max(agreed, key=lambda t: (SPECIFICITY.get(t, 0), count[t], t.value))


def best_place(events: list[Event]) -> Where | None:
    """The most common named place, from claims that it happened when there are any."""
    pool = [e for e in events if e.status is Status.OCCURRED and e.where and e.where.name]
    pool = pool or [e for e in events if e.where and e.where.name]
    if not pool:
        return None
    count = Counter(e.where.name for e in pool)
    name = min(count, key=lambda n: (-count[n], n))
    wheres = [e.where for e in pool if e.where.name == name]
    geo = next((w for w in wheres if w.lat is not None), wheres[0])
    occasions = Counter(w.occasion for e in events if (w := e.where) and w.occasion)
    occasion = min(occasions, key=lambda o: (-occasions[o], o)) if occasions else None
    return Where(name=name, country=geo.country, lat=geo.lat, lon=geo.lon,
                 venue=next((w.venue for w in wheres if w.venue), None), occasion=occasion)


def best_date(claims: list[ClaimEntry]) -> tuple[str | None, Granularity | None, str]:
    """The most specific date an occurred claim gives, else the latest claim's; and why."""
    dated = [c for c in claims if c.date and parse_value(c.date)]
    occurred = [c for c in dated if c.status is Status.OCCURRED]
    if occurred:
        votes = Counter(o.date for o in occurred)

        def rank(c: ClaimEntry) -> tuple:
            gran = c.granularity or parse_value(c.date)[1]
            return (GRANULARITY_RANK.get(gran, 9), -votes[c.date], c.date)
        c = min(occurred, key=rank)
        return c.date, c.granularity or parse_value(c.date)[1], "the most specific date of a report that it happened"
    if dated:
        c = dated[-1]
        return c.date, c.granularity or parse_value(c.date)[1], "the date of the latest claim"
    return None, None, "no claim gives a date"
