"""Normalise a found expression to a TIMEX3-style value against an anchor date.

``ABSOLUTE[kind](found, lex, ctx)`` (here) and ``RELATIVE[kind]`` (in
:mod:`sideline.stages.time.relative`) return :class:`Resolved` (value, granularity, end value)
or None. ``ctx`` (:class:`Context`) carries the anchor (publication or dateline date),
the direction the governing clause gives (+1 future, -1 past, 0 unknown) and the last
dates the text mentioned (for "the day", "the same month a year ago", "15:00 GMT").
Without an anchor, only expressions that carry their own year resolve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...records import Granularity as G
from .lexicon import TimexLexicon
from .match import Found

__all__ = ["Context", "Resolved", "ABSOLUTE", "pick_year", "choose_year", "month_add", "week_value",
           "bounded"]


@dataclass(frozen=True)
class Context:
    anchor: date | None
    direction: int = 0
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    last_year: int | None = None
    month_only: bool = False  # the anchor stands for its month (a publication date known to the month)


@dataclass(frozen=True)
class Resolved:
    value: str | None
    granularity: G | None
    end_value: str | None = None


_YEAR_LEAD = re.compile(r"(-?\d+)(?=$|-|T)")


def _year_padded(value: str | None) -> str | None:
    """``value`` with its year written in four digits ("999-05" -> "0999-05"); "" when the
    year is outside 1-9999 (no calendar date)."""
    m = _YEAR_LEAD.match(value or "")
    if not m:
        return value
    year = int(m.group(1))
    return f"{year:04d}{value[m.end():]}" if 1 <= year <= 9999 else ""


def bounded(r: Resolved) -> Resolved | None:
    """``r`` with four-digit years, or None when its date falls outside years 1-9999 (an
    anchor at the edge of the calendar: "next year" from 9999-12-31). Decades and centuries
    ("199", "19": no granularity) are left as they are."""
    if r.granularity is None:
        return r
    value, end = _year_padded(r.value), _year_padded(r.end_value)
    if value == "" or end == "":
        return None
    return Resolved(value, r.granularity, end)


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_add(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def choose_year(cands: list[tuple[date, int]], anchor: date, direction: int) -> int:
    """Pick the year among candidates (date, year) by the clause's direction, else nearest."""
    if direction > 0:
        ahead = [c for c in cands if c[0] >= anchor]
        if ahead:
            return min(ahead)[1]
    if direction < 0:
        behind = [c for c in cands if c[0] <= anchor]
        if behind:
            return max(behind)[1]
    return min(cands, key=lambda c: (abs((c[0] - anchor).days), c[0] > anchor))[1]


def pick_year(month: int, day: int | None, anchor: date, direction: int) -> int | None:
    """The year of a month (and day) given without one: ahead, behind or nearest the anchor."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _day(y, month, day or 1) if day else _day(y, month, 1)
        if d is None:
            continue
        if not day and y == anchor.year and month == anchor.month:
            d = anchor  # the current month counts as both behind and ahead
        cands.append((d, y))
    return choose_year(cands, anchor, direction) if cands else None


def _iso(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    d = _day(int(f.g("year")), int(f.g("month")), int(f.g("day")))
    return Resolved(d.isoformat(), G.DAY) if d else None


def _numeric(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    a, b, y = int(f.g("a")), int(f.g("b")), int(f.g("y"))
    if y < 100:
        y += 2000 if y < 50 else 1900
    m, d = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    day = _day(y, m, d)
    return Resolved(day.isoformat(), G.DAY) if day else None


def _dotted(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    """26.10.2023: day first."""
    day = _day(int(f.g("y")), int(f.g("a")), int(f.g("b")))
    return Resolved(day.isoformat(), G.DAY) if day else None


def _date(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    m, d = lex.month(f.g("mon")), int(f.g("day"))
    m2 = lex.month(f.g("mon2")) or m
    if f.g("year"):
        y = int(f.g("year"))
    elif ctx.anchor:
        y = ctx.anchor.year if ctx.month_only and m == ctx.anchor.month else pick_year(m, d, ctx.anchor, ctx.direction)
        if y is None:
            return None
    else:
        return Resolved(f"XXXX-{m:02d}-{d:02d}", G.DAY)
    start = _day(y, m, d)
    if start is None:
        return None
    end = _day(y + (m2 < m), m2, int(f.g("day2"))) if f.g("day2") else None
    if end is not None and end <= start:
        end = None
    return Resolved(start.isoformat(), G.DAY, end.isoformat() if end else None)


def _month(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    m = lex.month(f.g("mon"))
    y = _month_year(f, m, lex, ctx)
    if y is None:
        return None
    m2 = lex.month(f.g("mon2"))
    if m2 is None or m2 == m:
        return Resolved(f"{y}-{m:02d}", G.MONTH)
    y2 = y + 1 if m2 < m else y  # "December/January"
    return Resolved(f"{y}-{m:02d}", G.MONTH, f"{y2}-{m2:02d}")


def _month_year(f: Found, m: int, lex: TimexLexicon, ctx: Context) -> int | None:
    if f.g("year"):
        return int(f.g("year"))
    if ctx.anchor is None:
        return None
    shift = lex["shift"].get((f.g("shift") or "").lower())
    a = ctx.anchor
    if shift is None or shift == 0 and (f.g("shift") or "").lower() not in lex["present_shift"]:
        return pick_year(m, None, a, ctx.direction)
    if shift < 0:
        return a.year if m < a.month else a.year - 1
    if shift > 0:
        return a.year if m > a.month else a.year + 1
    return a.year


def _year(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return Resolved(f.g("year"), G.YEAR)


def _year_end(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    """The second year of "2009-2010" or "1957-58"."""
    y1, y2 = f.g("y1"), f.g("yy2")
    y = int(y2) if len(y2) == 4 else int(y1[:2] + y2)
    return Resolved(str(y), G.YEAR) if y > int(y1) else None


def _decade(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    cent = f.g("cent")
    if cent and cent != "'":
        return Resolved(f"{cent}{f.g('dec')}", None)
    if ctx.anchor is None:
        return None
    century = ctx.anchor.year // 100
    dec = int(f.g("dec"))
    if dec * 10 > ctx.anchor.year % 100:
        century -= 1
    return Resolved(f"{century}{dec}", None)


def _yy(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    yy = int(f.g("yy"))
    base = (ctx.anchor.year if ctx.anchor else 2000) // 100 * 100
    y = base + yy if base + yy <= (ctx.anchor.year if ctx.anchor else 2099) + 1 else base - 100 + yy
    return Resolved(str(y), G.YEAR)


def _century(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return Resolved(f"{int(f.g('cent')) - 1:02d}", None)


def _quarter(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    q = int(f.g("q")) if f.g("q") else lex["ordinals"][f.g("ord").lower()]
    if f.g("year"):
        return Resolved(f"{f.g('year')}-Q{q}", G.QUARTER)
    if ctx.anchor is None:
        return None
    y = ctx.anchor.year
    if f.g("shift"):
        y += lex["shift"][f.g("shift").lower()]
    else:
        cands = [(date(yy, 3 * q - 1, 15), yy) for yy in (y - 1, y, y + 1)]
        y = choose_year(cands, ctx.anchor, ctx.direction)
    return Resolved(f"{y}-Q{q}", G.QUARTER)


ABSOLUTE = {
    "iso": _iso, "numeric": _numeric, "dotted": _dotted, "date": _date, "month": _month,
    "year": _year, "year_end": _year_end, "decade": _decade, "yy": _yy, "century": _century, "quarter": _quarter,
}
