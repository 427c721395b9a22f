"""Office holders in bulk and the index behind dated office lookups.

``data/en/officeholders.json`` lists the heads of state, heads of government and foreign
ministers of the UN member states from 1990 on, with a source per tenure. The hand-curated
``actors.json`` wins over it: a bulk entry for a person the curated file already has (same
name or alias, a country in common) only adds the tenures the curated person lacks, and a
dated lookup consults the bulk holders of an office only when no curated holder fits the date.

>>> idx = OfficeIndex([], family=lambda o: o.family)
>>> idx.holders("FRA", "head_of_state", None)
[]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import Callable, Iterable

from .names import key

__all__ = ["OfficeIndex", "join_holders", "overlap"]


def _bounds(o) -> tuple[date, date]:
    return o.start or date.min, o.end or date.max  # an unknown or open bound is open


def overlap(a, b) -> bool:
    """Two tenures share a day (unknown bounds taken as open)."""
    (s1, e1), (s2, e2) = _bounds(a), _bounds(b)
    return s1 <= e2 and s2 <= e1


def join_holders(bulk: Iterable, curated: list, family: Callable) -> tuple[list, list]:
    """Fold bulk people into the curated ones they duplicate. Returns the curated people (some
    with more offices) and the bulk people that are nobody curated. ``family(office)`` gives
    an office's family."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(curated):
        for n in (p.name, *p.aliases):
            by_key[key(n)].append(i)
    extra: dict[int, list] = defaultdict(list)
    rest = []
    for person in bulk:
        countries = {o.country for o in person.offices}
        # the same name and a country in common; or a curated official of organisations only (Josep
        # Borrell, EU) whose national offices are in the bulk file
        match = next((i for n in (person.name, *person.aliases) for i in by_key.get(key(n), ())
                      if countries & {o.country for o in curated[i].offices}
                      or not any(o.country for o in curated[i].offices)), None)
        if match is None:
            rest.append(person)
            continue
        own = curated[match].offices
        extra[match] += [o for o in person.offices
                         if not any(c.country == o.country and family(c) == family(o) and overlap(c, o) for c in own)]
    joined = [replace(p, offices=p.offices + tuple(extra[i])) if extra.get(i) else p for i, p in enumerate(curated)]
    return joined, rest


class OfficeIndex:
    """(country or organisation, office family) -> the people who held it, curated and bulk apart."""

    def __init__(self, people: Iterable, family: Callable) -> None:
        self._tables: tuple[dict, dict] = (defaultdict(list), defaultdict(list))
        for p in people:
            table = self._tables[1 if p.bulk else 0]
            for o in p.offices:
                where = o.country or o.org
                if where:
                    table[(where, family(o))].append((p, o))

    def holders(self, where: str, fam: str, on: date | None) -> list:
        """Everyone in ``fam`` at ``where`` on ``on``: the curated holders if any fits, else the bulk ones."""
        for table in self._tables:
            found: list = []
            for p, o in table.get((where, fam), ()):
                if o.active(on) and p not in found:
                    found.append(p)
            if found:
                return found
        return []
