""""X and Y co-chaired the fifth session of the joint commission": two persons sharing the chair
of a meeting met. The tokenizer keeps "co-chaired" whole (stages/model.py step 4; split, the
parser reads "co" as a name), and the verb is a meeting with two or more persons as its subject
or a with-phrase, unless its object is a trigger noun of its own ("co-chaired the talks": the
talks are the trigger). Parses built by hand."""
from __future__ import annotations

import spacy

from sideline.records import EventType
from sideline.stages.model import _keep_whole

from .parsed import parse, triggers

CO_CHAIRED = """
    0  Ama        _          PROPN  NNP  1  compound  B-PERSON
    1  Mensah     _          PROPN  NNP  5  nsubj     I-PERSON
    2  and        _          CCONJ  CC   1  cc
    3  Juma       _          PROPN  NNP  4  compound  B-PERSON
    4  Otieno     _          PROPN  NNP  1  conj      I-PERSON
    5  co-chaired co-chaire  VERB   VBD  5  ROOT
    6  the        _          DET    DT   8  det
    7  fifth      _          ADJ    JJ   8  amod
    8  {object}   _          NOUN   NN   5  dobj
    9  .          _          PUNCT  .    5  punct
"""


def test_the_tokenizer_keeps_a_co_word_whole():
    nlp = spacy.blank("en")
    assert [t.text for t in nlp("They co-chaired it.")][:3] == ["They", "co", "-"]
    _keep_whole(nlp, ["co-chair", "co-host"])
    assert [t.text for t in nlp("They co-chaired it, and Co-Hosts met.")] == \
        ["They", "co-chaired", "it", ",", "and", "Co-Hosts", "met", "."]
    assert [t.text for t in nlp("a co-operation deal")] == ["a", "co", "-", "operation", "deal"]  # not listed


def test_two_persons_co_chairing_a_session_met():
    found = [(t.token.text, t.type) for t in triggers(parse(CO_CHAIRED.format(object="session")))]
    assert found == [("co-chaired", EventType.MEET)]


def test_co_chairing_talks_leaves_the_talks_the_trigger():
    found = [(t.token.text, t.type) for t in triggers(parse(CO_CHAIRED.format(object="talks")))]
    assert found == [("talks", EventType.TALKS)]
