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
   an anchor ("since 1898") and "the current chair" never date the event; a visit named by
   a noun that frames another engagement's verb ("met him on Monday on his first trip")
   gets the month of that day; else a date in a relative clause of a noun in the event's
   clause dates its occasion, whose month the event gets ("meet on the margins of the
   assembly, which runs from September 13-16");
4. else the date the context sets: a dateline or caption date, or a day-level date opening
   an earlier sentence of the paragraph ("On April 4, ...", carried over), if it fits the
   event (no past date for a planned event, no future date for one that occurred; a plan
   its clause tells in the future is not dated by a dateline naming the day of writing);
5. else, for a headline (the first two lines of the text, each a line of its own), the
   first date of the lead that is neither a dateline nor the date of a report ("said on
   Saturday"), if it fits the event likewise;
6. else, for an event that occurred and is reported in the present perfect ("has arrived
   in New York", also through an infinitive: "has become the first to visit") or the
   present progressive ("is meeting ..."), the publication date; a stay under way ("are
   attending the forum", "is visiting") gets the publication month;
7. else no date (``When(None)``); an event that came with the words of its date but no value (an
   earlier engagement: "their first meeting since March 2023"; a photo caption's) takes the timex
   inside them, and nothing else dates it; then the events left without any date words are dated
   from the rest of the document (:func:`sideline.stages.time.frame.frame_dates`: another
   mention of the same engagement, "during the visit", the story's upcoming engagement).

Steps 1-3 live in :mod:`sideline.stages.time.clause` (:func:`clause_date`). The timex found is turned into an event date by :func:`sideline.stages.time.timexes.event_when`
(day, month or null, per the dev guideline; a range dates a visit by its first day and
the meetings inside it by the month). When the publication date is known to the month only
(``published_from`` "url-month" or "text-month"), a day given only relative to it
("yesterday", "on Monday") becomes that month.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date
from typing import Any

from ...records import Document, Event, Granularity, Span, Status, Timex, When
from .timexes import Setter, as_day, context_date, event_when, find_timexes, is_dateline, setters
from .frame import frame_dates, report_date
from .occasion import occasion_dates
from .presence import presence_dates
from .lexicon import TimexLexicon, timex_lexicon
from ..clean.pubdate import MONTH_ONLY
from .tense import direction, governing_verb
from .clause import clause_date, token_at
from ..events.captions import CUE as PICTURED
from ..events.earlier import CUE as EARLIER

__all__ = ["Timexes", "Time", "date_event"]

_STATUS_WAY = {Status.PLANNED: 1, Status.PROPOSED: 1, Status.OCCURRED: -1}
#: claims dated by their own words only (an earlier engagement, a photo caption): nothing else dates them
_OWN_DATE = frozenset({EARLIER, PICTURED})


def _published(doc: Document) -> date | None:
    return doc.published or doc.article.published


def _month_only(doc: Document) -> bool:
    """The publication date is known to the month only (from the URL path or a month line)."""
    return doc.published is not None and doc.published_from in MONTH_ONLY


class Timexes:
    """Every temporal expression of the cleaned text, normalised against the publication date."""

    name = "timexes"
    requires = ("text", "parse", "published", "published_from")
    provides = ("timexes",)

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self.data_dir = data_dir

    def __call__(self, doc: Document) -> Document:
        found = find_timexes(doc.text, _published(doc), doc.parse, lexicon=timex_lexicon(self.data_dir),
                             month_only=_month_only(doc))
        names = [m.span for m in doc.mentions if m.label == "PERSON"]  # "January Makamba" is no month
        return doc.with_(timexes=tuple(t for t in found if not any(n.contains(t.span) for n in names)))


class Time(Timexes):
    """Timexes, and each event's date (``Event.when``) by the cascade of the module docstring."""

    name = "time"
    requires = ("text", "parse", "mentions", "events", "published", "published_from")
    provides = ("timexes", "events.when")

    def __call__(self, doc: Document) -> Document:
        if not doc.timexes:
            doc = super().__call__(doc)
        lex = timex_lexicon(self.data_dir)
        found = setters(doc.text, doc.timexes, lex)
        pub = _published(doc)
        month_only = _month_only(doc)
        events = tuple(_anchored(ev, doc.timexes, pub, lex) if ev.when is not None else
                       replace(ev, when=date_event(ev, doc.text, doc.timexes, found, doc.parse, pub, lex,
                                                   month_only))
                       for ev in doc.events)
        own = {i: ev.when for i, ev in enumerate(events) if ev.status_cue in _OWN_DATE}
        events = frame_dates(events, doc.text, doc.timexes, pub, lex, month_only)
        events = occasion_dates(events, doc.timexes, doc.parse, self.data_dir)
        events = presence_dates(events, doc.text, doc.timexes, doc.mentions, pub)
        return doc.with_(events=tuple(replace(ev, when=own[i]) if i in own else ev for i, ev in enumerate(events)))


def _anchored(ev: Event, timexes: tuple[Timex, ...], published: date | None, lex: TimexLexicon) -> Event:
    """An event the events stage gave the words of its date but no value: the date of the timex
    inside those words (a caption's, by the policy of :func:`event_when`). An earlier engagement
    ("their first meeting since 2019", "a first visit in 22 years": :mod:`sideline.stages.events.earlier`)
    keeps even a year, or the year N years before the article's: its year is what the text says
    of it, and it keeps the claim apart from the engagement that tells it."""
    if ev.when.value or not ev.when.text or ev.sentence is None:
        return ev
    inside = [t for t in timexes if ev.sentence.start <= t.span.start < ev.sentence.end and t.text in ev.when.text]
    earlier = ev.status_cue == EARLIER
    if inside and earlier and inside[0].granularity is Granularity.YEAR and inside[0].value:
        return replace(ev, when=When(inside[0].value[:4], Granularity.YEAR, ev.when.text))
    if inside:
        return replace(ev, when=replace(event_when(inside[0], published, ev.type), text=ev.when.text))
    back = _years_back(ev.when.text, lex) if earlier and published is not None else None
    return replace(ev, when=When(str(published.year - back), Granularity.YEAR, ev.when.text)) if back else ev


def _years_back(text: str, lex: TimexLexicon) -> int | None:
    """"in 22 years", "in five years", "in two decades": how many years; None for a bound
    ("in more than four years") or any other words."""
    words = text.lower().replace(",", " ").split()
    if len(words) < 2:
        return None  # "22 years" (or "22 years on Saturday": the phrase may run on past its head)
    n = int(words[0]) if words[0].isdigit() else lex["numbers"].get(words[0])
    unit = lex["units"].get(words[1])
    per = {"year": 1, "decade": 10}.get(unit or "")
    return n * per if n and per else None


def _tense_of(verb: Any, lex: TimexLexicon) -> str | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and aux & set(lex["present_perfect_aux"]) and not aux & set(lex["not_perfect_aux"]):
        return "perfect"
    if verb.tag_ == "VBG" and aux & set(lex["progressive_aux"]):
        return "window" if verb.lemma_.lower() in lex["window_verbs"] else "progressive"
    return None


def _clause_verbs(verb: Any) -> list[Any]:
    """The verb, and up through an infinitive or participle clause to the verb it hangs on
    ("has become the first president to visit", "has arrived, holding talks")."""
    out = [verb]
    for _ in range(3):
        if verb.tag_ not in ("VB", "VBG") or verb.dep_ not in ("xcomp", "advcl", "acl", "relcl") \
                or verb.head.i == verb.i:
            break
        verb = governing_verb(verb.head)
        if verb is None:
            break
        out.append(verb)
    return out


def _now_report(ev: Event, text: str, parse: Any, lex: TimexLexicon) -> str | None:
    """"perfect" ("has arrived"), "progressive" ("is meeting") or "window" (a stay under way:
    "are attending", "is visiting") around the trigger, else None."""
    trig = token_at(parse, ev.trigger)
    verb = governing_verb(trig) if trig is not None else None
    if verb is not None:
        return next((k for v in _clause_verbs(verb) if (k := _tense_of(v, lex))), None)
    if ev.trigger is None:
        return None
    s = ev.sentence.start if ev.sentence else max(0, ev.trigger.start - 80)
    window = text[max(s, ev.trigger.start - 60):ev.trigger.end]
    if re.search(lex["perfect_pattern"], window, re.I):
        return "perfect"
    return "progressive" if re.search(lex["progressive_pattern"], window, re.I) else None


def _agrees(ev: Event, text: str, parse: Any, t: Timex, published: date | None,
            lex: TimexLexicon, month_only: bool = False) -> bool:
    """A date taken from elsewhere fits the event: not a past date for a planned event or a
    future clause, not a future date for one that occurred (by month when the publication
    date is known to the month only)."""
    day = as_day(t.value)
    if published is None or day is None or ev.trigger is None:
        return True
    way = _STATUS_WAY.get(ev.status.coarse)
    if way is None:
        way = direction(text, ev.trigger.start, ev.trigger.end, parse, lex)
    got, now = ((day.year, day.month), (published.year, published.month)) if month_only else (day, published)
    return not (way > 0 and got < now or way < 0 and got > now)


def _plan_on_dateline(ev: Event, text: str, parse: Any, t: Timex, published: date | None,
                      lex: TimexLexicon) -> bool:
    """A plan told in the future under a dateline that names the day of writing ("CAIRO – 3
    March: X will receive Y ..."): the dateline dates the report, and what its clause puts
    ahead comes later ("accepted the invitation to address ..." may be today's)."""
    day = as_day(t.value)
    return ev.status.coarse in (Status.PLANNED, Status.PROPOSED) and day is not None \
        and published is not None and day <= published and is_dateline(text, t) \
        and ev.trigger is not None and direction(text, ev.trigger.start, ev.trigger.end, parse, lex) > 0


def _own_line(text: str, s: Span) -> bool:
    """The span is a line of its own (a headline), not the opening of a run-on paragraph."""
    before = text[text.rfind("\n", 0, s.start) + 1:s.start]
    after = text[s.end:]
    return not before.strip() and (not after.strip() or after.lstrip(" \t").startswith("\n"))


def _reports(t: Timex, text: str, parse: Any, lex: TimexLexicon) -> bool:
    """The date words modify a reporting verb ("the White House said on Saturday")."""
    if report_date(t, text, lex):
        return True
    root = token_at(parse, t.span)
    verb = governing_verb(root.head) if root is not None and root.head.i != root.i else None
    return verb is not None and verb.lemma_.lower() in lex["reporting_verbs"]


def _lead_date(ev: Event, text: str, timexes: tuple[Timex, ...], parse: Any,
               lex: TimexLexicon) -> Timex | None:
    """For an event in the headline (the first two lines, each a line of its own), the first
    date of the lead that is neither a dateline (it dates the article) nor the date of a
    report ("said on Saturday"), day-level first; else the dateline date."""
    s = ev.sentence or ev.trigger
    if s is None or text.count("\n", 0, s.end) >= 2 or not _own_line(text, s):
        return None
    if any(s.start <= t.span.start < s.end and event_when(t).value for t in timexes):
        return None
    lead = [t for t in timexes if s.end <= t.span.start < s.end + 800 and event_when(t).value]
    plain = [t for t in lead if not is_dateline(text, t) and not _reports(t, text, parse, lex)]
    days = [t for t in plain if t.granularity in (Granularity.DAY, Granularity.TIME)]
    dated = [t for t in lead if t.granularity in (Granularity.DAY, Granularity.TIME)]
    return (plain[:1] or days[:1] or dated[:1] or [None])[0]


def _to_month(when: When, published: date) -> When:
    """A day the text gives only relative to a publication date known to the month ("yesterday",
    "on Monday" in an article dated by its URL's month) -> that month."""
    if when.granularity not in (Granularity.DAY, Granularity.TIME) or not when.value or \
            re.search(r"\d", when.text or ""):
        return when
    return When(f"{published:%Y-%m}", Granularity.MONTH, when.text)


def date_event(ev: Event, text: str, timexes: tuple[Timex, ...], found: list[Setter],
               parse: Any, published: date | None, lex: TimexLexicon | None = None,
               month_only: bool = False) -> When:
    """The date of one event (the numbered cascade of the module docstring). ``month_only``:
    the publication date is known to the month only (from the URL path)."""
    when = _date_event(ev, text, timexes, found, parse, published, lex or timex_lexicon(), month_only)
    return _to_month(when, published) if month_only and published is not None else when


def _date_event(ev: Event, text: str, timexes: tuple[Timex, ...], found: list[Setter],
                parse: Any, published: date | None, lex: TimexLexicon, month_only: bool = False) -> When:
    own = clause_date(ev, text, timexes, parse, published, lex, found)
    if own is not None:
        return own
    ctx = context_date(ev.trigger.start, found) if ev.trigger is not None else None
    if ctx is not None and _agrees(ev, text, parse, ctx.timex, published, lex, month_only) \
            and not _plan_on_dateline(ev, text, parse, ctx.timex, published, lex):
        return event_when(ctx.timex, published, ev.type)
    lead = _lead_date(ev, text, timexes, parse, lex)
    if lead is not None and _agrees(ev, text, parse, lead, published, lex, month_only):
        return event_when(lead, published, ev.type)
    now = _now_report(ev, text, parse, lex) if published is not None and ev.status.coarse == Status.OCCURRED \
        else None
    if now in ("perfect", "progressive"):
        return When(published.isoformat(), Granularity.DAY, None)
    if now == "window":  # a stay under way ("are attending the forum", "is visiting"): its month
        return When(f"{published:%Y-%m}", Granularity.MONTH, None)
    return When(None)
