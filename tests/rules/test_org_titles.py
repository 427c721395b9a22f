"""A title that names its organisation in full is that organisation's office, not the office of
a country whose demonym sits inside the name ("Organization of American States Secretary-General"
is no American title), so a later "the OAS Secretary-General" finds the person it was given to.
Parses built by hand."""
from __future__ import annotations

from sideline.stages.actors.stage import Actors

from .parsed import document

#: "Organization of American States (OAS) Secretary General Ana Ruiz met X. The OAS
#: Secretary General will also meet Y." (names of our own)
SPELLED_OUT = """
    0  Organization   _   PROPN  NNP   10 nmod      B-ORG
    1  of             _   ADP    IN    0  prep      I-ORG
    2  American       _   PROPN  NNP   3  compound  I-ORG
    3  States         _   PROPN  NNPS  1  pobj      I-ORG
    4  (              _   PUNCT  -LRB- 5  punct
    5  OAS            _   PROPN  NNP   0  appos     B-ORG
    6  )              _   PUNCT  -RRB- 5  punct
    7  Secretary      _   PROPN  NNP   8  compound
    8  General        _   PROPN  NNP   10 compound
    9  Ana            _   PROPN  NNP   10 compound  B-PERSON
    10 Ruiz           _   PROPN  NNP   11 nsubj     I-PERSON
    11 met            meet VERB  VBD   11 ROOT
    12 Joao           _   PROPN  NNP   13 compound  B-PERSON
    13 Tavares        _   PROPN  NNP   11 dobj      I-PERSON
    14 .              _   PUNCT  .     11 punct
    15 The            _   DET    DT    18 det
    16 OAS            _   PROPN  NNP   18 compound  B-ORG
    17 Secretary      _   PROPN  NNP   18 compound
    18 General        _   PROPN  NNP   21 nsubj
    19 will           _   AUX    MD    21 aux
    20 also           _   ADV    RB    21 advmod
    21 meet           _   VERB   VB    21 ROOT
    22 Luis           _   PROPN  NNP   23 compound  B-PERSON
    23 Pena           _   PROPN  NNP   21 dobj      I-PERSON
    24 .              _   PUNCT  .     21 punct
"""


def test_a_demonym_inside_an_organisations_name_gives_no_country():
    lx = Actors().lexicon
    title = lx.parse_title("Organization of American States (OAS) Secretary General")
    assert title is not None and title.org == "OAS"
    assert title.country is None and title.countries == ()
    national = lx.parse_title("American Secretary of State")
    assert national is not None and national.country == "USA"  # outside an organisation's name: the country's


def test_the_short_title_finds_the_person_given_the_spelled_out_one():
    doc = Actors()(document(SPELLED_OUT, "2019-03-04"))
    ruiz = [m.actor for m in doc.mentions if m.text.startswith("Organization")]
    assert ruiz and ruiz[0].name == "Ana Ruiz" and ruiz[0].country is None
    later = [m.actor for m in doc.mentions if m.text.startswith("The OAS")]
    assert later and later[0] is not None and later[0].name == "Ana Ruiz"
