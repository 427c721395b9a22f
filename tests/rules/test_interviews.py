"""Interviews and one's own officials are no diplomatic engagements (the guideline): "X speaks to
VOA" names a news outlet spoken to (reporting.json outlets), no party; "Erdogan spoke to local
officials in Ankara" is a group of his own state's officials (the group takes the country its
phrase names), a domestic meeting. Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "Ambassador Omar Zakhilwal meets {name} in Islamabad."
SPEAKS_TO = """
    0  Ambassador _        PROPN  NNP  2  compound
    1  Omar       _        PROPN  NNP  2  compound  B-PERSON
    2  Zakhilwal  _        PROPN  NNP  3  nsubj     I-PERSON
    3  meets      meet     VERB   VBZ  3  ROOT
    4  {name}     _        PROPN  NNP  3  dobj      B-{label}
    5  in         _        ADP    IN   3  prep
    6  Islamabad  _        PROPN  NNP  5  pobj      B-GPE
    7  .          _        PUNCT  .    3  punct
"""

#: "President Erdogan met {adj} officials in {city} on Thursday."
OFFICIALS = """
    0  President  _        PROPN  NNP  1  compound
    1  Erdogan    _        PROPN  NNP  2  nsubj     B-PERSON
    2  met        meet     VERB   VBD  2  ROOT
    3  {adj}      _        ADJ    JJ   4  amod
    4  officials  official NOUN   NNS  2  dobj
    5  in         _        ADP    IN   4  prep
    6  {city}     _        PROPN  NNP  5  pobj      B-GPE
    7  .          _        PUNCT  .    2  punct
"""


def _meetings(table: str) -> list[list[str]]:
    doc = Events()(Actors()(document(table, "2016-05-12")))
    return [[a.name for a in ev.actors] for ev in doc.events if ev.type is EventType.MEET]


def test_a_news_outlet_met_is_an_interview():
    assert _meetings(SPEAKS_TO.format(name="VOA", label="ORG")) == []
    assert _meetings(SPEAKS_TO.format(name="Abbasi", label="PERSON")) == [["Omar Zakhilwal", "Abbasi"]]


def test_officials_in_ones_own_capital_are_ones_own():
    assert _meetings(OFFICIALS.format(adj="local", city="Ankara")) == []
    abroad = _meetings(OFFICIALS.format(adj="senior", city="Tehran"))
    assert len(abroad) == 1 and abroad[0][0] == "Recep Tayyip Erdoğan"
