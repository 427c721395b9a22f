"""Habitual contact is no engagement: "usually meets X", "often holds talks with X", "meets X
whenever he is in Y" (a frequency word on the trigger verb, on the light verb of a trigger noun,
or a whenever-clause); a dated meeting "as he often does" stays one. Parses built by hand."""
from __future__ import annotations

from .parsed import parse, triggers

USUALLY_MEETS = """
    0  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    1  usually   _        ADV    RB   2  advmod
    2  meets     meet     VERB   VBZ  2  ROOT
    3  Otieno    _        PROPN  NNP  2  dobj     B-PERSON
    4  whenever  _        SCONJ  WRB  6  advmod
    5  he        _        PRON   PRP  6  nsubj
    6  is        be       AUX    VBZ  2  advcl
    7  in        _        ADP    IN   6  prep
    8  Nairobi   _        PROPN  NNP  7  pobj     B-GPE
    9  .         _        PUNCT  .    2  punct
"""


def words(table: str) -> list[str]:
    return [t.token.text for t in triggers(parse(table))]


def test_a_frequency_word_makes_the_meeting_habitual():
    assert "meets" not in words(USUALLY_MEETS)
    once = USUALLY_MEETS.replace("1  usually   _        ADV    RB   2  advmod", "1  then      _        ADV    RB   2  advmod")
    assert "meets" not in words(once)  # still met "whenever he is in Nairobi"
    dated = once.replace("4  whenever  _        SCONJ  WRB  6  advmod", "4  when      _        SCONJ  WRB  6  advmod")
    assert "meets" in words(dated)  # "then meets X when he is in Nairobi": one occasion


def test_a_light_verb_with_a_frequency_word_carries_no_engagement():
    table = """
        0  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
        1  often     _        ADV    RB   2  advmod
        2  holds     hold     VERB   VBZ  2  ROOT
        3  talks     talk     NOUN   NNS  2  dobj
        4  with      _        ADP    IN   3  prep
        5  Otieno    _        PROPN  NNP  4  pobj     B-PERSON
        6  .         _        PUNCT  .    2  punct
    """
    assert "talks" not in words(table)
    assert "talks" in words(table.replace("1  often     _        ADV    RB   2  advmod",
                                          "1  also      _        ADV    RB   2  advmod"))


def test_a_comparison_clause_leaves_a_dated_meeting():
    table = """
        0  Mensah    _        PROPN  NNP  1  nsubj    B-PERSON
        1  met       meet     VERB   VBD  1  ROOT
        2  Otieno    _        PROPN  NNP  1  dobj     B-PERSON
        3  on        _        ADP    IN   1  prep
        4  Monday    _        PROPN  NNP  3  pobj     B-DATE
        5  ,         _        PUNCT  ,    1  punct
        6  as        _        SCONJ  IN   9  mark
        7  he        _        PRON   PRP  9  nsubj
        8  often     _        ADV    RB   9  advmod
        9  does      do       VERB   VBZ  1  advcl
        10 .         _        PUNCT  .    1  punct
    """
    assert "met" in words(table)
