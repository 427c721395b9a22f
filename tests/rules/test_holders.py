"""A plural title over a list of countries that names its holders ("The presidents of Kenya and
Uganda – President Otieno and President Kamau – met"): the persons, one per country, not the countries
(sideline.stages.events.resolve). Parses built by hand."""
from __future__ import annotations

from .test_events_stage import extract, names  # noqa: F401  (the fixture)

#: "The presidents of Kenya and Uganda – President Otieno and President Kamau – met in Kampala."
HOLDERS = """
     0  The        the        DET    DT   1   det
     1  presidents president  NOUN   NNS  13  nsubj
     2  of         of         ADP    IN   1   prep
     3  Kenya      Kenya      PROPN  NNP  2   pobj      B-GPE
     4  and        and        CCONJ  CC   3   cc
     5  Uganda     Uganda     PROPN  NNP  3   conj      B-GPE
     6  –          –          PUNCT  :    3   punct
     7  {w7}
     8  {w8}
     9  and        and        CCONJ  CC   8   cc
    10  President  President  PROPN  NNP  11  compound
    11  Kamau      Kamau      PROPN  NNP  8   conj      B-PERSON
    12  –          –          PUNCT  :    1   punct
    13  met        meet       VERB   VBD  13  ROOT
    14  in         in         ADP    IN   13  prep
    15  Kampala    Kampala    PROPN  NNP  14  pobj      B-GPE
    16  .          .          PUNCT  .    13  punct
"""
TWO = ("President  President  PROPN  NNP  8   compound",
       "Otieno     Otieno     PROPN  NNP  3   conj      B-PERSON")
ONE = ("their      their      PRON   PRP$ 8   poss      O",
       "host       host       NOUN   NN   3   conj      O")


def _met(extract, rows: tuple[str, str]) -> list[list[str]]:  # noqa: F811
    doc = extract(HOLDERS.replace("{w7}", rows[0]).replace("{w8}", rows[1]), "1890-06-01")
    return [names(e) for e in doc.events]


def test_the_holders_named_one_per_country_stand_for_the_plural_title(extract):  # noqa: F811
    assert _met(extract, TWO) == [["Otieno", "Kamau"]]


def test_fewer_holders_than_countries_leave_the_countries(extract):  # noqa: F811
    met = _met(extract, ONE)
    assert met and all("Kenya" in n and "Uganda" in n for n in met)
