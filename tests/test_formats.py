"""PLOVER JSON and GDELT 2.0 / CAMEO rows, checked against PLOVER_SCHEMA and GDELT_COLUMNS."""
from __future__ import annotations

import re

import pytest

from sideline.errors import InputError
from sideline.export.formats import (GDELT_COLUMNS, GDELT_PATTERNS, PLOVER_SCHEMA, cameo_code, to_cameo_row,
                              to_plover, validate)
from sideline.ledger.ledger import Ledger
from sideline.records import Actor, EventType, Status

from .test_ledger import BLINKEN, GUTERRES, JAISHANKAR, LAVROV, ev, five_reports, proposal_denial_meeting

FORMAT_LINE = {  # one line of the JSONL export, as in FORMAT.md
    "article": "seed-004", "event_id": "ev-0123456789abcdef", "type": "meet", "plover": "CONSULT",
    "mode": "third-party", "status": "occurred",
    "actors": [{"name": "Sergey Lavrov", "mention": "Lavrov", "role": "Foreign Minister",
                "country": "RUS", "code": "RUSGOV"},
               {"name": "Antonio Guterres", "mention": "Guterres", "role": "Secretary-General",
                "country": None, "code": "IGOUNO"}],
    "date": "2024-09-26", "date_granularity": "day", "date_text": "on Thursday",
    "location": {"name": "New York", "country": "USA", "lat": 40.71, "lon": -74.01,
                 "venue": "UN headquarters", "occasion": "UNGA"},
    "attributed_to": None, "evidence": {"text": "Lavrov held a meeting with Guterres.", "start": 0, "end": 36},
    "confidence": 0.9,
}


def row_dict(row: list[str]) -> dict[str, str]:
    assert len(row) == len(GDELT_COLUMNS) == 61
    assert all(isinstance(cell, str) for cell in row)
    return dict(zip(GDELT_COLUMNS, row))


def check_row(row: list[str]) -> dict[str, str]:
    cells = row_dict(row)
    for col, pattern in GDELT_PATTERNS.items():
        assert cells[col] == "" or re.fullmatch(pattern, cells[col]), (col, cells[col])
    return cells


def ledger_events(events, published):
    ledger = Ledger()
    ledger.add(events, published)
    return ledger.events()


def test_gdelt_columns_are_the_61_of_gdelt_2():
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[5] == "Actor1Code" and GDELT_COLUMNS[15] == "Actor2Code"
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_plover_of_a_ledger_event_conforms():
    [event] = ledger_events(*five_reports())
    record = to_plover(event)
    assert validate(record, PLOVER_SCHEMA) == []
    assert record["event"] == "CONSULT" and record["mode"] == "third-party" and record["status"] == "occurred"
    assert record["id"] == event.event_id and record["date"] == "2024-09-26"
    assert {record["actor_code"], record["recipient_code"]} == {"RUSGOV", "IGOUNO"}
    assert record["location"]["name"] == "New York" and record["n_sources"] == 5
    assert to_plover(event.to_json()) == record  # the JSON form converts the same


def test_plover_of_an_export_line_and_an_event_record():
    record = to_plover(FORMAT_LINE)
    assert validate(record, PLOVER_SCHEMA) == []
    assert record["actor"] == "Sergey Lavrov" and record["recipient_code"] == "IGOUNO"
    assert record["text"] == FORMAT_LINE["evidence"]["text"]
    visit = ev("v1", (JAISHANKAR, Actor("Russia", "Russia", None, "RUS", "RUS", "country")),
               type=EventType.VISIT, when="2024-07-08", place="Moscow")
    record = to_plover(visit)
    assert validate(record, PLOVER_SCHEMA) == [] and record["mode"] == "visit"
    assert record["actor"] == JAISHANKAR.name and record["recipient"] == "Russia"


def test_validate_reports_breaches():
    record = to_plover(FORMAT_LINE) | {"event": "MEET", "status": "maybe"}
    del record["text"]
    errors = validate(record, PLOVER_SCHEMA)
    assert any("event" in e for e in errors) and any("status" in e for e in errors)
    assert any("missing 'text'" in e for e in errors)


def test_cameo_row_of_an_occurred_meeting():
    [event] = ledger_events(*five_reports())
    cells = check_row(to_cameo_row(event))
    assert cells["SQLDATE"] == "20240926" and cells["MonthYear"] == "202409" and cells["Year"] == "2024"
    assert cells["EventCode"] == "044"  # a meeting in a third country (neither RUS nor a UN member state)
    assert cells["EventRootCode"] == "04" and cells["QuadClass"] == "1" and cells["GoldsteinScale"] == "2.5"
    assert cells["NumMentions"] == "5" and cells["NumSources"] == "5" and cells["IsRootEvent"] == "1"
    assert cells["ActionGeo_FullName"] == "New York" and cells["ActionGeo_Type"] == "3"
    assert cells["ActionGeo_CountryCode"] == "US" and cells["DATEADDED"] == "20240930000000"
    codes = {cells["Actor1Code"], cells["Actor2Code"]}
    assert codes == {"RUSGOV", "IGOUNO"}
    rus = "Actor1" if cells["Actor1Code"] == "RUSGOV" else "Actor2"
    igo = "Actor2" if rus == "Actor1" else "Actor1"
    assert cells[f"{rus}CountryCode"] == "RUS" and cells[f"{rus}Type1Code"] == "GOV"
    assert cells[f"{igo}KnownGroupCode"] == "UNO" and cells[f"{igo}Type1Code"] == "IGO"


def test_cameo_codes_by_status_and_type():
    assert cameo_code("meet", "planned") == "036"
    assert cameo_code("meet", "proposed") == "036"
    assert cameo_code("meet", "ruled_out") == "125"
    assert cameo_code("meet", "denied") == "125"
    assert cameo_code("visit", "occurred") == "042"
    assert cameo_code("host", "occurred") == "043"
    assert cameo_code("talks", "occurred") == "046"
    assert cameo_code("meet", "occurred", {"RUS", "USA"}, "CHE") == "044"
    assert cameo_code("meet", "occurred", {"RUS", "USA"}, "USA") == "040"


def test_cameo_row_of_a_refusal_and_of_a_month_date():
    refusal = ev("r1", (LAVROV, BLINKEN), status=Status.RULED_OUT, when="2023-04", place="New York")
    [event] = ledger_events([refusal], {"r1": "2023-04-14"})
    cells = check_row(to_cameo_row(event))
    assert cells["EventCode"] == "125" and cells["QuadClass"] == "3" and cells["GoldsteinScale"] == "-5.0"
    assert cells["SQLDATE"] == "20230414"  # month-precise: the day it was first reported
    plover = to_plover(event)
    assert plover["status"] == "ruled_out" and plover["cameo"] == "125" and plover["date"] == "2023-04"


def test_story_event_exports_and_rows_for_lines():
    events, published = proposal_denial_meeting()
    [event] = ledger_events(events, published)
    assert validate(to_plover(event), PLOVER_SCHEMA) == []
    plover = to_plover(event)
    assert plover["mode"] == "host" and plover["actor"] == BLINKEN.name  # New York: the US party hosts
    cells = check_row(to_cameo_row(event))
    assert cells["EventCode"] == "040" and cells["NumArticles"] == "3"
    line = check_row(to_cameo_row(FORMAT_LINE))
    assert line["Actor1Name"] == "SERGEY LAVROV" and line["NumMentions"] == "1"


def test_bad_inputs_raise_coded_errors():
    with pytest.raises(InputError) as info:
        to_plover(42)
    assert info.value.code == "E351"
    with pytest.raises(InputError) as info:
        to_cameo_row({"actors": []})
    assert info.value.code == "E352"
    assert GUTERRES.code == "IGOUNO"
