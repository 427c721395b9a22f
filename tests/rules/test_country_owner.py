"""A country's name before a possessive that NER took for a person ("Togo's president") is the
owner of the title after it (sideline.stages.actors.spans). Parses built by hand (no model)."""
from __future__ import annotations

from .parsed import document
from .test_dated_titles import _stage

#: "Ghana's president will meet {owner}'s president on Friday." with the owner tagged {ent}
TABLE = """
     0  Ghana      Ghana      PROPN  NNP  2   poss      B-GPE
     1  's         's         PART   POS  0   case
     2  president  president  NOUN   NN   4   nsubj
     3  will       will       AUX    MD   4   aux
     4  meet       meet       VERB   VB   4   ROOT
     5  {owner}    {owner}    PROPN  NNP  7   poss      {ent}
     6  's         's         PART   POS  5   case
     7  president  president  NOUN   NN   4   dobj
     8  on         on         ADP    IN   4   prep
     9  Friday     Friday     PROPN  NNP  8   pobj      B-DATE
    10  .          .          PUNCT  .    4   punct
"""


def _titles(owner: str, ent: str) -> list[tuple[str, str | None]]:
    doc = _stage()(document(TABLE.replace("{owner}", owner).replace("{ent}", ent), "2023-04-20"))
    return [(m.text, m.actor.country if m.actor else None) for m in doc.mentions if m.label == "TITLE"]


def test_a_country_ner_took_for_a_person_owns_the_title_after_it():
    assert _titles("Togo", "B-PERSON") == [("Ghana's president", "GHA"), ("Togo's president", "TGO")]


def test_a_country_tagged_as_a_place_owns_it_as_before():
    assert _titles("Togo", "B-GPE") == [("Ghana's president", "GHA"), ("Togo's president", "TGO")]


def test_a_person_before_a_possessive_owns_no_title():
    assert ("Kamau's president", None) not in _titles("Kamau", "B-PERSON")
    assert all(country != "TGO" for _, country in _titles("Kamau", "B-PERSON"))
