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


# -- step 5: one engagement told with two statuses ------------------------------------------------
def _cued(start, status, cue, who=None, type_="meet", where=None, country=None, actors=PAIR, when=None):
    from dataclasses import replace
    ev = _ev(start, when, where, country, status=status, who=who, type_=type_)
    return replace(ev, status_cue=cue, actors=actors)


def test_a_plan_told_in_the_past_gives_way_to_its_postponement():
    """"X was to hold talks with Y" ... "officials said the meeting was postponed": one claim, postponed."""
    out = _run(_cued(0, "planned", "past-plan", type_="talks"),
               _cued(10, "postponed", "cancelled", who="officials"))
    assert [e.status for e in out] == [Status.POSTPONED]
    assert out[0].attributed_to.name == "officials"


def test_a_default_status_gives_way_to_a_stated_one():
    out = _run(_cued(0, "occurred", None), _cued(10, "planned", "future"))
    assert [e.status for e in out] == [Status.PLANNED]


def test_two_voices_with_two_stated_statuses_stay_two_claims():
    out = _run(_cued(0, "proposed", "offer", who="the Kremlin"), _cued(10, "ruled_out", "negated", who="the State Department"))
    assert sorted(e.status.value for e in out) == ["proposed", "ruled_out"]


def test_one_voice_keeps_its_latest_state_only_when_it_tells_a_new_one():
    cancelled = _run(_cued(0, "planned", "future", who="aides"), _cued(10, "cancelled", "cancelled", who="aides"))
    assert [e.status for e in cancelled] == [Status.CANCELLED]
    hedged = _run(_cued(0, "proposed", "offer", who="aides"), _cued(10, "planned", "future", who="aides"))
    assert len(hedged) == 2  # "would depend on ..." does not make an offer a plan


def test_an_open_question_stays_a_claim_of_its_own():
    out = _run(_cued(0, "uncertain", "doubt"), _cued(10, "planned", "future"))
    assert len(out) == 2


def test_two_places_keep_two_statuses_apart():
    out = _run(_cued(0, "planned", "future", where="New York", country="USA"),
               _cued(10, "ruled_out", "foiled", where="Washington", country="USA"))
    assert len(out) == 2


# -- step 0: a trip called off takes its plans with it ---------------------------------------------
TRAVELLER = Actor("Joe Biden", "Biden", kind="person")
HOST = Actor("Olaf Scholz", "Scholz", kind="person")


def _trip(status="postponed", who="the White House"):
    return _cued(0, status, "cancelled", who=who, type_="visit", when="2024-10-10",
                 actors=(TRAVELLER, Actor("Germany", "Germany", country="DEU", kind="country")))


def test_meetings_planned_inside_a_trip_called_off_are_called_off():
    inside = _cued(10, "planned", "past-plan", where="Berlin", country="DEU", actors=(TRAVELLER, HOST))
    out = _run(_trip(), inside)
    meeting = [e for e in out if e.type is EventType.MEET]
    assert len(meeting) == 1
    assert meeting[0].status is Status.POSTPONED and meeting[0].status_cue == "trip"
    assert meeting[0].attributed_to is not None and meeting[0].attributed_to.name == "the White House"


def test_a_trip_called_off_in_the_articles_own_voice_gives_its_plans_no_source():
    inside = _cued(10, "planned", "past-plan", where="Berlin", country="DEU", actors=(TRAVELLER, HOST))
    meeting = [e for e in _run(_trip(who=None), inside) if e.type is EventType.MEET]
    assert meeting and meeting[0].status is Status.POSTPONED and meeting[0].attributed_to is None


def test_plans_elsewhere_in_the_future_tense_or_of_another_source_stand():
    elsewhere = _cued(10, "planned", "past-plan", where="Paris", country="FRA", actors=(TRAVELLER, HOST))
    told_as_future = _cued(20, "planned", "future", where="Berlin", country="DEU", actors=(TRAVELLER, HOST))
    sourced = _cued(30, "planned", "past-plan", where="Ramstein", country="DEU", who="media reports",
                    actors=(TRAVELLER, Actor("Volodymyr Zelensky", "Zelensky", kind="person")))
    out = _run(_trip(), elsewhere, told_as_future, sourced)
    meetings = [e for e in out if e.type is EventType.MEET]
    assert len(meetings) == 3
    assert all(e.status is Status.PLANNED for e in meetings)


def test_a_meeting_placed_nowhere_joins_the_trip_by_its_date():
    near = _cued(10, "planned", "past-plan", when="2024-10-12", actors=(TRAVELLER, HOST))
    far = _cued(20, "planned", "past-plan", when="2024-11-20", actors=(TRAVELLER, Actor("Li Qiang", "Li", kind="person")))
    out = {e.actors[1].name: e.status for e in _run(_trip(), near, far) if e.type is EventType.MEET}
    assert out == {"Olaf Scholz": Status.POSTPONED, "Li Qiang": Status.PLANNED}


def test_a_plan_an_earlier_report_told_is_called_off_with_the_trip_whatever_its_voice():
    """"The premier has cancelled his trip to Nairobi, his office said. ... Local papers had reported
    that he will meet President Otieno there on Friday": the earlier report is overtaken."""
    premier, kenya = Actor("Ana Ruiz", "Ruiz", kind="person"), Actor("Kenya", "Kenya", country="KEN", kind="country")
    trip = _cued(0, "cancelled", "cancelled", who="his office", type_="visit", when="2025-03-05",
                 actors=(premier, kenya))
    host = Actor("Paul Otieno", "Otieno", kind="person")
    earlier = _cued(10, "planned", "reported-earlier", where="Nairobi", country="KEN", who="local papers",
                    actors=(premier, host))
    sourced = _cued(20, "planned", "future", where="Mombasa", country="KEN", who="local papers",
                    actors=(premier, Actor("Grace Wanjiru", "Wanjiru", kind="person")))
    out = {e.actors[1].name: e for e in _run(trip, earlier, sourced) if e.type is EventType.MEET}
    assert out["Paul Otieno"].status is Status.CANCELLED and out["Paul Otieno"].status_cue == "trip"
    assert out["Paul Otieno"].attributed_to.name == "local papers"
    assert out["Grace Wanjiru"].status is Status.PLANNED


def test_a_plan_that_did_not_come_about_inside_a_trip_called_off_takes_the_trips_voice():
    """"The palace said it had called off the king's visit to Oslo. His talks with the prime
    minister had been scheduled for Tuesday.": what undid the talks is the palace's news."""
    king, norway = Actor("Carl Hansen", "Hansen", kind="person"), Actor("Norway", "Norway", country="NOR", kind="country")
    trip = _cued(0, "cancelled", "cancelled", who="the palace", type_="visit", when="2025-06",
                 actors=(king, norway))
    pm = Actor("Ola Berg", "Berg", kind="person")
    foiled = _cued(10, "ruled_out", "foiled", type_="talks", when="2025-06-10", actors=(king, pm))
    sourced = _cued(20, "ruled_out", "foiled", type_="meet", when="2025-06-11", who="a newspaper",
                    actors=(king, Actor("Kari Dahl", "Dahl", kind="person")))
    out = {e.actors[1].name: e for e in _run(trip, foiled, sourced) if e.type is not EventType.VISIT}
    assert out["Ola Berg"].attributed_to is not None and out["Ola Berg"].attributed_to.name == "the palace"
    assert out["Ola Berg"].status is Status.CANCELLED
    assert out["Kari Dahl"].attributed_to.name == "a newspaper" and out["Kari Dahl"].status is Status.RULED_OUT
