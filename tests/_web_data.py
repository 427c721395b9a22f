"""A small ledger for the web tests, built without the model: the store tests' corpus plus an
article whose title, outlet, url, text and one participant's name carry markup that must stay
text (tests/fixtures/web/xss.jsonl)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sideline import api
from sideline.records import Actor, Article, Event, EventType, Evidence, Granularity, Result, Status, When, Where
from sideline.store.database import Store

from ._store_data import batch

XSS_FILE = Path(__file__).parent / "fixtures" / "web" / "xss.jsonl"
#: a participant whose name is markup (an extractor would never make it; a hand-edited lexicon might)
MARKUP_NAME = "Elina \"><img src=x onerror=alert('name')> Valtonen"
#: what must never reach a page as markup (a ``javascript:`` url may show as text, never as a link)
PAYLOADS = ("<script>alert(", "<img src=x", 'href="javascript:', "href='javascript:", 'src="javascript:')


def xss_article() -> Article:
    row = json.loads(XSS_FILE.read_text(encoding="utf-8"))
    return Article(id=row["id"], text=row["text"], published=date.fromisoformat(row["published"]), url=row["url"],
                   title=row["title"], source=row["source"], origin="xss.jsonl:1", published_from="metadata")


def xss_result() -> Result:
    a = xss_article()
    start = a.text.index("Norwegian Foreign Minister")
    end = a.text.index("javascript:alert('link').") + len("javascript:alert('link').")
    eide = Actor("Espen Barth Eide", "Norwegian Foreign Minister Espen Barth Eide", "Foreign Minister", "NOR", "NORGOV")
    other = Actor(MARKUP_NAME, "Finnish Foreign Minister Elina Valtonen", "Foreign Minister", "FIN", "FINGOV")
    ev = Event(a.id, EventType.MEET, Status.OCCURRED, (eide, other), Evidence(a.text[start:end], start, end),
               When("2025-03-13", Granularity.DAY, "on Thursday"), Where("Oslo", "NOR", 59.91, 10.75), None, 0.9)
    return Result(article=a, events=(ev,))


def build(path: Path) -> Path:
    with Store(path) as store:
        for k in range(2):
            store.write_batch(batch(k), "run-1")
        store.write_batch([xss_result()], "run-1")
        api.link(store)
    return path
