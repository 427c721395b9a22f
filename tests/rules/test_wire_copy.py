"""Wire copy, one sentence a paragraph: a frame that opens a paragraph ("According to the
ministry, ...") goes on into the one-sentence paragraphs after it, as it goes on into the
sentences of its own paragraph elsewhere (sideline.stages.events.across, step 4). An article
of a few long paragraphs keeps the frame in its paragraph. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.quotes import paragraph_sizes

from .parsed import document

FILLER = """
    {0}  Trade        _          NOUN   NN    {1}  nsubj
    {1}  rose         rise       VERB   VBD   {1}  ROOT
    {2}  .            _          PUNCT  .     {1}  punct
"""

FRAMED = """
    {0}  According    accord     VERB   VBG   {10} prep
    {1}  to           _          ADP    IN    {0}  prep
    {2}  the          _          DET    DT    {5}  det
    {3}  Kenyan       _          ADJ    JJ    {5}  amod       B-NORP
    {4}  foreign      _          ADJ    JJ    {5}  amod
    {5}  ministry     _          NOUN   NN    {1}  pobj
    {6}  ,            _          PUNCT  ,     {10} punct
    {7}  William      _          PROPN  NNP   {8}  compound   B-PERSON
    {8}  Ruto         _          PROPN  NNP   {10} nsubj      I-PERSON
    {9}  will         _          AUX    MD    {10} aux
    {10} travel       _          VERB   VB    {10} ROOT
    {11} to           _          ADP    IN    {10} prep
    {12} Ethiopia     _          PROPN  NNP   {11} pobj       B-GPE
    {13} .            _          PUNCT  .     {10} punct
"""

TALKS = """
    {0}  He           _          PRON   PRP   {2}  nsubj
    {1}  will         _          AUX    MD    {2}  aux
    {2}  hold         _          VERB   VB    {2}  ROOT
    {3}  talks        talk       NOUN   NNS   {2}  dobj
    {4}  with         _          ADP    IN    {3}  prep
    {5}  Abiy         _          PROPN  NNP   {6}  compound   B-PERSON
    {6}  Ahmed        _          PROPN  NNP   {4}  pobj       I-PERSON
    {7}  .            _          PUNCT  .     {2}  punct
"""


def _table(*paragraphs: list[str]) -> str:
    """The sentences of each paragraph in order, a line break token after each paragraph."""
    rows, at = [], 0
    for k, sentences in enumerate(paragraphs):
        for sent in sentences:
            n = len([line for line in sent.splitlines() if line.strip()])
            rows.append(sent.format(*range(at, at + n)))
            at += n
        if k < len(paragraphs) - 1:
            rows.append(f"{at} \\n _ SPACE _SP {at - 2} dep")
            at += 1
    return "\n".join(rows)


def _talks_source(*paragraphs: list[str]) -> str | None:
    doc = Events()(Actors()(document(_table(*paragraphs), "2024-05-06")))
    talks = [e for e in doc.events if e.type is EventType.TALKS]
    assert talks, [(e.type.value, [a.name for a in e.actors]) for e in doc.events]
    return talks[0].attributed_to.name if talks[0].attributed_to is not None else None


def test_paragraph_sizes_count_sentences_between_line_breaks():
    doc = document(_table([FILLER, FILLER], [FRAMED], [TALKS])).parse
    sents = [s for s in doc.sents if s.text.strip()]
    assert paragraph_sizes(sents, doc.text) == [2, 1, 1]


def test_in_wire_copy_the_frame_goes_on_into_the_next_paragraph():
    assert _talks_source([FILLER], [FRAMED], [TALKS], [FILLER]) == "Kenyan foreign ministry"


@pytest.mark.parametrize("paragraphs", [
    ([FRAMED], [TALKS]),  # two paragraphs: too few to call it wire copy
    ([FILLER, FILLER], [FRAMED], [TALKS, FILLER], [FILLER, FILLER]),  # long paragraphs
    ([FILLER], [FRAMED], [FILLER, FILLER], [TALKS], [FILLER]),  # a paragraph of two between
])
def test_outside_wire_copy_the_frame_stays_in_its_paragraph(paragraphs):
    assert _talks_source(*paragraphs) is None
