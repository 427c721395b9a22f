"""The parliament a leader addresses is named after its country ("Parliament of Australia"),
when the text names it by its demonym ("the Australian Parliament"), and it stands in place of
that country, not beside it or beside a country named earlier (participants._legislature).
Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "The talks were held in Buenos Aires. Narendra Modi will address the Australian Parliament."
ADDRESS = """
    0  The        _        DET    DT   1  det
    1  talks      talk     NOUN   NNS  3  nsubjpass
    2  were       be       AUX    VBD  3  auxpass
    3  held       hold     VERB   VBN  3  ROOT
    4  in         _        ADP    IN   3  prep
    5  Buenos     _        PROPN  NNP  6  compound  B-GPE
    6  Aires      _        PROPN  NNP  4  pobj      I-GPE
    7  .          _        PUNCT  .    3  punct
    8  Narendra   _        PROPN  NNP  9  compound  B-PERSON
    9  Modi       _        PROPN  NNP  11 nsubj     I-PERSON
    10 will       _        AUX    MD   11 aux
    11 address    _        VERB   VB   11 ROOT
    12 the        _        DET    DT   14 det       B-ORG
    13 {adj}      _        PROPN  NNP  14 compound  I-ORG
    14 Parliament _        PROPN  NNP  11 dobj      I-ORG
    15 .          _        PUNCT  .    11 punct
"""


def _addressed(adj: str) -> list[list[str]]:
    doc = Events()(Actors()(document(ADDRESS.format(adj=adj), "2023-03-21")))
    return [[a.name for a in ev.actors] for ev in doc.events if ev.type is EventType.OTHER_CONSULT]


def test_the_parliament_named_by_its_demonym_is_its_countrys():
    assert _addressed("Australian") == [["Narendra Modi", "Parliament of Australia"]]
    assert _addressed("Kenyan") == [["Narendra Modi", "Parliament of Kenya"]]
