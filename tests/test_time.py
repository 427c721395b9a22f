"""Temporal expressions (sideline.stages.time.timexes) and event dates (sideline.stages.time.stage).

Every sentence here is written for the test. The fast tests use no model (the tense of a
clause then comes from the words before the expression); the ``slow`` ones parse with the
real model through the NLP stage (``make_doc`` in tests/conftest.py, loaded once a session).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sideline.records import (Article, Document, Event, EventType, Evidence, Granularity as G,
                              Span, Status, Timex, When)
from sideline.stages.time.timexes import anchor_for, event_when, find_timexes, setters, timex_records
from sideline.stages.time.stage import Time, Timexes

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


def test_later_and_earlier_count_from_the_day_just_told_and_ago_from_now():
    v = values("The envoy landed in Oslo on 3 September. Two days later she met the king.")
    assert v["Two days later"] == "2024-09-05"
    assert values("The envoy met the king two days ago.")["two days ago"] == "2024-09-25"
    assert values("Two days later she met the king.")["Two days later"] == "2024-09-29"  # no day told: from now


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


def test_a_day_of_a_month_only_publication_month_is_of_that_year():
    """A URL path /2018/05/: "May 9" is May 2018 whichever way the clause points; other months
    still follow the clause."""
    pub = date(2018, 5, 1)
    text = "The leaders met at the forum held from May 9th to 11th in Noumea."
    assert [t.value for t in find_timexes(text, pub, month_only=True)] == ["2018-05-09"]
    assert [t.value for t in find_timexes(text, pub)] == ["2017-05-09"]  # a real 1 May: last May
    text = "The leaders met in Noumea on April 30 and will meet again on June 2."
    assert [t.value for t in find_timexes(text, pub, month_only=True)] == ["2018-04-30", "2018-06-02"]


def test_a_month_without_year_in_a_past_sentence_follows_the_time_the_sentence_set():
    pub = date(2018, 3, 3)
    text = ("The two leaders met in Hangzhou in September 2016, following a visit to Cairo by the "
            "king in April.")
    assert values(text, pub) == {"September 2016": "2016-09", "April": "2016-04"}


@pytest.mark.parametrize("text, april", [
    ("The two leaders met in Hangzhou in September 2016. The king visits Cairo in April.", "2018-04"),
    ("The two leaders met in Hangzhou in September 2016 and will meet again in April.", "2018-04"),
    ("The envoys met in Geneva in December 2017 and again in April.", "2017-04"),
])
def test_a_month_without_year_elsewhere_follows_the_publication_date(text, april):
    """Another sentence, a future clause, or a time set near the publication date: no change."""
    assert values(text, date(2018, 3, 3))["April"] == april


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
    from sideline.stages.clean.offsets import Tracked

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


# -- document-level dating (sideline.stages.time.frame) ----------------------------------------------

from sideline.records import Actor  # noqa: E402
from sideline.stages.time.frame import frame_dates, referred_window, same_engagement  # noqa: E402
from sideline.stages.time.lexicon import timex_lexicon  # noqa: E402


def _ev(text: str, trigger: str, names: tuple[str, ...], status: Status = Status.OCCURRED,
        kind: EventType = EventType.MEET, when: When | None = When(None),
        countries: tuple[str | None, ...] = ()) -> Event:
    i = text.index(trigger)
    start = max(text.rfind(".", 0, i) + 1, 0)
    end = text.find(".", i) + 1 or len(text)
    actors = tuple(Actor(n, n, country=(countries[k] if k < len(countries) else None))
                   for k, n in enumerate(names))
    return Event(article="t", type=kind, status=status, actors=actors,
                 evidence=Evidence(text[start:end], start, end), when=when,
                 trigger=Span(i, i + len(trigger)), sentence=Span(start, end))


def _frame(text: str, events: list[Event], published: date = PUB) -> list[When]:
    found = tuple(find_timexes(text, published))
    return [e.when for e in frame_dates(events, text, found, published, timex_lexicon())]


def test_another_mention_of_the_same_engagement_gives_its_date():
    text = ("The envoy has put off a planned trip to Lisbon. He had been due to fly to Lisbon "
            "on Tuesday to see the Portuguese premier.")
    a = _ev(text, "trip", ("Ana Ruiz", "Portugal"), Status.POSTPONED, EventType.VISIT,
            countries=("ESP", "PRT"))
    b = _ev(text, "fly", ("Ana Ruiz", "Luis Costa"), Status.PLANNED, EventType.VISIT,
            When("2024-09-24", G.DAY, "Tuesday"), countries=("ESP", "PRT"))
    assert same_engagement(a, b)
    assert _frame(text, [a, b])[0].value == "2024-09-24"


def test_a_visit_elsewhere_is_not_the_same_engagement():
    text = "The envoy will tour Peru. She visited Chile on Tuesday."
    a = _ev(text, "tour", ("Ana Ruiz", "Peru"), Status.PLANNED, EventType.VISIT, countries=("ESP", "PER"))
    b = _ev(text, "visited", ("Ana Ruiz", "Chile"), Status.OCCURRED, EventType.VISIT,
            When("2024-09-24", G.DAY, "Tuesday"), countries=("ESP", "CHL"))
    assert not same_engagement(a, b)


def test_a_planned_mention_never_takes_a_past_date_of_the_pair():
    text = "The two ministers met in Oslo on Tuesday. They will meet again."
    past = _ev(text, "met", ("A Berg", "K Lund"), when=When("2024-09-24", G.DAY, "Tuesday"))
    ahead = _ev(text, "meet again", ("A Berg", "K Lund"), Status.PLANNED)
    assert _frame(text, [past, ahead])[1].value is None


@pytest.mark.parametrize("sentence, kind", [
    ("Ahead of the talks, the host walked his guest through the gardens.", "point"),
    ("After their long meeting, the two leaders dined together.", "point"),
    ("During the visit, the premier will see the king.", "window"),
    ("On the sidelines of the summit the two ministers spoke briefly.", "window"),
    ("The premier will see the king in the palace.", None),
])
def test_referred_windows(sentence, kind):
    assert referred_window(sentence, timex_lexicon()) == kind


def test_during_the_visit_gives_the_month_and_ahead_of_the_talks_the_day():
    text = ("The chancellor will pay a state visit to Norway on October 8. During the visit, "
            "she will hold talks with the prime minister. Ahead of the talks, the king will "
            "welcome her.")
    visit = _ev(text, "state visit", ("A Meyer", "Norway"), Status.PLANNED, EventType.VISIT,
                When("2024-10-08", G.DAY, "October 8"))
    talks = _ev(text, "hold talks", ("A Meyer", "J Dahl"), Status.PLANNED, EventType.TALKS)
    host = _ev(text, "welcome", ("Harald", "A Meyer"), Status.PLANNED, EventType.HOST)
    got = _frame(text, [visit, talks, host])
    assert (got[1].value, got[1].granularity) == ("2024-10", G.MONTH)
    assert (got[2].value, got[2].granularity) == ("2024-10-08", G.DAY)


def test_an_undated_plan_takes_the_month_of_the_story_ahead():
    text = ("The summit of the bloc opens tomorrow in Lima. No meeting between the two "
            "presidents is planned there.")
    ruled = _ev(text, "meeting", ("P One", "P Two"), Status.RULED_OUT)
    assert _frame(text, [ruled])[0] == When("2024-09", G.MONTH, "tomorrow")


def test_an_undated_past_event_takes_no_story_month():
    text = "The summit of the bloc opens tomorrow in Lima. The two presidents once met in Quito."
    met = _ev(text, "met", ("P One", "P Two"), Status.OCCURRED)
    assert _frame(text, [met])[0].value is None


def test_a_year_alone_stays_null_and_is_not_overridden():
    text = "The summit of the bloc opens tomorrow in Lima. Their talks may resume in 2025."
    talks = _ev(text, "talks", ("P One", "P Two"), Status.UNCERTAIN, EventType.TALKS,
                When(None, G.YEAR, "2025"))
    assert _frame(text, [talks])[0] == When(None, G.YEAR, "2025")


def test_each_leg_of_a_tour_takes_its_own_dates():
    text = ("I will travel to Chile and Peru from 3 to 12 March. In Chile, from 4 to 6 March, "
            "I will meet the foreign minister. From 7 to 9 March I will be in Lima, Peru, for talks.")
    pub = date(2024, 2, 20)
    tour = When("2024-03-03", G.DAY, "from 3 to 12 March", "2024-03-12")
    chile = _ev(text, "travel", ("The minister", "Chile"), Status.PLANNED, EventType.VISIT, tour)
    peru = _ev(text, "travel", ("The minister", "Peru"), Status.PLANNED, EventType.VISIT, tour)
    got = _frame(text, [chile, peru], pub)
    assert [w.value for w in got] == ["2024-03-04", "2024-03-07"]


def test_no_story_month_without_a_publication_date():
    text = "The summit of the bloc opens on Monday in Lima. No meeting of the two is planned."
    ruled = _ev(text, "meeting", ("P One", "P Two"), Status.RULED_OUT)
    found = tuple(find_timexes(text, None))
    assert frame_dates([ruled], text, found, None, timex_lexicon())[0].when.value is None


# -- the Time stage: anchors, stays under way, plans told in the past, month-only publication ----

@pytest.mark.slow
def test_since_names_an_anchor_not_the_date(make_doc):
    text = "The premier has become the first Danish leader to visit Peru since 1971."
    when = _date(make_doc, text, "visit", status=Status.OCCURRED, kind=EventType.VISIT)
    assert (when.value, when.granularity) == ("2024-09-27", G.DAY)


@pytest.mark.slow
def test_a_stay_under_way_takes_the_month_and_a_meeting_the_day(make_doc):
    text = "The two premiers are attending the regional forum in Lima."
    assert _date(make_doc, text, "attending", status=Status.OCCURRED).value == "2024-09"
    text = "The two premiers are meeting the Peruvian president in Lima."
    assert _date(make_doc, text, "meeting", status=Status.OCCURRED).value == "2024-09-27"


@pytest.mark.slow
def test_a_plan_told_in_the_past_takes_the_nearest_weekday(make_doc):
    text = "The minister was due to fly to Quito on Thursday but fell ill."
    when = _date(make_doc, text, "fly", status=Status.POSTPONED, kind=EventType.VISIT)
    assert when.value == "2024-09-26"


@pytest.mark.slow
def test_the_current_chair_does_not_date_a_visit(make_doc):
    text = "The visiting king is the current chair of the regional bloc."
    assert _date(make_doc, text, "visiting", status=Status.OCCURRED, kind=EventType.VISIT).value is None


@pytest.mark.slow
def test_a_relative_day_with_a_month_only_publication_date_gives_the_month(make_doc):
    text = "Yesterday, the prime minister met the Chilean president in Lima."
    doc = make_doc(text, published=date(2023, 11, 1)).with_(published_from="url-month")
    i = text.index("met")
    ev = Event(article="t", type=EventType.MEET, status=Status.OCCURRED, actors=(),
               evidence=Evidence(text, 0, len(text)), trigger=Span(i, i + 3), sentence=Span(0, len(text)))
    when = Time()(doc.with_(events=(ev,))).events[0].when
    assert (when.value, when.granularity) == ("2023-11", G.MONTH)


@pytest.mark.slow
def test_a_date_of_a_month_only_publication_month_fits_a_past_event(make_doc):
    """Published "2018-05" (URL path): a meeting on May 9 is no meeting after publication."""
    text = ("Premier meets French president\n\n"
            "The premier held talks with the French president at the forum in Noumea on May 9th.")
    doc = make_doc(text, published=date(2018, 5, 1)).with_(published_from="url-month")
    i = text.index("meets")
    ev = Event(article="t", type=EventType.MEET, status=Status.OCCURRED, actors=(),
               evidence=Evidence(text, 0, len(text)), trigger=Span(i, i + 5), sentence=Span(0, i + 22))
    assert Time()(doc.with_(events=(ev,))).events[0].when.value == "2018-05-09"


@pytest.mark.slow
def test_a_run_on_first_line_is_not_a_headline(make_doc):
    text = ("Lima: The two leaders will not meet at the forum, an aide said today. Yesterday an "
            "adviser had said they would meet.")
    when = _date(make_doc, text, "meet", status=Status.RULED_OUT)
    assert when.value != "2024-09-26"


@pytest.mark.slow
def test_a_visit_framing_a_dated_meeting_takes_the_month(make_doc):
    text = "The premier met the Chilean president on Monday on his first trip abroad."
    when = _date(make_doc, text, "trip", status=Status.OCCURRED, kind=EventType.VISIT)
    assert (when.value, when.granularity) == ("2024-09", G.MONTH)
    text = "The premier arrived in Lima on Monday on his first trip abroad."
    when = _date(make_doc, text, "trip", status=Status.OCCURRED, kind=EventType.VISIT)
    assert (when.value, when.granularity) == ("2024-09-23", G.DAY)


def test_a_called_off_meeting_does_not_take_the_date_of_an_old_one():
    text = "The two ministers last met in Oslo in March. No meeting between them is planned."
    old = _ev(text, "met", ("A Berg", "K Lund"), when=When("2024-03", G.MONTH, "March"))
    ruled = _ev(text, "meeting", ("A Berg", "K Lund"), Status.RULED_OUT)
    assert _frame(text, [old, ruled])[1].value is None


@pytest.mark.slow
def test_a_headline_skips_the_date_of_the_report_in_its_lead(make_doc):
    text = ("Palace calls off royal visit\n\n"
            "The palace said on Thursday it had called off a state visit by the Danish king next week "
            "because of floods.")
    when = _date(make_doc, text, "visit", date(2024, 9, 8), Status.CANCELLED, EventType.VISIT)
    assert (when.value, when.text) == ("2024-09", "next week")


def test_a_meeting_with_the_host_of_a_one_day_visit_takes_its_day():
    text = "The emir's visit to Qatar on Sunday was short. His meeting with the Qatari emir was tense."
    visit = _ev(text, "visit", ("Emir A", "Qatar"), kind=EventType.VISIT,
                when=When("2024-09-22", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    meet = _ev(text, "meeting", ("Emir A", "Emir B"), countries=("KWT", "QAT"))
    assert _frame(text, [visit, meet])[1] == When("2024-09-22", G.DAY, "Sunday")


def test_a_meeting_with_the_host_inside_a_visit_of_several_days_takes_the_month():
    text = ("The emir arrives in Doha on Sunday for a three-day visit. His meeting with the Qatari "
            "emir is expected to focus on trade.")
    visit = _ev(text, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    meet = _ev(text, "meeting", ("Emir A", "Emir B"), Status.PLANNED, countries=("KWT", "QAT"))
    assert _frame(text, [visit, meet])[1].value == "2024-09"
    one_day = text.replace("three-day", "brief")
    visit = _ev(one_day, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    meet = _ev(one_day, "meeting", ("Emir A", "Emir B"), Status.PLANNED, countries=("KWT", "QAT"))
    assert _frame(one_day, [visit, meet])[1].value == "2024-09-29"


def test_a_reception_that_tells_the_visit_several_days_long_takes_the_month():
    """'The emir arrives in Doha on Sunday. The Qatari emir will receive him for a three-day
    visit.': the stay's length told in the reception's own sentence makes it a window."""
    text = ("The emir arrives in Doha on Sunday. The Qatari emir will receive him for a three-day "
            "visit.")
    visit = _ev(text, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    host = _ev(text, "receive", ("Emir B", "Emir A"), Status.PLANNED, EventType.HOST, countries=("QAT", "KWT"))
    assert _frame(text, [visit, host])[1].value == "2024-09"
    brief = text.replace("for a three-day visit", "at the airport")
    visit = _ev(brief, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    host = _ev(brief, "receive", ("Emir B", "Emir A"), Status.PLANNED, EventType.HOST, countries=("QAT", "KWT"))
    assert _frame(brief, [visit, host])[1].value == "2024-09-29"


def test_a_meeting_takes_the_month_when_another_engagement_of_the_visit_tells_it_long():
    """'The emir arrives in Doha on Sunday. The Qatari emir will receive him for a three-day
    visit. The emir is scheduled to meet the Qatari emir.': the length told with the reception
    makes the meeting's date a window too."""
    text = ("The emir arrives in Doha on Sunday. The Qatari emir will receive him for a three-day "
            "visit. The emir is scheduled to meet the Qatari emir.")
    visit = _ev(text, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    host = _ev(text, "receive", ("Emir B", "Emir A"), Status.PLANNED, EventType.HOST, countries=("QAT", "KWT"))
    meet = _ev(text, "meet", ("Emir A", "Emir B"), Status.PLANNED, countries=("KWT", "QAT"))
    assert _frame(text, [visit, host, meet])[2].value == "2024-09"
    brief = text.replace("for a three-day visit", "at the airport")
    visit = _ev(brief, "arrives", ("Emir A", "Qatar"), Status.PLANNED, EventType.VISIT,
                when=When("2024-09-29", G.DAY, "Sunday"), countries=("KWT", "QAT"))
    host = _ev(brief, "receive", ("Emir B", "Emir A"), Status.PLANNED, EventType.HOST, countries=("QAT", "KWT"))
    meet = _ev(brief, "meet", ("Emir A", "Emir B"), Status.PLANNED, countries=("KWT", "QAT"))
    assert _frame(brief, [visit, host, meet])[2].value == "2024-09-29"


def test_an_undated_visit_takes_the_day_of_the_first_meeting_inside_it():
    """'First visit of the new president to Chile' over 'The Chilean president received him on
    Tuesday ...': the visit is dated by the meeting the text dates."""
    text = ("First official visit of the new Peruvian president to Chile. The Chilean president "
            "received him on Tuesday and they held talks again on Wednesday.")
    visit = _ev(text, "visit", ("President P", "Chile"), kind=EventType.VISIT, countries=("PER", "CHL"))
    tue = _ev(text, "received", ("President C", "President P"), kind=EventType.HOST,
              when=When("2024-09-24", G.DAY, "Tuesday"), countries=("CHL", "PER"))
    wed = _ev(text, "talks", ("President P", "President C"), kind=EventType.TALKS,
              when=When("2024-09-25", G.DAY, "Wednesday"), countries=("PER", "CHL"))
    assert _frame(text, [visit, wed, tue])[0] == When("2024-09-24", G.DAY, "Tuesday")
    month = replace(tue, when=When("2024-09", G.MONTH, "this month"))
    assert _frame(text, [visit, month])[0].value is None  # a month says less than the visit's own frame
    ahead = replace(tue, status=Status.PLANNED, when=When("2024-10-01", G.DAY, "Tuesday"))
    assert _frame(text, [visit, ahead])[0].value is None  # a meeting still ahead does not date a visit made

    text = "The king visited Peru from 2 to 5 September. His meeting with the Peruvian president went well."
    visit = _ev(text, "visited", ("King C", "Peru"), kind=EventType.VISIT,
                when=When("2024-09-02", G.DAY, "from 2 to 5 September", "2024-09-05"),
                countries=("ESP", "PER"))
    meet = _ev(text, "meeting", ("King C", "President D"), countries=("ESP", "PER"))
    assert (_frame(text, [visit, meet])[1].value) == "2024-09"


@pytest.mark.slow
def test_coordinated_partners_take_their_own_dates(make_doc):
    text = "The envoy met the Chilean minister on September 2 and the Peruvian minister earlier this week."
    doc = make_doc(text, published=PUB)
    sent = doc.sentences[0]
    evs = []
    for partner in ("the Chilean minister", "the Peruvian minister"):
        i = text.index("met")
        evs.append(Event(article="t", type=EventType.MEET, status=Status.OCCURRED,
                         actors=(Actor("Envoy", "The envoy"), Actor(partner, partner)),
                         evidence=Evidence(text, 0, len(text)), trigger=Span(i, i + 3), sentence=sent))
    got = [e.when for e in Time()(doc.with_(events=tuple(evs))).events]
    assert [w.value for w in got] == ["2024-09-02", "2024-09"]


def test_the_story_frame_gives_a_visit_its_day_and_skips_report_dates():
    text = ("The ministry said on Friday the envoy is ready to meet the king. The forum opens "
            "on October 2 in Lima.")
    visit = _ev(text, "meet", ("Envoy E", "Peru"), Status.PROPOSED, EventType.VISIT)
    meet = _ev(text, "meet", ("Envoy E", "King F"), Status.PROPOSED)
    got = _frame(text, [visit, meet])
    assert (got[0].value, got[1].value) == ("2024-10-02", "2024-10")


def test_an_open_date_stays_open():
    text = "The forum opens tomorrow in Lima. The two will meet, with the time still to be determined."
    planned = _ev(text, "meet", ("P One", "P Two"), Status.PLANNED)
    assert _frame(text, [planned])[0].value is None


@pytest.mark.slow
def test_the_window_of_an_occasion_dates_a_meeting_on_its_margins(make_doc):
    text = ("The two presidents met on the margins of the regional forum in Lima, which opened "
            "on September 16.")
    when = _date(make_doc, text, "met", status=Status.OCCURRED)
    assert (when.value, when.granularity) == ("2024-09", G.MONTH)
    text = "The minister has arrived in Lima, where he will attend talks on 14 and 15 October."
    when = _date(make_doc, text, "arrived", status=Status.OCCURRED, kind=EventType.VISIT)
    assert when.value != "2024-10"


def test_a_caption_placing_the_visitor_in_the_host_country_dates_the_visit():
    from sideline.records import Actor, Mention
    from sideline.stages.time.presence import presence_dates

    text = "Ruto greets students in Lima, May 3, 2024.\nRuto spoke at the start of a visit to Peru."
    ruto = Actor("William Ruto", "Ruto", kind="person", country="KEN")
    peru = Actor("Peru", "Peru", kind="country", country="PER")
    lima = Actor("Peru", "Lima", kind="government", country="PER")
    mentions = (Mention(Span(0, 4), "Ruto", "PERSON", ruto), Mention(Span(24, 28), "Lima", "GPE", lima),
                Mention(Span(43, 47), "Ruto", "PERSON", ruto))
    day = Timex(Span(30, 41), "May 3, 2024", "2024-05-03", G.DAY)
    visit = Event(article="t", type=EventType.VISIT, status=Status.OCCURRED, actors=(ruto, peru),
                  evidence=None, trigger=Span(77, 82), sentence=Span(43, len(text)))
    [dated] = presence_dates((visit,), text, (day,), mentions, date(2024, 5, 4))
    assert dated.when is not None and dated.when.value == "2024-05-03"
    elsewhere = mentions[:1] + (Mention(Span(24, 28), "Lima", "GPE", replace(lima, country="CHL")),) + mentions[2:]
    [undated] = presence_dates((visit,), text, (day,), elsewhere, date(2024, 5, 4))
    assert undated.when is None  # the caption places him in another country


def test_attending_a_gathering_takes_the_first_day_the_gathering_is_told_to_open():
    from sideline.records import Actor
    from sideline.stages.time.occasion import occasion_dates
    from tests.rules.parsed import parse

    doc = parse("""
        0   the      _       DET    DT   1   det
        1   summit   _       NOUN   NN   1   ROOT
        2   ,        _       PUNCT  ,    1   punct
        3   which    _       PRON   WDT  5   nsubj
        4   will     _       AUX    MD   5   aux
        5   run      _       VERB   VB   1   relcl
        6   from     _       ADP    IN   5   prep
        7   6        _       NUM    CD   6   pobj   B-DATE
        8   to       _       ADP    IN   7   prep   I-DATE
        9   10       _       NUM    CD   8   pobj   I-DATE
        10  June     _       PROPN  NNP  9   npadvmod  I-DATE
        11  .        _       PUNCT  .    1   punct
    """)
    start = doc[7].idx
    day = Timex(Span(start, doc[10].idx + 4), "from 6 to 10 June", "2022-06-06", G.DAY, end_value="2022-06-10")
    group = Actor("Summit leaders", "the summit", kind="group")
    ruto = Actor("William Ruto", "Ruto", kind="person", country="KEN")
    attend = Event(article="t", type=EventType.MEET, status=Status.PLANNED, actors=(ruto, group), evidence=None,
                   when=When("2022-06", G.MONTH, "this month"))
    [dated] = occasion_dates((attend,), (day,), doc)
    assert dated.when.value == "2022-06-06"
    pair = replace(attend, actors=(ruto, Actor("Dina Boluarte", "Boluarte", kind="person")))
    assert occasion_dates((pair,), (day,), doc)[0].when.value == "2022-06"  # no gathering attended


# -- the rules ignore case by folding the text (lexicon.fold) ---------------------------------------
def test_lowered_patterns_keep_escapes_and_group_names():
    from sideline.stages.time.lexicon import _lowered

    assert _lowered(r"(?<![\w-])(?P<monX>JAN)\S+\b[A-Z](?P=monX)") == r"(?<![\w-])(?P<monX>jan)\S+\b[a-z](?P=monX)"


def test_fold_keeps_offsets_and_what_is_not_ascii():
    from sideline.stages.time.lexicon import fold

    text = "ÉLYSÉE, MONDAY 3 MARCH"
    assert fold(text) == "ÉlysÉe, monday 3 march"
    assert len(fold(text)) == len(text)


def test_rules_find_upper_case_dates_as_mixed_case_ones():
    from sideline.stages.time.lexicon import timex_lexicon
    from sideline.stages.time.match import scan

    lex = timex_lexicon()
    mixed = scan("The envoys met on Monday, March 3, 2025, in Doha.", lex)
    upper = scan("THE ENVOYS MET ON MONDAY, MARCH 3, 2025, IN DOHA.", lex)
    assert [(f.start, f.end, f.kind) for f in mixed] and [(f.start, f.end, f.kind) for f in mixed] == [(f.start, f.end, f.kind) for f in upper]
    months = [f.groups["mon"] for f in upper if "mon" in f.groups]
    assert months == ["MARCH"]  # a group is read off the text, not off its folded copy
