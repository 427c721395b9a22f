"""What each CLI command does: one call to the Python API (:data:`CALLS` names it), then
print what it returned as a table, text or JSON lines."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, fields
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import api
from .query import EventClaims, EventFilter
from .records import Event, Result

__all__ = [
    "cmd_extract", "cmd_export", "cmd_events", "cmd_counts", "cmd_event", "cmd_story", "cmd_actors",
    "cmd_articles", "cmd_rejects", "cmd_dates", "cmd_eval", "cmd_serve", "cmd_demo", "CALLS",
]

EXAMPLES = Path(__file__).parent / "data" / "examples"

#: command -> the API function or ``LedgerDB`` method it calls (its flags are that call's
#: keywords); ``demo`` is the one command that makes two calls: ``extract``, then ``events``
CALLS: dict[str, object] = {
    "extract": api.extract, "dates": api.dates,
    "events": api.LedgerDB.events, "counts": api.LedgerDB.counts, "event": api.LedgerDB.event,
    "story": api.LedgerDB.story, "actors": api.LedgerDB.actors, "articles": api.LedgerDB.articles,
    "rejects": api.LedgerDB.rejects, "export": api.LedgerDB.export, "eval": api.LedgerDB.score, "serve": api.serve,
}


def write_json(obj: object, out=None) -> None:
    """One JSON line (the ``--json`` output of every reader)."""
    (out or sys.stdout).write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _out() -> Console:
    con = Console(soft_wrap=False)
    return con if con.is_terminal else Console(soft_wrap=False, width=160)


def _err() -> Console:
    return Console(stderr=True)


def _progress(enabled: bool | None):
    """A rich progress bar showing articles and articles/s, or None."""
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = _err()
    if enabled is False or (enabled is None and not err.is_terminal):
        return None
    return Progress(SpinnerColumn(), TextColumn("extracting"), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), console=err,
                    transient=True)


def _reporter(progress):
    """The callback that prints every reject as it happens and advances the bar."""
    err = _err()
    state = {"task": None}
    if progress is not None:
        state["task"] = progress.add_task("extract", total=None, rate=0.0)

    def on_result(res: Result) -> None:
        if res.reject is not None:
            if progress is not None:
                err.print(f"rejected {res.reject}", highlight=False, markup=False, soft_wrap=True)
            else:
                print(f"rejected {res.reject}", file=sys.stderr, flush=True)
        if progress is not None:
            task = progress.tasks[0]
            rate = (task.completed + 1) / task.elapsed if task.elapsed else 0.0
            progress.update(state["task"], advance=1, rate=rate)

    return on_result


def cmd_extract(args) -> int:
    progress = _progress(args.progress)
    on_result = _reporter(progress)
    if progress is not None:
        with progress:
            summary = _run_extract(args, on_result)
    else:
        summary = _run_extract(args, on_result)
    print(summary)
    return 1 if args.strict and summary.rejected else 0


def _run_extract(args, on_result) -> api.RunSummary:
    return api.extract(args.inputs, db=args.db, n_process=args.n_process, batch_size=args.batch_size,
                       strict=args.strict, engine=args.engine, ray_address=args.ray_address,
                       published=args.published,
                       data_dir=args.data_dir, on_result=on_result)


def cmd_export(args) -> int:
    with api.open(args.db) as ledger:
        ledger.export(format=args.format, output=args.output)
    return 0


def _json_lines(evs: list[Event], ledger) -> None:
    """The mentions as ``export --format jsonl`` writes them (with their articles' provenance)."""
    from .export.view import ArticleRef, mention_line

    refs = {a.id: a for a in ledger.articles()}
    for ev in evs:
        write_json(mention_line(ev, refs.get(ev.article) or ArticleRef(ev.article)))


def _table(evs: Sequence[Event], title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False)
    for col in ("event", "article", "type", "status", "participants", "date", "place", "according to"):
        t.add_column(col, overflow="fold")
    for ev in evs:
        t.add_row(ev.event_id or "", ev.article, ev.type.value, ev.status.value, ", ".join(a.name for a in ev.actors),
                  (ev.when.value or "") if ev.when else "", (ev.where.name or "") if ev.where else "",
                  ev.attributed_to.name if ev.attributed_to else "")
    return t


def cmd_events(args) -> int:
    filters = {f.name: getattr(args, f.name) for f in fields(EventFilter)}
    with api.open(args.db) as ledger:
        evs = ledger.events(limit=args.limit, **filters)
        if args.json:
            _json_lines(evs, ledger)
            return 0
    _out().print(_table(evs, title=f"{len(evs)} event mentions"))
    return 0


def cmd_counts(args) -> int:
    filters = {f.name: getattr(args, f.name) for f in fields(EventFilter)}
    with api.open(args.db) as ledger:
        counts = ledger.counts(args.by, **filters)
    if args.json:
        for row in counts.records():
            write_json(row)
        return 0
    t = Table(title=f"{counts.events} events by {', '.join(counts.by)}")
    for col in (*counts.by, "events", "mentions"):
        t.add_column(col, justify="right" if col in ("events", "mentions") else "left")
    for r in counts:
        t.add_row(*(v if v is not None else "-" for v in r.keys), str(r.events), str(r.mentions))
    _out().print(t)
    return 0


def _summary(led) -> str:
    """One line for a ledger event: its consensus and how it was decided."""
    if led is None:
        return ""
    where = led.place.name if led.place and led.place.name else "place unknown"
    flag = ", CONTRADICTION" if led.contradiction else ""
    return (f"{led.type.value} {led.status.value}{flag} ({led.rule}); {led.date or 'date unknown'}, {where}; "
            f"{led.n_mentions} mentions in {led.n_articles} articles from {led.n_sources} sources")


def _print_event(con: Console, found: EventClaims, evidence: bool = False) -> None:
    con.print(f"[bold]{found.event_id}[/bold]: {_summary(found.event)}", highlight=False)
    con.print(_table(found.claims))
    for ev in found.claims if evidence else ():
        con.print(f"[bold]{ev.article}[/bold] [{ev.evidence.start}:{ev.evidence.end}] {ev.evidence.text}",
                  highlight=False)


def cmd_event(args) -> int:
    with api.open(args.db) as ledger:
        found = ledger.event(args.event_id)
    if found is None:
        print(f"no event or mention with id {args.event_id}", file=sys.stderr)
        return 1
    if args.json:
        write_json(found.to_json())
    else:
        _print_event(_out(), found, evidence=True)
    return 0


def cmd_story(args) -> int:
    with api.open(args.db) as ledger:
        found = ledger.story(args.actor_a, args.actor_b)
    if args.json:
        for ev in found:
            write_json(ev.to_json())
        return 0
    con = _out()
    for ev in found:
        con.print()
        _print_event(con, ev)
    if not found:
        con.print(f"no events of {args.actor_a} with {args.actor_b}")
    return 0


def cmd_actors(args) -> int:
    with api.open(args.db) as ledger:
        rows = ledger.actors(args.query)
    if args.json:
        for r in rows:
            write_json(r.to_json())
        return 0
    t = Table(title=f"{len(rows)} actors")
    for col in ("name", "aliases", "roles", "country", "code", "mentions", "role sources"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r.name, "; ".join(r.aliases), "; ".join(r.roles), r.country or "", r.code or "", str(r.mentions),
                  "; ".join((*r.known, *r.learned)))
    _out().print(t)
    return 0


def cmd_articles(args) -> int:
    with api.open(args.db) as ledger:
        rows = ledger.articles()
    if args.json:
        for r in rows:
            write_json(r.to_json(full=True))
        return 0
    t = Table(title=f"{len(rows)} articles")
    for col in ("article", "published", "source", "title", "url", "mentions"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r.id, r.published.isoformat() if r.published else "", r.source or "", r.title or "",
                  r.url or "", str(r.mentions))
    _out().print(t)
    return 0


def cmd_rejects(args) -> int:
    with api.open(args.db) as ledger:
        rows = ledger.rejects()
    for r in rows:
        if args.json:
            write_json(asdict(r))
        else:
            print(r)
    print(f"{len(rows)} rejected inputs", file=sys.stderr)
    return 0


def cmd_dates(args) -> int:
    def on_reject(reject) -> None:
        print(f"rejected {reject}", file=sys.stderr)

    for row in api.dates(args.inputs, published=args.published, on_reject=on_reject):
        write_json(row)
    return 0


def cmd_eval(args) -> int:
    from .evaluate import format_report

    with api.open(args.db) as ledger:
        report = ledger.score(args.gold, articles=args.articles)
    if args.json:
        write_json(report.figures())
    else:
        print(format_report(report, by_article=args.by_article))
    return 0


def cmd_demo(args) -> int:
    corpus = sorted(EXAMPLES.glob("*.jsonl"))
    summary = api.extract([str(p) for p in corpus], db=args.db, on_result=_reporter(None))
    con = _out()
    con.print(f"[bold]sideline demo[/bold]: {summary}  (ledger: {args.db})")
    with api.open(args.db) as ledger:
        evs = ledger.events()
    con.print(_table(evs, title=f"the ledger: {len(evs)} event mentions"))
    con.print(f"\nNext, browse it in a web browser:  sideline serve --db {args.db}", highlight=False, markup=False)
    return 0


def cmd_serve(args) -> int:
    try:
        api.serve(db=args.db, host=args.host, port=args.port)
    except KeyboardInterrupt:
        pass
    return 0
