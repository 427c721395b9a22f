"""Misreadings of the small model, in the shape it gives them: a known surname tagged as an
entity that names no actor ("Ruto" as PRODUCT) is still the person; a finite verb read as an
adjective of the name after it ("Ruto hosted [amod] Somali President X") still has that name as
its object; a coordinated subject the parser hung on its last name ("Kishida [nmod] and South
Korean President Yoon") names every person. Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "The meeting between Ruto and Mohamud ended." with "Ruto" tagged PRODUCT
PRODUCT = """
    0  The       _        DET    DT   1  det
    1  meeting   _        NOUN   NN   6  nsubj
    2  between   _        ADP    IN   1  prep
    3  Ruto      _        PROPN  NNP  2  pobj     B-{label}
    4  and       _        CCONJ  CC   3  cc
    5  Mohamud   _        PROPN  NNP  3  conj     B-PERSON
    6  ended     end      VERB   VBD  6  ROOT
    7  .         _        PUNCT  .    6  punct
"""

#: "Ruto hosted Somali President Hassan Sheikh Mohamud at State House."
HOSTED = """
    0  Ruto      _        PROPN  NNP  1  nsubj
    1  hosted    host     VERB   {tag}  3  amod
    2  Somali    _        PROPN  NNP  3  amod     B-NORP
    3  President _        PROPN  NNP  6  compound
    4  Hassan    _        PROPN  NNP  6  compound B-PERSON
    5  Sheikh    _        PROPN  NNP  6  compound I-PERSON
    6  Mohamud   _        PROPN  NNP  6  ROOT     I-PERSON
    7  at        _        ADP    IN   6  prep
    8  State     _        PROPN  NNP  9  compound B-ORG
    9  House     _        PROPN  NNP  7  pobj     I-ORG
    10 .         _        PUNCT  .    6  punct
"""


def _pairs(table: str, kind: EventType) -> list[list[str]]:
    doc = Events()(Actors()(document(table, "2024-05-06")))
    return [[a.name for a in ev.actors] for ev in doc.events if ev.type is kind]


def test_a_known_surname_tagged_as_a_product_is_the_person():
    assert _pairs(PRODUCT.format(label="PRODUCT"), EventType.MEET) == [["William Ruto", "Hassan Sheikh Mohamud"]]
    assert _pairs(PRODUCT.format(label="DATE"), EventType.MEET) == []  # a date is never a surname ("in May")


def test_a_finite_verb_read_as_an_adjective_keeps_its_object():
    assert _pairs(HOSTED.format(tag="VBD"), EventType.HOST) == [["William Ruto", "Hassan Sheikh Mohamud"]]
    assert _pairs(HOSTED.format(tag="VBN"), EventType.HOST) == []  # a participle as adjective: "the hosted guest"


#: "Kishida and South Korean President Yoon Suk Yeol agreed to meet again." (as the model parses it)
AGREED = """
    0  Kishida   _        PROPN  NNP  7  nmod     B-PERSON
    1  and       _        CCONJ  CC   0  cc
    2  South     _        ADJ    JJ   3  amod     B-NORP
    3  Korean    _        ADJ    JJ   4  amod     I-NORP
    4  President _        PROPN  NNP  0  conj
    5  Yoon      _        PROPN  NNP  7  compound B-PERSON
    6  Suk       _        PROPN  NNP  7  compound I-PERSON
    7  Yeol      _        PROPN  NNP  8  nsubj    I-PERSON
    8  agreed    agree    VERB   VBD  8  ROOT
    9  to        _        PART   TO   10 aux
    10 meet      meet     VERB   VB   8  xcomp
    11 again     _        ADV    RB   10 advmod
    12 .         _        PUNCT  .    8  punct
"""


def test_a_coordinated_subject_hung_on_its_last_name_is_every_name():
    assert _pairs(AGREED, EventType.MEET) == [["Fumio Kishida", "Yoon Suk Yeol"]]
    alone = AGREED.replace("1  and       _        CCONJ  CC   0  cc", "1  ,         _        PUNCT  ,    0  punct")
    assert _pairs(alone, EventType.MEET) == []  # no "and" on it: a modifier, not a list item


#: "Ruto's visits to neighbouring countries have increased." (the plural noun, not a caption's verb)
VISITS = """
    0  Ruto        _         PROPN  NNP  2  poss      B-PERSON
    1  's          _         PART   POS  0  case
    2  visits      visit     NOUN   NNS  7  nsubj
    3  to          _         ADP    IN   2  prep
    4  {adj}       _         {pos}  {tag} 5  {dep}
    5  {noun}      _         {npos} {ntag} 3  pobj     {ent}
    6  have        _         AUX    VBP  7  aux
    7  increased   increase  VERB   VBN  7  ROOT
    8  .           _         PUNCT  .    7  punct
"""


def test_visits_in_general_name_no_visit_but_visits_to_a_named_place_do():
    generic = VISITS.format(adj="neighbouring", pos="NOUN", tag="NN", dep="compound", noun="countries",
                            npos="NOUN", ntag="NNS", ent="")
    assert _pairs(generic, EventType.VISIT) == []
    named = VISITS.format(adj="neighbouring", pos="NOUN", tag="NN", dep="amod", noun="Ethiopia",
                          npos="PROPN", ntag="NNP", ent="B-GPE")
    assert _pairs(named, EventType.VISIT) == [["William Ruto", "Ethiopia"]]
