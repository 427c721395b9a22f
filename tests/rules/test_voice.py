""""I" inside a quotation is the quotation's speaker, wherever the text names the speaker (after
the closing mark, before the opening one, or in a statement introduced with a colon on the line
before); a report issued ("issued the following statement:") introduces its quotation as a
reporting verb does. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document

STATEMENT = """
    0   Foreign      _          PROPN  NNP   1   compound
    1   Minister     _          PROPN  NNP   3   compound
    2   Ama          _          PROPN  NNP   3   compound   B-PERSON
    3   Mensah       _          PROPN  NNP   4   nsubj      I-PERSON
    4   issued       issue      VERB   VBD   4   ROOT
    5   the          _          DET    DT    7   det
    6   following    _          ADJ    JJ    7   amod
    7   statement    _          NOUN   NN    4   dobj
    8   :            _          PUNCT  :     4   punct
    9   \\n          _          SPACE  _SP   8   dep
    10  “            "          PUNCT  ``    12  punct
    11  I            _          PRON   PRP   12  nsubj
    12  met          meet       VERB   VBD   12  ROOT
    13  President    _          PROPN  NNP   15  compound
    14  Juma         _          PROPN  NNP   15  compound   B-PERSON
    15  Otieno       _          PROPN  NNP   12  dobj       I-PERSON
    16  in           _          ADP    IN    12  prep
    17  Nairobi      _          PROPN  NNP   16  pobj       B-GPE
    18  .            _          PUNCT  .     12  punct
    19  ”            "          PUNCT  ''    12  punct
"""


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def meetings(doc) -> list[tuple[list[str], str | None]]:
    return [([a.name for a in e.actors], e.attributed_to.name if e.attributed_to else None)
            for e in doc.events if e.type is EventType.MEET]


def test_i_in_a_statement_introduced_on_the_line_before_is_its_issuer(extract):
    found = meetings(extract(STATEMENT))
    assert found == [(["Ama Mensah", "Juma Otieno"], "Ama Mensah")]


def test_a_verb_with_no_report_for_object_introduces_nothing(extract):
    signed = STATEMENT.replace("issued       issue  ", "signed       sign   ") \
        .replace("statement    _          NOUN   NN    4   dobj", "agreement    _          NOUN   NN    4   dobj")
    found = meetings(extract(signed))
    assert not any(source == "Ama Mensah" for _, source in found)  # nobody credited with the quotation


TOLD_AFTER = """
    0   “            "          PUNCT  ``    2   punct
    1   I            _          PRON   PRP   2   nsubj
    2   met          meet       VERB   VBD   9   ccomp
    3   President    _          PROPN  NNP   5   compound
    4   Juma         _          PROPN  NNP   5   compound   B-PERSON
    5   Otieno       _          PROPN  NNP   2   dobj       I-PERSON
    6   in           _          ADP    IN    2   prep
    7   Nairobi      _          PROPN  NNP   6   pobj       B-GPE
    8   ,            _          PUNCT  ,     9   punct
    9   ”            "          PUNCT  ''    10  punct
    10  said         say        VERB   VBD   10  ROOT
    11  Foreign      _          PROPN  NNP   12  compound
    12  Minister     _          PROPN  NNP   14  compound
    13  Ama          _          PROPN  NNP   14  compound   B-PERSON
    14  Mensah       _          PROPN  NNP   10  nsubj      I-PERSON
    15  .            _          PUNCT  .     10  punct
"""


def test_i_before_the_reporting_clause_is_its_speaker(extract):
    found = meetings(extract(TOLD_AFTER))
    assert found and "Juma Otieno" in found[0][0] and "Ama Mensah" in found[0][0]
