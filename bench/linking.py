"""Benchmark the ledger's event linking on synthetic mentions.

    .venv/bin/python bench/linking.py                 # 100k, 300k, 1M, one fresh process each
    .venv/bin/python bench/linking.py --n 100000      # one size, in this process
    .venv/bin/python bench/linking.py --sizes 10000 30000

The mentions are made to look like the real thing: a pool of actors with a heavy-tailed
(Zipf) frequency, so a few dyads have thousands of mentions; meetings, talks, visits,
calls, hosts and multilateral meetings; 10 years of dates at mixed granularity (day, month,
year, none); places from a pool; planned, proposed and refused claims before the event,
reports after it; and several articles per event with date noise (the day before or after).
Prints, per size: seconds to generate, to link (``Ledger.add``; wall and CPU time, CPU
per mention, which a busy machine disturbs less), to build the events
(``Ledger.events``), the number of events, and the peak resident memory (ru_maxrss).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sideline.ledger.ledger import Ledger  # noqa: E402
from sideline.records import Actor, Evidence, Event, EventType, Status, When, Where, Granularity  # noqa: E402

N_ACTORS = 2000
N_PLACES = 300
START = date(2015, 1, 1).toordinal()
DAYS = 3650
TYPES = [EventType.MEET, EventType.TALKS, EventType.VISIT, EventType.PHONE_CALL,
         EventType.MULTILATERAL, EventType.HOST]
TYPE_P = [0.45, 0.1, 0.15, 0.15, 0.1, 0.05]
COUNTRIES = ["RUS", "USA", "CHN", "IND", "FRA", "DEU", "GBR", "TUR", "IRN", "BRA", "ZAF", "JPN",
             "SAU", "EGY", "KAZ", "UKR", "POL", "ITA", "ESP", "IDN"]
TEMPLATES = [
    "{a} held talks with {b} in {p} on {d}, the ministry said.",
    "{a} and {b} met on the sidelines of the summit in {p}.",
    "{b} received {a}; the two discussed bilateral cooperation and regional security.",
    "According to officials, {a} is expected to meet {b} in {p} next week.",
    "{a} said there were no plans to meet {b} during the visit to {p}.",
]


def pools(rng: np.random.Generator) -> tuple[list[Actor], list[Where], np.ndarray]:
    actors = []
    for i in range(N_ACTORS):
        country = COUNTRIES[i % len(COUNTRIES)]
        actors.append(Actor(f"Actor {i:04d} {country.title()}", f"Minister {i}", "Foreign Minister",
                            country, f"{country}GOV"))
    places = [Where(f"City {j:03d}", COUNTRIES[j % len(COUNTRIES)], float(j % 90), float(j % 180))
              for j in range(N_PLACES)]
    weights = 1.0 / np.arange(1, N_ACTORS + 1) ** 1.1
    return actors, places, weights / weights.sum()


def _when(rng: np.random.Generator, day: int) -> When | None:
    r = rng.random()
    d = date.fromordinal(day + (int(rng.integers(-1, 2)) if rng.random() < 0.15 else 0))
    if r < 0.6:
        return When(d.isoformat(), Granularity.DAY)
    if r < 0.8:
        return When(d.strftime("%Y-%m"), Granularity.MONTH)
    if r < 0.85:
        return When(str(d.year), Granularity.YEAR)
    return None


def generate(n: int, seed: int = 0) -> tuple[list[Event], dict[str, date], list[int]]:
    """``n`` mentions of about ``n / 2.2`` engagements, their articles' publication dates,
    and for each mention the engagement it speaks of (the truth linking should recover)."""
    rng = np.random.default_rng(seed)
    actors, places, weights = pools(rng)
    mentions: list[Event] = []
    truth: list[int] = []
    published: dict[str, date] = {}
    n_events = int(n / 2.2) + 1
    firsts = rng.choice(N_ACTORS, size=n_events, p=weights)
    seconds = rng.choice(N_ACTORS, size=n_events, p=weights)
    types = rng.choice(len(TYPES), size=n_events, p=TYPE_P)
    days = START + rng.integers(0, DAYS, size=n_events)
    n_reports = np.minimum(rng.geometric(0.45, size=n_events), 12)
    art = 0
    for k in range(n_events):
        if len(mentions) >= n:
            break
        a, b = actors[firsts[k]], actors[seconds[k] if seconds[k] != firsts[k] else (firsts[k] + 1) % N_ACTORS]
        etype, day = TYPES[types[k]], int(days[k])
        place = places[int(rng.integers(N_PLACES))] if rng.random() < 0.7 else None
        for _ in range(int(n_reports[k])):
            before = rng.random() < 0.2
            status = (Status(rng.choice(["planned", "proposed", "ruled_out"])) if before else Status.OCCURRED)
            pub = date.fromordinal(day - int(rng.integers(1, 20)) if before else day + int(rng.integers(0, 4)))
            art += 1
            article = f"art-{art:08d}"
            published[article] = pub
            text = TEMPLATES[int(rng.integers(len(TEMPLATES)))].format(
                a=a.mention, b=b.mention, p=place.name if place else "the capital", d=pub.isoformat())
            where = place if place is not None and rng.random() < 0.8 else None
            mentions.append(Event(article=article, type=etype, status=status, actors=(a, b),
                                  evidence=Evidence(text, 0, len(text)), when=_when(rng, day),
                                  where=where))
            truth.append(k)
    return mentions[:n], published, truth[:n]


def b_cubed(assigned: list[str], truth: list[int]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against the true engagements."""
    both = Counter(zip(assigned, truth))
    by_cluster, by_truth = Counter(assigned), Counter(truth)
    precision = sum(c * c / by_cluster[a] for (a, _), c in both.items()) / len(truth)
    recall = sum(c * c / by_truth[t] for (_, t), c in both.items()) / len(truth)
    return precision, recall


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run(n: int) -> dict[str, float]:
    t0 = time.perf_counter()
    mentions, published, truth = generate(n)
    t1, c1 = time.perf_counter(), time.process_time()
    ledger = Ledger()
    ledger.add(mentions, published)
    t2, c2 = time.perf_counter(), time.process_time()
    n_events = len(ledger.events())
    t3 = time.perf_counter()
    assignments = ledger.assignments()
    precision, recall = b_cubed([assignments[m.mention_id] for m in mentions], truth)
    return {"n": n, "generate_s": t1 - t0, "link_s": t2 - t1, "link_cpu_s": c2 - c1, "events_s": t3 - t2,
            "events": n_events, "true_events": len(set(truth)), "precision": precision,
            "recall": recall, "peak_mb": peak_mb()}


def row(r: dict[str, float]) -> str:
    per = 1e6 * r["link_cpu_s"] / r["n"]
    return (f"{int(r['n']):>9,}  generate {r['generate_s']:7.1f}s  link {r['link_s']:7.1f}s "
            f"(cpu {r['link_cpu_s']:6.1f}s, {per:5.1f} us/mention)  events {r['events_s']:6.1f}s  -> {int(r['events']):>9,} events "
            f"(true {int(r['true_events']):,}; B3 P {r['precision']:.3f} R {r['recall']:.3f})  "
            f"peak {r['peak_mb']:7.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="run one size in this process")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 300_000, 1_000_000])
    args = parser.parse_args()
    if args.n:
        print(row(run(args.n)), flush=True)
        return
    for n in args.sizes:  # a fresh process per size, so ru_maxrss is that size's peak
        subprocess.run([sys.executable, __file__, "--n", str(n)], check=True)


if __name__ == "__main__":
    main()
