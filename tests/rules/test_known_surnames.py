"""A bare surname the recogniser missed ("Ruto hosted ...") names the one curated person who
bears it (sideline.stages.actors.spans); not when another capitalised name is joined to it, nor
when the word is no proper noun. Parses built by hand (no model)."""
from __future__ import annotations

from sideline.knowledge.people import Knowledge

from .parsed import document
from .test_dated_titles import _stage

#: "{first} hosted a dinner in Nairobi." with nothing tagged on the first tokens
TABLE = """
     0  {name}    {name}    PROPN  NNP  1   nsubj
     1  hosted    host      VERB   VBD  1   ROOT
     2  a         a         DET    DT   3   det
     3  dinner    dinner    NOUN   NN   1   dobj
     4  in        in        ADP    IN   1   prep
     5  Nairobi   Nairobi   PROPN  NNP  4   pobj      B-GPE
     6  .         .         PUNCT  .    1   punct
"""


def _persons(table: str) -> list[tuple[str, str | None]]:
    doc = _stage()(document(table, "2023-04-20"))
    return [(m.text, m.actor.name if m.actor else None) for m in doc.mentions if m.label == "PERSON"]


def test_the_surnames_are_those_of_one_curated_person_each():
    names = Knowledge.load().surnames
    assert "Ruto" in names
    assert "Ahmed" not in names  # several curated people bear it


def test_a_bare_known_surname_is_its_person():
    assert _persons(TABLE.replace("{name}", "Ruto")) == [("Ruto", "William Ruto")]


def test_a_surname_joined_to_another_name_or_no_proper_noun_is_left_alone():
    joined = TABLE.replace("     0  {name}    {name}    PROPN  NNP  1   nsubj",
                           "     0  Ruto      Ruto      PROPN  NNP  1   compound")
    joined = joined.replace("     1  hosted    host      VERB   VBD  1   ROOT", "     1  Avenue    Avenue    PROPN  NNP  1   ROOT")
    assert all(name != "William Ruto" for _, name in _persons(joined))
    common = TABLE.replace("{name}    {name}    PROPN  NNP", "Ruto      ruto      NOUN   NN  ")
    assert _persons(common) == []
    unknown = TABLE.replace("{name}", "Kamau")
    assert _persons(unknown) == []  # nobody curated: left to the recogniser
