"""A trip to a territory one's own state holds is a domestic trip, no visit ("the French
president in New Caledonia"); a self-governing state in free association is abroad ("the New
Zealand prime minister in Niue"). The territories come from data/en/demonyms.json
(``sovereigns``). Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.words import Words

from .parsed import document

#: "French President Ana Ruiz visited {place} on Thursday." (a person of our own)
VISITED = """
    0  French    _      ADJ    JJ   1  amod      B-NORP
    1  President _      PROPN  NNP  3  compound
    2  Ana       _      PROPN  NNP  3  compound  B-PERSON
    3  Ruiz      _      PROPN  NNP  4  nsubj     I-PERSON
    4  visited   visit  VERB   VBD  4  ROOT
    5  {w1}      _      PROPN  NNP  6  compound  B-GPE
    6  {w2}      _      PROPN  NNP  4  dobj      I-GPE
    7  on        _      ADP    IN   4  prep
    8  Thursday  _      PROPN  NNP  7  pobj      B-DATE
    9  .         _      PUNCT  .    4  punct
"""


def _visits(w1: str, w2: str, adjective: str = "French") -> list[list[str]]:
    table = VISITED.replace("{w1}", w1).replace("{w2}", w2).replace("French ", f"{adjective:<7}", 1)
    doc = Events()(Actors()(document(table, "2018-05-10")))
    return [[a.name for a in ev.actors] for ev in doc.events if ev.type is EventType.VISIT]


def test_the_data_knows_whose_territory_it_is():
    sovereigns = Words.load().sovereigns
    assert sovereigns["NCL"] == "FRA" and sovereigns["PRI"] == "USA" and sovereigns["HKG"] == "CHN"
    assert "NIU" not in sovereigns and "TWN" not in sovereigns  # free association, disputed: left out


def test_a_trip_to_a_territory_of_ones_own_state_is_no_visit():
    assert _visits("New", "Caledonia") == []
    assert _visits("Puerto", "Rico", adjective="Spanish") == [["Ana Ruiz", "Puerto Rico"]]  # not Spain's


@pytest.mark.parametrize("w1,w2,country", [("New", "Zealand", "New Zealand"), ("Costa", "Rica", "Costa Rica")])
def test_a_trip_to_another_state_is_a_visit(w1, w2, country):
    assert _visits(w1, w2) == [["Ana Ruiz", country]]
