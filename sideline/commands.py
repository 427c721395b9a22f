"""What each CLI command does: call the API or a query, then print a table or JSON lines."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import api
from . import query
from .records import Event, Result

__all__ = [
    "cmd_extract", "cmd_export", "cmd_events", "cmd_event", "cmd_story", "cmd_actors",
    "cmd_rejects", "cmd_dates", "cmd_eval", "cmd_demo",
]

EXAMPLES = Path(__file__).parent / "data" / "examples"


def write_json(obj: object, out=None) -> None:
    """One JSON line (the ``--json`` output of every reader)."""
    (out or sys.stdout).write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _out() -> Console:
    con = Console(soft_wrap=False)
    return con if con.is_terminal else Console(soft_wrap=False, width=160)


def _err() -> Console:
    return Console(stderr=True)


def _store(db: str):
    from .store.database import Store

    return Store(db, read_only=True)


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
                       strict=args.strict, engine=args.engine, published=args.published,
                       data_dir=args.data_dir, on_result=on_result)


def cmd_export(args) -> int:
    api.export(db=args.db, format=args.format, output=args.output)
    return 0


def _json_lines(evs: list[Event]) -> None:
    from .codec import event_to_json

    for ev in evs:
        write_json(event_to_json(ev))


def _table(evs: list[Event], title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False)
    for col in ("article", "type", "status", "participants", "date", "place", "according to"):
        t.add_column(col, overflow="fold")
    for ev in evs:
        t.add_row(ev.article, ev.type.value, ev.status.value, ", ".join(a.name for a in ev.actors),
                  (ev.when.value or "") if ev.when else "", (ev.where.name or "") if ev.where else "",
                  ev.attributed_to.name if ev.attributed_to else "")
    return t


def cmd_events(args) -> int:
    flt = query.EventFilter(actor=args.actor, with_=args.with_, since=args.since, until=args.until,
                            status=args.status, type=args.type, place=args.place, article=args.article)
    with _store(args.db) as store:
        evs = query.events(store, flt, limit=args.limit)
    if args.json:
        _json_lines(evs)
    else:
        _out().print(_table(evs, title=f"{len(evs)} event mentions"))
    return 0


def _summary(led) -> str:
    """One line for a ledger event: its consensus and how it was decided."""
    if led is None:
        return ""
    where = led.place.name if led.place and led.place.name else "place unknown"
    flag = ", CONTRADICTION" if led.contradiction else ""
    return (f"{led.type.value} {led.status.value}{flag} ({led.rule}); {led.date or 'date unknown'}, {where}; "
            f"{led.n_mentions} mentions in {led.n_articles} articles from {led.n_sources} sources")


def cmd_event(args) -> int:
    with _store(args.db) as store:
        evs = query.event(store, args.event_id)
        led = query.ledger_event(store, evs[0].event_id) if evs else None
    if args.json:

        if led is not None:
            write_json(led.to_json())
        _json_lines(evs)
        return 0 if evs else 1
    con = _out()
    if not evs:
        con.print(f"no event or mention with id {args.event_id}")
        return 1
    con.print(f"[bold]{evs[0].event_id}[/bold]: {_summary(led)}", highlight=False)
    con.print(_table(evs))
    for ev in evs:
        con.print(f"[bold]{ev.article}[/bold] [{ev.evidence.start}:{ev.evidence.end}] {ev.evidence.text}", highlight=False)
    return 0


def cmd_story(args) -> int:
    from .ledger.ledger import ledger_events

    with _store(args.db) as store:
        groups = query.story(store, args.actor_a, args.actor_b)
        ledger = {ev.event_id: ev for ev in ledger_events(store)} if groups else {}
    if args.json:
        from .codec import event_to_json

        for event_id, claims in groups:
            led = ledger.get(event_id)
            write_json({"event_id": event_id, "event": led.to_json() if led else None,
                        "claims": [event_to_json(c) for c in claims]})
        return 0
    con = _out()
    for event_id, claims in groups:
        con.print(f"\n[bold]{event_id}[/bold]: {_summary(ledger.get(event_id))}", highlight=False)
        con.print(_table(claims))
    if not groups:
        con.print(f"no events of {args.actor_a} with {args.actor_b}")
    return 0


def cmd_actors(args) -> int:
    with _store(args.db) as store:
        rows = query.actors(store, args.query)
    if args.json:

        for r in rows:
            write_json(r.__dict__)
        return 0
    t = Table(title=f"{len(rows)} actors")
    for col in ("name", "aliases", "roles", "country", "code", "mentions", "role sources"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r.name, "; ".join(r.aliases), "; ".join(r.roles), r.country or "", r.code or "", str(r.mentions),
                  "; ".join((*r.known, *r.learned)))
    _out().print(t)
    return 0


def cmd_rejects(args) -> int:
    with _store(args.db) as store:
        rows = list(store.rejects())
    for r in rows:
        print(r)
    print(f"{len(rows)} rejected inputs", file=sys.stderr)
    return 0


def cmd_dates(args) -> int:
    from .pipeline import Pipeline
    from .stages.clean.stage import Clean
    from .stages.ingest.read import read_inputs
    from .stages.nlp import NLP
    from .stages.time.stage import Timexes
    from .stages.time.timexes import timex_records

    pipeline = Pipeline([Clean(), NLP(parse_all=True), Timexes()])
    for item in pipeline.documents(read_inputs(args.inputs, published=args.published)):
        if isinstance(item, Result):
            print(f"rejected {item.reject}", file=sys.stderr)
            continue
        for rec in timex_records(item):
            write_json(rec)
    return 0


def _jsonl(path: str) -> list[dict]:
    import json

    from .errors import E, InputError

    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as err:
        raise InputError(E.E302, path=path, reason=str(err)) from err


def cmd_eval(args) -> int:
    from .codec import event_to_json
    from .evaluate import format_report, score

    gold = _jsonl(args.gold)
    ids = [str(a["id"]) for a in _jsonl(args.articles)] if args.articles else []
    with _store(args.db) as store:
        preds = [event_to_json(ev) for ev in store.events()]
    report = score(gold, preds, ids)
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
    with _store(args.db) as store:
        evs = query.events(store)
    con.print(_table(evs, title=f"the ledger: {len(evs)} event mentions"))
    return 0
