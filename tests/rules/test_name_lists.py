"""A list of names the parser read as an apposition: "Foreign Ministers Ana Ruiz, Kofi Mensah,
Juma Otieno and Ama Boateng arrived": the second name hangs on the first as an apposition, and
the word it hangs by ("Mensah") sits inside the entity that "Kofi" begins. Every name of the
list is a participant (phrases.conjuncts). Parses built by hand, in the shape the parser gives."""
from __future__ import annotations

from sideline.stages.events.arguments import roles
from sideline.stages.events.phrases import conjuncts

from .parsed import parse, trigger

LISTED = """
    0  Foreign   _       PROPN  NNP  1  compound
    1  Ministers _       PROPN  NNP  3  compound
    2  Ana       _       PROPN  NNP  3  compound  B-PERSON
    3  Ruiz      _       PROPN  NNP  14 nsubj     I-PERSON
    4  ,         _       PUNCT  ,    3  punct
    5  Kofi      _       PROPN  NNP  6  compound  B-PERSON
    6  Mensah    _       PROPN  NNP  3  appos     I-PERSON
    7  ,         _       PUNCT  ,    6  punct
    8  Juma      _       PROPN  NNP  9  compound  B-PERSON
    9  Otieno    _       PROPN  NNP  6  conj      I-PERSON
    10 and       _       CCONJ  CC   9  cc
    11 Ama       _       PROPN  NNP  12 compound  B-PERSON
    12 Boateng   _       PROPN  NNP  9  conj      I-PERSON
    13 ,         _       PUNCT  ,    14 punct
    14 arrived   arrive  VERB   VBD  14 ROOT
    15 in        _       ADP    IN   14 prep
    16 Accra     _       PROPN  NNP  15 pobj      B-GPE
    17 .         _       PUNCT  .    14 punct
"""


def test_an_apposed_name_that_goes_on_with_conjuncts_is_a_list():
    doc = parse(LISTED)
    assert [t.text for t in conjuncts(doc[3])] == ["Ruiz", "Mensah", "Otieno", "Boateng"]
    assert [t.text for t in roles(trigger(doc, "arrived")).agents] == ["Ruiz", "Mensah", "Otieno", "Boateng"]


def test_a_name_apposed_inside_the_same_entity_is_no_list_item():
    one = LISTED.replace("5  Kofi      _       PROPN  NNP  6  compound  B-PERSON",
                         "5  Kofi      _       PROPN  NNP  6  compound  I-PERSON")
    one = one.replace("4  ,         _       PUNCT  ,    3  punct", "4  ,         _       PUNCT  ,    3  punct     I-PERSON")
    assert "Mensah" not in [t.text for t in conjuncts(parse(one)[3])]  # one entity: "Ruiz, Kofi Mensah" is one name
