"""Staying away from a gathering ("will stay away from the ECOWAS summit", "skipped the
summit", "missed the summit") is its attendance ruled out: the absent person with the
gathering's attendees, as attending it would give. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

STAY_AWAY = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  3  nsubj    B-PERSON
    2  will      _        AUX    MD   3  aux
    3  stay      _        VERB   VB   3  ROOT
    4  away      _        ADV    RB   3  advmod
    5  from      _        ADP    IN   4  prep
    6  the       _        DET    DT   8  det
    7  ECOWAS    _        PROPN  NNP  8  compound B-ORG
    8  summit    _        NOUN   NN   5  pobj
    9  .         _        PUNCT  .    3  punct
"""


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def meetings(doc) -> list[tuple[list[str], Status]]:
    return [([a.name for a in e.actors], e.status) for e in doc.events if e.type is EventType.MEET]


def test_staying_away_from_a_summit_rules_its_attendance_out(extract):
    found = meetings(extract(STAY_AWAY))
    assert len(found) == 1
    names, status = found[0]
    assert names[0] == "Mensah" and names[1].startswith("ECOWAS") and status is Status.RULED_OUT


def test_staying_at_a_summit_is_no_absence(extract):
    stayed_at = STAY_AWAY.replace("4  away      _        ADV    RB   3  advmod", "4  on        _        ADV    RB   3  advmod") \
        .replace("5  from      _        ADP    IN   4  prep", "5  at        _        ADP    IN   4  prep")
    assert all(status is not Status.RULED_OUT for _, status in meetings(extract(stayed_at)))


def test_skipping_or_missing_a_summit_is_ruled_out(extract):
    for verb in ("skipped   skip ", "missed    miss "):
        table = STAY_AWAY.replace("2  will      _        AUX    MD   3  aux", "2  then      _        ADV    RB   3  advmod") \
            .replace("3  stay      _        VERB   VB   3  ROOT", f"3  {verb}   VERB   VBD  3  ROOT") \
            .replace("4  away      _        ADV    RB   3  advmod", "4  the       _        DET    DT   8  det") \
            .replace("5  from      _        ADP    IN   4  prep", "5  annual    _        ADJ    JJ   8  amod") \
            .replace("6  the       _        DET    DT   8  det", "6  regional  _        ADJ    JJ   8  amod") \
            .replace("8  summit    _        NOUN   NN   5  pobj", "8  summit    _        NOUN   NN   3  dobj")
        found = meetings(extract(table))
        assert found and found[0][1] is Status.RULED_OUT, (verb, found)
        assert found[0][0][1].startswith("ECOWAS")


TOOK_PART = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    2  took      take     VERB   VBD  2  ROOT
    3  part      _        NOUN   NN   2  dobj
    4  in        _        ADP    IN   2  prep
    5  the       _        DET    DT   7  det
    6  ECOWAS    _        PROPN  NNP  7  compound B-ORG
    7  summit    _        NOUN   NN   4  pobj
    8  .         _        PUNCT  .    2  punct
"""


def test_taking_part_in_a_summit_is_attending_it(extract):
    found = meetings(extract(TOOK_PART))
    assert found and found[0][0][0] == "Mensah" and found[0][0][1].startswith("ECOWAS")
    assert found[0][1] is Status.OCCURRED
    took_photos = TOOK_PART.replace("3  part      _        NOUN   NN   2  dobj", "3  photos    photo    NOUN   NNS  2  dobj")
    assert meetings(extract(took_photos)) == []  # "took photos in the summit": a venue


REPRESENTED = """
    0  Ghana     _        PROPN  NNP  3  nsubjpass B-GPE
    1  will      _        AUX    MD   3  aux
    2  be        _        AUX    VB   3  auxpass
    3  represented represent VERB VBN 3  ROOT
    4  at        _        ADP    IN   3  prep
    5  the       _        DET    DT   7  det
    6  ECOWAS    _        PROPN  NNP  7  compound B-ORG
    7  summit    _        NOUN   NN   4  pobj
    8  by        _        ADP    IN   3  agent
    9  Minister  _        PROPN  NNP  10 compound
    10 Mensah    _        PROPN  NNP  8  pobj     B-PERSON
    11 .         _        PUNCT  .    3  punct
"""

LED_DELEGATION = """
    0  Minister  _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  3  nsubj    B-PERSON
    2  will      _        AUX    MD   3  aux
    3  lead      _        VERB   VB   3  ROOT
    4  a         _        DET    DT   5  det
    5  delegation _       NOUN   NN   3  dobj
    6  to        _        ADP    IN   5  prep
    7  the       _        DET    DT   9  det
    8  ECOWAS    _        PROPN  NNP  9  compound B-ORG
    9  summit    _        NOUN   NN   6  pobj
    10 .         _        PUNCT  .    3  punct
"""


def test_who_represents_a_state_at_a_summit_or_leads_its_delegation_there_attends(extract):
    for table in (REPRESENTED, LED_DELEGATION):
        found = meetings(extract(table))
        assert found and found[0][0][0] == "Mensah" and found[0][0][1].startswith("ECOWAS"), found
        assert found[0][1] is Status.PLANNED
    sent = LED_DELEGATION.replace("3  lead      _  ", "3  send      _  ")
    assert all(names[0] != "Mensah" for names, _ in meetings(extract(sent)))  # "will send a delegation": not there
