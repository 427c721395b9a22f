"""Temporal expressions (sideline.temporal) and event dates (sideline.stages.time).

Every sentence here is written for the test. The fast tests use no model (the tense of a
clause then comes from the words before the expression); the ``slow`` ones parse with the
real model through the NLP stage (``make_doc`` in tests/conftest.py, loaded once a session).
"""
from __future__ import annotations

from datetime import date

import pytest

from sideline.records import (Article, Document, Event, EventType, Evidence, Granularity as G,
                              Span, Status, Timex, When)
from sideline.temporal import anchor_for, event_when, find_timexes, setters, timex_records
from sideline.stages.time import Time, Timexes

PUB = date(2024, 9, 27)  # a Friday


def values(text: str, anchor: date | None = PUB, parse=None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, anchor, parse)}


def one(text: str, anchor: date | None = PUB) -> Timex:
    found = find_timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


# -- absolute spellings -------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value", [
    ("The envoys signed it on Jan. 21, 2022 in Minsk.", "Jan. 21, 2022", "2022-01-21"),
    ("The envoys signed it on 21 January 2022 in Minsk.", "21 January 2022", "2022-01-21"),
    ("Filed 2024-09-27 by our desk.", "2024-09-27", "2024-09-27"),
    ("Filed 9/27/2024 by our desk.", "9/27/2024", "2024-09-27"),
    ("Filed 27/9/2024 by our desk.", "27/9/2024", "2024-09-27"),
    ("The summit opened Sept. 27th, 2024.", "Sept. 27th, 2024", "2024-09-27"),
    ("They spoke in Sep 2023 about grain.", "Sep 2023", "2023-09"),
    ("Talks began in May 2010.", "May 2010", "2010-05"),
    ("The treaty dates from 1991.", "1991", "1991"),
    ("Ties were cut in the 1990s.", "the 1990s", "199"),
    ("Profits rose in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
])
def test_absolute_spellings(text, surface, value):
    assert values(text)[surface] == value


def test_may_the_verb_is_not_a_month():
    assert values("The ministers may meet again.") == {}
    assert values("The ministers met in May.") == {"May": "2024-05"}


def test_ranges_keep_an_end_value():
    t = one("The forum will be held on 24 and 25 April in Baku.")
    assert (t.value, t.end_value, t.granularity) == ("2025-04-24", "2025-04-25", G.DAY)
    t = one("The forum was held on 24 and 25 April in Baku.")
    assert (t.value, t.end_value) == ("2024-04-24", "2024-04-25")
    t = one("The envoys will meet Sept 24-26, 2024 in Vienna.")
    assert (t.value, t.end_value) == ("2024-09-24", "2024-09-26")
    t = one("Delegations will sit from Monday to Wednesday.")
    assert (t.value, t.end_value) == ("2024-09-30", "2024-10-02")


def test_alternatives_and_windows_of_months():
    t = one("The president will visit sometime in April/June.")
    assert (t.value, t.end_value, t.granularity) == ("2025-04", "2025-06", G.MONTH)
    assert event_when(t, PUB, EventType.VISIT).value is None
    assert values("Sales rose in April and June.") == {"April": "2024-04", "June": "2024-06"}
    t = one("The envoys could meet on June 22 or 23.", date(2023, 6, 20))
    assert event_when(t, date(2023, 6, 20), EventType.MEET) == When("2023-06", G.MONTH, t.text, "2023-06-23")


def test_names_and_counts_are_not_dates():
    assert values("They discussed the Pact for the Future.") == {}
    assert values("They attended the 12th Annual Consultation.") == {}
    assert values("Markets recalled Black Monday.") == {}
    assert values("He flew in on the 24th.") == {"the 24th": "2024-09-24"}
    assert values("In the past few days they spoke twice.") == {"the past few days": "PAST_REF"}


# -- relative expressions against the publication date --------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("He arrived yesterday.", "2024-09-26"),
    ("They meet today.", "2024-09-27"),
    ("They will meet tomorrow.", "2024-09-28"),
    ("They will speak again next week.", "2024-W40"),
    ("They met last month.", "2024-08"),
    ("They met early last month.", "2024-08"),
    ("They will meet later this month.", "2024-09"),
    ("They met earlier this year.", "2024"),
    ("They met last year.", "2023"),
    ("They first met in 2019.", "2019"),
    ("They met last summer.", "2024-SU"),
    ("They will meet this weekend.", "2024-W39-WE"),
    ("The talks are currently stalled.", "PRESENT_REF"),
    ("They met four years ago.", "2020"),
])
def test_relative_expressions(text, value):
    assert list(values(text).values()) == [value]


def test_last_summer_in_spring_is_last_year():
    assert values("They met last summer.", date(2013, 3, 22)) == {"last summer": "2012-SU"}


def test_same_month_a_year_ago_follows_the_month_just_named():
    v = values("Sales fell in January, down from the same month a year ago.", date(2009, 2, 3))
    assert v == {"January": "2009-01", "the same month a year ago": "2008-01"}


def test_times_of_day():
    v = values("The match was postponed until 15:00 GMT Saturday.", date(2013, 3, 22))
    assert v == {"15:00 GMT Saturday": "2013-03-23T15:00"}
    assert values("They met Tuesday morning.") == {"Tuesday morning": "2024-09-24TMO"}
    t = one("They met Tuesday morning.")
    assert t.granularity == G.TIME


# -- direction of bare weekdays and months (word cues, no parse) ----------------------------------

def test_future_weekday_is_ahead():
    assert values("Lavrov is due to meet Wang on Monday.") == {"Monday": "2024-09-30"}


def test_past_weekday_is_behind():
    assert values("Lavrov met Wang on Wednesday.") == {"Wednesday": "2024-09-25"}


def test_same_weekday_as_publication_is_that_day():
    assert values("Lavrov said on Friday that talks went well.") == {"Friday": "2024-09-27"}


def test_month_day_without_year_is_this_years_when_near():
    assert values("The two met on September 9 in Rome.") == {"September 9": "2024-09-09"}


def test_month_without_year_in_a_future_clause_is_the_next_one():
    assert values("The ministers will meet again in March.") == {"March": "2025-03"}


def test_no_anchor_leaves_relative_expressions_out():
    assert values("They met yesterday and again on 2 May 2021.", anchor=None) == {"2 May 2021": "2021-05-02"}


# -- anchoring: dateline and caption dates --------------------------------------------------------

def test_caption_date_anchors_its_paragraph():
    text = ("Kyiv, Jan. 21, 2022\nThe two ministers spoke yesterday by phone.\n\n"
            "They will meet again tomorrow.")
    v = find_timexes(text, PUB)
    assert [(t.text, t.value) for t in v] == [("Jan. 21, 2022", "2022-01-21"),
                                               ("yesterday", "2022-01-20"), ("tomorrow", "2024-09-28")]
    found = setters(text, v)
    assert [s.kind for s in found] == ["dateline"]
    assert anchor_for(text.index("yesterday"), found, PUB) == date(2022, 1, 21)
    assert anchor_for(text.index("tomorrow"), found, PUB) == PUB


def test_sentence_opening_date_is_a_context_date():
    text = "On April 4, the minister said the talks with his counterpart went well."
    found = setters(text, find_timexes(text, PUB))
    assert [(s.kind, s.timex.value) for s in found] == [("sentence", "2024-04-04")]


# -- the event-date policy ------------------------------------------------------------------------

@pytest.mark.parametrize("timex, expected", [
    (Timex(Span(0, 1), "x", "2024-09-27", G.DAY), When("2024-09-27", G.DAY, "x")),
    (Timex(Span(0, 1), "x", "2024-09-27T15:00", G.TIME), When("2024-09-27", G.DAY, "x")),
    (Timex(Span(0, 1), "x", "2024-04-24", G.DAY, "2024-04-25"), When("2024-04-24", G.DAY, "x", "2024-04-25")),
    (Timex(Span(0, 1), "x", "2024-08", G.MONTH), When("2024-08", G.MONTH, "x")),
    (Timex(Span(0, 1), "x", "2024-W39-WE", G.WEEK), When("2024-09", G.MONTH, "x")),
    (Timex(Span(0, 1), "x", "2024-W40", G.WEEK), When(None, G.WEEK, "x")),  # Sep 30 - Oct 6
    (Timex(Span(0, 1), "x", "2019", G.YEAR), When(None, G.YEAR, "x")),
    (Timex(Span(0, 1), "x", "2024-SU", G.SEASON), When(None, G.SEASON, "x")),
    (Timex(Span(0, 1), "x", "2024-Q3", G.QUARTER), When(None, G.QUARTER, "x")),
    (Timex(Span(0, 1), "x", "PAST_REF", None), When(None, None, "x")),
    (Timex(Span(0, 1), "x", "PRESENT_REF", None), When("2024-09", G.MONTH, "x")),
])
def test_event_when_policy(timex, expected):
    assert event_when(timex, PUB) == expected


def test_a_range_dates_a_visit_by_its_first_day_and_meetings_in_it_by_the_month():
    t = Timex(Span(0, 1), "x", "2024-04-24", G.DAY, "2024-04-25")
    assert event_when(t, PUB, EventType.VISIT) == When("2024-04-24", G.DAY, "x", "2024-04-25")
    assert event_when(t, PUB, EventType.MEET) == When("2024-04", G.MONTH, "x", "2024-04-25")
    across = Timex(Span(0, 1), "x", "2024-01-30", G.DAY, "2024-02-01")
    assert event_when(across, PUB, EventType.TALKS).value is None


# -- records for `sideline dates` -----------------------------------------------------------------

def test_timex_records_map_to_the_article_text_as_given():
    from sideline.offsets import Tracked

    raw = "Talks &amp; dinner on Jan. 21, 2022."
    tracked = Tracked.of(raw).edit([(6, 11, "&")])
    doc = Document(article=Article(id="t1", text=raw, published=PUB), text=tracked.text,
                   offsets=tracked.offsets(), published=PUB)
    doc = Timexes()(doc)
    [row] = timex_records(doc)
    assert row == {"article": "t1", "start": 22, "end": 35, "text": "Jan. 21, 2022",
                   "value": "2022-01-21", "granularity": "day"}
    assert raw[row["start"]:row["end"]] == row["text"]


# -- the Time stage with the real parse (tests/conftest.py's make_doc runs the NLP stage) -----

@pytest.fixture()
def nlp(make_doc):
    """A callable text -> the NLP stage's parse of it."""
    return lambda text: make_doc(text, published=PUB).parse


def _date(make_doc, text: str, trigger: str, published: date | None = PUB,
          status: Status = Status.UNCERTAIN, kind: EventType = EventType.MEET) -> When:
    doc = make_doc(text, published=published)
    i = text.index(trigger)
    sent = next(s for s in doc.sentences if s.start <= i < s.end)
    ev = Event(article="t", type=kind, status=status, actors=(),
               evidence=Evidence(text, 0, len(text)), trigger=Span(i, i + len(trigger)), sentence=sent)
    return Time()(doc.with_(events=(ev,))).events[0].when


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, value, gran, status", [
    ("The foreign minister is due to meet his Turkish counterpart on Monday.", "meet", "2024-09-30", G.DAY, "planned"),
    ("The foreign minister met his Turkish counterpart on Wednesday.", "met", "2024-09-25", G.DAY, "occurred"),
    ("The two envoys will hold talks this weekend in Oslo.", "talks", "2024-09", G.MONTH, "planned"),
    ("The delegations met early last month in Oslo.", "met", "2024-08", G.MONTH, "occurred"),
    ("Talks are set to begin on 24 and 25 April in Oslo.", "Talks", "2025-04", G.MONTH, "planned"),
    ("The two leaders met on September 9 in Rome.", "met", "2024-09-09", G.DAY, "occurred"),
    ("The prime minister has arrived in Oslo for the forum.", "arrived", "2024-09-27", G.DAY, "occurred"),
    ("The two leaders first met in 2019.", "met", None, G.YEAR, "occurred"),
    ("Diplomats say the envoys met recently.", "met", None, None, "occurred"),
])
def test_event_dates(make_doc, text, trigger, value, gran, status):
    when = _date(make_doc, text, trigger, status=Status(status))
    assert (when.value, when.granularity) == (value, gran)


@pytest.mark.slow
def test_present_perfect_of_a_called_off_visit_is_not_dated_by_publication(make_doc):
    text = "The prime minister has postponed his visit to Oslo."
    assert _date(make_doc, text, "visit", status=Status.POSTPONED, kind=EventType.VISIT).value is None


@pytest.mark.slow
def test_range_keeps_its_end(make_doc):
    when = _date(make_doc, "Talks are set to begin on 24 and 25 April in Oslo.", "Talks")
    assert when.end_value == "2025-04-25"


@pytest.mark.slow
def test_context_date_from_an_opening_date(make_doc):
    text = ("On April 4, the minister thanked the hosts. He said the talks with his counterpart "
            "covered trade.")
    assert _date(make_doc, text, "talks").value == "2024-04-04"


@pytest.mark.slow
def test_caption_date_dates_the_event_below_it(make_doc):
    text = "Jan. 21, 2022\nThe two ministers shake hands before their meeting in Geneva."
    when = _date(make_doc, text, "meeting")
    assert (when.value, when.text) == ("2022-01-21", "Jan. 21, 2022")


@pytest.mark.slow
def test_parse_direction_of_a_weekday(nlp):
    text = "The envoy said he would travel to Ankara on Thursday."
    assert values(text, PUB, nlp(text)) == {"Thursday": "2024-10-03"}
    text = "The envoy travelled to Ankara on Thursday."
    assert values(text, PUB, nlp(text)) == {"Thursday": "2024-09-26"}


@pytest.mark.slow
def test_range_dates_a_visit_by_its_first_day(make_doc):
    when = _date(make_doc, "The minister will visit Oslo from 3 to 5 October.", "visit", kind=EventType.VISIT)
    assert (when.value, when.end_value) == ("2024-10-03", "2024-10-05")


@pytest.mark.slow
def test_a_reporting_date_does_not_date_the_reported_meeting(make_doc):
    text = "The minister is ready to meet his counterpart in Oslo, a spokesman said on Monday."
    assert _date(make_doc, text, "meet", status=Status.PROPOSED).value is None


@pytest.mark.slow
def test_a_headline_takes_the_date_of_its_lead(make_doc):
    text = ("Minister meets his Finnish counterpart in Oslo\n\n"
            "The foreign minister met his Finnish counterpart on Wednesday in Oslo to discuss fishing.")
    assert _date(make_doc, text, "meets", status=Status.OCCURRED).value == "2024-09-25"


@pytest.mark.slow
def test_ahead_of_a_meeting_points_forward(nlp):
    text = "Ministers discussed trade ahead of a meeting between the two leaders on Wednesday."
    assert values(text, PUB, nlp(text)) == {"Wednesday": "2024-10-02"}
