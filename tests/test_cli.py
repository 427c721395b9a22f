"""The command line mirrors the API: each command is one call whose keywords are its flags, its
choices come from the enums and the export writers, and every command and flag is documented."""
from __future__ import annotations

import argparse
import inspect
import json
import re
from pathlib import Path

import pytest

from sideline import api
from sideline.cli import PRESENTATION, build_parser, main
from sideline.commands import CALLS
from sideline.export.writers import WRITERS
from sideline.query import EventFilter
from sideline.records import EventType, Status
from sideline.store.database import Store

from ._store_data import batch

ROOT = Path(__file__).resolve().parents[1]
#: keywords that have no flag: objects and callbacks a command line cannot pass
PYTHON_ONLY = {"extract": {"pipeline", "on_result", "link_events"}, "dates": {"on_reject"}}


def _commands() -> dict[str, argparse.ArgumentParser]:
    ap = build_parser()
    sub = next(a for a in ap._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _options(p: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """dest -> action of every argument but --help and the presentation-only flags."""
    return {a.dest: a for a in p._actions if a.dest != "help" and a.dest not in PRESENTATION}


def _keywords(fn) -> dict[str, inspect.Parameter]:
    return {n: p for n, p in inspect.signature(fn).parameters.items() if n != "self"}


def test_every_command_calls_the_api():
    assert set(CALLS) == set(_commands()) - {"demo"}
    assert CALLS["events"] is api.LedgerDB.events and CALLS["eval"] is api.LedgerDB.score


def test_flag_names_equal_the_keywords_of_the_api_call():
    for name, p in _commands().items():
        options = _options(p)
        fn = CALLS.get(name, api.extract)  # demo: extract (then events, unfiltered)
        keywords = _keywords(fn)
        if fn.__qualname__.startswith("LedgerDB."):  # --db is the argument of sideline.open
            assert options.pop("db").default == _keywords(api.open)["db"].default, name
        if name == "demo":
            assert set(options) == {"db"}, options
            continue
        assert set(options) == set(keywords) - PYTHON_ONLY.get(name, set()), name
        for dest, act in options.items():
            if act.option_strings:  # --with sets with_, --n-process sets n_process
                assert "--" + dest.rstrip("_").replace("_", "-") in act.option_strings, (name, dest)
            default = keywords[dest].default
            if default is not inspect.Parameter.empty and act.default is not None:
                assert act.default == default, (name, dest, act.default, default)


def test_the_events_flags_are_the_filters():
    options = _options(_commands()["events"])
    filters = [f for f in inspect.signature(api.LedgerDB.events).parameters if f not in ("self", "limit")]
    assert filters == [f.name for f in EventFilter.__dataclass_fields__.values()]
    assert set(options) == {"db", "limit", *filters}


def test_choices_come_from_the_enums_and_the_writers():
    cmds = _commands()
    events, export = _options(cmds["events"]), _options(cmds["export"])
    assert events["status"].choices == [s.value for s in Status] and "denied" in events["status"].choices
    assert events["type"].choices == [t.value for t in EventType] and "phone_call" in events["type"].choices
    assert list(export["format"].choices) == list(WRITERS) and "cameo" in export["format"].choices


def _usage(readme: str, command: str) -> str:
    m = re.search(rf"^- `sideline {command}\b([^`]*)`", readme, re.M)  # its line in "Commands"
    assert m, f"command not documented in README.md: {command}"
    return m.group(1)


def test_every_command_and_flag_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for name, p in _commands().items():
        usage = _usage(readme, name)
        for act in p._actions:
            if act.option_strings and act.dest != "help" and not any(
                    re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", usage) for o in act.option_strings):
                missing.append(f"{name} {'/'.join(act.option_strings)}")
    assert not missing, f"flags not documented in README.md: {missing}"


def test_the_readme_shows_the_python_api_beside_the_cli():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'sideline.open("ledger.duckdb").events(actor="Lavrov")' in readme
    python = readme[readme.index("### Python"):]
    for method in ("events", "event", "story", "actors", "rejects", "export", "score"):
        assert f".{method}(" in python, method
    assert "sideline.dates(" in python


def test_the_readme_opens_with_the_two_commands():
    lines = [ln.strip() for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()]
    block = lines[lines.index("```") + 1: lines.index("```") + 3]
    assert block == ["make demo", "make test"]


# -- the read commands print what the API returns ---------------------------------------------------
@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "ledger.duckdb"
    with Store(path) as store:
        for k in range(2):
            store.write_batch(batch(k), "run-1")
        api.link(store)
    return str(path)


def _lines(capsys) -> list[dict]:
    return [json.loads(x) for x in capsys.readouterr().out.splitlines()]


def test_events_json_is_the_api_answer(db, capsys):
    assert main(["events", "--db", db, "--actor", "Lavrov", "--status", "planned", "--json"]) == 0
    rows = _lines(capsys)
    with api.open(db) as ledger:
        expected = ledger.events(actor="Lavrov", status="planned")
    assert len(rows) == len(expected) == 9  # articles 0-9 but the rejected a-0003
    assert [r["mention_id"] for r in rows] == [e.mention_id for e in expected]


def test_event_story_actors_rejects(db, capsys):
    with api.open(db) as ledger:
        first = ledger.events(type="meet", status="occurred")[0]
    assert main(["event", first.mention_id, "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["event_id"] == first.event_id and len(shown["claims"]) == shown["event"]["n_mentions"] == 9
    assert main(["event", "ev-nothing", "--db", db]) == 1
    assert "no event or mention with id ev-nothing" in capsys.readouterr().err
    assert main(["story", "Guterres", "Lavrov", "--db", db, "--json"]) == 0
    assert [s["event_id"] for s in _lines(capsys)] == [first.event_id]
    assert main(["actors", "wang", "--db", db, "--json"]) == 0
    assert [a["name"] for a in _lines(capsys)] == ["Wang Yi"]
    assert main(["rejects", "--db", db, "--json"]) == 0
    out = capsys.readouterr()
    assert [r["code"] for r in map(json.loads, out.out.splitlines())] == ["E104"]
    assert "1 rejected inputs" in out.err


def test_a_bad_ledger_is_a_coded_error_not_a_traceback(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "[E202]" in capsys.readouterr().err
