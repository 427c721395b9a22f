"""A host's guest takes part in the event it is received for ("welcomed X to Accra for talks"),
and the welcome of a guest is no offer; a thing received ("received an invitation for the
meeting") is no guest. Parses built by hand; each rule shown firing and not firing."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.arguments import roles
from sideline.stages.events.status import StatusReader

from .parsed import document, parse, trigger

WELCOMED_FOR_TALKS = """
    0  President _        PROPN  NNP  2  compound
    1  Ama       _        PROPN  NNP  2  compound B-PERSON
    2  Mensah    _        PROPN  NNP  3  nsubj    I-PERSON
    3  welcomed  welcome  VERB   VBD  3  ROOT
    4  Juma      _        PROPN  NNP  5  compound B-PERSON
    5  Otieno    _        PROPN  NNP  3  dobj     I-PERSON
    6  to        _        ADP    IN   3  prep
    7  Ghana     _        PROPN  NNP  6  pobj     B-GPE
    8  for       _        ADP    IN   3  prep
    9  bilateral _        ADJ    JJ   10 amod
    10 talks     talk     NOUN   NNS  8  pobj
    11 in        _        ADP    IN   10 prep
    12 Accra     _        PROPN  NNP  11 pobj     B-GPE
    13 today     _        NOUN   NN   3  npadvmod B-DATE
    14 .         _        PUNCT  .    3  punct
"""

RECEIVED_INVITATION = """
    0  Otieno     _          PROPN  NNP  1  nsubj   B-PERSON
    1  received   receive    VERB   VBD  1  ROOT
    2  an         _          DET    DT   3  det
    3  invitation _          NOUN   NN   1  dobj
    4  from       _          ADP    IN   3  prep
    5  Mensah     _          PROPN  NNP  4  pobj    B-PERSON
    6  for        _          ADP    IN   1  prep
    7  the        _          DET    DT   8  det
    8  meeting    _          NOUN   NN   6  pobj
    9  .          _          PUNCT  .    1  punct
"""


def read(table: str, word: str) -> tuple[list[str], list[str]]:
    r = roles(trigger(parse(table), word))
    return [t.text for t in r.agents], [t.text for t in r.others]


def test_the_guest_welcomed_for_talks_takes_part_and_the_country_is_where():
    assert read(WELCOMED_FOR_TALKS, "talks") == (["Mensah"], ["Otieno"])  # not "Ghana": where the guest goes
    unwelcomed = WELCOMED_FOR_TALKS.replace("welcomed  welcome ", "urged     urge   ")
    assert "Otieno" not in read(unwelcomed, "talks")[1]  # "urged X to ... for talks": no guest received


def test_a_thing_received_for_a_meeting_is_no_guest():
    assert "invitation" not in read(RECEIVED_INVITATION, "meeting")[1]
    guest = RECEIVED_INVITATION.replace("invitation _          NOUN   NN   1  dobj",
                                        "delegation _          NOUN   NN   1  dobj")
    assert read(guest, "meeting")[1] == ["delegation"]  # a group received is a guest


def test_welcoming_a_guest_is_no_offer():
    reader = StatusReader()
    assert reader.assess(trigger(parse(WELCOMED_FOR_TALKS), "talks"))[0] is Status.OCCURRED
    idea = WELCOMED_FOR_TALKS.replace("Juma      _        PROPN  NNP  5  compound B-PERSON",
                                      "the       _        DET    DT   5  det") \
        .replace("Otieno    _        PROPN  NNP  3  dobj     I-PERSON", "idea      _        NOUN   NN   3  dobj")
    assert reader.assess(trigger(parse(idea), "talks"))[0] is Status.PROPOSED  # "welcomed the idea ... for talks"


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()
    return lambda table: events(actors(document(table)))


def test_the_welcome_makes_talks_held_with_the_guest(extract):
    talks = [e for e in extract(WELCOMED_FOR_TALKS).events if e.type is EventType.TALKS]
    assert len(talks) == 1
    assert [a.name for a in talks[0].actors] == ["Ama Mensah", "Juma Otieno"]
    assert talks[0].status is Status.OCCURRED


ATTENDED_SUMMIT_OF = """
    0  Mensah    _        PROPN  NNP  1  nsubj    B-PERSON
    1  attended  attend   VERB   VBD  1  ROOT
    2  the       _        DET    DT   3  det
    3  Summit    _        PROPN  NNP  1  dobj     B-EVENT
    4  of        _        ADP    IN   3  prep     I-EVENT
    5  the       _        DET    DT   6  det      I-EVENT
    6  Americas  _        PROPN  NNPS 4  pobj     I-EVENT
    7  .         _        PUNCT  .    1  punct
"""


def test_a_word_of_the_gatherings_name_is_no_participant(extract):
    evs = extract(ATTENDED_SUMMIT_OF).events
    assert evs, "the summit attended makes an engagement"
    names = [a.name for a in evs[0].actors]
    assert "Mensah" in names[0] and any(n.startswith("Summit of the Americas") for n in names)
    assert "Americas" not in names


#: "President Mensah arrived in Nairobi. The guest was received by President Otieno."
GUEST_RECEIVED = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    2  arrived   arrive   VERB   VBD  2  ROOT
    3  in        _        ADP    IN   2  prep
    4  Nairobi   _        PROPN  NNP  3  pobj     B-GPE
    5  .         _        PUNCT  .    2  punct
    6  The       _        DET    DT   7  det
    7  guest     _        NOUN   NN   9  nsubjpass
    8  was       be       AUX    VBD  9  auxpass
    9  received  receive  VERB   VBN  9  ROOT
    10 by        _        ADP    IN   9  agent
    11 President _        PROPN  NNP  12 compound
    12 Otieno    _        PROPN  NNP  10 pobj     B-PERSON
    13 .         _        PUNCT  .    9  punct
"""


def test_the_guest_is_the_latest_visitor(extract):
    hosts = [e for e in extract(GUEST_RECEIVED).events if e.type is EventType.HOST]
    assert [[a.name for a in e.actors] for e in hosts] == [["Otieno", "Mensah"]]
    some_guest = GUEST_RECEIVED.replace("6  The       _        DET    DT   7  det", "6  A         _        DET    DT   7  det")
    assert not [e for e in extract(some_guest).events if e.type is EventType.HOST]  # "a guest": nobody told


MET_A_REGION = """
    0  President _        PROPN  NNP  1  compound
    1  Mensah    _        PROPN  NNP  2  nsubj    B-PERSON
    2  met       meet     VERB   VBD  2  ROOT
    3  Otieno    _        PROPN  NNP  2  dobj
    4  in        _        ADP    IN   2  prep
    5  the       _        DET    DT   6  det
    6  Americas  _        PROPN  NNPS 4  pobj     B-LOC
    7  .         _        PUNCT  .    2  punct
"""


def test_a_region_the_recogniser_tagged_is_no_persons_name(extract):
    met = [[a.name for a in e.actors] for e in extract(MET_A_REGION).events if e.type is EventType.MEET]
    assert met == [["Mensah", "Otieno"]]  # an untagged capitalised word is a name of its own
    region = MET_A_REGION.replace("3  Otieno    _        PROPN  NNP  2  dobj", "3  Europe    _        PROPN  NNP  2  dobj     B-LOC")
    assert not [e for e in extract(region).events if e.type is EventType.MEET]  # "met Europe": no one named


AIRPORT_RECEIVED = """
    0  The       _        DET    DT   3  det
    1  Kotoka    _        PROPN  NNP  3  compound B-ORG
    2  International _    PROPN  NNP  3  compound I-ORG
    3  Airport   _        PROPN  NNP  4  nsubj    I-ORG
    4  received  receive  VERB   VBD  4  ROOT
    5  Kenyan    _        ADJ    JJ   6  amod     B-NORP
    6  officials official NOUN   NNS  4  dobj
    7  .         _        PUNCT  .    4  punct
"""


def test_a_building_that_receives_leaves_a_party_of_one_and_no_event(extract):
    assert extract(AIRPORT_RECEIVED).events == ()  # "the Airport received Kenyan officials": no one hosts


COUNTED_TRIPS = """
    0  His       _        PRON   PRP$ 3  poss
    1  three     _        NUM    CD   3  nummod
    2  foreign   _        ADJ    JJ   3  amod
    3  trips     trip     NOUN   NNS  4  nsubj
    4  ended     end      VERB   VBD  4  ROOT
    5  .         _        PUNCT  .    4  punct
"""


def test_a_count_of_trips_without_a_destination_is_no_visit():
    from sideline.records import Actor
    from sideline.stages.events.arguments import Roles
    from sideline.stages.events.discourse import Discourse
    from sideline.stages.events.participants import _visits
    from sideline.stages.events.resolve import Resolver

    from .parsed import trigger

    def visits(table: str) -> list:
        doc = Actors()(document(table))
        ev = Events()
        resolver = Resolver(Discourse(doc, ev.titles, ev.not_names, ev.words), ev.groups, ev.pair_words, words=ev.words)
        visitor = Actor(name="Ama Mensah", mention="His", role="President", country="GHA", kind="person")
        kenya = Actor(name="Kenya", mention="Kenya", country="KEN", code="KEN", kind="country")
        return _visits(trigger(doc.parse, "trips"), Roles((), (), (), False), [visitor], [kenya], [], resolver)

    assert visits(COUNTED_TRIPS) == []  # "his three foreign trips": a count, each trip told elsewhere
    assert visits(COUNTED_TRIPS.replace("1  three     _        NUM    CD   3  nummod",
                                        "1  first     _        ADJ    JJ   3  amod"))  # "his first foreign trips"
