"""A plural title over several countries names the office holders at the article's date; a
country whose holder the knowledge does not know at that date stays the country, the others are
their persons (sideline.stages.actors.groups). Parses built by hand; knowledge as packaged."""
from __future__ import annotations

from .parsed import document
from .test_dated_titles import _stage

#: "The leaders of Tonga and {other} met."
LEADERS = """
    0  The       _        DET    DT   1  det
    1  leaders   leader   NOUN   NNS  6  nsubj
    2  of        _        ADP    IN   1  prep
    3  Tonga     _        PROPN  NNP  2  pobj     B-GPE
    4  and       _        CCONJ  CC   3  cc
    5  {other}   _        PROPN  NNP  3  conj     B-GPE
    6  met       meet     VERB   VBD  6  ROOT
    7  .         _        PUNCT  .    6  punct
"""


def _titled(other: str) -> list[str]:
    doc = _stage()(document(LEADERS.replace("{other}", f"{other:<9}"), "2008-08-19"))
    return [m.actor.name for m in doc.mentions if m.label == "TITLE" and m.actor is not None]


def test_known_holders_are_persons():
    assert _titled("Ethiopia") == ["Feleti Sevele", "Meles Zenawi"]


def test_a_country_whose_holder_is_unknown_stays_the_country_beside_the_persons():
    found = _titled("Niue")
    assert "Feleti Sevele" in found and "Niue" in found  # was: Tonga and Niue, both countries


#: "The leaders of Tonga, Ethiopia and Niue met."
LISTED = """
    0  The       _        DET    DT   1  det
    1  leaders   leader   NOUN   NNS  8  nsubj
    2  of        _        ADP    IN   1  prep
    3  Tonga     _        PROPN  NNP  2  pobj     B-GPE
    4  ,         _        PUNCT  ,    3  punct
    5  Ethiopia  _        PROPN  NNP  3  conj     B-GPE
    6  and       _        CCONJ  CC   5  cc
    7  Niue      _        PROPN  NNP  5  conj     B-GPE
    8  met       meet     VERB   VBD  8  ROOT
    9  .         _        PUNCT  .    8  punct
"""


def test_a_title_over_a_list_of_countries_with_commas_names_them_all():
    doc = _stage()(document(LISTED, "2008-08-19"))
    titled = {m.actor.name for m in doc.mentions if m.label == "TITLE" and m.actor is not None}
    assert titled == {"Feleti Sevele", "Meles Zenawi", "Niue"}
    one = LISTED.replace("1  leaders   leader   NOUN   NNS", "1  leader    leader   NOUN   NN ")
    singular = {m.text for m in _stage()(document(one, "2008-08-19")).mentions if m.label == "TITLE"}
    assert all("," not in t for t in singular)  # "the leader of Tonga, Ethiopia ...": no list of one title
