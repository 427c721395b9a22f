"""Where a visit and a photo caption's meeting are placed (sideline.stages.place.stage): a place
the context lends a visit lies in the country it goes to; a caption's meeting is where the
caption places it."""
from __future__ import annotations

from sideline.records import Actor, Event, EventType, Evidence, Status, Where
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.place import Place

from .parsed import document
from .test_captions import CAPTION


def _visit(*actors: Actor) -> Event:
    return Event(article="t", type=EventType.VISIT, status=Status.OCCURRED, actors=actors,
                 evidence=Evidence(text="", start=0, end=0))


def test_a_lent_place_outside_the_destination_gives_way_to_the_destination():
    place = Place()
    visitor = Actor(name="Kofi Mensah", mention="I", role="Prime Minister", country="GHA", kind="person")
    mexico = Actor(name="Mexico", mention="his country", country="MEX", code="MEX", kind="country")
    ottawa = Where(name="Ottawa", country="CAN")
    assert place._destination(_visit(visitor, mexico), ottawa).country == "MEX"
    inside = Where(name="Mexico City", country="MEX")
    assert place._destination(_visit(visitor, mexico), inside) == inside
    assert place._destination(_visit(visitor), ottawa) == ottawa  # no destination told: the context's


def test_a_captions_meeting_is_where_the_caption_places_it():
    doc = Place()(Events()(Actors()(document(CAPTION))))
    meets = [e for e in doc.events if e.type is EventType.MEET]
    assert meets and meets[0].where is not None and meets[0].where.name == "Accra"


ARRIVED_ON = """
    0  Leaders   leader   NOUN   NNS  1  nsubj
    1  arrived   arrive   VERB   VBD  1  ROOT
    2  on        _        ADP    IN   1  prep
    3  {where}   _        PROPN  NNP  2  pobj     {ent}
    4  .         _        PUNCT  .    1  punct
"""


def test_an_island_state_one_arrives_on_is_a_place_the_recogniser_missed():
    found = Place().find(document(ARRIVED_ON.replace("{where}", "Niue  ").replace("{ent}", "B-ORG")))
    assert [f.where.country for f in found] == ["NIU"]  # tagged as an organisation; the gazetteer knows it
    assert Place().find(document(ARRIVED_ON.replace("{where}", "Monday").replace("{ent}", "B-DATE"))) == []
