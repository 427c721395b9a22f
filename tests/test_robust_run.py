"""Issue 12, a run and its ledger: batch fallback, duplicate ids, the database file, --data-dir,
messages and exit statuses. No spaCy model: a toy pipeline or a hand-built ledger.

Each test names the item of issue 12 it covers and failed before the fix.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from sideline import api
from sideline.cli import main
from sideline.errors import ConfigError, InputError, StoreError
from sideline.lexicons import load
from sideline.pipeline import Pipeline
from sideline.records import Article, Document
from sideline.store.database import Store

from ._store_data import batch
from .toy_stages import Shout

ROOT = Path(__file__).resolve().parents[1]


def _ledger(path: Path) -> Path:
    with Store(path) as store:
        run = store.begin_run(["input.jsonl"])
        for k in range(2):
            store.write_batch(batch(k), run)
    return path


# -- item 1: one bad document in a batch ------------------------------------------------------
class _BatchCrash:
    """A stage whose batch method dies on one document with a non-InputError (as spaCy does on
    a lone surrogate) and whose single-document call does too."""

    name = "crash"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        if "BAD" in doc.text:
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return doc.with_(sentences=())

    def pipe(self, docs, batch_size=32):
        return [self(d) for d in docs]


def test_item1_an_exception_rejects_one_document_not_the_batch():
    pipe = Pipeline([Shout(), _BatchCrash()])
    arts = [Article(id=f"a{i}", text="bad" if i == 1 else f"text {i}") for i in range(3)]
    out = list(pipe.pipe(arts, batch_size=3))
    assert [r.article.id if r.article else None for r in out] == ["a0", None, "a2"]
    assert out[1].reject.code == "E111" and out[1].reject.article == "a1"


# -- item 3: duplicate ids give a stable ledger -------------------------------------------------
def test_item3_reruns_with_duplicate_ids_are_stable(tmp_path):
    p = tmp_path / "dup.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "first text"}) + "\n"
                 + json.dumps({"id": "a", "text": "second text"}) + "\n")
    db = tmp_path / "l.duckdb"
    texts = []
    for _ in range(3):
        summary = api.extract([p], db=db, pipeline=Pipeline([Shout()]), link_events=False)
        with Store(db, read_only=True) as store:
            texts.append([a.text for a in store.articles()])
            codes = [r.code for r in store.rejects()]
        assert summary.rejected == 1
    assert texts == [["first text"]] * 3 and codes == ["E114"]


# -- item 5: export over a database ---------------------------------------------------------------
def test_item5_export_refuses_to_overwrite_a_database(tmp_path, capsys):
    db = _ledger(tmp_path / "ledger.duckdb")
    other = _ledger(tmp_path / "other.duckdb")
    size = db.stat().st_size
    assert main(["export", "--db", str(db), "-o", str(db)]) == 2
    assert main(["export", "--db", str(db), "-o", str(other)]) == 2
    assert "E303" in capsys.readouterr().err
    assert db.stat().st_size == size
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 9
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "out.jsonl")]) == 0


# -- item 6: a foreign DuckDB database ------------------------------------------------------------
def test_item6_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E207"
    con = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()
    Store(tmp_path / "empty.duckdb").close()  # an empty database is still made a ledger


# -- item 10 and 12: --data-dir ---------------------------------------------------------------
@pytest.mark.parametrize("name, content, code", [
    ("boilerplate.json", json.dumps({"lines": ["^(a|aa)+$"]}), "E009"),
    ("boilerplate.json", json.dumps({"lines": ["(\\w+\\s?)*:"]}), "E009"),
    ("pubdate.json", json.dumps({"dates": ["(.*a){12}"]}), "E009"),
    ("venues.json", json.dumps({"venues": [{"name": "X", "patterns": ["(x+x+)+y"]}]}), "E009"),
    ("boilerplate.json", json.dumps({"lines": ["(unclosed"]}), "E006"),
    ("boilerplate.json", json.dumps(["a list, not an object"]), "E006"),
    ("boilerplate.json", json.dumps({"lines": "a string, not a list"}), "E006"),
    ("titles.json", b"{\"x\": \"caf\xe9\"}", "E006"),
    ("stopwords_en.txt", b"caf\xe9\n", "E006"),
])
def test_item10_12_bad_data_dir_files_are_config_errors(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ConfigError) as err:
        Pipeline.default(data_dir=str(tmp_path))
        load(name.split(".")[0], str(tmp_path))  # a lexicon the pipeline reads on first use
    assert err.value.code == code and name in str(err.value)


def test_item10_safe_user_patterns_still_work(tmp_path):
    (tmp_path / "boilerplate.json").write_text(json.dumps({"lines": ["^Sponsored by [A-Za-z ]+$"]}))
    pipe = Pipeline.default(data_dir=str(tmp_path))
    clean = pipe.stages[0]
    assert "Sponsored" not in clean.clean("Lavrov met Wang.\nSponsored by Acme Corp\nThey talked.").text


def test_item12_missing_data_dir_is_an_error(tmp_path):
    with pytest.raises(ConfigError) as err:
        Pipeline.default(data_dir=str(tmp_path / "nope"))
    assert err.value.code == "E008"


# -- item 12: a damaged database, a full disk on export ---------------------------------------
def test_item12_truncated_database_is_a_coded_error(tmp_path, capsys):
    db = tmp_path / "ledger.duckdb"
    with Store(db) as store:
        run = store.begin_run(["input.jsonl"])
        for k in range(60):
            store.write_batch(batch(k), run)
    data = db.read_bytes()
    failed = 0
    for frac in (0.3, 0.5, 0.7):
        cut = tmp_path / f"cut{frac}.duckdb"
        cut.write_bytes(data[: int(len(data) * frac)])
        rc = main(["events", "--db", str(cut), "--json"])
        err = capsys.readouterr().err
        assert rc == 0 or (rc == 2 and err.startswith("sideline: error: [E2") and "Traceback" not in err), err
        failed += rc == 2
    assert failed


def _limited(args: list[str], size: int) -> subprocess.CompletedProcess:
    """``sideline ARGS`` in a process that may write files of at most ``size`` bytes (a full disk)."""
    import resource
    import signal

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return subprocess.run([sys.executable, "-m", "sideline.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, preexec_fn=small_disk)


def test_item12_full_disk_on_export_is_a_coded_error(tmp_path):
    db = _ledger(tmp_path / "ledger.duckdb")
    run = _limited(["export", "--db", str(db), "-o", str(tmp_path / "out.jsonl")], 4096)
    assert run.returncode == 2, run.stderr
    assert "[E304]" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert not (tmp_path / "out.jsonl").exists()


# -- item 13: paths that do not exist -----------------------------------------------------------
def test_item13_no_existing_input_is_an_error_and_makes_no_database(tmp_path, capsys):
    db = tmp_path / "l.duckdb"
    assert main(["extract", str(tmp_path / "nonexistent.jsonl"), "--db", str(db)]) == 2
    assert "[E010]" in capsys.readouterr().err
    assert not db.exists()


def test_item13_a_missing_path_beside_a_good_one_is_a_reject(tmp_path):
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps({"id": "a", "text": "some text"}) + "\n")
    summary = api.extract([good, tmp_path / "nope.jsonl"], db=tmp_path / "l.duckdb",
                          pipeline=Pipeline([Shout()]), link_events=False)
    assert summary.extracted == 1 and [r.code for r in summary.rejects] == ["E109"]


# -- item 14: small ones -----------------------------------------------------------------------
def test_item14_events_limit(tmp_path, capsys):
    db = _ledger(tmp_path / "ledger.duckdb")
    assert main(["events", "--db", str(db), "--json", "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["events", "--db", str(db), "--json", "--limit", "0"]) == 0
    assert capsys.readouterr().out == ""
    with pytest.raises(SystemExit) as exit_:
        main(["events", "--db", str(db), "--limit", "-1"])
    assert exit_.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_item14_unknown_flag_shows_the_commands_usage(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "x.jsonl", "--nope"])
    err = capsys.readouterr().err
    assert err.startswith("usage: sideline extract") and "unrecognized arguments: --nope" in err


def test_item14_one_french_sentence_is_not_english():
    from sideline.stages.clean.stage import Clean

    clean = Clean()
    with pytest.raises(InputError) as err:
        clean.check_english("Le ministre des Affaires étrangères a rencontré son homologue "
                            "chinois à Paris mardi pour parler du commerce.")
    assert err.value.code == "E106"
    clean.check_english("Lavrov met Blinken in Geneva on Monday.")
    clean.check_english("Putin, Xi meet in Beijing")


def test_item14_readers_during_a_write_get_a_clear_message(tmp_path, capsys):
    db = _ledger(tmp_path / "ledger.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert main(["events", "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "[E208]" in err and "in use by another process" in err and f"PID {holder.pid}" in err
        with pytest.raises(StoreError) as e:
            Store(db)
        assert e.value.code == "E208"
    finally:
        holder.kill()
        holder.wait()
