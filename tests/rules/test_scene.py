"""A trigger noun that sets the scene of a clause (sideline.stages.events.scene): the clause's
subject and partner take part ("In a phone call, X told Y"). Parses built by hand; each rule
is shown firing and not firing."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.arguments import roles

from .parsed import document, parse, trigger

CALL_TOLD = """
    0  In        _      ADP    IN   6  prep
    1  a         _      DET    DT   3  det
    2  phone     _      NOUN   NN   3  compound
    3  call      _      NOUN   NN   0  pobj
    4  ,         _      PUNCT  ,    6  punct
    5  Ruto      _      PROPN  NNP  6  nsubj   B-PERSON
    6  told      tell   VERB   VBD  6  ROOT
    7  Abiy      _      PROPN  NNP  6  dative  B-PERSON
    8  that      _      SCONJ  IN   11 mark
    9  talks     talk   NOUN   NNS  11 nsubj
    10 would     _      AUX    MD   11 aux
    11 resume    _      VERB   VB   6  ccomp
    12 .         _      PUNCT  .    6  punct
"""

ASKED_DURING = """
    0  Ruto      _      PROPN  NNP  1  nsubj   B-PERSON
    1  asked     ask    VERB   VBD  1  ROOT
    2  Abiy      _      PROPN  NNP  1  dobj    B-PERSON
    3  ,         _      PUNCT  ,    1  punct
    4  during    _      ADP    IN   1  prep
    5  a         _      DET    DT   6  det
    6  meeting   _      NOUN   NN   4  pobj
    7  on        _      ADP    IN   6  prep
    8  Monday    _      PROPN  NNP  7  pobj    B-DATE
    9  ,         _      PUNCT  ,    1  punct
    10 to        _      PART   TO   11 aux
    11 reopen    _      VERB   VB   1  xcomp
    12 the       _      DET    DT   13 det
    13 border    _      NOUN   NN   11 dobj
    14 .         _      PUNCT  .    1  punct
"""


def read(table: str, word: str) -> tuple[list[str], list[str]]:
    r = roles(trigger(parse(table), word))
    return [t.text for t in r.agents], [t.text for t in r.others]


def test_a_call_that_sets_the_scene_takes_the_speaker_and_the_one_told():
    assert read(CALL_TOLD, "call") == (["Ruto"], ["Abiy"])
    told_reporters = CALL_TOLD.replace("Abiy      _      PROPN  NNP  6  dative  B-PERSON",
                                       "reporters reporter NOUN NNS  6  dative")
    assert read(told_reporters, "call")[1] == []  # the press is no partner


def test_a_meeting_during_which_one_asked_another_is_theirs():
    assert read(ASKED_DURING, "meeting") == (["Ruto"], ["Abiy"])
    asked_kenya = ASKED_DURING.replace("Abiy      _      PROPN  NNP  1  dobj    B-PERSON",
                                       "Kenya     _      PROPN  NNP  1  dobj    B-GPE")
    assert read(asked_kenya, "meeting") == ([], [])  # a country asked: no person met
    criticised = ASKED_DURING.replace("asked     ask  ", "faulted   fault")
    assert read(criticised, "meeting") == ([], [])  # spoken of, not addressed: maybe not there


def test_a_phrase_of_sequence_needs_the_possessive():
    table = """
        0  Ruto      _       PROPN  NNP  1  nsubj  B-PERSON
        1  thanked   thank   VERB   VBD  1  ROOT
        2  Abiy      _       PROPN  NNP  1  dobj   B-PERSON
        3  after     _       ADP    IN   1  prep
        4  their     _       PRON   PRP$ 5  poss
        5  talks     talk    NOUN   NNS  3  pobj
        6  .         _       PUNCT  .    1  punct
    """
    assert read(table, "talks") == (["Ruto"], ["Abiy"])
    ahead = table.replace("their     _       PRON   PRP$ 5  poss", "the       _       DET    DT   5  det")
    assert read(ahead, "talks") == ([], [])  # thanked after some talks: not said to be theirs


def test_a_caption_verb_read_as_a_noun_still_sets_the_clause():
    table = """
        0  Ruto      _       PROPN  NNP  4  nsubj  B-PERSON
        1  ,         _       PUNCT  ,    4  punct
        2  right     _       INTJ   UH   4  intj
        3  ,         _       PUNCT  ,    4  punct
        4  talks     talk    NOUN   NNS  4  ROOT
        5  with      _       ADP    IN   4  prep
        6  Abiy      _       PROPN  NNP  5  pobj   B-PERSON
        7  ,         _       PUNCT  ,    4  punct
        8  left      leave   VERB   VBD  4  advmod
        9  ,         _       PUNCT  ,    8  punct
        10 during    _       ADP    IN   8  prep
        11 their     _       PRON   PRP$ 12 poss
        12 meeting   _       NOUN   NN   10 pobj
        13 in        _       ADP    IN   12 prep
        14 Nairobi   _       PROPN  NNP  13 pobj   B-GPE
    """
    assert read(table, "meeting") == (["Ruto"], ["Abiy"])


def test_states_in_a_clause_are_no_scene():
    table = """
        0  Kenya     _       PROPN  NNP  3  nsubj  B-GPE
        1  and       _       CCONJ  CC   0  cc
        2  Ethiopia  _       PROPN  NNP  0  conj   B-GPE
        3  blocked   block   VERB   VBD  3  ROOT
        4  it        _       PRON   PRP  3  dobj
        5  at        _       ADP    IN   3  prep
        6  a         _       DET    DT   7  det
        7  meeting   _       NOUN   NN   5  pobj
        8  .         _       PUNCT  .    3  punct
    """
    assert read(table, "meeting") == ([], [])


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_the_scene_makes_an_engagement_of_its_clause(extract):
    evs = extract(CALL_TOLD).events
    assert [(e.type, [a.name for a in e.actors]) for e in evs if e.type is EventType.PHONE_CALL] == [
        (EventType.PHONE_CALL, [evs[0].actors[0].name, evs[0].actors[1].name])]
    assert "Ruto" in evs[0].actors[0].name and "Abiy" in evs[0].actors[1].name
    told_reporters = CALL_TOLD.replace("Abiy      _      PROPN  NNP  6  dative  B-PERSON",
                                       "reporters reporter NOUN NNS  6  dative")
    assert extract(told_reporters).events == ()


SHOWN_OUT = """
    0  Abiy      _      PROPN  NNP  2  nsubjpass B-PERSON
    1  was       be     AUX    VBD  2  auxpass
    2  seen      see    VERB   VBN  2  ROOT
    3  off       _      ADP    RP   2  prt
    4  by        _      ADP    IN   2  agent
    5  Ruto      _      PROPN  NNP  4  pobj   B-PERSON
    6  upon      _      ADP    IN   2  prep
    7  his       _      PRON   PRP$ 8  poss
    8  return    _      NOUN   NN   6  pobj
    9  from      _      ADP    IN   8  prep
    10 their     _      PRON   PRP$ 11 poss
    11 talks     talk   NOUN   NNS  9  pobj
    12 .         _      PUNCT  .    2  punct
"""


def test_the_agent_of_a_passive_is_a_partner_in_their_talks():
    arrival = SHOWN_OUT.replace("return    _      NOUN   NN   6  pobj", "arrival   _      NOUN   NN   6  pobj") \
        .replace("from      _      ADP    IN   8  prep", "for       _      ADP    IN   8  prep")
    assert read(arrival, "talks") == (["Abiy"], ["Ruto"])
    some = arrival.replace("their     _      PRON   PRP$ 11 poss", "the       _      DET    DT   11 det")
    assert read(some, "talks") == ([], [])  # the talks are not said to be theirs
    assert read(SHOWN_OUT, "talks") == ([], ["their"])  # "from" is no goal: the noun keeps its own reading


def test_a_partner_at_another_setting_of_the_clause_shares_their_talks():
    table = """
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke     speak  VERB   VBD  1  ROOT
        2  at        _      ADP    IN   1  prep
        3  a         _      DET    DT   5  det
        4  news      _      NOUN   NN   5  compound
        5  conference _     NOUN   NN   2  pobj
        6  with      _      ADP    IN   5  prep
        7  Abiy      _      PROPN  NNP  6  pobj   B-PERSON
        8  after     _      ADP    IN   1  prep
        9  their     _      PRON   PRP$ 10 poss
        10 talks     talk   NOUN   NNS  8  pobj
        11 .         _      PUNCT  .    1  punct
    """
    assert read(table, "talks") == (["Ruto"], ["Abiy"])
    alone = table.replace("with      _      ADP    IN   5  prep", "in        _      ADP    IN   5  prep") \
        .replace("Abiy      _      PROPN  NNP  6  pobj   B-PERSON", "Nairobi   _      PROPN  NNP  6  pobj   B-GPE")
    assert read(alone, "talks") == ([], ["their"])  # nobody else at the clause: "their" keeps its own reading
