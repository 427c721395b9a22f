"""An earlier engagement implied by "the first ... since <date>" or "the first ... in N years"
(sideline.stages.events.earlier): it occurred, dated by its anchor when that is a date, kept apart
from the engagement that tells it. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.earlier import earlier_anchor
from sideline.stages.events.words import Words

from .parsed import document, parse

FIRST_SINCE = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    2  held      hold     VERB   VBD  2  ROOT
    3  his       _        PRON   PRP$ 5  poss
    4  first     _        ADJ    JJ   5  amod     B-ORDINAL
    5  meeting   _        NOUN   NN   2  dobj
    6  with      _        ADP    IN   5  prep
    7  President _        PROPN  NNP  8  compound
    8  Otieno    _        PROPN  NNP  6  pobj     B-PERSON
    9  since     _        SCONJ  IN   5  prep
    10 March     _        PROPN  NNP  9  pobj     B-DATE
    11 2023      _        NUM    CD   10 nummod   I-DATE
    12 .         _        PUNCT  .    2  punct
"""


def anchor(table: str, word: str):
    doc = parse(table)
    tok = next(t for t in doc if t.text == word)
    found = earlier_anchor(tok, Words.load())
    return found.text if found is not None else None


def test_the_anchor_of_a_first_since_a_date():
    assert anchor(FIRST_SINCE, "meeting") == "March"
    clause = FIRST_SINCE.replace("10 March     _        PROPN  NNP  9  pobj     B-DATE", "10 talks     talk     NOUN   NNS  9  pobj") \
        .replace("11 2023      _        NUM    CD   10 nummod   I-DATE", "11 ended     end      VERB   VBD  10 acl")
    assert anchor(clause, "meeting") is None  # "since talks ended": no date, no earlier meeting told
    no_first = FIRST_SINCE.replace("4  first     _        ADJ    JJ   5  amod     B-ORDINAL", "4  long      _        ADJ    JJ   5  amod")
    assert anchor(no_first, "meeting") is None


def test_the_anchor_of_a_first_in_n_years():
    table = """
        0  It        _        PRON   PRP  1  nsubj
        1  was       be       AUX    VBD  1  ROOT
        2  their     _        PRON   PRP$ 4  poss
        3  first     _        ADJ    JJ   4  amod     B-ORDINAL
        4  summit    _        NOUN   NN   1  attr
        5  in        _        ADP    IN   4  prep
        6  five      _        NUM    CD   7  nummod   B-DATE
        7  years     year     NOUN   NNS  5  pobj     I-DATE
        8  .         _        PUNCT  .    1  punct
    """
    assert anchor(table, "summit") == "years"
    assert anchor(table.replace("5  in        _        ADP    IN   4  prep", "5  of        _        ADP    IN   4  prep"),
                  "summit") is None


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_the_earlier_meeting_is_a_claim_of_its_own(extract):
    meets = [e for e in extract(FIRST_SINCE).events if e.type is EventType.MEET]
    assert len(meets) == 2
    now, before = meets
    assert [a.name for a in before.actors] == [a.name for a in now.actors] == ["Mensah", "Otieno"]
    assert before.status is Status.OCCURRED and before.status_cue == "earlier"
    assert before.when is not None and before.when.text == "March 2023"


def test_the_earlier_meeting_takes_the_date_of_its_anchor(extract):
    from sideline.stages.time import Time

    dated = Time()(extract(FIRST_SINCE))
    before = [e for e in dated.events if e.status_cue == "earlier"]
    assert before and before[0].when.value == "2023-03"


def test_an_earlier_engagement_keeps_its_year():
    from sideline.records import Evidence, Event, EventType, Span, Status, When
    from sideline.stages.time.lexicon import timex_lexicon
    from sideline.stages.time.stage import _anchored
    from datetime import date

    def told(words: str) -> Event:
        return Event(article="t", type=EventType.VISIT, status=Status.OCCURRED, actors=(),
                     evidence=Evidence(text="", start=0, end=0), sentence=Span(0, 80), status_cue="earlier",
                     when=When(None, text=words))

    lex, pub = timex_lexicon(None), date(2018, 7, 14)
    assert _anchored(told("22 years"), (), pub, lex).when.value == "1996"
    assert _anchored(told("two decades"), (), pub, lex).when.value == "1998"
    assert _anchored(told("more than four years"), (), pub, lex).when.value is None  # a bound, not a date
    assert _anchored(told("22 years"), (), None, lex).when.value is None  # no article date to count from
