"""Pronouns that point forward (sideline.stages.actors.cataphora): a pronoun in a phrase put
before the main clause, with nobody named before it in its sentence, is the main clause's
subject named after it. Parses built by hand (no model)."""
from __future__ import annotations

from .parsed import document
from .test_dated_titles import _stage

#: "Juma Otieno arrived. After his talks, {subject} spoke."
FRONTED = """
     0  Juma       Juma       PROPN  NNP  1   compound  B-PERSON
     1  Otieno     Otieno     PROPN  NNP  2   nsubj     I-PERSON
     2  arrived    arrive     VERB   VBD  2   ROOT
     3  .          .          PUNCT  .    2   punct
     4  After      after      ADP    IN   10  prep
     5  his        his        PRON   PRP$ 6   poss
     6  talks      talk       NOUN   NNS  4   pobj
     7  ,          ,          PUNCT  ,    10  punct
     8  {first}    {first}    {pos}  {tag} 9  {dep}     {ent1}
     9  {second}   {second}   {pos2} {tag2} 10 nsubj     {ent2}
    10  spoke      speak      VERB   VBD  10  ROOT
    11  .          .          PUNCT  .    10  punct
"""


def _fronted(first: str, second: str, named: bool) -> str:
    fill = {"{first}": first, "{second}": second}
    if named:
        fill.update({"{pos}": "PROPN", "{tag}": "NNP", "{dep}": "compound", "{ent1}": "B-PERSON",
                     "{pos2}": "PROPN", "{tag2}": "NNP", "{ent2}": "I-PERSON"})
    else:
        fill.update({"{pos}": "DET", "{tag}": "DT", "{dep}": "det", "{ent1}": "O",
                     "{pos2}": "NOUN", "{tag2}": "NN", "{ent2}": "O"})
    table = FRONTED
    for k, v in fill.items():
        table = table.replace(k, v)
    return table


def _pronoun(doc) -> list[str]:
    return [m.actor.name for m in doc.mentions if m.label == "PRON" and m.actor is not None]


def test_a_pronoun_in_a_fronted_phrase_is_the_subject_named_after_it():
    doc = _stage()(document(_fronted("Peter", "Kamau", named=True), "2023-04-20"))
    assert _pronoun(doc) == ["Peter Kamau"]  # not Otieno of the sentence before


def test_with_no_name_after_it_the_pronoun_reads_backwards():
    doc = _stage()(document(_fronted("the", "minister", named=False), "2023-04-20"))
    assert _pronoun(doc) == ["Juma Otieno"]
