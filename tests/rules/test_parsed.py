"""The hand-built parses themselves (tests/rules/parsed.py): what they mark, and the mistakes they refuse."""
from __future__ import annotations

import pytest

from sideline.stages.nlp import is_parsed, parsed_spans

from .parsed import document, parse

TWO = """
    0  Lavrov   _      PROPN  NNP  1  nsubj  B-PERSON
    1  arrived  arrive VERB   VBD  1  ROOT
    2  .        _      PUNCT  .    1  punct
    3  He       he     PRON   PRP  4  nsubj
    4  met      meet   VERB   VBD  4  ROOT
    5  Fidan    _      PROPN  NNP  4  dobj   B-PERSON
    6  .        _      PUNCT  .    4  punct
"""


def test_sentences_are_the_subtrees_of_the_roots_and_all_are_parsed():
    doc = parse(TWO)
    assert doc.text == "Lavrov arrived. He met Fidan."
    assert [s.text for s in doc.sents] == ["Lavrov arrived.", "He met Fidan."]
    assert all(is_parsed(s) for s in doc.sents)
    assert parsed_spans(doc) == ((0, len(doc.text)),)  # only a space between them: one stretch


def test_only_the_sentences_named_are_marked_parsed():
    doc = parse(TWO, parsed=[1])
    assert [is_parsed(s) for s in doc.sents] == [False, True]
    assert [is_parsed(s) for s in parse(TWO, parsed=False).sents] == [False, False]


def test_the_document_is_the_one_the_nlp_stage_leaves():
    doc = document(TWO, published="2024-05-06")
    assert doc.text == doc.article.text == doc.parse.text
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["Lavrov arrived.", "He met Fidan."]
    assert str(doc.published) == "2024-05-06"


@pytest.mark.parametrize("table, message", [
    ("0 Lavrov _ PROPN NNP 0 ROOT\n2 met meet VERB VBD 0 conj", "numbered 2"),
    ("0 Lavrov _ PROPN NNP 3 nsubj", "heads outside"),
    ("0 Lavrov _ PROPN NNP 0", "7 or 8 columns"),
    ("   \n", "empty"),
])
def test_a_mistake_in_a_table_is_refused(table, message):
    with pytest.raises(ValueError, match=message):
        parse(table)
