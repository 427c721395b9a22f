"""What "the two leaders" and "their" stand for when their own sentence sets two people against
each other (sideline.stages.actors.groups, sideline.stages.events.discourse): those people, not
the most mentioned ones nor the pair of an engagement told before. Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.events.discourse import Discourse

from .parsed import document
from .test_dated_titles import _stage

#: "President Juma Otieno spoke. Otieno left. President Amina Diallo sat beside President
#: Peter Kamau at the talks of the two leaders."
BESIDE = """
     0  President  President  PROPN  NNP  2   compound
     1  Juma       Juma       PROPN  NNP  2   compound  B-PERSON
     2  Otieno     Otieno     PROPN  NNP  3   nsubj     I-PERSON
     3  spoke      speak      VERB   VBD  3   ROOT
     4  .          .          PUNCT  .    3   punct
     5  Otieno     Otieno     PROPN  NNP  6   nsubj     B-PERSON
     6  left       leave      VERB   VBD  6   ROOT
     7  .          .          PUNCT  .    6   punct
     8  President  President  PROPN  NNP  10  compound
     9  Amina      Amina      PROPN  NNP  10  compound  B-PERSON
    10  Diallo     Diallo     PROPN  NNP  11  nsubj     I-PERSON
    11  sat        sit        VERB   VBD  11  ROOT
    12  beside     beside     ADP    IN   11  prep
    13  President  President  PROPN  NNP  15  compound
    14  Peter      Peter      PROPN  NNP  15  compound  B-PERSON
    15  Kamau      Kamau      PROPN  NNP  12  pobj      I-PERSON
    16  at         at         ADP    IN   11  prep
    17  the        the        DET    DT   18  det
    18  talks      talk       NOUN   NNS  16  pobj
    19  of         of         ADP    IN   18  prep
    20  the        the        DET    DT   22  det
    21  two        two        NUM    CD   22  nummod
    22  leaders    leader     NOUN   NNS  19  pobj
    23  .          .          PUNCT  .    11  punct
"""

#: "Juma Otieno met Peter Kamau. Amina Diallo spoke with {Ana Ruiz | the press} after their talks."
SHOOK = """
     0  Juma       Juma       PROPN  NNP  1   compound  B-PERSON
     1  Otieno     Otieno     PROPN  NNP  2   nsubj     I-PERSON
     2  met        meet       VERB   VBD  2   ROOT
     3  Peter      Peter      PROPN  NNP  4   compound  B-PERSON
     4  Kamau      Kamau      PROPN  NNP  2   dobj      I-PERSON
     5  .          .          PUNCT  .    2   punct
     6  Amina      Amina      PROPN  NNP  7   compound  B-PERSON
     7  Diallo     Diallo     PROPN  NNP  8   nsubj     I-PERSON
     8  spoke      speak      VERB   VBD  8   ROOT
     9  with       with       ADP    IN   8   prep
    10  {w10}
    11  {w11}
    12  after      after      ADP    IN   8   prep
    13  their      their      PRON   PRP$ 14  poss
    14  talks      talk       NOUN   NNS  12  pobj
    15  .          .          PUNCT  .    8   punct
"""


def test_the_two_leaders_are_the_first_two_people_of_their_own_sentence():
    doc = _stage()(document(BESIDE, "2023-04-20"))
    two = {m.actor.name for m in doc.mentions if m.text == "the two leaders" and m.actor is not None}
    assert two == {"Amina Diallo", "Peter Kamau"}  # not Otieno, named twice before


PERSON = ("Ana        Ana        PROPN  NNP  11  compound  B-PERSON",
          "Ruiz       Ruiz       PROPN  NNP  9   pobj      I-PERSON")
NOBODY = ("the        the        DET    DT   11  det",
          "press      press      NOUN   NN   9   pobj")


def _pair(rows: tuple[str, str]) -> tuple[str, ...]:
    doc = _stage()(document(SHOOK.replace("{w10}", rows[0]).replace("{w11}", rows[1]), "2023-04-20"))
    d = Discourse(doc, frozenset({"president", "minister", "leader"}))
    met = tuple(d.actor(m) for m in d.mentions_in([doc.parse[1], doc.parse[4]]))
    d.tell(EventType.MEET, met, at=2)
    return tuple(a.name for a in d.pair_before(13))


def test_their_is_the_subject_and_the_person_its_verb_governs():
    assert _pair(PERSON) == ("Amina Diallo", "Ana Ruiz")


def test_with_no_person_governed_their_is_the_pair_told_before():
    assert _pair(NOBODY) == ("Juma Otieno", "Peter Kamau")
