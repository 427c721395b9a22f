"""The clause an event's date words sit in: steps 1-3 of the Time stage's cascade.

:func:`clause_date` dates an event by the temporal expressions of its own sentence, read
through the parse (:mod:`sideline.stages.time.stage` gives the order of the steps):

1. a timex attached to the event's clause: its head chain reaches the trigger, the trigger's
   governing verb or that verb's xcomp chain before any other verb;
2. else a timex of a clause under the event's verb, not a relative clause;
3. else a timex of the same sentence that governs the event, unless a reporting verb ("said")
   or a clause of sequence ("a day after ...") stands between them;
   in steps 1-3 a day reached through a phrase of sequence that gives a span ("a day after
   talks with X on Monday", "two days before he met X on Friday") dates the other engagement:
   the event takes that day moved by the span (Tuesday); without a span ("talks ... before
   seeing Putin on Tuesday") the steps take it as it is (most often the same day);
   in a sentence the parser skipped, the nearest timex of the sentence;
   then the window of an occasion named in the clause ("on the margins of the assembly,
   which runs from September 13-16").

A date in a "since" phrase dates its anchor, not the event ("his first visit since taking
office in April"). A date that dates the statement, not the event, is never the event's: one that follows a
reporting verb ("said on Monday", "announced Tuesday"), or one the parser hung on the
reported clause although it stands before that clause's subject ("said on Monday he would
visit Kenya").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ...records import Event, EventType, Granularity, Span, Status, Timex, When
from ..nlp import is_parsed
from .frame import report_date
from .lexicon import TimexLexicon
from .tense import direction, governing_verb, past_plan, span_root
from .timexes import Setter, anchor_for, as_day, event_when, turned

__all__ = ["clause_date", "token_at"]


def token_at(parse: Any, span: Span | None) -> Any | None:
    """The parsed token heading ``span`` (None when there is none or its sentence was not parsed)."""
    if parse is None or span is None:
        return None
    tok = span_root(parse, span.start, span.end)
    return tok if tok is not None and is_parsed(tok) else None


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


def _clause(trig: Any, lex: TimexLexicon | None = None) -> tuple[int, ...]:
    """The trigger, its governing verb and that verb's xcomp chain ("set to begin"); with
    ``lex``, only the trigger when it is what a reporting verb reports ("the visit was announced
    on Tuesday", "confirmed the visit on Monday": those dates are the report's)."""
    out = [trig.i]
    verb = governing_verb(trig)
    if lex is not None and verb is not None and verb.i != trig.i and trig.pos_ in ("NOUN", "PROPN") \
            and trig.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in lex["reporting_verbs"]:
        return tuple(out)
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


def _partner_end(ev: Event, text: str) -> int | None:
    """Where the last participant named after the first ends in the event's sentence."""
    s = ev.sentence
    if s is None:
        return None
    ends = [text.find(a.mention, s.start, s.end) + len(a.mention) for a in ev.actors[1:]
            if a.mention and text.find(a.mention, s.start, s.end) >= 0]
    return max(ends, default=None)


def _by_partner(tier: list[tuple], partner: int | None) -> Timex | None:
    """Several usable dates on one verb, one per coordinated partner ("met A on April 27 and B
    earlier this week"): the date nearest after the event's own partner."""
    usable = [x[-1] for x in tier if event_when(x[-1]).value]
    if partner is None or len({t.span.start for t in usable}) < 2:
        return None
    after = [t for t in usable if t.span.start >= partner]
    return min(after or usable, key=lambda t: abs(t.span.start - partner))


def _report_slot(root: Any, lex: TimexLexicon) -> bool:
    """The date stands between a reporting verb and the subject of the clause it reports
    ("said on Monday he would visit Kenya", "announced Tuesday that ..."): it dates the
    report, wherever the parser hung it."""
    verb = governing_verb(root.head) if root.head.i != root.i else None
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex["reporting_verbs"]:
        return False
    opening = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
    return verb.head.i < root.i < min(opening, default=verb.i)


def _crosses(own: Any, trig: Any, lex: TimexLexicon) -> bool:
    """Between the verb a date modifies and the event's trigger stands a reporting verb or a
    clause of sequence ("met him on Friday, a day after China said no meeting was planned"):
    the date is not the event's."""
    sequence = set(lex.syntax["sequence_preps"])
    node = trig
    for _ in range(12):
        if node.i == own.i or node.head.i == node.i:
            return False
        if node.i != trig.i and node.lemma_.lower() in lex["reporting_verbs"] and node.pos_ in ("VERB", "AUX"):
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in sequence for c in node.children):
            return True
        node = node.head
    return False


def _parsed_pick(trig: Any, cands: list[Timex], parse: Any, lex: TimexLexicon,
                 partner: int | None = None) -> Timex | None:
    targets = _clause(trig, lex)
    tiers: dict[int, list[tuple]] = {1: [], 2: [], 3: []}
    for t in cands:
        root = token_at(parse, t.span)
        if root is None or _report_slot(root, lex):
            continue
        seq = _sequence(root, targets, lex)
        moved = _moved(t, seq, lex) if seq is not None else None
        if moved is not None:  # "a day after talks with X on Monday": the other engagement's day, moved
            tiers[1].append((_rank(moved, trig)[:2], 1, _rank(moved, trig)[2], moved))
            continue
        n = _path_to(root, targets)
        own = governing_verb(root.head) if root.head.i != root.i else None
        if n is not None:
            tiers[1].append((_rank(t, trig)[:2], n, _rank(t, trig)[2], t))
        elif own is not None and _under(own, targets):
            tiers[2].append((_rank(t, trig), t))  # in a clause under the event's verb
        elif own is not None and own.is_ancestor(trig) and own.lemma_.lower() not in lex["reporting_verbs"] \
                and not _crosses(own, trig, lex):
            tiers[3].append((_rank(t, trig), t))  # governs the event ("On Monday, ... the two met")
    if (pick := _by_partner(tiers[1], partner)) is not None:
        return pick
    for tier in tiers.values():
        if tier:
            return min(tier, key=lambda x: x[:-1])[-1]
    return None


def _sequence(root: Any, targets: tuple[int, ...], lex: TimexLexicon) -> Any | None:
    """The sequence phrase ("after talks with X on Monday", "a day after he met X on Monday")
    on the way from a timex up to the event's clause, else None: the date is the other
    engagement's."""
    seq = set(lex.syntax["sequence_preps"])
    node = root
    for _ in range(8):
        if node.i in targets or node.head.i == node.i:
            return None
        if node.dep_ == "prep" and node.lower_ in seq:
            return node
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in seq for c in node.children):
            return node
        node = node.head
    return None


#: the way a sequence word points: the event lies after (+1) or before (-1) the other engagement
_SEQUENCE_WAY = {"after": 1, "following": 1, "before": -1}
_UNIT_DAYS = {"day": 1, "week": 7}


def _moved(t: Timex, seq: Any, lex: TimexLexicon) -> Timex | None:
    """The other engagement's day moved by the span the sequence phrase gives ("a day after",
    "two days before", "a week after"); None without a span or a day."""
    word = seq.lower_ if seq.dep_ == "prep" else next(c.lower_ for c in seq.children if c.dep_ == "mark")
    unit = next((c for c in seq.children if c.dep_ == "npadvmod" and c.lower_ in lex["units"]), None)
    day = as_day(t.value)
    if word not in _SEQUENCE_WAY or unit is None or day is None or lex["units"][unit.lower_] not in _UNIT_DAYS:
        return None
    counts = [lex["numbers"].get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
              for c in unit.children if c.dep_ in ("nummod", "det")]
    n = next((c for c in counts if c), None)
    if n is None:
        return None
    shift = timedelta(days=_SEQUENCE_WAY[word] * n * _UNIT_DAYS[lex["units"][unit.lower_]])
    return replace(t, value=(day + shift).isoformat(), granularity=Granularity.DAY, end_value=None)


def _describes(own: Any, lex: TimexLexicon) -> bool:
    """A clause that describes a noun's time: "which runs ...", "starting ...", "held ...",
    "to be held ..." (an infinitive, passive or not), not "where he will attend ..."."""
    if own.dep_ not in ("relcl", "acl") or own.head.pos_ not in ("NOUN", "PROPN"):
        return False
    infinitive = set(lex.syntax["infinitive"])
    aux = [c for c in own.children if c.dep_ == "aux"]
    if any(c.dep_ == "advmod" for c in own.children) or any(c.lower_ not in infinitive for c in aux):
        return False
    return own.tag_ in ("VBZ", "VBP", "VBD", "VBG", "VBN") or own.tag_ == "VB" and bool(aux)


def _occasion_pick(trig: Any, cands: list[Timex], parse: Any, lex: TimexLexicon) -> Timex | None:
    """A date in a clause describing a noun inside the event's clause: the window of the
    occasion ("meet on the margins of the assembly, which runs from September 13-16", "attend
    the summit to be held this month")."""
    targets = _clause(trig)
    for t in cands:
        root = token_at(parse, t.span)
        own = governing_verb(root.head) if root is not None and root.head.i != root.i else None
        if own is None or not _describes(own, lex):
            continue
        node = own.head
        for _ in range(8):  # up through prepositions and an object: "on the margins of the assembly"
            if node.i in targets:
                return t
            if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "compound", "appos", "dobj"):
                break
            node = node.head
    return None


def _dates_event(t: Timex, text: str, lex: TimexLexicon) -> bool:
    """Not "since 1898" (an anchor, not the event's time), not "the current chairman", not the
    date of a report ("said on Monday")."""
    if t.text.lower() in lex["undated_refs"]:
        return False
    before = text[max(0, t.span.start - 12):t.span.start].lower().split()
    return not (before and before[-1] in lex["anchor_preps"]) and not report_date(t, text, lex)


def _under_anchor(t: Timex, trig: Any, parse: Any, lex: TimexLexicon) -> bool:
    """The date sits in a "since" phrase the event is not in, however deep ("his first visit
    since taking office in April"): it dates the anchor, not the event ("since a meeting in
    Panama last month" dates that meeting)."""
    node = token_at(parse, t.span)
    for _ in range(8):
        if node is None or node.head.i == node.i or node.tag_ in _FINITE:
            return False
        node = node.head
        if node.lower_ in lex["anchor_preps"] and node.dep_ in ("prep", "mark"):
            return trig is None or not node.is_ancestor(trig)
    return False


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _in_sentence(ev: Event, timexes: tuple[Timex, ...], text: str, lex: TimexLexicon, parse: Any = None) -> list[Timex]:
    s = ev.sentence or ev.trigger
    if s is None:
        return []
    trig = token_at(parse, ev.trigger)
    return [t for t in timexes if s.start <= t.span.start and t.span.end <= s.end and _dates_event(t, text, lex)
            and not (parse is not None and _under_anchor(t, trig, parse, lex))]


def _nearest(ev: Event, cands: list[Timex]) -> Timex | None:
    if not cands or ev.trigger is None:
        return cands[0] if cands else None
    return min(cands, key=lambda t: (event_when(t).value is None, abs(t.span.start - ev.trigger.start)))


def _inside_visit(ev: Event, trig: Any, t: Timex, parse: Any, lex: TimexLexicon) -> bool:
    """A visit named by a noun framing another engagement's verb, which the date words modify
    ("met the president on Monday on his first trip abroad"): the day is the meeting's."""
    if ev.type != EventType.VISIT or trig is None or trig.pos_ not in ("NOUN", "PROPN"):
        return False
    root = token_at(parse, t.span)
    verb = governing_verb(root.head) if root is not None and root.head.i != root.i else None
    return verb is not None and verb.i != trig.i and verb.is_ancestor(trig) \
        and verb.lemma_.lower() not in lex["visit_verbs"]


def _visit_frame(when: When) -> When:
    if when.granularity not in (Granularity.DAY, Granularity.TIME) or not when.value:
        return when
    return When(when.value[:7], Granularity.MONTH, when.text, when.end_value)




_WAY = {Status.PLANNED: 1, Status.PROPOSED: 1, Status.OCCURRED: -1}


def _the_way_of(ev: Event, trig: Any, t: Timex, text: str, parse: Any, anchor: date | None,
                lex: TimexLexicon) -> Timex:
    """A date without its year in the event's own clause that the clause's tense left open (the
    nearest day or month), pointing the wrong way for the event's status, is turned: a meeting
    that took place "in February" is last February, one planned "on Monday" the coming Monday.
    A plan told in the past keeps its nearest day; a date of another clause is not turned."""
    way = _WAY.get(ev.status.coarse)
    value = t.value or ""
    root = token_at(parse, t.span)
    if way is None or anchor is None or not value[:4].isdigit() or root is None \
            or _path_to(root, _clause(trig)) is None or past_plan(t.span.start, t.span.end, parse, lex) \
            or direction(text, t.span.start, t.span.end, parse, lex) != 0:
        return t  # the tense decided, or the date is not of the event's own clause
    now = anchor.isoformat()[:len(value[:10])]
    if not (way < 0 and value[:10] > now or way > 0 and value[:10] < now):
        return t
    return turned(text, t, anchor, way, lex) or t


def clause_date(ev: Event, text: str, timexes: tuple[Timex, ...], parse: Any, published: date | None,
                lex: TimexLexicon, found: Sequence[Setter] = ()) -> When | None:
    """The date the event's own clause gives (steps 1-3 and the occasion), else None. ``found``:
    the dates the text sets (a dateline re-anchors the words after it)."""
    cands = _in_sentence(ev, timexes, text, lex, parse)
    trig = token_at(parse, ev.trigger)
    pick = _parsed_pick(trig, cands, parse, lex, _partner_end(ev, text)) if trig is not None \
        else _nearest(ev, cands)
    if pick is not None:
        if trig is not None:
            pick = _the_way_of(ev, trig, pick, text, parse, anchor_for(pick.span.start, found, published), lex)
        when = event_when(pick, published, ev.type)
        return _visit_frame(when) if _inside_visit(ev, trig, pick, parse, lex) else when
    occasion = _occasion_pick(trig, cands, parse, lex) if trig is not None else None
    if occasion is not None:
        return _visit_frame(event_when(occasion, published, ev.type))
    return None
