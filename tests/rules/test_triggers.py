"""Triggers (sideline.stages.events.triggers) over parses built by hand: no model, no drift.

Each rule is shown on a sentence that fires it and one that does not. The tables are read
as in tests/rules/parsed.py: index, word, lemma, POS, tag, head, dependency, entity.
"""
from __future__ import annotations

from sideline.records import EventType
from sideline.stages.events.triggers import TriggerLexicon

from .parsed import parse, trigger, triggers
from .sentences import MET, TALKS


def test_the_table_builds_the_sentence_and_marks_it_parsed():
    assert MET.text == "Justin Trudeau met Joe Biden in Ottawa."
    assert MET.user_data["parsed"] == ((0, len(MET.text)),)
    assert [(t.text, t.head.text, t.dep_) for t in MET[1:3]] == [("Trudeau", "met", "nsubj"), ("met", "met", "ROOT")]
    assert [(e.text, e.label_) for e in MET.ents] == [("Justin Trudeau", "PERSON"), ("Joe Biden", "PERSON"),
                                                      ("Ottawa", "GPE")]


# -- verbs --------------------------------------------------------------------------------------
def test_a_verb_of_meeting_is_its_own_predicate():
    [trig] = triggers(MET)
    assert (trig.token.text, trig.type, trig.nominal, trig.predicate) == ("met", EventType.MEET, False, trig.token)


def test_address_needs_a_parliament():
    parliament = parse("""
        0  Zelensky    _        PROPN  NNP  1  nsubj     B-PERSON
        1  addressed   address  VERB   VBD  1  ROOT
        2  the         _        DET    DT   4  det       B-ORG
        3  Canadian    _        PROPN  NNP  4  compound  I-ORG
        4  Parliament  _        PROPN  NNP  1  dobj      I-ORG
        5  .           _        PUNCT  .    1  punct
    """)
    reporters = parse("""
        0  Zelensky    _         PROPN  NNP  1  nsubj  B-PERSON
        1  addressed   address   VERB   VBD  1  ROOT
        2  reporters   reporter  NOUN   NNS  1  dobj
        3  in          _         ADP    IN   1  prep
        4  Kyiv        _         PROPN  NNP  3  pobj   B-GPE
        5  .           _         PUNCT  .    1  punct
    """)
    assert trigger(parliament, "addressed").type is EventType.OTHER_CONSULT
    assert triggers(reporters) == []


def test_speaking_by_phone_is_a_call_and_speaking_at_a_forum_is_nothing():
    phone = parse("""
        0  Macron   _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke    speak  VERB   VBD  1  ROOT
        2  by       _      ADP    IN   1  prep
        3  phone    _      NOUN   NN   2  pobj
        4  with     _      ADP    IN   1  prep
        5  Lula     _      PROPN  NNP  4  pobj   B-PERSON
        6  .        _      PUNCT  .    1  punct
    """)
    forum = parse("""
        0  Macron  _      PROPN  NNP  1  nsubj  B-PERSON
        1  spoke   speak  VERB   VBD  1  ROOT
        2  at      _      ADP    IN   1  prep
        3  the     _      DET    DT   4  det
        4  forum   _      NOUN   NN   2  pobj
        5  .       _      PUNCT  .    1  punct
    """)
    assert trigger(phone, "spoke").type is EventType.PHONE_CALL
    assert triggers(forum) == []


def test_attend_needs_a_gathering():
    def attended(noun: str):
        return parse(f"""
            0  Modi      _       PROPN  NNP  1  nsubj  B-PERSON
            1  attended  attend  VERB   VBD  1  ROOT
            2  the       _       DET    DT   3  det
            3  {noun}    _       NOUN   NN   1  dobj
            4  in        _       ADP    IN   1  prep
            5  Rome      _       PROPN  NNP  4  pobj   B-GPE
            6  .         _       PUNCT  .    1  punct
        """)

    assert trigger(attended("forum"), "attended").type is EventType.MULTILATERAL
    assert triggers(attended("funeral")) == []


def test_a_caption_verb_parsed_as_a_noun_is_still_the_verb():
    caption = parse("""
        0  Pedro     _      PROPN  NNP  1  compound  B-PERSON
        1  Sanchez   _      PROPN  NNP  2  compound  I-PERSON
        2  greets    greet  NOUN   NNS  2  ROOT
        3  King      _      PROPN  NNP  5  compound  B-PERSON
        4  Mohammed  _      PROPN  NNP  5  compound  I-PERSON
        5  VI        _      PROPN  NNP  2  appos     I-PERSON
        6  in        _      ADP    IN   5  prep
        7  Rabat     _      PROPN  NNP  6  pobj      B-GPE
    """)
    trig = trigger(caption, "greets")
    assert (trig.type, trig.nominal) == (EventType.HOST, False)
    greetings = parse("""
        0  The        _         DET    DT   1  det
        1  greetings  greeting  NOUN   NNS  2  nsubj
        2  ended      end       VERB   VBD  2  ROOT
        3  .          _         PUNCT  .    2  punct
    """)
    assert triggers(greetings) == []


def test_being_in_a_city_is_a_visit_and_being_in_charge_is_not():
    stay = parse("""
        0  Lavrov  _     PROPN  NNP  2  nsubj     B-PERSON
        1  will    _     AUX    MD   2  aux
        2  be      _     AUX    VB   2  ROOT
        3  in      _     ADP    IN   2  prep
        4  New     _     PROPN  NNP  5  compound  B-GPE
        5  York    _     PROPN  NNP  3  pobj      I-GPE
        6  .       _     PUNCT  .    2  punct
    """)
    charge = parse("""
        0  Trump       _   PROPN  NNP  1  nsubj  B-PERSON
        1  is          be  AUX    VBZ  1  ROOT
        2  in          _   ADP    IN   1  prep
        3  charge      _   NOUN   NN   2  pobj
        4  in          _   ADP    IN   1  prep
        5  Washington  _   PROPN  NNP  4  pobj   B-GPE
        6  .           _   PUNCT  .    1  punct
    """)
    trig = trigger(stay, "be")
    assert (trig.type, trig.presence) == (EventType.VISIT, True)
    assert triggers(charge) == []


# -- nouns ----------------------------------------------------------------------------------------
def test_a_trigger_noun_takes_the_verb_it_is_subject_of_as_predicate():
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
    [trig] = triggers(doc)
    assert (trig.token.text, trig.type, trig.nominal, trig.predicate.text) == ("meeting", EventType.MEET, True,
                                                                              "lasted")


def test_a_noun_inside_an_office_name_is_no_engagement():
    envoy = parse("""
        0  Norway   _     PROPN  NNP  1  nsubj     B-GPE
        1  named    name  VERB   VBD  1  ROOT
        2  Egeland  _     PROPN  NNP  3  compound  B-PERSON
        3  envoy    _     NOUN   NN   1  dobj
        4  for      _     ADP    IN   3  prep
        5  the      _     DET    DT   6  det
        6  talks    talk  NOUN   NNS  4  pobj
        7  .        _     PUNCT  .    1  punct
    """)
    assert "envoy" in TriggerLexicon().titles
    assert triggers(envoy) == []
    ready = parse("""
        0  Norway   _     PROPN  NNP  1  nsubj  B-GPE
        1  prepared prepare VERB VBD  1  ROOT
        2  for      _     ADP    IN   1  prep
        3  the      _     DET    DT   4  det
        4  talks    talk  NOUN   NNS  2  pobj
        5  .        _     PUNCT  .    1  punct
    """)
    assert trigger(ready, "talks").type is EventType.TALKS


def test_habitual_contact_is_no_engagement():
    def dialogue(modifier: str):
        return parse(f"""
            0  It          it        PRON   PRP  1  nsubj
            1  is          be        AUX    VBZ  1  ROOT
            2  part        _         NOUN   NN   1  attr
            3  of          _         ADP    IN   2  prep
            4  our         _         PRON   PRP$ 6  poss
            5  {modifier}  _         ADJ    JJ   6  amod
            6  dialogue    _         NOUN   NN   3  pobj
            7  with        _         ADP    IN   6  prep
            8  Oslo        _         PROPN  NNP  7  pobj  B-GPE
            9  .           _         PUNCT  .    1  punct
        """)

    assert triggers(dialogue("regular")) == []
    assert trigger(dialogue("first"), "dialogue").type is EventType.TALKS


def test_a_named_summit_is_a_venue_and_a_plain_summit_a_trigger():
    def summit(named: bool):
        ent = "I-EVENT" if named else ""
        return parse(f"""
            0  Leaders   leader  NOUN   NNS  1  nsubj
            1  gathered  gather  VERB   VBD  1  ROOT
            2  for       _       ADP    IN   1  prep
            3  the       _       DET    DT   6  det       {"B-EVENT" if named else ""}
            4  East      _       PROPN  NNP  5  compound  {ent}
            5  Asia      _       PROPN  NNP  6  compound  {ent}
            6  Summit    _       PROPN  NNP  2  pobj      {ent}
            7  .         _       PUNCT  .    1  punct
        """)

    assert triggers(summit(named=True)) == []
    assert trigger(summit(named=False), "Summit").type is EventType.MEET


def test_a_call_is_a_phone_call_only_with_a_phone_word():
    def call(word: str):
        return parse(f"""
            0  The     _     DET    DT   2  det
            1  {word}  _     ADJ    JJ   2  amod
            2  call    _     NOUN   NN   3  nsubj
            3  lasted  last  VERB   VBD  3  ROOT
            4  .       _     PUNCT  .    3  punct
        """)

    assert trigger(call("online"), "call").type is EventType.PHONE_CALL
    assert triggers(call("angry")) == []


# -- light verbs and phrases ----------------------------------------------------------------------
def test_a_light_verb_gives_its_noun_the_predicate():
    [trig] = triggers(TALKS)
    assert (trig.token.text, trig.type, trig.nominal, trig.predicate.text) == ("talks", EventType.TALKS, True, "held")


def test_a_light_verb_with_no_trigger_noun_is_nothing():
    doc = parse("""
        0  Kishida     _     PROPN  NNP  1  nsubj     B-PERSON
        1  held        hold  VERB   VBD  1  ROOT
        2  a           _     DET    DT   4  det
        3  press       _     NOUN   NN   4  compound
        4  conference  _     NOUN   NN   1  dobj
        5  in          _     ADP    IN   1  prep
        6  Tokyo       _     PROPN  NNP  5  pobj      B-GPE
        7  .           _     PUNCT  .    1  punct
    """)
    assert triggers(doc) == []


def test_held_four_hours_of_talks_reaches_the_light_verb():
    doc = parse("""
        0  They   they  PRON   PRP  1  nsubj
        1  held   hold  VERB   VBD  1  ROOT
        2  four   _     NUM    CD   3  nummod
        3  hours  hour  NOUN   NNS  1  dobj
        4  of     _     ADP    IN   3  prep
        5  talks  talk  NOUN   NNS  4  pobj
        6  .      _     PUNCT  .    1  punct
    """)
    assert trigger(doc, "talks").predicate.text == "held"


def test_a_multiword_phrase_is_one_trigger_on_its_verb():
    sat = parse("""
        0  Modi   _    PROPN  NNP  1  nsubj  B-PERSON
        1  sat    sit  VERB   VBD  1  ROOT
        2  down   _    ADP    RP   1  prt
        3  with   _    ADP    IN   1  prep
        4  Biden  _    PROPN  NNP  3  pobj   B-PERSON
        5  .      _    PUNCT  .    1  punct
    """)
    [trig] = triggers(sat)
    assert (trig.token.text, trig.type) == ("sat", EventType.MEET)  # the phrase ends in a particle: its verb
    alone = parse("""
        0  Modi   _    PROPN  NNP  1  nsubj  B-PERSON
        1  sat    sit  VERB   VBD  1  ROOT
        2  down   _    ADP    RP   1  prt
        3  .      _    PUNCT  .    1  punct
    """)
    assert triggers(alone) == []



# -- a bare "call" --------------------------------------------------------------------------------
def _called(rest: str) -> object:
    """"In addition, Biden called <rest>" with the rest given as table lines from token 5 on."""
    return parse("""
        0  In        _     ADP    IN   4  prep
        1  addition  _     NOUN   NN   0  pobj
        2  ,         _     PUNCT  ,    4  punct
        3  Biden     _     PROPN  NNP  4  nsubj  B-PERSON
        4  called    call  VERB   VBD  4  ROOT
    """ + rest)


def test_calling_a_person_is_a_phone_call_even_with_no_phone_word():
    president = _called("""
        5  the        _  DET    DT  6  det
        6  president  _  NOUN   NN  4  oprd
        7  .          _  PUNCT  .   4  punct
    """)
    assert president.text == "In addition, Biden called the president."
    assert trigger(president, "called").type is EventType.PHONE_CALL  # the object parsed as a predicate
    named = _called("""
        5  Lula  _  PROPN  NNP  4  dobj  B-PERSON
        6  .     _  PUNCT  .    4  punct
    """)
    assert trigger(named, "called").type is EventType.PHONE_CALL


def test_calling_for_talks_or_calling_someone_names_is_no_call():
    called_for = _called("""
        5  for    _     ADP    IN   4  prep
        6  talks  talk  NOUN   NNS  5  pobj
        7  .      _     PUNCT  .    4  punct
    """)
    assert [t.token.text for t in triggers(called_for) if t.token.text == "called"] == []
    assert [t.token.text for t in triggers(called_for)] == ["talks"]  # the talks are the trigger, if any
    named = _called("""
        5  him   he  PRON  PRP  4  dobj
        6  a     _   DET   DT   7  det
        7  liar  _   NOUN  NN   4  oprd
        8  .     _   PUNCT .    4  punct
    """)
    assert triggers(named) == []


def test_calling_on_someone_is_a_courtesy_call():
    on = _called("""
        5  on        _  ADP    IN   4  prep
        6  the       _  DET    DT   8  det
        7  Prime     _  PROPN  NNP  8  compound
        8  Minister  _  PROPN  NNP  5  pobj
        9  .         _  PUNCT  .    4  punct
    """)
    assert trigger(on, "called").type is EventType.MEET


def test_a_call_with_a_party_is_a_phone_call():
    with_party = parse("""
        0  In      _     ADP    IN   7  prep
        1  a       _     DET    DT   2  det
        2  call    _     NOUN   NN   0  pobj
        3  with    _     ADP    IN   2  prep
        4  Macron  _     PROPN  NNP  3  pobj  B-PERSON
        5  ,       _     PUNCT  ,    7  punct
        6  Lula    _     PROPN  NNP  7  nsubj B-PERSON
        7  urged   urge  VERB   VBD  7  ROOT
        8  calm    _     NOUN   NN   7  dobj
        9  .       _     PUNCT  .    7  punct
    """)
    assert trigger(with_party, "call").type is EventType.PHONE_CALL


def test_a_phrase_ending_in_a_particle_reads_the_verbs_arguments():
    doc = parse("""
        0  Pompeo     _      PROPN  NNP  1  nsubj  B-PERSON
        1  brought    bring  VERB   VBD  1  ROOT
        2  together   _      ADV    RB   1  advmod
        3  Jubeir     _      PROPN  NNP  1  dobj   B-PERSON
        4  and        _      CCONJ  CC   3  cc
        5  Thani      _      PROPN  NNP  3  conj   B-PERSON
        6  .          _      PUNCT  .    1  punct
    """)
    [trig] = triggers(doc)
    assert (trig.token.text, trig.type) == ("brought", EventType.MEET)


def test_calling_someone_on_a_day_is_a_phone_call_not_a_call_on_someone():
    on_day = parse("""
        0  Ruto     _     PROPN  NNP  1  nsubj  B-PERSON
        1  called   call  VERB   VBD  1  ROOT
        2  Biden    _     PROPN  NNP  1  dobj   B-PERSON
        3  on       _     ADP    IN   1  prep
        4  Friday   _     PROPN  NNP  3  pobj   B-DATE
        5  .        _     PUNCT  .    1  punct
    """)
    assert trigger(on_day, "called").type is EventType.PHONE_CALL
    on_person = parse("""
        0  Ruto     _     PROPN  NNP  1  nsubj  B-PERSON
        1  called   call  VERB   VBD  1  ROOT
        2  on       _     ADP    IN   1  prep
        3  Biden    _     PROPN  NNP  2  pobj   B-PERSON
        4  .        _     PUNCT  .    1  punct
    """)
    assert trigger(on_person, "called").type is EventType.MEET


def test_receiving_a_sum_or_a_count_of_things_is_no_reception():
    guests = parse("""
        0  Ruto       _        PROPN  NNP  1  nsubj   B-PERSON
        1  received   receive  VERB   VBD  1  ROOT
        2  three      _        NUM    CD   4  nummod  B-CARDINAL
        3  Ugandan    _        ADJ    JJ   4  amod    B-NORP
        4  ministers  minister NOUN   NNS  1  dobj
        5  .          _        PUNCT  .    1  punct
    """)
    grants = parse("""
        0  Mombasa    _        PROPN  NNP  3  nsubj   B-GPE
        1  and        _        CCONJ  CC   0  cc
        2  Kisumu     _        PROPN  NNP  0  conj    B-GPE
        3  received   receive  VERB   VBD  3  ROOT
        4  $          _        SYM    $    3  dobj    B-MONEY
        5  50         _        NUM    CD   6  compound I-MONEY
        6  million    _        NUM    CD   4  nummod  I-MONEY
        7  .          _        PUNCT  .    3  punct
    """)
    assert trigger(guests, "received").type is EventType.HOST
    assert triggers(grants) == []


def test_a_handshake_is_a_meeting_of_those_who_shake_hands():
    from sideline.stages.events.arguments import roles

    doc = parse("""
        0  Ruto      _      PROPN  NNP  3  nsubj  B-PERSON
        1  and       _      CCONJ  CC   0  cc
        2  Abiy      _      PROPN  NNP  0  conj   B-PERSON
        3  shook     shake  VERB   VBD  3  ROOT
        4  hands     hand   NOUN   NNS  3  dobj
        5  in        _      ADP    IN   3  prep
        6  Nairobi   _      PROPN  NNP  5  pobj   B-GPE
        7  .         _      PUNCT  .    3  punct
    """)
    trig = trigger(doc, "hands")
    assert (trig.type, trig.predicate.text) == (EventType.MEET, "shook")
    assert [t.text for t in roles(trig).agents] == ["Ruto", "Abiy"]
    clock = parse("""
        0  The       _      DET    DT   1  det
        1  hands     hand   NOUN   NNS  4  nsubj
        2  of        _      ADP    IN   1  prep
        3  clocks    clock  NOUN   NNS  2  pobj
        4  shook     shake  VERB   VBD  4  ROOT
        5  .         _      PUNCT  .    4  punct
    """)
    assert triggers(clock) == []  # the words, but not the phrase


def test_joining_a_person_is_a_meeting_but_joining_a_group_is_not():
    person = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  joined    join   VERB   VBD  1  ROOT
        2  Abiy      _      PROPN  NNP  1  dobj   B-PERSON
        3  in        _      ADP    IN   1  prep
        4  Addis     _      PROPN  NNP  3  pobj   B-GPE
        5  .         _      PUNCT  .    1  punct
    """)
    assert trigger(person, "joined").type is EventType.MEET
    group = parse("""
        0  Youths    youth  NOUN   NNS  1  nsubj
        1  joined    join   VERB   VBD  1  ROOT
        2  the       _      DET    DT   5  det
        3  Abu       _      PROPN  NNP  4  compound  B-PERSON
        4  Sayyaf    _      PROPN  NNP  5  compound  I-PERSON
        5  group     _      NOUN   NN   1  dobj
        6  .         _      PUNCT  .    1  punct
    """)
    assert triggers(group) == []  # a name inside the group's name makes no guest of it


def test_walking_with_a_person_is_a_meeting_walking_with_a_crowd_is_not():
    leader = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  walked    walk   VERB   VBD  1  ROOT
        2  with      _      ADP    IN   1  prep
        3  the       _      DET    DT   4  det
        4  king      _      NOUN   NN   2  pobj
        5  in        _      ADP    IN   1  prep
        6  Rabat     _      PROPN  NNP  5  pobj   B-GPE
        7  .         _      PUNCT  .    1  punct
    """)
    assert trigger(leader, "walked").type is EventType.MEET
    crowd = parse("""
        0  Ruto      _      PROPN  NNP  1  nsubj  B-PERSON
        1  walked    walk   VERB   VBD  1  ROOT
        2  with      _      ADP    IN   1  prep
        3  supporters supporter NOUN NNS 2  pobj
        4  in        _      ADP    IN   1  prep
        5  Rabat     _      PROPN  NNP  4  pobj   B-GPE
        6  .         _      PUNCT  .    1  punct
    """)
    assert triggers(crowd) == []


def test_two_persons_who_chat_meet_even_when_the_caption_verb_is_read_as_a_noun():
    from sideline.stages.events.arguments import roles

    doc = parse("""
        0  Ruto      _      PROPN  NNP  3  nsubj  B-PERSON
        1  and       _      CCONJ  CC   0  cc
        2  Abiy      _      PROPN  NNP  0  conj   B-PERSON
        3  chat      _      NOUN   NN   3  ROOT
        4  in        _      ADP    IN   3  prep
        5  Nairobi   _      PROPN  NNP  4  pobj   B-GPE
    """)
    trig = trigger(doc, "chat")
    assert trig.type is EventType.MEET and [t.text for t in roles(trig).agents] == ["Ruto", "Abiy"]
    crowd = parse("""
        0  Ruto      _      PROPN  NNP  3  nsubj  B-PERSON
        1  and       _      CCONJ  CC   0  cc
        2  fans      fan    NOUN   NNS  0  conj
        3  chat      _      NOUN   NN   3  ROOT
        4  in        _      ADP    IN   3  prep
        5  Nairobi   _      PROPN  NNP  4  pobj   B-GPE
    """)
    assert triggers(crowd) == []


def test_welcoming_a_visit_is_no_reception_but_welcoming_a_guest_is():
    """"Ghana welcomes Otieno's visit": a thing welcomed, the visit is the trigger (carrier_verbs);
    "Ghana welcomes Otieno": a guest, a reception."""
    table = """
        0  Ghana     _        PROPN  NNP  1  nsubj  B-GPE
        1  welcomes  welcome  VERB   VBZ  1  ROOT
        2  Otieno    _        PROPN  NNP  4  poss   B-PERSON
        3  's        _        PART   POS  2  case
        4  visit     _        NOUN   NN   1  dobj
        5  .         _        PUNCT  .    1  punct
    """
    assert [(t.token.text, t.type) for t in triggers(parse(table))] == [("visit", EventType.VISIT)]
    guest = parse("""
        0  Ghana     _        PROPN  NNP  1  nsubj  B-GPE
        1  welcomes  welcome  VERB   VBZ  1  ROOT
        2  Otieno    _        PROPN  NNP  1  dobj   B-PERSON
        3  .         _        PUNCT  .    1  punct
    """)
    assert [(t.token.text, t.type) for t in triggers(guest)] == [("welcomes", EventType.HOST)]


def test_a_conversation_over_dinner_is_a_meeting_and_one_with_a_party_alone_a_call():
    table = """
        0  Ruto          _        PROPN  NNP  1  nsubj  B-PERSON
        1  had           have     VERB   VBD  1  ROOT
        2  a             _        DET    DT   3  det
        3  conversation  _        NOUN   NN   1  dobj
        4  with          _        ADP    IN   3  prep
        5  Abiy          _        PROPN  NNP  4  pobj   B-PERSON
        6  {prep}        _        ADP    IN   3  prep
        7  {noun}        _        NOUN   NN   6  pobj
        8  .             _        PUNCT  .    1  punct
    """
    dinner = parse(table.format(prep="over", noun="dinner"))
    assert [(t.token.text, t.type) for t in triggers(dinner)] == [("conversation", EventType.MEET)]
    trade = parse(table.format(prep="about", noun="trade"))
    assert [(t.token.text, t.type) for t in triggers(trade)] == [("conversation", EventType.PHONE_CALL)]


def test_speaking_in_a_city_with_nobody_is_no_meeting_but_on_the_margins_it_is():
    table = """
        0  Ruto      _       PROPN  NNP  1  nsubj  B-PERSON
        1  spoke     speak   VERB   VBD  1  ROOT
        2  {prep}    _       ADP    IN   1  prep
        3  {obj}     _       {pos}  NN   2  pobj   {ent}
        4  in        _       ADP    IN   1  prep
        5  Nairobi   _       PROPN  NNP  4  pobj   B-GPE
        6  .         _       PUNCT  .    1  punct
    """
    alone = parse(table.format(prep="after", obj="lunch", pos="NOUN", ent=""))
    assert triggers(alone) == []  # "spoke after lunch in Nairobi": a speech, nobody spoken with
    partner = parse(table.format(prep="with", obj="Abiy", pos="PROPN", ent="B-PERSON"))
    assert [(t.token.text, t.type) for t in triggers(partner)] == [("spoke", EventType.MEET)]
    margins = parse(table.format(prep="on", obj="margins", pos="NOUN", ent=""))
    assert [(t.token.text, t.type) for t in triggers(margins)] == [("spoke", EventType.MEET)]
