"""What adding articles to a big ledger costs, as users run it (issue 14).

    .venv/bin/python bench/incremental.py                        # ledgers of 10k and 100k mentions
    .venv/bin/python bench/incremental.py --sizes 1000000        # 1M (built once, then kept)
    .venv/bin/python bench/incremental.py --sizes --dev2-check   # 49 dev2 articles: empty vs 20k articles
    .venv/bin/python bench/incremental.py --sizes --five-runs    # dev+dev2+dev3 in 5 shuffled runs vs 1

**The synthetic ledgers.** A template ledger is extracted from a real set by the CLI
(``--template``, ../shared/eval/dev2 by default: 49 articles, 169 mentions, 149 learned roles).
A ledger of N mentions holds ceil(N / template mentions) copies of it. Each copy gets its own
tag (four consonants): every participant's name has the tag appended to each word ("Sergey
Lavrov" -> "Sergeybcfg Lavrovbcfg", case kept, so surnames and acronyms stay surnames and
acronyms and no two copies share a participant), the articles and roles it taught are renamed
the same way, and all its dates (publication, claims, learned roles) move back by a whole
number of years drawn uniformly from 0-19 (whole years keep every date form exact: days,
months, weeks, seasons). Article and mention ids are new per copy; texts, places and
evidence stay. Copies go into the store through ``Store.write_batch`` (5,000 articles a
transaction) and are linked by the link step every ``--link-every`` mentions, so the ledger
is built the way it grows; the ledger file is kept in ``--work`` and reused.

**The measurement.** The new articles (the first ``--new`` of ``--add``: ../shared/eval/dev3
by default) are extracted into a copy of each ledger by ``sideline extract`` in its own
process, as users run it: wall seconds, CPU seconds (user + system) and peak resident memory
of that process (``wait4``). Then the same articles' results are written into another copy
and only the link step is timed ("link"). The empty ledger comes first. Ledgers are built and
the link step timed in child processes, so that this one stays small: Linux counts the memory
a process had when it forked in its child's peak.
The load of the machine (``uptime``) is printed before and after.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sideline.records import Result  # noqa: E402
from sideline.store.database import Store  # noqa: E402
from sideline.store.relink import relink  # noqa: E402

EVAL = next((p for p in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
             if p.exists()), ROOT.parent / "shared" / "eval")
SIDELINE = Path(sys.executable).parent / "sideline"
LETTERS = "bcfgjlmnpqrstvwxz"  # no vowel, no h, k, d or y: a tag never makes a spelling fold
YEARS = 20
_YEAR = re.compile(r"^(\d{4})")


# -- running the CLI -----------------------------------------------------------------------------
def timed(cmd: list[str]) -> dict:
    """Run ``cmd``; wall and CPU seconds and peak RSS (MB) of that process alone."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "lines": out.strip().splitlines()}


def extract(inputs: list[Path], db: Path) -> dict:
    return timed([str(SIDELINE), "extract", *map(str, inputs), "--db", str(db)])


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


# -- the template and its copies -----------------------------------------------------------------
def template(articles: Path, work: Path) -> Path:
    """The ledger a real set gives (extracted by the CLI once)."""
    db = work / f"template-{articles.parent.name}.duckdb"
    if not db.exists():
        extract([articles], db)
    return db


def read_results(db: Path) -> list[Result]:
    with Store(db, read_only=True) as store:
        events: dict[str, list] = {}
        for ev in store.events(raw=True):
            events.setdefault(ev.article, []).append(ev)
        learned: dict[str, list] = {}
        for name, role, place, seen_on, article in store.learned_roles():
            learned.setdefault(article, []).append((name, role, place or None, seen_on))
        return [Result(article=a, events=tuple(events.get(a.id, ())), learned=tuple(learned.get(a.id, ())))
                for a in store.articles()]


def tag_of(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, len(LETTERS))
        out += LETTERS[r]
    return out


def rename(name: str | None, tag: str) -> str | None:
    if not name:
        return name
    return " ".join(w + (tag.upper() if w.isupper() else tag) for w in name.split())


def back(value, years: int):
    """A date, or the year of a TIMEX3-style value, ``years`` earlier (29 February -> 28)."""
    if value is None or not years:
        return value
    if isinstance(value, date):
        return value.replace(year=value.year - years, day=min(value.day, 28) if value.month == 2 else value.day)
    m = _YEAR.match(value)
    if not m:
        return value
    out = f"{int(m[1]) - years:04d}" + value[4:]
    return out.replace("-02-29", "-02-28")


def copy(results: list[Result], n: int, years: int) -> list[Result]:
    """Copy ``n`` of the template: renamed participants, new ids, dates ``years`` earlier."""
    tag = tag_of(n)
    out = []
    for r in results:
        a = r.article
        aid = f"{a.id}~{tag}"
        events = tuple(replace(e, article=aid, stored_id=None, event_id=None,
                               actors=tuple(replace(x, name=rename(x.name, tag)) for x in e.actors),
                               when=e.when and replace(e.when, value=back(e.when.value, years),
                                                       end_value=back(e.when.end_value, years)))
                       for e in r.events)
        learned = tuple((rename(name, tag), role, place, back(seen, years)) for name, role, place, seen in r.learned)
        out.append(Result(article=replace(a, id=aid, published=back(a.published, years), origin=f"copy {n}"),
                          events=events, learned=learned))
    return out


def build(tpl: list[Result], size: int, db: Path, link_every: int, seed: int = 14) -> dict:
    """A ledger of at least ``size`` mentions made of copies of ``tpl`` (see the module doc)."""
    per_copy = sum(len(r.events) for r in tpl)
    n_copies = math.ceil(size / per_copy)
    rng = random.Random(seed)
    started, link_s, pending, batch = time.perf_counter(), [], 0, []
    with Store(db) as store:
        for n in range(n_copies):
            batch += copy(tpl, n, rng.randrange(YEARS))
            pending += per_copy
            due = pending >= link_every or n == n_copies - 1
            if len(batch) >= 5000 or due:
                store.write_batch(batch)
                batch = []
            if due:
                t = time.perf_counter()
                relink(store)
                link_s.append(time.perf_counter() - t)
                pending = 0
        counts = store.counts()
    return {"copies": n_copies, "build_s": time.perf_counter() - started, "links": len(link_s),
            "first_link_s": link_s[0], "last_link_s": link_s[-1], **counts}


# -- measuring -----------------------------------------------------------------------------------
def measure(ledger: Path | None, new_db: Path, new: Path, work: Path) -> dict:
    """Add ``new`` to a copy of ``ledger`` (None: an empty ledger) by the CLI; then time the
    link step alone on another copy, adding the results stored in ``new_db``, in a child."""
    trial, trial_link = work / "trial.duckdb", work / "trial-link.duckdb"
    for db in (trial, trial_link):
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        if ledger is not None:
            shutil.copy(ledger, db)
    figures = extract([new], trial)
    figures["link"] = json.loads(child("--link-only", trial_link, new_db)["lines"][-1])["link"]
    return figures


def child(*args) -> dict:
    """This script in a new process (every measured process starts small: Linux counts the
    memory a process had when it forked in its child's peak)."""
    return timed([sys.executable, __file__, *map(str, args)])


def link_only(ledger: Path, new_db: Path) -> None:
    results = read_results(new_db)
    with Store(ledger) as store:
        store.write_batch(results)
        t = time.perf_counter()
        relink(store)
        print(json.dumps({"link": time.perf_counter() - t}))


def first(path: Path, n: int, out: Path) -> Path:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:n]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def row(label: str, f: dict, extra: str = "") -> None:
    print(f"{label:<36} {f['wall']:7.1f} s wall {f['cpu']:7.1f} s CPU {f['rss_mb']:7.0f} MB peak"
          f"   link {f['link']:6.2f} s  {extra}", flush=True)


def sizes(args, work: Path) -> None:
    tpl_db = template(Path(args.template), work)
    print(f"template: {args.template}: {describe(tpl_db)}", flush=True)
    new = first(Path(args.add), args.new, work / "new.jsonl")
    new_db = stored(new, work / "new.duckdb")
    print(f"adding {describe(new_db)} of {args.add}")
    row("empty ledger", measure(None, new_db, new, work))
    for size in args.sizes:
        db = work / f"ledger-{Path(args.template).parent.name}-{size}.duckdb"
        built(tpl_db, size, db, args)
        with Store(db, read_only=True) as store:
            n = store.counts()["mentions"]
        row(f"ledger of {n:,} mentions", measure(db, new_db, new, work))


def built(tpl_db: Path, size: int, db: Path, args) -> None:
    """Build the ledger ``db`` of ``size`` mentions in a child, unless it is there."""
    if db.exists() and not args.rebuild:
        return
    db.unlink(missing_ok=True)
    run = child("--build", tpl_db, size, db, args.link_every)
    b = json.loads(run["lines"][-1])
    print(f"  built {db.name}: {b['mentions']:,} mentions, {b['articles']:,} articles, {b['events']:,} "
          f"events, {b['copies']} copies in {b['build_s']:.0f} s ({b['links']} link steps: first "
          f"{b['first_link_s']:.1f} s, last {b['last_link_s']:.1f} s, peak {run['rss_mb']:,.0f} MB); "
          f"{db.stat().st_size / 2**20:,.0f} MB on disk",
          flush=True)


def describe(db: Path) -> str:
    with Store(db, read_only=True) as store:
        c = store.counts()
        n_learned = len(store.learned_roles())
    return f"{c['articles']} articles, {c['mentions']} mentions, {n_learned} learned roles"


def stored(articles: Path, db: Path) -> Path:
    """``articles`` extracted by the CLI into a fresh ``db``."""
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    extract([articles], db)
    return db


def dev2_check(args, work: Path) -> bool:
    """The 49 dev2 articles into an empty ledger and into one of 20,000 articles (copies of
    dev + dev3, whose articles dev2 does not hold); the ratio of the medians of ``--repeat``."""
    both = work / "dev-dev3.jsonl"
    both.write_text("".join((EVAL / s / "articles.jsonl").read_text(encoding="utf-8") for s in ("dev", "dev3")),
                    encoding="utf-8")
    tpl_db = template(both, work)
    with Store(tpl_db, read_only=True) as store:
        t = store.counts()
    db = work / "ledger-20k-articles.duckdb"
    built(tpl_db, math.ceil(20_000 / t["articles"]) * t["mentions"], db, args)
    with Store(db, read_only=True) as store:
        c = store.counts()
    dev2 = EVAL / "dev2" / "articles.jsonl"
    new_db = stored(dev2, work / "dev2.duckdb")
    runs = {"empty": [], "20k": []}
    for _ in range(args.repeat):
        runs["empty"].append(measure(None, new_db, dev2, work))
        runs["20k"].append(measure(db, new_db, dev2, work))
    for label, key in (("empty ledger", "empty"), (f"{c['articles']:,} articles / {c['mentions']:,} mentions", "20k")):
        for f in runs[key]:
            row(label, f)
    mid = {k: sorted(f["wall"] for f in v)[len(v) // 2] for k, v in runs.items()}
    cpu = {k: sorted(f["cpu"] for f in v)[len(v) // 2] for k, v in runs.items()}
    ratio = mid["20k"] / mid["empty"]
    print(f"49 dev2 articles: median wall {mid['empty']:.1f} s into an empty ledger, {mid['20k']:.1f} s into "
          f"the 20k-article one: {ratio:.2f}x (CPU {cpu['20k'] / cpu['empty']:.2f}x; target at most 1.3x)")
    return ratio <= 1.3


def five_runs(work: Path) -> bool:
    """dev + dev2 + dev3 by the CLI in one run, and shuffled into five runs: every export equal."""
    lines = [ln for s in ("dev", "dev2", "dev3")
             for ln in (EVAL / s / "articles.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    out = {}
    for name, parts in (("one", [lines]), ("five", _five(lines))):
        db = work / f"{name}.duckdb"
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        for k, part in enumerate(parts):
            f = work / f"{name}-{k}.jsonl"
            f.write_text("\n".join(part) + "\n", encoding="utf-8")
            extract([f], db)
        out[name] = {}
        for fmt in ("jsonl", "csv", "parquet", "plover", "cameo"):
            target = work / f"{name}.{fmt}"
            timed([str(SIDELINE), "export", "--db", str(db), "--format", fmt, "-o", str(target)])
        out[name] = {p.name.split(".", 1)[1]: p.read_bytes() for p in work.glob(f"{name}.*")
                     if not p.name.endswith(("duckdb", "wal"))}
        out[name]["cameo"] = _without_dateadded(out[name]["cameo"])
    same = out["one"] == out["five"] and len(out["one"]) == 7
    sizes_ = [len(p) for p in _five(lines)]
    print(f"dev + dev2 + dev3 ({len(lines)} articles) in five shuffled runs of {sizes_} articles: "
          + ("every export (" + ", ".join(sorted(out["one"])) + ") identical to one run (cameo: but DATEADDED)" if same else
             "DIFFERENT: " + ", ".join(k for k in out["one"] if out["one"][k] != out["five"].get(k))))
    return same


def _without_dateadded(rows: bytes) -> bytes:
    """GDELT rows without DATEADDED (column 60: when a run stored the event, the one cell that
    runs may change)."""
    return b"\n".join(b"\t".join(c[:59] + c[60:]) for c in (line.split(b"\t") for line in rows.splitlines()))


def _five(lines: list[str]) -> list[list[str]]:
    shuffled = lines[:]
    random.Random(14).shuffle(shuffled)
    cuts = sorted(random.Random(15).sample(range(1, len(shuffled)), 4))
    return [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000], help="ledger sizes in mentions")
    ap.add_argument("--template", default=str(EVAL / "dev2" / "articles.jsonl"))
    ap.add_argument("--add", default=str(EVAL / "dev3" / "articles.jsonl"))
    ap.add_argument("--new", type=int, default=20, help="articles to add")
    ap.add_argument("--work", default="/tmp/sideline-incremental")
    ap.add_argument("--link-every", type=int, default=25_000, help="link while building, every N mentions")
    ap.add_argument("--rebuild", action="store_true", help="build the ledgers again")
    ap.add_argument("--dev2-check", action="store_true")
    ap.add_argument("--five-runs", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the dev2 check")
    ap.add_argument("--build", nargs=4, metavar=("TEMPLATE_DB", "SIZE", "DB", "LINK_EVERY"), help=argparse.SUPPRESS)
    ap.add_argument("--link-only", nargs=2, metavar=("LEDGER", "NEW_DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.build:  # the children (see ``child``)
        tpl_db, size, db, every = args.build
        print(json.dumps(build(read_results(Path(tpl_db)), int(size), Path(db), int(every))))
        return 0
    if args.link_only:
        link_only(Path(args.link_only[0]), Path(args.link_only[1]))
        return 0
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print("load:", uptime(), flush=True)
    ok = True
    if args.sizes:
        sizes(args, work)
    if args.dev2_check:
        ok &= dev2_check(args, work)
    if args.five_runs:
        ok &= five_runs(work)
    print("load:", uptime())
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
