"""Time the web pages (sideline serve) on a synthetic ledger of 100,000 mentions.

    .venv/bin/python bench/web.py                      # build /tmp/sideline-web-100k.duckdb once, then time
    .venv/bin/python bench/web.py --n 100000 --db /tmp/x.duckdb --rebuild --repeat 20

The ledger is built by this script: the synthetic mentions of bench/linking.py (a Zipf pool of
2,000 actors, 300 places, ten years of dates at mixed granularity, several reports per
engagement, planned/proposed/refused claims before the event), each in an article of its own
with a dateline, an outlet and a url, written with ``Store.write_batch`` and linked with
``sideline.link`` as ``extract`` does. Then ``sideline serve``'s app runs under uvicorn on
127.0.0.1 (a free port) and every page is fetched over HTTP ``--repeat`` times (the first
fetch, which warms the caches, is reported apart). Prints, per page, the median and the
slowest of the warm fetches, and the cold one. The issue's bar: search, event and actor
pages under 300 ms each.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from linking import generate  # noqa: E402

from sideline import api  # noqa: E402
from sideline.records import Article, Evidence, Result  # noqa: E402
from sideline.store.database import Store  # noqa: E402

OUTLETS = ["Wire One", "Daily Ledger", "The Courier", "Evening Post", "Radio East", "Gazette"]
BAR_MS = 300.0


def build(path: Path, n: int) -> None:
    """A ledger of ``n`` synthetic mentions at ``path`` (one article per mention), linked."""
    t0 = time.perf_counter()
    mentions, published, _ = generate(n)
    results = []
    for i, ev in enumerate(mentions):
        lead = f"CITY {i % 97} ({OUTLETS[i % len(OUTLETS)]}) — "
        tail = " Officials gave no further details. Talks on trade were also expected."
        text = lead + ev.evidence.text + tail
        article = Article(id=ev.article, text=text, published=published[ev.article],
                          url=f"https://news.example/{i}", title=ev.evidence.text[:60],
                          source=OUTLETS[i % len(OUTLETS)], origin=f"synthetic:{i}")
        evidence = Evidence(ev.evidence.text, len(lead), len(lead) + len(ev.evidence.text))
        results.append(Result(article=article, events=(replace(ev, evidence=evidence),)))
    path.unlink(missing_ok=True)
    with Store(path) as store:
        for k in range(0, len(results), 5000):
            store.write_batch(results[k:k + 5000], "run-bench")
        t1 = time.perf_counter()
        n_events = api.link(store)
    print(f"built {path}: {len(results):,} mentions, {n_events:,} events "
          f"(write {t1 - t0:.1f}s, link {time.perf_counter() - t1:.1f}s)", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path):
    """uvicorn serving the app in a thread; returns (base url, server)."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(api.open(db).app(), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def targets(db: Path) -> dict[str, str]:
    """The pages to time: the busiest actor, its busiest event, its busiest counterpart."""
    with api.open(db) as ledger:
        top = ledger.roster(limit=2)
        first, second = top[0]["name"], top[1]["name"]
        page = ledger.page(actor=first, limit=1)
        event_id = page.events[0].event_id
        article = page.events[0].article
    a, b = quote(first), quote(second)
    return {
        "search (no filter)": "/search",
        "search (actor)": f"/search?actor={a}",
        "search (actor, status, since)": f"/search?actor={a}&status=occurred&since=2019-01-01",
        "search (free text)": "/search?text=bilateral+cooperation",
        "search (page 200)": "/search?page=200",
        "event": f"/event/{event_id}",
        "actor (busiest)": f"/actor/{a}",
        "actor json": f"/actor/{a}.json",
        "story": f"/story?a={a}&b={b}",
        "article": f"/article/{quote(article)}",
    }


def time_pages(base: str, pages: dict[str, str], repeat: int) -> list[tuple[str, float, float, float]]:
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in pages.items():
            times = []
            for _ in range(repeat + 1):
                t = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
            rows.append((name, times[0], statistics.median(times[1:]), max(times[1:])))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="mentions in the synthetic ledger")
    ap.add_argument("--db", default="/tmp/sideline-web-100k.duckdb")
    ap.add_argument("--rebuild", action="store_true", help="build the ledger again even if the file exists")
    ap.add_argument("--repeat", type=int, default=10, help="warm fetches per page")
    args = ap.parse_args()
    db = Path(args.db)
    if args.rebuild or not db.exists():
        build(db, args.n)
    pages = targets(db)
    base, server = serve(db)
    try:
        rows = time_pages(base, pages, args.repeat)
    finally:
        server.should_exit = True
        time.sleep(3)  # the app closes its idle connections after 2 s
    print(f"{'page':<32}{'cold ms':>10}{'median ms':>11}{'max ms':>9}")
    for name, cold, median, worst in rows:
        print(f"{name:<32}{cold:>10.0f}{median:>11.0f}{worst:>9.0f}")
    slow = [name for name, _, median, _ in rows if median > BAR_MS and not name.startswith(("story", "article"))]
    print("all search, event and actor pages under 300 ms (median)" if not slow else f"over 300 ms: {slow}")


if __name__ == "__main__":
    main()
