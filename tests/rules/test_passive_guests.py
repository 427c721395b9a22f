"""A guest in a passive clause: "Upon his arrival in Accra, Otieno was welcomed by President
Mensah". The possessive of the fronted trip stands for the clause's subject as written (the one
welcomed, not the by-phrase), and the welcome of a guest is no offer, in the passive as in the
active. Parses built by hand; each rule shown firing and not firing."""
from __future__ import annotations

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.arguments import roles
from sideline.stages.events.status import StatusReader

from .parsed import document, parse, trigger

#: "Upon his arrival in Accra, Otieno was welcomed by President Mensah."
UPON_ARRIVAL = """
    0  Upon      upon     SCONJ  IN   8  prep
    1  his       his      PRON   PRP$ 2  poss
    2  arrival   arrival  NOUN   NN   0  pobj
    3  in        _        ADP    IN   2  prep
    4  Accra     _        PROPN  NNP  3  pobj     B-GPE
    5  ,         _        PUNCT  ,    8  punct
    6  Otieno    _        PROPN  NNP  8  nsubjpass B-PERSON
    7  was       be       AUX    VBD  8  auxpass
    8  welcomed  welcome  VERB   VBN  8  ROOT
    9  by        _        ADP    IN   8  agent
    10 President _        PROPN  NNP  11 compound
    11 Mensah    _        PROPN  NNP  9  pobj     B-PERSON
    12 .         _        PUNCT  .    8  punct
"""

#: "Upon his arrival in Accra, Otieno welcomed President Mensah." (active: the subject is still Otieno)
ACTIVE = """
    0  Upon      upon     SCONJ  IN   7  prep
    1  his       his      PRON   PRP$ 2  poss
    2  arrival   arrival  NOUN   NN   0  pobj
    3  in        _        ADP    IN   2  prep
    4  Accra     _        PROPN  NNP  3  pobj     B-GPE
    5  ,         _        PUNCT  ,    7  punct
    6  Otieno    _        PROPN  NNP  7  nsubj    B-PERSON
    7  greeted   greet    VERB   VBD  7  ROOT
    8  President _        PROPN  NNP  9  compound
    9  Mensah    _        PROPN  NNP  7  dobj     B-PERSON
    10 .         _        PUNCT  .    7  punct
"""


def test_the_possessive_of_a_fronted_trip_is_the_passive_clause_subject():
    r = roles(trigger(parse(UPON_ARRIVAL), "arrival"))
    assert [t.text for t in r.agents] == ["Otieno"]  # the one welcomed, not the by-phrase
    assert [t.text for t in r.places] == ["Accra"]
    r = roles(trigger(parse(ACTIVE), "arrival"))
    assert [t.text for t in r.agents] == ["Otieno"]  # the active subject, as before


def test_a_guest_welcomed_in_the_passive_is_no_offer():
    reader = StatusReader()
    assert reader.assess(trigger(parse(UPON_ARRIVAL), "arrival"))[0] is Status.OCCURRED
    idea = UPON_ARRIVAL.replace("6  Otieno    _        PROPN  NNP  8  nsubjpass B-PERSON",
                                "6  idea      _        NOUN   NN   8  nsubjpass")
    assert reader.assess(trigger(parse(idea), "arrival"))[0] is Status.PROPOSED  # "the idea was welcomed"


#: "Upon his arrival in Accra, Minister Otieno was welcomed by President Mensah."
TITLED = """
    0  Upon      upon     SCONJ  IN   9  prep
    1  his       his      PRON   PRP$ 2  poss
    2  arrival   arrival  NOUN   NN   0  pobj
    3  in        _        ADP    IN   2  prep
    4  Accra     _        PROPN  NNP  3  pobj     B-GPE
    5  ,         _        PUNCT  ,    9  punct
    6  Minister  _        PROPN  NNP  7  compound
    7  Otieno    _        PROPN  NNP  9  nsubjpass B-PERSON
    8  was       be       AUX    VBD  9  auxpass
    9  welcomed  welcome  VERB   VBN  9  ROOT
    10 by        _        ADP    IN   9  agent
    11 President _        PROPN  NNP  12 compound
    12 Mensah    _        PROPN  NNP  10 pobj     B-PERSON
    13 .         _        PUNCT  .    9  punct
"""


def test_the_arrival_is_the_guests_visit():
    doc = Events()(Actors()(document(TITLED, "2024-05-06")))
    visits = [ev for ev in doc.events if ev.type is EventType.VISIT]
    assert visits and [a.name for a in visits[0].actors] == ["Otieno", "Ghana"]
    assert all(ev.actors[0].name != "Mensah" and ev.status is Status.OCCURRED for ev in visits)
