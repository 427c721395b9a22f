"""Sentences several rule tests read (tables as in tests/rules/parsed.py)."""
from __future__ import annotations

from .parsed import parse

__all__ = ["MET", "MET_TABLE", "TALKS", "PASSIVE"]

#: "Justin Trudeau met Joe Biden in Ottawa."
MET_TABLE = """
    0  Justin    _        PROPN  NNP  1  compound  B-PERSON
    1  Trudeau   _        PROPN  NNP  2  nsubj     I-PERSON
    2  met       meet     VERB   VBD  2  ROOT
    3  Joe       _        PROPN  NNP  4  compound  B-PERSON
    4  Biden     _        PROPN  NNP  2  dobj      I-PERSON
    5  in        _        ADP    IN   2  prep
    6  Ottawa    _        PROPN  NNP  5  pobj      B-GPE
    7  .         _        PUNCT  .    2  punct
"""
MET = parse(MET_TABLE)

#: "Kishida held talks with Modi in Tokyo." (a light verb and its noun)
TALKS = parse("""
    0  Kishida  _     PROPN  NNP  1  nsubj  B-PERSON
    1  held     hold  VERB   VBD  1  ROOT
    2  talks    talk  NOUN   NNS  1  dobj
    3  with     _     ADP    IN   2  prep
    4  Modi     _     PROPN  NNP  3  pobj   B-PERSON
    5  in       _     ADP    IN   2  prep
    6  Tokyo    _     PROPN  NNP  5  pobj   B-GPE
    7  .        _     PUNCT  .    1  punct
""")

#: "Ruto was received by Abiy at the airport."
PASSIVE = parse("""
    0  Ruto      _        PROPN  NNP  2  nsubjpass  B-PERSON
    1  was       be       AUX    VBD  2  auxpass
    2  received  receive  VERB   VBN  2  ROOT
    3  by        _        ADP    IN   2  agent
    4  Abiy      _        PROPN  NNP  3  pobj       B-PERSON
    5  at        _        ADP    IN   2  prep
    6  the       _        DET    DT   7  det
    7  airport   _        NOUN   NN   5  pobj
    8  .         _        PUNCT  .    2  punct
""")
