"""Title-only mentions resolved at the date their own clause states (sideline.stages.actors.dated),
read from parses built by hand (no model): the office holder of that period, not the article's."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from sideline.stages.actors.dated import clause_window
from sideline.stages.actors.stage import Actors

from .parsed import document, parse

#: "In March 1994, the then Kenyan president flew to Accra for talks with his counterpart."
FLEW = """
     0  In           in           ADP    IN    8   prep
     1  {month}      {month}      PROPN  NNP   0   pobj      B-DATE
     2  {year}       {year}       NUM    CD    1   nummod    I-DATE
     3  ,            ,            PUNCT  ,     8   punct
     4  the          the          DET    DT    7   det
     5  then         then         ADV    RB    7   advmod
     6  Kenyan       Kenyan       ADJ    JJ    7   amod      B-NORP
     7  president    president    NOUN   NN    8   nsubj
     8  flew         fly          VERB   VBD   8   ROOT
     9  to           to           ADP    IN    8   prep
    10  Accra        Accra        PROPN  NNP   9   pobj      B-GPE
    11  for          for          ADP    IN    8   prep
    12  talks        talk         NOUN   NNS   11  pobj
    13  with         with         ADP    IN    12  prep
    14  his          his          PRON   PRP$  15  poss
    15  counterpart  counterpart  NOUN   NN    13  pobj
    16  .            .            PUNCT  .     8   punct
"""

#: "Ruto, who took office in 2022, met the Ghanaian president."
TOOK = """
     0  Ruto       Ruto       PROPN  NNP  7   nsubj     B-PERSON
     1  ,          ,          PUNCT  ,    0   punct
     2  who        who        PRON   WP   3   nsubj
     3  took       take       VERB   VBD  0   relcl
     4  office     office     NOUN   NN   3   dobj
     5  in         in         ADP    IN   3   prep
     6  2022       2022       NUM    CD   5   pobj      B-DATE
     7  met        meet       VERB   VBD  7   ROOT
     8  the        the        DET    DT   10  det
     9  Ghanaian   Ghanaian   ADJ    JJ   10  amod      B-NORP
    10  president  president  NOUN   NN   7   dobj
    11  .          .          PUNCT  .    7   punct
"""
PREPS = frozenset({"in"})


@lru_cache(maxsize=1)
def _stage() -> Actors:
    return Actors()


def _months(word: str) -> int | None:
    return {"march": 3, "may": 5}.get(word.lower())


def _flew(month: str = "March", year: str = "1994") -> str:
    return FLEW.replace("{month}", month).replace("{year}", year)


def _actor(doc, words: str):
    found = [m.actor for m in doc.mentions if m.text == words and m.actor is not None]
    return found[0] if found else None


def test_the_clause_states_the_month_and_year():
    doc = parse(_flew())
    window = clause_window(doc[15], _months, PREPS)  # "counterpart", under "talks" under "flew"
    assert window == (date(1994, 3, 1), date(1994, 3, 31))
    assert clause_window(doc[7], _months, PREPS) == window  # the subject of the same verb
    assert clause_window(parse(_flew("spring", "1994"))[15], _months, PREPS) == (date(1994, 1, 1), date(1994, 12, 31))


def test_a_year_in_a_relative_clause_says_nothing_of_the_main_clause():
    doc = parse(TOOK)
    assert clause_window(doc[4], _months, PREPS) == (date(2022, 1, 1), date(2022, 12, 31))  # "office"
    assert clause_window(doc[10], _months, PREPS) is None  # "president", under "met"


def test_then_title_and_counterpart_take_the_clause_date():
    doc = _stage()(document(_flew(), "2023-04-20"))
    subject = _actor(doc, "the then Kenyan president")
    assert subject is not None and subject.name == "Daniel arap Moi"  # not the president of 2023
    other = _actor(doc, "his counterpart")
    assert other is not None and other.name == "Jerry Rawlings"  # Accra: Ghana's, in March 1994


def test_without_a_date_in_the_clause_the_article_date_holds():
    doc = _stage()(document(TOOK, "2023-04-20"))
    president = _actor(doc, "the Ghanaian president")
    assert president is not None and president.name == "Nana Akufo-Addo"
    march = _stage()(document(_flew("March", "2023"), "2023-04-20"))
    subject = _actor(march, "the then Kenyan president")
    assert subject is not None and subject.name == "William Ruto"  # March 2023 is before the article
    same = _stage()(document(_flew("March", "2023"), "2023-03-20"))
    assert _actor(same, "the then Kenyan president") is None  # the article's own month: "then" is a former one


def test_then_is_told_apart_from_former():
    lx = _stage().lexicon
    then = lx.parse_title("the then Kenyan president")
    assert then is not None and then.former and then.then
    assert lx.parse_title("then-president").then
    former = lx.parse_title("the former Kenyan president")
    assert former is not None and former.former and not former.then


def test_an_undated_text_is_dated_by_the_years_it_states():
    from sideline.stages.actors.candidates import Candidate
    from sideline.stages.actors.stage import estimate_date
    kb = _stage().knowledge
    people = [kb.lookup_name("Shavkat Mirziyoyev"), kb.lookup_name("Kassym-Jomart Tokayev")]
    cands = [Candidate(0, 1, "PERSON", name=p.name, person_hint=p) for p in people]
    assert estimate_date(cands, (2021,)) == date(2021, 7, 1)  # both in office then: the year the text states
    assert estimate_date(cands, (2010,)) == estimate_date(cands)  # not both in office: the people decide
    assert estimate_date(cands, (2010, 2021)) == date(2021, 7, 1)


def test_the_years_a_text_states():
    from sideline.stages.actors.dated import stated_years
    assert stated_years(parse(_flew()), _months, PREPS) == (1994,)
    assert stated_years(parse(TOOK), _months, PREPS) == (2022,)
