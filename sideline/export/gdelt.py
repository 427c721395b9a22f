"""GDELT 2.0 event rows (the ``cameo`` export): the 61 columns of the GDELT 2.0 event table,
one row per dyad of a ledger event, tab-separated with no header as GDELT ships them.

The column rules (dates, actors, geography, counts, provenance) are in docs/CODEBOOK.md;
the codes come from :mod:`sideline.export.codes` and ``data/gdelt.json``.
"""
from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from typing import Any

from ..knowledge.gazetteer import gazetteer
from ..ledger.link import country_names, fold
from ..lexicons import load
from ..records import Actor
from .codes import cameo_code, cameo_parts, dyads, period, split_event

__all__ = ["GDELT_COLUMNS", "GDELT_TYPES", "GDELT_PATTERNS", "gdelt_rows", "gdelt_ids", "date_cells"]

_ACTOR_COLS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
               "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_COLS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
#: the GDELT 2.0 event table's columns, in order
GDELT_COLUMNS: tuple[str, ...] = tuple(
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR_COLS] + [f"Actor2{c}" for c in _ACTOR_COLS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO_COLS] + [f"Actor2Geo_{c}" for c in _GEO_COLS]
    + [f"ActionGeo_{c}" for c in _GEO_COLS] + ["DATEADDED", "SOURCEURL"])

_INT = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
        "FractionDate": "DOUBLE", "IsRootEvent": "INTEGER", "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE",
        "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
        "DATEADDED": "BIGINT"}
#: the SQL type of each column as the GDELT 2.0 codebook describes it (codes stay text: 040)
GDELT_TYPES: dict[str, str] = {c: _INT.get(c) or ("INTEGER" if c.endswith("Geo_Type") else "DOUBLE"
                                                  if c.endswith(("Geo_Lat", "Geo_Long")) else "VARCHAR")
                               for c in GDELT_COLUMNS}

#: what a filled cell looks like (an empty cell is allowed where the codebook says when)
GDELT_PATTERNS: dict[str, str] = {
    "GLOBALEVENTID": r"\d{1,16}", "SQLDATE": r"\d{8}", "MonthYear": r"\d{6}", "Year": r"\d{4}",
    "FractionDate": r"\d{4}\.\d{4}", "Actor1Code": r"[A-Z]{3,15}", "Actor2Code": r"[A-Z]{3,15}",
    "Actor1CountryCode": r"[A-Z]{3}", "Actor2CountryCode": r"[A-Z]{3}", "IsRootEvent": r"[01]",
    "EventCode": r"\d{3,4}", "EventBaseCode": r"\d{3}", "EventRootCode": r"\d{2}", "QuadClass": r"[1-4]",
    "GoldsteinScale": r"-?\d+\.\d", "NumMentions": r"\d+", "NumSources": r"\d+", "NumArticles": r"\d+",
    **{f"{a}Geo_{c}": p for a in ("Actor1", "Actor2", "Action") for c, p in (
        ("Type", r"[1-5]"), ("CountryCode", r"[A-Z]{2}"), ("ADM1Code", r"[A-Z]{2}[A-Z0-9]*"),
        ("Lat", r"-?\d+\.\d{4}"), ("Long", r"-?\d+\.\d{4}"))},
    "DATEADDED": r"\d{14}", "SOURCEURL": r"\S+",
}
_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
         "09": 3, "10": 3, "11": 3, "12": 3, "13": 3}


def date_cells(value: str | None, reported: date | None = None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate of an event's date: a day fills all four with it;
    a week, month, season or quarter with its first day; a year fills only Year; an event
    with no date is dated, as GDELT dates what it reads, by the day it was first reported
    (``reported``), else left empty."""
    span = period(value)
    if span is None:
        day = reported
    elif span[2] == "year":
        return ["", "", str(span[0].year), ""]
    else:
        day = span[0]
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor_cells(a: Actor | None) -> list[str]:
    if a is None:
        return [""] * len(_ACTOR_COLS)
    parts = cameo_parts(a.code)
    country = parts["country"] or (a.country or "")
    kinds = (parts["types"] + ["", "", ""])[:3]
    return [a.code or a.country or "", a.name.upper(), country, parts["group"], "", "", "", *kinds]


@lru_cache(maxsize=512)
def _country_geo(iso3: str, data_dir: str | None) -> tuple[str, ...]:
    fips = load("gdelt", data_dir)["iso3_to_fips"].get(iso3, "")
    entry = gazetteer().country(iso3)
    name = entry.name if entry else iso3
    lat = f"{entry.lat:.4f}" if entry and entry.lat is not None else ""
    lon = f"{entry.lon:.4f}" if entry and entry.lon is not None else ""
    return ("1", name, fips, fips, "", lat, lon, fips)


def _place_geo(place: Any, data_dir: str | None) -> list[str]:
    """The geographic cells of a place: a country (type 1), a US city (3) or another city (4)."""
    if place is None or not (place.name or place.country):
        return [""] * len(_GEO_COLS)
    country = (place.country or "").upper()
    whole = _country_geo(country, data_dir) if country else ("1", place.name or "", "", "", "", "", "", "")
    has_point = place.lat is not None and place.lon is not None
    if not place.name or not has_point or fold(place.name) in country_names(country):
        return list(whole) if country else [""] * len(_GEO_COLS)
    full = ", ".join(x for x in (place.name, whole[1] if country else "") if x)
    return ["3" if country == "USA" else "4", full, whole[2], whole[3], "",
            f"{float(place.lat):.4f}", f"{float(place.lon):.4f}", ""]


def _actor_geo(a: Actor | None, event: Any, action: list[str], data_dir: str | None) -> list[str]:
    """Where an actor was: the event's place when it met in person, else its country."""
    if a is None:
        return [""] * len(_GEO_COLS)
    in_person = event.status.value == "occurred" and event.type.value != "phone_call"
    if in_person and action[0]:
        return action
    return list(_country_geo(a.country, data_dir)) if a.country else [""] * len(_GEO_COLS)


def _gid(event_id: str, a1: Actor | None, a2: Actor | None) -> str:
    key = "|".join([event_id, a1.name if a1 else "", a2.name if a2 else ""])
    return str(int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:13], 16))


def _event_cells(event: Any, view: Any, data_dir: str | None) -> list[str]:
    """IsRootEvent .. AvgTone: the event's codes and counts, the same in each of its rows."""
    countries = {a.country for a in event.participants if a.country}
    code = cameo_code(event.type.value, event.status.value, countries,
                      event.place.country if event.place else None, data_dir)
    goldstein = load("gdelt", data_dir)["goldstein"].get(code[:3])
    root = "1" if view is not None and any(m in view.leads for m in event.mention_ids) else "0"
    return [root, code, code[:3], code[:2], str(_QUAD.get(code[:2], 4)),
            "" if goldstein is None else f"{goldstein:.1f}",
            str(event.n_mentions), str(event.n_sources), str(event.n_articles), ""]


def _added(event: Any, view: Any) -> str:
    stamps = [t for a in event.articles if view is not None and (t := view.article(a).added) is not None]
    return min(stamps).strftime("%Y%m%d%H%M%S") if stamps else ""


def gdelt_ids(event: Any) -> list[int]:
    """The GLOBALEVENTIDs of an event's rows (the event table lists them, to join the two)."""
    return [int(_gid(event.event_id, a1, a2)) for a1, a2 in dyads(split_event(event))]


def gdelt_rows(event: Any, view: Any, url: str | None, data_dir: str | None = None) -> list[list[str]]:
    """One row per dyad of ``event`` (a LedgerEvent): 61 strings in :data:`GDELT_COLUMNS` order."""
    dates = date_cells(event.date, event.first_seen)
    middle = _event_cells(event, view, data_dir)
    action = _place_geo(event.place, data_dir)
    tail = [_added(event, view), url or ""]
    rows = []
    for a1, a2 in dyads(split_event(event)):
        rows.append([_gid(event.event_id, a1, a2), *dates, *_actor_cells(a1), *_actor_cells(a2), *middle,
                     *_actor_geo(a1, event, action, data_dir), *_actor_geo(a2, event, action, data_dir),
                     *action, *tail])
    return rows
