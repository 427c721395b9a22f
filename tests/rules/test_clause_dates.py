"""The event's own clause gives its date (sideline.stages.time.clause), read from parses built
by hand (no model), each written with the attachment a real parser gives it. Publication:
Friday 27 September 2024.
"""
from __future__ import annotations

from datetime import date

from sideline.records import Event, EventType, Evidence, Span, Status
from sideline.stages.time.clause import clause_date
from sideline.stages.time.lexicon import timex_lexicon
from sideline.stages.time.timexes import find_timexes

from .parsed import parse

PUB = date(2024, 9, 27)


def dated(table: str, word: str, kind: EventType = EventType.MEET, status: Status = Status.OCCURRED,
          parsed: bool = True) -> str | None:
    """The date the clause of the event triggered by ``word`` gives."""
    doc = parse(table, parsed)
    text = doc.text
    i = next(t.idx for t in doc if t.text == word)
    ev = Event(article="t", type=kind, status=status, actors=(), evidence=Evidence(text, 0, len(text)),
               trigger=Span(i, i + len(word)), sentence=Span(0, len(text)))
    timexes = tuple(find_timexes(text, PUB, doc))
    when = clause_date(ev, text, timexes, doc, PUB, timex_lexicon())
    return when.value if when is not None else None


# -- the date of the statement is not the date of the event ------------------------------------------

SAID_ON_MONDAY = """
    0  The        _       DET    DT   1  det
    1  chancellor _       NOUN   NN   2  nsubj
    2  said       say     VERB   VBD  2  ROOT
    3  on         _       ADP    IN   7  prep
    4  Monday     _       PROPN  NNP  3  pobj   B-DATE
    5  he         _       PRON   PRP  7  nsubj
    6  would      _       AUX    MD   7  aux
    7  visit      _       VERB   VB   2  ccomp
    8  Kenya      _       PROPN  NNP  7  dobj   B-GPE
    9  .          _       PUNCT  .    2  punct
"""

VISIT_ON_MONDAY = """
    0  The        _       DET    DT   1  det
    1  chancellor _       NOUN   NN   2  nsubj
    2  said       say     VERB   VBD  2  ROOT
    3  he         _       PRON   PRP  5  nsubj
    4  would      _       AUX    MD   5  aux
    5  visit      _       VERB   VB   2  ccomp
    6  Kenya      _       PROPN  NNP  5  dobj   B-GPE
    7  on         _       ADP    IN   5  prep
    8  Monday     _       PROPN  NNP  7  pobj   B-DATE
    9  .          _       PUNCT  .    2  punct
"""


def test_a_date_before_the_subject_of_the_reported_clause_dates_the_report():
    """'said on Monday he would visit Kenya': the parser hangs 'on Monday' on 'visit', but it
    stands before 'he': the day of the statement, not of the visit."""
    assert dated(SAID_ON_MONDAY, "visit", EventType.VISIT, Status.PLANNED) is None


def test_a_date_inside_the_reported_clause_dates_the_event():
    assert dated(VISIT_ON_MONDAY, "visit", EventType.VISIT, Status.PLANNED) == "2024-09-30"


ANNOUNCED = """
    0  The        _       DET    DT   1  det
    1  meeting    _       NOUN   NN   8  nsubj
    2  ,          _       PUNCT  ,    1  punct
    3  announced  announce VERB  VBN  1  acl
    4  on         _       ADP    IN   3  prep
    5  Tuesday    _       PROPN  NNP  4  pobj   B-DATE
    6  ,          _       PUNCT  ,    1  punct
    7  will       _       AUX    MD   8  aux
    8  take       _       VERB   VB   8  ROOT
    9  place      _       NOUN   NN   8  dobj
    10 in         _       ADP    IN   8  prep
    11 Doha       _       PROPN  NNP  10 pobj   B-GPE
    12 next       _       ADJ    JJ   13 amod   B-DATE
    13 month      _       NOUN   NN   8  npadvmod I-DATE
    14 .          _       PUNCT  .    8  punct
"""


def test_a_date_after_a_reporting_verb_is_no_candidate_even_unparsed():
    """'The meeting, announced on Tuesday, will take place in Doha next month': without a parse
    the nearest date would be Tuesday, the day of the announcement."""
    assert dated(ANNOUNCED, "meeting", status=Status.PLANNED, parsed=False) == "2024-10"
    assert dated(ANNOUNCED, "meeting", status=Status.PLANNED) == "2024-10"


# -- a date of the governing clause does not cross a report or a clause of sequence ------------------

A_DAY_AFTER = """
    0  The        _       DET    DT   1  det
    1  minister   _       NOUN   NN   2  nsubj
    2  met        meet    VERB   VBD  2  ROOT
    3  the        _       DET    DT   4  det
    4  envoy      _       NOUN   NN   2  dobj
    5  on         _       ADP    IN   2  prep
    6  Friday     _       PROPN  NNP  5  pobj   B-DATE
    7  ,          _       PUNCT  ,    2  punct
    8  a          _       DET    DT   9  det
    9  day        _       NOUN   NN   12 npadvmod
    10 after      _       SCONJ  IN   12 mark
    11 Beijing    _       PROPN  NNP  12 nsubj  B-GPE
    12 said       say     VERB   VBD  2  advcl
    13 no         _       DET    DT   14 det
    14 meeting    _       NOUN   NN   16 nsubjpass
    15 was        be      AUX    VBD  16 auxpass
    16 planned    plan    VERB   VBN  12 ccomp
    17 .          _       PUNCT  .    2  punct
"""


def test_the_date_of_the_main_clause_does_not_reach_across_a_clause_of_sequence():
    """'met the envoy on Friday, a day after Beijing said no meeting was planned': Friday is the
    day of the meeting that took place, not of the one ruled out the day before."""
    assert dated(A_DAY_AFTER, "met") == "2024-09-27"
    assert dated(A_DAY_AFTER, "meeting", status=Status.RULED_OUT) is None


OPENING_DATE = """
    0  On         _       ADP    IN   4  prep
    1  Monday     _       PROPN  NNP  0  pobj   B-DATE
    2  ,          _       PUNCT  ,    4  punct
    3  ministers  minister NOUN  NNS  4  nsubj
    4  gathered   gather  VERB   VBD  4  ROOT
    5  in         _       ADP    IN   4  prep
    6  Oslo       _       PROPN  NNP  5  pobj   B-GPE
    7  and        _       CCONJ  CC   4  cc
    8  held       hold    VERB   VBD  4  conj
    9  talks      talk    NOUN   NNS  8  dobj
    10 .          _       PUNCT  .    4  punct
"""


def test_an_opening_date_still_dates_the_clause_it_governs():
    """The same tier left alone: 'On Monday, ministers gathered in Oslo and held talks'."""
    assert dated(OPENING_DATE, "talks") == "2024-09-23"


# -- the occasion's own time ----------------------------------------------------------------------

def _attend(clause_rows: str) -> str:
    """"The president will attend the summit <clause>." (the summit is token 5)."""
    return """
    0  The        _       DET    DT   1  det
    1  president  _       NOUN   NN   3  nsubj
    2  will       _       AUX    MD   3  aux
    3  attend     _       VERB   VB   3  ROOT
    4  the        _       DET    DT   5  det
    5  summit     _       NOUN   NN   3  dobj
""" + clause_rows


def test_an_infinitive_describing_the_occasion_gives_its_window():
    """'will attend the summit to be held this month': the summit's time is the attendance's."""
    doc = _attend("""
    6  to         _       PART   TO   8  aux
    7  be         _       AUX    VB   8  auxpass
    8  held       hold    VERB   VBN  5  acl
    9  this       _       DET    DT   10 det    B-DATE
    10 month      _       NOUN   NN   8  npadvmod I-DATE
    11 .          _       PUNCT  .    3  punct
""")
    assert dated(doc, "attend", status=Status.PLANNED) == "2024-09"


def test_a_clause_of_its_own_on_the_occasion_does_not():
    """'will attend the summit, where he will meet the king next month': the meeting's time."""
    doc = _attend("""
    6  ,          _       PUNCT  ,    5  punct
    7  where      _       SCONJ  WRB  10 advmod
    8  he         _       PRON   PRP  10 nsubj
    9  will       _       AUX    MD   10 aux
    10 meet       _       VERB   VB   5  relcl
    11 the        _       DET    DT   12 det
    12 king       _       NOUN   NN   10 dobj
    13 next       _       ADJ    JJ   14 amod   B-DATE
    14 month      _       NOUN   NN   10 npadvmod I-DATE
    15 .          _       PUNCT  .    3  punct
""")
    assert dated(doc, "attend", status=Status.PLANNED) is None


# -- the event's status turns a date its clause left open ------------------------------------------

MEETING_IN_FEBRUARY = """
    0  Meeting    meet    VERB   VBG  8  advcl
    1  the        _       DET    DT   2  det
    2  king       _       NOUN   NN   0  dobj
    3  in         _       ADP    IN   0  prep
    4  February   _       PROPN  NNP  3  pobj   B-DATE
    5  ,          _       PUNCT  ,    8  punct
    6  the        _       DET    DT   7  det
    7  minister   _       NOUN   NN   8  nsubj
    8  discussed  discuss VERB   VBD  8  ROOT
    9  trade      _       NOUN   NN   8  dobj
    10 .          _       PUNCT  .    8  punct
"""


def test_a_meeting_that_took_place_in_february_is_last_february():
    """A participle leaves the month open: the nearest February is the coming one, but a
    meeting that took place is behind; one still planned keeps the coming one."""
    assert dated(MEETING_IN_FEBRUARY, "Meeting") == "2024-02"
    assert dated(MEETING_IN_FEBRUARY, "Meeting", status=Status.PLANNED) == "2025-02"
    assert dated(MEETING_IN_FEBRUARY, "Meeting", status=Status.UNCERTAIN) == "2025-02"


def test_a_date_the_tense_decided_is_not_turned():
    """'he would visit Kenya on Monday' points ahead, whatever status the event was given."""
    assert dated(VISIT_ON_MONDAY, "visit", EventType.VISIT, Status.OCCURRED) == "2024-09-30"


# -- a phrase of sequence: the other engagement's day, moved by the span it gives ---------------------

SPAN_AFTER_TALKS = """
    0  The        _       DET    DT   1  det
    1  premier    _       NOUN   NN   2  nsubj
    2  met        meet    VERB   VBD  2  ROOT
    3  the        _       DET    DT   4  det
    4  king       _       NOUN   NN   2  dobj
    5  ,          _       PUNCT  ,    2  punct
    6  {count}    _       {cpos}  {ctag}   7  {cdep}
    7  {unit}     _       NOUN   NN   8  npadvmod
    8  after      _       ADP    IN   2  prep
    9  talks      talk    NOUN   NNS  8  pobj
    10 in         _       ADP    IN   9  prep
    11 Oslo       _       PROPN  NNP  10 pobj   B-GPE
    12 on         _       ADP    IN   9  prep
    13 Wednesday  _       PROPN  NNP  12 pobj   B-DATE
    14 .          _       PUNCT  .    2  punct
"""


def test_a_day_after_talks_on_wednesday_is_thursday():
    table = SPAN_AFTER_TALKS.format(count="a", cpos="DET", ctag="DT", cdep="det", unit="day")
    assert dated(table, "talks") == "2024-09-25"  # the talks keep their own Wednesday
    assert dated(table, "met") == "2024-09-26"


def test_two_days_after_and_a_span_in_weeks():
    two = SPAN_AFTER_TALKS.format(count="two", cpos="NUM", ctag="CD", cdep="nummod", unit="days")
    week = SPAN_AFTER_TALKS.format(count="a", cpos="DET", ctag="DT", cdep="det", unit="week")
    assert dated(two, "met") == "2024-09-27"
    assert dated(week, "met") == "2024-10-02"


# -- a date of the report, not of the event it reports ("the meeting was announced on Tuesday") ------

MEETING_ANNOUNCED = """
    0  The        _        DET    DT   1  det
    1  meeting    _        NOUN   NN   3  nsubjpass
    2  was        be       AUX    VBD  3  auxpass
    3  {verb}     {lemma}  VERB   VBN  3  ROOT
    4  by         _        ADP    IN   3  agent
    5  the        _        DET    DT   6  det
    6  ministry   _        NOUN   NN   4  pobj
    7  on         _        ADP    IN   3  prep
    8  Tuesday    _        PROPN  NNP  7  pobj   B-DATE
    9  .          _        PUNCT  .    3  punct
"""


def test_the_day_a_meeting_was_announced_is_not_the_meetings():
    assert dated(MEETING_ANNOUNCED.format(verb="announced", lemma="announce"), "meeting", status=Status.PLANNED) is None
    held = MEETING_ANNOUNCED.format(verb="held", lemma="hold")  # "the meeting was held by the ministry on Tuesday": its own day
    assert dated(held, "meeting") == "2024-09-24"


# -- a date in a "since" phrase dates its anchor ------------------------------------------------------

SINCE_TAKING_OFFICE = """
    0  Faye       _        PROPN  NNP  2  nsubj  B-PERSON
    1  will       _        AUX    MD   2  aux
    2  make       _        VERB   VB   2  ROOT
    3  his        _        PRON   PRP$ 5  poss
    4  first      _        ADJ    JJ   5  amod
    5  visit      _        NOUN   NN   2  dobj
    6  to         _        ADP    IN   5  prep
    7  Abuja      _        PROPN  NNP  6  pobj   B-GPE
    8  since      _        SCONJ  IN   5  prep
    9  taking     take     VERB   VBG  8  pcomp
    10 office     _        NOUN   NN   9  dobj
    11 in         _        ADP    IN   9  prep
    12 April      _        PROPN  NNP  11 pobj   B-DATE
    13 .          _        PUNCT  .    2  punct
"""

SINCE_A_MEETING = """
    0  Ties       tie      NOUN   NNS  1  nsubj
    1  improved   improve  VERB   VBD  1  ROOT
    2  since      _        SCONJ  IN   1  prep
    3  a          _        DET    DT   4  det
    4  meeting    _        NOUN   NN   2  pobj
    5  in         _        ADP    IN   4  prep
    6  Panama     _        PROPN  NNP  5  pobj   B-GPE
    7  in         _        ADP    IN   4  prep
    8  April      _        PROPN  NNP  7  pobj   B-DATE
    9  .          _        PUNCT  .    1  punct
"""


def test_a_date_in_a_since_phrase_dates_its_anchor_not_the_event():
    assert dated(SINCE_TAKING_OFFICE, "visit", EventType.VISIT, Status.PLANNED) is None
    assert dated(SINCE_A_MEETING, "meeting") == "2024-04"  # the event inside the since phrase keeps it
