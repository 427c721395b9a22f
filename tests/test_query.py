"""Typed queries over hand-built event mentions (no model, no database)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from sideline import query
from sideline.errors import QueryError
from sideline.records import Actor, Event, EventType, Evidence, Status, When, Where


def _ev(article, a, b, status="occurred", when=None, where=None, type_="meet", event_id=None, start=0):
    return Event(article=article, type=EventType(type_), status=Status(status),
                 actors=tuple(Actor(n, n, country="RUS" if "Lavrov" in n else None) for n in (a, b)),
                 evidence=Evidence("x", start, start + 1),
                 when=When(when) if when else None, where=Where(where) if where else None,
                 event_id=event_id)


class FakeStore:
    def __init__(self, evs):
        self.evs = evs

    def published_dates(self, articles=None):
        return {"a1": date(2023, 4, 20), "a2": date(2023, 4, 5), "a3": date(2024, 9, 27)}

    def events(self, article=None, event_id=None):
        return [e for e in self.evs if article in (None, e.article) and event_id in (None, e.event_id)]

    def participant_counts(self):
        return [(a.name, a.kind, a.country, a.code, a.role is not None, 1) for e in self.evs for a in e.actors]


EVS = [
    _ev("a1", "Sergey Lavrov", "Antony Blinken", "ruled_out", "2023-04", "New York", event_id="ev-1"),
    _ev("a2", "Antony Blinken", "Sergey Lavrov", "proposed", "2023-04-24", "New York", event_id="ev-1"),
    _ev("a2", "Antony Blinken", "Sergey Lavrov", "occurred", "2022-01-21", "Geneva", event_id="ev-2", start=5),
    _ev("a3", "Sergey Lavrov", "António Guterres", "planned", "2024-09-26", "New York", event_id="ev-3"),
    _ev("a3", "Subrahmanyam Jaishankar", "Sergey Lavrov", "cancelled", None, None, event_id="ev-4", start=9),
]
STORE = FakeStore(EVS)


def test_actor_and_with_match_either_order_and_fold_accents():
    got = query.events(STORE, query.EventFilter(actor="lavrov", with_="blinken"))
    assert [e.event_id for e in got] == ["ev-1", "ev-1", "ev-2"]
    assert len(query.events(STORE, query.EventFilter(actor="Antonio Guterres"))) == 1
    assert len(query.events(STORE, query.EventFilter(actor="RUS"))) == 5


def test_date_window_uses_granularity():
    flt = query.EventFilter(actor="Lavrov", since=date(2023, 4, 15), until=date(2023, 12, 31))
    assert {e.article for e in query.events(STORE, flt)} == {"a1", "a2"}
    flt = query.EventFilter(since=date(2023, 5, 1))
    assert [e.event_id for e in query.events(STORE, flt)] == ["ev-3"]


def test_status_folds_finer_values_and_place_matches():
    assert [e.event_id for e in query.events(STORE, query.EventFilter(status="ruled_out"))] == ["ev-1", "ev-4"]
    assert [e.event_id for e in query.events(STORE, query.EventFilter(status="cancelled"))] == ["ev-4"]
    assert len(query.events(STORE, query.EventFilter(place="new york"))) == 3


def test_story_groups_claims_by_event_in_date_order():
    story = query.story(STORE, "Blinken", "Lavrov")
    assert [eid for eid, _ in story] == ["ev-2", "ev-1"]
    assert [c.status.value for c in story[1][1]] == ["proposed", "ruled_out"]  # a2 was published first


def test_actors_summary_counts_mentions():
    rows = query.actors(STORE, "lavrov")
    assert rows[0].name == "Sergey Lavrov" and rows[0].mentions == 5 and rows[0].country == "RUS"


def test_the_filter_checks_and_converts_its_values_once():
    flt = query.EventFilter(status="ruled_out", type="meet", since="2023-04-15", until=datetime(2023, 12, 31, 9))
    assert flt.status is Status.RULED_OUT and flt.type is EventType.MEET
    assert (flt.since, flt.until) == (date(2023, 4, 15), date(2023, 12, 31))
    assert query.events(STORE, flt) == query.events(STORE, query.EventFilter(
        status=Status.RULED_OUT, type=EventType.MEET, since=date(2023, 4, 15), until=date(2023, 12, 31)))
    assert [e.event_id for e in query.events(STORE, flt)] == ["ev-1"]
    with pytest.raises(QueryError) as err:
        query.EventFilter.of(**{"with": "Blinken"})  # the keyword is with_, as in the flag's dest
    assert err.value.code == "E311" and "with_" in str(err.value)
    with pytest.raises(QueryError) as err:
        query.EventFilter(status="Cancelled")
    assert err.value.code == "E312" and "cancelled" in str(err.value)


def test_limit_counts_from_zero():
    assert len(query.events(STORE, limit=2)) == 2 and query.events(STORE, limit=0) == []
    assert len(query.events(STORE, limit=None)) == 5
    with pytest.raises(QueryError):
        query.events(STORE, limit=True)


def test_bundle_gives_each_story_event_its_ledger_record():
    bundled = query.bundle(STORE, query.story(STORE, "Blinken", "Lavrov"))
    assert [b.event_id for b in bundled] == ["ev-2", "ev-1"]
    ev1 = bundled[1].event
    assert ev1 is not None and ev1.n_mentions == 2 and ev1.n_articles == 2
    assert [c.status for c in ev1.timeline] == [Status.PROPOSED, Status.RULED_OUT]  # a2 was published first
    assert bundled[1].to_json()["claims"][0]["status"] == "proposed"
