"""Relative expressions: weekdays, deictic days, shifted units, seasons, times, "N years ago".

Each function takes a :class:`~sideline.stages.time.match.Found`, the lexicon and a
:class:`~sideline.stages.time.normalise.Context` and returns a Resolved value or None. They
all need ``ctx.anchor`` (the caller checks it).
"""
from __future__ import annotations

from datetime import date, timedelta

from ...records import Granularity as G
from .lexicon import TimexLexicon
from .match import Found
from .normalise import Context, Resolved, choose_year, month_add, week_value

__all__ = ["RELATIVE"]


def weekday_date(wd: int, anchor: date, direction: int) -> date:
    """The date of a bare weekday: past one within the week, upcoming one, or the nearest."""
    delta = wd - anchor.isoweekday()
    behind = anchor + timedelta(days=delta if delta <= 0 else delta - 7)
    ahead = anchor + timedelta(days=delta if delta >= 0 else delta + 7)
    if direction > 0:
        return ahead
    if direction < 0:
        return behind
    return behind if (anchor - behind) <= (ahead - anchor) else ahead


def _shifted_weekday(wd: int, shift: int, anchor: date) -> date:
    if shift < 0:
        delta = (anchor.isoweekday() - wd) % 7 or 7
        return anchor - timedelta(days=delta)
    if shift > 0:
        delta = (wd - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    return anchor + timedelta(days=wd - anchor.isoweekday())


def _dp(f: Found, lex: TimexLexicon) -> str:
    return lex["day_parts"].get((f.g("dp") or "").lower(), "")


def _with_part(d: date, part: str) -> Resolved:
    return Resolved(f"{d.isoformat()}T{part}", G.TIME) if part else Resolved(d.isoformat(), G.DAY)


def _weekday(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    wd = lex.weekday(f.g("wd"))
    shift = f.g("shift")
    if shift:
        d = _shifted_weekday(wd, lex["shift"][shift.lower()], ctx.anchor)
    else:
        d = weekday_date(wd, ctx.anchor, ctx.direction)
    return _with_part(d, _dp(f, lex))


def _wd_range(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    d1 = weekday_date(lex.weekday(f.g("wd")), ctx.anchor, ctx.direction)
    d2 = d1 + timedelta(days=(lex.weekday(f.g("wd2")) - d1.isoweekday()) % 7)
    return Resolved(d1.isoformat(), G.DAY, d2.isoformat() if d2 > d1 else None)


def _deictic(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    word = f.g("deictic").lower()
    d = ctx.anchor + timedelta(days=lex["deictic_days"][word])
    part = _dp(f, lex) or ("NI" if word in lex["night_days"] else "")
    return _with_part(d, part)


def _this_dp(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    shift = f.g("shift").lower()
    part = _dp(f, lex)
    d = ctx.anchor + timedelta(days=lex["deictic_days"].get(shift, 0))
    if shift in lex["previous_night_shift"]:
        d -= timedelta(days=1) if part == "NI" else timedelta(days=0)
    return _with_part(d, part)


def _unit_value(unit: str | None, shift: int, lex: TimexLexicon, f: Found, ctx: Context) -> Resolved | None:
    """The value of a period ``unit`` (a label of ``period_units``: "week", "month", ...) ``shift``
    periods from the anchor."""
    a = ctx.anchor
    if unit in ("week", "weekend"):
        w = week_value(a + timedelta(weeks=shift))
        return Resolved(w + "-WE" if unit == "weekend" else w, G.WEEK)
    if unit == "month":
        y, m = month_add(a.year, a.month, shift)
        return Resolved(f"{y}-{m:02d}", G.MONTH)
    if unit == "year":
        return Resolved(str(a.year + shift), G.YEAR)
    if unit == "quarter":
        y, m = month_add(a.year, a.month, 3 * shift)
        return Resolved(f"{y}-Q{(m - 1) // 3 + 1}", G.QUARTER)
    if unit == "decade":
        return Resolved(str(a.year // 10 + shift), None)
    if unit in ("day",):
        return Resolved((a + timedelta(days=shift)).isoformat(), G.DAY)
    return None


def _shifted(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    shift = lex["shift"][f.g("shift").lower()]
    unit = lex["period_units"].get(f.g("unit").lower())
    if f.g("wd"):
        return Resolved(_shifted_weekday(lex.weekday(f.g("wd")), shift, ctx.anchor).isoformat(), G.DAY)
    if f.g("season"):
        return _season_value(lex["seasons"][f.g("season").lower()], shift, lex, ctx)
    return _unit_value(unit, shift, lex, f, ctx)


def _part_unit(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return _unit_value(lex["period_units"].get(f.g("unit").lower()), 0, lex, f, ctx)


def _weekend(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return _unit_value("weekend", 0, lex, f, ctx)


def _season_value(code: str, shift: int | None, lex: TimexLexicon, ctx: Context) -> Resolved:
    """The season's year: "last summer" is the latest one already over, "next" the coming one."""
    a = ctx.anchor
    first, last = lex["season_months"][code]
    start = (a.year, first) if first <= last or a.month >= first else (a.year - 1, first)
    started = (a.year, a.month) >= start
    over = started and not (first <= a.month <= last if first <= last else a.month >= first or a.month <= last)
    y = start[0]
    if shift is not None and shift < 0:
        y = y if over else y - 1
    elif shift is not None and shift > 0:
        y = y + 1 if started else y
    elif shift is None:
        cands = [(date(yy, first, 15), yy) for yy in (y - 1, y, y + 1)]
        y = choose_year(cands, a, ctx.direction) if not started or over else y
    return Resolved(f"{y}-{code}", G.SEASON)


def _season(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    code = lex["seasons"][f.g("season").lower()]
    if f.g("year"):
        return Resolved(f"{f.g('year')}-{code}", G.SEASON)
    shift = lex["shift"].get((f.g("shift") or "").lower())
    return _season_value(code, shift, lex, ctx)


def _same(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    y, m = ctx.last_month or (ctx.anchor.year, ctx.anchor.month)
    if lex["units"].get(f.g("unit").lower()) == "day" and ctx.last_day:
        d = ctx.last_day
        return Resolved(f"{d.year - 1}-{d.month:02d}-{d.day:02d}", G.DAY)
    return Resolved(f"{y - 1}-{m:02d}", G.MONTH)


def _prev_year(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return Resolved(str((ctx.last_year or ctx.anchor.year) - 1), G.YEAR)


def _ago(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    """"three days ago" from the anchor; "two days later", "a week earlier" from the day the text
    just told (the anchor when it told none)."""
    n = lex.number(f.g("num"))
    if n is None:
        return None
    way = f.g("dir").lower()
    sign = -1 if way in lex["backward_words"] else 1
    unit = lex["units"][f.g("unit").lower()]
    a = ctx.last_day if way in lex["narrative_words"] and ctx.last_day is not None else ctx.anchor
    if unit in ("day", "week"):
        return Resolved((a + timedelta(days=sign * n * (7 if unit == "week" else 1))).isoformat(), G.DAY)
    if unit == "month":
        y, m = month_add(a.year, a.month, sign * n)
        return Resolved(f"{y}-{m:02d}", G.MONTH)
    if unit == "year":
        return Resolved(str(a.year + sign * n), G.YEAR)
    return Resolved(str(a.year + sign * 10 * n)[:3], None)


def _duration(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    """"the past nine days": a duration (P9D), not a date."""
    n = lex.number(f.g("num"))
    unit = lex["units"][f.g("unit").lower()]
    if n is None:
        return None
    return Resolved(f"P{n * 10 if unit == 'decade' else n}{'Y' if unit == 'decade' else unit[0].upper()}", None)


def _time(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    h = int(f.g("h"))
    mi = f.g("mi") or f.g("mi2") or ""
    ampm = (f.g("ampm") or "").lower()
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    if f.g("wd"):
        d = weekday_date(lex.weekday(f.g("wd")), ctx.anchor, ctx.direction)
    elif f.g("deictic"):
        d = ctx.anchor + timedelta(days=lex["deictic_days"][f.g("deictic").lower()])
    else:
        d = ctx.last_day or ctx.anchor
    zone = lex["zones"].get((f.g("zone") or "").lower(), "")
    return Resolved(f"{d.isoformat()}T{h:02d}" + (f":{mi}" if mi else "") + zone, G.TIME)


def _nth(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    """"on the 24th": a day of the month just named, else of the anchor's month (by direction)."""
    day = int(f.g("day"))
    if ctx.last_month:
        y, m = ctx.last_month
    else:
        a = ctx.anchor
        y, m = a.year, a.month
        if ctx.direction < 0 and day > a.day:
            y, m = month_add(y, m, -1)
        elif ctx.direction > 0 and day < a.day:
            y, m = month_add(y, m, 1)
    try:
        return Resolved(date(y, m, day).isoformat(), G.DAY)
    except ValueError:
        return None


def _ref(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    return Resolved(lex["refs"][f.g("ref").lower()], None)


def _anaphoric(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    text = " ".join(f.g("ana").lower().split())
    d = (ctx.last_day or ctx.anchor) + timedelta(days=lex["anaphoric_shift"].get(text, 0))
    return Resolved(d.isoformat(), G.DAY)


RELATIVE = {
    "weekday": _weekday, "wd_range": _wd_range, "deictic": _deictic, "this_dp": _this_dp,
    "shifted": _shifted, "part_unit": _part_unit, "weekend": _weekend, "season": _season,
    "same": _same, "prev_year": _prev_year, "ago": _ago, "duration": _duration, "time": _time, "ref": _ref, "nth": _nth,
    "anaphoric": _anaphoric,
}
