"""The offices stage (sideline.stages.offices): a participant named by a title alone is looked up
again at the date its event's text wrote, once the time stage has read it."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from sideline.records import Actor, Article, Document, Event, EventType, Evidence, Granularity, Mention, Span, \
    Status, When
from sideline.stages.offices import Offices, event_period

TEXT = "The visit took place in March 1994. The Kenyan president held talks in Accra."
RUTO = Actor(name="William Ruto", mention="the Kenyan president", role="President", country="KEN",
             code="KENGOV", kind="person")
GHANA = Actor(name="Ghana", mention="Accra", country="GHA", code="GHAGOV", kind="government")


@lru_cache(maxsize=1)
def _stage() -> Offices:
    return Offices()


def _doc(when: When | None, actors=(RUTO, GHANA), mentions=(), published=date(2023, 4, 20)) -> Document:
    ev = Event(article="a", type=EventType.TALKS, status=Status.OCCURRED, actors=actors,
               evidence=Evidence(TEXT, 0, len(TEXT)), when=when)
    return Document(article=Article(id="a", text=TEXT, published=published), text=TEXT, published=published,
                    mentions=tuple(mentions), events=(ev,))


def _names(doc: Document) -> list[str]:
    return [a.name for a in doc.events[0].actors]


MARCH_1994 = When("1994-03", Granularity.MONTH, "in March 1994")


def test_the_period_of_a_date_whose_year_the_text_wrote():
    assert event_period(_doc(MARCH_1994).events[0]) == (date(1994, 3, 1), date(1994, 3, 31))
    assert event_period(_doc(When("1994-03-04", Granularity.DAY, "4 March 1994")).events[0]) == \
        (date(1994, 3, 4), date(1994, 3, 4))
    assert event_period(_doc(When("2023-03", Granularity.MONTH, "last month")).events[0]) is None


def test_a_title_alone_takes_the_holder_at_the_event_date():
    done = _stage()(_doc(MARCH_1994))
    assert _names(done) == ["Daniel arap Moi", "Ghana"]
    assert done.events[0].actors[0].mention == "the Kenyan president"  # the text's words kept


def test_what_the_text_does_not_date_or_names_stays():
    assert _names(_stage()(_doc(When("2023-03", Granularity.MONTH, "last month")))) == ["William Ruto", "Ghana"]
    named = Mention(span=Span(0, 4), text="Ruto", label="PERSON", actor=RUTO)
    assert _names(_stage()(_doc(MARCH_1994, mentions=(named,)))) == ["William Ruto", "Ghana"]
    in_name = Actor(name="William Ruto", mention="President Ruto", role="President", country="KEN", kind="person")
    assert _names(_stage()(_doc(MARCH_1994, actors=(in_name, GHANA)))) == ["William Ruto", "Ghana"]
    same = When("2023-04", Granularity.MONTH, "in April 2023")  # the article's own month
    assert _names(_stage()(_doc(same))) == ["William Ruto", "Ghana"]


def test_a_counterpart_takes_the_office_of_the_other_person_then():
    moi = Actor(name="Daniel arap Moi", mention="Daniel arap Moi", role="President", country="KEN", kind="person")
    other = Actor(name="Nana Akufo-Addo", mention="his Ghanaian counterpart", role="President", country="GHA",
                  kind="person")
    named = Mention(span=Span(0, 4), text="Moi", label="PERSON", actor=moi)
    assert _names(_stage()(_doc(MARCH_1994, actors=(moi, other), mentions=(named,)))) == \
        ["Daniel arap Moi", "Jerry Rawlings"]
