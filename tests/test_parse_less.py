"""The nlp stage's selection (no model): by default only sentences with an event word (and a
speaker's neighbour) are analysed, and no sentence gets the ``ner``-only pass (issue 14)."""
from __future__ import annotations

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


def test_by_default_no_sentence_gets_ner_alone():
    stage = NLP()
    assert stage.lead == 0 and stage.ner_window == 0
    parse, ner = stage.select(_doc())
    assert _texts(parse) == ["The ministers met in Geneva."] and ner == []
