"""docs/CODEBOOK.md documents every exported field: a column an export writes and the codebook
does not describe fails here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sideline.aggregate import KEYS
from sideline.export.formats import PLOVER_SCHEMA
from sideline.export.gdelt import GDELT_COLUMNS
from sideline.export.tables import EVENT_COLUMNS, MENTION_COLUMNS, PARTICIPANT, flat_columns

CODEBOOK = Path(__file__).resolve().parents[1] / "docs" / "CODEBOOK.md"
FORMAT_KEYS = ["article", "event_id", "type", "plover", "mode", "status", "actors", "date", "date_granularity",
               "date_text", "location", "attributed_to", "evidence", "confidence", "mention_id"]


def documented(section: str) -> set[str]:
    """The names in the first column of the tables of a ``## section`` of the codebook."""
    text = CODEBOOK.read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f"no section '## {section}' in docs/CODEBOOK.md"
    return set(re.findall(r"^\| `([^`]+)` \|", m.group(1), re.M))


def missing(section: str, names) -> list[str]:
    return [n for n in names if n not in documented(section)]


def _jsonl_fields() -> list[str]:
    from ._export_data import results
    from sideline.export.view import ArticleRef, mention_line

    out: list[str] = []
    for r in results():
        for ev in r.events:
            line = mention_line(ev, ArticleRef(r.article.id))
            out += list(line) + [f"{k}.{kk}" for k, v in line.items() if isinstance(v, dict) for kk in v]
            out += [f"actors.{k}" for a in line["actors"] for k in a]
    return list(dict.fromkeys(out))


def _tables(columns) -> list[str]:
    struct = [f"participants.{PARTICIPANT.field(i).name}" for i in range(PARTICIPANT.num_fields)]
    return list(dict.fromkeys([c for c, _ in columns] + flat_columns(columns) + struct))


def _plover_fields() -> list[str]:
    props = PLOVER_SCHEMA["properties"]
    out = list(props)
    for name in ("eventLoc", "textInfo", "citeInfo"):
        spec = props[name]
        obj = next((s for s in spec.get("oneOf", [spec]) if s.get("type") == "object"), spec)
        out += [f"{name}.{k}" for k in obj["properties"]]
    return out + [f"entity.{k}" for k in PLOVER_SCHEMA["$defs"]["entity"]["properties"]]


@pytest.mark.parametrize("section, names", [
    ("jsonl", _jsonl_fields), ("The mention table", lambda: _tables(MENTION_COLUMNS)),
    ("The event table", lambda: _tables(EVENT_COLUMNS)), ("plover", _plover_fields),
    ("cameo", lambda: list(GDELT_COLUMNS)), ("counts", lambda: [*KEYS, "events", "mentions"]),
])
def test_every_exported_column_is_in_the_codebook(section, names):
    wanted = names()
    assert wanted and missing(section, ["no_such_column", wanted[0]]) == ["no_such_column"]
    assert missing(section, wanted) == []


def test_the_jsonl_fields_are_the_format_fields_first():
    fields = _jsonl_fields()
    assert fields[:15] == FORMAT_KEYS and "evidence.clean" in fields and "url" in fields


def test_the_codebook_has_the_worked_example():
    text = CODEBOOK.read_text(encoding="utf-8")
    assert "## Worked example: Lavrov and Blinken, New York, April 2023" in text
    assert "ev-8ac1728f8dd77635" in text and "20230401" in text
