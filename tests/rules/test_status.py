"""Status (sideline.stages.events.status.StatusReader) over parses built by hand (no model).

Every cue is shown twice: in a sentence where it decides the status, and in the same
sentence without it (or with its opposite), where the status is another.
"""
from __future__ import annotations

import pytest

from sideline.records import Status
from sideline.stages.events.status import StatusReader

from .parsed import parse, trigger
from .sentences import MET, PASSIVE


@pytest.fixture(scope="module")
def reader() -> StatusReader:
    return StatusReader()


def status(reader: StatusReader, doc, word: str) -> Status:
    return reader.read(trigger(doc, word))


def meets(*aux: str, tag: str = "VB") -> object:
    """"Trudeau <aux...> meet Biden." with the auxiliaries (will, not, may) on the verb."""
    n = len(aux)
    lines = [f"{k + 1}  {w}  _  {'PART  RB' if w == 'not' else 'AUX  MD'}  {n + 1}  {'neg' if w == 'not' else 'aux'}"
             for k, w in enumerate(aux)]
    return parse("\n".join([f"0  Trudeau  _  PROPN  NNP  {n + 1}  nsubj  B-PERSON", *lines,
                            f"{n + 1}  meet   _  VERB   {tag}  {n + 1}  ROOT",
                            f"{n + 2}  Biden  _  PROPN  NNP  {n + 1}  dobj   B-PERSON",
                            f"{n + 3}  .      _  PUNCT  .    {n + 1}  punct"]))


# -- occurred and planned -----------------------------------------------------------------------------
def test_a_past_verb_occurred_and_a_future_one_is_planned(reader):
    assert status(reader, MET, "met") is Status.OCCURRED
    assert status(reader, PASSIVE, "received") is Status.OCCURRED
    assert meets("will").text == "Trudeau will meet Biden."
    assert status(reader, meets("will"), "meet") is Status.PLANNED


def test_scheduled_is_planned_and_had_been_scheduled_did_not_happen(reader):
    now = parse("""
        0  The        _         DET    DT   1  det
        1  meeting    _         NOUN   NN   3  nsubjpass
        2  is         be        AUX    VBZ  3  auxpass
        3  scheduled  schedule  VERB   VBN  3  ROOT
        4  for        _         ADP    IN   3  prep
        5  Friday     _         PROPN  NNP  4  pobj       B-DATE
        6  .          _         PUNCT  .    3  punct
    """)
    then = parse("""
        0  The        _         DET    DT   1  det
        1  meeting    _         NOUN   NN   4  nsubjpass
        2  had        have      AUX    VBD  4  aux
        3  been       be        AUX    VBN  4  auxpass
        4  scheduled  schedule  VERB   VBN  4  ROOT
        5  for        _         ADP    IN   4  prep
        6  Friday     _         PROPN  NNP  5  pobj       B-DATE
        7  .          _         PUNCT  .    4  punct
    """)
    assert status(reader, now, "meeting") is Status.PLANNED
    assert status(reader, then, "meeting") is Status.RULED_OUT


# -- proposed -----------------------------------------------------------------------------------------
def test_an_invitation_is_proposed_and_an_accepted_one_planned(reader):
    invited = parse("""
        0  Boluarte  _       PROPN  NNP  1  nsubj  B-PERSON
        1  invited   invite  VERB   VBD  1  ROOT
        2  Boric     _       PROPN  NNP  1  dobj   B-PERSON
        3  to        _       PART   TO   4  aux
        4  visit     _       VERB   VB   1  xcomp
        5  Peru      _       PROPN  NNP  4  dobj   B-GPE
        6  .         _       PUNCT  .    1  punct
    """)
    accepted = parse("""
        0  Boric       _       PROPN  NNP  1  nsubj  B-PERSON
        1  accepted    accept  VERB   VBD  1  ROOT
        2  an          _       DET    DT   3  det
        3  invitation  _       NOUN   NN   1  dobj
        4  to          _       PART   TO   5  aux
        5  visit       _       VERB   VB   3  acl
        6  Peru        _       PROPN  NNP  5  dobj   B-GPE
        7  .           _       PUNCT  .    1  punct
    """)
    assert status(reader, invited, "visit") is Status.PROPOSED
    assert status(reader, accepted, "visit") is Status.PLANNED


@pytest.mark.parametrize("adjective, expected", [("ready", Status.PROPOSED), ("due", Status.PLANNED)])
def test_ready_to_meet_is_an_offer_and_due_to_meet_a_plan(reader, adjective, expected):
    doc = parse(f"""
        0  Lavrov       _     PROPN  NNP  1  nsubj  B-PERSON
        1  is           be    AUX    VBZ  1  ROOT
        2  {adjective}  _     ADJ    JJ   1  acomp
        3  to           _     PART   TO   4  aux
        4  meet         _     VERB   VB   2  xcomp
        5  Blinken      _     PROPN  NNP  4  dobj   B-PERSON
        6  .            _     PUNCT  .    1  punct
    """)
    assert status(reader, doc, "meet") is expected


# -- ruled out ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("verb, lemma, expected", [
    ("refused", "refuse", Status.RULED_OUT),
    ("declined", "decline", Status.RULED_OUT),
    ("agreed", "agree", Status.PLANNED),
])
def test_refusing_to_meet_rules_it_out_and_agreeing_plans_it(reader, verb, lemma, expected):
    doc = parse(f"""
        0  Trudeau  _        PROPN  NNP  1  nsubj  B-PERSON
        1  {verb}   {lemma}  VERB   VBD  1  ROOT
        2  to       _        PART   TO   3  aux
        3  meet     _        VERB   VB   1  xcomp
        4  Biden    _        PROPN  NNP  3  dobj   B-PERSON
        5  .        _        PUNCT  .    1  punct
    """)
    assert status(reader, doc, "meet") is expected


@pytest.mark.parametrize("verb, lemma, expected", [
    ("cancelled", "cancel", Status.CANCELLED),
    ("postponed", "postpone", Status.POSTPONED),
    ("ended", "end", Status.OCCURRED),
])
def test_a_cancelled_or_postponed_visit_is_ruled_out_and_an_ended_one_occurred(reader, verb, lemma, expected):
    doc = parse(f"""
        0  Trudeau     _        PROPN  NNP   1  nsubj  B-PERSON
        1  {verb}      {lemma}  VERB   VBD   1  ROOT
        2  his         _        PRON   PRP$  3  poss
        3  visit       _        NOUN   NN    1  dobj
        4  to          _        ADP    IN    3  prep
        5  Washington  _        PROPN  NNP   4  pobj   B-GPE
        6  .           _        PUNCT  .     1  punct
    """)
    got = status(reader, doc, "visit")
    assert got is expected and (got.coarse is Status.RULED_OUT) == (expected is not Status.OCCURRED)


@pytest.mark.parametrize("verb, lemma, expected", [("denied", "deny", Status.DENIED),
                                                   ("confirmed", "confirm", Status.OCCURRED)])
def test_a_denial_above_the_clause_reaches_it_and_a_confirmation_does_not_change_it(reader, verb, lemma,
                                                                                    expected):
    doc = parse(f"""
        0  Officials  official  NOUN   NNS  1  nsubj
        1  {verb}     {lemma}   VERB   VBD  1  ROOT
        2  that       _         SCONJ  IN   5  mark
        3  Putin      _         PROPN  NNP  5  nsubj  B-PERSON
        4  had        have      AUX    VBD  5  aux
        5  met        meet      VERB   VBN  1  ccomp
        6  Trump      _         PROPN  NNP  5  dobj   B-PERSON
        7  .          _         PUNCT  .    1  punct
    """)
    assert status(reader, doc, "met") is expected


def test_a_negation_rules_out_and_a_modal_negation_leaves_it_open(reader):
    assert status(reader, meets("will", "not"), "meet") is Status.RULED_OUT
    assert status(reader, meets("may", "not"), "meet") is Status.UNCERTAIN
    assert status(reader, meets("will"), "meet") is Status.PLANNED


@pytest.mark.parametrize("det, expected", [("No", Status.RULED_OUT), ("A", Status.PLANNED)])
def test_no_meeting_was_planned_rules_it_out(reader, det, expected):
    doc = parse(f"""
        0  {det}    _     DET    DT   1  det
        1  meeting  _     NOUN   NN   3  nsubjpass
        2  was      be    AUX    VBD  3  auxpass
        3  planned  plan  VERB   VBN  3  ROOT
        4  .        _     PUNCT  .    3  punct
    """)
    assert status(reader, doc, "meeting") is expected


def test_a_meeting_that_anchors_a_time_keeps_its_own_status(reader):
    doc = parse("""
        0  Starmer  _     PROPN  NNP  3  nsubj  B-PERSON
        1  has      have  AUX    VBZ  3  aux
        2  not      _     PART   RB   3  neg
        3  seen     see   VERB   VBN  3  ROOT
        4  Xi       _     PROPN  NNP  3  dobj   B-PERSON
        5  since    _     ADP    IN   3  prep
        6  a        _     DET    DT   7  det
        7  meeting  _     NOUN   NN   5  pobj
        8  with     _     ADP    IN   7  prep
        9  Lula     _     PROPN  NNP  8  pobj   B-PERSON
        10 in       _     ADP    IN   7  prep
        11 Rio      _     PROPN  NNP  10 pobj   B-GPE
        12 .        _     PUNCT  .    3  punct
    """)
    trig = trigger(doc, "meeting")
    assert reader.scope(trig)[0] == [trig.token]
    assert reader.read(trig) is Status.OCCURRED


# -- uncertain ----------------------------------------------------------------------------------------
def test_may_meet_is_uncertain(reader):
    assert status(reader, meets("may"), "meet") is Status.UNCERTAIN
    assert status(reader, meets("will"), "meet") is not Status.UNCERTAIN
    assert status(reader, MET, "met") is not Status.UNCERTAIN


# -- a plan told in the past ----------------------------------------------------------------------
WAS_TO = parse("""
    0  Karimi  Karimi  PROPN  NNP  1  nsubj     B-PERSON
    1  was      be       AUX    VBD  1  ROOT
    2  to       _        PART   TO   3  aux
    3  hold     _        VERB   VB   1  xcomp
    4  talks    talk     NOUN   NNS  3  dobj
    5  with     _        ADP    IN   4  prep
    6  Haddad   Haddad   PROPN  NNP  5  pobj      B-PERSON
    7  .        _        PUNCT  .    1  punct
""")

WAS_EXPECTED = parse("""
    0  Biden     Biden   PROPN  NNP  2  nsubjpass  B-PERSON
    1  was       be      AUX    VBD  2  auxpass
    2  expected  expect  VERB   VBN  2  ROOT
    3  to        _       PART   TO   4  aux
    4  arrive    _       VERB   VB   2  xcomp
    5  in        _       ADP    IN   4  prep
    6  Berlin    Berlin  PROPN  NNP  5  pobj       B-GPE
    7  .         _       PUNCT  .    2  punct
""")

SAID_WAS_TO = parse("""
    0  Aides    aide    NOUN   NNS  1  nsubj
    1  said     say     VERB   VBD  1  ROOT
    2  Karimi  Karimi PROPN  NNP  3  nsubj   B-PERSON
    3  was      be      AUX    VBD  1  ccomp
    4  to       _       PART   TO   5  aux
    5  meet     _       VERB   VB   3  xcomp
    6  Haddad   Haddad  PROPN  NNP  5  dobj    B-PERSON
    7  .        _       PUNCT  .    1  punct
""")


def test_a_plan_told_in_the_past_is_planned_and_says_so(reader):
    assert WAS_TO.text == "Karimi was to hold talks with Haddad."
    assert reader.assess(trigger(WAS_TO, "talks")) == (Status.PLANNED, "past-plan")
    assert reader.assess(trigger(WAS_EXPECTED, "arrive")) == (Status.PLANNED, "past-plan")


def test_under_a_reporting_verb_was_to_is_the_reported_is_to(reader):
    status_, step = reader.assess(trigger(SAID_WAS_TO, "meet"))
    assert status_ is Status.PLANNED and step != "past-plan"


def test_the_status_step_tells_a_default_from_a_stated_status(reader):
    assert reader.assess(trigger(MET, "met")) == (Status.OCCURRED, "tense")
    assert reader.assess(trigger(meets("will"), "meet")) == (Status.PLANNED, "future")


def test_a_visit_held_off_is_postponed(reader):
    doc = parse("""
        0  The    _     DET    DT   1  det
        1  visit  _     NOUN   NN   3  nsubjpass
        2  was    be    AUX    VBD  3  auxpass
        3  held   hold  VERB   VBN  3  ROOT
        4  off    _     ADP    RP   3  prt
        5  .      _     PUNCT  .    3  punct
    """)
    assert status(reader, doc, "visit") is Status.POSTPONED


def _subject_of(verb: str, lemma: str) -> object:
    """"The summit with Ruto did not <verb> anything ." (the trigger noun is the verb's subject)"""
    return parse(f"""
        0  The      _      DET    DT   1  det
        1  summit   _      NOUN   NN   6  nsubj
        2  with     _      ADP    IN   1  prep
        3  Ruto     _      PROPN  NNP  2  pobj   B-PERSON
        4  did      do     AUX    VBD  6  aux
        5  not      _      PART   RB   6  neg
        6  {verb}   {lemma}  VERB  VB   6  ROOT
        7  anything _      PRON   NN   6  dobj
        8  .        _      PUNCT  .    6  punct
    """)


def test_a_negated_outcome_of_the_engagement_does_not_rule_it_out(reader):
    assert status(reader, _subject_of("happen", "happen"), "summit") is Status.RULED_OUT  # did not happen
    assert status(reader, _subject_of("change", "change"), "summit") is not Status.RULED_OUT  # changed nothing
    assert reader.outcome(trigger(_subject_of("change", "change"), "summit"))
    assert not reader.outcome(trigger(_subject_of("happen", "happen"), "summit"))


def test_a_plan_told_in_the_past_perfect_did_not_come_about(reader):
    def planned(aux: str, tag: str) -> object:
        return parse(f"""
            0  Ruto     _     PROPN  NNP  2  nsubj  B-PERSON
            1  {aux}    _     AUX    {tag}  2  aux
            2  planned  plan  VERB   VBN  2  ROOT
            3  to       _     PART   TO   4  aux
            4  visit    _     VERB   VB   2  xcomp
            5  Peru     _     PROPN  NNP  4  dobj   B-GPE
            6  .        _     PUNCT  .    2  punct
        """)
    assert status(reader, planned("had", "VBD"), "visit") is Status.RULED_OUT  # had planned to: overtaken
    assert status(reader, planned("has", "VBZ"), "visit") is not Status.RULED_OUT  # has planned to: still on


# -- unrealised plans: a plan told as overtaken, an engagement that would have been -------------------
def _scheduled(adverb: str | None):
    """"Trudeau was [originally] scheduled to meet Biden.\""""
    extra = f"2  {adverb}  _  ADV  RB  3  advmod\n" if adverb else ""
    k = 1 if adverb else 0
    return parse(f"""
        0  Trudeau    _         PROPN  NNP  {2 + k}  nsubjpass  B-PERSON
        1  was        be        AUX    VBD  {2 + k}  auxpass
        {extra}{2 + k}  scheduled  schedule  VERB   VBN  {2 + k}  ROOT
        {3 + k}  to         _         PART   TO   {4 + k}  aux
        {4 + k}  meet       _         VERB   VB   {2 + k}  xcomp
        {5 + k}  Biden      _         PROPN  NNP  {4 + k}  dobj   B-PERSON
        {6 + k}  .          _         PUNCT  .    {2 + k}  punct
    """)


def test_originally_scheduled_is_a_plan_overtaken(reader):
    assert status(reader, _scheduled("originally"), "meet") is Status.RULED_OUT
    assert status(reader, _scheduled(None), "meet") is Status.PLANNED


def test_would_have_met_did_not_happen(reader):
    assert meets("would").text == "Trudeau would meet Biden."
    assert status(reader, meets("would"), "meet") is not Status.RULED_OUT
    would_have = parse("""
        0  Trudeau  _     PROPN  NNP  3  nsubj  B-PERSON
        1  would    _     AUX    MD   3  aux
        2  have     _     AUX    VB   3  aux
        3  met      meet  VERB   VBN  3  ROOT
        4  Biden    _     PROPN  NNP  3  dobj   B-PERSON
        5  .        _     PUNCT  .    3  punct
    """)
    assert status(reader, would_have, "met") is Status.RULED_OUT


def _invitation(verb: str, lemma: str, particle: str | None):
    """"Trudeau <verb> [particle] an invitation to visit Ottawa.\""""
    k = 1 if particle else 0
    prt = f"2  {particle}  _  ADP  RP  1  prt\n" if particle else ""
    return parse(f"""
        0  Trudeau     _        PROPN  NNP  1  nsubj  B-PERSON
        1  {verb}      {lemma}  VERB   VBD  1  ROOT
        {prt}{2 + k}  an          _        DET    DT   {3 + k}  det
        {3 + k}  invitation  _        NOUN   NN   1  dobj
        {4 + k}  to          _        PART   TO   {5 + k}  aux
        {5 + k}  visit       _        VERB   VB   {3 + k}  acl
        {6 + k}  Ottawa      _        PROPN  NNP  {5 + k}  dobj  B-GPE
        {7 + k}  .           _        PUNCT  .    1  punct
    """)


def test_an_invitation_turned_down_or_withdrawn_is_ruled_out(reader):
    assert status(reader, _invitation("accepted", "accept", None), "visit") is not Status.RULED_OUT
    assert status(reader, _invitation("turned", "turn", "down"), "visit") is Status.RULED_OUT
    assert status(reader, _invitation("withdrew", "withdraw", None), "visit") is Status.RULED_OUT


# -- a plan an earlier report told ---------------------------------------------------------------------
def _reported(*adverb: str, aux: str | None = None):
    """"Local papers (had) reported (earlier) that the premier will meet Otieno." """
    extra = ([f"2  {aux}  have  AUX  VBD  3  aux"] if aux else [])
    n = len(extra)
    lines = [
        "0  Local    _  ADJ    JJ   1  amod",
        "1  papers   _  NOUN   NNS  {r}  nsubj",
        *extra,
        f"{2 + n}  reported report VERB {'VBN' if aux else 'VBD'} {2 + n}  ROOT",
        *[f"{3 + n + k}  {a}  _  ADV  RB  {2 + n}  advmod" for k, a in enumerate(adverb)],
    ]
    m = 3 + n + len(adverb)
    lines += [f"{m}  that     _  SCONJ  IN   {m + 4}  mark",
              f"{m + 1}  the   _  DET    DT   {m + 2}  det",
              f"{m + 2}  premier _  NOUN  NN   {m + 4}  nsubj",
              f"{m + 3}  will  _  AUX    MD   {m + 4}  aux",
              f"{m + 4}  meet  _  VERB   VB   {2 + n}  ccomp",
              f"{m + 5}  Otieno _ PROPN  NNP  {m + 4}  dobj  B-PERSON",
              f"{m + 6}  .     _  PUNCT  .    {2 + n}  punct"]
    return parse("\n".join(lines).replace("{r}", str(2 + n)))


def test_a_plan_told_by_an_earlier_report_is_a_plan_told_in_the_past(reader):
    earlier = reader.assess(trigger(_reported("earlier"), "meet"))
    assert earlier == (Status.PLANNED, "reported-earlier")
    assert reader.assess(trigger(_reported(aux="had"), "meet")) == (Status.PLANNED, "reported-earlier")
    assert reader.assess(trigger(_reported(), "meet")) == (Status.PLANNED, "future")


def test_a_topic_left_out_of_a_call_does_not_undo_the_call(reader):
    table = """
        0  Tariffs   tariff   NOUN   NNS  3  nsubjpass
        1  were      be       AUX    VBD  3  auxpass
        2  not       _        PART   RB   3  neg
        3  discussed discuss  VERB   VBN  3  ROOT
        4  in        _        ADP    IN   3  prep
        5  their     _        PRON   PRP$ 7  poss
        6  phone     _        NOUN   NN   7  compound
        7  call      _        NOUN   NN   4  pobj
        8  .         _        PUNCT  .    3  punct
    """
    assert status(reader, parse(table), "call") is Status.OCCURRED
    person = table.replace("Tariffs   tariff   NOUN   NNS  3  nsubjpass",
                           "Ruto      _        PROPN  NNP  3  nsubjpass B-PERSON").replace(
                           "discussed discuss", "included  include")
    assert status(reader, parse(person), "call") is Status.RULED_OUT  # a party left out of it


#: "Karimi {aux} {verb} to meet Haddad in Delhi."
HOPED = """
    0  Karimi   Karimi  PROPN  NNP  2  nsubj  B-PERSON
    1  {aux}    _       AUX    VBD  2  aux
    2  {verb}   {lemma} VERB   {tag} 2  ROOT
    3  to       _       PART   TO   4  aux
    4  meet     _       VERB   VB   2  xcomp
    5  Haddad   Haddad  PROPN  NNP  4  dobj   B-PERSON
    6  .        _       PUNCT  .    2  punct
"""


def test_a_hope_or_intention_told_in_the_past_perfect_did_not_come_about(reader):
    had_hoped = parse(HOPED.format(aux="had", verb="hoped", lemma="hope", tag="VBN"))
    assert reader.assess(trigger(had_hoped, "meet"))[0] is Status.RULED_OUT
    had_intended = parse(HOPED.format(aux="had", verb="intended", lemma="intend", tag="VBN"))
    assert reader.assess(trigger(had_intended, "meet"))[0] is Status.RULED_OUT
    hopes = parse(HOPED.format(aux="still", verb="hopes", lemma="hope", tag="VBZ").replace(
        "1  still    _       AUX    VBD  2  aux", "1  still    _       ADV    RB   2  advmod"))
    assert reader.assess(trigger(hopes, "meet"))[0] is Status.PROPOSED  # "still hopes to meet": open
