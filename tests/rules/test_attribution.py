"""Attribution over parses built by hand (sentences written for these tests): who the text
credits for a claim, read from the trigger's clause, its sentence, the quotation it sits in
and the sentences next to it (attribution.py, across.py, quotes.py, speakers.py). Each
mechanism has the sentences it must credit and one it must leave in the article's own voice."""
from __future__ import annotations

import pytest

from sideline.records import EventType
from sideline.stages.actors.stage import Actors
from sideline.stages.events import Events
from sideline.stages.events.quotes import paragraph, quotation_at, quotations

from .parsed import document


@pytest.fixture(scope="module")
def extract():
    actors, events = Actors(), Events()

    def run(table: str, parsed: bool | list[int] = True):
        return events(actors(document(table, "2024-05-06", parsed=parsed)))

    return run


def source(doc, kind: EventType, *names: str):
    """The source credited for the one event of this type naming these persons (None: own voice)."""
    found = [e for e in doc.events if e.type is kind and all(any(n in a.name for a in e.actors) for n in names)]
    assert found, f"no {kind.value} with {names} in {[(e.type.value, [a.name for a in e.actors]) for e in doc.events]}"
    return found[0].attributed_to.name if found[0].attributed_to is not None else None


# -- a reporting clause that closes the sentence (step 3) ---------------------------------------
REPORTED_AGENCY = """
    0   William      _          PROPN  NNP   1   compound   B-PERSON
    1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
    2   will         _          AUX    MD    3   aux
    3   visit        _          VERB   VB    3   ROOT
    4   Ethiopia     _          PROPN  NNP   3   dobj       B-GPE
    5   next         _          ADJ    JJ    6   amod       B-DATE
    6   week         _          NOUN   NN    3   npadvmod   I-DATE
    7   ,            _          PUNCT  ,     3   punct
    8   reported     report     VERB   VBD   3   conj
    9   the          _          DET    DT    12  det        B-ORG
    10  Kenya        _          PROPN  NNP   12  compound   I-ORG
    11  News         _          PROPN  NNP   12  compound   I-ORG
    12  Agency       _          PROPN  NNP   8   dobj       I-ORG
    13  .            _          PUNCT  .     3   punct
"""


def test_a_closing_reported_agency_credits_the_agency(extract):
    """"..., reported the Kenya News Agency": the verb hung on the trigger as a conjunct."""
    assert source(extract(REPORTED_AGENCY), EventType.VISIT, "Ruto") == "Kenya News Agency"


STATEMENT_POINTS_OUT = """
    0   William      _          PROPN  NNP   1   compound   B-PERSON
    1   Ruto         _          PROPN  NNP   2   nsubj      I-PERSON
    2   invited      invite     VERB   VBD   2   ROOT
    3   Bola         _          PROPN  NNP   4   compound   B-PERSON
    4   Tinubu       _          PROPN  NNP   2   dobj       I-PERSON
    5   to           _          PART   TO    6   aux
    6   visit        _          VERB   VB    2   xcomp
    7   Nairobi      _          PROPN  NNP   6   dobj       B-GPE
    8   ,            _          PUNCT  ,     2   punct
    9   reported     report     VERB   VBD   2   conj
    10  a            _          DET    DT    11  det
    11  statement    _          NOUN   NN    9   dobj
    12  from         _          ADP    IN    11  prep
    13  the          _          DET    DT    15  det
    14  Kenyan       _          ADJ    JJ    15  amod       B-NORP
    15  presidency   _          NOUN   NN    12  pobj
    16  .            _          PUNCT  .     2   punct
    17  Bola         _          PROPN  NNP   18  compound   B-PERSON
    18  Tinubu       _          PROPN  NNP   20  nsubj      I-PERSON
    19  will         _          AUX    MD    20  aux
    20  meet         _          VERB   VB    28  ccomp
    21  William      _          PROPN  NNP   22  compound   B-PERSON
    22  Ruto         _          PROPN  NNP   20  dobj       I-PERSON
    23  in           _          ADP    IN    20  prep
    24  March        _          PROPN  NNP   23  pobj       B-DATE
    25  ,            _          PUNCT  ,     28  punct
    26  the          _          DET    DT    27  det
    27  statement    _          NOUN   NN    28  nsubj
    28  points       point      VERB   VBZ   28  ROOT
    29  out          _          ADP    RP    28  prt
    30  .            _          PUNCT  .     28  punct
"""


def test_a_statement_from_a_body_and_the_statement_after_it_are_the_bodys(extract):
    """"..., reported a statement from the Kenyan presidency. ..., the statement points out.":
    the report noun stands for its owner, and "the statement" for the body credited before."""
    doc = extract(STATEMENT_POINTS_OUT)
    first = source(doc, EventType.VISIT, "Tinubu")
    assert first is not None and "presidency" in first
    assert source(doc, EventType.MEET, "Tinubu", "Ruto") == first


def test_the_statement_is_not_a_person_credited_before(extract):
    """A person quoted before is no statement: "the statement" keeps its own words."""
    doc = extract("""
        0   Isaac        _          PROPN  NNP   1   compound   B-PERSON
        1   Mwaura       _          PROPN  NNP   2   nsubj      I-PERSON
        2   said         say        VERB   VBD   2   ROOT
        3   Bola         _          PROPN  NNP   4   compound   B-PERSON
        4   Tinubu       _          PROPN  NNP   6   nsubj      I-PERSON
        5   would        _          AUX    MD    6   aux
        6   visit        _          VERB   VB    2   ccomp
        7   Nairobi      _          PROPN  NNP   6   dobj       B-GPE
        8   .            _          PUNCT  .     2   punct
        9   Bola         _          PROPN  NNP   10  compound   B-PERSON
        10  Tinubu       _          PROPN  NNP   12  nsubj      I-PERSON
        11  will         _          AUX    MD    12  aux
        12  meet         _          VERB   VB    20  ccomp
        13  William      _          PROPN  NNP   14  compound   B-PERSON
        14  Ruto         _          PROPN  NNP   12  dobj       I-PERSON
        15  in           _          ADP    IN    12  prep
        16  March        _          PROPN  NNP   15  pobj       B-DATE
        17  ,            _          PUNCT  ,     20  punct
        18  the          _          DET    DT    19  det
        19  statement    _          NOUN   NN    20  nsubj
        20  points       point      VERB   VBZ   20  ROOT
        21  out          _          ADP    RP    20  prt
        22  .            _          PUNCT  .     20  punct
    """)
    assert source(doc, EventType.VISIT, "Tinubu") == "Isaac Mwaura"
    assert source(doc, EventType.MEET, "Tinubu", "Ruto") not in (None, "Isaac Mwaura")


# -- frames whose object can speak (step 2) ------------------------------------------------------
def test_citing_reasons_credits_nobody(extract):
    """"Citing security concerns, Ruto cancelled his visit": the reasons are no source."""
    doc = extract("""
        0   Citing       cite       VERB   VBG   6   advcl
        1   security     _          NOUN   NN    2   compound
        2   concerns     concern    NOUN   NNS   0   dobj
        3   ,            _          PUNCT  ,     6   punct
        4   William      _          PROPN  NNP   5   compound   B-PERSON
        5   Ruto         _          PROPN  NNP   6   nsubj      I-PERSON
        6   cancelled    cancel     VERB   VBD   6   ROOT
        7   his          _          PRON   PRP$  8   poss
        8   visit        _          NOUN   NN    6   dobj
        9   to           _          ADP    IN    8   prep
        10  Ethiopia     _          PROPN  NNP   9   pobj       B-GPE
        11  .            _          PUNCT  .     6   punct
    """)
    assert source(doc, EventType.VISIT, "Ruto") is None


def test_according_to_the_protocol_credits_nobody(extract):
    doc = extract("""
        0   According    accord     VERB   VBG   8   prep
        1   to           _          ADP    IN    0   prep
        2   the          _          DET    DT    3   det
        3   protocol     _          NOUN   NN    1   pobj
        4   ,            _          PUNCT  ,     8   punct
        5   William      _          PROPN  NNP   6   compound   B-PERSON
        6   Ruto         _          PROPN  NNP   8   nsubj      I-PERSON
        7   will         _          AUX    MD    8   aux
        8   travel       _          VERB   VB    8   ROOT
        9   to           _          ADP    IN    8   prep
        10  Ethiopia     _          PROPN  NNP   9   pobj       B-GPE
        11  on           _          ADP    IN    8   prep
        12  Monday       _          PROPN  NNP   11  pobj       B-DATE
        13  .            _          PUNCT  .     8   punct
    """)
    assert source(doc, EventType.VISIT, "Ruto") is None


# -- a circumstance of a reporting verb (step 1) -------------------------------------------------
def test_said_at_a_meeting_does_not_credit_the_meeting(extract):
    """"Ruto said at a meeting with Abiy that ...": the meeting is where he spoke, not what."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   2   nsubj      I-PERSON
        2   said         say        VERB   VBD   2   ROOT
        3   at           _          ADP    IN    2   prep
        4   a            _          DET    DT    5   det
        5   meeting      _          NOUN   NN    3   pobj
        6   with         _          ADP    IN    5   prep
        7   Abiy         _          PROPN  NNP   8   compound   B-PERSON
        8   Ahmed        _          PROPN  NNP   6   pobj       I-PERSON
        9   that         _          DET    DT    10  det
        10  trade        _          NOUN   NN    12  nsubj
        11  had          have       AUX    VBD   12  aux
        12  grown        grow       VERB   VBN   2   ccomp
        13  .            _          PUNCT  .     2   punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") is None


# -- the quotation a trigger sits in (across, step 1) --------------------------------------------
QUOTE_OVER_TWO = """
    0   “            "          PUNCT  ``    4   punct
    1   William      _          PROPN  NNP   2   compound   B-PERSON
    2   Ruto         _          PROPN  NNP   4   nsubj      I-PERSON
    3   will         _          AUX    MD    4   aux
    4   arrive       _          VERB   VB    4   ROOT
    5   in           _          ADP    IN    4   prep
    6   Addis        _          PROPN  NNP   7   compound   B-GPE
    7   Ababa        _          PROPN  NNP   5   pobj       I-GPE
    8   on           _          ADP    IN    4   prep
    9   Sunday       _          PROPN  NNP   8   pobj       B-DATE
    10  .            _          PUNCT  .     4   punct
    11  He           _          PRON   PRP   13  nsubj
    12  will         _          AUX    MD    13  aux
    13  meet         _          VERB   VB    23  ccomp
    14  Abiy         _          PROPN  NNP   15  compound   B-PERSON
    15  Ahmed        _          PROPN  NNP   13  dobj       I-PERSON
    16  on           _          ADP    IN    13  prep
    17  Monday       _          PROPN  NNP   16  pobj       B-DATE
    18  ,            _          PUNCT  ,     23  punct
    19  ”            "          PUNCT  ''    23  punct
    20  spokesman    _          NOUN   NN    22  compound
    21  Isaac        _          PROPN  NNP   22  compound   B-PERSON
    22  Mwaura       _          PROPN  NNP   23  nsubj      I-PERSON
    23  said         say        VERB   VBD   23  ROOT
    24  .            _          PUNCT  .     23  punct
"""


def test_a_quotation_over_two_sentences_is_its_closing_speakers(extract):
    doc = extract(QUOTE_OVER_TWO)
    assert source(doc, EventType.VISIT, "Ruto") == "Isaac Mwaura"
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "Isaac Mwaura"


def test_he_said_in_the_next_sentence_credits_the_quotation(extract):
    """"“... on Monday.” Isaac Mwaura said.": the reporting clause split off by the full stop."""
    table = """
        0   “            "          PUNCT  ``    4   punct
        1   William      _          PROPN  NNP   2   compound   B-PERSON
        2   Ruto         _          PROPN  NNP   4   nsubj      I-PERSON
        3   will         _          AUX    MD    4   aux
        4   meet         _          VERB   VB    4   ROOT
        5   Abiy         _          PROPN  NNP   6   compound   B-PERSON
        6   Ahmed        _          PROPN  NNP   4   dobj       I-PERSON
        7   on           _          ADP    IN    4   prep
        8   Monday       _          PROPN  NNP   7   pobj       B-DATE
        9   .            _          PUNCT  .     4   punct
        10  ”            "          PUNCT  ''    4   punct
        11  Isaac        _          PROPN  NNP   12  compound   B-PERSON
        12  Mwaura       _          PROPN  NNP   13  nsubj      I-PERSON
        13  said         say        VERB   VBD   13  ROOT
        14  .            _          PUNCT  .     13  punct
    """
    assert source(extract(table), EventType.MEET, "Ruto", "Abiy") == "Isaac Mwaura"
    assert source(extract(table, parsed=[0]), EventType.MEET, "Ruto", "Abiy") is None  # nothing read unparsed


def test_a_quotation_opened_after_a_colon_is_the_speakers_before_it(extract):
    """"Mwaura told reporters: “Ruto arrives on Sunday. On Monday he will meet Abiy.”"."""
    doc = extract("""
        0   Isaac        _          PROPN  NNP   1   compound   B-PERSON
        1   Mwaura       _          PROPN  NNP   2   nsubj      I-PERSON
        2   told         tell       VERB   VBD   2   ROOT
        3   reporters    reporter   NOUN   NNS   2   dobj
        4   :            _          PUNCT  :     2   punct
        5   “            "          PUNCT  ``    2   punct
        6   William      _          PROPN  NNP   7   compound   B-PERSON
        7   Ruto         _          PROPN  NNP   8   nsubj      I-PERSON
        8   arrives      arrive     VERB   VBZ   2   ccomp
        9   on           _          ADP    IN    8   prep
        10  Sunday       _          PROPN  NNP   9   pobj       B-DATE
        11  .            _          PUNCT  .     2   punct
        12  On           _          ADP    IN    16  prep
        13  Monday       _          PROPN  NNP   12  pobj       B-DATE
        14  he           _          PRON   PRP   16  nsubj
        15  will         _          AUX    MD    16  aux
        16  meet         _          VERB   VB    16  ROOT
        17  Abiy         _          PROPN  NNP   18  compound   B-PERSON
        18  Ahmed        _          PROPN  NNP   16  dobj       I-PERSON
        19  .            _          PUNCT  .     16  punct
        20  ”            "          PUNCT  ''    16  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "Isaac Mwaura"


def test_a_quotation_resumed_after_a_credited_one_is_the_same_speakers(extract):
    """"“We are ready,” said Isaac Mwaura. “Ruto will meet Abiy on Monday.”"."""
    doc = extract("""
        0   “            "          PUNCT  ``    6   punct
        1   We           _          PRON   PRP   2   nsubj
        2   are          be         AUX    VBP   6   ccomp
        3   ready        _          ADJ    JJ    2   acomp
        4   ,            _          PUNCT  ,     6   punct
        5   ”            "          PUNCT  ''    6   punct
        6   said         say        VERB   VBD   6   ROOT
        7   Isaac        _          PROPN  NNP   8   compound   B-PERSON
        8   Mwaura       _          PROPN  NNP   6   nsubj      I-PERSON
        9   .            _          PUNCT  .     6   punct
        10  “            "          PUNCT  ``    14  punct
        11  William      _          PROPN  NNP   12  compound   B-PERSON
        12  Ruto         _          PROPN  NNP   14  nsubj      I-PERSON
        13  will         _          AUX    MD    14  aux
        14  meet         _          VERB   VB    14  ROOT
        15  Abiy         _          PROPN  NNP   16  compound   B-PERSON
        16  Ahmed        _          PROPN  NNP   14  dobj       I-PERSON
        17  on           _          ADP    IN    14  prep
        18  Monday       _          PROPN  NNP   17  pobj       B-DATE
        19  .            _          PUNCT  .     14  punct
        20  ”            "          PUNCT  ''    14  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "Isaac Mwaura"


def test_no_source_is_carried_into_a_sentence_in_the_articles_own_voice(extract):
    """"Mwaura said trade had grown. Ruto will meet Abiy on Monday.": no quotation, no frame."""
    doc = extract("""
        0   Isaac        _          PROPN  NNP   1   compound   B-PERSON
        1   Mwaura       _          PROPN  NNP   2   nsubj      I-PERSON
        2   said         say        VERB   VBD   2   ROOT
        3   trade        _          NOUN   NN    5   nsubj
        4   had          have       AUX    VBD   5   aux
        5   grown        grow       VERB   VBN   2   ccomp
        6   .            _          PUNCT  .     2   punct
        7   William      _          PROPN  NNP   8   compound   B-PERSON
        8   Ruto         _          PROPN  NNP   10  nsubj      I-PERSON
        9   will         _          AUX    MD    10  aux
        10  meet         _          VERB   VB    10  ROOT
        11  Abiy         _          PROPN  NNP   12  compound   B-PERSON
        12  Ahmed        _          PROPN  NNP   10  dobj       I-PERSON
        13  on           _          ADP    IN    10  prep
        14  Monday       _          PROPN  NNP   13  pobj       B-DATE
        15  .            _          PUNCT  .     10  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") is None


# -- a frame that opens the paragraph (across, step 4) -------------------------------------------
FRAMED = """
    0   According    accord     VERB   VBG   10  prep
    1   to           _          ADP    IN    0   prep
    2   the          _          DET    DT    5   det
    3   Kenyan       _          ADJ    JJ    5   amod       B-NORP
    4   foreign      _          ADJ    JJ    5   amod
    5   ministry     _          NOUN   NN    1   pobj
    6   ,            _          PUNCT  ,     10  punct
    7   William      _          PROPN  NNP   8   compound   B-PERSON
    8   Ruto         _          PROPN  NNP   10  nsubj      I-PERSON
    9   will         _          AUX    MD    10  aux
    10  travel       _          VERB   VB    10  ROOT
    11  to           _          ADP    IN    10  prep
    12  Ethiopia     _          PROPN  NNP   11  pobj       B-GPE
    13  on           _          ADP    IN    10  prep
    14  Monday       _          PROPN  NNP   13  pobj       B-DATE
    15  .            _          PUNCT  .     10  punct
    {brk}
    16  He           _          PRON   PRP   18  nsubj
    17  will         _          AUX    MD    18  aux
    18  hold         _          VERB   VB    18  ROOT
    19  talks        talk       NOUN   NNS   18  dobj
    20  with         _          ADP    IN    19  prep
    21  Abiy         _          PROPN  NNP   22  compound   B-PERSON
    22  Ahmed        _          PROPN  NNP   20  pobj       I-PERSON
    23  .            _          PUNCT  .     18  punct
"""


def _renumber(table: str) -> str:
    """The table with a line break after the first sentence: the rows after it shift by one."""
    out = []
    for line in table.splitlines():
        cells = line.split()
        if not cells:
            continue
        if cells[0] == "{brk}":
            out.append("16 \\n _ SPACE _SP 10 dep")
            continue
        i, head = int(cells[0]), int(cells[5])
        cells[0] = str(i + 1 if i >= 16 else i)
        cells[5] = str(head + 1 if head >= 16 else head)
        out.append(" ".join(cells))
    return "\n".join(out)


def test_according_to_opening_the_paragraph_covers_the_next_sentence(extract):
    doc = extract(FRAMED.replace("{brk}", ""))
    assert source(doc, EventType.VISIT, "Ruto") == "Kenyan foreign ministry"
    assert source(doc, EventType.TALKS, "Ruto", "Abiy") == "Kenyan foreign ministry"


def test_according_to_does_not_reach_into_the_next_paragraph(extract):
    doc = extract(_renumber(FRAMED))
    assert "\n" in doc.text
    assert source(doc, EventType.VISIT, "Ruto") == "Kenyan foreign ministry"
    assert source(doc, EventType.TALKS, "Ruto", "Abiy") is None


# -- quotes.py -----------------------------------------------------------------------------------
def test_quotations_open_close_and_run_on_to_the_paragraphs_end():
    text = "He said: “We will go. We will talk.” Then “more"
    quotes = quotations(text, 0, len(text))
    assert quotes == [(text.index("“"), text.index("”")), (text.rindex("“"), len(text))]
    assert quotation_at(text, 0, len(text), text.index("talk")) == quotes[0]
    assert quotation_at(text, 0, len(text), text.index("Then")) is None
    straight = 'A "b c" d'
    assert quotations(straight, 0, len(straight)) == [(2, 6)]
    orphan = "goes on.” He said"
    assert quotations(orphan, 0, len(orphan)) == [(0, orphan.index("”"))]


def test_a_paragraph_is_the_run_of_sentences_without_a_line_break():
    doc = document(_renumber(FRAMED)).parse
    sents = list(doc.sents)
    sents = [s for s in sents if s.text.strip()]
    assert len(sents) == 2
    assert paragraph(sents, 0, doc.text) == (0, 0) and paragraph(sents, 1, doc.text) == (1, 1)
    whole = document(FRAMED.replace("{brk}", "")).parse
    sents = list(whole.sents)
    assert paragraph(sents, 1, whole.text) == (0, 1)


# -- reports without a speaker, and a reporting participle on a verbless sentence (step 1) -------
def test_it_is_learnt_with_no_source_before_credits_unnamed_sources(extract):
    doc = extract("""
        0   Ghana        _          PROPN  NNP   2   poss       B-GPE
        1   's           _          PART   POS   0   case
        2   President    _          PROPN  NNP   6   nsubj
        3   John         _          PROPN  NNP   4   compound   B-PERSON
        4   Mahama       _          PROPN  NNP   2   appos      I-PERSON
        5   would        _          AUX    MD    6   aux
        6   visit        _          VERB   VB    13  ccomp
        7   Nigeria      _          PROPN  NNP   6   dobj       B-GPE
        8   in           _          ADP    IN    6   prep
        9   March        _          PROPN  NNP   8   pobj       B-DATE
        10  ,            _          PUNCT  ,     13  punct
        11  it           _          PRON   PRP   13  nsubjpass
        12  is           be         AUX    VBZ   13  auxpass
        13  learnt       learn      VERB   VBN   13  ROOT
        14  .            _          PUNCT  .     13  punct
    """)
    ev = next(e for e in doc.events if e.type is EventType.VISIT)
    assert ev.attributed_to is not None and ev.attributed_to.name == "sources"
    assert ev.attributed_to.mention == "it is learnt"


def test_a_reporting_participle_on_a_verbless_sentence_has_the_noun_as_speaker(extract):
    """"Head of the Ghana Foreign Ministry informed ... that ...", parsed with the noun as root."""
    doc = extract("""
        0   Head         _          PROPN  NNP   0   ROOT
        1   of           _          ADP    IN    0   prep
        2   the          _          DET    DT    5   det        B-ORG
        3   Ghana        _          PROPN  NNP   5   compound   I-ORG
        4   Foreign      _          PROPN  NNP   5   compound   I-ORG
        5   Ministry     _          PROPN  NNP   1   pobj       I-ORG
        6   informed     inform     VERB   VBN   0   acl
        7   the          _          DET    DT    8   det
        8   cabinet      _          NOUN   NN    6   dobj
        9   on           _          ADP    IN    6   prep
        10  Monday       _          PROPN  NNP   9   pobj       B-DATE
        11  that         _          SCONJ  IN    14  mark
        12  John         _          PROPN  NNP   13  compound   B-PERSON
        13  Mahama       _          PROPN  NNP   14  nsubj      I-PERSON
        14  had          have       VERB   VBD   6   ccomp
        15  a            _          DET    DT    17  det
        16  working      work       VERB   VBG   17  amod
        17  visit        _          NOUN   NN    14  dobj
        18  to           _          ADP    IN    17  prep
        19  Nigeria      _          PROPN  NNP   18  pobj       B-GPE
        20  .            _          PUNCT  .     0   punct
    """)
    credited = source(doc, EventType.VISIT, "Mahama")
    assert credited is not None and "Ministry" in credited


# -- whose word: a person's office is not the person; a passive report credits its by-phrase -----
def test_the_office_of_the_actor_who_cancels_is_credited_not_the_actor(extract):
    """"Ruto has cancelled his trip to Ethiopia, his office said": the office speaks, not Ruto."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
        2   has          have       AUX    VBZ   3   aux
        3   cancelled    cancel     VERB   VBN   11  ccomp
        4   his          _          PRON   PRP$  5   poss
        5   trip         _          NOUN   NN    3   dobj
        6   to           _          ADP    IN    5   prep
        7   Ethiopia     _          PROPN  NNP   6   pobj       B-GPE
        8   ,            _          PUNCT  ,     11  punct
        9   his          _          PRON   PRP$  10  poss
        10  office       _          NOUN   NN    11  nsubj
        11  said         say        VERB   VBD   11  ROOT
        12  .            _          PUNCT  .     11  punct
    """)
    ev = next(e for e in doc.events if e.type is EventType.VISIT)
    assert ev.attributed_to is not None and ev.attributed_to.name == "William Ruto's office"
    assert ev.attributed_to.actor is None and ev.attributed_to.mention == "his office"


def test_a_decision_announced_by_a_spokesman_in_the_next_sentence_is_his(extract):
    """"Ruto postponed his visit. The decision was announced by spokesman Hussein Mohamed.": the
    by-phrase of a passive report speaks, not its subject."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   2   nsubj      I-PERSON
        2   postponed    postpone   VERB   VBD   2   ROOT
        3   his          _          PRON   PRP$  4   poss
        4   visit        _          NOUN   NN    2   dobj
        5   to           _          ADP    IN    4   prep
        6   Ethiopia     _          PROPN  NNP   5   pobj       B-GPE
        7   .            _          PUNCT  .     2   punct
        8   The          _          DET    DT    9   det
        9   decision     _          NOUN   NN    11  nsubjpass
        10  was          be         AUX    VBD   11  auxpass
        11  announced    announce   VERB   VBN   11  ROOT
        12  by           _          ADP    IN    11  agent
        13  spokesman    _          NOUN   NN    15  compound
        14  Hussein      _          PROPN  NNP   15  compound   B-PERSON
        15  Mohamed      _          PROPN  NNP   12  pobj       I-PERSON
        16  .            _          PUNCT  .     11  punct
    """)
    assert source(doc, EventType.VISIT, "Ruto") == "Hussein Mohamed"


def test_the_media_as_a_source_are_media_reports():
    from sideline.stages.events.speakers import Speakers
    from sideline.stages.events.words import Words
    from types import SimpleNamespace

    from .parsed import parse

    doc = parse("""
        0  the      _      DET   DT   1  det
        1  media    _      NOUN  NNS  2  nsubj
        2  said     say    VERB  VBD  2  ROOT
        3  .        _      PUNCT .    2  punct
    """)
    resolver = SimpleNamespace(discourse=SimpleNamespace(mentions_in=lambda toks: []))
    collective = Speakers(frozenset(), frozenset(), Words.load(), collective={"media": "media reports"})
    assert collective._unnamed(doc[1], resolver).name == "media reports"
    plain = Speakers(frozenset(), frozenset(), Words.load())
    assert plain._unnamed(doc[1], resolver).name == "media"


def test_a_persons_press_service_is_credited_not_the_person(extract):
    """"Ruto will visit Ethiopia, his press service said": a service speaks for its owner, as an office does."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
        2   will         _          AUX    MD    3   aux
        3   visit        _          VERB   VB    9   ccomp
        4   Ethiopia     _          PROPN  NNP   3   dobj       B-GPE
        5   ,            _          PUNCT  ,     9   punct
        6   his          _          PRON   PRP$  8   poss
        7   press        _          NOUN   NN    8   compound
        8   service      _          NOUN   NN    9   nsubj
        9   said         say        VERB   VBD   9   ROOT
        10  .            _          PUNCT  .     9   punct
    """)
    assert source(doc, EventType.VISIT, "Ruto") == "William Ruto's press service"


def test_an_outlets_service_is_no_persons_body(extract):
    """"Ruto will visit Ethiopia, the Daily Courier's online service reported": the outlet's
    service, not a person's (a name the text does not know as a person owns it)."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
        2   will         _          AUX    MD    3   aux
        3   visit        _          VERB   VB    13  ccomp
        4   Ethiopia     _          PROPN  NNP   3   dobj       B-GPE
        5   ,            _          PUNCT  ,     13  punct
        6   the          _          DET    DT    8   det
        7   Daily        _          PROPN  NNP   8   compound
        8   Courier      _          PROPN  NNP   12  poss
        9   's           _          PART   POS   8   case
        10  online       _          ADJ    JJ    12  amod
        11  news         _          NOUN   NN    12  compound
        12  service      _          NOUN   NN    13  nsubj
        13  reported     report     VERB   VBD   13  ROOT
        14  .            _          PUNCT  .     13  punct
    """)
    credited = source(doc, EventType.VISIT, "Ruto")
    assert credited is not None and "Courier" in credited and "Ruto" not in credited


def test_citing_after_a_closing_report_credits_the_reporter(extract):
    """"Ruto will visit Ethiopia, the state newspaper reported on Tuesday, citing officials": the
    paper reports, the officials are its sources (the parser hangs "reported" on its noun and
    "citing" on the trigger's verb)."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
        2   will         _          AUX    MD    3   aux
        3   visit        _          VERB   VB    3   ROOT
        4   Ethiopia     _          PROPN  NNP   3   dobj       B-GPE
        5   ,            _          PUNCT  ,     4   punct
        6   the          _          DET    DT    9   det
        7   Addis        _          PROPN  NNP   8   compound   B-ORG
        8   Herald       _          PROPN  NNP   9   compound   I-ORG
        9   newspaper    _          NOUN   NN    4   appos
        10  reported     report     VERB   VBD   9   acl
        11  on           _          ADP    IN    10  prep
        12  Tuesday      _          PROPN  NNP   11  pobj       B-DATE
        13  ,            _          PUNCT  ,     3   punct
        14  citing       cite       VERB   VBG   3   advcl
        15  officials    official   NOUN   NNS   14  dobj
        16  .            _          PUNCT  .     3   punct
    """)
    credited = source(doc, EventType.VISIT, "Ruto")
    assert credited is not None and "Herald" in credited


# -- a source in the next sentence: a frame of its own, a sentence that goes on with the engagement --
RUTO_WILL_MEET_ABIY = """
    0   William      _          PROPN  NNP   1   compound   B-PERSON
    1   Ruto         _          PROPN  NNP   3   nsubj      I-PERSON
    2   will         _          AUX    MD    3   aux
    3   meet         _          VERB   VB    3   ROOT
    4   Abiy         _          PROPN  NNP   5   compound   B-PERSON
    5   Ahmed        _          PROPN  NNP   3   dobj       I-PERSON
"""  # "William Ruto will meet Abiy Ahmed", the tables below go on
RUTO_MEETS_ABIY = RUTO_WILL_MEET_ABIY + """
    6   on           _          ADP    IN    3   prep
    7   Friday       _          PROPN  NNP   6   pobj       B-DATE
    8   .            _          PUNCT  .     3   punct
"""


def test_a_sentence_that_is_only_a_frame_credits_the_sentence_before(extract):
    """"Ruto will meet Abiy Ahmed on Friday. That is according to a statement from the presidency.\""""
    doc = extract(RUTO_MEETS_ABIY + """
        9   That         that       PRON   DT    11  nsubj
        10  is           be         AUX    VBZ   11  advmod
        11  according    accord     VERB   VBG   11  ROOT
        12  to           _          ADP    IN    11  prep
        13  a            _          DET    DT    14  det
        14  statement    _          NOUN   NN    12  pobj
        15  from         _          ADP    IN    14  prep
        16  the          _          DET    DT    17  det
        17  presidency   _          NOUN   NN    15  pobj
        18  .            _          PUNCT  .     11  punct
    """)
    credited = source(doc, EventType.MEET, "Ruto", "Abiy")
    assert credited is not None and "presidency" in credited


def test_a_sentence_that_goes_on_with_the_engagement_lends_its_source(extract):
    """"... on Friday. The two leaders are expected to discuss trade, officials said."""
    doc = extract(RUTO_MEETS_ABIY + """
        9   The          the        DET    DT    11  det
        10  two          _          NUM    CD    11  nummod
        11  leaders      leader     NOUN   NNS   13  nsubjpass
        12  are          be         AUX    VBP   13  auxpass
        13  expected     expect     VERB   VBN   19  ccomp
        14  to           _          PART   TO    15  aux
        15  discuss      _          VERB   VB    13  xcomp
        16  trade        _          NOUN   NN    15  dobj
        17  ,            _          PUNCT  ,     19  punct
        18  officials    official   NOUN   NNS   19  nsubj
        19  said         say        VERB   VBD   19  ROOT
        20  .            _          PUNCT  .     19  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "officials"


def test_a_sentence_about_someone_else_lends_no_source(extract):
    """"... on Friday. Diplomats expect little, officials said.": not the engagement's own."""
    doc = extract(RUTO_MEETS_ABIY + """
        9   Diplomats    diplomat   NOUN   NNS   10  nsubj
        10  expect       _          VERB   VBP   14  ccomp
        11  little       _          ADJ    JJ    10  dobj
        12  ,            _          PUNCT  ,     14  punct
        13  officials    official   NOUN   NNS   14  nsubj
        14  said         say        VERB   VBD   14  ROOT
        15  .            _          PUNCT  .     14  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") is None


def test_how_and_when_a_body_spoke_is_not_its_name(extract):
    """"..., the presidency announced in a statement on Monday": the parser hangs the verb and its
    phrases on the noun; the source is the presidency, not "presidency in a statement on Monday"."""
    doc = extract(RUTO_WILL_MEET_ABIY + """
        6   ,            _          PUNCT  ,     3   punct
        7   the          _          DET    DT    8   det
        8   presidency   _          NOUN   NN    3   npadvmod
        9   announced    announce   VERB   VBD   8   acl
        10  in           _          ADP    IN    9   prep
        11  a            _          DET    DT    12  det
        12  statement    _          NOUN   NN    10  pobj
        13  on           _          ADP    IN    12  prep
        14  Monday       _          PROPN  NNP   13  pobj       B-DATE
        15  .            _          PUNCT  .     3   punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "presidency"


CITING_A_NAME = """
    0   Citing       cite       VERB   VBG   6   advcl
    1   {first}      _          PROPN  NNP   2   compound   B-{label}
    2   {second}     _          PROPN  NNP   0   dobj       I-{label}
    3   ,            _          PUNCT  ,     6   punct
    4   William      _          PROPN  NNP   5   compound   B-PERSON
    5   Ruto         _          PROPN  NNP   6   nsubj      I-PERSON
    6   cancelled    cancel     VERB   VBD   6   ROOT
    7   his          _          PRON   PRP$  8   poss
    8   visit        _          NOUN   NN    6   dobj
    9   to           _          ADP    IN    8   prep
    10  Ethiopia     _          PROPN  NNP   9   pobj       B-GPE
    11  .            _          PUNCT  .     6   punct
"""


def test_citing_a_named_event_credits_nobody_but_citing_an_outlet_credits_it(extract):
    """"Citing Cyclone Freddy, Ruto cancelled his visit": a storm's name is no source;
    "Citing Nation Media, ...": an outlet's is."""
    outlet = extract(CITING_A_NAME.format(first="Nation", second="Media", label="ORG"))
    assert source(outlet, EventType.VISIT, "Ruto") is not None
    storm = extract(CITING_A_NAME.format(first="Cyclone", second="Freddy", label="EVENT"))
    assert source(storm, EventType.VISIT, "Ruto") is None


def test_an_official_who_told_an_agency_is_the_source_not_the_agency(extract):
    """"Ruto will meet Abiy Ahmed, a senior official told AFP": the parser hangs the official on
    the last name as an apposition and "told" on the trigger; AFP is whom it was told to."""
    doc = extract(RUTO_WILL_MEET_ABIY + """
        6   ,            _          PUNCT  ,     5   punct
        7   a            _          DET    DT    9   det
        8   senior       _          ADJ    JJ    9   amod
        9   official     _          NOUN   NN    5   appos
        10  told         tell       VERB   VBD   3   conj
        11  AFP          _          PROPN  NNP   10  dobj       B-ORG
        12  .            _          PUNCT  .     3   punct
    """)
    credited = source(doc, EventType.MEET, "Ruto", "Abiy")
    assert credited is not None and "official" in credited


def test_a_visit_confirmed_by_a_spokesman_is_his_word(extract):
    """"Ruto's visit to Ethiopia was confirmed by spokesman Hussein Mohamed": the trigger is the
    subject of a passive report; its by-phrase speaks."""
    doc = extract("""
        0   William      _          PROPN  NNP   1   compound   B-PERSON
        1   Ruto         _          PROPN  NNP   3   poss       I-PERSON
        2   's           _          PART   POS   1   case
        3   visit        _          NOUN   NN    7   nsubjpass
        4   to           _          ADP    IN    3   prep
        5   Ethiopia     _          PROPN  NNP   4   pobj       B-GPE
        6   was          be         AUX    VBD   7   auxpass
        7   confirmed    confirm    VERB   VBN   7   ROOT
        8   by           _          ADP    IN    7   agent
        9   spokesman    _          NOUN   NN    11  compound
        10  Hussein      _          PROPN  NNP   11  compound   B-PERSON
        11  Mohamed      _          PROPN  NNP   8   pobj       I-PERSON
        12  .            _          PUNCT  .     7   punct
    """)
    assert source(doc, EventType.VISIT, "Ruto") == "Hussein Mohamed"


def test_a_sentence_that_goes_on_with_its_protagonist_lends_its_source(extract):
    """"... on Friday. He will also visit Djibouti, officials said.\""""
    doc = extract(RUTO_MEETS_ABIY + """
        9   He           he         PRON   PRP   12  nsubj
        10  will         _          AUX    MD    12  aux
        11  also         _          ADV    RB    12  advmod
        12  visit        _          VERB   VB    16  ccomp
        13  Djibouti     _          PROPN  NNP   12  dobj       B-GPE
        14  ,            _          PUNCT  ,     16  punct
        15  officials    official   NOUN   NNS   16  nsubj
        16  said         say        VERB   VBD   16  ROOT
        17  .            _          PUNCT  .     16  punct
    """)
    assert source(doc, EventType.MEET, "Ruto", "Abiy") == "officials"
