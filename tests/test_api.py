"""sideline.open(db): a read-only ledger object whose methods are the read commands.

The ledger is built by hand (tests/_store_data.py: 13 articles, 3 claims each, 2 rejects) and
linked by ``sideline.api.link``; no model is loaded but in the one ``dates`` test (slow).
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import sideline
from sideline import api
from sideline.codec import event_to_json
from sideline.errors import QueryError, SidelineError, StoreError
from sideline.ledger.ledger import ledger_events
from sideline.query import ActorSummary, EventClaims
from sideline.records import Event, EventType, Reject, Status
from sideline.store.database import Store

from ._store_data import batch

GUTERRES_MEETING = {"article": "a-0001", "actors": ["Sergey Lavrov", "Antonio Guterres"], "type": "meet",
                    "status": "occurred", "date": "2024-09-26", "location": "New York",
                    "attributed_to": None, "evidence": "", "optional": False}
DELHI_VISIT = {"article": "a-0001", "actors": ["Sergey Lavrov", "India"], "type": "visit",
               "status": "planned", "date": "2024-10", "location": "New Delhi",
               "attributed_to": "Russian Foreign Ministry", "evidence": "", "optional": False}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "ledger.duckdb"
    with Store(path) as store:
        for k in range(3):
            store.write_batch(batch(k), "run-1")
        assert api.link(store) == 3  # the meeting, the visit and the denied meeting
    return path


@pytest.fixture()
def ledger(db):
    with sideline.open(db) as led:
        yield led


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_events_by_actor_as_the_readme_shows(db):
    evs = sideline.open(db).events(actor="Lavrov")
    assert len(evs) == 39 and all(isinstance(e, Event) for e in evs)
    assert all(any(a.name == "Sergey Lavrov" for a in e.actors) for e in evs)
    assert sideline.open(db).events(actor="Guterres")[0].actors[1].name == "António Guterres"


def test_filters_combine_and_take_enums_strings_and_dates(ledger):
    denied = ledger.events(actor="Lavrov", with_="Wang Yi")
    assert len(denied) == 13 and {e.status for e in denied} == {Status.DENIED}
    assert ledger.events(status="ruled_out") == denied  # the finer statuses fold into ruled_out
    assert ledger.events(status=Status.DENIED) == ledger.events(status="denied") == denied
    visits = ledger.events(type=EventType.VISIT)
    assert len(visits) == 13 and visits == ledger.events(type="visit", place="new delhi")
    assert ledger.events(since="2024-10-01") == ledger.events(since=date(2024, 10, 1)) == visits
    assert ledger.events(until="2024-09-30", article="a-0002") == ledger.events(article="a-0002", type="meet",
                                                                               status="occurred")
    assert [e.article for e in ledger.events(limit=2)] == ["a-0000", "a-0000"]
    assert ledger.events(limit=0) == [] and ledger.events(actor="Blinken") == []


@pytest.mark.parametrize("kwargs, code", [
    ({"stauts": "planned"}, "E311"), ({"status": "happened"}, "E312"), ({"type": "summit"}, "E312"),
    ({"since": "next week"}, "E313"), ({"until": 20240901}, "E313"), ({"actor": 7}, "E313"),
    ({"limit": -1}, "E313"), ({"limit": "10"}, "E313"),
])
def test_a_bad_filter_is_a_coded_query_error(ledger, kwargs, code):
    with pytest.raises(QueryError) as err:
        ledger.events(**kwargs)
    assert err.value.code == code and isinstance(err.value, ValueError)
    assert next(iter(kwargs)) in str(err.value)


def test_event_by_event_or_mention_id_with_the_ledger_record(ledger, db):
    mention = ledger.events(actor="Guterres", article="a-0005")[0]
    found = ledger.event(mention.event_id)
    assert isinstance(found, EventClaims) and found.event_id == mention.event_id
    assert len(found.claims) == 13 and mention in found.claims
    assert ledger.event(mention.mention_id) == found
    with Store(db, read_only=True) as store:
        whole = {e.event_id: e for e in ledger_events(store)}
    assert found.event == whole[mention.event_id]  # the same record the whole ledger gives
    assert found.event.status is Status.OCCURRED and found.event.n_mentions == 13
    as_json = json.loads(json.dumps(found.to_json()))
    assert list(as_json) == ["event_id", "event", "claims"]
    assert as_json["event"]["n_mentions"] == len(as_json["claims"]) == 13
    assert as_json["claims"][0] == event_to_json(found.claims[0])
    assert ledger.event("ev-0000000000000000") is None


def test_story_is_the_dyads_events_in_date_order(ledger):
    story = ledger.story("Lavrov", "Guterres")
    assert [s.event.type for s in story] == [EventType.MEET]
    claims = story[0].claims
    assert len(claims) == 13 and all(isinstance(c, Event) for c in claims)
    published = [int(c.article[2:]) % 28 for c in claims]  # article i was published on day 1 + i % 28
    assert published == sorted(published)
    both = ledger.story("Sergey Lavrov", "Wang Yi") + ledger.story("Lavrov", "Guterres")
    assert [s.event.status for s in both] == [Status.DENIED, Status.OCCURRED]
    assert ledger.story("Lavrov", "Blinken") == []


def test_actors_rejects_and_their_json(ledger):
    rows = ledger.actors("lavrov")
    assert [r.name for r in rows] == ["Sergey Lavrov"] and isinstance(rows[0], ActorSummary)
    assert rows[0].mentions == 39 and rows[0].country == "RUS"
    assert json.loads(json.dumps(rows[0].to_json()))["aliases"] == ["Russian Foreign Minister Sergey Lavrov"]
    assert len(ledger.actors()) >= 4
    rejects = ledger.rejects()
    assert [r.article for r in rejects] == ["a-0010", "a-0003"]  # by origin: input.jsonl:11 < :4
    assert all(isinstance(r, Reject) and r.code == "E104" for r in rejects)


def test_export_writes_what_the_writers_write(ledger, db, tmp_path):
    from sideline.export.writers import export

    done = ledger.export("jsonl", tmp_path / "api.jsonl")
    assert done.mentions == 39 and done.paths == (tmp_path / "api.jsonl",)
    with Store(db, read_only=True) as store:
        export(store, "jsonl", tmp_path / "writer.jsonl")
    assert (tmp_path / "api.jsonl").read_bytes() == (tmp_path / "writer.jsonl").read_bytes()
    with pytest.raises(SidelineError) as err:
        ledger.export("xml", tmp_path / "x.xml")
    assert err.value.code == "E301"


def test_score_against_gold_rows_or_a_file(ledger, tmp_path):
    report = ledger.score([GUTERRES_MEETING])
    figures = report.figures()
    assert (figures["tp"], figures["fp"], figures["fn"]) == (1, 2, 0) and figures["status_acc"] == 1.0
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in (GUTERRES_MEETING, DELHI_VISIT)) + "\n", encoding="utf-8")
    figures = ledger.score(gold).figures()
    assert (figures["tp"], figures["fp"], figures["fn"]) == (2, 1, 0)
    arts = tmp_path / "articles.jsonl"
    arts.write_text(json.dumps({"id": "a-0002", "text": "x"}) + "\n", encoding="utf-8")
    assert ledger.score(gold, articles=arts).figures()["fp"] == 1 + 3  # a-0002 has no gold: 3 false alarms
    with pytest.raises(SidelineError) as err:
        ledger.score(tmp_path / "missing.jsonl")
    assert err.value.code == "E302"


def test_readers_leave_the_file_alone_and_share_it(db):
    before = _digest(db)
    with sideline.open(db) as one:
        code = ("import sideline, sys; l = sideline.open(sys.argv[1]); "
                "print(len(l.events(actor='Lavrov'))); l.close()")
        other = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120)
        assert other.returncode == 0, other.stderr  # a second process reads while this one holds the file
        assert other.stdout.strip() == "39"
        with sideline.open(db) as two:
            assert one.events(actor="Lavrov") == two.events(actor="Lavrov")
    assert _digest(db) == before
    with Store(db) as writer:  # closed on leaving the block: a writer may open it again
        assert writer.counts()["mentions"] == 39


def test_open_needs_a_ledger(tmp_path):
    with pytest.raises(StoreError) as err:
        sideline.open(tmp_path / "none.duckdb")
    assert err.value.code == "E202"
    assert not (tmp_path / "none.duckdb").exists()


def test_the_public_surface():
    assert sideline.open is api.open and "open" not in sideline.__all__  # star imports keep builtins.open
    assert {"extract", "dates", "LedgerDB", "QueryError"} <= set(sideline.__all__)
    assert all(hasattr(sideline, name) for name in sideline.__all__)


@pytest.mark.slow
def test_dates_lists_the_temporal_expressions(tmp_path):
    src = tmp_path / "note.txt"
    src.write_text("The foreign ministers will meet in Vienna next Tuesday, a spokesman said on Monday.",
                   encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    rejected: list[Reject] = []
    rows = list(sideline.dates([str(src), str(tmp_path / "empty.txt")], published=date(2025, 3, 5),
                               on_reject=rejected.append))
    assert rows and {r["text"] for r in rows} >= {"next Tuesday"}
    tuesday = next(r for r in rows if r["text"] == "next Tuesday")
    assert tuesday["value"] == "2025-03-11" and tuesday["granularity"] == "day"
    text = src.read_text(encoding="utf-8")
    assert text[tuesday["start"]:tuesday["end"]] == "next Tuesday"
    assert [r.code for r in rejected] == ["E104"]
