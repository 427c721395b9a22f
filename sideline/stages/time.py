"""The time stages: temporal expressions of a document, and the date of each event.

``Timexes`` fills ``doc.timexes`` (used alone by ``sideline dates``). ``Time`` does the
same and dates every event by this cascade, first hit wins:

1. a timex attached to the event's clause in the parse: its head chain reaches the
   trigger, the trigger's governing verb or that verb's xcomp chain before any other
   verb ("met Lavrov on Monday", "talks were held on Monday", "talks are set to begin
   on 24 April", "his visit next week"); among several, a usable value, then the finer
   one, then the nearer;
2. else a timex of a clause under the event's verb, not a relative clause ("will not
   meet ... despite both attending the assembly this weekend", "talks ... before seeing
   Putin on Tuesday");
3. else a timex of the same sentence that governs the event: the verb it attaches to
   dominates the trigger ("On Tuesday, the two sides met ..."), unless that verb reports
   ("..., a spokesman said on Monday" does not date the meeting);
   in a sentence the parser skipped, 1-3 become "the nearest timex in the sentence";
4. else the date the context sets: a dateline or caption date, or a day-level date opening
   an earlier sentence of the paragraph ("On April 4, ...", carried over), if it fits the
   event (no past date for a planned event, no future date for one that occurred);
5. else, for a headline (the first two lines of the text), the first day-level date of
   the lead that is not a dateline, if it fits the event likewise;
6. else, for an event that occurred and is reported in the present perfect ("has arrived
   in New York") or the present progressive ("is meeting ..."), the publication date;
7. else no date (``When(None)``).

The timex found is turned into an event date by :func:`sideline.temporal.event_when`
(day, month or null, per the dev guideline; a range dates a visit by its first day and
the meetings inside it by the month).
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date
from typing import Any

from ..records import Document, Event, Granularity, Span, Status, Timex, When
from ..temporal import Setter, as_day, context_date, event_when, find_timexes, is_dateline, setters
from ..temporal_lexicon import TimexLexicon, timex_lexicon
from ..temporal_tense import direction, governing_verb, parsed, span_root

__all__ = ["Timexes", "Time", "date_event"]

_STATUS_WAY = {Status.PLANNED: 1, Status.PROPOSED: 1, Status.OCCURRED: -1}
_PERFECT = re.compile(r"\b(?:has|have|'s|'ve)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|met|held|made|begun)\b", re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|'s|'re)\s+(?:\w+ly\s+)?\w+ing\b", re.I)


def _published(doc: Document) -> date | None:
    return doc.published or doc.article.published


class Timexes:
    """Every temporal expression of the cleaned text, normalised against the publication date."""

    name = "timexes"
    requires = ("parse",)
    provides = ("timexes",)

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self.data_dir = data_dir

    def __call__(self, doc: Document) -> Document:
        found = find_timexes(doc.text, _published(doc), doc.parse, lexicon=timex_lexicon(self.data_dir))
        return doc.with_(timexes=tuple(found))


class Time(Timexes):
    """Timexes, and each event's date (``Event.when``) by the cascade of the module docstring."""

    name = "time"
    requires = ("parse", "events")
    provides = ("timexes", "events.when")

    def __call__(self, doc: Document) -> Document:
        if not doc.timexes:
            doc = super().__call__(doc)
        found = setters(doc.text, doc.timexes)
        events = tuple(ev if ev.when is not None else
                       replace(ev, when=date_event(ev, doc.text, doc.timexes, found, doc.parse,
                                                   _published(doc), timex_lexicon(self.data_dir)))
                       for ev in doc.events)
        return doc.with_(events=events)


def _token(parse: Any, span: Span | None) -> Any | None:
    if parse is None or span is None:
        return None
    tok = span_root(parse, span.start, span.end)
    return tok if tok is not None and parsed(tok) else None


def _path_to(t_root: Any, targets: tuple[int, ...], steps: int = 6) -> int | None:
    """Steps from a timex up its head chain to one of ``targets``, stopping at another verb."""
    node = t_root
    for n in range(1, steps + 1):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i in targets:
            return n
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None


def _clause(trig: Any) -> tuple[int, ...]:
    """The trigger, its governing verb and that verb's xcomp chain ("set to begin")."""
    out = [trig.i]
    verb = governing_verb(trig)
    while verb is not None:
        if verb.i not in out:
            out.append(verb.i)
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.i not in out), None)
    return tuple(out)


def _under(verb: Any, targets: tuple[int, ...]) -> bool:
    """``verb`` heads a clause under the event's verb, not a relative clause of a noun."""
    node = verb
    for _ in range(8):
        if node.dep_ in ("relcl", "acl", "appos") or node.head.i == node.i:
            return False
        node = node.head
        if node.i in targets:
            return True
    return False


_RANK = {Granularity.DAY: 0, Granularity.TIME: 0, Granularity.WEEK: 1, Granularity.MONTH: 2}


def _rank(t: Timex, trig: Any) -> tuple[bool, int, int]:
    """Usable value first, then the finer one ("on April 27 ... earlier this week"), then nearer."""
    return event_when(t).value is None, _RANK.get(t.granularity, 3), abs(t.span.start - trig.idx)


def _parsed_pick(trig: Any, cands: list[Timex], parse: Any, lex: TimexLexicon) -> Timex | None:
    targets = _clause(trig)
    tiers: dict[int, list[tuple]] = {1: [], 2: [], 3: []}
    for t in cands:
        root = _token(parse, t.span)
        if root is None:
            continue
        n = _path_to(root, targets)
        own = governing_verb(root.head) if root.head.i != root.i else None
        if n is not None:
            tiers[1].append((_rank(t, trig)[:2], n, _rank(t, trig)[2], t))
        elif own is not None and _under(own, targets):
            tiers[2].append((_rank(t, trig), t))  # in a clause under the event's verb
        elif own is not None and own.is_ancestor(trig) and own.lemma_.lower() not in lex["reporting_verbs"]:
            tiers[3].append((_rank(t, trig), t))  # governs the event ("On Monday, ... the two met")
    for tier in tiers.values():
        if tier:
            return min(tier, key=lambda x: x[:-1])[-1]
    return None


def _in_sentence(ev: Event, timexes: tuple[Timex, ...]) -> list[Timex]:
    s = ev.sentence or ev.trigger
    if s is None:
        return []
    return [t for t in timexes if s.start <= t.span.start and t.span.end <= s.end]


def _nearest(ev: Event, cands: list[Timex]) -> Timex | None:
    if not cands or ev.trigger is None:
        return cands[0] if cands else None
    return min(cands, key=lambda t: (event_when(t).value is None, abs(t.span.start - ev.trigger.start)))


def _now_report(ev: Event, text: str, parse: Any, lex: TimexLexicon) -> bool:
    """Present perfect ("has arrived") or present progressive ("is meeting") around the trigger."""
    trig = _token(parse, ev.trigger)
    verb = governing_verb(trig) if trig is not None else None
    if verb is not None:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if verb.tag_ == "VBN" and aux & set(lex["present_perfect_aux"]) and not aux & {"had", "will"}:
            return True
        return verb.tag_ == "VBG" and bool(aux & {"is", "are", "am", "'s", "'re"})
    if ev.trigger is None:
        return False
    s = ev.sentence.start if ev.sentence else max(0, ev.trigger.start - 80)
    window = text[max(s, ev.trigger.start - 60):ev.trigger.end]
    return bool(_PERFECT.search(window) or _PROGRESSIVE.search(window))


def _agrees(ev: Event, text: str, parse: Any, t: Timex, published: date | None,
            lex: TimexLexicon) -> bool:
    """A date taken from elsewhere fits the event: not a past date for a planned event or a
    future clause, not a future date for one that occurred."""
    day = as_day(t.value)
    if published is None or day is None or ev.trigger is None:
        return True
    way = _STATUS_WAY.get(ev.status.coarse)
    if way is None:
        way = direction(text, ev.trigger.start, ev.trigger.end, parse, lex)
    return not (way > 0 and day < published or way < 0 and day > published)


def _lead_date(ev: Event, text: str, timexes: tuple[Timex, ...]) -> Timex | None:
    """For an event in the headline (the first two lines), the first day-level date of the
    lead that is not a dateline (a dateline dates the article), else the dateline date."""
    s = ev.sentence or ev.trigger
    if s is None or text.count("\n", 0, s.end) >= 2:
        return None
    if any(s.start <= t.span.start < s.end and event_when(t).value for t in timexes):
        return None
    lead = [t for t in timexes if s.end <= t.span.start < s.end + 800 and event_when(t).value
            and t.granularity in (Granularity.DAY, Granularity.TIME)]
    plain = [t for t in lead if not is_dateline(text, t)]
    return (plain or lead or [None])[0]


def date_event(ev: Event, text: str, timexes: tuple[Timex, ...], found: list[Setter],
               parse: Any, published: date | None, lex: TimexLexicon | None = None) -> When:
    """The date of one event (the numbered cascade of the module docstring)."""
    cands = _in_sentence(ev, timexes)
    trig = _token(parse, ev.trigger)
    lex = lex or timex_lexicon()
    pick = _parsed_pick(trig, cands, parse, lex) if trig is not None else _nearest(ev, cands)
    if pick is not None:
        return event_when(pick, published, ev.type)
    ctx = context_date(ev.trigger.start, found) if ev.trigger is not None else None
    if ctx is not None and _agrees(ev, text, parse, ctx.timex, published, lex):
        return event_when(ctx.timex, published, ev.type)
    lead = _lead_date(ev, text, timexes)
    if lead is not None and _agrees(ev, text, parse, lead, published, lex):
        return event_when(lead, published, ev.type)
    if published is not None and ev.status.coarse == Status.OCCURRED and _now_report(ev, text, parse, lex):
        return When(published.isoformat(), Granularity.DAY, None)
    return When(None)
