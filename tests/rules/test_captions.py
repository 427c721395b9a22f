"""A verbless photo caption placing two office holders by position words is a meeting held
(sideline.stages.events.captions): "President X (L) and Prime Minister Y (R) in Accra"; not
a clause ("X, left, speaks to reporters"), not one office holder with a relative. Parses built by
hand (captions are often misparsed: the rule reads words and entities)."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.captions import pictured
from sideline.stages.events.words import Words
from sideline.stages.nlp import caption_marks

from .parsed import document, parse

CAPTION = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  1  ROOT     B-PERSON
    2  (         _        PUNCT  -LRB- 3 punct
    3  L         _        PROPN  NNP  1  appos
    4  )         _        PUNCT  -RRB- 3 punct
    5  and       _        CCONJ  CC   1  cc
    6  President _        PROPN  NNP  7  compound
    7  Otieno    _        PROPN  NNP  1  conj     B-PERSON
    8  (         _        PUNCT  -LRB- 9 punct
    9  R         _        PROPN  NNP  7  appos
    10 )         _        PUNCT  -RRB- 9 punct
    11 in        _        ADP    IN   1  prep
    12 Accra     _        PROPN  NNP  11 pobj     B-GPE
    13 on        _        ADP    IN   1  prep
    14 May       _        PROPN  NNP  13 pobj     B-DATE
    15 2         _        NUM    CD   14 nummod   I-DATE
    16 ,         _        PUNCT  ,    14 punct    I-DATE
    17 2023      _        NUM    CD   14 nummod   I-DATE
"""


def test_the_marks_of_a_caption_in_raw_text():
    marks = caption_marks(["left", "right"], ["L", "R"])
    assert marks.search("President X (L) and Y (R) in Accra")
    assert marks.search("X, left, and Y")
    assert not marks.search("He left, and then Y arrived")
    assert not marks.search("the left wing (of the party)")


def test_a_caption_is_pictured_a_clause_is_not():
    doc = parse(CAPTION)
    found = pictured(next(doc.sents), Words.load())
    assert found is not None and found[0].text == "L"
    assert [t.text for t in found[1]][-1] == ")"  # the list ends before "in Accra"
    clause = CAPTION.replace("5  and       _        CCONJ  CC   1  cc", "5  meets     meet     VERB   VBZ  1  conj")
    assert pictured(next(parse(clause).sents), Words.load()) is None


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_the_caption_is_a_meeting_of_those_pictured_dated_by_its_own_date(extract):
    meets = [e for e in extract(CAPTION).events if e.type is EventType.MEET]
    assert len(meets) == 1
    assert [a.name for a in meets[0].actors] == ["Mensah", "Otieno"] and meets[0].status is Status.OCCURRED
    assert meets[0].status_cue == "pictured" and meets[0].when.text == "May 2, 2023"
    relative = CAPTION.replace("6  President _        PROPN  NNP  7  compound", "6  his       _        PRON   PRP$ 7  poss")
    assert not [e for e in extract(relative).events if e.type is EventType.MEET]  # one office holder only


#: the caption without its date, then a meeting of the same two dated in September 2016
UNDATED_THEN_DATED = "\n".join(CAPTION.splitlines()[:12]) + """
    11 .         _        PUNCT  .    1  punct
    12 Mensah    _        PROPN  NNP  13 nsubj    B-PERSON
    13 met       meet     VERB   VBD  13 ROOT
    14 Otieno    _        PROPN  NNP  13 dobj     B-PERSON
    15 in        _        ADP    IN   13 prep
    16 September _        PROPN  NNP  15 pobj     B-DATE
    17 2016      _        NUM    CD   16 nummod   I-DATE
    18 .         _        PUNCT  .    13 punct
"""


def test_a_caption_without_date_words_borrows_no_other_meetings_date(extract):
    from sideline.stages.time import Time

    evs = Time()(extract(UNDATED_THEN_DATED)).events
    pictured_ = [e for e in evs if e.status_cue == "pictured"]
    told = [e for e in evs if e.type is EventType.MEET and e.status_cue != "pictured"]
    assert pictured_ and told and told[0].when.value == "2016-09"
    assert pictured_[0].when is None or pictured_[0].when.value is None
