""""his country" as a visit's destination is the country of the person who owns it, never the
visitor's own (sideline.stages.events.countries.Countries.home). Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "Ghanaian President Kwame Mensah met Togolese President Faure Gnassingbe. Mensah visited his country."
VISITED = """
     0  Ghanaian   Ghanaian   ADJ    JJ   2   amod
     1  President  President  PROPN  NNP  3   compound
     2  Kwame      Kwame      PROPN  NNP  3   compound  B-PERSON
     3  Mensah     Mensah     PROPN  NNP  4   nsubj     I-PERSON
     4  met        meet       VERB   VBD  4   ROOT
     5  Togolese   Togolese   ADJ    JJ   6   amod      B-NORP
     6  President  President  PROPN  NNP  8   compound
     7  Faure      Faure      PROPN  NNP  8   compound  B-PERSON
     8  Gnassingbe Gnassingbe PROPN  NNP  4   dobj      I-PERSON
     9  .          .          PUNCT  .    4   punct
    10  Mensah     Mensah     PROPN  NNP  11  nsubj     B-PERSON
    11  visited    visit      VERB   VBD  11  ROOT
    12  {owner}    {lemma}    {pos}  {tag} 13 poss
    13  country    country    NOUN   NN   11  dobj
    14  .          .          PUNCT  .    11  punct
"""


def _visit(owner: str) -> list[str]:
    pos = ("PRON", "PRP$", "his") if owner == "his" else ("PROPN", "NNP", owner)
    table = VISITED.replace("{owner}", owner).replace("{lemma}", pos[2]).replace("{pos}", pos[0]) \
        .replace("{tag}", pos[1])
    doc = Events()(Actors()(document(table, "2024-05-06")))
    return [a.name for ev in doc.events if ev.type is EventType.VISIT for a in ev.actors]


def test_his_country_is_the_country_of_the_other_person():
    names = _visit("his")
    assert "Kwame Mensah" in names and "Togo" in names
    assert "Ghana" not in names  # not the visitor's own country
