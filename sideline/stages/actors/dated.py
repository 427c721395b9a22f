"""The period a title-only mention speaks of, when its own clause states one.

"In March 1994 the then prime minister flew to Accra for talks with his counterpart": the
counterpart is whoever held the office in March 1994, not the holder at the article's date. The
actors stage runs before the time stage, so this is a cheap reading of the clause alone: an
explicit year, with the month written before it.

Cascade of :func:`clause_window` for the head token of a title phrase:

1. The years of its sentence: a four-digit number from 1950 to 2039 that the recogniser
   marks as a date, or that follows a month name or a time preposition ("in", "since", ...).
2. A year counts only when the word it hangs on (its nearest verb, else the sentence root)
   is the title's own verb or one above it: a year in a relative clause ("who took office in
   2011") or in a neighbouring clause says nothing about the title.
3. A month name just before the year ("March 1994", "4 March 1994", "March 4, 1994") narrows
   the period to that month; else it is the whole year.
4. Two different periods in the clause: none (the clause tells two times).

>>> clause_window(None, None) is None
True
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

__all__ = ["clause_window", "stated_years", "Window", "Period"]

#: (first day, last day) of the period a clause states
Window = tuple[date, date]

_VERBS = ("VERB", "AUX")


def _year(tok: Any, month: Callable[[str], int | None], preps: frozenset[str]) -> int | None:
    if not (tok.text.isdigit() and len(tok.text) == 4 and 1950 <= int(tok.text) <= 2039):
        return None
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if tok.ent_type_ == "DATE" or prev is not None and (prev.lower_ in preps or month(prev.text) or prev.text == ","):
        return int(tok.text)
    return None


def _month_before(tok: Any, month: Callable[[str], int | None]) -> int | None:
    """"March 1994", "4 March 1994", "March 4, 1994": the month just before the year."""
    for back in range(1, 4):
        if tok.i - back < tok.sent.start:
            return None
        prev = tok.doc[tok.i - back]
        found = month(prev.text)
        if found:
            return found
        if not (prev.like_num or prev.text == ","):
            return None
    return None


def _anchor(tok: Any) -> Any:
    """The nearest verb above a token (itself when it is one), else its sentence root."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in _VERBS or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _governs(verb: Any, tok: Any) -> bool:
    cur = tok
    for _ in range(20):
        if cur.i == verb.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def clause_window(tok: Any, month: Callable[[str], int | None] | None,
                  preps: frozenset[str] = frozenset()) -> Window | None:
    """Step 1-4 of the module cascade: the period the clause of ``tok`` states, else None.
    ``month``: a month name -> its number (None when not a month); ``preps``: the words
    after which a four-digit number is a year (syntax.json ``year_preps``)."""
    if tok is None or month is None or not tok.doc.has_annotation("DEP"):
        return None
    found: set[Window] = set()
    for t in tok.sent:
        y = _year(t, month, preps)
        if y is None or not _governs(_anchor(t), tok):
            continue
        m = _month_before(t, month)
        if m:
            found.add((date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])))
        else:
            found.add((date(y, 1, 1), date(y, 12, 31)))
    return found.pop() if len(found) == 1 else None


def stated_years(doc: Any, month: Callable[[str], int | None], preps: frozenset[str]) -> tuple[int, ...]:
    """Every year the text states (step 1 of the cascade, over the whole document), sorted."""
    return tuple(sorted({y for t in doc if (y := _year(t, month, preps)) is not None}))


def held_in(person: Any, window: Window) -> bool:
    """The person held an office at some point of the window (either end)."""
    return any(o.active(d) for o in person.offices for d in window)


def holder_in(lookup: Callable[[date], Any], window: Window) -> Any:
    """The one holder ``lookup(day)`` gives at both ends of the window, else None (the office
    changed hands inside it, or nobody is known)."""
    first, last = lookup(window[0]), lookup(window[1])
    return first if first is not None and first is last else None


@dataclass
class Period:
    """The date the office lookups of one document's resolver are made at: the article's
    (``on``; ``dated``: a date the article gives, not one estimated from the people it names),
    or, while a title-only mention is read, the period its clause states (``window``)."""

    on: date | None
    dated: bool = True
    window: Window | None = None

    def enter(self, c: Any, window: Window | None) -> Any:
        """Read mention ``c`` in ``window`` when the article's date lies outside it (only a title
        is dated so); there "the then president" is that period's president, not a former one."""
        inside = window is not None and self.dated and self.on is not None and window[0] <= self.on <= window[1]
        self.window = None if inside or c.label != "TITLE" else window
        if self.window is not None and c.title is not None and c.title.then:
            c = replace(c, title=replace(c.title, former=False))
        return c

    def active(self, office: Any) -> bool:
        """In office at the period the clause states, else at the article's date (any date for
        an undated article)."""
        if self.window is not None:
            return any(office.active(d) for d in self.window)
        return not self.dated or office.active(self.on)

    def fits(self, ent: Any) -> bool:
        """A known person named earlier fits a title of a dated clause only if in office then."""
        return self.window is None or ent.person is None or held_in(ent.person, self.window)

    def at(self, lookup: Callable[[date], Any]) -> Any:
        """``lookup(day)`` at the article's date, or over the clause's period when it states one."""
        return lookup(self.on) if self.window is None else holder_in(lookup, self.window)

    def holder(self, kb: Any, role: str, where: str) -> Any:
        """The knowledge's one holder of ``role`` at ``where`` at this date or period."""
        return self.at(lambda d: kb.holder(role, where, d))
