"""The coding rules every export and aggregate shares: one code per actor, the dyads of an
event, and its CAMEO and PLOVER event codes.

* **One code per actor** (:class:`ActorCodes`): an actor (a canonical name of one kind) gets
  one country and one CAMEO-style code in a whole ledger, whatever each article knew: its
  most common country, and its code by one rule (:func:`actor_code`): a country is its ISO3
  code (``CUB``); a government is the country and its sector (``CUBGOV``); a person or body
  of a national sector is the country and the sector seen for it, ``GOV`` when any article
  gave it an office; an international organisation (or a person acting for one) keeps the
  organisation's code (``IGOUNO``). Roles stay as each article gave them.
* **Dyads** (:func:`split`, :func:`dyads`): who stands on which side of an event. A refusal,
  cancellation, postponement or denial puts first the participants of the side whose claim
  ruled it out; a visit puts the visitor (and those of the visitor's country) first and the
  hosts second; a hosted visit puts the hosts first; any other engagement has no sides and
  every two participants make a pair. GDELT rows, PLOVER source and target, and
  ``counts(by=["dyad"])`` all read this one split.
* **Event codes**: :func:`cameo_code` (the CAMEO code of a type and status, 044 for a
  meeting in a third country) and :func:`plover_code` (the PLOVER event and mode), both from
  the one type table (:mod:`sideline.types`).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations, product
from types import MappingProxyType
from typing import Any

from .. import types
from ..ledger.dates import parse_value
from ..lexicons import load
from ..records import Actor, Event, Granularity, Status

__all__ = ["NON_STATE", "ActorCodes", "actor_code", "Split", "split", "split_event", "dyads", "side_of",
           "cameo_code", "plover_code", "RULED_OUT", "period", "cameo_parts", "plover_entity_code"]

#: CAMEO prefixes of actors that belong to no state (international and non-state bodies)
NON_STATE = ("IGO", "NGO", "MNC", "UIS", "IMG", "REB", "OPP", "BUS", "MED", "CVL", "ISM")
#: the statuses that rule an engagement out (CAMEO 125, PLOVER REJECT)
RULED_OUT = frozenset({Status.RULED_OUT, Status.POSTPONED, Status.CANCELLED, Status.DENIED})


def _top(counts: Counter) -> Any:
    """The most common value; ties go to the smallest, so the choice never depends on order."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counts else None


def _tally(pairs: Iterable[tuple[Any, int]]) -> Counter:
    out: Counter = Counter()
    for value, n in pairs:
        out[value] += n
    return out


def _national(code: str | None) -> bool:
    return bool(code) and code[:3] not in NON_STATE


def actor_code(kind: str, country: str | None, sectors: Counter, orgs: Counter, has_role: bool) -> str | None:
    """The one rule: an actor's code from its country, the sectors and organisation codes seen
    for it and whether any article gave it an office (see the module doc)."""
    if orgs and (country is None or sum(orgs.values()) > sum(sectors.values())):
        return _top(orgs)
    if country is None:
        return None
    if kind == "country":
        return country
    sector = _top(sectors) or ("GOV" if kind == "government" or has_role else "")
    return country + sector


@dataclass(frozen=True)
class ActorCodes:
    """``(name, kind) -> (country, code)`` for every actor of a ledger (see the module doc)."""

    table: Mapping[tuple[str, str], tuple[str | None, str | None]]

    @classmethod
    def of(cls, actors: Iterable[Actor]) -> "ActorCodes":
        """The codes of the actors seen (each occurrence counts once)."""
        seen: Counter = Counter((a.name, a.kind, a.country, a.code, bool(a.role)) for a in actors)
        return cls.of_counts((*key, n) for key, n in seen.items())

    @classmethod
    def of_counts(cls, rows: Iterable[tuple]) -> "ActorCodes":
        """The codes from ``(name, kind, country, code, has_role, n)`` rows: how often each
        actor was seen with each country and code (``Store.participant_counts``)."""
        seen: dict[tuple[str, str], list[tuple]] = {}
        for name, kind, country, code, has_role, n in rows:
            seen.setdefault((name, kind or "person"), []).append((country, code, has_role, n))
        table = {}
        for key, group in seen.items():
            country = _top(_tally((c, n) for c, _, _, n in group if c))
            sectors = _tally((code[3:], n) for _, code, _, n in group
                             if _national(code) and code[:3] == country and len(code) > 3)
            orgs = _tally((code, n) for _, code, _, n in group if code and not _national(code))
            has_role = any(r for _, _, r, _ in group)
            table[key] = (country, actor_code(key[1], country, sectors, orgs, has_role))
        return cls(MappingProxyType(table))

    def actor(self, a: Actor) -> Actor:
        """``a`` with its ledger-wide country and code (unchanged when the ledger never saw it)."""
        found = self.table.get((a.name, a.kind))
        if found is None or found == (a.country, a.code):
            return a
        return replace(a, country=found[0], code=found[1])

    def event(self, ev: Event) -> Event:
        """``ev`` with every participant recoded (the speaker stays as given)."""
        actors = tuple(self.actor(a) for a in ev.actors)
        return ev if actors == ev.actors else replace(ev, actors=actors)


# -- sides and dyads -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Split:
    """The sides of an event: ``first`` acts on ``second`` when ``directed``; otherwise
    ``first`` holds every participant and ``second`` is empty."""

    first: tuple[Actor, ...]
    second: tuple[Actor, ...]
    directed: bool
    rule: str  # refusal, visit, host, or shared


def _same_side(anchor: Actor, others: Sequence[Actor]) -> tuple[list[Actor], list[Actor]]:
    """``anchor`` with the participants of its country, and the rest."""
    mine = [anchor] + [a for a in others if anchor.country and a.country == anchor.country]
    return mine, [a for a in others if a not in mine]


def _refusers(participants: Sequence[Actor], claim_sides: Sequence[str | None]) -> list[Actor]:
    """The participants of the first side (in ``claim_sides``) that is a participant's country
    or name."""
    for side in claim_sides:
        if not side:
            continue
        mine = [a for a in participants if side in (a.country, a.name)]
        if mine:
            return mine
    return []


def split(participants: Sequence[Actor], type_: str, status: str,
          claim_sides: Sequence[str | None] = ()) -> Split:
    """Who stands on which side (see the module doc). ``claim_sides``: the sides (a country or
    a name) of the claims that ruled the event out, the latest first."""
    people = tuple(participants)
    if len(people) > 1 and Status(status) in RULED_OUT:
        first = _refusers(people, claim_sides)
        second = tuple(a for a in people if a not in first)
        if first and second:
            return Split(tuple(first), second, True, "refusal")
    if len(people) > 1 and type_ in ("visit", "host"):
        first, second = _same_side(people[0], people[1:])
        if second:
            return Split(tuple(first), tuple(second), True, type_)
    return Split(people, (), False, "shared")


def split_event(event: Any) -> Split:
    """The split of a :class:`~sideline.ledger.ledger.LedgerEvent`: its consensus status, and
    the sides of its ruled-out claims, the latest first."""
    sides = [c.side for c in reversed(event.timeline) if c.status in RULED_OUT]
    return split(event.participants, event.type.value, event.status.value, sides)


def dyads(s: Split) -> list[tuple[Actor, Actor | None]]:
    """The pairs of a split: every (first, second) when directed, else every two participants
    in their order; a lone participant is paired with nobody (so no participant is lost)."""
    if s.directed:
        return list(product(s.first, s.second))
    if len(s.first) < 2:
        return [(a, None) for a in s.first]
    return list(combinations(s.first, 2))


def side_of(a: Actor | None) -> str | None:
    """What stands for an actor in a dyad or a country count: its country, else its
    organisation's code."""
    if a is None:
        return None
    return a.country or (a.code if a.code and not _national(a.code) else None)


# -- event codes -----------------------------------------------------------------------------------
def cameo_code(type_: str, status: str, countries: Iterable[str] | None = None,
               place_country: str | None = None, data_dir: str | None = None) -> str:
    """The CAMEO event code: by type when it occurred (044 for a meeting in a third country),
    else by status (036 intent to meet, 125 refusal)."""
    if status != "occurred":
        return types.cameo_by_status(data_dir).get(status, "036")
    try:
        row = types.info(type_, data_dir)
    except ValueError:
        return "040"
    if row.cameo_third_location and _third(countries, place_country):
        return row.cameo_third_location
    return row.cameo


def _third(countries: Iterable[str] | None, place_country: str | None) -> bool:
    """Whether the event's place is in a country none of its participants is from."""
    countries = set(countries or ())
    return bool(place_country and countries and place_country not in countries)


def plover_code(type_: str, status: str, countries: Iterable[str] | None = None,
                place_country: str | None = None, data_dir: str | None = None) -> tuple[str, str | None]:
    """The PLOVER event and mode: CONSULT with the type's mode when it occurred (a meeting is
    ``third-party`` only in a third country, as CAMEO's 044), else by status (AGREE for plans,
    proposals and open questions, REJECT ``meet`` for refusals)."""
    if status != "occurred":
        row = types.plover_by_status(data_dir).get(status) or {"event": "AGREE", "mode": None}
        return row["event"], row.get("mode")
    try:
        info = types.info(type_, data_dir)
    except ValueError:
        return "CONSULT", None
    if info.plover_mode == "third-party" and not _third(countries, place_country):
        return info.plover, None
    return info.plover, info.plover_mode


# -- dates -----------------------------------------------------------------------------------------
def period(value: str | None, end_value: str | None = None) -> tuple[date, date, str] | None:
    """The first and last day a TIMEX3-style date covers, and its granularity ("2023-04" ->
    2023-04-01, 2023-04-30, month; a range runs to ``end_value``); None when undated or
    unreadable."""
    parsed = parse_value(value) if value else None
    if parsed is None:
        return None
    (lo, hi), gran = parsed
    if value and "T" in value and gran is Granularity.DAY:
        gran = Granularity.TIME
    end = parse_value(end_value) if end_value else None
    if end is not None and end[0][1] >= lo:
        hi = end[0][1]
    return date.fromordinal(lo), date.fromordinal(hi), gran.value


# -- actor codes as CAMEO and PLOVER split them -------------------------------------------------------
def cameo_parts(code: str | None) -> dict[str, Any]:
    """A CAMEO actor code in GDELT's fields: ``country`` (a country or region code),
    ``group`` (a known group: UNO, EEC), ``types`` (GOV, IGO, MIL...)."""
    code = (code or "").upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return {"country": "", "group": "", "types": []}
    if chunks[0] not in NON_STATE:
        return {"country": chunks[0], "group": "", "types": chunks[1:4]}
    regions = set(load("gdelt").get("cameo_regions", ()))
    country = next((c for c in chunks[1:] if c in regions), "")
    rest = [c for c in chunks[1:] if c != country]
    return {"country": country, "group": rest[0] if rest else "", "types": [chunks[0], *rest[1:3]]}


def plover_entity_code(code: str | None, country: str | None) -> tuple[str | None, str | None]:
    """PLOVER's code and sector of an actor: a state's ISO3 code and its sector (GOV...); an
    international body's ``UNO`` (the UN family), ``EUR`` (the EU) or its kind (IGO, NGO...)."""
    if code and not _national(code):
        if code.startswith("IGOUNO"):
            return "UNO", None
        if code.startswith(("IGOEUR", "IGOEEC")):
            return "EUR", None
        return code[:3], None
    if country:
        return country, (code[3:6] if code and code[:3] == country and len(code) > 3 else None)
    return None, None
