"""An object pronoun is not its clause's subject (sideline.stages.actors.binding), a
participle's subject being the main clause's past a subordinate clause the parser hung it on.
Parses built by hand (no model)."""
from __future__ import annotations

from .parsed import document
from .test_dated_titles import _stage

#: "Amos Kariuki received Peter Otieno. {Kariuki} later called him."
CALLED = """
     0  Amos       Amos       PROPN  NNP  1   compound  B-PERSON
     1  Kariuki    Kariuki    PROPN  NNP  2   nsubj     I-PERSON
     2  received   receive    VERB   VBD  2   ROOT
     3  Peter      Peter      PROPN  NNP  4   compound  B-PERSON
     4  Otieno     Otieno     PROPN  NNP  2   dobj      I-PERSON
     5  .          .          PUNCT  .    2   punct
     6  {subject}  {lemma}    {pos}  {tag} 8  nsubj     {ent}
     7  later      later      ADV    RB   8   advmod
     8  called     call       VERB   VBD  8   ROOT
     9  him        he         PRON   PRP  8   dobj
    10  .          .          PUNCT  .    8   punct
"""

#: "Amos Kariuki had no contact with Peter Otieno since the war began, speaking with him once."
PARTICIPLE = """
     0  Amos       Amos       PROPN  NNP  1   compound  B-PERSON
     1  Kariuki    Kariuki    PROPN  NNP  2   nsubj     I-PERSON
     2  had        have       VERB   VBD  2   ROOT
     3  no         no         DET    DT   4   det
     4  contact    contact    NOUN   NN   2   dobj
     5  with       with       ADP    IN   4   prep
     6  Peter      Peter      PROPN  NNP  7   compound  B-PERSON
     7  Otieno     Otieno     PROPN  NNP  5   pobj      I-PERSON
     8  since      since      SCONJ  IN   11  mark
     9  the        the        DET    DT   10  det
    10  war        war        NOUN   NN   11  nsubj
    11  began      begin      VERB   VBD  2   advcl
    12  ,          ,          PUNCT  ,    11  punct
    13  speaking   speak      VERB   VBG  11  advcl
    14  with       with       ADP    IN   13  prep
    15  him        he         PRON   PRP  14  pobj
    16  once       once       ADV    RB   13  advmod
    17  by         by         ADP    IN   13  prep
    18  telephone  telephone  NOUN   NN   17  pobj
    19  .          .          PUNCT  .    2   punct
"""


def _him(table: str) -> list[str]:
    doc = _stage()(document(table, "2023-04-20"))
    return [m.actor.name for m in doc.mentions if m.text == "him" and m.actor is not None]


def _called(subject: str) -> str:
    if subject == "He":
        fill = {"{subject}": "He", "{lemma}": "he", "{pos}": "PRON", "{tag}": "PRP", "{ent}": "O"}
    else:
        fill = {"{subject}": subject, "{lemma}": subject, "{pos}": "PROPN", "{tag}": "NNP", "{ent}": "B-PERSON"}
    table = CALLED
    for k, v in fill.items():
        table = table.replace(k, v)
    return table


def test_an_object_pronoun_is_not_its_named_subject():
    assert _him(_called("Kariuki")) == ["Peter Otieno"]


def test_an_object_pronoun_is_not_the_person_its_subject_pronoun_stands_for():
    assert _him(_called("He")) == ["Peter Otieno"]


def test_a_participle_past_a_subordinate_clause_speaks_for_the_main_subject():
    from sideline.stages.actors.binding import past_subordinate

    from .parsed import parse

    doc = parse(PARTICIPLE)
    assert past_subordinate(doc[13], doc[11])  # "speaking" hung on "began"
    assert _him(PARTICIPLE) == ["Peter Otieno"]  # the speaker is Kariuki, so "him" is Otieno


#: "Amos Kariuki arrived. His host, Peter Otieno, greeted him."
HOST_GREETED = """
     0  Amos       Amos       PROPN  NNP  1   compound  B-PERSON
     1  Kariuki    Kariuki    PROPN  NNP  2   nsubj     I-PERSON
     2  arrived    arrive     VERB   VBD  2   ROOT
     3  .          .          PUNCT  .    2   punct
     4  His        his        PRON   PRP$ 5   poss
     5  host       host       NOUN   NN   11  nsubj
     6  ,          ,          PUNCT  ,    5   punct
     7  Peter      Peter      PROPN  NNP  8   compound  B-PERSON
     8  Otieno     Otieno     PROPN  NNP  5   appos     I-PERSON
     9  ,          ,          PUNCT  ,    5   punct
    10  then       then       ADV    RB   11  advmod
    11  greeted    greet      VERB   VBD  11  ROOT
    12  him        he         PRON   PRP  11  dobj
    13  .          .          PUNCT  .    11  punct
"""


def test_the_name_in_apposition_to_the_subject_is_not_the_object():
    assert _him(HOST_GREETED) == ["Amos Kariuki"]
