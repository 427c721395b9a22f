"""The nlp stage (no model): which sentences are parsed and which get ``ner`` alone, and the
first-pass Doc's text, known without joining its tokens (issue 14)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sideline.stages.nlp import NLP

SENTENCES = [["Headline", "of", "the", "day", "."], ["Rain", "fell", "in", "Oslo", "."],
             ["The", "ministers", "met", "in", "Geneva", "."], ["Crews", "cleared", "roads", "."]]


def _doc() -> Doc:
    words = [w for s in SENTENCES for w in s]
    starts = [i == 0 for s in SENTENCES for i in range(len(s))]
    spaces = [i != len(s) - 2 for s in SENTENCES for i in range(len(s))]  # none before the full stop
    return Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)


def _texts(spans) -> list[str]:
    return [s.text.strip() for s in spans]


def test_the_document_reads_as_written():
    assert _doc().text.startswith("Headline of the day. Rain fell in Oslo. The ministers met")


def test_the_lead_gets_ner_when_asked():
    parse, ner = NLP(lead=2).select(_doc())
    assert _texts(parse) == ["The ministers met in Geneva."]
    assert _texts(ner) == ["Headline of the day.", "Rain fell in Oslo."]


def test_without_a_lead_no_sentence_gets_ner_alone():
    parse, ner = NLP(lead=0).select(_doc())
    assert _texts(parse) == ["The ministers met in Geneva."] and ner == []


def test_by_default_the_lead_gets_ner():
    stage = NLP()
    assert stage.lead == 3 and stage.ner_window == 0
    parse, ner = stage.select(_doc())
    assert _texts(ner) == ["Headline of the day.", "Rain fell in Oslo."]  # the third is parsed


def test_a_doc_made_from_a_text_keeps_that_text():
    from sideline.stages.nlp import _knowing_text, _mark_line_breaks, doc_text

    text = "Headline\n\nThe ministers met at 5 p.m. The talks ended."
    words = ["Headline", "\n\n", "The", "ministers", "met", "at", "5", "p.m.", "The", "talks", "ended", "."]
    spaces = [False, False, True, True, True, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)  # English lexical attributes (is_space)
    assert doc.text == text
    known = _mark_line_breaks(_knowing_text(doc, text), frozenset({"The"}))
    assert doc_text(known) == text and known.user_data["sideline.text"] is text
    assert [t.is_sent_start for t in known if t.text == "The"] == [True, True]  # after the blank line, after "p.m."
