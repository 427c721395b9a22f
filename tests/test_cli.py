"""The command line mirrors the API, and every command is documented."""
from __future__ import annotations

import re
from pathlib import Path

from sideline.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    ap = build_parser()
    sub = next(a for a in ap._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if not re.search(rf"`sideline {c}\b", readme)]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_flag_names_equal_python_keywords():
    ap = build_parser()
    sub = next(a for a in ap._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        for act in p._actions:
            longs = [o for o in act.option_strings if o.startswith("--")]
            for opt in longs:
                if opt in ("--help", "--no-progress"):
                    continue
                expected = opt[2:].replace("-", "_")
                assert act.dest in (expected, expected + "_"), (name, opt, act.dest)


def test_the_readme_opens_with_the_two_commands():
    lines = [ln.strip() for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()]
    block = lines[lines.index("```") + 1: lines.index("```") + 3]
    assert block == ["make demo", "make test"]
