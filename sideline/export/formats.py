"""The field's export formats: PLOVER JSON and CAMEO codes in GDELT 2.0 event rows.

Both functions take a :class:`~sideline.ledger.ledger.LedgerEvent`, its ``to_json()`` dict, an
event line of the JSONL export (docs: /work/shared/eval/FORMAT.md section 2) or an
:class:`~sideline.records.Event`. CAMEO codes and PLOVER modes come from
``sideline/data/types.json`` (so a user's data directory can change them).

* :func:`to_plover` -> dict, checked by :data:`PLOVER_SCHEMA` (:func:`validate`);
* :func:`to_cameo_row` -> list of 61 strings in the order of :data:`GDELT_COLUMNS`
  (GDELT 2.0 event table); what we do not know is an empty string.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import E, InputError
from ..ledger.link import country_names, fold
from ..ledger.dates import as_date, parse_value
from .. import types
from ..lexicons import load

__all__ = ["to_plover", "to_cameo_row", "cameo_code", "GDELT_COLUMNS", "GDELT_PATTERNS",
           "PLOVER_SCHEMA", "validate"]

_ACTOR_COLS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
               "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_COLS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS: tuple[str, ...] = tuple(
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR_COLS] + [f"Actor2{c}" for c in _ACTOR_COLS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO_COLS] + [f"Actor2Geo_{c}" for c in _GEO_COLS]
    + [f"ActionGeo_{c}" for c in _GEO_COLS] + ["DATEADDED", "SOURCEURL"])

GDELT_PATTERNS: dict[str, str] = {  # what a filled cell looks like (an empty cell is always allowed)
    "GLOBALEVENTID": r"\d{1,16}", "SQLDATE": r"\d{8}", "MonthYear": r"\d{6}", "Year": r"\d{4}",
    "FractionDate": r"\d{4}\.\d{4}", "Actor1Code": r"[A-Z]{3,15}", "Actor2Code": r"[A-Z]{3,15}",
    "Actor1CountryCode": r"[A-Z]{3}", "Actor2CountryCode": r"[A-Z]{3}", "IsRootEvent": r"[01]",
    "EventCode": r"\d{3,4}", "EventBaseCode": r"\d{3}", "EventRootCode": r"\d{2}", "QuadClass": r"[1-4]",
    "GoldsteinScale": r"-?\d+\.\d", "NumMentions": r"\d+", "NumSources": r"\d+", "NumArticles": r"\d+",
    "ActionGeo_Type": r"[1-5]", "ActionGeo_CountryCode": r"[A-Z]{2}", "ActionGeo_Lat": r"-?\d+\.\d+",
    "ActionGeo_Long": r"-?\d+\.\d+", "DATEADDED": r"\d{14}",
}

_STR, _NUM = {"type": "string"}, {"type": ["number", "null"]}
_OPT_STR = {"type": ["string", "null"]}
PLOVER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "date", "event", "mode", "context", "actor", "actor_code", "recipient",
                 "recipient_code", "location", "text", "status"],
    "properties": {
        "id": {"type": "string", "pattern": r"^\S+$"},
        "date": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "date_granularity": _OPT_STR,
        "event": {"type": "string", "enum": sorted({row.plover for row in types.table().values()})},
        "mode": {"type": ["string", "null"], "enum": ["visit", "host", "phone", "multilateral", "third-party", None]},
        "context": _STR,
        "actor": _OPT_STR, "actor_code": _OPT_STR, "recipient": _OPT_STR, "recipient_code": _OPT_STR,
        "location": {"type": ["object", "null"], "required": ["name", "country", "lat", "lon"],
                     "properties": {"name": _OPT_STR, "country": _OPT_STR, "lat": _NUM, "lon": _NUM}},
        "text": _STR,
        "status": {"type": "string", "enum": ["occurred", "planned", "proposed", "ruled_out", "uncertain",
                                              "postponed", "cancelled", "denied"]},
        "cameo": {"type": "string", "pattern": r"^\d{3,4}$"},
        "type": _STR,
        "n_mentions": {"type": "integer"}, "n_sources": {"type": "integer"},
        "contradiction": {"type": "boolean"},
    },
}

_NON_STATE = ("IGO", "NGO", "MNC", "UIS", "IMG", "REB", "OPP", "BUS", "MED", "CVL")


@dataclass(frozen=True)
class _View:
    """What both formats need, from any of the accepted inputs."""

    id: str
    type: str
    status: str
    participants: tuple[dict, ...]
    date: str | None
    granularity: str | None
    location: dict | None
    text: str
    n_mentions: int = 1
    n_sources: int = 1
    n_articles: int = 1
    first_seen: date | None = None
    last_seen: date | None = None
    url: str = ""
    contradiction: bool = False


def _view(obj: Any) -> _View:
    if hasattr(obj, "to_json") and hasattr(obj, "timeline"):  # LedgerEvent
        obj = obj.to_json()
    elif hasattr(obj, "evidence") and hasattr(obj, "actors"):  # records.Event
        obj = _event_json(obj)
    if not isinstance(obj, dict):
        raise InputError(E.E351, kind=type(obj).__name__)
    try:
        if "participants" in obj:  # LedgerEvent.to_json()
            timeline = obj.get("timeline") or [{}]
            text = next((c.get("evidence") for c in reversed(timeline)
                         if c.get("status") == obj["status"] and c.get("evidence")), timeline[-1].get("evidence"))
            return _View(id=obj["event_id"], type=obj["type"], status=obj["status"],
                         participants=tuple(obj["participants"]), date=obj.get("date"),
                         granularity=obj.get("date_granularity"), location=obj.get("location"),
                         text=text or "", n_mentions=int(obj.get("n_mentions") or 1),
                         n_sources=int(obj.get("n_sources") or 1), n_articles=int(obj.get("n_articles") or 1),
                         first_seen=as_date(obj.get("first_seen")), last_seen=as_date(obj.get("last_seen")),
                         url=obj.get("url") or "", contradiction=bool(obj.get("contradiction")))
        evidence = obj.get("evidence") or {}
        return _View(id=obj.get("event_id") or obj.get("mention_id") or _hash_id(obj), type=obj["type"],
                     status=obj["status"], participants=tuple(obj.get("actors") or ()),
                     date=obj.get("date"), granularity=obj.get("date_granularity"),
                     location=obj.get("location"),
                     text=evidence.get("text", "") if isinstance(evidence, dict) else str(evidence),
                     first_seen=as_date(obj.get("published")), last_seen=as_date(obj.get("published")),
                     url=obj.get("url") or "")
    except (KeyError, TypeError) as err:
        raise InputError(E.E352, reason=str(err)) from err


def _hash_id(obj: dict) -> str:
    key = "|".join(str(obj.get(k)) for k in ("article", "type", "status", "actors", "evidence"))
    return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _event_json(e: Any) -> dict:
    when = e.when
    return {"event_id": e.event_id or e.mention_id, "article": e.article, "type": e.type.value,
            "status": e.status.value, "actors": [a.to_json() for a in e.actors],
            "date": when.value if when else None,
            "date_granularity": when.granularity.value if when and when.granularity else None,
            "location": e.where.to_json() if e.where else None, "evidence": {"text": e.evidence.text}}


def cameo_code(type_: str, status: str, countries: set[str] | None = None,
               place_country: str | None = None, data_dir: str | None = None) -> str:
    """The CAMEO event code: by type when it occurred (044 for a meeting in a third country),
    else by status (036 intent to meet, 125 refusal)."""
    if status != "occurred":
        return types.cameo_by_status(data_dir).get(status, "036")
    try:
        row = types.info(type_, data_dir)
    except ValueError:
        return "040"
    if row.cameo_third_location and place_country and countries and place_country not in countries:
        return row.cameo_third_location
    return row.cameo


def _countries(v: _View) -> set[str]:
    return {p["country"] for p in v.participants if p.get("country")}


def _place_country(v: _View) -> str | None:
    return (v.location or {}).get("country")


def _plover_roles(v: _View, mode: str | None) -> tuple[str | None, dict, dict]:
    """Mode, actor and recipient: a "third-party" meeting held in one party's country is that
    party hosting the other."""
    actor = v.participants[0] if v.participants else {}
    recipient = v.participants[1] if len(v.participants) > 1 else {}
    where = _place_country(v)
    if mode == "third-party" and where and recipient:
        if recipient.get("country") == where and actor.get("country") != where:
            return "host", recipient, actor
        if actor.get("country") == where and recipient.get("country") != where:
            return "host", actor, recipient
    return mode, actor, recipient


def _row(type_: str, data_dir: str | None) -> types.TypeInfo | None:
    try:
        return types.info(type_, data_dir)
    except ValueError:
        return None


def to_plover(event: Any, data_dir: str | None = None) -> dict[str, Any]:
    """A PLOVER CONSULT record for a ledger event or an event line (see :data:`PLOVER_SCHEMA`)."""
    v = _view(event)
    row = _row(v.type, data_dir)
    mode, actor, recipient = _plover_roles(v, row.plover_mode if row else None)
    loc = v.location or None
    return {
        "id": v.id, "date": v.date, "date_granularity": v.granularity,
        "event": row.plover if row else "CONSULT", "mode": mode, "context": "diplomatic",
        "actor": actor.get("name"), "actor_code": actor.get("code") or actor.get("country"),
        "recipient": recipient.get("name"), "recipient_code": recipient.get("code") or recipient.get("country"),
        "location": None if not loc else {k: loc.get(k) for k in ("name", "country", "lat", "lon")},
        "text": v.text, "status": v.status,
        "cameo": cameo_code(v.type, v.status, _countries(v), _place_country(v), data_dir),
        "type": v.type, "n_mentions": v.n_mentions, "n_sources": v.n_sources,
        "contradiction": v.contradiction,
    }


def _actor_cells(p: dict) -> list[str]:
    code = (p.get("code") or "").upper()
    country = (p.get("country") or "").upper()
    group = type1 = type2 = ""
    if code[:3] in _NON_STATE:
        type1, group = code[:3], code[3:6]
    elif code:
        country = country or code[:3]
        type1, type2 = code[3:6], code[6:9]
    return [code or country, (p.get("name") or "").upper(), country, group, "", "", "",
            type1, type2, ""]


def _geo_cells(loc: dict | None, data_dir: str | None = None) -> list[str]:
    if not loc or not (loc.get("name") or loc.get("country")):
        return [""] * len(_GEO_COLS)
    country = (loc.get("country") or "").upper()
    fips = load("gdelt", data_dir)["iso3_to_fips"].get(country, "")
    has_point = loc.get("lat") is not None and loc.get("lon") is not None
    is_country = not loc.get("name") or not has_point or fold(loc["name"]) in country_names(country)
    geo_type = "1" if is_country else ("3" if country == "USA" else "4")
    name = loc.get("name") or country
    lat = f"{float(loc['lat']):.4f}" if has_point else ""
    lon = f"{float(loc['lon']):.4f}" if has_point else ""
    return [geo_type, name, fips, fips if is_country else "", "", lat, lon, ""]


def _date_cells(v: _View) -> list[str]:
    parsed = parse_value(v.date) if v.date else None
    day = None
    if parsed and parsed[1].value in ("day", "time"):
        day = date.fromordinal(parsed[0][0])
    day = day or v.first_seen or (date.fromordinal(parsed[0][0]) if parsed else None)
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def to_cameo_row(event: Any, data_dir: str | None = None) -> list[str]:
    """One GDELT 2.0 event row (61 strings, :data:`GDELT_COLUMNS`) with CAMEO codes.

    SQLDATE is the event's day when known to the day, else the day it was first reported
    (GDELT's own convention), else the first day of its month or year.
    """
    v = _view(event)
    code = cameo_code(v.type, v.status, _countries(v), _place_country(v), data_dir)
    root = code[:2]
    quad = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2}.get(
        root, 3 if root in ("09", "10", "11", "12", "13") else 4)
    goldstein = load("gdelt", data_dir)["goldstein"].get(code[:3])
    p1 = v.participants[0] if v.participants else {}
    p2 = v.participants[1] if len(v.participants) > 1 else {}
    gid = str(int(hashlib.sha1(v.id.encode("utf-8")).hexdigest()[:13], 16))
    added = v.last_seen.strftime("%Y%m%d") + "000000" if v.last_seen else ""
    row = ([gid] + _date_cells(v)
           + (_actor_cells(p1) if p1 else [""] * 10) + (_actor_cells(p2) if p2 else [""] * 10)
           + ["1", code, code[:3], root, str(quad), "" if goldstein is None else f"{goldstein:.1f}",
              str(v.n_mentions), str(v.n_sources), str(v.n_articles), ""]
           + [""] * 16 + _geo_cells(v.location, data_dir) + [added, v.url])
    return row


_JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
               "object": dict, "array": list, "null": type(None)}


def validate(obj: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """The ways ``obj`` breaks a JSON-schema-like ``schema`` (type, enum, pattern, required,
    properties, items); an empty list when it conforms."""
    errors: list[str] = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        ok = any(isinstance(obj, _JSON_TYPES[k]) and not (k in ("integer", "number") and isinstance(obj, bool))
                 for k in kinds)
        if not ok:
            return [f"{path}: {type(obj).__name__} is not {'/'.join(kinds)}"]
    if "enum" in schema and obj not in schema["enum"]:
        errors.append(f"{path}: {obj!r} is not one of {schema['enum']}")
    if "pattern" in schema and isinstance(obj, str) and not re.search(schema["pattern"], obj):
        errors.append(f"{path}: {obj!r} does not match {schema['pattern']}")
    if isinstance(obj, dict):
        errors += [f"{path}: missing '{k}'" for k in schema.get("required", ()) if k not in obj]
        for k, sub in schema.get("properties", {}).items():
            if k in obj:
                errors += validate(obj[k], sub, f"{path}.{k}")
    if isinstance(obj, list) and "items" in schema:
        for i, item in enumerate(obj):
            errors += validate(item, schema["items"], f"{path}[{i}]")
    return errors
