"""A title-only mention the text names only afterwards ("the Palestinian foreign minister said
... The minister, X, said") takes the person named with its title noun within two sentences
(sideline.stages.actors.named_later); another title noun or another country leaves it alone."""
from __future__ import annotations

from sideline.records import Actor, Mention, Span
from sideline.stages.actors.named_later import name_titles


def _mentions(person_text: str, country: str | None = None) -> list[Mention]:
    office = Actor(name="Palestine", mention="the Palestinian foreign minister", role="Foreign Minister",
                   country="PSE", code="PSEGOV", kind="government")
    person = Actor(name="Ziad Abu Amr", mention="Ziad Abu Amr", role="Minister", country=country, kind="person")
    return [Mention(Span(10, 42), "the Palestinian foreign minister", "TITLE", office),
            Mention(Span(80, 80 + len(person_text)), person_text, "PERSON", person)]


def test_the_title_takes_the_holder_named_after_it():
    out = name_titles(_mentions("The minister, Ziad Abu Amr"), [0, 60])
    assert out[0].actor.name == "Ziad Abu Amr"
    assert out[0].actor.role == "Foreign Minister" and out[0].actor.country == "PSE"
    assert out[0].text == "the Palestinian foreign minister"


def test_another_title_noun_another_country_or_too_far_leaves_the_office():
    assert name_titles(_mentions("The spokesman, Ziad Abu Amr"), [0, 60])[0].actor.kind == "government"
    assert name_titles(_mentions("The minister, Ziad Abu Amr", country="JOR"), [0, 60])[0].actor.kind == "government"
    assert name_titles(_mentions("The minister, Ziad Abu Amr"), [0, 50, 60, 70, 75])[0].actor.kind == "government"
