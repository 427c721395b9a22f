"""Counts of ledger events (``LedgerDB.counts``, ``sideline counts``), the new filters of
``events``, and the split of an event into dyads that counts, GDELT rows and PLOVER share.

The ledger is the hand-built one of tests/_store_data.py: 13 articles each telling of a
Lavrov-Guterres meeting (2024-09-26), a planned visit of Lavrov to India (2024-10) and a
denied Lavrov-Wang meeting (no date)."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

import sideline
from sideline import api
from sideline.aggregate import Counts
from sideline.cli import main
from sideline.errors import QueryError
from sideline.export.codes import ActorCodes, dyads, split
from sideline.records import Actor
from sideline.store.database import Store

from ._store_data import GUTERRES, INDIA, LAVROV, WANG, batch


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("counts") / "ledger.duckdb"
    with Store(path) as store:
        for k in range(3):
            store.write_batch(batch(k), "run-1")
        api.link(store)
    return path


@pytest.fixture()
def ledger(db):
    with sideline.open(db) as led:
        yield led


def test_counts_by_month_status_and_dyad(ledger):
    months = ledger.counts(by=["month"])
    assert isinstance(months, Counts) and months.by == ("month",) and months.events == 3
    assert months.records() == [{"month": "2024-09", "events": 1, "mentions": 13},
                                {"month": "2024-10", "events": 1, "mentions": 13},
                                {"month": None, "events": 1, "mentions": 13}]  # the undated denial
    status = {r["status"]: r["events"] for r in ledger.counts(by="status").records()}
    assert status == {"denied": 1, "occurred": 1, "planned": 1}
    dyads = {r["dyad"] for r in ledger.counts(by=["dyad"]).records()}
    assert dyads == {"IGOUNO-RUS", "IND-RUS", "CHN-RUS"}  # a country, else the organisation's code
    both = ledger.counts(by=["month", "type"]).records()
    assert {"month": "2024-10", "type": "visit", "events": 1, "mentions": 13} in both


def test_counts_take_the_filters_of_events(ledger):
    assert ledger.counts(by=["type"], country="CHN").records() == [{"type": "meet", "events": 1, "mentions": 13}]
    assert ledger.counts(by=["type"], article="a-0001").records() == [
        {"type": "meet", "events": 2, "mentions": 2}, {"type": "visit", "events": 1, "mentions": 1}]
    assert ledger.counts(by=["status"], plover="REJECT").records() == [
        {"status": "denied", "events": 1, "mentions": 13}]
    assert ledger.counts(by=["status"], min_confidence=0.95).events == 0
    table = ledger.counts(by=["country", "status"]).to_arrow()
    assert isinstance(table, pa.Table) and table.column_names == ["country", "status", "events", "mentions"]
    assert sum(table.column("events").to_pylist()) == 5  # RUS in all three, IND and CHN in one each


@pytest.mark.parametrize("by, code", [(["week"], "E315"), ([], "E315"), (7, "E315")])
def test_a_bad_key_is_a_coded_query_error(ledger, by, code):
    with pytest.raises(QueryError) as err:
        ledger.counts(by=by)
    assert err.value.code == code and "month" in str(err.value)
    with pytest.raises(QueryError) as err:
        ledger.counts(by=["month"], colour="red")
    assert err.value.code == "E311"


def test_the_cli_prints_what_the_api_returns(db, capsys):
    assert main(["counts", "--db", str(db), "--by", "month,dyad"]) == 0
    table = capsys.readouterr().out
    assert "month" in table and "dyad" in table and "IGOUNO-RUS" in table and "2024-09" in table
    assert main(["counts", "--db", str(db), "--by", "month,dyad", "--country", "RUS,CHN", "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    with sideline.open(db) as ledger:
        assert rows == ledger.counts(by=["month", "dyad"], country=["RUS", "CHN"]).records()
    assert len(rows) == 3
    assert main(["counts", "--db", str(db), "--by", "weekday"]) == 2
    assert "E315" in capsys.readouterr().err


def test_new_event_filters(ledger):
    everything = ledger.events()
    assert len(ledger.events(country="IND")) == 13 and len(ledger.events(country="ind,chn")) == 26
    assert len(ledger.events(cameo="04")) == 13 and len(ledger.events(cameo="036")) == 13
    assert len(ledger.events(plover="agree")) == 13 and len(ledger.events(plover="REJECT")) == 13
    assert len(ledger.events(source="test wire")) == 39 and ledger.events(source="Reuters") == []
    assert len(ledger.events(min_confidence=0.7)) == 26
    one = everything[0]
    assert ledger.events(event_id=one.event_id) == [e for e in everything if e.event_id == one.event_id]
    for kwargs, code in (({"plover": "MEET"}, "E312"), ({"country": 3}, "E313"), ({"min_confidence": "x"}, "E313")):
        with pytest.raises(QueryError) as err:
            ledger.events(**kwargs)
        assert err.value.code == code


def test_the_events_table_shows_event_ids(db, capsys):
    assert main(["events", "--db", str(db), "--article", "a-0001"]) == 0
    out = capsys.readouterr().out
    with sideline.open(db) as ledger:
        ids = {e.event_id for e in ledger.events(article="a-0001")}
    assert len(ids) == 3 and all(i in out for i in ids)


# -- the split of an event --------------------------------------------------------------------
KENYA = Actor("William Ruto", "President William Ruto", "President", "KEN", "KENGOV", "person")
SENEGAL = Actor("Macky Sall", "President Macky Sall", "President", "SEN", "SENGOV", "person")
GABON = Actor("Ali Bongo", "Ali Bongo", "President", "GAB", "GABGOV", "person")
KENYA_FM = Actor("Alfred Mutua", "Foreign Minister Alfred Mutua", "Foreign Minister", "KEN", "KENGOV", "person")


def _names(pairs):
    return [(a.name, b.name if b else None) for a, b in pairs]


def test_a_host_and_a_visit_pair_each_side_with_the_other():
    hosted = split((KENYA, KENYA_FM, SENEGAL, GABON), "host", "occurred")
    assert hosted.directed and hosted.rule == "host"
    assert _names(dyads(hosted)) == [(KENYA.name, SENEGAL.name), (KENYA.name, GABON.name),
                                     (KENYA_FM.name, SENEGAL.name), (KENYA_FM.name, GABON.name)]
    visit = split((SENEGAL, INDIA, KENYA), "visit", "planned")
    assert _names(dyads(visit)) == [(SENEGAL.name, INDIA.name), (SENEGAL.name, KENYA.name)]


def test_a_meeting_pairs_everyone_and_a_lone_participant_is_kept():
    meeting = split((LAVROV, GUTERRES, WANG), "meet", "occurred")
    assert not meeting.directed and len(dyads(meeting)) == 3
    assert _names(dyads(split((LAVROV,), "visit", "cancelled"))) == [(LAVROV.name, None)]


def test_the_side_that_rules_it_out_comes_first():
    refusal = split((LAVROV, WANG), "meet", "denied", claim_sides=[None, "CHN"])
    assert refusal.rule == "refusal" and _names(dyads(refusal)) == [(WANG.name, LAVROV.name)]
    unknown = split((LAVROV, WANG), "meet", "denied", claim_sides=["FRA"])
    assert unknown.rule == "shared" and _names(dyads(unknown)) == [(LAVROV.name, WANG.name)]
    visit = split((LAVROV, INDIA), "visit", "postponed")  # no speaker: the visitor calls it off
    assert visit.rule == "visit" and _names(dyads(visit)) == [(LAVROV.name, INDIA.name)]


def test_one_code_per_actor():
    castro = Actor("Fidel Castro", "Fidel Castro", None, "CUB", "CUB", "person")
    leader = Actor("Fidel Castro", "Cuban leader Fidel Castro", "Leader", "CUB", "CUBGOV", "person")
    minister = Actor("Cayetana Aljovin", "Aljovin", "Foreign Minister", None, None, "person")
    codes = ActorCodes.of([castro, leader, castro, minister, minister,
                           Actor("Cayetana Aljovin", "Peru's Aljovin", "Foreign Minister", "PER", "PERGOV"),
                           GUTERRES, INDIA, Actor("India", "New Delhi", None, "IND", "INDGOV", "government")])
    assert codes.actor(castro).code == codes.actor(leader).code == "CUBGOV"
    assert (codes.actor(minister).country, codes.actor(minister).code) == ("PER", "PERGOV")
    assert codes.actor(GUTERRES).code == "IGOUNO" and codes.actor(GUTERRES).country is None
    assert codes.actor(INDIA).code == "IND"  # the country and its government stay two actors
    assert codes.actor(Actor("India", "New Delhi", None, "IND", "IND", "government")).code == "INDGOV"
    stranger = Actor("Nobody", "Nobody")
    assert codes.actor(stranger) is stranger


def test_events_json_prints_the_export_lines_and_articles_their_provenance(db, capsys, tmp_path):
    assert main(["events", "--db", str(db), "--json"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "x.jsonl")]) == 0
    exported = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(printed) == 39 and printed == exported
    assert main(["articles", "--db", str(db), "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 13 and rows[0]["article"] == "a-0000" and rows[0]["mentions"] == 3
    assert rows[0]["url"] == "https://example.org/0" and rows[0]["source"] == "Test Wire"
    with sideline.open(db) as ledger:
        assert [a.to_json(full=True) for a in ledger.articles()] == rows
    assert main(["articles", "--db", str(db)]) == 0
    assert "https://example.org/12" in capsys.readouterr().out
