"""Document-level dating: the events that the clause cascade of :mod:`sideline.stages.time.stage`
left without any date words of their own.

A visit dated by a tour's range takes the dates of its own leg when the text gives them.
Then three rules, first hit wins, each reading only the dates the first pass gave other events
of the same document (so the order of the events does not matter):

1. **another mention of the same engagement**: an undated event takes the date of an event
   of the same kind (meet/talks/host/multilateral/other_consult are one kind) with the same
   participants (a visit: the same visitor and host; else two shared participants), when the
   date fits the event's status (no past day for a planned event, no future day for one that
   occurred, no month before the publication month for one ruled out or uncertain). The
   nearest such mention in the text wins. Else a meeting of a dated visit's visitor with
   its host takes the visit's day (a one-day visit) or month (a visit over a range or of
   several days, told with the visit, with the meeting or with another engagement of the
   visit: "will receive him for a three-day visit"; or a meeting whose status differs from
   the visit's: one proposed during a stay that began).
2. **an engagement it refers to**: "ahead of the talks", "after the meeting" give the date of
   the nearest earlier dated event of the same status family; "during the visit", "on the
   sidelines of the summit" give that date's month (a meeting inside a visit window).
3. **the story's frame**: an event that has not happened (planned, proposed, uncertain or
   ruled out) takes the month of the story's upcoming engagement: the nearest dated event
   ahead of the publication date, else the first date of the text ahead of it (within about
   a month); never a month before the publication month. A visit keeps that day.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ... import types
from ...records import Event, EventType, Granularity as G, Status, Timex, When
from .timexes import as_day, event_when, is_dateline
from .lexicon import TimexLexicon
from .normalise import month_add

__all__ = ["frame_dates", "same_engagement", "referred_window", "report_date"]

_NOT_YET = (Status.PLANNED, Status.PROPOSED, Status.UNCERTAIN, Status.RULED_OUT)
_FUTURE = (Status.PLANNED, Status.PROPOSED)


def _kind(ev: Event) -> str:
    return types.family(ev.type)


def _names(ev: Event) -> list[str]:
    return [a.name.lower() for a in ev.actors if a.name]


def _hosts(ev: Event) -> set[str]:
    """A visit's hosts by name and by country ("Kinshasa"/"Joseph Kabila" and "DR Congo")."""
    return {k for a in ev.actors[1:] for k in (a.name.lower() if a.name else None, a.country) if k}


def same_engagement(a: Event, b: Event) -> bool:
    """Two claims about one engagement: same kind, same participants."""
    if _kind(a) != _kind(b):
        return False
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return False
    if a.type == EventType.VISIT:
        return na[0] == nb[0] and (len(na) < 2 or len(nb) < 2 or bool(_hosts(a) & _hosts(b)))
    return len(set(na) & set(nb)) >= min(2, len(set(na)), len(set(nb)))


def _fits(ev: Event, value: str, published: date | None, month_only: bool = False) -> bool:
    """No past date for an event still ahead, no future date for one that happened (by month
    when the publication date is known to the month only)."""
    if published is None:
        return True
    day = None if month_only else as_day(value)
    month = value[:7]
    now = f"{published.year}-{published.month:02d}"
    coarse = ev.status.coarse
    if coarse in _FUTURE:
        return day >= published if day else month >= now
    if coarse == Status.OCCURRED:
        return day <= published if day else month <= now
    return month >= now  # ruled out or uncertain: the story's engagement, not a past one


def _pos(ev: Event) -> int:
    return ev.trigger.start if ev.trigger else ev.evidence.start


def _nearest(ev: Event, dated: Sequence[Event], published: date | None, month_only: bool) -> Event | None:
    cands = [d for d in dated if same_engagement(ev, d) and _fits(ev, d.when.value, published, month_only)]
    return min(cands, key=lambda d: abs(_pos(d) - _pos(ev)), default=None)


def _sits_in(meeting: Event, visit: Event) -> bool:
    """The meeting is one of the visit's: its visitor meets the host (by name or country)."""
    others = {k for a in meeting.actors for k in (a.name.lower() if a.name else None, a.country) if k}
    return visit.type == EventType.VISIT and bool(visit.actors) and bool(visit.actors[0].name) \
        and _kind(meeting) == "consult" and visit.actors[0].name.lower() in _names(meeting) \
        and bool(_hosts(visit) & others)


def _days_long(visit: Event, text: str, lex: TimexLexicon) -> bool:
    """The text gives the visit several days ("a three-day visit", "a week-long tour") in its
    own sentence."""
    s = visit.sentence or visit.trigger
    return s is not None and re.search(lex["multi_day_pattern"], text[s.start:s.end], re.I) is not None


def _inside_visit(ev: Event, dated: Sequence[Event], published: date | None, month_only: bool,
                  text: str, lex: TimexLexicon, told: Sequence[Event] = ()) -> When | None:
    """A meeting of a visitor with the host of a dated visit: the visit's day when it lasts
    one day, its month when it spans a range or several days, told in the visit's sentence, in
    the meeting's own or in that of another engagement of the same visit (``told``: "will
    receive him for a three-day visit"; meetings inside a visit window)."""
    visits = [d for d in dated if _sits_in(ev, d) and _fits(ev, d.when.value, published, month_only)]
    if not visits:
        return None
    visit = min(visits, key=lambda d: abs(_pos(d) - _pos(ev)))
    w = visit.when
    apart = visit.status.coarse != ev.status.coarse  # "has arrived"; a meeting there "is not ruled out"
    long = _days_long(visit, text, lex) or _days_long(ev, text, lex) \
        or any(_days_long(o, text, lex) for o in told if o is not ev and _sits_in(o, visit))
    if (w.end_value or apart or long) and w.granularity in (G.DAY, G.TIME):
        return When(_month(w.value), G.MONTH, w.text, w.end_value)
    return w


def _from_meetings(ev: Event, dated: Sequence[Event], published: date | None, month_only: bool) -> When | None:
    """An undated visit takes the day of the first meeting inside it dated to the day (its
    visitor with the host, told the same way: both happened, or both still ahead)."""
    if ev.type != EventType.VISIT:
        return None
    same_way = [d for d in dated if _sits_in(d, ev) and d.when.granularity in (G.DAY, G.TIME)
                and (d.status.coarse == Status.OCCURRED) == (ev.status.coarse == Status.OCCURRED)
                and _fits(ev, d.when.value, published, month_only)]
    first = min(same_way, key=lambda d: (d.when.value, _pos(d)), default=None)
    return None if first is None else When(first.when.value, first.when.granularity, first.when.text)


def referred_window(sentence: str, lex: TimexLexicon) -> str | None:
    """"point" for "ahead of the talks", "window" for "during the visit", else None."""
    nouns = "|".join(re.escape(n) for n in lex["frame_nouns"])
    for kind in ("point", "window"):
        preps = "|".join(re.escape(p) for p in lex[f"frame_{kind}"])
        dets = "|".join(re.escape(d) for d in lex["frame_determiners"])
        rx = rf"\b(?:{preps})\s+(?:{dets})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b"
        if re.search(rx, sentence, re.I):
            return kind
    return None


def _month(value: str) -> str:
    return value[:7]


def _referred(ev: Event, text: str, dated: Sequence[Event], published: date | None,
              lex: TimexLexicon, month_only: bool) -> When | None:
    s = ev.sentence or ev.trigger
    kind = referred_window(text[s.start:s.end], lex) if s is not None else None
    if kind is None:
        return None
    family = ev.status.coarse == Status.OCCURRED
    before = [d for d in dated if _pos(d) < _pos(ev) and (d.status.coarse == Status.OCCURRED) == family
              and _fits(ev, d.when.value, published, month_only)]
    if not before:
        return None
    ref = max(before, key=_pos).when
    if kind == "window" or ref.granularity not in (G.DAY, G.TIME):
        return When(_month(ref.value), G.MONTH, ref.text)
    return When(ref.value, ref.granularity, ref.text)


def report_date(t: Timex, text: str, lex: TimexLexicon) -> bool:
    """The date words follow a reporting verb ("the ministry said on Tuesday")."""
    words = text[max(0, t.span.start - 20):t.span.start].lower().split()
    if words and words[-1] in lex["report_date_preps"]:
        words = words[:-1]
    return bool(words) and words[-1] in lex["reporting_forms"]


def _framed(ev: Event, value: str, text: str | None, end: str | None = None) -> When:
    """The frame's month; a visit keeps the frame's day (its start), a meeting in it does not."""
    if ev.type == EventType.VISIT and as_day(value) is not None and end is None:
        return When(value[:10], G.DAY, text)
    return When(_month(value), G.MONTH, text)


def _frame(ev: Event, dated: Sequence[Event], text: str, timexes: Sequence[Timex],
           published: date | None, lex: TimexLexicon, month_only: bool) -> When | None:
    if published is None or ev.status.coarse not in _NOT_YET:
        return None
    now = f"{published.year}-{published.month:02d}"
    y, m = month_add(published.year, published.month, 1)
    soon = f"{y}-{m:02d}"
    ahead = [d for d in dated if d.status.coarse in _FUTURE and now <= _month(d.when.value) <= soon]
    if ahead:
        ref = min(ahead, key=lambda d: abs(_pos(d) - _pos(ev))).when
        return _framed(ev, ref.value, ref.text, ref.end_value)
    for t in timexes:
        v = event_when(t, published).value
        if is_dateline(text, t) or report_date(t, text, lex):
            continue
        if v and len(v) >= 7 and now <= _month(v) <= soon and (month_only or (as_day(v) or published) >= published):
            return _framed(ev, v, t.text, t.end_value)
    return None


def _sentence_of(text: str, start: int, end: int) -> str:
    a = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[a:min(ends) if ends else len(text)]


def _leg_date(ev: Event, text: str, timexes: Sequence[Timex]) -> When | None:
    """A tour ("to the UK, Spain and Poland from 27 January to 8 February") gives each
    destination the dates of its own leg when the text names them ("In Poland, from 4 to 5
    February, ..."): a day inside the tour's range in a sentence naming the host."""
    w = ev.when
    first, last = as_day(w.value), as_day(w.end_value)
    s = ev.sentence or ev.trigger
    names = {n for a in ev.actors[1:] for n in (a.name, a.mention) if n and len(n) > 1}
    if first is None or last is None or s is None or not names:
        return None
    rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    for t in timexes:
        day = as_day(t.value)
        if day is None or not first <= day <= last or s.start <= t.span.start < s.end:
            continue
        if rx.search(_sentence_of(text, t.span.start, t.span.end)):
            return When(t.value[:10], G.DAY, t.text, t.end_value)
    return None


def _undetermined(ev: Event, text: str, lex: TimexLexicon) -> bool:
    """The text says the date is open ("a date yet to be fixed")."""
    s = ev.sentence
    if s is None:
        return False
    sentence = text[s.start:s.end].lower()
    return any(cue in sentence for cue in lex["undetermined_cues"])


def frame_dates(events: Sequence[Event], text: str, timexes: Sequence[Timex],
                published: date | None, lex: TimexLexicon, month_only: bool = False) -> tuple[Event, ...]:
    """The events, the undated ones (no date words at all) dated by the rules above, unless
    their sentence says the date is open ("no date has been set"). ``month_only``: the
    publication date stands for its month (dates are checked against it by month)."""
    dated = [e for e in events if e.when is not None and e.when.value]
    out = []
    for ev in events:
        if ev.when is not None and ev.when.end_value and ev.type == EventType.VISIT:
            leg = _leg_date(ev, text, timexes)
            out.append(replace(ev, when=leg) if leg is not None else ev)
            continue
        if ev.when is not None and (ev.when.value or ev.when.text) or _undetermined(ev, text, lex):
            out.append(ev)
            continue
        same = _nearest(ev, dated, published, month_only)
        when = same.when if same is not None else _inside_visit(ev, dated, published, month_only, text, lex, events) \
            or _from_meetings(ev, dated, published, month_only)
        when = when or _referred(ev, text, dated, published, lex, month_only) \
            or _frame(ev, dated, text, timexes, published, lex, month_only)
        out.append(replace(ev, when=when) if when is not None else ev)
    return tuple(out)
