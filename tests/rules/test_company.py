"""In person together: "X and Y embrace", "President X (R) and Prime Minister Y embrace" (a title
with its name in apposition), "X hugged Y", "X and Y pose for a photo"; not "X embraced the
plan". Parses built by hand."""
from __future__ import annotations

from .parsed import parse, triggers

EMBRACE = """
    0  President _        PROPN  NNP  4  nsubj
    1  Mensah    _        PROPN  NNP  0  appos    B-PERSON
    2  and       _        CCONJ  CC   0  cc
    3  Otieno    _        PROPN  NNP  0  conj     B-PERSON
    4  embrace   _        VERB   VBP  4  ROOT
    5  in        _        ADP    IN   4  prep
    6  Accra     _        PROPN  NNP  5  pobj     B-GPE
    7  .         _        PUNCT  .    4  punct
"""

HUGGED = """
    0  Mensah    _        PROPN  NNP  1  nsubj    B-PERSON
    1  hugged    hug      VERB   VBD  1  ROOT
    2  Otieno    _        PROPN  NNP  1  dobj     B-PERSON
    3  .         _        PUNCT  .    1  punct
"""


def words(table: str) -> list[str]:
    return [t.token.text for t in triggers(parse(table))]


def test_two_persons_embracing_are_together():
    assert "embrace" in words(EMBRACE)
    alone = EMBRACE.replace("1  Mensah    _        PROPN  NNP  0  appos    B-PERSON",
                            "1  Mensah    _        PROPN  NNP  0  appos") \
        .replace("0  President _        PROPN  NNP  4  nsubj", "0  reform    _        NOUN   NN   4  nsubj")
    assert "embrace" not in words(alone)  # "reform Mensah and Otieno embrace": no two persons


def test_a_person_hugged_is_met_a_plan_embraced_is_not():
    assert "hugged" in words(HUGGED)
    plan = HUGGED.replace("2  Otieno    _        PROPN  NNP  1  dobj     B-PERSON", "2  plans     plan     NOUN   NNS  1  dobj")
    assert "hugged" not in words(plan)
    walked = HUGGED.replace("hugged    hug  ", "walked    walk ")
    assert "walked" not in words(walked)  # "walked Otieno": walking needs a with-phrase


def test_what_is_discussed_with_someone_is_the_topic_not_a_party():
    from sideline.stages.events.arguments import roles

    from .parsed import trigger

    table = """
        0  Mensah    _        PROPN  NNP  1  nsubj    B-PERSON
        1  discussed discuss  VERB   VBD  1  ROOT
        2  Sudan     _        PROPN  NNP  1  dobj     B-GPE
        3  with      _        ADP    IN   1  prep
        4  Otieno    _        PROPN  NNP  3  pobj     B-PERSON
        5  .         _        PUNCT  .    1  punct
    """
    r = roles(trigger(parse(table), "discussed"))
    assert [t.text for t in r.agents] == ["Mensah"] and [t.text for t in r.others] == ["Otieno"]


def test_posing_for_a_photo_together_is_a_meeting_posing_a_threat_is_not():
    posed = """
        0  Mensah    _        PROPN  NNP  3  nsubj    B-PERSON
        1  and       _        CCONJ  CC   0  cc
        2  Otieno    _        PROPN  NNP  0  conj     B-PERSON
        3  pose      _        VERB   VBP  3  ROOT
        4  for       _        ADP    IN   3  prep
        5  a         _        DET    DT   6  det
        6  photo     _        NOUN   NN   4  pobj
        7  .         _        PUNCT  .    3  punct
    """
    assert "pose" in words(posed)
    threat = posed.replace("4  for       _        ADP    IN   3  prep", "4  a         _        DET    DT   6  det") \
        .replace("6  photo     _        NOUN   NN   4  pobj", "6  threat    _        NOUN   NN   3  dobj") \
        .replace("5  a         _        DET    DT   6  det", "5  grave     _        ADJ    JJ   6  amod")
    assert "pose" not in words(threat)


def test_interacting_with_a_person_is_meeting_him():
    table = """
        0  Mensah    _        PROPN  NNP  1  nsubj    B-PERSON
        1  interacted interact VERB  VBD  1  ROOT
        2  with      _        ADP    IN   1  prep
        3  Otieno    _        PROPN  NNP  2  pobj     B-PERSON
        4  .         _        PUNCT  .    1  punct
    """
    assert "interacted" in words(table)
    crowd = table.replace("3  Otieno    _        PROPN  NNP  2  pobj     B-PERSON", "3  students  student  NOUN   NNS  2  pobj")
    assert "interacted" not in words(crowd)  # "interacted with students": no one in particular
