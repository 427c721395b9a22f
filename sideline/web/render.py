"""What the pages need besides the ledger's answers: the template environment (auto-escaping
on), links that are only ever http(s), the evidence cut out of its article text, the article
text cut into highlighted segments, and the search form made from the filters."""
from __future__ import annotations

import enum
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import E, QueryError
from ..query import EventFilter
from ..records import Status

__all__ = ["environment", "safe_url", "excerpt", "segments", "form_fields", "filters_from", "STATUS_COLOURS",
           "param_name", "link"]

HERE = Path(__file__).parent
#: one colour per status, the same in badges, charts and the network (colour-blind safe palette)
STATUS_COLOURS = {
    Status.OCCURRED.value: "#1b7837", Status.PLANNED.value: "#2166ac", Status.PROPOSED.value: "#67a9cf",
    Status.RULED_OUT.value: "#b2182b", Status.POSTPONED.value: "#e08214", Status.CANCELLED.value: "#d6604d",
    Status.DENIED.value: "#762a83", Status.UNCERTAIN.value: "#878787",
}
CONTEXT = 360  # characters of article text shown each side of a piece of evidence


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http or https address, else None (a ``javascript:`` or ``data:``
    url from an article is shown as text, never made a link)."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\r\n\t "):
        return url
    return None


def link(path: str, key: str) -> str:
    """``/path/KEY`` with the key percent-encoded (slashes too)."""
    return f"/{path}/{quote(key, safe='')}"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(colours=STATUS_COLOURS, link=link, urlencode=urlencode)
    env.filters["safe_url"] = safe_url
    return env


def excerpt(text: str, start: int, end: int, context: int = CONTEXT) -> dict[str, Any]:
    """The evidence ``text[start:end]`` with up to ``context`` characters each side, cut at a
    space: ``{"before", "evidence", "after", "cut_before", "cut_after"}``."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    if lo > 0 and (space := text.find(" ", lo, start)) != -1:
        lo = space + 1
    if hi < len(text) and (space := text.rfind(" ", end, hi)) != -1:
        hi = space
    return {"before": text[lo:start], "evidence": text[start:end], "after": text[end:hi],
            "cut_before": lo > 0, "cut_after": hi < len(text)}


def segments(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary: ``{"text", "marks"}`` pieces, ``marks`` the payloads
    of the spans covering the piece (empty for plain text). Spans may overlap or repeat."""
    cuts = sorted({0, len(text), *(max(0, min(len(text), p)) for s, e, _ in spans for p in (s, e))})
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        marks = [m for s, e, m in spans if s <= lo and hi <= e and s < e]
        out.append({"text": text[lo:hi], "marks": marks, "start": lo, "end": hi})
    return out


def param_name(field_name: str) -> str:
    """The query-string name of a filter: its keyword less a trailing underscore (``with``)."""
    return field_name.rstrip("_")


def form_fields(values: dict[str, Any]) -> list[dict[str, Any]]:
    """The search form: one input per filter of :class:`EventFilter` (an enum's values as a
    choice, a date as a date input), holding the value given."""
    out = []
    for f in fields(EventFilter):
        kind, name = f.metadata["kind"], param_name(f.name)
        choices = [m.value for m in kind] if isinstance(kind, type) and issubclass(kind, enum.Enum) else None
        out.append({"name": name, "label": name.replace("_", " "), "help": f.metadata["help"], "choices": choices,
                    "input": "date" if kind is date else "number" if kind in (int, float) else "text",
                    "value": values.get(name, "")})
    return out


def filters_from(params) -> dict[str, Any]:
    """The filters a query string gives (empty values left out), as ``LedgerDB.page`` takes
    them; a number that is not one is a :class:`QueryError` (the page says so)."""
    out: dict[str, Any] = {}
    for f in fields(EventFilter):
        value = (params.get(param_name(f.name)) or "").strip()
        if not value:
            continue
        kind = f.metadata["kind"]
        if kind in (int, float):
            try:
                value = kind(value)
            except ValueError:
                raise QueryError(E.E313, name=param_name(f.name), kind="a number", value=value) from None
        out[f.name] = value
    return out
