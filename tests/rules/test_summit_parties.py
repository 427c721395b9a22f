"""Who takes part in a summit told of in pieces: "A, B and C were among the leaders attending
the summit" (the copula's subject are the members of the group the participle describes:
arguments, member_preps); "X skipped the summit" after it (the summit is the one just told,
and X, whom the clause names, joins its parties: participants.anaphor). Parses built by hand."""
from __future__ import annotations

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

#: "Ruto, Ramaphosa and Tinubu were among the leaders attending the summit. Museveni skipped the summit."
SUMMIT = """
    0  Ruto       _        PROPN  NNP  5  nsubj    B-PERSON
    1  ,          _        PUNCT  ,    0  punct
    2  Ramaphosa  _        PROPN  NNP  0  conj     B-PERSON
    3  and        _        CCONJ  CC   2  cc
    4  Tinubu     _        PROPN  NNP  2  conj     B-PERSON
    5  were       be       AUX    VBD  5  ROOT
    6  among      _        ADP    IN   5  prep
    7  the        _        DET    DT   8  det
    8  leaders    leader   NOUN   NNS  6  pobj
    9  attending  attend   VERB   VBG  8  acl
    10 the        _        DET    DT   11 det
    11 summit     _        NOUN   NN   9  dobj
    12 .          _        PUNCT  .    5  punct
    13 Museveni   _        PROPN  NNP  14 nsubj    B-PERSON
    14 skipped    skip     VERB   VBD  14 ROOT
    15 the        _        DET    DT   16 det
    16 summit     _        NOUN   NN   14 dobj
    17 .          _        PUNCT  .    14 punct
"""


def _events():
    return Events()(Actors()(document(SUMMIT, "2024-05-06"))).events


def test_the_members_among_the_leaders_attending_attend():
    held = [e for e in _events() if e.status is Status.OCCURRED]
    assert held and [a.name for a in held[0].actors] == ["William Ruto", "Cyril Ramaphosa", "Bola Tinubu"]


def test_a_leader_who_skipped_the_summit_told_just_before_is_a_party_of_it():
    missed = [e for e in _events() if e.status.coarse is Status.RULED_OUT]
    assert missed and missed[0].type is EventType.MEET
    names = [a.name for a in missed[0].actors]
    assert names[0] == "Yoweri Museveni" and "William Ruto" in names
