""""visiting" before a title and a name is an adjective the parser reads as a verb with the
person as its object: "Putin met with visiting Chinese Premier Li Qiang" is a meeting with the
premier and the premier's visit, to the host's country when the text names no destination
(phrases.visiting_person; participants._host_country). Parses built by hand, in the shape the
parser gives; persons are of our own or from the knowledge."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "Ruto met with visiting Ethiopian Prime Minister Abiy Ahmed in Nairobi."
MET_WITH = """
    0  Ruto      _         PROPN  NNP  1  nsubj     B-PERSON
    1  met       meet      VERB   VBD  1  ROOT
    2  with      _         ADP    IN   1  prep
    3  visiting  visit     VERB   VBG  2  pcomp
    4  Ethiopian _         ADJ    JJ   6  amod      B-NORP
    5  Prime     _         PROPN  NNP  6  compound
    6  Minister  _         PROPN  NNP  8  compound
    7  Abiy      _         PROPN  NNP  8  compound  B-PERSON
    8  Ahmed     _         PROPN  NNP  3  dobj      I-PERSON
    9  in        _         ADP    IN   1  prep
    10 Nairobi   _         PROPN  NNP  9  pobj      B-GPE
    11 .         _         PUNCT  .    1  punct
"""

#: "The talks between Ruto and visiting Ethiopian Prime Minister Abiy Ahmed ended late."
BETWEEN = """
    0  The       _         DET    DT   1  det
    1  talks     talk      NOUN   NNS  11 nsubj
    2  between   _         ADP    IN   1  prep
    3  Ruto      _         PROPN  NNP  2  pobj      B-PERSON
    4  and       _         CCONJ  CC   1  cc
    5  visiting  visit     VERB   VBG  1  conj
    6  Ethiopian _         ADJ    JJ   8  amod      B-NORP
    7  Prime     _         PROPN  NNP  8  compound
    8  Minister  _         PROPN  NNP  10 compound
    9  Abiy      _         PROPN  NNP  10 compound  B-PERSON
    10 Ahmed     _         PROPN  NNP  5  dobj      I-PERSON
    11 ended     end       VERB   VBD  11 ROOT
    12 late      _         ADV    RB   11 advmod
    13 .         _         PUNCT  .    11 punct
"""

#: "Ruto received visiting Ethiopian Prime Minister Abiy Ahmed."
RECEIVED = """
    0  Ruto      _         PROPN  NNP  1  nsubj     B-PERSON
    1  received  receive   VERB   VBD  1  ROOT
    2  visiting  visit     VERB   VBG  1  xcomp
    3  Ethiopian _         ADJ    JJ   5  amod      B-NORP
    4  Prime     _         PROPN  NNP  5  compound
    5  Minister  _         PROPN  NNP  7  compound
    6  Abiy      _         PROPN  NNP  7  compound  B-PERSON
    7  Ahmed     _         PROPN  NNP  1  dobj      I-PERSON
    8  .         _         PUNCT  .    1  punct
"""


def _events(table: str) -> dict[str, list[list[str]]]:
    doc = Events()(Actors()(document(table, "2024-05-06")))
    out: dict[str, list[list[str]]] = {}
    for ev in doc.events:
        out.setdefault(ev.type.value, []).append([a.name for a in ev.actors])
    return out


def test_met_with_a_visiting_premier_is_a_meeting_with_the_premier_and_the_premiers_visit():
    found = _events(MET_WITH)
    assert found["meet"] == [["William Ruto", "Abiy Ahmed"]]
    assert found["visit"] == [["Abiy Ahmed", "Kenya"]]  # the place the meeting is in, Nairobi


def test_talks_between_a_host_and_a_visiting_premier_name_both():
    found = _events(BETWEEN)
    assert sorted(found["talks"][0]) == ["Abiy Ahmed", "William Ruto"]


@pytest.mark.parametrize("table", [RECEIVED.replace("7  Ahmed     _         PROPN  NNP  1  dobj",
                                                    "7  Ahmed     _         PROPN  NNP  2  dobj")])
def test_received_a_visiting_premier_is_a_reception_of_the_premier(table):
    found = _events(table)
    assert found["host"] == [["William Ruto", "Abiy Ahmed"]]
    assert found["visit"] == [["Abiy Ahmed", "Kenya"]]  # the host's country, named by its own name


#: "President Ruto spoke to reporters after visiting Addis Ababa."
AFTER_VISITING = """
    0  President _         PROPN  NNP  1  compound
    1  Ruto      _         PROPN  NNP  2  nsubj     B-PERSON
    2  spoke     speak     VERB   VBD  2  ROOT
    3  to        _         ADP    IN   2  prep
    4  reporters reporter  NOUN   NNS  3  pobj
    5  after     _         ADP    IN   2  prep
    6  visiting  visit     VERB   VBG  5  pcomp
    7  Addis     _         PROPN  NNP  8  compound  B-GPE
    8  Ababa     _         PROPN  NNP  6  dobj      I-GPE
    9  .         _         PUNCT  .    2  punct
"""


def test_visiting_a_place_stays_a_trip():
    found = _events(AFTER_VISITING)
    assert found["visit"] == [["William Ruto", "Ethiopia"]]  # Ruto's trip, not a visitor named "Addis Ababa"
