"""The fate of an offer is the fate of the engagement offered: "X's request for a meeting with Y
was refused", "requested a meeting with Y but was turned down" rule the meeting out; the maker
of the request takes part. Parses built by hand; each rule shown firing and not firing."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.arguments import roles
from sideline.stages.events.status import StatusReader

from .parsed import document, parse, trigger

REQUEST_REFUSED = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  3  poss     B-PERSON
    2  's        _        PART   POS  1  case
    3  request   _        NOUN   NN   11 nsubjpass
    4  for       _        ADP    IN   3  prep
    5  a         _        DET    DT   6  det
    6  meeting   _        NOUN   NN   4  pobj
    7  with      _        ADP    IN   6  prep
    8  President _        PROPN  NNP  9  compound
    9  Otieno    _        PROPN  NNP  7  pobj     B-PERSON
    10 was       be       AUX    VBD  11 auxpass
    11 refused   refuse   VERB   VBN  11 ROOT
    12 .         _        PUNCT  .    11 punct
"""

TURNED_DOWN = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    2  requested request  VERB   VBD  2  ROOT
    3  a         _        DET    DT   4  det
    4  meeting   _        NOUN   NN   2  dobj
    5  with      _        ADP    IN   4  prep
    6  President _        PROPN  NNP  7  compound
    7  Otieno    _        PROPN  NNP  5  pobj     B-PERSON
    8  but       _        CCONJ  CC   2  cc
    9  was       be       AUX    VBD  10 auxpass
    10 turned    turn     VERB   VBN  2  conj
    11 down      _        ADP    RP   10 prt
    12 .         _        PUNCT  .    2  punct
"""


def status(table: str, word: str) -> Status:
    return StatusReader().assess(trigger(parse(table), word))[0]


def test_a_refused_request_rules_the_meeting_out():
    assert status(REQUEST_REFUSED, "meeting") is Status.RULED_OUT
    granted = REQUEST_REFUSED.replace("refused   refuse ", "made      make   ")
    assert status(granted, "meeting") is Status.PROPOSED  # a request made: still an offer


def test_a_request_turned_down_rules_the_meeting_out():
    assert status(TURNED_DOWN, "meeting") is Status.RULED_OUT
    own_subject = TURNED_DOWN.replace("8  but       _        CCONJ  CC   2  cc",
                                      "8  Otieno    _        PROPN  NNP  10 nsubj    B-PERSON") \
        .replace("9  was       be       AUX    VBD  10 auxpass", "9  has       have     AUX    VBZ  10 aux") \
        .replace("10 turned    turn     VERB   VBN  2  conj", "10 turned    turn     VERB   VBN  2  conj")
    assert status(own_subject, "meeting") is Status.PROPOSED  # another clause with a subject of its own


def test_the_maker_of_a_request_takes_part():
    r = roles(trigger(parse(REQUEST_REFUSED), "meeting"))
    assert ([t.text for t in r.agents], [t.text for t in r.others]) == (["Mensah"], ["Otieno"])
    no_partner = REQUEST_REFUSED.replace("7  with      _        ADP    IN   6  prep", "7  in        _        ADP    IN   6  prep") \
        .replace("9  Otieno    _        PROPN  NNP  7  pobj     B-PERSON", "9  Accra     _        PROPN  NNP  7  pobj     B-GPE")
    assert roles(trigger(parse(no_partner), "meeting")).agents == ()  # nobody to meet: no maker taken


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_the_refused_request_is_a_meeting_ruled_out(extract):
    evs = [e for e in extract(REQUEST_REFUSED).events if e.type is EventType.MEET]
    assert len(evs) == 1
    assert [a.name for a in evs[0].actors] == ["Mensah", "Otieno"] and evs[0].status is Status.RULED_OUT
