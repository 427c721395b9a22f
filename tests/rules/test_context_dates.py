"""The date the context sets (step 4 of the time stage): a dateline dates what happened on the
day of writing, not what a clause puts ahead of it. Parses built by hand (no model). The
dateline names the publication day, Friday 27 September 2024.
"""
from __future__ import annotations

from datetime import date

from sideline.records import Event, EventType, Evidence, Span, Status
from sideline.stages.time.lexicon import timex_lexicon
from sideline.stages.time.stage import date_event
from sideline.stages.time.timexes import find_timexes, setters

from .parsed import parse

PUB = date(2024, 9, 27)

HEAD = """
    0  27         _       NUM    CD   1  nummod  B-DATE
    1  September  _       PROPN  NNP  1  ROOT    I-DATE
    2  2024       _       NUM    CD   1  nummod  I-DATE
    3  \\n        _       SPACE  _SP  1  dep
"""

WILL_RECEIVE = HEAD + """
    4  The        _       DET    DT   5  det
    5  president  _       NOUN   NN   7  nsubj
    6  will       _       AUX    MD   7  aux
    7  receive    _       VERB   VB   7  ROOT
    8  the        _       DET    DT   9  det
    9  minister   _       NOUN   NN   7  dobj
   10  in         _       ADP    IN   7  prep
   11  Nairobi    _       PROPN  NNP  10 pobj   B-GPE
   12  .          _       PUNCT  .    7  punct
"""

RECEIVED = HEAD + """
    4  The        _       DET    DT   5  det
    5  president  _       NOUN   NN   6  nsubj
    6  received   receive VERB   VBD  6  ROOT
    7  the        _       DET    DT   8  det
    8  minister   _       NOUN   NN   6  dobj
    9  in         _       ADP    IN   6  prep
   10  Nairobi    _       PROPN  NNP  9  pobj   B-GPE
   11  .          _       PUNCT  .    6  punct
"""

ACCEPTED = HEAD + """
    4  The        _       DET    DT   5  det
    5  president  _       NOUN   NN   6  nsubj
    6  accepted   accept  VERB   VBD  6  ROOT
    7  the        _       DET    DT   8  det
    8  invitation _       NOUN   NN   6  dobj
    9  to         _       PART   TO   10 aux
   10  address    _       VERB   VB   8  acl
   11  parliament _       NOUN   NN   10 dobj
   12  .          _       PUNCT  .    6  punct
"""


def dated(table: str, word: str, status: Status, kind: EventType = EventType.HOST) -> str | None:
    doc = parse(table)
    text = doc.text
    i = next(t.idx for t in doc if t.text == word)
    start = text.index("The")
    ev = Event(article="t", type=kind, status=status, actors=(), evidence=Evidence(text, start, len(text)),
               trigger=Span(i, i + len(word)), sentence=Span(start, len(text)))
    lex = timex_lexicon()
    timexes = tuple(find_timexes(text, PUB, doc))
    return date_event(ev, text, timexes, setters(text, timexes, lex), doc, PUB, lex).value


def test_the_dateline_dates_what_happened_on_the_day_of_writing():
    assert dated(RECEIVED, "received", Status.OCCURRED) == "2024-09-27"


def test_a_plan_told_in_the_future_under_a_dateline_is_not_dated_by_it():
    """'27 September 2024 / The president will receive the minister': later than the report."""
    assert dated(RECEIVED, "received", Status.OCCURRED) is not None
    assert dated(WILL_RECEIVE, "receive", Status.PLANNED) is None


def test_a_plan_told_in_the_past_keeps_the_dateline_day():
    """'accepted the invitation to address parliament': the address may be the day's own."""
    assert dated(ACCEPTED, "address", Status.PLANNED, EventType.OTHER_CONSULT) == "2024-09-27"
