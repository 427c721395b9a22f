"""sideline serve without a browser: every page and its JSON twin, the same answers as the API,
markup from articles kept inert, nothing written, the SQL sandbox's limits, and the web stack
kept out of the other commands. (tests/test_web_browser.py clicks through it in Chromium.)"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from sideline import api
from sideline.errors import QueryError

from ._web_data import MARKUP_NAME, PAYLOADS, build, xss_article


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "ledger.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(api.open(db).app()) as c:
        yield c


def _event_of(client, **params) -> dict:
    rows = client.get("/search.json", params=params).json()["events"]
    assert rows, params
    return rows[0]


def test_every_page_and_its_json_twin(client):
    ev = _event_of(client, actor="Lavrov", status="occurred")
    pages = ["/search?actor=Lavrov", "/actors?q=lav", f"/event/{ev['event_id']}", "/actor/Sergey%20Lavrov",
             "/story?a=Lavrov&b=Guterres", f"/article/{ev['article']}", "/rejects", "/sql?q=SELECT+1",
             "/counts?by=type&actor=Lavrov"]
    for page in pages:
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), page
        path, _, query = page.partition("?")
        twin = client.get(f"{path}.json" + (f"?{query}" if query else ""))
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json", page
        assert f'href="{path}.json' in html.text, page  # the page links its twin


def test_search_is_the_api_answer(client, db):
    with api.open(db) as ledger:
        expected = ledger.events(actor="Lavrov", status="ruled_out")
    got = client.get("/search.json", params={"actor": "Lavrov", "status": "ruled_out", "limit": 3}).json()
    assert got["total"] == len(expected) == 9
    assert [e["mention_id"] for e in got["events"]] == [e.mention_id for e in expected[:3]]
    page2 = client.get("/search.json", params={"actor": "Lavrov", "status": "ruled_out", "limit": 3, "page": 2}).json()
    assert [e["mention_id"] for e in page2["events"]] == [e.mention_id for e in expected[3:6]]
    assert client.get("/search.json", params={"status": "nonsense"}).status_code == 400


@pytest.mark.parametrize("filters", [
    {}, {"actor": "Lavrov"}, {"actor": "lavrov", "with_": "Wang"}, {"actor": "RUS", "with_": "IND"},
    {"with_": "Guterres"}, {"since": "2024-10-01"}, {"until": "2024-09-30"}, {"since": "2024-10-01", "until": "2024-10-31"},
    {"status": "ruled_out"}, {"status": "denied"}, {"type": "visit"}, {"place": "new york"}, {"place": "IND"},
    {"article": "a-0004"}, {"text": "«NO PLANS»"}, {"text": "antonio guterres"}, {"actor": "Espen", "text": "oslo"},
])
def test_a_page_keeps_what_events_keeps(db, filters):
    """The SQL narrowing keeps exactly the mentions the filter's Python checks keep."""
    with api.open(db) as ledger:
        expected = [e.mention_id for e in ledger.events(**filters)]
        page = ledger.page(limit=1000, **filters)
    assert page.total == len(expected)
    assert [e.mention_id for e in page.events] == expected


def test_the_text_filter_needs_every_word(db):
    with api.open(db) as ledger:
        assert len(ledger.events(text="Guterres Thursday")) == 9
        assert ledger.events(text="Guterres Friday") == []


def test_event_page_shows_the_evidence_in_its_article(client, db):
    ev = _event_of(client, actor="Lavrov", type="visit")
    data = client.get(f"/event/{ev['event_id']}.json").json()
    with api.open(db) as ledger:
        stored = ledger.event(ev["event_id"])
    assert data["event"]["status"] == stored.event.status.value and data["event"]["rule"] == stored.event.rule
    assert len(data["claims"]) == len(stored.claims) == 9
    for claim, mention in zip(data["claims"], stored.claims):
        assert claim["excerpt"]["evidence"] == mention.evidence.text and claim["excerpt"]["matches"]
    html = client.get(f"/event/{ev['event_id']}").text
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', html, re.S)
    assert marks and marks[0] == "Lavrov will travel to New Delhi next month, the ministry said."


def test_article_page_highlights_every_mention(client):
    data = client.get("/article/a-0001.json").json()
    assert len(data["mentions"]) == 3
    marked = {(s["start"], s["end"]) for s in data["segments"] if s["marks"]}
    assert marked == {(m["evidence"]["start"], m["evidence"]["end"]) for m in data["mentions"]}
    assert "".join(s["text"] for s in data["segments"]) == data["article"]["text"]


def test_actor_page_has_its_network_and_months(client):
    data = client.get("/actor/Sergey%20Lavrov.json").json()
    assert data["actor"]["code"] == "RUSGOV" and data["n_events"] == 3
    names = {n["id"] for n in data["network"]["nodes"]}
    assert {"Sergey Lavrov", "António Guterres", "Wang Yi", "India"} <= names
    edge = next(e for e in data["network"]["edges"] if e["target"] == "Wang Yi")
    assert edge["status"] == "denied" and edge["events"] == 1
    assert {m["status"] for m in data["months"]} == {"occurred", "planned"}
    assert client.get("/actor/Nobody%20Here").status_code == 404
    assert client.get("/actor/Nobody%20Here.json").json()["error"] == "E321"


def test_story_page_is_the_story(client, db):
    data = client.get("/story.json", params={"a": "Guterres", "b": "Lavrov"}).json()
    with api.open(db) as ledger:
        expected = ledger.story("Guterres", "Lavrov")
    assert [s["event_id"] for s in data["events"]] == [s.event_id for s in expected] and len(expected) == 1


# -- security ------------------------------------------------------------------------------------
def test_markup_from_articles_renders_inert(client):
    ev = _event_of(client, actor="Espen")
    pages = [f"/event/{ev['event_id']}", "/article/xss-001", "/search?actor=Espen", "/actor/" + quote(MARKUP_NAME, safe=""),
             "/actor/Espen%20Barth%20Eide", "/actors?q=elina", "/search?text=" + quote("<script>alert(1)</script>")]
    for page in pages:
        r = client.get(page)
        assert r.status_code == 200, page
        assert "default-src 'none'; script-src 'self'" in r.headers["content-security-policy"]
        for payload in PAYLOADS:
            assert payload not in r.text, (page, payload)
        assert 'href="javascript' not in r.text.lower()
    article = client.get("/article/xss-001").text
    assert "&lt;script&gt;alert(&#39;lead&#39;)&lt;/script&gt;" in article
    assert "&#34;&gt;&lt;img src=x onerror=alert(&#39;evidence&#39;)&gt;" in article
    assert '<code class="unsafe-url"' in article  # the javascript: url is shown, not linked
    data = client.get("/article/xss-001.json").json()
    assert data["article"]["text"] == xss_article().text and data["source"]["link"] is None


def test_safe_url_links_http_only():
    from sideline.web.render import safe_url

    assert safe_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil", "http://"):
        assert safe_url(bad) is None, bad


def test_nothing_writes(client, db):
    before = (os.stat(db).st_mtime_ns, os.stat(db).st_size)
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/search")
        assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD", method
    assert client.post("/event/x").status_code == 405
    writes = ["DELETE FROM mentions", "DROP TABLE articles", "INSERT INTO rejects SELECT * FROM rejects",
              "UPDATE mentions SET status = 'occurred'", "CREATE TABLE t AS SELECT 1",
              "COPY mentions TO '/tmp/sideline-leak.csv'", f"ATTACH '{db}' AS w", "SELECT * FROM read_csv('/etc/passwd')",
              "SET enable_external_access = true", "SELECT 1; DROP TABLE mentions", "CHECKPOINT", "INSTALL httpfs"]
    for query in writes:
        got = client.get("/sql.json", params={"q": query}).json()
        assert got["result"] is None and got["error"].startswith("[E314]"), query
    ok = client.get("/sql.json", params={"q": "SELECT count(*) AS n FROM mentions"}).json()
    assert ok["result"]["rows"] == [[28]]
    time.sleep(0.05)
    assert (os.stat(db).st_mtime_ns, os.stat(db).st_size) == before
    assert not os.path.exists("/tmp/sideline-leak.csv")


def test_sql_limits_rows_and_time(db):
    with api.open(db) as ledger:
        many = ledger.sql("SELECT * FROM range(5000)", max_rows=100)
        assert len(many.rows) == 100 and many.truncated
        with pytest.raises(QueryError) as err:
            ledger.sql("SELECT count(*) FROM range(100000000000) a", timeout=0.5)
    assert "time limit" in str(err.value)


def test_a_ledger_held_by_a_writer_is_503_then_readable(db, tmp_path):
    path = tmp_path / "held.duckdb"
    path.write_bytes(open(db, "rb").read())
    writer = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        from sideline.web.app import create_app

        with TestClient(create_app(lambda: api.LedgerDB(path))) as c:
            r = c.get("/search.json")
            assert r.status_code == 503 and r.json()["error"] == "E208"
            writer.kill()
            writer.wait()
            assert c.get("/search.json").json()["total"] == 28
    finally:
        writer.kill()
        writer.wait()


def test_other_commands_do_not_import_the_web_stack(db):
    code = ("import sys; from sideline.cli import main; main(['events', '--db', sys.argv[1], '--limit', '1']); "
            "bad = [m for m in ('starlette', 'jinja2', 'uvicorn', 'sideline.web') if m in sys.modules]; "
            "sys.exit(f'imported {bad}' if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_counts_page_is_the_api_count(client, db):
    got = client.get("/counts.json", params={"actor": "Lavrov"}).json()
    with api.open(db) as ledger:
        want = ledger.counts(by=["month", "status"], actor="Lavrov").to_json()
    assert got["rows"] and got["rows"] == want["rows"] and got["events"] == want["events"]
    assert got["by"] == "status" and sum(t["events"] for t in got["totals"]) >= 1
    by_type = client.get("/counts.json", params={"by": "type"}).json()
    assert by_type["by"] == "type" and all("type" in r for r in by_type["rows"])
    html = client.get("/counts?actor=Lavrov").text
    assert 'id="counts-chart"' in html and "Engagements per month" in html
