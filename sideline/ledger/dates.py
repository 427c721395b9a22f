"""Dates for the ledger: TIMEX3-style values as day intervals, and the windows of undated claims.

A mention's time is a closed interval of proleptic ordinals ``(lo, hi)``:

* a dated claim covers its value: a day is one day (widened by one day either side, to
  absorb the off-by-one of time zones and "on Thursday" read against the wrong week),
  a month its days, a year its days; a range ("24 and 25 April") runs to ``end_value``;
* an undated claim takes its article's publication date as a *soft* window: a report
  that something happened looks back from the article, a plan, proposal or refusal
  looks forward from it;
* a claim with neither is unbounded;
* with a publication date, a coarse date is narrowed: a report that something happened
  ends by the article's date, a plan, proposal or refusal starts around it.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from datetime import date

from ..records import Granularity, Status

__all__ = [
    "Interval", "UNBOUNDED", "parse_value", "as_date", "mention_interval", "tier",
    "GRANULARITY_RANK", "DAY_SLACK", "LOOK_BACK", "LOOK_AHEAD",
]

Interval = tuple[int, int]
UNBOUNDED: Interval = (date.min.toordinal(), date.max.toordinal())

DAY_SLACK = 1  # days either side of a day-precise date
LOOK_BACK = 14  # an undated report of what happened: up to this many days before the article
LOOK_AHEAD = 45  # an undated plan, proposal or refusal: up to this many days after the article
SOFT_BEFORE = 3  # ... and a little before it (the article may be late)

_FORWARD = (Status.PLANNED, Status.PROPOSED, Status.RULED_OUT)

GRANULARITY_RANK = {
    Granularity.TIME: 0, Granularity.DAY: 1, Granularity.WEEK: 2, Granularity.MONTH: 3,
    Granularity.SEASON: 4, Granularity.QUARTER: 5, Granularity.YEAR: 6,
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def as_date(value: date | str | None) -> date | None:
    """A date from a date, an ISO date or date-time string, or None."""
    if value is None or isinstance(value, date):
        return value
    m = _DAY.match(str(value).strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_span(year: int, first: int, last: int) -> Interval:
    y_end, m_end = (year + 1, last - 12) if last > 12 else (year, last)
    end = date(y_end, m_end, calendar.monthrange(y_end, m_end)[1])
    return date(year, first, 1).toordinal(), end.toordinal()


@lru_cache(maxsize=1 << 16)  # a pure function of a short string; dates repeat a lot
def parse_value(value: str | None) -> tuple[Interval, Granularity] | None:
    """The day interval and granularity of a TIMEX3-style value, or None when unreadable."""
    if not value:
        return None
    v = value.strip().upper()
    try:
        if m := _DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return (d, d), Granularity.DAY
        if m := _MONTH.match(v):
            return _month_span(int(m[1]), int(m[2]), int(m[2])), Granularity.MONTH
        if m := _YEAR.match(v):
            return _month_span(int(m[1]), 1, 12), Granularity.YEAR
        if m := _WEEK.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            return (monday, monday + 6), Granularity.WEEK
        if m := _QUARTER.match(v):
            q = int(m[2])
            return _month_span(int(m[1]), 3 * q - 2, 3 * q), Granularity.QUARTER
        if m := _SEASON.match(v):
            first, last = _SEASON_MONTHS[m[2]]
            return _month_span(int(m[1]), first, last), Granularity.SEASON
    except ValueError:
        return None
    return None


def _dated(value: str, end_value: str | None) -> Interval | None:
    parsed = parse_value(value)
    if parsed is None:
        return None
    (lo, hi), gran = parsed
    end = parse_value(end_value) if end_value else None
    if end is not None and end[0][1] >= lo:
        hi = end[0][1]
    if gran in (Granularity.DAY, Granularity.TIME):
        return lo - DAY_SLACK, hi + DAY_SLACK
    return lo, hi


def mention_interval(value: str | None, end_value: str | None, status: Status,
                     published: date | None) -> tuple[Interval, bool]:
    """The interval a claim's event may fall in, and whether it is a hard (dated) one.

    With a publication date a coarse date is narrowed: what happened happened by the
    article's date, and a plan, proposal or refusal is about the article's future.
    """
    span = _dated(value, end_value) if value else None
    if span is not None:
        return (_clip(span, status, published.toordinal()) if published else span), True
    if published is None:
        return UNBOUNDED, False
    p = published.toordinal()
    if status is Status.OCCURRED:
        return (p - LOOK_BACK, p), False
    return (p - SOFT_BEFORE, p + LOOK_AHEAD), False


def _clip(span: Interval, status: Status, p: int) -> Interval:
    lo, hi = span
    if status is Status.OCCURRED and lo <= p + DAY_SLACK < hi:
        return lo, p + DAY_SLACK
    if status in _FORWARD and lo < p - SOFT_BEFORE <= hi:
        return p - SOFT_BEFORE, hi
    return span


def tier(span: Interval, hard: bool) -> int:
    """0: a hard date to within a few days; 1: a month or a soft window; 2: anything coarser."""
    width = span[1] - span[0]
    if hard and width <= 2 * DAY_SLACK + 3:
        return 0
    if width <= 62:
        return 1
    return 2
