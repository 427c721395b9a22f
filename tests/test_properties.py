"""Property-based tests (hypothesis): the cleaning cascade's offsets and the date parser.

``make test`` runs a bounded number of examples (the ``ci`` profile); set
``HYPOTHESIS_PROFILE=long`` for a longer campaign (bench/faults.py reports one).
"""
from __future__ import annotations

import os
import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings, strategies as st

from sideline.records import Article, Document, Span
from sideline.stages.clean.stage import Clean
from sideline.stages.time.timexes import event_when, find_timexes

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CLEAN = Clean()

#: pieces scraped news is made of: words, entities, mojibake, markup, controls, other scripts
PIECES = st.sampled_from([
    "Lavrov", "met", "Blinken", "in", "Geneva", "the", "talks", ".", ",", " ", "  ", "\n", "\n\n", "\r\n",
    "&amp;", "&#039;", "&quot;", ",quot;", "&nbsp;", "&#8220;", "&#65;", "Ã©", "â€™", "â€œ", "Â", "Ã",
    "é", "¡", "Æ", "\x0b", "\x0c", "\t", "\u200b", "\u00a0", "\ufeff", "顯", "Москва", "اللجنة",
    "<b>", "</b>", "<p>", "**", "# ", "[link](https://x.org/a)", "Related article: x\n",
    "Photo: Reuters\n", "---\n", "Title: A\n", "theWhite", "Abuja.The", "- ", "«", "»", "’s",
])
RAW = st.one_of(st.lists(PIECES, max_size=40).map("".join),
                st.text(max_size=60),
                st.lists(st.one_of(PIECES, st.characters()), max_size=30).map("".join))


def _check_offsets(raw: str) -> None:
    cleaned = CLEAN.clean(raw)
    m, text = cleaned.offsets, cleaned.text
    assert m.length == len(text)
    last = 0
    for i, ch in enumerate(text):
        s, e = m.char(i)
        assert 0 <= s < e <= len(raw) or (s == e and not raw), (i, ch, s, e)
        assert s >= last, f"offsets go backwards at {i}"
        last = s
        if ch.isascii() and ch.isalnum():  # a letter or digit maps to a raw span holding it
            assert ch in raw[s:e] or "&" in raw[s:e], (raw, text, i, ch, raw[s:e])
    doc = Document(article=Article(id="p", text=raw), text=text, offsets=m)
    for a, b in ((0, len(text)), (0, len(text) // 2), (len(text) // 3, len(text))):
        ev = doc.evidence(Span(a, b))
        assert raw[ev.start:ev.end] == ev.text
        assert 0 <= ev.start <= ev.end <= len(raw)


@given(RAW)
@example("é¡ÆA\x0bé")  # item 15 of issue 12: found by fuzzing, "A" mapped back to "é"
@example("é¡ÆA\x0bé\x0b")
def test_cleaning_offsets_point_into_the_raw_text(raw):
    _check_offsets(raw)


EXPRESSIONS = st.sampled_from([
    "next week", "yesterday", "tomorrow", "on Monday", "next month", "in the third quarter",
    "this winter", "next year", "in two weeks", "three days ago", "the following day", "on May 5",
    "on 31 December", "in 1999", "in the 1990s", "at 3 p.m. GMT", "the same month a year ago",
    "in early March", "this weekend", "the previous year", "later this month", "on the 5th",
    "the 20th century", "from Monday to Wednesday", "in the coming days", "last spring", "Q4",
    "on Dec. 31", "on 29 February", "the past 12 months", "next Friday evening", "on 2024-02-29",
    "by the end of the year", "in late December", "earlier this week", "last night",
])
TIMEX = re.compile(r"(?:\d{4}(?:-(?:\d\d(?:-\d\d(?:T.*)?)?|W\d\d(?:-WE)?|Q[1-4]|SP|SU|FA|WI))?|\d\d\d?"
                   r"|P(?:T?\d+[A-Z])+|PRESENT_REF|PAST_REF|FUTURE_REF)")


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       st.lists(EXPRESSIONS, min_size=1, max_size=6))
@example(date(9999, 12, 31), ["next year", "next month", "tomorrow", "next week"])
@example(date(1, 1, 1), ["yesterday", "last year", "last week", "this winter"])
@example(date(999, 5, 3), ["next week", "next month", "in the third quarter"])
def test_the_date_parser_never_raises_and_gives_wellformed_values(anchor, phrases):
    text = "The ministers met. " + " ".join(f"They talked {p}." for p in phrases)
    for t in find_timexes(text, anchor):
        for value in (t.value, t.end_value):
            assert value is None or TIMEX.fullmatch(value), (anchor, t.text, value)
        when = event_when(t, anchor)
        assert when.value is None or TIMEX.fullmatch(when.value), (anchor, t.text, when.value)
