"""The actors and events stages over parses built by hand: participants (participants.py) and
attribution (attribution.py) without the model. The actors stage needs no model: it reads the
parse it is given and the knowledge files."""
from __future__ import annotations

import pytest

from sideline.records import EventType, Status
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events

from .parsed import document
from .sentences import MET_TABLE


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()

    def run(table: str, published: str = "2024-05-06", parsed: bool | list[int] = True):
        return events(actors(document(table, published, parsed=parsed)))

    return run


def names(ev) -> list[str]:
    return [a.name for a in ev.actors]


def test_a_meeting_of_two_leaders_in_the_articles_own_voice(extract):
    doc = extract(MET_TABLE)
    assert [(e.type, e.status, names(e), e.attributed_to) for e in doc.events] == [
        (EventType.MEET, Status.OCCURRED, ["Justin Trudeau", "Joe Biden"], None)]
    ev = doc.events[0]
    assert doc.text[ev.trigger.start:ev.trigger.end] == "met" and ev.evidence.text == doc.text


def test_an_unparsed_sentence_gives_no_event(extract):
    assert extract(MET_TABLE, parsed=False).events == ()
    assert len(extract(MET_TABLE, parsed=[0]).events) == 1


def test_meeting_a_demand_is_no_engagement(extract):
    doc = extract("""
        0  The     _     DET    DT   2  det
        1  new     _     ADJ    JJ   2  amod
        2  plant   _     NOUN   NN   4  nsubj
        3  will    _     AUX    MD   4  aux
        4  meet    _     VERB   VB   4  ROOT
        5  the     _     DET    DT   6  det
        6  demand  _     NOUN   NN   4  dobj
        7  for     _     ADP    IN   6  prep
        8  cars    car   NOUN   NNS  7  pobj
        9  .       _     PUNCT  .    4  punct
    """)
    assert doc.events == ()


def test_the_host_comes_first_in_a_passive_too(extract):
    doc = extract("""
        0  President  _        PROPN  NNP  2  compound
        1  William    _        PROPN  NNP  2  compound   B-PERSON
        2  Ruto       _        PROPN  NNP  4  nsubjpass  I-PERSON
        3  was        be       AUX    VBD  4  auxpass
        4  received   receive  VERB   VBN  4  ROOT
        5  by         _        ADP    IN   4  agent
        6  Prime      _        PROPN  NNP  7  compound
        7  Minister   _        PROPN  NNP  9  compound
        8  Abiy       _        PROPN  NNP  9  compound   B-PERSON
        9  Ahmed      _        PROPN  NNP  5  pobj       I-PERSON
        10 .          _        PUNCT  .    4  punct
    """)
    hosts = [e for e in doc.events if e.type is EventType.HOST]
    assert [names(e) for e in hosts] == [["Abiy Ahmed", "William Ruto"]]


def test_delegates_from_a_list_of_countries_make_one_meeting_each(extract):
    doc = extract("""
        0  Sergei     _         PROPN  NNP  1  compound  B-PERSON
        1  Lavrov     _         PROPN  NNP  2  nsubj     I-PERSON
        2  met        meet      VERB   VBD  2  ROOT
        3  delegates  delegate  NOUN   NNS  2  dobj
        4  from       _         ADP    IN   3  prep
        5  Brazil     _         PROPN  NNP  4  pobj      B-GPE
        6  ,          _         PUNCT  ,    5  punct
        7  Egypt      _         PROPN  NNP  5  conj      B-GPE
        8  and        _         CCONJ  CC   7  cc
        9  Indonesia  _         PROPN  NNP  7  conj      B-GPE
        10 .          _         PUNCT  .    2  punct
    """)
    meets = [e for e in doc.events if e.type is EventType.MEET]
    assert len(meets) == 3
    assert {names(e)[0] for e in meets} == {"Sergey Lavrov"}
    assert {names(e)[-1] for e in meets} == {"Brazil", "Egypt", "Indonesia"}


# -- attribution ------------------------------------------------------------------------------------
def test_a_closing_reporting_verb_credits_its_subject(extract):
    doc = extract("""
        0  Olaf        _    PROPN  NNP  1  compound  B-PERSON
        1  Scholz      _    PROPN  NNP  3  nsubj     I-PERSON
        2  will        _    AUX    MD   3  aux
        3  visit       _    VERB   VB   9  ccomp
        4  Beijing     _    PROPN  NNP  3  dobj      B-GPE
        5  ,           _    PUNCT  ,    9  punct
        6  spokesman   _    NOUN   NN   8  compound
        7  Steffen     _    PROPN  NNP  8  compound  B-PERSON
        8  Hebestreit  _    PROPN  NNP  9  nsubj     I-PERSON
        9  said        say  VERB   VBD  9  ROOT
        10 .           _    PUNCT  .    9  punct
    """)
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [(names(e), e.status) for e in visits] == [(["Olaf Scholz", "China"], Status.PLANNED)]
    assert visits[0].attributed_to is not None and visits[0].attributed_to.name == "Steffen Hebestreit"


def test_according_to_credits_its_object(extract):
    doc = extract("""
        0  According  accord  VERB   VBG  9   prep
        1  to         _       ADP    IN   0   prep
        2  the        _       DET    DT   5   det       B-ORG
        3  Turkish    _       PROPN  NNP  5   amod      I-ORG
        4  Foreign    _       PROPN  NNP  5   compound  I-ORG
        5  Ministry   _       PROPN  NNP  1   pobj      I-ORG
        6  ,          _       PUNCT  ,    9   punct
        7  Hakan      _       PROPN  NNP  8   compound  B-PERSON
        8  Fidan      _       PROPN  NNP  9   nsubj     I-PERSON
        9  met        meet    VERB   VBD  9   ROOT
        10 Sergei     _       PROPN  NNP  11  compound  B-PERSON
        11 Lavrov     _       PROPN  NNP  9   dobj      I-PERSON
        12 in         _       ADP    IN   9   prep
        13 Moscow     _       PROPN  NNP  12  pobj      B-GPE
        14 .          _       PUNCT  .    9   punct
    """)
    meets = [e for e in doc.events if e.type is EventType.MEET]
    assert [names(e) for e in meets] == [["Hakan Fidan", "Sergey Lavrov"]]
    assert meets[0].attributed_to is not None and "Ministry" in meets[0].attributed_to.name


LIST_OF_TITLES = """
    0   Biden       Biden       PROPN  NNP  1   nsubj     B-PERSON
    1   was         be          AUX    VBD  1   ROOT
    2   to          _           PART   TO   3   aux
    3   meet        _           VERB   VB   1   xcomp
    4   with        _           ADP    IN   3   prep
    5   the         _           DET    DT   7   det
    6   German      german      ADJ    JJ   7   amod      B-NORP
    7   Chancellor  Chancellor  PROPN  NNP  4   pobj
    8   ,           _           PUNCT  ,    7   punct
    9   the         _           DET    DT   11  det
    10  French      french      ADJ    JJ   11  amod      B-NORP
    11  President   President   PROPN  NNP  7   appos
    12  ,           _           PUNCT  ,    7   punct
    13  and         _           CCONJ  CC   7   cc
    14  the         _           DET    DT   17  det
    15  British     british     ADJ    JJ   17  amod      B-NORP
    16  Prime       Prime       PROPN  NNP  17  compound
    17  Minister    Minister    PROPN  NNP  7   conj
    18  .           _           PUNCT  .    1   punct
"""


def test_a_list_of_titles_is_a_list_of_office_holders_on_the_day(extract):
    """Each title of "the German Chancellor, the French President, and the British Prime
    Minister" is its own mention (not one title in apposition to another), resolved to the one
    holder of that office on the article's date, and all three take part."""
    doc = extract(LIST_OF_TITLES, published="2024-10-08")
    titles = [m.text for m in doc.mentions if m.label == "TITLE"]
    assert titles == ["the German Chancellor", "the French President", "the British Prime Minister"]
    [ev] = doc.events
    assert names(ev) == ["Joe Biden", "Olaf Scholz", "Emmanuel Macron", "Keir Starmer"]
    assert ev.status is Status.PLANNED and ev.status_cue == "past-plan"
    earlier = extract(LIST_OF_TITLES, published="2019-10-08")
    assert names(earlier.events[0])[1:] == ["Angela Merkel", "Emmanuel Macron", "Boris Johnson"]


def test_bodies_nobody_knows_meeting_with_no_state_among_them_is_no_engagement(extract):
    """Unions meeting a mining company: organisations with no code, no office, no state."""
    doc = extract("""
        0  Kopano     Kopano     PROPN  NNP  3  nsubj  B-ORG
        1  Workers    Workers    PROPN  NNP  0  flat   I-ORG
        2  Union      Union      PROPN  NNP  0  flat   I-ORG
        3  met        meet       VERB   VBD  3  ROOT
        4  Tswelopele Tswelopele PROPN  NNP  5  compound  B-ORG
        5  Platinum   Platinum   PROPN  NNP  3  dobj   I-ORG
        6  .          _          PUNCT  .    3  punct
    """)
    assert [m.text for m in doc.mentions if m.label == "ORG"]  # both bodies are found, as organisations
    assert doc.events == ()
    state = extract("""
        0  Kopano     Kopano     PROPN  NNP  3  nsubj  B-ORG
        1  Workers    Workers    PROPN  NNP  0  flat   I-ORG
        2  Union      Union      PROPN  NNP  0  flat   I-ORG
        3  met        meet       VERB   VBD  3  ROOT
        4  NATO       NATO       PROPN  NNP  3  dobj   B-ORG
        5  .          _          PUNCT  .    3  punct
    """)
    assert len(state.events) == 1  # a known international body takes part


def test_a_surname_first_is_the_full_name_the_text_gives_later(extract):
    """A headline names "Tevosyan", the body "Prime Minister Arman Tevosyan": one person, named
    in full in every claim, the headline's included."""
    doc = extract("""
        0   Tevosyan   Tevosyan  PROPN  NNP  1   nsubj     B-PERSON
        1   meets      meet      VERB   VBZ  1   ROOT
        2   Aliyev     Aliyev    PROPN  NNP  1   dobj      B-PERSON
        3   .          _         PUNCT  .    1   punct
        4   Prime      Prime     PROPN  NNP  5   compound
        5   Minister   Minister  PROPN  NNP  7   compound
        6   Arman      Arman     PROPN  NNP  7   compound  B-PERSON
        7   Tevosyan   Tevosyan  PROPN  NNP  8   nsubj     I-PERSON
        8   said       say       VERB   VBD  8   ROOT
        9   the        _         DET    DT   10  det
        10  talks      talk      NOUN   NNS  11  nsubj
        11  went       go        VERB   VBD  8   ccomp
        12  well       _         ADV    RB   11  advmod
        13  .          _         PUNCT  .    8   punct
    """)
    assert doc.events
    assert {a.name for e in doc.events for a in e.actors} >= {"Arman Tevosyan"}
    assert "Tevosyan" not in {a.name for e in doc.events for a in e.actors}


def test_a_known_name_after_bin_is_the_fathers_inside_a_longer_name(extract):
    doc = extract("""
        0  Crown      Crown     PROPN  NNP  1   compound
        1  Prince     Prince    PROPN  NNP  8   compound
        2  Mohamed    Mohamed   PROPN  NNP  8   compound  B-PERSON
        3  bin        bin       PROPN  NNP  8   compound  I-PERSON
        4  Salman     Salman    PROPN  NNP  8   compound  I-PERSON
        5  bin        bin       PROPN  NNP  8   compound  I-PERSON
        6  Abdulaziz  Abdulaziz PROPN  NNP  8   compound  I-PERSON
        7  Al         Al        PROPN  NNP  8   compound  I-PERSON
        8  Saud       Saud      PROPN  NNP  9   nsubj     I-PERSON
        9  met        meet      VERB   VBD  9   ROOT
        10 Sisi       Sisi      PROPN  NNP  9   dobj      B-PERSON
        11 .          _         PUNCT  .    9   punct
    """, published="2018-03-05")
    [ev] = doc.events
    assert ev.actors[0].name == "Mohammed bin Salman"  # not the king his father, whose name ends his


UZ_LEADER = """
    0   The         _          DET    DT   1   det
    1   President   President  PROPN  NNP  4   nsubj
    2   of          _          ADP    IN   1   prep
    3   Uzbekistan  Uzbekistan PROPN  NNP  2   pobj      B-GPE
    4   met         meet       VERB   VBD  4   ROOT
    5   Berdimuhamedov Berdimuhamedov PROPN NNP 4 dobj   B-PERSON
    6   .           _          PUNCT  .    4   punct
    7   Shavkat     Shavkat    PROPN  NNP  8   compound  B-PERSON
    8   Mirziyoyev  Mirziyoyev PROPN  NNP  9   nsubj     I-PERSON
    9   spoke       speak      VERB   VBD  9   ROOT
    10  .           _          PUNCT  .    9   punct
"""


def test_a_title_is_the_holder_the_document_names_further_down(extract):
    """Undated: the one known person the article names who held the office is the title's."""
    doc = extract(UZ_LEADER, published=None)
    leader = [m.actor.name for m in doc.mentions if m.label == "TITLE" and m.actor is not None]
    assert leader == ["Shavkat Mirziyoyev"]
    dated = extract(UZ_LEADER, published="2010-05-01")  # then he held no such office: the holder of the day
    assert [m.actor.name for m in dated.mentions if m.label == "TITLE" and m.actor is not None] != ["Shavkat Mirziyoyev"]


def test_the_two_are_the_persons_just_named_together_when_no_engagement_told_them(extract):
    doc = extract("""
        0   Putin    Putin   PROPN  NNP  3  nsubj  B-PERSON
        1   and      _       CCONJ  CC   0  cc
        2   Xi       Xi      PROPN  NNP  0  conj   B-PERSON
        3   smiled   smile   VERB   VBD  3  ROOT
        4   .        _       PUNCT  .    3  punct
        5   The      _       DET    DT   6  det
        6   two      _       NUM    CD   7  nsubj
        7   met      meet    VERB   VBD  7  ROOT
        8   for      _       ADP    IN   7  prep
        9   hours    hour    NOUN   NNS  8  pobj
        10  .        _       PUNCT  .    7  punct
    """, published="2019-06-05")
    [ev] = doc.events
    assert sorted(a.name.split()[-1] for a in ev.actors) == ["Jinping", "Putin"]


def test_two_of_anything_is_no_pair_of_parties():
    from sideline.stages.events.phrases import pair_phrase

    from .parsed import parse
    doc = parse("""
        0  Kyiv      Kyiv     PROPN  NNP  1  nsubj  B-GPE
        1  received  receive  VERB   VBD  1  ROOT
        2  two       _        NUM    CD   3  nummod
        3  tranches  tranche  NOUN   NNS  1  dobj
        4  .         _        PUNCT  .    1  punct
        5  The       _        DET    DT   7  det
        6  two       _        NUM    CD   7  nummod
        7  leaders   leader   NOUN   NNS  8  nsubj
        8  spoke     speak    VERB   VBD  8  ROOT
        9  .         _        PUNCT  .    8  punct
    """)
    assert pair_phrase(doc[7]) and not pair_phrase(doc[3])


#: "Prime Minister Rana Okafor spoke at the start of an official visit to Norway ." (hand-written)
_PHASED = """
    0  Prime     _       PROPN  NNP  1   compound  O
    1  Minister  _       PROPN  NNP  3   compound  O
    2  Rana      _       PROPN  NNP  3   compound  B-PERSON
    3  Okafor    _       PROPN  NNP  4   nsubj     I-PERSON
    4  spoke     speak   VERB   VBD  4   ROOT
    5  at        _       ADP    IN   4   prep
    6  the       _       DET    DT   7   det
    7  {phase}   _       NOUN   NN   5   pobj
    8  of        _       ADP    IN   7   prep
    9  an        _       DET    DT   11  det
    10 official  _       ADJ    JJ   11  amod
    11 visit     _       NOUN   NN   8   pobj
    12 to        _       ADP    IN   11  prep
    13 Norway    _       PROPN  NNP  12  pobj      B-GPE
    14 .         _       PUNCT  .    4   punct
"""


def test_the_subject_of_a_verb_over_a_phase_of_a_visit_is_the_visitor(extract):
    doc = extract(_PHASED.format(phase="start"))
    assert [(e.type, e.status, names(e)) for e in doc.events] == [
        (EventType.VISIT, Status.OCCURRED, ["Rana Okafor", "Norway"])]
    assert extract(_PHASED.format(phase="site")).events == ()  # "at the site of a visit": no phase


#: "Norway - Ghanaian Prime Minister Rana Okafor met Jonas Berg ." (a caption's place, a dash, the title)
_CAPTION = """
    0  Norway    _       PROPN  NNP  5   npadvmod  B-GPE
    1  -         _       PUNCT  :    5   punct     O
    2  {demonym} _       ADJ    JJ   3   amod      B-NORP
    3  Prime     _       PROPN  NNP  4   compound  O
    4  Minister  _       PROPN  NNP  6   compound  O
    5  Rana      _       PROPN  NNP  6   compound  B-PERSON
    6  Okafor    _       PROPN  NNP  7   nsubj     I-PERSON
    7  met       meet    VERB   VBD  7   ROOT
    8  Jonas     _       PROPN  NNP  9   compound  B-PERSON
    9  Berg      _       PROPN  NNP  7   dobj      I-PERSON
    10 .         _       PUNCT  .    7   punct
"""


def test_a_spaced_dash_ends_a_title_so_a_captions_place_is_not_the_title_country(extract):
    from sideline.stages.actors.stage import Actors
    from .parsed import document

    doc = Actors()(document(_CAPTION.format(demonym="Ghanaian"), "2024-05-06"))
    okafor = next(m.actor for m in doc.mentions if m.text.endswith("Okafor"))
    assert okafor.role == "Prime Minister" and okafor.country == "GHA"
    doc = Actors()(document(_CAPTION.format(demonym="new"), "2024-05-06"))
    okafor = next(m.actor for m in doc.mentions if m.text.endswith("Okafor"))
    assert okafor.country != "NOR"  # the place before the dash is no part of the title


def test_the_meeting_said_to_bring_nothing_is_the_offered_meeting_told_before(extract):
    doc = extract("""
        0   Putin    Putin   PROPN  NNP  1   nsubj  B-PERSON
        1   offered  offer   VERB   VBD  1   ROOT
        2   to       _       PART   TO   3   aux
        3   meet     meet    VERB   VB   1   xcomp
        4   Xi       Xi      PROPN  NNP  3   dobj   B-PERSON
        5   .        _       PUNCT  .    1   punct
        6   The      _       DET    DT   7   det
        7   meeting  _       NOUN   NN   10  nsubj
        8   would    _       AUX    MD   10  aux
        9   not      _       PART   RB   10  neg
        10  yield    _       VERB   VB   10  ROOT
        11  results  result  NOUN   NNS  10  dobj
        12  .        _       PUNCT  .    10  punct
    """, published="2019-06-05")
    assert [e.status for e in doc.events] == [Status.PROPOSED]  # one offered meeting, not ruled out
    assert sorted(a.name.split()[-1] for a in doc.events[0].actors) == ["Jinping", "Putin"]


def test_a_meeting_that_follows_a_clause_is_its_subjects(extract):
    table = """
        0   Ruto      _       PROPN  NNP  1   nsubj   B-PERSON
        1   arrived   arrive  VERB   VBD  1   ROOT
        2   in        _       ADP    IN   1   prep
        3   Lima      _       PROPN  NNP  2   pobj    B-GPE
        4   ,         _       PUNCT  ,    1   punct
        5   {part}    {lemma}  VERB   VBN  1   advcl
        6   by        _       ADP    IN   5   agent
        7   a         _       DET    DT   8   det
        8   meeting   _       NOUN   NN   6   pobj
        9   with      _       ADP    IN   8   prep
        10  Boluarte  _       PROPN  NNP  9   pobj    B-PERSON
        11  .         _       PUNCT  .    1   punct
    """
    meets = [e for e in extract(table.replace("{part}", "followed").replace("{lemma}", "follow"), published="2024-05-06").events
             if e.type is EventType.MEET]
    assert [[a.name.split()[-1] for a in e.actors] for e in meets] == [["Ruto", "Boluarte"]]
    other = extract(table.replace("{part}", "praised").replace("{lemma}", "praise"), published="2024-05-06").events  # no sequence participle
    assert not any(e.type is EventType.MEET and len(e.actors) > 1 for e in other)


def test_talks_attended_by_two_ministers_are_theirs(extract):
    doc = extract("""
        0   The       _       DET    DT   1   det
        1   talks     talk    NOUN   NNS  9   nsubj
        2   ,         _       PUNCT  ,    1   punct
        3   which     _       PRON   WDT  5   nsubjpass
        4   were      be      AUX    VBD  5   auxpass
        5   attended  attend  VERB   VBN  1   relcl
        6   by        _       ADP    IN   5   agent
        7   Ruto      _       PROPN  NNP  6   pobj    B-PERSON
        8   and       _       CCONJ  CC   7   cc
        9   ended     end     VERB   VBD  9   ROOT
        10  .         _       PUNCT  .    9   punct
    """.replace("8   and       _       CCONJ  CC   7   cc", "8   ,  _  PUNCT  ,  7  punct"), published="2024-05-06")
    assert doc.events == ()  # one name: no engagement
    doc = extract("""
        0   The       _       DET    DT   1   det
        1   talks     talk    NOUN   NNS  10  nsubj
        2   ,         _       PUNCT  ,    1   punct
        3   which     _       PRON   WDT  5   nsubjpass
        4   were      be      AUX    VBD  5   auxpass
        5   attended  attend  VERB   VBN  1   relcl
        6   by        _       ADP    IN   5   agent
        7   Ruto      _       PROPN  NNP  6   pobj    B-PERSON
        8   and       _       CCONJ  CC   7   cc
        9   Boluarte  _       PROPN  NNP  7   conj    B-PERSON
        10  ended     end     VERB   VBD  10  ROOT
        11  .         _       PUNCT  .    10  punct
    """, published="2024-05-06")
    assert [(e.type, sorted(a.name.split()[-1] for a in e.actors)) for e in doc.events] == [
        (EventType.TALKS, ["Boluarte", "Ruto"])]


def test_inviting_someone_to_a_capital_is_a_proposed_visit_there(extract):
    table = """
        0  Boluarte  _       PROPN  NNP  1  nsubj  B-PERSON
        1  invited   invite  VERB   VBD  1  ROOT
        2  Ruto      _       PROPN  NNP  1  dobj   B-PERSON
        3  to        _       ADP    IN   1  prep
        4  {goal}    _       {pos}  NNP  3  pobj   {ent}
        5  .         _       PUNCT  .    1  punct
    """
    doc = extract(table.format(goal="Lima", pos="PROPN", ent="B-GPE"), published="2024-05-06")
    assert [(e.type, e.status, e.actors[0].name.split()[-1], e.actors[1].name) for e in doc.events] == [
        (EventType.VISIT, Status.PROPOSED, "Ruto", "Peru")]
    assert extract(table.format(goal="dinner", pos="NOUN", ent="O"), published="2024-05-06").events == ()


def test_the_leaders_of_a_list_of_countries_are_their_holders_at_the_date(extract):
    """The leaders the knowledge knows at the article's date are those persons (the guideline: a
    title-only mention is resolved when the date fixes the person); Peru, whose "leader" is not
    one office there, stays the country."""
    doc = extract("""
        0   The       _       DET    DT   1   det
        1   summit    _       NOUN   NN   2   nsubj
        2   brought   bring   VERB   VBD  2   ROOT
        3   together  _       ADV    RB   2   advmod
        4   the       _       DET    DT   5   det
        5   leaders   leader  NOUN   NNS  2   dobj
        6   of        _       ADP    IN   5   prep
        7   Peru      _       PROPN  NNP  6   pobj    B-GPE
        8   ,         _       PUNCT  ,    7   punct
        9   Chile     _       PROPN  NNP  7   conj    B-GPE
        10  and       _       CCONJ  CC   9   cc
        11  Kenya     _       PROPN  NNP  9   conj    B-GPE
        12  .         _       PUNCT  .    2   punct
    """, published="2024-05-06")
    assert [sorted(a.name for a in e.actors) for e in doc.events] == [["Gabriel Boric", "Peru", "William Ruto"]]


def test_states_listed_as_subject_of_discuss_hold_talks_among_them(extract):
    table = """
        0  {a}        _        PROPN  NNP  3  nsubj  {ent}
        1  and        _        CCONJ  CC   0  cc
        2  {b}        _        PROPN  NNP  0  conj   {ent}
        3  discussed  discuss  VERB   VBD  3  ROOT
        4  trade      _        NOUN   NN   3  dobj
        5  .          _        PUNCT  .    3  punct
    """
    doc = extract(table.format(a="Peru", b="Chile", ent="B-GPE"), published="2024-05-06")
    assert [sorted(a.name for a in e.actors) for e in doc.events] == [["Chile", "Peru"]]
    persons = extract(table.format(a="Ruto", b="Boluarte", ent="B-PERSON"), published="2024-05-06")
    assert persons.events == ()  # two persons discussing: told of an engagement of its own (a call)


def test_we_in_a_state_leaders_quote_is_the_leader(extract):
    table = """
        0   “        _      PUNCT  ``   3   punct
        1   {we}     _      PRON   PRP  3   nsubj
        2   will     _      AUX    MD   3   aux
        3   meet     _      VERB   VB   9   ccomp
        4   Boluarte _      PROPN  NNP  3   dobj   B-PERSON
        5   ,        _      PUNCT  ,    3   punct
        6   ”        _      PUNCT  ''   3   punct
        7   President _     PROPN  NNP  8   compound
        8   Ruto     _      PROPN  NNP  9   nsubj  B-PERSON
        9   said     say    VERB   VBD  9   ROOT
        10  .        _      PUNCT  .    9   punct
    """
    doc = extract(table.format(we="We"), published="2024-05-06")
    assert [(e.status, sorted(a.name.split()[-1] for a in e.actors)) for e in doc.events] == [
        (Status.PLANNED, ["Boluarte", "Ruto"])]
    assert extract(table.format(we="They"), published="2024-05-06").events == ()  # nobody named before


def test_talks_of_one_official_held_in_a_foreign_capital_are_with_that_country(extract):
    table = """
        0  Ruto    _     PROPN  NNP  1  nsubj  B-PERSON
        1  flew    fly   VERB   VBD  1  ROOT
        2  to      _     ADP    IN   1  prep
        3  Lima    _     PROPN  NNP  2  pobj   B-GPE
        4  after   _     ADP    IN   1  prep
        5  talks   talk  NOUN   NNS  4  pobj
        6  in      _     ADP    IN   5  prep
        7  {city}  _     PROPN  NNP  6  pobj   B-GPE
        8  .       _     PUNCT  .    1  punct
    """
    talks = [e for e in extract(table.format(city="Santiago"), published="2024-05-06").events
             if e.type is EventType.TALKS]
    assert [[a.name.split()[-1] for a in e.actors] for e in talks] == [["Ruto", "Chile"]]
    home = [e for e in extract(table.format(city="Nairobi"), published="2024-05-06").events
            if e.type is EventType.TALKS]
    assert home == []  # talks at home name no foreign party


_INVITED = """
    0  Ruto        _           PROPN  NNP  1  nsubj  B-PERSON
    1  {verb}      {lemma}     VERB   VBD  1  ROOT
    2  an          _           DET    DT   3  det
    3  invitation  _           NOUN   NN   1  dobj
    4  from        _           ADP    IN   3  prep
    5  Boluarte    _           PROPN  NNP  4  pobj   B-PERSON
    6  to          _           PART   TO   7  aux
    7  visit       _           VERB   VB   3  acl
    8  Lima        _           PROPN  NNP  7  dobj   B-GPE
    9  .           _           PUNCT  .    1  punct
"""


def test_the_owner_of_an_invitation_is_the_source_of_the_offer(extract):
    doc = extract(_INVITED.format(verb="accepted", lemma="accept"), published="2024-05-06")
    [visit] = [e for e in doc.events if e.type is EventType.VISIT]
    assert visit.attributed_to is not None and visit.attributed_to.name.endswith("Boluarte")
    assert visit.actors[0].name.endswith("Ruto")


def test_a_plan_told_in_the_past_gives_way_to_the_trip_called_off_in_the_same_sentence():
    from dataclasses import replace as _replace

    from sideline.records import Actor
    from sideline.stages.events.merge import merge

    ruto, peru = Actor("William Ruto", "Ruto", kind="person", country="KEN"), Actor("Peru", "Peru", kind="country",
                                                                                   country="PER")
    plan = _make_visit((ruto, peru), Status.PLANNED, "past-plan", 10)
    called_off = _make_visit((ruto, peru), Status.CANCELLED, "cancelled", 40)
    assert [(e.status, e.status_cue) for e in merge([plan, called_off])] == [(Status.CANCELLED, "cancelled")]
    told = _replace(plan, status_cue="future")  # "will arrive": the first telling holds
    assert [e.status for e in merge([told, called_off])] == [Status.PLANNED]


def test_a_telling_with_only_the_default_status_joins_the_trip_told_with_one():
    """"X will arrive in Cairo on Sunday" ... "Egypt welcomes X's visit" (a trigger noun, no
    cue): the second telling says nothing of the trip's state and makes no claim of its own,
    whichever comes first; one told with a cue of its own ("X visited Cairo") stays apart, and
    so does a trip of the same visitor elsewhere."""
    from dataclasses import replace as _replace

    from sideline.records import Actor
    from sideline.stages.events.merge import merge

    mbs = Actor("Mohammed bin Salman", "bin Salman", kind="person", country="SAU")
    egypt = Actor("Egypt", "Cairo", kind="country", country="EGY")
    uk = Actor("United Kingdom", "London", kind="country", country="GBR")
    plan = _make_visit((mbs, egypt), Status.PLANNED, "future", 10)
    later = _make_visit((mbs, uk), Status.PLANNED, "future", 20)
    welcomed = _make_visit((mbs, egypt), Status.OCCURRED, None, 40)
    assert [(e.status, e.trigger.start) for e in merge([plan, later, welcomed])] == \
        [(Status.PLANNED, 10), (Status.PLANNED, 20)]
    headline = _replace(welcomed, trigger=_replace(welcomed.trigger, start=0, end=4))
    assert [(e.status, e.status_cue) for e in merge([headline, plan])] == [(Status.PLANNED, "future")]
    held = _replace(welcomed, status_cue="tense")  # "bin Salman visited Cairo": a claim of its own
    assert len(merge([plan, later, held])) == 3
    elsewhere = _replace(welcomed, actors=(mbs, Actor("Jordan", "Amman", kind="country", country="JOR")))
    assert len(merge([plan, elsewhere])) == 2


def _make_visit(actors, status, cue, at):
    from sideline.records import Event, Span

    return Event(article="t", type=EventType.VISIT, status=status, actors=actors,
                 evidence=None, trigger=Span(at, at + 4), status_cue=cue, sentence=Span(0, 60))


def test_a_state_met_abroad_is_its_official_but_a_ministry_stays_itself():
    from types import SimpleNamespace

    from sideline.records import Actor
    from sideline.stages.events.stage import _personify

    peru = Actor("Peru", "Lima", kind="government", country="PER")
    boluarte = Actor("Dina Boluarte", "Boluarte", kind="person", country="PER", role="President")
    discourse = SimpleNamespace(country_named=lambda iso: peru if iso == "PER" else None,
                                person_of=lambda iso, prefer=None: boluarte if iso == "PER" else None)
    resolver = SimpleNamespace(discourse=discourse)
    ruto = Actor("William Ruto", "Ruto", kind="person", country="KEN")
    assert _personify((ruto, peru), None, resolver) == (ruto, boluarte)  # "Ruto met Lima": its president
    ministry = Actor("Peruvian Foreign Ministry", "the Peruvian Foreign Ministry", kind="government", country="PER")
    assert _personify((ruto, ministry), None, resolver) == (ruto, ministry)  # a delegation of the ministry


def test_it_in_a_clause_is_the_body_subject_of_the_clause_above(extract):
    table = """
        0   Peru      _       PROPN  NNP  1   nsubj  B-GPE
        1   sent      send    VERB   VBD  1   ROOT
        2   a         _       DET    DT   3   det
        3   team      _       NOUN   NN   1   dobj
        4   to        _       ADP    IN   1   prep
        5   Kenya     _       PROPN  NNP  4   pobj   B-GPE
        6   ,         _       PUNCT  ,    1   punct
        7   where     _       ADV    WRB  9   advmod
        8   {it}      _       PRON   PRP  9   {dep}
        9   met       meet    VERB   VBD  1   advcl
        10  Ruto      _       PROPN  NNP  9   {obj}  B-PERSON
        11  .         _       PUNCT  .    1   punct
    """
    doc = extract(table.format(it="it", dep="nsubj", obj="dobj"), published="2024-05-06")
    assert [sorted(a.name.split()[-1] for a in e.actors) for e in doc.events if e.type is EventType.MEET] == [
        ["Peru", "Ruto"]]
    assert extract(table.format(it="she", dep="nsubj", obj="dobj"), published="2024-05-06").events == ()


def test_a_full_name_the_knowledge_knows_links_a_surname_met_before_it(extract):
    table = """
        0   Aliev      _       PROPN  NNP  1   nsubj     B-PERSON
        1   spoke      speak   VERB   VBD  1   ROOT
        2   .          _       PUNCT  .    1   punct
        3   {demonym}  _       ADJ    JJ   4   amod      B-NORP
        4   President  _       PROPN  NNP  6   compound
        5   Ilham      _       PROPN  NNP  6   compound  B-PERSON
        6   Aliev      _       PROPN  NNP  7   nsubj     I-PERSON
        7   met        meet    VERB   VBD  7   ROOT
        8   Ruto       _       PROPN  NNP  7   dobj      B-PERSON
        9   .          _       PUNCT  .    7   punct
    """
    doc = extract(table.format(demonym="Azerbaijani"), published="2023-05-06")
    full = [m.actor.name for m in doc.mentions if m.text.endswith("Ilham Aliev")]
    assert full == ["Ilham Aliyev"]  # the knowledge's name, not the text's transliteration
    doc = extract(table.format(demonym="Peruvian"), published="2023-05-06")  # no such office holder of Peru
    assert [m.actor.name for m in doc.mentions if m.text.endswith("Ilham Aliev")] != ["Ilham Aliyev"]


def test_a_delegation_led_by_someone_takes_part_through_its_leader(extract):
    led = """
        0  A          _           DET    DT   1   det
        1  delegation delegation  NOUN   NN   9   nsubj
        2  led        lead        VERB   VBN  1   acl
        3  by         _           ADP    IN   2   agent
        4  Iranian    iranian     ADJ    JJ   6   amod      B-NORP
        5  Foreign    _           PROPN  NNP  6   compound
        6  Minister   _           PROPN  NNP  8   compound
        7  Abbas      _           PROPN  NNP  8   compound  B-PERSON
        8  Araghchi   _           PROPN  NNP  3   pobj      I-PERSON
        9  arrived    arrive      VERB   VBD  9   ROOT
        10 in         _           ADP    IN   9   prep
        11 Beirut     _           PROPN  NNP  10  pobj      B-GPE
        12 .          _           PUNCT  .    9   punct
    """
    doc = extract(led)
    assert [(e.type, names(e)) for e in doc.events] == [(EventType.VISIT, ["Abbas Araghchi", "Lebanon"])]
    unled = extract(led.replace("led        lead ", "sent       send "))
    assert unled.events == ()  # "a delegation sent by X": X stays at home


def test_a_call_on_someone_is_a_meeting_with_them(extract):
    noun = extract("""
        0  Kenyan     _        PROPN  NNP  2   amod      B-NORP
        1  Foreign    _        PROPN  NNP  2   compound
        2  Minister   _        PROPN  NNP  4   compound
        3  Musalia    _        PROPN  NNP  4   compound  B-PERSON
        4  Mudavadi   _        PROPN  NNP  5   nsubj     I-PERSON
        5  paid       pay      VERB   VBD  5   ROOT
        6  a          _        DET    DT   8   det
        7  courtesy   _        ADJ    JJ   8   amod
        8  call       _        NOUN   NN   5   dobj
        9  on         _        ADP    IN   8   prep
        10 Ugandan    _        PROPN  NNP  11  compound  B-GPE
        11 President  _        PROPN  NNP  13  compound
        12 Yoweri     _        PROPN  NNP  13  compound  B-PERSON
        13 Museveni   _        PROPN  NNP  9   pobj      I-PERSON
        14 .          _        PUNCT  .    5   punct
    """)
    verb = extract("""
        0  President  _        PROPN  NNP  2   compound
        1  Yoweri     _        PROPN  NNP  2   compound  B-PERSON
        2  Museveni   _        PROPN  NNP  3   nsubj     I-PERSON
        3  called     call     VERB   VBD  3   ROOT
        4  on         _        ADP    IN   3   prep
        5  President  _        PROPN  NNP  7   compound
        6  William    _        PROPN  NNP  7   compound  B-PERSON
        7  Ruto       _        PROPN  NNP  4   pobj      I-PERSON
        8  .          _        PUNCT  .    3   punct
    """)
    assert [(e.type, names(e)) for e in noun.events] == [(EventType.MEET, ["Musalia Mudavadi", "Yoweri Museveni"])]
    assert [(e.type, names(e)) for e in verb.events] == [(EventType.MEET, ["Yoweri Museveni", "William Ruto"])]


LUNCH = """
    0  Singapore  _        PROPN  NNP  2   compound  B-GPE
    1  Prime      _        PROPN  NNP  2   compound
    2  Minister   _        PROPN  NNP  4   compound
    3  Lawrence   _        PROPN  NNP  4   compound  B-PERSON
    4  Wong       _        PROPN  NNP  5   nsubj     I-PERSON
    5  hosted     host     VERB   VBD  5   ROOT
    6  a          _        DET    DT   7   det
    7  lunch      _        NOUN   NN   5   dobj
    8  in         _        ADP    IN   5   prep
    9  honour     honour   NOUN   NN   8   pobj
    10 of         _        ADP    IN   9   prep
    11 Malaysian  _        ADJ    JJ   13  amod      B-NORP
    12 Prime      _        PROPN  NNP  13  compound
    13 Minister   _        PROPN  NNP  15  compound
    14 Anwar      _        PROPN  NNP  15  compound  B-PERSON
    15 Ibrahim    _        PROPN  NNP  10  pobj      I-PERSON
    16 .          _        PUNCT  .    5   punct
"""


def test_the_guest_of_honour_of_a_hosted_meal_is_the_guest(extract):
    doc = extract(LUNCH)
    assert [(e.type, names(e)) for e in doc.events] == [(EventType.HOST, ["Lawrence Wong", "Anwar Ibrahim"])]


def test_visiting_before_a_titled_name_makes_the_name_the_visitor(extract):
    doc = extract("""
        0  President  _        PROPN  NNP  2   compound
        1  William    _        PROPN  NNP  2   compound  B-PERSON
        2  Ruto       _        PROPN  NNP  3   nsubj     I-PERSON
        3  held       hold     VERB   VBD  3   ROOT
        4  a          _        DET    DT   5   det
        5  dinner     _        NOUN   NN   3   dobj
        6  in         _        ADP    IN   3   prep
        7  honour     honour   NOUN   NN   6   pobj
        8  of         _        ADP    IN   3   prep
        9  visiting   visit    VERB   VBG  8   pcomp
        10 Ugandan    _        PROPN  NNP  11  compound  B-NORP
        11 President  _        PROPN  NNP  13  compound
        12 Yoweri     _        PROPN  NNP  13  compound  B-PERSON
        13 Museveni   _        PROPN  NNP  9   dobj      I-PERSON
        14 .          _        PUNCT  .    3   punct
    """)
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and names(visits[0])[0] == "Yoweri Museveni"
    assert all("William Ruto" not in names(e)[:1] for e in visits)
