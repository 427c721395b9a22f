"""The ledger: linking claims into events, incremental linking, and each event's story."""
from __future__ import annotations

import random
from datetime import date

import pytest

from sideline.ledger.ledger import Ledger, LedgerEvent, event_id_for, link
from sideline.ledger.dates import mention_interval, parse_value
from sideline.records import (Actor, Claim, Evidence, Event, EventType, Granularity, Status, When,
                              Where)

LAVROV = Actor("Sergey Lavrov", "Lavrov", "Foreign Minister", "RUS", "RUSGOV")
BLINKEN = Actor("Antony Blinken", "Blinken", "Secretary of State", "USA", "USAGOV")
GUTERRES = Actor("Antonio Guterres", "Guterres", "Secretary-General", None, "IGOUNO")
JAISHANKAR = Actor("Subrahmanyam Jaishankar", "Jaishankar", "External Affairs Minister", "IND", "INDGOV")
PLACES = {
    "New York": Where("New York", "USA", 40.71, -74.01),
    "Geneva": Where("Geneva", "CHE", 46.2, 6.15),
    "New Delhi": Where("New Delhi", "IND", 28.61, 77.21),
}


def ev(article: str, actors: tuple[Actor, ...], *, status: Status = Status.OCCURRED,
       type: EventType = EventType.MEET, when: str | None = None, place: str | None = None,
       occasion: str | None = None, by: Claim | None = None, text: str = "", start: int = 0) -> Event:
    gran = parse_value(when)[1] if when else None
    where = None
    if place or occasion:
        base = PLACES.get(place, Where(place))
        where = Where(base.name, base.country, base.lat, base.lon, occasion=occasion)
    text = text or f"{actors[0].mention} and {actors[-1].mention} {status.value} {type.value}"
    return Event(article=article, type=type, status=status, actors=actors,
                 evidence=Evidence(text, start, start + len(text)),
                 when=When(when, gran) if when else None, where=where, attributed_to=by)


def speaker(name: str, country: str) -> Claim:
    return Claim(name, name, Actor(name, name, None, country, None, "person"))


def five_reports() -> tuple[list[Event], dict[str, str]]:
    """Five articles on the Lavrov-Guterres meeting of 26 September 2024, with date noise."""
    text = "Lavrov held a meeting with UN Secretary-General Guterres on the sidelines of UNGA"
    events = [
        ev("a1", (LAVROV, GUTERRES), when="2024-09-26", place="New York", text=text),
        ev("a2", (GUTERRES, LAVROV), when="2024-09-27", place="New York", text=text + " on Friday"),
        ev("a3", (LAVROV, GUTERRES), when="2024-09-26", text="Guterres met Lavrov in New York"),
        ev("a4", (LAVROV, GUTERRES), when="2024-09", place="New York", text=text + " this month"),
        ev("a5", (LAVROV, GUTERRES), place="New York", text="Lavrov and Guterres met, TASS said"),
    ]
    published = {"a1": "2024-09-26", "a2": "2024-09-27", "a3": "2024-09-27",
                 "a4": "2024-09-30", "a5": "2024-09-28"}
    return events, published


def test_parse_value_intervals():
    (lo, hi), gran = parse_value("2024-09")
    assert gran is Granularity.MONTH and date.fromordinal(lo) == date(2024, 9, 1)
    assert date.fromordinal(hi) == date(2024, 9, 30)
    assert parse_value("2024")[1] is Granularity.YEAR
    assert parse_value("2024-W39")[1] is Granularity.WEEK
    assert parse_value("not a date") is None
    (lo, hi), hard = mention_interval(None, None, Status.PLANNED, date(2024, 9, 1))
    assert not hard and hi > date(2024, 9, 1).toordinal()  # a plan points forward
    (lo, hi), hard = mention_interval(None, None, Status.OCCURRED, date(2024, 9, 1))
    assert hi == date(2024, 9, 1).toordinal()  # a report of what happened looks back
    (lo, hi), hard = mention_interval("2024", None, Status.OCCURRED, date(2024, 3, 10))
    assert hard and date.fromordinal(hi) == date(2024, 3, 11)  # it happened by the article's date
    (lo, hi), hard = mention_interval("2024-09", None, Status.PLANNED, date(2024, 9, 20))
    assert date.fromordinal(lo) == date(2024, 9, 17)  # a plan is for the article's future


def test_five_reports_are_one_event():
    events, published = five_reports()
    ledger = Ledger()
    ledger.add(events, published)
    [event] = ledger.events()
    assert isinstance(event, LedgerEvent)
    assert event.n_mentions == 5 and event.n_sources == 5 and event.n_articles == 5
    assert event.status is Status.OCCURRED
    assert event.date == "2024-09-26" and event.granularity is Granularity.DAY
    assert event.place.name == "New York"
    assert {a.name for a in event.participants} == {LAVROV.name, GUTERRES.name}
    assert event.first_seen == date(2024, 9, 26) and event.last_seen == date(2024, 9, 30)
    assert set(ledger.assignments().values()) == {event.event_id}


def test_sources_mapping_counts_distinct_sources():
    events, published = five_reports()
    ledger = Ledger()
    ledger.add(events, published, sources={"a1": "TASS", "a2": "TASS", "a3": "ANI", "a4": "ANI", "a5": "RT"})
    [event] = ledger.events()
    assert event.n_sources == 3 and event.n_articles == 5


def proposal_denial_meeting() -> tuple[list[Event], dict[str, str]]:
    ryabkov = speaker("Sergey Ryabkov", "RUS")
    events = [
        ev("p1", (LAVROV, BLINKEN), status=Status.PROPOSED, when="2023-04-24", place="New York",
           by=speaker("Vasily Nebenzya", "RUS"), text="Lavrov is prepared to meet Blinken in New York"),
        ev("p2", (LAVROV, BLINKEN), status=Status.RULED_OUT, when="2023-04", place="New York", by=ryabkov,
           text="Ryabkov said no meeting between Lavrov and Blinken is planned"),
        ev("p3", (BLINKEN, LAVROV), status=Status.OCCURRED, when="2023-04-24", place="New York",
           text="Blinken and Lavrov met briefly at the UN in New York on Monday"),
    ]
    return events, {"p1": "2023-04-10", "p2": "2023-04-14", "p3": "2023-04-25"}


def test_proposal_refusal_and_meeting_are_one_event():
    events, published = proposal_denial_meeting()
    ledger = Ledger()
    ledger.add(events, published)
    [event] = ledger.events()
    assert event.status is Status.OCCURRED and not event.contradiction
    assert "occurred" in event.rule and "p3" in event.rule
    assert [c.article for c in event.timeline] == ["p1", "p2", "p3"]
    assert [c.published for c in event.timeline] == sorted(c.published for c in event.timeline)
    assert event.date == "2023-04-24"


def test_ruled_out_after_planned_is_ruled_out():
    events = [
        ev("q1", (LAVROV, BLINKEN), status=Status.PLANNED, when="2024-09", place="New York"),
        ev("q2", (LAVROV, BLINKEN), status=Status.RULED_OUT, when="2024-09", place="New York",
           by=speaker("Sergey Ryabkov", "RUS")),
    ]
    ledger = Ledger()
    ledger.add(events, {"q1": "2024-09-02", "q2": "2024-09-20"})
    [event] = ledger.events()
    assert event.status is Status.RULED_OUT and "after planned" in event.rule


def test_same_pair_months_later_is_another_event():
    events = [
        ev("b1", (LAVROV, JAISHANKAR), when="2024-07-08", place="Moscow"),
        ev("b2", (JAISHANKAR, LAVROV), when="2024-07-08"),
        ev("b3", (LAVROV, JAISHANKAR), when="2024-09-26", place="New York"),
    ]
    ledger = Ledger()
    ledger.add(events, {"b1": "2024-07-08", "b2": "2024-07-09", "b3": "2024-09-27"})
    got = ledger.events()
    assert len(got) == 2 and [e.n_mentions for e in got] == [2, 1]


def test_geneva_new_delhi_new_york_are_three_events():
    events = [
        ev("g1", (BLINKEN, LAVROV), when="2022-01-21", place="Geneva"),
        ev("g2", (BLINKEN, LAVROV), when="2023-03", place="New Delhi", occasion="G20 foreign ministers"),
        ev("g2", (BLINKEN, LAVROV), when="2023-03-02", place="New Delhi", start=200),
        ev("g3", (LAVROV, BLINKEN), status=Status.RULED_OUT, when="2023-04", place="New York"),
    ]
    ledger = Ledger()
    ledger.add(events, {"g1": "2022-01-21", "g2": "2023-04-05", "g3": "2023-04-20"})
    got = ledger.events()
    assert [(e.place.name, e.date, e.n_mentions) for e in got] == [
        ("Geneva", "2022-01-21", 1), ("New Delhi", "2023-03-02", 2), ("New York", "2023-04", 1)]
    assert [e.status for e in got] == [Status.OCCURRED, Status.OCCURRED, Status.RULED_OUT]


def test_a_vague_claim_joins_only_a_clear_match():
    base = [ev("g1", (BLINKEN, LAVROV), when="2023-03-02", place="New Delhi"),
            ev("g2", (BLINKEN, LAVROV), when="2023-04-24", place="New York")]
    published = {"g1": "2023-03-02", "g2": "2023-04-25", "g3": "2023-12-01"}
    vague = ev("g3", (LAVROV, BLINKEN), when="2023", text="Lavrov and Blinken met once this year")
    ledger = Ledger()
    ledger.add(base + [vague], published)
    assert len(ledger.events()) == 3  # "in 2023" fits both meetings equally: it stays apart
    placed = ev("g3", (LAVROV, BLINKEN), when="2023", place="New Delhi", text="they met in New Delhi",
                start=500)
    ledger.add([placed], published)
    assert ledger.assignments()[placed.mention_id] == ledger.assignments()[base[0].mention_id]
    early = ev("g4", (LAVROV, BLINKEN), when="2023", text="they met earlier this year")
    ledger.add([early], {"g4": "2023-03-10"})  # what happened happened before the article: New Delhi
    assert ledger.assignments()[early.mention_id] == ledger.assignments()[base[0].mention_id]


def test_undated_claims_use_the_article_date_as_a_soft_window():
    events = [ev("u1", (LAVROV, BLINKEN), when="2023-04-24", place="New York"),
              ev("u2", (LAVROV, BLINKEN), status=Status.PLANNED, text="Lavrov will meet Blinken"),
              ev("u3", (LAVROV, BLINKEN), text="Lavrov and Blinken met"),
              ev("u4", (LAVROV, BLINKEN), text="Lavrov and Blinken met")]
    ledger = Ledger()
    ledger.add(events, {"u1": "2023-04-24", "u2": "2023-04-10", "u3": "2023-04-26", "u4": "2023-09-30"})
    sizes = sorted(e.n_mentions for e in ledger.events())
    assert sizes == [1, 3]  # the plan looks forward, the report looks back; u4 is months later
    timeless = Ledger()
    timeless.add(events[:1] + events[3:], {"u1": "2023-04-24"})  # u4 with no date at all
    assert len(timeless.events()) == 1  # the only event it could be


def test_same_day_reports_that_disagree_are_uncertain():
    events = [ev("s1", (LAVROV, BLINKEN), status=Status.PROPOSED, when="2023-04",
                 by=speaker("Sergey Lavrov", "RUS"), text="Moscow is open to a meeting"),
              ev("s1", (LAVROV, BLINKEN), status=Status.RULED_OUT, when="2023-04",
                 by=speaker("Sergey Ryabkov", "RUS"), text="no meeting is planned", start=300)]
    ledger = Ledger()
    ledger.add(events, {"s1": "2023-04-23"})
    [event] = ledger.events()
    assert event.status is Status.UNCERTAIN and "disagree" in event.rule and not event.contradiction
    assert [c.start for c in event.timeline] == [0, 300]


def test_a_later_first_hand_denial_beats_a_report():
    events = [ev("n1", (LAVROV, BLINKEN), when="2024-09-25", place="New York", text="Lavrov met Blinken"),
              ev("n2", (LAVROV, BLINKEN), status=Status.DENIED, when="2024-09-25", place="New York",
                 by=speaker("Maria Zakharova", "RUS"), text="Zakharova denied that Lavrov met Blinken")]
    ledger = Ledger()
    ledger.add(events, {"n1": "2024-09-25", "n2": "2024-09-28"})
    [event] = ledger.events()
    assert event.status is Status.DENIED and "denial" in event.rule


def test_place_conflict_splits_same_day():
    events = [ev("c1", (LAVROV, BLINKEN), when="2023-04-24", place="New York"),
              ev("c2", (LAVROV, BLINKEN), when="2023-04-24", place="Geneva")]
    ledger = Ledger()
    ledger.add(events, {})
    assert len(ledger.events()) == 2


def test_a_claim_without_a_place_cannot_bridge_two_places():
    events = [ev("c1", (LAVROV, BLINKEN), when="2023-04-24", place="New York"),
              ev("c2", (LAVROV, BLINKEN), when="2023-04-24"),
              ev("c3", (LAVROV, BLINKEN), when="2023-04-24", place="Geneva")]
    ledger = Ledger()
    ledger.add(events, {})
    got = ledger.events()
    assert sorted(e.n_mentions for e in got) == [1, 2]
    assert sorted(e.place.name for e in got) == ["Geneva", "New York"]


def test_two_days_apart_is_another_event_one_day_needs_support():
    events = [ev("t1", (LAVROV, BLINKEN), when="2023-04-24", text="Lavrov and Blinken held talks"),
              ev("t2", (LAVROV, BLINKEN), when="2023-04-25", text="Lavrov and Blinken held talks"),
              ev("t3", (LAVROV, BLINKEN), when="2023-04-28", text="Lavrov and Blinken held talks")]
    ledger = Ledger()
    ledger.add(events, {})
    assert sorted(e.n_mentions for e in ledger.events()) == [1, 2]


def test_add_returns_the_touched_event_ids():
    events, published = five_reports()
    ledger = Ledger()
    first = ledger.add(events[:2], published)
    assert first == set(ledger.assignments().values())
    second = ledger.add(events[2:], published)
    assert first <= second and set(ledger.assignments().values()) <= second


def test_extra_participants_link_on_core_dyad():
    east_asia = Actor("East Asia Summit", "East Asia Summit", None, None, None, "organisation")
    events = [ev("d1", (LAVROV, BLINKEN, east_asia), type=EventType.MULTILATERAL, when="2022-08-05",
                 place="Phnom Penh"),
              ev("d2", (BLINKEN, LAVROV), when="2022-08-05", place="Phnom Penh")]
    ledger = Ledger()
    ledger.add(events, {})
    [event] = ledger.events()
    assert len(event.participants) == 3 and event.type is EventType.MULTILATERAL


def test_visit_blocks_by_visitor_and_host_conflicts():
    russia = Actor("Russia", "Russia", None, "RUS", "RUS", "country")
    india = Actor("India", "India", None, "IND", "IND", "country")
    events = [ev("v1", (JAISHANKAR, russia), type=EventType.VISIT, when="2024-07-08"),
              ev("v2", (JAISHANKAR,), type=EventType.VISIT, when="2024-07-08", place="Moscow"),
              ev("v3", (LAVROV, india), type=EventType.VISIT, when="2024-07-08")]
    ledger = Ledger()
    ledger.add(events, {})
    got = ledger.events()
    assert sorted(e.n_mentions for e in got) == [1, 2]
    visit = next(e for e in got if e.n_mentions == 2)
    assert visit.participants[0].name == JAISHANKAR.name and visit.type is EventType.VISIT


def all_events() -> tuple[list[Event], dict[str, str]]:
    e1, p1 = five_reports()
    e2, p2 = proposal_denial_meeting()
    extra = [ev("x1", (LAVROV, BLINKEN), when="2022-01-21", place="Geneva"),
             ev("x2", (BLINKEN, LAVROV), when="2022-01-22", text="Blinken greets Lavrov before their meeting"),
             ev("x3", (LAVROV, BLINKEN), status=Status.PLANNED, text="Lavrov and Blinken will meet"),
             ev("x4", (LAVROV, GUTERRES), status=Status.PLANNED, when="2024-10")]
    return e1 + e2 + extra, p1 | p2 | {"x1": "2022-01-21", "x2": "2022-01-22", "x3": "2023-04-18",
                                       "x4": "2024-09-20"}


def test_order_independent():
    events, published = all_events()
    reference = Ledger()
    reference.add(events, published)
    want = reference.assignments()
    assert 1 < len(set(want.values())) < len(want)  # some mentions linked, not all into one event
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        ledger = Ledger()
        ledger.add(shuffled, dict(reversed(list(published.items()))))
        assert ledger.assignments() == want
        assert [e.to_json() for e in ledger.events()] == [e.to_json() for e in reference.events()]


def test_incremental_equals_batch():
    events, published = all_events()
    batch = Ledger()
    batch.add(events, published)
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    inc = Ledger()
    for i in range(0, len(shuffled), 3):
        chunk = shuffled[i:i + 3]
        inc.add(chunk, {e.article: published[e.article] for e in chunk})
    assert 1 < len(set(batch.assignments().values())) < len(events)
    assert inc.assignments() == batch.assignments()
    # the functional form: link new mentions into clusters made earlier
    first = link(shuffled[:6], (), published)
    again = link(shuffled[6:], first, published)
    assert {e.mention_id: e.event_id for c in again for e in c} == batch.assignments()


def test_late_publication_date_relinks():
    events = [ev("l1", (LAVROV, BLINKEN), when="2023-04-24", place="New York"),
              ev("l2", (LAVROV, BLINKEN), place="New York", text="they met")]
    late = Ledger()
    late.add(events, {"l1": "2023-04-24"})
    late.add([], {"l2": "2023-04-25"})
    batch = Ledger()
    batch.add(events, {"l1": "2023-04-24", "l2": "2023-04-25"})
    assert late.assignments() == batch.assignments() and len(batch.events()) == 1


def random_mentions(seed: int, n: int = 300, days: int = 90) -> tuple[list[Event], dict[str, date]]:
    """A random stream: 5 actors, 4 places, ``days`` days, every granularity and status."""
    rng = random.Random(seed)
    people = [LAVROV, BLINKEN, GUTERRES, JAISHANKAR,
              Actor("Wang Yi", "Wang", "Foreign Minister", "CHN", "CHNGOV")]
    types = [EventType.MEET, EventType.TALKS, EventType.VISIT, EventType.PHONE_CALL]
    out, published = [], {}
    for i in range(n):
        a, b = rng.sample(people, 2)
        day = date(2024, 1, 1).toordinal() + rng.randrange(days)
        when = rng.choice([date.fromordinal(day).isoformat(), date.fromordinal(day).isoformat(),
                           date.fromordinal(day).strftime("%Y-%m"), str(date.fromordinal(day).year), None])
        article = f"r{i // 3}"
        published[article] = date.fromordinal(day + rng.randrange(-5, 5))
        out.append(ev(article, (a, b), status=rng.choice(list(Status)), type=rng.choice(types), when=when,
                      place=rng.choice([None, "New York", "Geneva", "New Delhi", "Moscow"]),
                      text=rng.choice(["they met", "talks were held", "a meeting is planned"]), start=i))
    return out, published


@pytest.mark.parametrize("days", [90, 3000])
def test_random_streams_order_and_batching_do_not_matter(days):
    for seed in range(3):
        events, published = random_mentions(seed, days=days)
        batch = Ledger()
        batch.add(events, published)
        want = batch.assignments()
        assert 10 < len(set(want.values())) < len(events)
        rng = random.Random(seed)
        shuffled = events[:]
        rng.shuffle(shuffled)
        inc, i = Ledger(), 0
        while i < len(shuffled):
            step = rng.randrange(1, 60)
            chunk = shuffled[i:i + step]
            inc.add(chunk, {e.article: published[e.article] for e in chunk})
            i += step
        assert inc.assignments() == want
        assert [e.to_json() for e in inc.events()] == [e.to_json() for e in batch.events()]


def test_contradiction_flagged_and_both_kept():
    events = [
        ev("k1", (LAVROV, BLINKEN), when="2024-09-25", place="New York", by=speaker("Maria Zakharova", "RUS"),
           text="Zakharova said Lavrov and Blinken met in New York"),
        ev("k2", (LAVROV, BLINKEN), status=Status.DENIED, when="2024-09-25", place="New York",
           by=speaker("Matthew Miller", "USA"), text="Miller denied that Blinken met Lavrov in New York"),
    ]
    ledger = Ledger()
    ledger.add(events, {"k1": "2024-09-26", "k2": "2024-09-27"})
    [event] = ledger.events()
    assert event.contradiction and event.status is Status.UNCERTAIN
    assert {c.status for c in event.timeline} == {Status.OCCURRED, Status.DENIED}
    assert "contradiction" in event.rule


def test_linked_events_carry_ids_and_duplicates_ignored():
    events, published = five_reports()
    ledger = Ledger()
    ledger.add(events, published)
    ledger.add(events, published)
    assert len(ledger) == 5
    linked = ledger.linked()
    assert {e.event_id for e in linked} == {event_id_for(e.mention_id for e in events)}
    assert ledger.get(linked[0].event_id).n_mentions == 5
