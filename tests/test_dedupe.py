"""The dedupe stage merges restatements and keeps apart engagements set elsewhere or else when."""
from __future__ import annotations

from sideline.records import (Actor, Article, Claim, Document, Event, EventType, Evidence, Span, Status,
                              When, Where)
from sideline.stages.dedupe import Dedupe

PAIR = (Actor("Ana Ruiz", "Ruiz"), Actor("Tomas Berg", "Berg"))


def _ev(start, when=None, where=None, country=None, status="occurred", who=None, type_="meet"):
    return Event(article="a", type=EventType(type_), status=Status(status), actors=PAIR,
                 evidence=Evidence("x", start, start + 1), trigger=Span(start, start + 1),
                 sentence=Span(start, start + 1), when=When(when) if when else None,
                 where=Where(where, country=country) if where else None,
                 attributed_to=Claim(who, who) if who else None)


def _run(*events):
    return Dedupe()(Document(article=Article("a", "x"), events=events)).events


def test_two_meetings_of_one_pair_in_two_places_and_times_stay_two():
    out = _run(_ev(0, "2022-01-21", "Geneva", "CHE"), _ev(10, "2023-03", "New Delhi", "IND"))
    assert len(out) == 2


def test_a_restatement_joins_and_lends_what_the_first_lacked():
    out = _run(_ev(0, None, "Havana", "CUB"), _ev(10, "2015-05-11", "Cuba", "CUB", who="the ministry"))
    assert len(out) == 1
    assert out[0].when.value == "2015-05-11" and out[0].where.name == "Havana"
    assert out[0].attributed_to.name == "the ministry"


def test_a_month_contains_its_days_but_other_statuses_and_types_stay_apart():
    assert len(_run(_ev(0, "2023-03"), _ev(5, "2023-03-02"))) == 1
    assert len(_run(_ev(0, "2023-03"), _ev(5, "2023-04"))) == 2
    assert len(_run(_ev(0, "2023-03"), _ev(5, "2023-03", status="planned"))) == 2
    assert len(_run(_ev(0, "2023-03"), _ev(5, "2023-03", type_="phone_call"))) == 2


def test_one_trigger_split_in_two_is_not_merged_back():
    same = _ev(0, "2023-03", "Prague", "CZE")
    assert len(_run(same, same)) == 2


def test_the_pipeline_keeps_a_second_meeting_of_the_same_pair(nlp_stage):
    from datetime import date

    from sideline.pipeline import Pipeline
    from sideline.stages import default_stages

    stages = default_stages()
    stages[1] = nlp_stage
    text = ("Foreign Minister Ana Ruiz met her Norwegian counterpart Tomas Berg in Geneva in January 2022. "
            "Early last month, Ruiz and Berg met briefly on the sidelines of a summit in Nairobi. "
            "Ruiz and Berg also met in Nairobi on the second day of the summit, officials said.")
    res = Pipeline(stages)(Article("two", text, published=date(2023, 4, 5)))
    meets = [e for e in res.events if e.type is EventType.MEET]
    assert {(e.where.name if e.where else None) for e in meets} == {"Geneva", "Nairobi"}
    assert len(meets) == 2


def _with(start, actors, when="2024-09-25"):
    return Event(article="a", type=EventType.MEET, status=Status.OCCURRED, actors=actors,
                 evidence=Evidence("x", start, start + 1), trigger=Span(start, start + 1),
                 sentence=Span(start, start + 1), when=When(when))


LAV = Actor("Sergey Lavrov", "Lavrov", country="RUS")
SAF = Actor("Ayman Safadi", "Safadi", country="JOR")
JOR = Actor("Jordan", "Jordan", country="JOR", kind="country")


def test_a_country_and_its_official_in_two_tellings_are_one_meeting():
    out = _run(_with(0, (LAV, JOR)), _with(10, (LAV, SAF)))
    assert [[a.name for a in e.actors] for e in out] == [["Sergey Lavrov", "Ayman Safadi"]]
    assert len(_run(_with(0, (LAV, JOR)), _with(10, (LAV, SAF), when="2024-07-02"))) == 2


def test_three_shared_persons_make_one_meeting_with_everyone():
    a, b, c, d, e = (Actor(n, n) for n in ("Vucic", "Michel", "Borrell", "Macron", "Meloni"))
    out = _run(_with(0, (a, b, c, d)), _with(10, (b, d, e, a)))
    assert len(out) == 1 and {x.name for x in out[0].actors} == {"Vucic", "Michel", "Borrell", "Macron", "Meloni"}
    assert len(_run(_with(0, (a, b, c)), _with(10, (a, b, e)))) == 2  # two shared: two meetings
