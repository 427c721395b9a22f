"""Incremental linking through the store: any sequence of runs gives the ledger of one run, and a
run reads what its articles can change, not the whole ledger (no model: hand-built records).

The people, places and sentences are invented for these tests.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from sideline.api import link
from sideline.export.writers import events_path, export
from sideline.records import (Actor, Article, Event, EventType, Evidence, Result, Status, When,
                              Where)
from sideline.store.database import Store
from sideline.store.relink import relink

from ._export_data import without_dateadded

KAMAU = Actor("Wanjiru Kamau", "Foreign Minister Wanjiru Kamau", "Foreign Minister", "KEN", "KENGOV", "person")
D_KAMAU = Actor("Daudi Kamau", "Trade Minister Daudi Kamau", "Trade Minister", "KEN", "KENGOV", "person")
MTEMVU = Actor("Halima Mtemvu", "President Halima Mtemvu", "President", "TZA", "TZAGOV", "person")
LIND = Actor("Vera Lindqvast", "Swedish Foreign Minister Vera Lindqvast", "Foreign Minister", "SWE", "SWEGOV",
             "person")
OKORO = Actor("Emeka Okorodu", "Nigerian Foreign Minister Emeka Okorodu", "Foreign Minister", "NGA",
              "NGAGOV", "person")
FULL = (KAMAU, D_KAMAU, MTEMVU, LIND, OKORO)
#: what an article may leave bare: surnames, a surname taken for an organisation, title-only
BARE = (
    Actor("Kamau", "Kamau", None, None, None, "person"),
    Actor("Mtemvu", "Mtemvu", None, None, None, "organisation"),
    Actor("Lindqvast", "Lindqvast", None, None, None, "person"),
    Actor("Okorodu", "Okorodu", None, None, None, "person"),
    Actor("Kenya", "the Kenyan foreign minister", "Foreign Minister", "KEN", "KENGOV", "government"),
    Actor("Nigeria", "the Nigerian foreign minister", "Foreign Minister", "NGA", "NGAGOV", "government"),
    Actor("Sweden", "Stockholm", None, "SWE", "SWE", "country"),
)
PLACES = (None, Where("Nairobi", "KEN", -1.29, 36.82), Where("Arusha", "TZA", -3.37, 36.68),
          Where("Abuja", "NGA", 9.06, 7.49), Where("Kenya", "KEN", 0.0, 38.0))
START = date(2023, 1, 1)


def _event(rng: random.Random, article: str, published: date, k: int) -> Event:
    a, b = rng.sample(FULL + BARE, 2)
    day = published + timedelta(days=rng.randrange(-6, 30))
    when = rng.choice([day.isoformat(), day.isoformat(), day.strftime("%Y-%m"), str(day.year), None])
    text = rng.choice(["{a} met {b}", "{a} held talks with {b}", "{a} will visit {b}"]).format(
        a=a.mention, b=b.mention)
    return Event(article=article, type=rng.choice([EventType.MEET, EventType.TALKS, EventType.VISIT]),
                 status=rng.choice([Status.OCCURRED, Status.PLANNED, Status.RULED_OUT]), actors=(a, b),
                 evidence=Evidence(text, 20 * k, 20 * k + len(text)),
                 when=When(when) if when else None, where=rng.choice(PLACES))


def corpus(seed: int, n: int = 90, days: int = 1100) -> list[Result]:
    """``n`` articles over ``days`` days (longer than the role window): 1-4 claims each, and
    about one in three states a role (a different one now and then)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        aid = f"r{i:03d}"
        published = START + timedelta(days=rng.randrange(days))
        events = tuple(_event(rng, aid, published, k) for k in range(rng.randrange(1, 5)))
        learned = []
        if rng.random() < 0.35:
            who = rng.choice(FULL)
            role = who.role if rng.random() < 0.8 else "Defence Minister"
            learned.append((who.name, role, who.country, published))
        text = " ".join(e.evidence.text.ljust(20) for e in events) + f" ({aid})"
        out.append(Result(article=Article(id=aid, text=text, published=published), events=events,
                          learned=tuple(learned)))
    return out


def revised(r: Result) -> Result:
    """The article with its text changed, its last claim and what it taught gone."""
    a = r.article
    return Result(article=Article(id=a.id, text=a.text + " Updated.", published=a.published),
                  events=r.events[:-1] if len(r.events) > 1 else r.events, learned=())


def exports(db: Path, tmp: Path) -> dict[str, bytes]:
    out = {}
    with Store(db, read_only=True) as store:
        for fmt in ("jsonl", "csv", "plover", "cameo"):
            path = tmp / f"{db.stem}.{fmt}"
            export(store, fmt, path)
            out[fmt] = path.read_bytes()
        out["cameo"] = repr(without_dateadded(out["cameo"])).encode()  # when each run stored the event
        out["csv-events"] = events_path(tmp / f"{db.stem}.csv").read_bytes()
        out["actors"] = repr(list(store.actors())).encode()
    return out


def ledger(db: Path) -> dict[str, tuple]:
    with Store(db, read_only=True) as store:
        return {e.mention_id: (e.event_id, e.actors) for e in store.events()}


def run(db: Path, *batches: list[Result]) -> None:
    for batch in batches:
        with Store(db) as store:
            store.write_batch(batch)
            link(store)


def one_run(db: Path, results: list[Result]) -> None:
    run(db, results)
    with Store(db, read_only=True) as store:
        assert store.counts()["mentions"] > 100


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_runs_in_any_order_and_size_with_replaced_articles_give_the_ledger_of_one_run(tmp_path, seed):
    results = corpus(seed)
    rng = random.Random(seed)
    changed = set(rng.sample(range(len(results)), 30))
    final = [revised(r) if i in changed else r for i, r in enumerate(results)]
    one_run(tmp_path / "one.duckdb", final)
    stream = [r for i, r in enumerate(results) if i in changed] + final  # first versions, then the rest
    head, tail = stream[:30], stream[30:]
    rng.shuffle(tail)
    batches, i = [head], 0
    while i < len(tail):
        step = rng.randrange(1, 25)
        batches.append(tail[i:i + step])
        i += step
    run(tmp_path / "many.duckdb", *batches)
    want = ledger(tmp_path / "one.duckdb")
    assert ledger(tmp_path / "many.duckdb") == want
    linked = [v for v in want.values() if v[1][0].name in ("Wanjiru Kamau", "Emeka Okorodu")
              and v[1][0].mention in ("Kamau", "Okorodu", "the Nigerian foreign minister")]
    assert linked  # the corpus did teach something across articles
    assert len({v[0] for v in want.values()}) < len(want)  # and some claims were linked
    assert exports(tmp_path / "many.duckdb", tmp_path) == exports(tmp_path / "one.duckdb", tmp_path)


def test_a_reset_ledger_links_to_the_same_ledger(tmp_path):
    db = tmp_path / "l.duckdb"
    results = corpus(5)
    run(db, results[:40], results[40:])
    before = ledger(db)
    with Store(db) as store:
        relink(store, reset=True)
    assert ledger(db) == before and len(before) > 100


class _Counting:
    """A store that counts the mentions the link step reads."""

    def __init__(self, store: Store) -> None:
        self.store, self.read = store, 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def link_rows(self, ids, linked=False):
        rows = list(self.store.link_rows(ids, linked))
        self.read += len(rows)
        return rows


def test_a_run_reads_what_it_can_change_not_the_ledger(tmp_path):
    db = tmp_path / "l.duckdb"
    results = corpus(3, n=400, days=3000)
    with Store(db) as store:
        store.write_batch(results[:-2])
        counting = _Counting(store)
        relink(counting)
        assert counting.read >= store.counts()["mentions"]  # the first link reads everything
        store.write_batch(results[-2:])
        counting.read = 0
        relink(counting)
        new = sum(len(r.events) for r in results[-2:])
        assert new <= counting.read < 0.1 * store.counts()["mentions"]
        counting.read = 0
        relink(counting)
        assert counting.read == 0  # nothing new, nothing read


def test_a_link_step_killed_half_way_is_finished_by_the_next(tmp_path, monkeypatch):
    from sideline.store import relink as relink_mod

    results = corpus(4)
    one_run(tmp_path / "one.duckdb", results)
    db = tmp_path / "two.duckdb"
    run(db, results[:30])
    calls = {"n": 0}
    cluster = relink_mod._cluster

    def dies_second_time(store, blocks, linker):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        cluster(store, blocks, linker)

    monkeypatch.setattr(relink_mod, "BLOCKS", 10)
    monkeypatch.setattr(relink_mod, "_cluster", dies_second_time)
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        store.write_batch(results[30:])
        relink(store)
    monkeypatch.setattr(relink_mod, "_cluster", cluster)
    with Store(db) as store:
        relink(store)
    assert ledger(db) == ledger(tmp_path / "one.duckdb")


#: SQL that takes a schema-4 ledger back to schema 3 (what the previous release wrote)
_TO_SCHEMA_3 = ("ALTER TABLE mentions DROP COLUMN link_block", "ALTER TABLE mentions DROP COLUMN link_lo",
                "ALTER TABLE mentions DROP COLUMN link_hi", "ALTER TABLE mentions DROP COLUMN link_keys",
                "ALTER TABLE learned_roles DROP COLUMN keys", "DROP TABLE relink_spans",
                "DROP TABLE relink_keys", "DELETE FROM schema_version WHERE version > 3")


def test_a_schema_3_ledger_is_upgraded_in_place_and_grows_like_one_run(tmp_path):
    results = corpus(6)
    one_run(tmp_path / "one.duckdb", results)
    db = tmp_path / "old.duckdb"
    run(db, results[:50])
    with duckdb.connect(str(db)) as con:  # the ledger as schema 3 left it: linked, no link state
        for statement in _TO_SCHEMA_3:
            con.execute(statement)
        old = dict(con.execute("SELECT mention_id, event_id FROM mentions").fetchall())
    assert len(old) > 40 and all(old.values())
    with Store(db) as store:
        assert store.schema_version() == 4
        assert [e.event_id for e in store.events()] == [old[e.mention_id] for e in store.events()]
        assert len(store.link_todo(730)) == len(old)  # to be linked whole, once
        store.write_batch(results[50:])
        link(store)
    assert ledger(db) == ledger(tmp_path / "one.duckdb")
    assert exports(db, tmp_path) == exports(tmp_path / "one.duckdb", tmp_path)


def _report(aid: str, text: str, published: date) -> Result:
    ev = Event(article=aid, type=EventType.MEET, status=Status.OCCURRED, actors=(KAMAU, MTEMVU),
               evidence=Evidence(text, 0, len(text)), when=When("2024-05-13"), where=PLACES[2])
    return Result(article=Article(id=aid, text=text, published=published), events=(ev,))


def test_a_replaced_article_takes_its_claim_out_of_the_event_and_the_event_id_moves(tmp_path):
    db = tmp_path / "l.duckdb"
    reports = [_report(f"s{i}", f"Kamau met Mtemvu in Arusha on Monday ({i}).", date(2024, 5, 14))
               for i in range(3)]
    run(db, reports)
    with Store(db, read_only=True) as store:
        events = list(store.events())
    assert len({e.event_id for e in events}) == 1
    first = min(events, key=lambda e: e.mention_id)  # the mention the event id is made from
    gone = Result(article=Article(id=first.article, text="A correction: no meeting took place.",
                                  published=date(2024, 5, 15)), events=())
    run(db, [gone])
    run(tmp_path / "one.duckdb", [r if r.article.id != first.article else gone for r in reports])
    after = ledger(db)
    assert len(after) == 2 and first.mention_id not in after
    assert after == ledger(tmp_path / "one.duckdb")
    assert {v[0] for v in after.values()} != {first.event_id}


# -- with the model: the development sets, when the evaluation data is there -----------------------
ROOT = Path(__file__).resolve().parents[1]
EVAL = next((p for p in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
             if (p / "dev3" / "articles.jsonl").exists()), None)
FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")


def _export_all(db: Path, out: Path) -> dict[str, bytes]:
    out.mkdir()
    with Store(db, read_only=True) as store:
        for fmt in FORMATS:
            export(store, fmt, out / f"ledger.{fmt}")
    got = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    got["ledger.cameo"] = repr(without_dateadded(got["ledger.cameo"])).encode()  # when each run stored it
    return got


@pytest.mark.slow
@pytest.mark.skipif(EVAL is None, reason="the evaluation data (../shared/eval) is not there")
def test_five_shuffled_runs_of_dev_dev2_dev3_give_the_exports_of_one_run(tmp_path):
    import sideline
    from sideline.pipeline import Pipeline

    lines = [line for s in ("dev", "dev2", "dev3")
             for line in (EVAL / s / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = Pipeline.default()
    (tmp_path / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sideline.extract([tmp_path / "all.jsonl"], db=tmp_path / "one.duckdb", pipeline=pipeline)
    random.Random(14).shuffle(lines)
    cuts = sorted(random.Random(15).sample(range(1, len(lines)), 4))
    for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(lines)])):
        part = tmp_path / f"run{k}.jsonl"
        part.write_text("\n".join(lines[a:b]) + "\n", encoding="utf-8")
        sideline.extract([part], db=tmp_path / "five.duckdb", pipeline=pipeline)
    one = _export_all(tmp_path / "one.duckdb", tmp_path / "one")
    five = _export_all(tmp_path / "five.duckdb", tmp_path / "five")
    with Store(tmp_path / "five.duckdb", read_only=True) as store:
        assert store.counts()["articles"] == len(lines) and len(list(store.runs())) == 5
        articles: dict[str, set[str]] = {}
        for e in store.events():
            articles.setdefault(e.event_id, set()).add(e.article)
    assert len(articles) > 200 and any(len(a) > 1 for a in articles.values())  # linked across articles
    assert len(one) == 7 and one == five
