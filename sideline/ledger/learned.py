"""What the corpus teaches about who holds which office, used when the ledger links.

The actors stage records (name, role, country or organisation, date) whenever an article
states a role ("Kenyan Foreign Minister Wanjiru Kamau"); the store keeps one row per article
(``learned_roles``). At link time a :class:`RoleBook` is built from them (the rows the keys
below select), and :class:`Enricher` completes the participants their own article left bare:

* a person named without role or country ("Kamau") gets the role and country learned for
  that person nearest the article's date, within ``window`` days, and the full name when the
  name is a surname that matches exactly one person learned in the window (two learned
  people sharing it: left alone);
* an unknown one-word "organisation" that is the surname of exactly one person learned in
  the window ("Mwakyusa", which the recogniser took for an organisation) is that person;
* a title-only participant with no known holder ("the Kenyan foreign minister": the Kenyan
  government, role Foreign Minister) becomes the one person learned to hold that office in
  the window (none, or two or more: left alone; never for roles many hold at once).

The knowledge file wins: when it knows the person in office at the event's date (when the
text wrote its year; else at the article's date), or the office's holder then, that is what
the participant gets. An event the text dates more than ``window`` days from its article is
left alone: the roles learned around the article say nothing of its time.

A book depends only on the *set* of rows (aggregated per person and office, ties broken by
the number of articles, then the nearest date, then the role and place names), so linking
after any sequence of runs, in any order, gives the same participants.

Keys make it incremental. A participant's completion reads only the rows that share its
:func:`lookup_key` ("n:" + a name key, "p:" + a country) and lie within ``window`` days of its
article; a row carries every key it can serve (:func:`row_keys`: its name, its surname, its
place). So a book built from the rows that share a set of participants' keys completes them
exactly as the book of every row does, and a row added or removed can change only the
participants that share one of its keys within the window.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from .. import lexicons
from ..knowledge.names import key, tokens
from ..knowledge.people import Knowledge
from ..records import Actor, Event

__all__ = ["Learned", "RoleBook", "Enricher", "WINDOW_DAYS", "lookup_key", "row_keys"]

#: how far (days) from an article's date a role learned elsewhere is still taken as held
WINDOW_DAYS = 730


@dataclass(frozen=True)
class Learned:
    """One person in one office, as the corpus stated it: every date and article that did."""

    name: str
    role: str
    place: str | None  # ISO3 or an organisation key ("UN"); None when no article gave one
    seen: tuple[tuple[date, str], ...]  # (date, article id), sorted

    def within(self, on: date, window: int) -> tuple[int, int] | None:
        """(articles, days to the nearest) of the statements within ``window`` days of ``on``."""
        near = [(abs((d - on).days), a) for d, a in self.seen if abs((d - on).days) <= window]
        if not near:
            return None
        return len({a for _, a in near}), min(n for n, _ in near)

    def summary(self) -> str:
        """"Foreign Minister, KEN: learned from 2 articles (2024-05-06 to 2024-05-13)"."""
        n = len({a for _, a in self.seen})
        days = sorted({d for d, _ in self.seen})
        span = days[0].isoformat() if len(days) == 1 else f"{days[0]} to {days[-1]}"
        where = f", {self.place}" if self.place else ""
        return f"{self.role}{where}: learned from {n} article{'s' * (n != 1)} ({span})"


def _bare_word(name: str) -> bool:
    """One capitalised word that is not an acronym: a surname, or an organisation's short name."""
    return len(name.split()) == 1 and name[:1].isupper() and not name.isupper()


def _surname(name: str) -> str:
    toks = tokens(name, drop_particles=True)
    return toks[-1] if toks else ""


def lookup_key(a: Actor) -> str | None:
    """The key of the rows a participant's completion depends on, or None when it is never
    completed: "n:" + the name key of a bare person (or of a one-word "organisation" that
    may be a surname), "p:" + the country of a title-only government."""
    if a.kind == "person" and a.role is None and a.country is None:
        return "n:" + key(a.name)
    if a.kind == "government" and a.role and a.country:
        return "p:" + a.country
    if a.kind == "organisation" and not (a.code or a.country) and _bare_word(a.name):
        return "n:" + key(a.name)  # a surname the recogniser took for an organisation ("Mwakyusa")
    return None


def row_keys(name: str, place: str | None) -> list[str]:
    """Every :func:`lookup_key` a learned row can serve: its name, the surname of a full name,
    its place (sorted; none for a name without a key)."""
    k = key(name) if name else ""
    if not k:
        return []
    keys = {"n:" + k}
    if len(k.split()) > 1:
        keys.add("n:" + _surname(k))
    if place:
        keys.add("p:" + place)
    return sorted(keys)


@dataclass(frozen=True)
class RoleBook:
    """Learned roles by person key and by surname; built from the store's rows in any order."""

    by_name: Mapping[str, tuple[Learned, ...]] = field(default_factory=lambda: MappingProxyType({}))
    by_surname: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    by_place: Mapping[str, tuple[Learned, ...]] = field(default_factory=lambda: MappingProxyType({}))
    window: int = WINDOW_DAYS

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence], window: int = WINDOW_DAYS) -> "RoleBook":
        """From ``Store.learned_roles()`` rows: (name, role, place, seen_on, article_id).
        Rows without a date cannot be placed in time and are left out."""
        seen: dict[tuple[str, str, str | None], set[tuple[date, str]]] = {}
        for name, role, place, seen_on, article in rows:
            if name and role and seen_on is not None and key(name):
                seen.setdefault((name, role, place or None), set()).add((seen_on, article))
        by_name: dict[str, list[Learned]] = {}
        for (name, role, place), stated in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
            by_name.setdefault(key(name), []).append(Learned(name, role, place, tuple(sorted(stated))))
        surnames: dict[str, set[str]] = {}
        for k in by_name:
            if len(k.split()) > 1:
                surnames.setdefault(_surname(k), set()).add(k)
        by_place: dict[str, list[Learned]] = {}
        for es in by_name.values():
            for e in es:
                if e.place:
                    by_place.setdefault(e.place, []).append(e)
        return cls(MappingProxyType({k: tuple(v) for k, v in by_name.items()}),
                   MappingProxyType({s: tuple(sorted(v)) for s, v in surnames.items()}),
                   MappingProxyType({p: tuple(v) for p, v in by_place.items()}), window)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_name.values())

    def entries(self) -> list[Learned]:
        """Every learned (person, office), by name, role and place."""
        return [e for k in sorted(self.by_name) for e in self.by_name[k]]

    def of(self, name: str) -> tuple[Learned, ...]:
        """What was learned of the person of exactly this name (by name key)."""
        return self.by_name.get(key(name), ())

    def best(self, entries: Iterable[Learned], on: date) -> Learned | None:
        """The entry stated by most articles within the window, then nearest ``on``, then by name."""
        ranked = [((-w[0], w[1], e.role, e.place or "", e.name), e) for e in entries
                  if (w := e.within(on, self.window)) is not None]
        return min(ranked, key=lambda x: x[0])[1] if ranked else None

    def person(self, name: str, on: date) -> Learned | None:
        """The office learned for a person nearest ``on``: a full name's own, or a surname's
        when exactly one learned full name in the window carries it."""
        k = key(name)
        if len(k.split()) > 1:
            return self.best(self.by_name.get(k, ()), on)
        fulls = [f for f in self.by_surname.get(k, ()) if self.best(self.by_name[f], on) is not None]
        if len(fulls) > 1:
            return None
        if fulls:  # the surname alone ("Foreign Minister Kamau") counts for the full name too
            full = self.by_name[fulls[0]]
            found = self.best(full + self.by_name.get(k, ()), on)
            return replace(found, name=full[0].name) if found is not None else None
        return self.best(self.by_name.get(k, ()), on)

    def holders(self, fits, place: str, on: date) -> list[Learned]:
        """The people learned to hold an office in ``place`` within the window around ``on``,
        one entry each; ``fits(role)`` says whether a learned role is that office."""
        found = {e.name: e for e in self.by_place.get(place, ())
                 if fits(e.role) and e.within(on, self.window) is not None}
        return [found[n] for n in sorted(found)]


class Enricher:
    """Completes the participants of stored mentions with a :class:`RoleBook` and knowledge."""

    def __init__(self, book: RoleBook, knowledge: Knowledge, shared_roles: Iterable[str] = ()) -> None:
        self.book, self.kb = book, knowledge
        self.shared = frozenset(shared_roles)
        self._empty = not book.by_name  # once, not per call: ``len(book)`` sums over every name

    @classmethod
    def load(cls, rows: Iterable[Sequence], data_dir: str | os.PathLike | None = None) -> "Enricher":
        return cls(RoleBook.from_rows(rows), Knowledge.load(data_dir),
                   lexicons.load("titles", data_dir).get("shared_roles", ()))

    def __call__(self, event: Event, on: date | None) -> Event:
        """The event with its bare participants completed (the same event when nothing is).
        The knowledge is asked at the event's date when the text wrote its year, else at the
        article's (``on``); the roles learned stay those of the article's date, and say nothing
        of an event more than the window away from it."""
        if on is None or self._empty:
            return event
        told = event.when.told() if event.when is not None else None
        if told is not None and abs((told[0] - on).days) > self.book.window:
            return event
        actors = list(event.actors)
        for i, a in enumerate(actors):
            better = self.actor(a, on, told[0] if told else None)
            if better is not None and better != a and not any(
                    better.name == o.name for j, o in enumerate(actors) if j != i):
                actors[i] = better
        return event if tuple(actors) == event.actors else replace(event, actors=tuple(actors))

    def actor(self, a: Actor, on: date, day: date | None = None) -> Actor | None:
        """A bare person's or a title-only government's completed actor, else None: the roles
        learned around ``on``, the knowledge at ``day`` (the event's, else ``on``)."""
        found = lookup_key(a)
        if found is None:
            return None
        if found.startswith("p:"):
            return None if a.role in self.shared else self._holder(a, on, day or on)
        return self._person(a, on, day or on)

    def _person(self, a: Actor, on: date, day: date) -> Actor | None:
        found = self.book.person(a.name, on)
        if found is None:
            return None
        known = self.kb.lookup_name(found.name, day)
        if known is None and found.name != a.name:
            known = self.kb.lookup_name(a.name, day)
            if known is not None and key(known.name) != key(found.name):
                return None  # the surname is also someone the knowledge file knows
        if known is not None and known.office(day) is not None:
            return self._from_knowledge(known, a.mention, day)
        return self._from_learned(found, a.mention)

    def _holder(self, a: Actor, on: date, day: date) -> Actor | None:
        family = self.kb.family(a.role, a.country)
        found = self.book.holders(lambda r: self.kb.family(r, a.country) == family, a.country, on)
        if len(found) != 1:
            return None
        known = self.kb.holder(a.role, a.country, day)
        if known is not None:
            return self._from_knowledge(known, a.mention, day)
        return self._from_learned(found[0], a.mention)

    def _from_knowledge(self, person, mention: str, on: date) -> Actor:
        return Actor(name=person.name, mention=mention, role=person.role(on), country=person.country(on),
                     code=person.code(on), kind="person")

    def _from_learned(self, e: Learned, mention: str) -> Actor:
        country = e.place if e.place in self.kb.countries else None
        org = self.kb.org(e.place) if e.place and country is None else None
        code = f"{country}GOV" if country else (org or {}).get("code")
        return Actor(name=e.name, mention=mention, role=e.role, country=country, code=code, kind="person")
