"""sideline serve in a real browser: headless Chromium (Debian's, /usr/bin/chromium) driven by
Playwright's Python package, on a ledger extracted from the bundled examples and the XSS
fixture article (the model runs: slow). Clicks search -> event -> actor -> story, checks the
highlighted evidence is the stored evidence, that the charts and the network drew, that no
console error or script from an article ran, and takes screenshots (into docs/screenshots when
SIDELINE_SCREENSHOTS names a folder)."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from sideline import api
from sideline.commands import EXAMPLES

from ._web_data import XSS_FILE

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
#: flags that keep Chromium off the network it cannot reach here (and root needs --no-sandbox)
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    api.extract([str(p) for p in sorted(EXAMPLES.glob("*.jsonl"))] + [str(XSS_FILE)], db=db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(api.open(db).app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    pg.close()


def _shot(pg, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    keep = os.environ.get("SIDELINE_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)


def test_search_event_actor_story(server, page, tmp_path):
    base, db = server
    page.goto(f"{base}/search")
    page.fill("input[name=actor]", "Merz")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("tr.result")
    assert "actor=Merz" in page.url and page.locator("tr.result").count() >= 3
    _shot(page, "search", tmp_path)

    page.locator("tr.result a.event-link").first.click()
    page.wait_for_selector("mark.evidence")
    event_id = page.url.rsplit("/", 1)[1]
    with api.open(db) as ledger:
        stored = ledger.event(event_id)
    shown = page.locator("mark.evidence").all_inner_texts()
    assert shown and shown == [c.evidence.text for c in stored.claims]
    page.wait_for_selector("#claims-chart[data-drawn]")
    assert page.locator("#claims-chart circle").count() >= 1
    _shot(page, "event", tmp_path)

    page.locator("ul.participants a.actor", has_text="Friedrich Merz").first.click()
    page.wait_for_selector("#network[data-drawn]")
    assert page.locator("#network .node").count() >= 3 and page.locator("#network .edges line").count() >= 2
    assert page.locator("#timeline-chart rect").count() >= 2
    assert "Friedrich Merz" in page.locator("h1").inner_text()
    page.locator("#network").scroll_into_view_if_needed()
    _shot(page, "actor", tmp_path)

    page.locator("a.pair").first.click()
    page.wait_for_selector("#story-chart[data-drawn]")
    assert page.locator("li.step").count() >= 1 and page.locator("#story-chart circle").count() >= 1
    _shot(page, "story", tmp_path)

    page.locator("#network").count()  # the story page has no network; nothing else to wait for
    assert page.problems == []


def test_network_nodes_lead_to_actors(server, page):
    base, _ = server
    page.goto(f"{base}/actor/Friedrich%20Merz")
    page.wait_for_selector("#network[data-drawn]")
    other = page.locator("#network .node:not(.ego)").first
    name = other.locator("text").text_content()
    other.click()
    page.wait_for_url("**/actor/**")
    assert page.locator("h1").inner_text() == name
    assert page.problems == []


def test_the_article_markup_stays_text(server, page, tmp_path):
    base, _ = server
    page.goto(f"{base}/article/xss-001")
    page.wait_for_selector(".article-text")
    text = page.locator(".article-text").inner_text()
    assert "<script>alert('lead')</script>" in text and "\"><img src=x onerror=alert('evidence')>" in text
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    for path in ("/search?text=ministry", "/search?text=" + "%3Cscript%3E", "/actors?q=eide"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0
    _shot(page, "xss", tmp_path)
    assert page.problems == []


def test_every_page_loads_without_errors(server, page):
    base, _ = server
    for path in ("/search", "/actors", "/rejects", "/sql?q=SELECT+type%2C+count(*)+FROM+mentions+GROUP+BY+1",
                 "/story?a=Merz&b=Tusk", "/search.json?actor=Merz"):
        response = page.goto(base + path)
        assert response.status == 200, path
    assert page.problems == []


def test_the_counts_chart_draws(server, page, tmp_path):
    base, _ = server
    page.goto(f"{base}/counts")
    page.wait_for_selector("#counts-chart[data-drawn]")
    assert int(page.locator("#counts-chart").get_attribute("data-drawn")) > 0
    assert page.locator("#counts-chart rect").count() > 0
    page.goto(f"{base}/counts?by=type")
    page.wait_for_selector("#counts-chart[data-drawn]")
    _shot(page, "counts", tmp_path)
    assert page.problems == []
