"""A meeting of persons who all act for one state is domestic, no diplomatic engagement (the
dev guideline); an international body's official, or an envoy (whose country may be where he
is posted), keeps a meeting one. Parses built by hand."""
from __future__ import annotations

import pytest

from sideline.records import Actor
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.stage import _domestic
from sideline.stages.events.words import Words

from .parsed import document

MET = """
    0  Ghanaian  _        ADJ    JJ   1  amod     B-NORP
    1  President _        PROPN  NNP  2  compound
    2  Mensah    _        PROPN  NNP  3  nsubj    B-PERSON
    3  met       meet     VERB   VBD  3  ROOT
    4  {adj}     _        ADJ    JJ   6  amod     B-NORP
    5  Minister  _        PROPN  NNP  6  compound
    6  Owusu     _        PROPN  NNP  3  dobj     B-PERSON
    7  .         _        PUNCT  .    3  punct
"""


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_two_officials_of_one_state_meeting_is_domestic(extract):
    assert extract(MET.replace("{adj}", "Kenyan")).events, "a Ghanaian and a Kenyan: an engagement"
    assert extract(MET.replace("{adj}", "Ghanaian")).events == ()


def test_an_envoy_or_a_body_keeps_the_meeting():
    posted = Words.load().posted_roles
    president = Actor(name="A", mention="A", role="President", country="YEM", kind="person")
    envoy = Actor(name="B", mention="B", role="Special Envoy", country="YEM", kind="person")
    minister = Actor(name="C", mention="C", role="Foreign Minister", country="YEM", kind="person")
    chief = Actor(name="D", mention="D", role="Secretary-General", country=None, code="IGOUNO", kind="person")
    assert _domestic((president, minister), posted)
    assert not _domestic((president, envoy), posted)
    assert not _domestic((president, chief), posted)
