"""The command line: each command prints what one call to the Python API returns
(``sideline.extract``, ``sideline.dates`` or a method of ``sideline.open(db)``; the
call of each command is ``commands.CALLS``).

Every flag is named after the Python keyword it sets (``--n-process`` sets ``n_process``,
``--with`` sets ``with_``), but for the few that only choose how to print
(:data:`PRESENTATION`); the filters of ``events`` are made from
:class:`~sideline.query.EventFilter`, the choices of ``--status`` and ``--type`` from the
enums and those of ``--format`` from the export writers. Every command and flag is
documented in README.md. Tests check all three.
"""
from __future__ import annotations

import argparse
import enum
import inspect
import sys
from dataclasses import fields
from datetime import date

from .errors import SidelineError

__all__ = ["main", "build_parser", "PRESENTATION"]

#: flags that only change how a command prints (a table or JSON lines, a report or its detail,
#: a progress bar), so they set no keyword of the API; ``--db`` is the argument of ``sideline.open``
PRESENTATION = frozenset({"json", "by_article", "progress"})


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from err


def _default(fn, name: str):
    """The default of keyword ``name`` of the API function ``fn``: the CLI shows the same one."""
    return inspect.signature(fn).parameters[name].default


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a count (0 or more): {text!r}")
    return n


def _db(p: argparse.ArgumentParser) -> None:
    from . import api  # here, not at import: spawned workers import this module (and need no api)

    p.add_argument("--db", metavar="PATH", default=_default(api.open, "db"),
                   help="the DuckDB ledger file (default: %(default)s)")


def _add_extract(sub) -> None:
    from . import api

    p = sub.add_parser("extract", help="read articles and add their events to the ledger")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article JSONL(.gz), .txt, .html, folders, or - for stdin")
    _db(p)
    p.add_argument("--n-process", type=int, default=_default(api.extract, "n_process"),
                   help="worker processes (default: %(default)s)")
    p.add_argument("--batch-size", type=int, default=_default(api.extract, "batch_size"),
                   help="articles per batch and per transaction (default: %(default)s)")
    p.add_argument("--engine", choices=("local", "ray"), default=_default(api.extract, "engine"),
                   help="where the pipeline runs: local processes, or Ray (an optional extra: make setup-ray)")
    p.add_argument("--ray-address", metavar="ADDRESS",
                   help="join this Ray cluster (e.g. ray://head:10001; default: $RAY_ADDRESS, else a local Ray)")
    p.add_argument("--published", type=_date, help="publication date for text read from stdin or files without one")
    p.add_argument("--data-dir", help="a folder of your own lexicon files, merged over the packaged ones")
    p.add_argument("--strict", action="store_true", help="exit with status 1 when any input is rejected")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    """One flag per field of :class:`EventFilter` (``with_`` is ``--with``); an enum's values
    are the flag's choices."""
    from .query import EventFilter

    for f in fields(EventFilter):
        kind, flag = f.metadata["kind"], "--" + f.name.rstrip("_").replace("_", "-")
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            p.add_argument(flag, dest=f.name, choices=[m.value for m in kind], help=f.metadata["help"])
        else:
            p.add_argument(flag, dest=f.name, metavar=f.metadata["metavar"], help=f.metadata["help"],
                           type=_date if kind is date else str if kind is tuple else kind)


def _add_readers(sub) -> None:
    from . import api
    from .export.writers import WRITERS  # here, not at import: spawned workers import this module

    p = sub.add_parser("export", help=f"write the ledger as {', '.join(WRITERS)}")
    _db(p)
    p.add_argument("--format", choices=tuple(WRITERS), default=_default(api.LedgerDB.export, "format"))
    p.add_argument("-o", "--output", help="output file (default: standard output; csv/parquet need a file)")
    p = sub.add_parser("events", help="list event mentions, filtered")
    _db(p)
    _add_filters(p)
    p.add_argument("--limit", type=_count, metavar="N", help="at most N mentions (0: none)")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p = sub.add_parser("counts", help="count ledger events by month, year, dyad, country, type or status")
    _db(p)
    p.add_argument("--by", required=True, metavar="KEY[,KEY]",
                   help="what to count by, with commas: month, year, dyad, country, type, status")
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="JSON lines (one per row) instead of a table")
    p = sub.add_parser("event", help="one event with all its mentions and evidence")
    _db(p)
    p.add_argument("event_id", metavar="ID", help="an event id, or the id of one of its mentions")
    p.add_argument("--json", action="store_true", help="one JSON object instead of tables")
    p = sub.add_parser("story", help="the events of two actors in date order, with their claims")
    _db(p)
    p.add_argument("actor_a", metavar="ACTOR_A")
    p.add_argument("actor_b", metavar="ACTOR_B")
    p.add_argument("--json", action="store_true", help="one JSON line per event instead of tables")
    p = sub.add_parser("actors", help="canonical actors with aliases, roles, countries, codes and counts")
    _db(p)
    p.add_argument("query", nargs="?", metavar="QUERY", help="only actors whose name or alias holds this")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p = sub.add_parser("articles", help="the stored articles with their url, outlet, title and date")
    _db(p)
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p = sub.add_parser("rejects", help="the inputs that were rejected, and why")
    _db(p)
    p.add_argument("--json", action="store_true", help="JSON lines instead of text")


def _add_tools(sub) -> None:
    from . import api

    p = sub.add_parser("dates", help="print every temporal expression of the inputs as JSON lines")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--published", type=_date, help="publication date for text without one")
    p = sub.add_parser("eval", help="score the ledger against a gold file (FORMAT.md section 3)")
    p.add_argument("gold", metavar="GOLD")
    _db(p)
    p.add_argument("--articles", help="the articles JSONL that was run: its articles without gold count too")
    p.add_argument("--json", action="store_true", help="the figures as one JSON line")
    p.add_argument("--by-article", action="store_true", help="list misses, false alarms and wrong statuses")
    p = sub.add_parser("serve", help="browse the ledger in a web browser (read-only, local)")
    p.add_argument("--db", metavar="PATH", default=_default(api.serve, "db"),
                   help="the DuckDB ledger file (default: %(default)s)")
    p.add_argument("--host", default=_default(api.serve, "host"),
                   help="the address to listen on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=_default(api.serve, "port"), help="the port (default: %(default)s)")
    p = sub.add_parser("demo", help="extract the bundled example corpus and print the ledger")
    p.add_argument("--db", metavar="PATH", default="sideline-demo.duckdb",
                   help="the demo ledger (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="sideline", description="A ledger of diplomatic engagements read from news text.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_readers(sub)
    _add_tools(sub)
    return ap


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown flag is reported with the usage of its own command."""
    ap = build_parser()
    args, extra = ap.parse_known_args(argv)
    if extra:
        sub = next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction))
        sub.choices[args.command].error("unrecognized arguments: " + " ".join(extra))
    return args


def _interrupted(args: argparse.Namespace) -> int:
    """Ctrl-C: one line saying what is kept, exit status 130 (128 + SIGINT)."""
    from .errors import E

    where = getattr(args, "db", None) if args.command in ("extract", "demo") else None
    print(f"sideline: {E.E011.format(db=where)}" if where else "sideline: interrupted.", file=sys.stderr)
    return 130


def main(argv: list[str] | None = None) -> int:
    """Run one command. Errors are one coded line (exit 2); Ctrl-C is one line (exit 130)."""
    from .engines.local import one_blas_thread

    one_blas_thread()  # before anything loads numpy: the parse in this process runs one BLAS thread
    args = _parse(argv)
    from . import commands
    from .errors import E, StoreError

    try:
        return getattr(commands, "cmd_" + args.command)(args) or 0
    except SidelineError as err:
        print(f"sideline: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return _interrupted(args)
    except Exception as err:  # noqa: BLE001 - DuckDB failing mid-run (a full disk, a damaged file)
        import duckdb

        if "interrupted" in str(err).lower():  # DuckDB turns Ctrl-C inside a query into an error
            return _interrupted(args)
        if not isinstance(err, duckdb.Error):
            raise
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        print(f"sideline: error: {StoreError(E.E209, path=getattr(args, 'db', '?'), reason=reason)}",
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
