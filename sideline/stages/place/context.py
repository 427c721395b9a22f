"""Context for the place stage: place expressions, datelines, and the place that nearby
context sets for an event whose own sentence gives none (step 5 of the cascade in
:mod:`sideline.stages.place.stage`), and the refinement of a bare country to a city.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .roles import Cues, role
from ...knowledge.gazetteer import Gazetteer, norm_key
from ...records import Document, Event, Span, Where

__all__ = ["Found", "Context", "dateline", "event_start", "within"]

_DATELINE = re.compile(
    r"^\s*(?:date \d{4}-\d\d-\d\d\s+)?(?P<p>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){0,4}?)"
    r"(?P<x>\s*[\[(][^\])\n]{1,30}[\])])?\s*(?P<sep>,|:|—|–|-{1,2})")
_BYLINE = re.compile(r"\d.*(?:\s[-–—|]|,)\s*(?P<p>[^\W\d_][^\W\d_ .'’-]+(?:[ .'’-]+[^\W\d_]+){0,3})\s*$")


@dataclass(frozen=True)
class Found:
    """A place expression with its geocoded place and what it is (gpe, loc, fac, venue, occasion)."""

    start: int
    end: int
    text: str
    where: Where
    kind: str
    country_level: bool = False

    @property
    def named(self) -> bool:
        return bool(self.where.name)


def dateline(text: str, gaz: Gazetteer) -> tuple[Where, int] | None:
    """The place of a dateline at the start of one of the first lines ('NEW YORK, Sept 26 -'),
    or at the end of a dated byline line ('June 19, 2012 07:07 pm IST - Los Cabos'), and
    where the line starts."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:6]
    for at, ln in lines:
        m = _DATELINE.match(ln)
        p = m.group("p").strip() if m else None
        if m and not _dateline_ok(m, p, ln[m.end():]):
            p = None
        if p is None:
            m2 = _BYLINE.search(ln)
            p = m2.group("p").strip() if m2 else None
        if p and p[0].isupper():
            w = gaz.geocode(p.title() if p.isupper() else p, place_context=True)
            if w is not None and w.name:
                return w, at
    return None


def _dateline_ok(m: re.Match, p: str, rest: str) -> bool:
    caps = p.upper() == p and len(p) > 2
    dated = bool(m.group("x")) or re.match(r"\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\d)", rest) is not None
    return caps or dated or (m.group("sep") == ":" and len(rest) > 80)


def event_start(ev: Event) -> int:
    return (ev.trigger or ev.sentence or Span(0, 0)).start


def within(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether [start, end) lies in a parsed sentence (``spans``: :func:`parsed_spans`)."""
    return any(s <= start and end <= e for s, e in spans)


class Context:
    """Step 5: the place nearby context sets, and the refinement of a bare country."""

    def __init__(self, doc: Document, dateline: tuple[Where, int] | None, found: list[Found], gaz: Gazetteer,
                 cue: Cues, spans: tuple[tuple[int, int], ...]) -> None:
        self.text = doc.text
        self.published = doc.published or doc.article.published
        self.dateline, at = dateline or (None, 0)
        # the dateline's place is where the events of its own and the next paragraph are
        lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", self.text[at:])][:2]
        self.dateline_scope = at + lines[-1] if dateline and lines else 0
        self.gaz = gaz
        # the headline and lead: an event there with no place before it takes the story's first one
        self.lead_end = ([m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", self.text)][:3] or [0])[-1]
        self.sents = [(s.start_char, s.end_char) for s in doc.parse.sents]
        self.locatives: list[Found] = []  # every named place in a locative role
        self.occasions: list[Found] = []  # every occasion held at a fixed city
        for f in found:
            if f.named and f.kind == "occasion":
                self.occasions.append(f)
            elif f.named:
                r = role(doc.parse, f.start, f.end, None, cue, within(f.start, f.end, spans))
                if r.prep in cue.locative or r.prep.startswith("visit-") or r.prep == "host":
                    self.locatives.append(f)

    def _paragraph(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def fill(self, ev: Event, partial: Where | None, located: list[tuple[Event, Where]]) -> Where | None:
        """In order: the place of an earlier located event of the same paragraph, a place stated
        earlier in the paragraph, the dateline, the place a visit of the article goes to, the
        last located event before it, the last place stated before it."""
        located = [(e, w) for e, w in located if _same_time(e, ev) and _share_actor(e, ev)]
        pos = event_start(ev)
        if self._past(ev):  # a background event ("last met in 2019") does not share the story's place,
            lo, hi = self._neighbours(pos, 0)  # only that of its own sentence ("held talks in Moscow
            told = [w for e, w in located if lo <= event_start(e) < hi]  # last January in a meeting ...")
            return partial if partial is not None or not told else replace(told[0], text=None)
        p0, _ = self._paragraph(pos)
        same = [w for e, w in located if p0 <= event_start(e) < pos]
        stated = [f.where for f in self.locatives if f.start < pos]
        stated_here = [f.where for f in self.locatives if p0 <= f.start < pos]
        visits = [w for e, w in located if e.type.value == "visit" and e.status.value == "occurred"]
        before = [w for e, w in located if event_start(e) < pos]
        after = [w for e, w in located if event_start(e) > pos][:1] if pos < self.lead_end else []
        for cands in (same, stated_here, [self.dateline] if self.dateline else [], visits[:1], before, stated,
                      after):
            if cands:
                w = replace(cands[-1], text=None)
                break
        else:
            return partial
        if partial is not None:
            w = replace(w, venue=partial.venue or w.venue, occasion=partial.occasion or w.occasion,
                        text=partial.text)
        return w

    def _past(self, ev: Event) -> bool:
        """The event is dated before the month before publication (background, not the story)."""
        m = _month(ev.when.value if ev.when else None)
        pub = self.published
        return m is not None and pub is not None and m < pub.year * 12 + pub.month - 2

    def refine(self, ev: Event, w: Where | None) -> Where | None:
        """A bare country becomes a city of it that the dateline gives (for the dateline's
        paragraph and the next), that a sentence next to the event's states in a locative role
        ("visit to the DRC ... due to travel to Kinshasa"), or, for a visit of the story, the
        one city of it that the article states in a locative role ("I will travel to Poland
        ... in Warsaw I will meet")."""
        if w is None or not w.name or w.name != self.gaz.country_name(w.country):
            return w
        pos = event_start(ev)
        if self.dateline is not None and self.dateline.country == w.country and pos < self.dateline_scope:
            return replace(self.dateline, venue=w.venue, occasion=w.occasion, text=w.text)
        lo, hi = self._neighbours(pos)
        cities = [f for f in self.locatives + self.occasions
                  if not f.country_level and f.where.country == w.country]
        cities.sort(key=lambda f: f.start)
        near = [f for f in cities if lo <= f.start < hi]
        if not near and ev.type.value == "visit" and not self._past(ev):
            near = cities if len({f.where.name for f in cities}) == 1 else []
        if near:
            f = near[0]
            return replace(f.where, venue=f.where.venue or w.venue, occasion=w.occasion, text=w.text)
        return w

    def _neighbours(self, pos: int, around: int = 1) -> tuple[int, int]:
        """From the start of the sentence ``around`` before ``pos`` to the end of the one as far after it."""
        k = next((n for n, (a, b) in enumerate(self.sents) if a <= pos < b), None)
        if k is None:
            return pos, pos
        return self.sents[max(0, k - around)][0], self.sents[min(len(self.sents) - 1, k + around)][1]


def _month(value: str | None) -> int | None:
    """A TIMEX value's month as year * 12 + month (a year alone: its last month)."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?!\d)|-W|-[A-Z]|$)?", value or "")
    if not m:
        return None
    return int(m.group(1)) * 12 + (int(m.group(2)) if m.group(2) else 12)


def _same_time(a: Event, b: Event) -> bool:
    """Two events may share a place unless their dates are months apart."""
    ma, mb = (_month(e.when.value if e.when else None) for e in (a, b))
    return ma is None or mb is None or abs(ma - mb) <= 1


def _share_actor(a: Event, b: Event) -> bool:
    """Two events may share a place when they share a participant (or one names none)."""
    def names(e: Event) -> set[str]:
        return {n.split()[-1] for x in e.actors for n in (norm_key(x.name),) if n}
    na, nb = names(a), names(b)
    return not na or not nb or bool(na & nb)
