"""What the exports of the development sets show a researcher: provenance, participants, dates,
PLOVER validity, parquet types, and counts (issue 13).

usage: python bench/exports.py [--eval-dir ../shared/eval] [--sets dev,dev2,dev3] [--out DIR]

For each set: ``sideline extract`` into a fresh ledger (unless ``--out`` already holds
``<set>.duckdb``) and ``sideline export`` in every format, each a process of its own, then:

* provenance: claims and GDELT rows of articles that have a url, and how many carry it;
* GDELT rows: how many, and events whose rows lose a participant (should be 0);
* dates: rows of events dated to the day or month without SQLDATE (should be 0), and how
  the other rows are dated (codebook rule);
* PLOVER: records that fail ``data/plover.schema.json`` (jsonschema; should be 0);
* parquet: the event table's column types as DuckDB reads them (DATE, LIST);
* counts: ``sideline counts --by month`` against ``sideline.open(db).counts(by=["month"])``.

The evaluation data is read at run time; none of it is in the repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

import sideline  # noqa: E402
from sideline.export.formats import PLOVER_SCHEMA, cameo_rows  # noqa: E402
from sideline.export.gdelt import GDELT_COLUMNS  # noqa: E402
from sideline.export.view import read_view  # noqa: E402
from sideline.store.database import Store  # noqa: E402

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")


def _cli(*args: str) -> str:
    exe = Path(sys.executable).with_name("sideline")
    return subprocess.run([str(exe), *args], check=True, capture_output=True, text=True).stdout


def _run(eval_dir: Path, name: str, out: Path) -> Path:
    db = out / f"{name}.duckdb"
    if not db.exists():
        _cli("extract", str(eval_dir / name / "articles.jsonl"), "--db", str(db), "--no-progress")
    for fmt in FORMATS:
        _cli("export", "--db", str(db), "--format", fmt, "-o", str(out / f"{name}.{fmt}"))
    return db


def _rows(view) -> list[tuple]:
    """(event, its GDELT rows as dicts) for every event."""
    return [(e, [dict(zip(GDELT_COLUMNS, r)) for r in cameo_rows(e, view)]) for e in view.events]


def check(eval_dir: Path, name: str, out: Path) -> dict:
    db = _run(eval_dir, name, out)
    urls = {a["id"]: a.get("url") for a in map(json.loads, (eval_dir / name / "articles.jsonl").open())}
    lines = [json.loads(x) for x in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    with Store(db, read_only=True) as store:
        events = _rows(read_view(store))
    rows = [r for _, rs in events for r in rs]
    lost = [e.event_id for e, rs in events
            if {a.name.upper() for a in e.participants} != {r[k] for r in rs for k in ("Actor1Name", "Actor2Name")} - {""}]
    fine = [r for e, rs in events if e.granularity and e.granularity.value in ("time", "day", "week", "month")
            for r in rs]
    with_url = [r for e, rs in events if any(urls.get(a) for a in e.articles) for r in rs]
    validator = Draft202012Validator(PLOVER_SCHEMA)
    plover = [json.loads(x) for x in (out / f"{name}.plover").read_text(encoding="utf-8").splitlines()]
    return {
        "articles": len(urls), "articles with url": sum(1 for u in urls.values() if u),
        "claims": len(lines), "claims of an article with url": sum(1 for d in lines if urls.get(d["article"])),
        "... carrying it": sum(1 for d in lines if urls.get(d["article"]) and d["url"]),
        "events": len(events), "GDELT rows": len(rows),
        "events whose rows lose a participant": len(lost),
        "GDELT rows of an event with a url": len(with_url), "... with SOURCEURL": sum(1 for r in with_url if r["SOURCEURL"]),
        "rows of day/week/month events": len(fine), "... without SQLDATE": sum(1 for r in fine if not r["SQLDATE"]),
        "event granularity": dict(Counter((e.granularity.value if e.granularity else "none") for e, _ in events)),
        "PLOVER records": len(plover), "... failing the schema": sum(1 for p in plover if not validator.is_valid(p)),
    }


def parquet_types(out: Path, name: str) -> dict[str, str]:
    rows = duckdb.sql(f"describe select * from '{out / (name + '.events.parquet')}'").fetchall()
    return {r[0]: r[1] for r in rows if r[0] in ("participants", "countries", "date_start", "date_end",
                                                   "first_seen", "location_lat", "n_mentions", "articles")}


def counts_agree(out: Path, names: list[str]) -> list[str]:
    report = []
    for name in names:
        db = out / f"{name}.duckdb"
        printed = [json.loads(x) for x in _cli("counts", "--db", str(db), "--by", "month", "--json").splitlines()]
        with sideline.open(db) as ledger:
            api = ledger.counts(by=["month"]).records()
        report.append(f"{name}: sideline counts --by month gives {len(printed)} months, "
                      f"{sum(r['events'] for r in printed)} events; the API {'agrees' if printed == api else 'DIFFERS'}")
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--sets", default="dev,dev2,dev3")
    ap.add_argument("--out", help="where the ledgers and exports go (default: a temporary folder)")
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="sideline-exports-"))
    out.mkdir(parents=True, exist_ok=True)
    names = args.sets.split(",")
    for name in names:
        print(f"== {name}")
        for key, value in check(Path(args.eval_dir), name, out).items():
            print(f"  {key}: {value}")
    print(f"== the parquet event table ({names[0]}): {parquet_types(out, names[0])}")
    for line in counts_agree(out, names):
        print(f"== {line}")
    print(f"(ledgers and exports in {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
