""""The London-based Arabic outlet" after "the Daily Star newspaper reported" is that newspaper:
an outlet word described only by places or languages stands for the outlet credited last;
after a ministry it is a new, unnamed source. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

TWO_REPORTS = """
    0   President    _          PROPN  NNP   1   compound
    1   Mensah       _          PROPN  NNP   3   nsubj      B-PERSON
    2   will         _          AUX    MD    3   aux
    3   meet         _          VERB   VB    10  ccomp
    4   President    _          PROPN  NNP   5   compound
    5   Otieno       _          PROPN  NNP   3   dobj       B-PERSON
    6   ,            _          PUNCT  ,     10  punct
    7   the          _          DET    DT    9   det
    8   Star         _          PROPN  NNP   9   compound   B-ORG
    9   newspaper    _          NOUN   NN    10  nsubj
    10  reported     report     VERB   VBD   10  ROOT
    11  .            _          PUNCT  .     10  punct
    12  According    accord     VERB   VBG   25  prep
    13  to           _          ADP    IN    12  prep
    14  the          _          DET    DT    19  det
    15  London       _          PROPN  NNP   17  npadvmod   B-GPE
    16  -            _          PUNCT  HYPH  17  punct
    17  based        base       VERB   VBN   19  amod
    18  Arabic       _          ADJ    JJ    19  amod       B-NORP
    19  outlet       _          NOUN   NN    13  pobj
    20  ,            _          PUNCT  ,     25  punct
    21  President    _          PROPN  NNP   22  compound
    22  Mensah       _          PROPN  NNP   25  nsubj      B-PERSON
    23  will         _          AUX    MD    25  aux
    24  also         _          ADV    RB    25  advmod
    25  meet         _          VERB   VB    25  ROOT
    26  President    _          PROPN  NNP   27  compound
    27  Kamau        _          PROPN  NNP   25  dobj       B-PERSON
    28  .            _          PUNCT  .     25  punct
"""


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def source_of(doc, name: str) -> str | None:
    found = [e for e in doc.events if e.type is EventType.MEET and any(name in a.name for a in e.actors)]
    assert found, [(e.type.value, [a.name for a in e.actors]) for e in doc.events]
    return found[0].attributed_to.name if found[0].attributed_to else None


def test_a_described_outlet_is_the_outlet_credited_last(extract):
    doc = extract(TWO_REPORTS)
    first = source_of(doc, "Otieno")
    assert first is not None and "Star" in first
    assert source_of(doc, "Kamau") == first


def test_after_a_ministry_a_described_outlet_is_a_new_source(extract):
    ministry = TWO_REPORTS.replace("8   Star         _          PROPN  NNP   9   compound   B-ORG",
                                   "8   Foreign      _          PROPN  NNP   9   compound   B-ORG") \
        .replace("9   newspaper    _          NOUN   NN    10  nsubj", "9   Ministry     _          PROPN  NNP   10  nsubj      I-ORG")
    doc = extract(ministry)
    assert "Ministry" in (source_of(doc, "Otieno") or "")
    assert "Ministry" not in (source_of(doc, "Kamau") or "")


UN_SAID = """
    0   President    _          PROPN  NNP   1   compound
    1   Mensah       _          PROPN  NNP   3   nsubj      B-PERSON
    2   will         _          AUX    MD    3   aux
    3   meet         _          VERB   VB    9   ccomp
    4   President    _          PROPN  NNP   5   compound
    5   Otieno       _          PROPN  NNP   3   dobj       B-PERSON
    6   ,            _          PUNCT  ,     9   punct
    7   the          _          DET    DT    8   det
    8   UN           _          PROPN  NNP   9   nsubj      B-ORG
    9   said         say        VERB   VBD   9   ROOT
    10  .            _          PUNCT  .     9   punct
"""


def test_a_known_body_whose_name_holds_a_common_word_speaks_for_itself(extract):
    assert source_of(extract(UN_SAID), "Otieno") == "United Nations"  # not a person called "UN"


SAID_IT_WILL_HOST = """
    0   Ghana        _          PROPN  NNP   1   nsubj      B-GPE
    1   announced    announce   VERB   VBD   1   ROOT
    2   it           _          PRON   PRP   4   nsubj
    3   will         _          AUX    MD    4   aux
    4   host         _          VERB   VB    1   ccomp
    5   talks        talk       NOUN   NNS   4   dobj
    6   with         _          ADP    IN    4   prep
    7   Kenya        _          PROPN  NNP   6   pobj       B-GPE
    8   .            _          PUNCT  .     1   punct
"""


def test_it_in_what_a_body_says_of_itself_is_that_body(extract):
    talks = [[a.name for a in e.actors] for e in extract(SAID_IT_WILL_HOST).events if e.type is EventType.TALKS]
    assert talks == [["Ghana", "Kenya"]]
    other = SAID_IT_WILL_HOST.replace("0   Ghana        _          PROPN  NNP   1   nsubj      B-GPE",
                                      "0   Officials    official   NOUN   NNS   1   nsubj")
    assert not [e for e in extract(other).events if e.type is EventType.TALKS]  # "officials announced it": not a body


REPORTED_AFTER = """
    0   President    _          PROPN  NNP   1   compound
    1   Mensah       _          PROPN  NNP   3   nsubj      B-PERSON
    2   will         _          AUX    MD    3   aux
    3   meet         _          VERB   VB    7   ccomp
    4   President    _          PROPN  NNP   5   compound
    5   Otieno       _          PROPN  NNP   3   dobj       B-PERSON
    6   ,            _          PUNCT  ,     7   punct
    7   reported     report     VERB   VBD   7   ROOT
    8   Xinhua       _          PROPN  NNP   7   npadvmod   B-ORG
    9   .            _          PUNCT  .     7   punct
"""


def test_a_source_named_after_its_reporting_verb_is_the_source(extract):
    assert source_of(extract(REPORTED_AFTER), "Otieno") == "Xinhua"  # ", reported Xinhua."


ACCORDING_TO_MEDIA = """
    0   According    accord     VERB   VBG   9   prep
    1   to           _          ADP    IN    0   prep
    2   Kenyan       _          ADJ    JJ    3   amod       B-NORP
    3   media        medium     NOUN   NNS   1   pobj
    4   ,            _          PUNCT  ,     9   punct
    5   President    _          PROPN  NNP   6   compound
    6   Mensah       _          PROPN  NNP   9   nsubj      B-PERSON
    7   will         _          AUX    MD    9   aux
    8   also         _          ADV    RB    9   advmod
    9   meet         _          VERB   VB    9   ROOT
    10  President    _          PROPN  NNP   11  compound
    11  Otieno       _          PROPN  NNP   9   dobj       B-PERSON
    12  .            _          PUNCT  .     9   punct
"""


def test_the_media_can_be_a_source_whatever_their_lemma(extract):
    assert source_of(extract(ACCORDING_TO_MEDIA), "Otieno") is not None  # "media" has the lemma "medium"
