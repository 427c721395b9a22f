"""Temporal expressions: find them, normalise them, and turn them into event dates.

* :func:`find_timexes` finds every date/time expression of a text and gives it a
  TIMEX3-style value (``2024-09-27``, ``2024-09``, ``2024``, ``2024-W39``, ``2024-W39-WE``,
  ``2024-SU``, ``2024-Q3``, ``2024-09-27T15:00``, ``2024-09-27TMO``, ``PRESENT_REF``) with a
  :class:`~sideline.records.Granularity`. Bare weekdays and months point the way the
  governing clause does (:mod:`sideline.stages.time.tense`).
* :func:`setters` and :func:`anchor_for`: the dates a text itself sets. A dateline or
  caption date (a full date alone on its line, or opening a paragraph) is the anchor of
  the rest of its paragraph; a full date opening a sentence ("On April 4, ...") is the
  context date of its sentence and of the rest of its paragraph.
* :func:`event_when`: the one policy that turns a timex into an event date.
* :func:`timex_records` / :func:`dates`: the rows of ``sideline dates``.

The pieces: :mod:`sideline.stages.time.lexicon` (data/en/timex.json and the rules),
:mod:`sideline.stages.time.match` (surface), :mod:`sideline.stages.time.normalise` and
:mod:`sideline.stages.time.relative` (values).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ...records import Document, EventType, Granularity as G, Span, Timex, When
from .lexicon import TimexLexicon, timex_lexicon
from .match import Found, scan
from .relative import RELATIVE
from .normalise import ABSOLUTE, Context, Resolved, bounded
from .tense import direction, past_plan

__all__ = ["find_timexes", "as_day", "is_dateline", "Setter", "setters", "anchor_for", "context_date", "event_when",
           "turned", "timex_records", "dates"]

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_POST_SIGNATURE = re.compile(r"\(@\w+\)\s*$")
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:[-–—:|]|/[A-Z]+/)")


@dataclass(frozen=True)
class Setter:
    """A date the text sets: ``kind`` "dateline" (re-anchors deictic words) or "sentence"."""

    scope: Span
    timex: Timex
    kind: str

    @property
    def day(self) -> date:
        return as_day(self.timex.value)


def as_day(value: str | None) -> date | None:
    """The day a value names (``2024-09-27``, ``2024-09-27T15:00``), else None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _paragraph_end(text: str, pos: int) -> int:
    """The end of the paragraph (up to a blank line) that holds ``pos``."""
    i = text.find("\n\n", pos)
    return len(text) if i < 0 else i


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b < 0 else b


def _sentence_start(text: str, pos: int) -> int:
    best = 0
    for m in re.finditer(r"[.!?][\"')\]]*\s+|\n", text[max(0, pos - 400):pos]):
        best = max(0, pos - 400) + m.end()
    return best


def is_dateline(text: str, t: Timex) -> bool:
    """A date alone on its line (a caption date), after a short place at a line's start and
    before a dash or colon ("MOSCOW, Sept. 27 (Reuters) - ..."), or closing an embedded
    post ("— A. Name (@handle) June 28, 2016")."""
    if not re.search(r"\d", t.text):
        return False
    a, b = _line_bounds(text, t.span.start, t.span.end)
    before, after = text[a:t.span.start], text[t.span.end:b]
    if _POST_SIGNATURE.search(before) and not after.strip():
        return True
    if len(before.split()) > 5 or before.strip() and not before.rstrip().endswith((",", "|", "-", "–", "—")):
        return False
    if not after.strip():
        return True
    return bool(_DATELINE_END.match(after))


def _setter(text: str, t: Timex, lex: TimexLexicon) -> Setter | None:
    """Is this full date a dateline/caption date or a sentence-opening date?"""
    if t.granularity not in (G.DAY, G.TIME) or as_day(t.value) is None:
        return None
    scope = Span(t.span.end, _paragraph_end(text, t.span.end))
    if is_dateline(text, t):
        return Setter(scope, t, "dateline")
    lead = text[_sentence_start(text, t.span.start):t.span.start].strip().lower()
    if lead in lex["setter_leads"] and re.match(r"\s*,", text[t.span.end:]):
        return Setter(scope, t, "sentence")
    return None


def setters(text: str, timexes: Iterable[Timex], lexicon: TimexLexicon | None = None) -> list[Setter]:
    """The dates the text sets, in text order (see the module docstring)."""
    lex = lexicon or timex_lexicon()
    return [s for s in (_setter(text, t, lex) for t in timexes) if s is not None]


def anchor_for(position: int, found: Iterable[Setter], default: date | None) -> date | None:
    """The anchor of deictic words at ``position``: the dateline date in force, else ``default``."""
    best = None
    for s in found:
        if s.kind == "dateline" and s.scope.start <= position < s.scope.end:
            best = s
    return best.day if best else default


def context_date(position: int, found: Iterable[Setter]) -> Setter | None:
    """The latest date set by the context (dateline or sentence-opening date) at ``position``."""
    best = None
    for s in found:
        if s.scope.start <= position < s.scope.end:
            best = s
    return best


def _resolve(f: Found, lex: TimexLexicon, ctx: Context) -> Resolved | None:
    if f.kind in ABSOLUTE:
        return ABSOLUTE[f.kind](f, lex, ctx)
    if ctx.anchor is None:
        return None
    return RELATIVE[f.kind](f, lex, ctx)


def _memory(ctx: Context, r: Resolved) -> Context:
    """Remember the last day, month and year mentioned, for anaphoric expressions."""
    v = r.value or ""
    changes: dict[str, Any] = {}
    if re.match(r"\d{4}(?!\d)", v):
        changes["last_year"] = int(v[:4])
    if re.match(r"\d{4}-\d\d(?![\d-])|\d{4}-\d\d-\d\d", v):
        changes["last_month"] = (int(v[:4]), int(v[5:7]))
    if (d := as_day(v)) is not None:
        changes["last_day"] = d
    return Context(**{**ctx.__dict__, **changes})


def _plan_step(f: Found, ctx: Context, text: str, parse: Any, lex: TimexLexicon) -> Context:
    """A bare weekday of a plan told in the past, after a day of the plan named ahead of now,
    is the first such weekday from that day: the plan's steps go forward ("was to arrive on
    Thursday [the 10th]. On Saturday, he was to meet ..." is the 12th, not the 5th)."""
    last, now = ctx.last_day, ctx.anchor
    if f.kind != "weekday" or f.g("shift") or ctx.direction != 0 or now is None or last is None \
            or not now < last <= now + timedelta(days=7) or not past_plan(f.start, f.end, parse, lex):
        return ctx
    return replace(ctx, anchor=last, direction=1)


_OWN_YEAR = ("iso", "numeric", "dotted")
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+[A-Z\"“]|\n")


def _own_year(f: Found) -> bool:
    return f.kind in _OWN_YEAR or f.kind in ("date", "month") and bool(f.g("year"))


def _story_time(f: Found, ctx: Context, text: str, ref: tuple[int, date] | None) -> Context:
    """A month or day named without a year, told in the past in a sentence that has just set
    another time ("met in September 2016, following a visit in April"), is the nearest such
    month around that time (April 2016), not around the publication date."""
    if ref is None or ctx.anchor is None or ctx.direction > 0 or f.kind not in ("date", "month") \
            or _own_year(f) or f.g("shift") or _SENTENCE_BREAK.search(text, ref[0], f.start):
        return ctx
    then = ref[1]
    if (ctx.anchor.year - then.year) * 12 + ctx.anchor.month - then.month < 6:
        return ctx
    return replace(ctx, anchor=then, direction=0, month_only=False)


def find_timexes(text: str, anchor: date | None, parse: Any = None, *,
                 lexicon: TimexLexicon | None = None, month_only: bool = False) -> list[Timex]:
    """Every temporal expression in ``text`` with its value, resolved against ``anchor``.

    ``parse`` is an optional spaCy Doc over ``text`` (its sentences parsed or not); the tense
    of the clause governing a bare weekday or month decides which way it points. Relative
    expressions after a dateline or caption date resolve against that date. ``month_only``:
    the anchor stands for its month (a day of that month given without a year is of its year).
    """
    lex = lexicon or timex_lexicon()
    out: list[Timex] = []
    found_setters: list[Setter] = []
    memory = Context(anchor=anchor)
    ref: tuple[int, date] | None = None  # the end and the day of the last date given with its year
    for f in scan(text, lex):
        here = anchor_for(f.start, found_setters, anchor)
        ctx = Context(here, direction(text, f.start, f.end, parse, lex),
                      memory.last_day, memory.last_month, memory.last_year, month_only and here == anchor)
        ctx = _story_time(f, _plan_step(f, ctx, text, parse, lex), text, ref)
        try:
            r = _resolve(f, lex, ctx)
        except (ValueError, OverflowError):  # date arithmetic out of range: "31 June", year 9999
            r = None
        if r is None or (r := bounded(r)) is None:
            continue
        t = Timex(Span(f.start, f.end), text[f.start:f.end], r.value, r.granularity, r.end_value)
        out.append(t)
        if (s := _setter(text, t, lex)) is not None:
            found_setters.append(s)
        if f.kind not in ("ref", "anaphoric"):
            memory = _memory(memory, r)
        if _own_year(f) and r.granularity in (G.DAY, G.MONTH, G.TIME) and r.value:
            ref = (f.end, date(int(r.value[:4]), int(r.value[5:7]), 1))
    return out


_TURNABLE = ("weekday", "wd_range", "month", "date", "nth")


def turned(text: str, t: Timex, anchor: date, way: int, lexicon: TimexLexicon | None = None) -> Timex | None:
    """The expression ``t`` of ``text`` resolved the way ``way`` points (+1 ahead of ``anchor``,
    -1 behind), when it names no year ("in February", "on Monday", "March 5"), else None."""
    lex = lexicon or timex_lexicon()
    lo = max(0, t.span.start - 40)
    found = [f for f in scan(text[lo:t.span.end], lex) if f.start + lo == t.span.start and f.end + lo == t.span.end]
    if len(found) != 1 or found[0].kind not in _TURNABLE or _own_year(found[0]) or found[0].g("shift") \
            or found[0].kind != "weekday" and found[0].g("wd"):  # "Friday, July 27" fixes its year
        return None
    try:
        r = _resolve(found[0], lex, Context(anchor, way))
    except (ValueError, OverflowError):
        return None
    if r is None or (r := bounded(r)) is None:
        return None
    return Timex(t.span, t.text, r.value, r.granularity, r.end_value)


def _month_window(start: date, end: date) -> str | None:
    return f"{start.year:04d}-{start.month:02d}" if (start.year, start.month) == (end.year, end.month) else None


def _week_days(value: str) -> tuple[date, date] | None:
    m = re.match(r"(\d{4})-W(\d\d)(-WE)?$", value)
    if not m:
        return None
    try:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if m.group(3) else \
            (monday, monday + timedelta(days=6))
    except (ValueError, OverflowError):  # the last week of year 9999 runs past the calendar
        return None


def event_when(t: Timex, published: date | None = None, event_type: EventType | None = None) -> When:
    """The event date a timex gives, by the dev guideline's policy (the one place it lives).

    * a day or a time of day -> ``YYYY-MM-DD`` (DAY);
    * a range ("24 and 25 April", "from 3 to 4 February"): for a visit, or with no event
      type, its first day (DAY, ``end_value`` = last day); for a meeting or talks inside
      the window, the month when the window lies in one month (MONTH), else None;
    * a month, or a window inside one month (a week, "this weekend") -> ``YYYY-MM``
      (MONTH); "April/June" or "April or June" spans two months -> None;
    * "now"/"currently" (PRESENT_REF) -> the publication month (an ongoing visit or talks);
    * a window spanning two months, a season, a quarter, a year alone, a decade, an
      unresolved or vague value ("recently", "in the coming days") -> value None, with the
      granularity of what the text said.
    """
    v = t.value or ""
    if v == "PRESENT_REF" and published:
        return When(f"{published.year:04d}-{published.month:02d}", G.MONTH, t.text)
    if "X" in v or not v[:4].isdigit():
        return When(None, t.granularity, t.text)
    if t.granularity in (G.DAY, G.TIME) and (start := as_day(v)):
        end = as_day(t.end_value)
        if end is None or event_type in (None, EventType.VISIT):
            return When(v[:10], G.DAY, t.text, t.end_value)
        window = _month_window(start, end)
        return When(window, G.MONTH if window else G.DAY, t.text, t.end_value)
    if t.granularity == G.MONTH and re.match(r"\d{4}-\d\d$", v):
        if t.end_value and t.end_value != v:  # "April/June": a window over two months
            return When(None, G.MONTH, t.text, t.end_value)
        return When(v, G.MONTH, t.text)
    if t.granularity == G.WEEK and (days := _week_days(v)):
        window = _month_window(*days)
        return When(window, G.MONTH if window else G.WEEK, t.text)
    return When(None, t.granularity, t.text)


def timex_records(doc: Document) -> list[dict[str, Any]]:
    """One row per temporal expression of ``doc``, offsets into the article text as given."""
    rows = []
    for t in doc.timexes:
        ev = doc.evidence(t.span)
        rows.append({"article": doc.article.id, "start": ev.start, "end": ev.end, "text": ev.text,
                     "value": t.value, "granularity": t.granularity.value if t.granularity else None})
    return rows


def dates(docs: Iterable[Document]) -> Iterator[dict[str, Any]]:
    """Rows for ``sideline dates``: the documents' timexes (found here if a stage has not)."""
    for doc in docs:
        if not doc.timexes:
            doc = doc.with_(timexes=tuple(find_timexes(doc.text or doc.article.text,
                                                       doc.published or doc.article.published,
                                                       doc.parse)))
        yield from timex_records(doc)
