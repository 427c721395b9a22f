"""The attendees of a gathering as one group (sideline.stages.events.gatherings), over parses built by hand."""
from __future__ import annotations

from sideline.records import Actor
from sideline.stages.events.gatherings import gathering_group
from sideline.stages.events.words import Words

from .parsed import parse

W = Words.load()


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_named_summit_is_attended_by_its_leaders():
    doc = parse("""
        0  Okafor     _  PROPN  NNP  2  nsubj     B-PERSON
        1  will       _  AUX    MD   2  aux
        2  attend     _  VERB   VB   2  ROOT
        3  the        _  DET    DT   4  det
        4  Summit     _  PROPN  NNP  2  dobj      B-EVENT
        5  of         _  ADP    IN   4  prep      I-EVENT
        6  the        _  DET    DT   7  det       I-EVENT
        7  Pacific    _  PROPN  NNP  5  pobj      I-EVENT
        8  in         _  ADP    IN   2  prep
        9  June       _  PROPN  NNP  8  pobj      B-DATE
        10 .          _  PUNCT  .    2  punct
    """)
    group = gathering_group(token(doc, "Summit"), None, W)
    assert group is not None
    assert (group.name, group.kind) == ("Summit of the Pacific leaders", "group")


def test_the_members_the_text_names_and_the_body_that_holds_the_gathering():
    doc = parse("""
        0  Ramos     _      PROPN  NNP  1  nsubj   B-PERSON
        1  attended  attend VERB   VBD  1  ROOT
        2  the       _      DET    DT   3  det
        3  session   _      NOUN   NN   1  dobj
        4  of        _      ADP    IN   3  prep
        5  heads     head   NOUN   NNS  4  pobj
        6  of        _      ADP    IN   5  prep
        7  state     _      NOUN   NN   6  pobj
        8  of        _      ADP    IN   5  prep
        9  the       _      DET    DT   11 det
        10 African   _      PROPN  NNP  11 compound B-ORG
        11 Union     _      PROPN  NNP  8  pobj     I-ORG
        12 .         _      PUNCT  .    1  punct
    """)
    au = Actor("African Union", "the African Union", code="IGOAFRAU", kind="organisation")
    group = gathering_group(token(doc, "session"), au, W)
    assert group is not None
    assert (group.name, group.code) == ("African Union heads of state", "IGOAFRAU")


def test_a_gathering_that_names_no_members_and_is_no_summit_has_no_group():
    doc = parse("""
        0  Ramos     _      PROPN  NNP  1  nsubj  B-PERSON
        1  attended  attend VERB   VBD  1  ROOT
        2  a         _      DET    DT   3  det
        3  session   _      NOUN   NN   1  dobj
        4  of        _      ADP    IN   3  prep
        5  the       _      DET    DT   6  det
        6  council   _      NOUN   NN   4  pobj
        7  .         _      PUNCT  .    1  punct
    """)
    assert gathering_group(token(doc, "session"), None, W) is None
    assert gathering_group(token(doc, "Ramos"), None, W) is None  # not a gathering at all
