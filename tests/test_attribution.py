"""Attribution across sentences through the real NLP stage (sentences written for these tests).

The nlp stage parses only the sentences that hold an event word; a speaker named in the
sentence next to one ("“We are ready,” said Ofosu. “...talks...”") is read because that
sentence is parsed too when it holds a quotation mark or a reporting word. The rules
themselves are tested without the model in tests/rules/test_attribution.py.
"""
from __future__ import annotations

import pytest

from sideline.records import Document, EventType


@pytest.fixture(scope="module")
def stages():
    from sideline.stages.actors.stage import Actors
    from sideline.stages.events import Events

    return Actors(), Events()


@pytest.fixture()
def extract(make_doc, stages):
    actors, events = stages

    def run(text: str, published: str = "2024-05-06") -> Document:
        return events(actors(make_doc(text, published=published)))

    return run


def _talks(doc: Document):
    found = [e for e in doc.events if e.type is EventType.TALKS]
    assert found, [(e.type.value, [a.name for a in e.actors]) for e in doc.events]
    return found[0]


def test_a_speaker_in_a_sentence_without_an_event_word_is_read(extract, nlp_stage):
    from sideline.stages.nlp import is_parsed

    text = ("“Our country is ready,” said Felix Ofosu. "
            "“President Bola Tinubu will hold talks with President John Mahama on Monday.”")
    doc = extract(text)
    first = next(iter(doc.parse.sents))
    assert nlp_stage.triggers.search(first.text) is None  # the first sentence holds no event word ...
    assert is_parsed(first)  # ... but is parsed: it holds a quotation mark and "said"
    ev = _talks(doc)
    assert ev.attributed_to is not None and ev.attributed_to.name.endswith("Ofosu")


def test_a_sentence_next_to_an_event_without_quotes_or_speech_stays_unparsed(nlp_stage):
    doc = nlp_stage.parse_texts(["The weather in Accra was warm. President Bola Tinubu met President "
                                 "John Mahama on Monday. Markets were closed for the holiday."])[0]
    parsed = doc.user_data["parsed"]
    assert len(parsed) == 1 and doc.text[parsed[0][0]:parsed[0][1]].startswith("President Bola Tinubu")


def test_a_statement_reported_at_the_end_and_the_statement_later(extract):
    doc = extract("President Joe Biden invited President Alberto Fernandez to visit Washington in July, "
                  "reported a statement from the White House. Fernandez will also meet Vice President "
                  "Kamala Harris, the statement adds.")
    credited = {e.attributed_to.name if e.attributed_to else None for e in doc.events}
    assert credited == {"White House"}


def test_the_sentences_that_may_name_a_speaker_are_parsed_too():
    """speaker_neighbours (no model): around the event sentence, a short reporting clause after
    it, a colon or an opening frame before it, the rest of a quotation it leaves open."""
    from sideline.stages.nlp import NLP
    from sideline.stages.quotation import speaker_neighbours

    speech = NLP().speech
    pick = lambda texts, hit: speaker_neighbours(texts, {hit}, {hit}, speech)  # noqa: E731
    assert pick(["The weather was warm.", "Ruto will meet Abiy on Monday.", "Isaac Mwaura said."], 1) == {2}
    assert pick(["Isaac Mwaura told reporters:", "Ruto will meet Abiy on Monday."], 1) == {0}
    assert pick(["According to the ministry, the agenda is long.", "Ruto will meet Abiy."], 1) == {0}
    assert pick(["“Ruto will meet Abiy on Monday.", "It will be a long day,” Mwaura said on a visit "
                 "to the county of Nakuru where the floods had cut the main road."], 0) == {1}
    assert pick(["“We are ready,” said Mwaura.", "“Ruto will meet Abiy on Monday.”"], 1) == {0}
    assert pick(["The weather was warm.", "Ruto will meet Abiy on Monday.", "Markets were closed for "
                 "the holiday, and traders said prices of maize had risen sharply in the last week."], 1) == set()
