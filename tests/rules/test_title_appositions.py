"""Titles beside names (sideline.stages.actors.stage): an apposition naming another country than
the person's is a title-only mention of its own; a plural title followed by the people it
names is those people. Parses built by hand (no model)."""
from __future__ import annotations

from .parsed import document
from .test_dated_titles import _stage

#: "After greeting President William Ruto, the Leader of Ghana spoke."
GREETING = """
     0  After      after      ADP    IN   10  prep
     1  greeting   greet      VERB   VBG  0   pcomp
     2  President  President  PROPN  NNP  4   compound
     3  William    William    PROPN  NNP  4   compound  B-PERSON
     4  Ruto       Ruto       PROPN  NNP  1   dobj      I-PERSON
     5  ,          ,          PUNCT  ,    4   punct
     6  the        the        DET    DT   7   det
     7  Leader     leader     PROPN  NNP  4   appos
     8  of         of         ADP    IN   7   prep
     9  {country}  {country}  PROPN  NNP  8   pobj      B-GPE
    10  spoke      speak      VERB   VBD  10  ROOT
    11  .          .          PUNCT  .    10  punct
"""

#: "The foreign ministers of Ghana and Kenya, Ama Mensah and Juma Otieno, then they met."
MINISTERS = """
     0  The        the        DET    DT   2   det
     1  foreign    foreign    ADJ    JJ   2   amod
     2  ministers  minister   NOUN   NNS  16  nsubj
     3  of         of         ADP    IN   2   prep
     4  Ghana      Ghana      PROPN  NNP  3   pobj      B-GPE
     5  and        and        CCONJ  CC   4   cc
     6  Kenya      Kenya      PROPN  NNP  4   conj      B-GPE
     7  ,          ,          PUNCT  ,    2   punct
     8  Ama        Ama        PROPN  NNP  9   compound  B-PERSON
     9  Mensah     Mensah     PROPN  NNP  2   appos     I-PERSON
    10  and        and        CCONJ  CC   9   cc
    11  Juma       Juma       PROPN  NNP  12  compound  B-PERSON
    12  Otieno     Otieno     PROPN  NNP  9   conj      I-PERSON
    13  ,          ,          PUNCT  ,    2   punct
    14  then       then       ADV    RB   16  advmod
    15  they       they       PRON   PRP  16  nsubj
    16  met        meet       VERB   VBD  16  ROOT
    17  .          .          PUNCT  .    16  punct
"""


def _at(doc, words: str) -> list[str]:
    return [m.actor.name for m in doc.mentions if m.text == words and m.actor is not None]


def test_an_apposition_of_another_country_is_a_title_of_its_own():
    doc = _stage()(document(GREETING.replace("{country}", "Ghana"), "2023-04-20"))
    assert _at(doc, "President William Ruto") == ["William Ruto"]
    assert _at(doc, "the Leader of Ghana") == ["Nana Akufo-Addo"]  # not Ruto's title
    same = _stage()(document(GREETING.replace("{country}", "Kenya"), "2023-04-20"))
    assert _at(same, "the Leader of Kenya") == ["William Ruto"]  # his own


def test_a_plural_title_is_the_people_named_right_after_it():
    doc = _stage()(document(MINISTERS, "2023-04-20"))
    assert _at(doc, "Ama Mensah") == ["Ama Mensah"]
    assert _at(doc, "The foreign ministers of Ghana and Kenya") == ["Ama Mensah", "Juma Otieno"]
    mensah = [m.actor for m in doc.mentions if m.text == "Ama Mensah"][0]
    assert (mensah.role, mensah.country) == ("Foreign Minister", "GHA")  # the office the title gave her


def test_a_title_after_to_before_a_comma_is_the_principals():
    talks = _stage()(document("""
         0  Talks      talk       NOUN   NNS  9   nsubj
         1  with       with       ADP    IN   0   prep
         2  the        the        DET    DT   4   det
         3  Kenyan     Kenyan     ADJ    JJ   4   amod      B-NORP
         4  President  President  PROPN  NNP  1   pobj
         5  ,          ,          PUNCT  ,    4   punct
         6  Juma       Juma       PROPN  NNP  7   compound  B-PERSON
         7  Otieno     Otieno     PROPN  NNP  4   appos     I-PERSON
         8  ,          ,          PUNCT  ,    7   punct
         9  went       go         VERB   VBD  9   ROOT
        10  well       well       ADV    RB   9   advmod
        11  .          .          PUNCT  .    9   punct
    """, "2023-04-20"))
    people = [m.actor for m in talks.mentions if m.label == "PERSON"]
    assert people and people[0].name == "Juma Otieno" and people[0].role == "President"  # his own title
    aide = _stage()(document("""
         0  The        the        DET    DT   1   det
         1  assistant  assistant  NOUN   NN   11  nsubj
         2  to         to         ADP    IN   1   prep
         3  the        the        DET    DT   5   det
         4  Kenyan     Kenyan     ADJ    JJ   5   amod      B-NORP
         5  President  President  PROPN  NNP  2   pobj
         6  ,          ,          PUNCT  ,    1   punct
         7  Mr.        Mr.        PROPN  NNP  9   compound
         8  Juma       Juma       PROPN  NNP  9   compound  B-PERSON
         9  Otieno     Otieno     PROPN  NNP  1   appos     I-PERSON
        10  ,          ,          PUNCT  ,    9   punct
        11  spoke      speak      VERB   VBD  11  ROOT
        12  .          .          PUNCT  .    11  punct
    """, "2023-04-20"))
    people = [m.actor for m in aide.mentions if m.label == "PERSON"]
    assert people and people[0].name == "Juma Otieno" and people[0].role != "President"  # the assistant
