"""The ledger on the seed articles: one would-be meeting across reports, order-free grouping.

Extracts ../shared/eval/dev/articles.jsonl into a ledger twice, once in file order and once
reversed, prints the Lavrov-Blinken story (events in date order, each with its claims in
publication order) and checks that both orders give the same grouping and the same ids.

    .venv/bin/python bench/story.py [--articles PATH] [--a Lavrov] [--b Blinken]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sideline  # noqa: E402
from sideline import query  # noqa: E402
from sideline.store.database import Store  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def grouping(db: Path) -> dict[str, frozenset[str]]:
    with Store(db, read_only=True) as store:
        groups: dict[str, set[str]] = {}
        for ev in store.events():
            groups.setdefault(ev.event_id, set()).add(ev.mention_id)
    return {k: frozenset(v) for k, v in groups.items()}


def run(lines: list[str], workdir: Path, name: str) -> Path:
    src = workdir / f"{name}.jsonl"
    src.write_text("".join(lines), encoding="utf-8")
    db = workdir / f"{name}.duckdb"
    sideline.extract([str(src)], db=db)
    return db


def show_story(db: Path, a: str, b: str) -> None:
    with Store(db, read_only=True) as store:
        published = store.published_dates()
        for event_id, claims in query.story(store, a, b):
            print(f"{event_id}  ({len(claims)} claims, {len({c.article for c in claims})} articles)")
            for c in claims:
                where = c.where.name if c.where else None
                who = c.attributed_to.name if c.attributed_to else "-"
                print(f"    {published.get(c.article)} {c.article:9s} {c.type.value:12s} {c.status.value:10s} "
                      f"date={c.when.value if c.when else None} place={where} per={who}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(DEV))
    ap.add_argument("--a", default="Lavrov")
    ap.add_argument("--b", default="Blinken")
    args = ap.parse_args(argv)
    lines = [ln if ln.endswith("\n") else ln + "\n" for ln in Path(args.articles).read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        fwd, rev = run(lines, Path(tmp), "forward"), run(lines[::-1], Path(tmp), "reversed")
        show_story(fwd, args.a, args.b)
        same = grouping(fwd) == grouping(rev)
        print(json.dumps({"events": len(grouping(fwd)), "same_grouping_and_ids_reversed": same}))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
