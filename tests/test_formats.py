"""The field's formats against their schemas: GDELT 2.0 event rows (the 61 columns of the GDELT
2.0 event codebook, loaded with their types) and PLOVER records (a JSON Schema written from the
PLOVER specification, checked with jsonschema), over a hand-written ledger (tests/_export_data.py)."""
from __future__ import annotations

import csv
import json
import re

import duckdb
import pycountry
import pytest
from jsonschema import Draft202012Validator

from sideline.errors import InputError
from sideline.export.codes import cameo_code, plover_code
from sideline.export.formats import PLOVER_SCHEMA, cameo_rows, to_plover
from sideline.export.gdelt import GDELT_COLUMNS, GDELT_PATTERNS, GDELT_TYPES, date_cells
from sideline.export.view import read_view
from sideline.export.writers import export
from sideline.ledger.ledger import Ledger
from sideline.lexicons import load
from sideline.store.database import Store

from ._export_data import make_ledger
from .test_ledger import five_reports, proposal_denial_meeting

#: the GDELT 2.0 event table, as its codebook lists the fields (GDELT Event Codebook V2.0, 2015)
CODEBOOK_61 = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_ledger(tmp_path_factory.mktemp("formats") / "ledger.duckdb")


@pytest.fixture(scope="module")
def view(db):
    with Store(db, read_only=True) as store:
        yield read_view(store, texts=True)


def _event(view, *names):
    return next(e for e in view.events if {a.name for a in e.participants} == set(names))


def _rows(event, view) -> list[dict[str, str]]:
    return [dict(zip(GDELT_COLUMNS, r)) for r in cameo_rows(event, view)]


# -- GDELT 2.0 ---------------------------------------------------------------------------------------
def test_the_columns_are_the_61_of_the_gdelt_2_codebook():
    assert len(CODEBOOK_61) == 61 and list(GDELT_COLUMNS) == CODEBOOK_61
    assert set(GDELT_TYPES) == set(GDELT_COLUMNS) and GDELT_TYPES["SQLDATE"] == "INTEGER"
    assert GDELT_TYPES["EventCode"] == "VARCHAR"  # 040 keeps its zero


def test_the_cameo_export_loads_with_the_codebook_types(db, view, tmp_path):
    out = tmp_path / "events.cameo"
    with Store(db, read_only=True) as store:
        done = export(store, "cameo", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert done.rows == len(lines) == 13 and done.events == len(view.events) == 7
    cells = [line.split("\t") for line in lines]
    for row in cells:
        assert len(row) == 61
        for col, cell in zip(GDELT_COLUMNS, row):
            assert cell == "" or re.fullmatch(GDELT_PATTERNS.get(col, r"[^\t\n]*"), cell), (col, cell)
    with duckdb.connect() as con:
        rel = con.read_csv(str(out), delimiter="\t", header=False, columns=GDELT_TYPES, quotechar="")
        assert rel.columns == CODEBOOK_61 and len(rel.fetchall()) == 13
        n = con.execute(f"SELECT count(*) FROM read_csv('{out}', delim='\t', header=false, columns={GDELT_TYPES!r}, "
                        "quote='') WHERE SQLDATE BETWEEN 20240101 AND 20241231").fetchone()[0]
    assert n == 12  # all but the visit known only to the year 2025


def test_one_row_per_dyad_and_no_participant_lost(view):
    for event in view.events:
        rows = _rows(event, view)
        named = {r["Actor1Name"] for r in rows} | {r["Actor2Name"] for r in rows} - {""}
        assert named == {a.name.upper() for a in event.participants}, event.event_id
        assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    meeting = _rows(_event(view, "Qatar", "Oman", "Kuwait", "Bahrain"), view)
    assert len(meeting) == 6 and {r["EventCode"] for r in meeting} == {"040"}
    welcome = _rows(_event(view, "Lazarus Chakwera", "Nancy Tembo", "Hakainde Hichilema"), view)
    assert [(r["Actor1Name"], r["Actor2Name"]) for r in welcome] == [
        ("LAZARUS CHAKWERA", "HAKAINDE HICHILEMA"), ("NANCY TEMBO", "HAKAINDE HICHILEMA")]  # hosts host the guest
    [lone] = _rows(_event(view, "Xi Jinping"), view)
    assert lone["Actor1Code"] == "CHNGOV" and lone["Actor2Code"] == "" and lone["EventCode"] == "036"


def test_who_calls_it_off_is_actor1_of_a_125(view):
    [called_off] = _rows(_event(view, "Narendra Modi", "Maldives"), view)
    assert called_off["EventCode"] == "125" and called_off["QuadClass"] == "3"
    assert (called_off["Actor1Code"], called_off["Actor2Code"]) == ("MDVGOV", "INDGOV")  # the host's ministry said so
    [denied] = _rows(_event(view, "Vladimir Putin", "Volodymyr Zelensky"), view)
    assert (denied["Actor1Name"], denied["GoldsteinScale"]) == ("VLADIMIR PUTIN", "-5.0")  # the Kremlin denied


def test_dates_follow_the_codebook_rule(view):
    day = _rows(_event(view, "Lazarus Chakwera", "Hakainde Hichilema"), view)[0]
    assert (day["SQLDATE"], day["MonthYear"], day["Year"], day["FractionDate"]) == ("20240304", "202403", "2024",
                                                                                    "2024.1726")
    month = _rows(_event(view, "Qatar", "Oman", "Kuwait", "Bahrain"), view)[0]
    assert (month["SQLDATE"], month["MonthYear"]) == ("20240501", "202405")  # the month's first day
    year = _rows(_event(view, "Narendra Modi", "Maldives"), view)[0]
    assert (year["SQLDATE"], year["MonthYear"], year["Year"]) == ("", "", "2025")
    undated = _rows(_event(view, "Vladimir Putin", "Volodymyr Zelensky"), view)[0]
    assert (undated["SQLDATE"], undated["Year"]) == ("20240521", "2024")  # as GDELT: the day it was reported
    assert re.fullmatch(r"\d{14}", undated["DATEADDED"])
    assert date_cells(None) == ["", "", "", ""]
    assert date_cells("2024-W10")[0] == "20240304" and date_cells("2024-SU")[:2] == ["20240601", "202406"]


def test_provenance_and_geography(view):
    welcome = _rows(_event(view, "Lazarus Chakwera", "Nancy Tembo", "Hakainde Hichilema"), view)[0]
    assert welcome["SOURCEURL"] == "https://wire.example/malawi-zambia"
    assert welcome["ActionGeo_Type"] == "4" and welcome["ActionGeo_CountryCode"] == "MI"  # FIPS, not ISO
    assert welcome["ActionGeo_FullName"] == "Lilongwe, Malawi" and welcome["Actor2Geo_FullName"] == "Lilongwe, Malawi"
    assert welcome["IsRootEvent"] == "1" and welcome["NumArticles"] == "1"
    [denied] = _rows(_event(view, "Vladimir Putin", "Volodymyr Zelensky"), view)
    assert denied["SOURCEURL"] == "" and denied["ActionGeo_Type"] == ""  # its article has no url, it has no place
    assert denied["Actor1Geo_Type"] == "1" and denied["Actor1Geo_CountryCode"] == "RS"  # not held: home country
    castro = _rows(_event(view, "Fidel Castro", "François Hollande"), view)[0]
    assert castro["Actor1Code"] == "CUBGOV" and castro["NumMentions"] == "2"  # one code, from the claim that knew


def test_every_country_has_a_fips_code():
    fips = load("gdelt")["iso3_to_fips"]
    countries = [c.alpha_3 for c in pycountry.countries]
    missing = [c for c in countries if c not in fips]
    assert fips["USA"] == "US" and fips["RUS"] == "RS" and fips["DEU"] == "GM" and fips["KHM"] == "CB"
    assert len(countries) > 240 and len(missing) <= 3, missing  # GeoNames gives none for ALA, BES, UMI


# -- PLOVER -----------------------------------------------------------------------------------------------
def test_the_schema_is_a_valid_json_schema_and_refuses_what_plover_does_not_allow(view):
    Draft202012Validator.check_schema(PLOVER_SCHEMA)
    validator = Draft202012Validator(PLOVER_SCHEMA)
    good = to_plover(_event(view, "Qatar", "Oman", "Kuwait", "Bahrain"), view)
    assert validator.is_valid(good)
    flat = {"id": "ev-1", "date": "2023-04-01", "event": "CONSULT", "mode": "visit", "context": "diplomatic",
            "actor": "Sergey Lavrov", "recipient": "Antony Blinken", "text": "x", "status": "occurred"}
    errors = {e.validator for e in validator.iter_errors(flat)}
    assert {"required", "additionalProperties", "type"} <= errors  # flat actors, a string event
    for bad in ({"date": "2024-05"}, {"event": ["MEET"]}, {"mode": ["sideline"]}, {"status": "maybe"},
                {"source": [{"actorText": "Qatar", "code": "qatar", "sector": None}]}, {"quad_code": 7}):
        assert not validator.is_valid(good | bad), bad


def test_every_plover_record_validates(db, view, tmp_path):
    validator = Draft202012Validator(PLOVER_SCHEMA)
    out = tmp_path / "events.plover"
    with Store(db, read_only=True) as store:
        export(store, "plover", out)
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(view.events) == 7
    for record in records:
        assert [e.message for e in validator.iter_errors(record)] == [], record["id"]
    for events, published in (five_reports(), proposal_denial_meeting()):  # ledger events without a store
        ledger = Ledger()
        ledger.add(events, published)
        for event in ledger.events():
            assert [e.message for e in validator.iter_errors(to_plover(event))] == []


def test_plover_codes_status_actors_and_citation(view):
    welcome = to_plover(_event(view, "Lazarus Chakwera", "Nancy Tembo", "Hakainde Hichilema"), view)
    assert (welcome["event"], welcome["mode"]) == (["CONSULT"], ["host"])
    assert [s["name"] for s in welcome["source"]] == ["Lazarus Chakwera", "Nancy Tembo"]
    assert welcome["target"] == [{"actorText": "Zambian President Hakainde Hichilema", "name": "Hakainde Hichilema",
                                  "code": "ZMB", "sector": "GOV", "office": "President", "country": "ZMB",
                                  "cameo": "ZMBGOV"}]
    assert welcome["source"][0]["actorText"] == "Malawi's President Lazarus Chakwera"  # entities decoded
    assert welcome["eventText"] == "welcomed" and welcome["eventLoc"]["country"] == "MWI"
    assert welcome["citeInfo"]["url"] == "https://wire.example/malawi-zambia"
    assert "Southern Wire" in welcome["citeInfo"]["citation"] and welcome["citeInfo"]["title"]
    talks = to_plover(_event(view, "Lazarus Chakwera", "Hakainde Hichilema"), view)
    assert talks["context"] == ["diplomatic", "economic", "environment"] and talks["target"] == []
    refusal = to_plover(_event(view, "Narendra Modi", "Maldives"), view)
    assert (refusal["event"], refusal["mode"], refusal["cameo"]) == (["REJECT"], ["meet"], "125")
    assert [s["name"] for s in refusal["source"]] == ["Maldives"] and refusal["quad_code"] == 3
    assert (refusal["date"], refusal["enddate"], refusal["date_granularity"]) == ("2025-01-01", "2025-12-31", "year")
    plan = to_plover(_event(view, "Xi Jinping"), view)
    assert plan["event"] == ["AGREE"] and plan["mode"] == [] and plan["date"] is None
    month = to_plover(_event(view, "Qatar", "Oman", "Kuwait", "Bahrain"), view)
    assert (month["date"], month["enddate"], month["date_granularity"]) == ("2024-05-01", "2024-05-31", "month")
    assert month["citeInfo"]["url"] is None and month["citeInfo"]["publication"] == "Gulf Daily (AFP)"
    denied = to_plover(_event(view, "Vladimir Putin", "Volodymyr Zelensky"), view)
    assert "Putin would" in denied["text"] and "\u00c2" in denied["textInfo"]["raw"]  # clean beside raw


def test_event_codes_by_type_status_and_place():
    assert cameo_code("meet", "planned") == cameo_code("meet", "proposed") == "036"
    assert cameo_code("meet", "denied") == cameo_code("visit", "postponed") == "125"
    assert (cameo_code("visit", "occurred"), cameo_code("host", "occurred")) == ("042", "043")
    assert cameo_code("meet", "occurred", {"RUS", "USA"}, "CHE") == "044"
    assert cameo_code("meet", "occurred", {"RUS", "USA"}, "USA") == "040"
    assert plover_code("meet", "occurred", {"RUS", "USA"}, "CHE") == ("CONSULT", "third-party")
    assert plover_code("meet", "occurred", {"RUS", "USA"}, "USA") == ("CONSULT", None)
    assert plover_code("phone_call", "occurred") == ("CONSULT", "phone")
    assert plover_code("visit", "ruled_out") == ("REJECT", "meet") and plover_code("talks", "uncertain")[0] == "AGREE"


def test_a_record_that_is_no_ledger_event_is_a_coded_error():
    with pytest.raises(InputError) as info:
        to_plover({"type": "meet"})
    assert info.value.code == "E351"
    with pytest.raises(InputError):
        cameo_rows(42)


def test_csv_reader_sees_the_cameo_export_as_tab_separated(db, tmp_path):
    out = tmp_path / "x.cameo"
    with Store(db, read_only=True) as store:
        export(store, "cameo", out)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and all(len(r) == 61 for r in rows)
