"""Canonical actors seen in the ledger, their roles and where the roles come from."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ..records import Actor

if TYPE_CHECKING:
    pass
from .filters import fold


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
    from ..ledger.learned import RoleBook

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
    from ..knowledge.people import Knowledge

    return Knowledge.load()


def _known(kb, name: str) -> tuple[str, ...]:
    """The offices the knowledge file gives the person of exactly this name (or alias)."""
    from ..knowledge.names import key

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

