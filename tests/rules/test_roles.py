"""Argument roles (sideline.stages.events.arguments.roles): the phrase heads around a trigger,
read from parses built by hand (no model). Each rule is shown firing and not firing."""
from __future__ import annotations

from sideline.stages.events.arguments import roles, venue
from sideline.stages.events.phrases import dateline_end

from .parsed import parse, trigger
from .sentences import MET, PASSIVE, TALKS


def heads(tokens) -> list[str]:
    return [t.text for t in tokens]


def read(doc, word: str) -> tuple[list[str], list[str], list[str], bool]:
    """(agents, others, places, passive) of the trigger on ``word``."""
    r = roles(trigger(doc, word))
    return heads(r.agents), heads(r.others), heads(r.places), r.passive


# -- verbs ------------------------------------------------------------------------------------------
def test_subject_object_and_place_of_a_verb():
    assert read(MET, "met") == (["Trudeau"], ["Biden"], ["Ottawa"], False)


def test_coordinated_subjects_are_all_agents():
    doc = parse("""
        0  Scholz  _     PROPN  NNP  5  nsubj  B-PERSON
        1  ,       _     PUNCT  ,    0  punct
        2  Macron  _     PROPN  NNP  0  conj   B-PERSON
        3  and     _     CCONJ  CC   2  cc
        4  Meloni  _     PROPN  NNP  2  conj   B-PERSON
        5  met     meet  VERB   VBD  5  ROOT
        6  in      _     ADP    IN   5  prep
        7  Kyiv    _     PROPN  NNP  6  pobj   B-GPE
        8  .       _     PUNCT  .    5  punct
    """)
    assert read(doc, "met") == (["Scholz", "Macron", "Meloni"], [], ["Kyiv"], False)


def test_a_with_phrase_names_the_other_party():
    doc = parse("""
        0  Lavrov   _     PROPN  NNP  1  nsubj  B-PERSON
        1  met      meet  VERB   VBD  1  ROOT
        2  with     _     ADP    IN   1  prep
        3  Blinken  _     PROPN  NNP  2  pobj   B-PERSON
        4  in       _     ADP    IN   1  prep
        5  Geneva   _     PROPN  NNP  4  pobj   B-GPE
        6  .        _     PUNCT  .    1  punct
    """)
    assert read(doc, "met") == (["Lavrov"], ["Blinken"], ["Geneva"], False)


def test_the_by_phrase_of_a_passive_is_the_agent():
    assert read(PASSIVE, "received") == (["Abiy"], ["Ruto"], ["airport"], True)
    active = parse("""
        0  Ruto      _        PROPN  NNP  1  nsubj  B-PERSON
        1  received  receive  VERB   VBD  1  ROOT
        2  Abiy      _        PROPN  NNP  1  dobj   B-PERSON
        3  .         _        PUNCT  .    1  punct
    """)
    assert read(active, "received") == (["Ruto"], ["Abiy"], [], False)


def test_a_relative_clause_takes_the_noun_it_hangs_on_as_subject():
    doc = parse("""
        0  Lavrov   _      PROPN  NNP  8  nsubj  B-PERSON
        1  ,        _      PUNCT  ,    0  punct
        2  who      _      PRON   WP   3  nsubj
        3  met      meet   VERB   VBD  0  relcl
        4  Blinken  _      PROPN  NNP  3  dobj   B-PERSON
        5  on       _      ADP    IN   3  prep
        6  Friday   _      PROPN  NNP  5  pobj   B-DATE
        7  ,        _      PUNCT  ,    0  punct
        8  left     leave  VERB   VBD  8  ROOT
        9  Geneva   _      PROPN  NNP  8  dobj   B-GPE
        10 .        _      PUNCT  .    8  punct
    """)
    assert read(doc, "met")[:2] == (["Lavrov"], ["Blinken"])


def test_the_object_of_an_invitation_is_the_visitor_and_the_subject_of_agreed_is_himself():
    def to_visit(verb: str, lemma: str, obj: bool):
        boric = "2  Boric  _  PROPN  NNP  1  dobj  B-PERSON" if obj else ""
        k = 3 if obj else 2
        return parse(f"""
            0  Boluarte  _        PROPN  NNP  1  nsubj  B-PERSON
            1  {verb}    {lemma}  VERB   VBD  1  ROOT
            {boric}
            {k}      to     _     PART   TO   {k + 1}  aux
            {k + 1}  visit  _     VERB   VB   1        xcomp
            {k + 2}  Peru   _     PROPN  NNP  {k + 1}  dobj   B-GPE
            {k + 3}  .      _     PUNCT  .    1        punct
        """)

    assert read(to_visit("invited", "invite", obj=True), "visit")[:2] == (["Boric"], ["Peru"])
    assert read(to_visit("agreed", "agree", obj=False), "visit")[:2] == (["Boluarte"], ["Peru"])


# -- nouns ------------------------------------------------------------------------------------------
def test_the_subject_of_a_light_verb_takes_part():
    assert read(TALKS, "talks") == (["Kishida"], ["Modi"], ["Tokyo"], False)


def test_a_meeting_between_two_names_both_and_no_subject():
    doc = parse("""
        0  The      _     DET    DT   1  det
        1  meeting  _     NOUN   NN   6  nsubj
        2  between  _     ADP    IN   1  prep
        3  Blinken  _     PROPN  NNP  2  pobj      B-PERSON
        4  and      _     CCONJ  CC   3  cc
        5  Wang     _     PROPN  NNP  3  conj      B-PERSON
        6  lasted   last  VERB   VBD  6  ROOT
        7  three    _     NUM    CD   8  nummod
        8  hours    hour  NOUN   NNS  6  npadvmod
        9  .        _     PUNCT  .    6  punct
    """)
    assert read(doc, "meeting") == ([], ["Blinken", "Wang"], [], False)


def test_a_possessor_is_the_visitor():
    def visit(owner: bool):
        putin = "0  Putin  _  PROPN  NNP  2  poss  B-PERSON\n1  's  _  PART  POS  0  case" if owner else \
            "0  The  _  DET  DT  2  det\n1  first  _  ADJ  JJ  2  amod"
        return parse(f"""
            {putin}
            2  visit   _    NOUN   NN   5  nsubj
            3  to      _    ADP    IN   2  prep
            4  China   _    PROPN  NNP  3  pobj   B-GPE
            5  ended   end  VERB   VBD  5  ROOT
            6  .       _    PUNCT  .    5  punct
        """)

    assert read(visit(owner=True), "visit") == (["Putin"], [], ["China"], False)
    assert read(visit(owner=False), "visit") == ([], [], ["China"], False)


def test_a_possessive_pronoun_stands_for_the_subject_of_the_clause():
    doc = parse("""
        0  Modi       _        PROPN  NNP   3  nsubj  B-PERSON
        1  and        _        CCONJ  CC    0  cc
        2  Biden      _        PROPN  NNP   0  conj   B-PERSON
        3  discussed  discuss  VERB   VBD   3  ROOT
        4  trade      _        NOUN   NN    3  dobj
        5  during     _        ADP    IN    3  prep
        6  their      their    PRON   PRP$  7  poss
        7  meeting    _        NOUN   NN    5  pobj
        8  .          _        PUNCT  .     3  punct
    """)
    assert read(doc, "meeting")[1] == ["Modi", "Biden"]


def test_the_subject_of_a_light_verb_visits_and_the_subject_of_a_speaking_verb_does_not():
    def the_visit(verb: str, lemma: str):
        return parse(f"""
            0  Putin    _        PROPN  NNP  1  nsubj  B-PERSON
            1  {verb}   {lemma}  VERB   VBD  1  ROOT
            2  the      _        DET    DT   3  det
            3  visit    _        NOUN   NN   1  dobj
            4  to       _        ADP    IN   3  prep
            5  China    _        PROPN  NNP  4  pobj   B-GPE
            6  .        _        PUNCT  .    1  punct
        """)

    assert read(the_visit("paid", "pay"), "visit")[0] == ["Putin"]
    assert read(the_visit("confirmed", "confirm"), "visit")[0] == []


def test_a_summit_that_only_names_where_has_no_participants_of_its_own():
    sidelines = parse("""
        0  Modi       _         PROPN  NNP  3  nsubj  B-PERSON
        1  and        _         CCONJ  CC   0  cc
        2  Biden      _         PROPN  NNP  0  conj   B-PERSON
        3  met        meet      VERB   VBD  3  ROOT
        4  on         _         ADP    IN   3  prep
        5  the        _         DET    DT   6  det
        6  sidelines  sideline  NOUN   NNS  4  pobj
        7  of         _         ADP    IN   6  prep
        8  the        _         DET    DT   9  det
        9  summit     _         NOUN   NN   7  pobj
        10 .          _         PUNCT  .    3  punct
    """)
    summit = trigger(sidelines, "summit").token
    assert venue(summit)
    assert read(sidelines, "summit") == ([], [], [], False)
    assert read(sidelines, "met")[0] == ["Modi", "Biden"]
    purpose = parse("""
        0  Orban    _       PROPN  NNP  1  nsubj  B-PERSON
        1  arrived  arrive  VERB   VBD  1  ROOT
        2  in       _       ADP    IN   1  prep
        3  Ankara   _       PROPN  NNP  2  pobj   B-GPE
        4  for      _       ADP    IN   1  prep
        5  a        _       DET    DT   6  det
        6  summit   _       NOUN   NN   4  pobj
        7  with     _       ADP    IN   6  prep
        8  Erdogan  _       PROPN  NNP  7  pobj   B-PERSON
        9  .        _       PUNCT  .    1  punct
    """)
    assert not venue(trigger(purpose, "summit").token)
    assert read(purpose, "summit")[:2] == (["Orban"], ["Erdogan"])


# -- datelines --------------------------------------------------------------------------------------
def test_a_dateline_ends_at_its_dash():
    dated = parse("""
        0  MOSCOW  _     PROPN  NNP  3  npadvmod  B-GPE
        1  –       _     PUNCT  :    0  punct
        2  Lavrov  _     PROPN  NNP  3  nsubj     B-PERSON
        3  met     meet  VERB   VBD  3  ROOT
        4  Fidan   _     PROPN  NNP  3  dobj      B-PERSON
        5  .       _     PUNCT  .    3  punct
    """)
    assert dated.text == "MOSCOW – Lavrov met Fidan."
    assert dateline_end(dated[:]) == 2
    assert dateline_end(MET[:]) == 0


def test_a_passive_under_was_to_takes_its_by_phrase_as_agent():
    """"he was to be received by Steinmeier": the subject belongs to "was", the passive to
    "received"; Steinmeier receives, he is received."""
    doc = parse("""
        0  He          he       PRON   PRP  1  nsubj
        1  was         be       AUX    VBD  1  ROOT
        2  to          _        PART   TO   4  aux
        3  be          _        AUX    VB   4  auxpass
        4  received    receive  VERB   VBN  1  xcomp
        5  by          _        ADP    IN   4  agent
        6  Steinmeier  _        PROPN  NNP  5  pobj   B-PERSON
        7  .           _        PUNCT  .    1  punct
    """)
    agents, others, _, passive = read(doc, "received")
    assert (agents, others, passive) == (["Steinmeier"], ["He"], True)
    active = parse("""
        0  He          he       PRON   PRP  1  nsubj
        1  was         be       AUX    VBD  1  ROOT
        2  to          _        PART   TO   3  aux
        3  receive     _        VERB   VB   1  xcomp
        4  Steinmeier  _        PROPN  NNP  3  dobj   B-PERSON
        5  .           _        PUNCT  .    1  punct
    """)
    assert read(active, "receive")[:2] == (["He"], ["Steinmeier"])


def test_a_phone_call_from_someone_names_the_caller():
    doc = parse("""
        0  Sisi      _        PROPN  NNP  1  nsubj  B-PERSON
        1  received  receive  VERB   VBD  1  ROOT
        2  a         _        DET    DT   4  det
        3  phone     _        NOUN   NN   4  compound
        4  call      _        NOUN   NN   1  dobj
        5  from      _        ADP    IN   4  prep
        6  Salman    _        PROPN  NNP  5  pobj   B-PERSON
        7  .         _        PUNCT  .    1  punct
    """)
    from .parsed import triggers
    assert [t.token.text for t in triggers(doc)] == ["call"]  # "received" only carries the call
    agents, others, _, _ = read(doc, "call")
    assert (agents, others) == (["Sisi"], ["Salman"])


def test_a_visit_that_a_reception_is_for_is_the_guests():
    """"Sisi will receive the Crown Prince for a short visit": the prince visits (a sentence of ours)."""
    doc = parse("""
        0  Sisi     _        PROPN  NNP  2  nsubj     B-PERSON
        1  will     _        AUX    MD   2  aux
        2  receive  _        VERB   VB   2  ROOT
        3  the      _        DET    DT   5  det
        4  Crown    _        PROPN  NNP  5  compound
        5  Prince   _        PROPN  NNP  2  dobj
        6  for      _        ADP    IN   2  prep
        7  a        _        DET    DT   9  det
        8  short    _        ADJ    JJ   9  amod
        9  visit    _        NOUN   NN   6  pobj
        10 .        _        PUNCT  .    2  punct
    """)
    assert read(doc, "visit")[0] == ["Prince"]
    assert read(doc, "receive")[:2] == (["Sisi"], ["Prince"])


def test_a_trip_told_as_the_subject_goes_where_its_verb_sends_it():
    doc = parse("""
        0  His    _     PRON   PRP$  1  poss
        1  trip   _     NOUN   NN    4  nsubjpass
        2  will   _     AUX    MD    4  aux
        3  be     _     AUX    VB    4  auxpass
        4  paid   pay   VERB   VBN   4  ROOT
        5  to     _     ADP    IN    4  prep
        6  {goal} _     {pos}  NNP   5  pobj   {ent}
        7  .      _     PUNCT  .     4  punct
    """.format(goal="Peru", pos="PROPN", ent="B-GPE"))
    assert read(doc, "trip")[2] == ["Peru"]
    later = parse("""
        0  His    _     PRON   PRP$  1  poss
        1  trip   _     NOUN   NN    4  nsubjpass
        2  was    _     AUX    VBD   3  auxpass
        3  put    _     VERB   VBN   3  ROOT
        4  off    _     ADP    RP    3  prt
        5  to     _     ADP    IN    3  prep
        6  Monday _     PROPN  NNP   5  pobj   B-DATE
        7  .      _     PUNCT  .     3  punct
    """)
    assert read(later, "trip")[2] == []  # a day is no destination


def test_a_partner_hung_on_the_phone_word_is_the_verbs():
    doc = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke     speak  VERB   VBD  1  ROOT
        2  on        _      ADP    IN   1  prep
        3  the       _      DET    DT   4  det
        4  telephone _      NOUN   NN   2  pobj
        5  with      _      ADP    IN   4  prep
        6  Abiy      _      PROPN  NNP  5  pobj   B-PERSON
        7  .         _      PUNCT  .    1  punct
    """)
    assert read(doc, "spoke")[:2] == (["Ruto"], ["Abiy"])
    radio = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke     speak  VERB   VBD  1  ROOT
        2  to        _      ADP    IN   1  prep
        3  Kenyatta  _      PROPN  NNP  2  pobj   B-PERSON
        4  on        _      ADP    IN   1  prep
        5  the       _      DET    DT   6  det
        6  radio     _      NOUN   NN   4  pobj
        7  with      _      ADP    IN   6  prep
        8  Abiy      _      PROPN  NNP  7  pobj   B-PERSON
        9  .         _      PUNCT  .    1  punct
    """)
    assert read(radio, "spoke")[1] == ["Kenyatta"]  # only a phone word passes its partner on


def test_a_caption_verb_read_as_a_noun_keeps_its_subject():
    doc = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  talks     talk   NOUN   NNS  1  ROOT
        2  with      _      ADP    IN   1  prep
        3  Abiy      _      PROPN  NNP  2  pobj   B-PERSON
        4  in        _      ADP    IN   1  prep
        5  Nairobi   _      PROPN  NNP  4  pobj   B-GPE
    """)
    assert read(doc, "talks")[:2] == (["Ruto"], ["Abiy"])
    headline = parse("""
        0  Talks     talk   NOUN   NNS  0  ROOT
        1  with      _      ADP    IN   0  prep
        2  Abiy      _      PROPN  NNP  1  pobj   B-PERSON
        3  in        _      ADP    IN   0  prep
        4  Nairobi   _      PROPN  NNP  3  pobj   B-GPE
    """)
    assert read(headline, "Talks")[:2] == ([], ["Abiy"])  # no subject: nobody added


def test_the_one_accused_of_arriving_is_the_traveller():
    doc = parse("""
        0  Baku      _        PROPN  NNP  1  nsubj  B-GPE
        1  accused   accuse   VERB   VBD  1  ROOT
        2  the       _        DET    DT   3  det
        3  crew      _        NOUN   NN   1  dobj
        4  of        _        ADP    IN   1  prep
        5  having    have     AUX    VBG  6  aux
        6  arrived   arrive   VERB   VBN  4  pcomp
        7  in        _        ADP    IN   6  prep
        8  Armenia   _        PROPN  NNP  7  pobj   B-GPE
        9  .         _        PUNCT  .    1  punct
    """)
    assert read(doc, "arrived")[0] == ["crew"]
    after = parse("""
        0  Baku      _        PROPN  NNP  1  nsubj  B-GPE
        1  accused   accuse   VERB   VBD  1  ROOT
        2  the       _        DET    DT   3  det
        3  crew      _        NOUN   NN   1  dobj
        4  after     _        ADP    IN   1  prep
        5  arriving  arrive   VERB   VBG  4  pcomp
        6  in        _        ADP    IN   5  prep
        7  Armenia   _        PROPN  NNP  6  pobj   B-GPE
        8  .         _        PUNCT  .    1  punct
    """)
    assert read(after, "arriving")[0] == ["Baku"]  # after arriving: the subject's own trip


def test_the_first_name_between_two_hung_on_the_second_title_is_a_party():
    doc = parse("""
        0  A         _      DET    DT   1  det
        1  call      _      NOUN   NN   9  nsubjpass
        2  between   _      ADP    IN   1  prep
        3  Ruto      _      PROPN  NNP  6  amod      B-PERSON
        4  and       _      CCONJ  CC   3  cc
        5  Ethiopian _      ADJ    JJ   3  conj      B-NORP
        6  Minister  _      PROPN  NNP  7  compound
        7  Abiy      _      PROPN  NNP  2  pobj      B-PERSON
        8  was       be     AUX    VBD  9  auxpass
        9  arranged  arrange VERB  VBN  9  ROOT
        10 .         _      PUNCT  .    9  punct
    """)
    assert read(doc, "call")[1] == ["Abiy", "Ruto"]
    plain = parse("""
        0  A         _      DET    DT   1  det
        1  call      _      NOUN   NN   7  nsubjpass
        2  between   _      ADP    IN   1  prep
        3  Ethiopian _      ADJ    JJ   4  amod      B-NORP
        4  Minister  _      PROPN  NNP  5  compound
        5  Abiy      _      PROPN  NNP  2  pobj      B-PERSON
        6  was       be     AUX    VBD  7  auxpass
        7  arranged  arrange VERB  VBN  7  ROOT
        8  .         _      PUNCT  .    7  punct
    """)
    assert read(plain, "call")[1] == ["Abiy"]  # no coordinator: a title, not a second party


def test_a_light_verb_clause_on_the_noun_names_who_held_it_and_with_whom():
    doc = parse("""
        0  The       _      DET    DT   1  det
        1  talks     talk   NOUN   NNS  6  nsubj
        2  Ruto      _      PROPN  NNP  3  nsubj     B-PERSON
        3  held      hold   VERB   VBD  1  relcl
        4  with      _      ADP    IN   3  prep
        5  Abiy      _      PROPN  NNP  4  pobj      B-PERSON
        6  ended     end    VERB   VBD  6  ROOT
        7  .         _      PUNCT  .    6  punct
    """)
    assert read(doc, "talks")[1] == ["Ruto", "Abiy"]
    alone = parse("""
        0  The       _      DET    DT   1  det
        1  talks     talk   NOUN   NNS  4  nsubj
        2  Ruto      _      PROPN  NNP  3  nsubj     B-PERSON
        3  wanted    want   VERB   VBD  1  relcl
        4  ended     end    VERB   VBD  4  ROOT
        5  .         _      PUNCT  .    4  punct
    """)
    assert read(alone, "talks")[1] == []  # no partner named: the clause says nothing of who took part


def test_the_name_before_a_captions_position_word_is_a_subject_too():
    doc = parse("""
        0  Ruto      _      PROPN  NNP  2  nsubj  B-PERSON
        1  ,         _      PUNCT  ,    2  punct
        2  left      leave  VERB   VBD  2  ROOT
        3  ,         _      PUNCT  ,    2  punct
        4  and       _      CCONJ  CC   2  cc
        5  Abiy      _      PROPN  NNP  6  nsubj  B-PERSON
        6  meet      _      VERB   VBP  2  conj
        7  in        _      ADP    IN   6  prep
        8  Nairobi   _      PROPN  NNP  7  pobj   B-GPE
    """)
    assert read(doc, "meet")[0] == ["Ruto", "Abiy"]
    told = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke     speak  VERB   VBD  1  ROOT
        2  ,         _      PUNCT  ,    1  punct
        3  and       _      CCONJ  CC   1  cc
        4  Abiy      _      PROPN  NNP  5  nsubj  B-PERSON
        5  met       meet   VERB   VBD  1  conj
        6  Kenyatta  _      PROPN  NNP  5  dobj   B-PERSON
        7  .         _      PUNCT  .    1  punct
    """)
    assert read(told, "met")[0] == ["Abiy"]  # a verb of its own: the first clause's subject stays there


ROUND_OF_TALKS = """
    0  Kenya     _        PROPN  NNP  3  nsubj    B-GPE
    1  and       _        CCONJ  CC   0  cc
    2  Ethiopia  _        PROPN  NNP  0  conj     B-GPE
    3  held      hold     VERB   VBD  3  ROOT
    4  a         _        DET    DT   5  det
    5  round     _        NOUN   NN   3  dobj
    6  of        _        ADP    IN   5  prep
    7  talks     talk     NOUN   NNS  6  pobj
    8  in        _        ADP    IN   7  prep
    9  Nairobi   _        PROPN  NNP  8  pobj     B-GPE
    10 .         _        PUNCT  .    3  punct
"""


def test_a_measure_of_talks_held_is_no_venue():
    tok = trigger(parse(ROUND_OF_TALKS), "talks").token
    assert not venue(tok)  # "held a round of talks": the talks held
    programme = ROUND_OF_TALKS.replace("5  round     _        NOUN   NN   3  dobj", "5  programme _        NOUN   NN   3  dobj")
    assert venue(trigger(parse(programme), "talks").token)  # "had a programme of talks": no engagement of its own
