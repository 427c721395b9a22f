"""The table of engagement types (``data/types.json``), loaded once; the one source of truth
for what each :class:`~sideline.records.EventType` groups with and how it is coded.

    from sideline import types
    types.family(EventType.TALKS)        # 'consult': the scorer's coarse group
    types.merge_group(EventType.TALKS)   # 'meet': claims of one article merge within it
    types.refers_as(EventType.HOST)      # 'host': what "the meeting" can refer back to
    types.info("visit").plover_mode      # 'visit'

Adding a type touches the enum (records.py), a row of the table and the trigger lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from . import lexicons
from .errors import E, ConfigError
from .records import EventType

__all__ = ["TypeInfo", "table", "info", "family", "merge_group", "refers_as", "cameo_by_status",
           "plover_by_status", "plover_events", "plover_score", "plover_quad", "FAMILIES"]

#: the scorer's coarse groups (FORMAT.md): every type belongs to one
FAMILIES = ("consult", "visit", "phone_call")


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """One row of the type table."""

    type: EventType
    family: str
    merge_group: str
    refers_as: str
    plover: str
    plover_mode: str | None
    cameo: str
    cameo_third_location: str | None = None


@lru_cache(maxsize=8)
def table(data_dir: str | None = None) -> Mapping[EventType, TypeInfo]:
    """Every type's row (the packaged table merged with a user's ``types.json``)."""
    rows = lexicons.load("types", data_dir).get("types", {})
    out = {}
    for kind in EventType:
        row = rows.get(kind.value)
        if row is None or row.get("family") not in FAMILIES:
            raise ConfigError(E.E006, path="types.json", reason=f"no valid row for the type {kind.value!r}")
        out[kind] = TypeInfo(type=kind, family=row["family"], merge_group=row.get("merge_group", kind.value),
                             refers_as=row.get("refers_as", row["family"]), plover=row.get("plover", "CONSULT"),
                             plover_mode=row.get("plover_mode"), cameo=row.get("cameo", "040"),
                             cameo_third_location=row.get("cameo_third_location"))
    return MappingProxyType(out)


def info(kind: EventType | str, data_dir: str | None = None) -> TypeInfo:
    return table(data_dir)[EventType(kind)]


def family(kind: EventType | str) -> str:
    """The coarse group the scorer matches on: consult, visit or phone_call."""
    return info(kind).family


def merge_group(kind: EventType | str) -> str:
    """Claims of one article that say the same thing merge within this group."""
    return info(kind).merge_group


def refers_as(kind: EventType | str) -> str:
    """The kind of engagement an anaphoric "the meeting" or "the visit" of this type refers to."""
    return info(kind).refers_as


def cameo_by_status(data_dir: str | None = None) -> Mapping[str, str]:
    """CAMEO codes for claims that did not (yet) happen, by status."""
    return MappingProxyType(dict(lexicons.load("types", data_dir).get("cameo_by_status", {})))


def plover_by_status(data_dir: str | None = None) -> Mapping[str, Mapping[str, str | None]]:
    """The PLOVER event and mode of claims that did not (yet) happen, by status."""
    rows = lexicons.load("types", data_dir).get("plover_by_status", {})
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in rows.items()})


def plover_score(event: str, mode: str | None = None, data_dir: str | None = None) -> float | None:
    """The PLOVER conflict-cooperation score of an event (and mode), or None."""
    scores = lexicons.load("types", data_dir).get("plover_scores", {})
    return scores.get(f"{event}:{mode}", scores.get(event)) if mode else scores.get(event)


def plover_quad(event: str, data_dir: str | None = None) -> int | None:
    """The quad category (1-4) of a PLOVER event, or None."""
    return lexicons.load("types", data_dir).get("plover_quad", {}).get(event)


def plover_events(data_dir: str | None = None) -> tuple[str, ...]:
    """Every PLOVER event sideline codes (CONSULT, AGREE, REJECT), sorted."""
    found = {row.plover for row in table(data_dir).values()}
    return tuple(sorted(found | {row["event"] for row in plover_by_status(data_dir).values()}))
