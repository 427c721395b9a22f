"""Place names as the gazetteer keys them: :func:`norm_key` and one gazetteer :class:`Entry`."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..records import Where

__all__ = ["Entry", "norm_key"]


def norm_key(text: str) -> str:
    """The lookup key of a name: ASCII, lower case, no full stops, no leading 'the', 'St' -> 'saint'."""
    s = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    s = s.encode("ascii", "ignore").decode().lower().replace("&", " and ")
    s = s.replace(".", "")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[^a-z0-9']+", " ", s).strip(" '")
    s = re.sub(r"^the ", "", s)
    return re.sub(r"^st ", "saint ", s)


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry. ``kind`` is city, country, state, place, venue or occasion."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0
    capital: bool = False
    venue: str | None = None
    occasion: str | None = None
    city: str | None = None  # a venue's or occasion's city (None: it varies); a country's capital
    by_country: tuple[tuple[str, str], ...] = ()
    session: str | None = None

    @property
    def is_settlement(self) -> bool:
        return self.kind in ("city", "place")

    def where(self, text: str | None = None) -> Where:
        return Where(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                     venue=self.venue, occasion=self.occasion, text=text)
