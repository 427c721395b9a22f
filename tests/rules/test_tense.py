"""Which way a bare weekday points (sideline.stages.time.tense) read from parses built by hand.

The sentences are chosen so that the parse and the word fallback disagree: the parse must be
what decides. Publication: Friday 27 September 2024.
"""
from __future__ import annotations

from datetime import date

from sideline.stages.time.timexes import find_timexes

from .parsed import parse

PUB = date(2024, 9, 27)
LAST_THURSDAY, NEXT_THURSDAY = "2024-09-26", "2024-10-03"

ARRIVED = parse("""
    0  The       _       DET    DT   1  det
    1  envoy     _       NOUN   NN   9  nsubj
    2  ,         _       PUNCT  ,    1  punct
    3  who       _       PRON   WP   5  nsubj
    4  will      _       AUX    MD   5  aux
    5  chair     _       VERB   VB   1  relcl
    6  the       _       DET    DT   7  det
    7  forum     _       NOUN   NN   5  dobj
    8  ,         _       PUNCT  ,    1  punct
    9  arrived   arrive  VERB   VBD  9  ROOT
    10 in        _       ADP    IN   9  prep
    11 Ankara    _       PROPN  NNP  10 pobj   B-GPE
    12 on        _       ADP    IN   9  prep
    13 Thursday  _       PROPN  NNP  12 pobj   B-DATE
    14 .         _       PUNCT  .    9  punct
""")


def value(doc, expression: str, parse_it: bool = True) -> str | None:
    found = {t.text: t.value for t in find_timexes(doc.text, PUB, doc if parse_it else None)}
    assert expression in found, found
    return found[expression]


def test_the_verb_governing_the_weekday_decides_not_a_future_word_before_it():
    assert value(ARRIVED, "Thursday") == LAST_THURSDAY
    assert value(ARRIVED, "Thursday", parse_it=False) == NEXT_THURSDAY  # "will" among the words before


def test_a_future_verb_points_ahead():
    doc = parse("""
        0  The       _       DET    DT   1  det
        1  envoy     _       NOUN   NN   3  nsubj
        2  will      _       AUX    MD   3  aux
        3  travel    _       VERB   VB   3  ROOT
        4  to        _       ADP    IN   3  prep
        5  Ankara    _       PROPN  NNP  4  pobj   B-GPE
        6  on        _       ADP    IN   3  prep
        7  Thursday  _       PROPN  NNP  6  pobj   B-DATE
        8  .         _       PUNCT  .    3  punct
    """)
    assert value(doc, "Thursday") == NEXT_THURSDAY


def test_ahead_of_a_meeting_points_ahead_in_a_past_sentence():
    doc = parse("""
        0  Ministers  minister  NOUN   NNS  1  nsubj
        1  discussed  discuss   VERB   VBD  1  ROOT
        2  trade      _         NOUN   NN   1  dobj
        3  ahead      _         ADV    RB   1  advmod
        4  of         _         ADP    IN   3  prep
        5  a          _         DET    DT   6  det
        6  meeting    _         NOUN   NN   4  pobj
        7  on         _         ADP    IN   6  prep
        8  Wednesday  _         PROPN  NNP  7  pobj   B-DATE
        9  .          _         PUNCT  .    1  punct
    """)
    assert value(doc, "Wednesday") == "2024-10-02"
    assert value(doc, "Wednesday", parse_it=False) == "2024-09-25"  # "discussed" among the words before


# -- a plan told in the past ("was to arrive on Sunday"): future in the past -------------------

WAS_TO = """
    0  The       _       DET    DT   1  det
    1  king      _       NOUN   NN   2  nsubj
    2  was       be      AUX    VBD  2  ROOT
    3  to        _       PART   TO   4  aux
    4  arrive    _       VERB   VB   2  xcomp
    5  in        _       ADP    IN   4  prep
    6  Lima      _       PROPN  NNP  5  pobj   B-GPE
    7  on        _       ADP    IN   4  prep
    8  Sunday    _       PROPN  NNP  7  pobj   B-DATE
    9  .         _       PUNCT  .    2  punct
"""


def _then(verb_rows: str) -> str:
    """A second sentence, "On Tuesday, <verb rows>", after WAS_TO."""
    return WAS_TO + """
    10 On        _       ADP    IN   14 prep
    11 Tuesday   _       PROPN  NNP  10 pobj   B-DATE
    12 ,         _       PUNCT  ,    14 punct
    13 he        _       PRON   PRP  14 nsubj
""" + verb_rows


def test_a_plan_told_in_the_past_is_not_resolved_backwards():
    """'was to arrive on Sunday' on a Friday: the coming Sunday (two days on), not last Sunday."""
    doc = parse(WAS_TO)
    assert value(doc, "Sunday") == "2024-09-29"
    assert value(doc, "Sunday", parse_it=False) == "2024-09-22"  # "was" among the words before


def test_the_steps_of_a_plan_told_in_the_past_go_forward():
    """'... on Sunday [the 29th]. On Tuesday, he was to meet ...': the Tuesday after, not the
    nearer one behind."""
    doc = parse(_then("""
    14 was       be      AUX    VBD  14 ROOT
    15 to        _       PART   TO   16 aux
    16 meet      _       VERB   VB   14 xcomp
    17 the       _       DET    DT   18 det
    18 president _       NOUN   NN   16 dobj
    19 .         _       PUNCT  .    14 punct
"""))
    assert value(doc, "Tuesday") == "2024-10-01"


def test_a_past_event_after_a_plan_stays_in_the_past():
    """'... on Sunday. On Tuesday, he met the president.': what happened is behind."""
    doc = parse(_then("""
    14 met       meet    VERB   VBD  14 ROOT
    15 the       _       DET    DT   16 det
    16 president _       NOUN   NN   14 dobj
    17 .         _       PUNCT  .    14 punct
"""))
    assert value(doc, "Tuesday") == "2024-09-24"
