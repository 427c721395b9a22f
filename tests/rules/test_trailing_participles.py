"""A participle after a comma that the parser hung on a subordinate clause goes with the clause
that one belongs to: in "Ruto has had little contact with Abiy since the war began, speaking
with him once by telephone", Ruto spoke, not the war (arguments._trailing_participle). Parses
built by hand, in the shape the parser gives."""
from __future__ import annotations

from sideline.stages.events.arguments import roles

from .parsed import parse, trigger

SINCE_THE_WAR = """
    0  Ruto      _        PROPN  NNP  2  nsubj    B-PERSON
    1  has       have     AUX    VBZ  2  aux
    2  had       have     VERB   VBN  2  ROOT
    3  little    _        ADJ    JJ   4  amod
    4  contact   _        NOUN   NN   2  dobj
    5  with      _        ADP    IN   4  prep
    6  Abiy      _        PROPN  NNP  5  pobj     B-PERSON
    7  since     _        SCONJ  IN   10 mark
    8  the       _        DET    DT   9  det
    9  war       _        NOUN   NN   10 nsubj
    10 began     begin    VERB   VBD  2  advcl
    11 ,         _        PUNCT  ,    10 punct
    12 speaking  speak    VERB   VBG  10 advcl
    13 with      _        ADP    IN   12 prep
    14 him       he       PRON   PRP  13 pobj
    15 once      _        ADV    RB   12 advmod
    16 by        _        ADP    IN   12 prep
    17 telephone _        NOUN   NN   16 pobj
    18 .         _        PUNCT  .    2  punct
"""


def _agents(table: str) -> list[str]:
    return [t.text for t in roles(trigger(parse(table), "speaking")).agents]


def test_a_trailing_participle_on_a_subordinate_clause_is_the_main_clauses():
    assert _agents(SINCE_THE_WAR) == ["Ruto"]


def test_without_the_comma_or_the_subordinator_the_nearest_clause_keeps_it():
    no_comma = SINCE_THE_WAR.replace("11 ,         _        PUNCT  ,    10 punct",
                                     "11 and       _        CCONJ  CC   10 cc")
    assert _agents(no_comma) == ["war"]
    main = SINCE_THE_WAR.replace("7  since     _        SCONJ  IN   10 mark", "7  so        _        ADV    RB   10 advmod")
    assert _agents(main) == ["war"]  # "so the war began, speaking ...": no subordinate clause
