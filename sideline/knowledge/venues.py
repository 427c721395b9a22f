"""Venues and occasions (``data/en/venues.json``) found in running text.

A *venue* is a building or site with a fixed city (the Kremlin -> Moscow, JKIA -> Nairobi),
or one every country has (a State House), whose city then comes from the article's
country. An *occasion* is a gathering: one held at a fixed place (a UN General Assembly
session -> New York) or a recurring one whose place varies (G20, BRICS, APEC), whose place
must come from the text ("the BRICS summit in Kazan": :meth:`VenueIndex.place_after`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

from .. import lexicons
from ..errors import E, ConfigError
from ..records import Where
from .placenames import Entry, norm_key


__all__ = ["VenueIndex", "VenueMatch", "ordinal"]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class VenueMatch:
    """A venue or occasion named in the text: ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str
    entry: Entry

    @property
    def is_occasion(self) -> bool:
        return self.entry.kind == "occasion"


KINDS = ("venue", "place", "occasion")


def _check(d: Any) -> None:
    """Raise ConfigError E361 for an entry of venues.json that cannot be used."""
    name = d.get("name") if isinstance(d, dict) else None
    problem = None
    if not isinstance(d, dict) or not isinstance(name, str) or not name:
        problem = "an entry is an object with a non-empty string 'name'"
    elif d.get("kind", "venue") not in KINDS:
        problem = f"'kind' is one of {', '.join(KINDS)}"
    elif not all(isinstance(a, str) and a for a in d.get("aliases", ())):
        problem = "'aliases' is a list of non-empty strings"
    elif any(d.get(k) is not None and not isinstance(d[k], (int, float)) for k in ("lat", "lon")):
        problem = "'lat' and 'lon' are numbers or null"
    else:
        for p in d.get("patterns", ()):
            try:
                re.compile(p)
            except (re.error, TypeError) as err:
                problem = f"pattern {p!r} is not a regular expression ({err})"
    if problem:
        raise ConfigError(E.E361, entry=name or d, lexicon="venues", reason=problem)


def _entry_of(d: dict[str, Any]) -> Entry:

    _check(d)
    kind = d.get("kind", "venue")
    city = d.get("city")
    name = city or d["name"]
    return Entry(name=name, country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"), kind=kind,
                 venue=d["name"] if kind == "venue" else d.get("venue"),
                 occasion=d["name"] if kind == "occasion" else None, city=city,
                 by_country=tuple(sorted((d.get("by_country") or {}).items())), session=d.get("session"))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class VenueIndex:
    """Exact lookups and text search over the venues and occasions of ``data/en/venues.json``;
    ``words``: that file's "ordinals" and "patterns" (else the packaged ones)."""

    def __init__(self, data: Iterable[dict[str, Any]], gaz: Any, words: Mapping[str, Any] | None = None) -> None:
        words = words if words is not None else lexicons.load("venues")
        self._ordinals = tuple(words["ordinals"])
        patterns = words["patterns"]
        alternation = "|".join(re.escape(w) for w in self._ordinals)
        self._left = re.compile(patterns["session_before"].replace("{ORDINALS}", alternation))
        self._right = re.compile(patterns["session_after"])
        self._after = re.compile(patterns["place_after"])
        self._gaz = gaz
        self._by_key: dict[str, Entry] = {}
        self._by_alias: dict[str, Entry] = {}
        self._patterns: list[tuple[re.Pattern[str], Entry]] = []
        for d in data:  # a later entry (the user's own) wins over an earlier one of the same name
            e = _entry_of(d)
            for a in (d["name"], *d.get("aliases", ())):
                self._by_key[norm_key(a)] = e
            for a in d.get("aliases", ()):
                self._by_alias[a if a != a.lower() else a.lower()] = e
            self._patterns += [(re.compile(p), e) for p in d.get("patterns", ())]
        cased = [a for a in self._by_alias if a != a.lower()]
        lower = [a for a in self._by_alias if a == a.lower()]
        bound = r"(?<![\w-])(?:{})(?![\w-])"
        self._cased = re.compile(bound.format(_alternation(cased))) if cased else None
        self._lower = re.compile(bound.format(_alternation(lower)), re.I) if lower else None

    def exact(self, key: str) -> tuple[Entry, ...]:
        e = self._by_key.get(key)
        return (e,) if e else ()

    def find(self, text: str) -> list[VenueMatch]:
        """Venues and occasions in ``text``, longest first where they overlap, in text order."""
        found: list[VenueMatch] = []
        for rx in (self._cased, self._lower):
            for m in rx.finditer(text) if rx else ():
                e = self._by_alias.get(m.group(0)) or self._by_alias.get(m.group(0).lower())
                if e is not None:
                    found.append(self._extend(text, m.start(), m.end(), e))
        for rx, e in self._patterns:
            for m in rx.finditer(text):
                s, t = m.span("v") if "v" in rx.groupindex else m.span()
                n = m.group("n") if "n" in rx.groupindex else None
                found.append(self._extend(text, s, t, e, number=int(n) if n else None))
        found.sort(key=lambda v: (v.start, -(v.end - v.start)))
        out: list[VenueMatch] = []
        for v in found:
            if not out or v.start >= out[-1].end:
                out.append(v)
        return out

    def _extend(self, text: str, start: int, end: int, e: Entry, number: int | None = None) -> VenueMatch:
        """Take in a numbered session before ("the 79th session of") and 'summit' after."""
        if e.kind != "occasion":
            return VenueMatch(start, end, text[start:end], e)
        left = self._left.search(text[max(0, start - 60):start])
        if left:
            start = max(0, start - 60) + left.start()
            tok = left.group("ord").lower()
            number = int(re.sub(r"\D", "", tok)) if tok[0].isdigit() else self._ordinals.index(tok) + 1
        right = self._right.match(text[end:end + 60])
        if right:
            end += right.end()
        if number and e.session:
            e = replace(e, occasion=e.session.format(ordinal=ordinal(number)))
        return VenueMatch(start, end, text[start:end], e)

    def place_after(self, text: str, end: int, context_country: str | None = None) -> Where | None:
        """The place stated right after an occasion: 'the BRICS summit in Kazan' -> Kazan."""
        m = self._after.match(text[end:end + 90])
        if not m:
            return None
        words = m.group("p").rstrip(".'’")
        while words:
            w = self._gaz.geocode(words, context_country, place_context=True)
            if w is not None and w.name:
                return w
            words = words.rsplit(" ", 1)[0] if " " in words else ""
        return None

    def where(self, match: VenueMatch, context_country: str | None = None) -> Where | None:
        """The place a venue or occasion fixes, with its venue and occasion names."""
        return self._gaz.where_of(match.entry, match.text, context_country)
