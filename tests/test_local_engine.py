"""The local engine uses the cores, builds each worker's pipeline once, and runs small inputs
in this process (issue 14)."""
from __future__ import annotations

import inspect
import os
import pickle

import pytest

from sideline import api
from sideline.engines.local import LocalEngine, one_blas_thread, usable_cores
from sideline.errors import ConfigError, E
from sideline.pipeline import Pipeline, Recipe
from sideline.records import Article, Reject

from .toy_stages import BlasEnv, Pid, Shout, ToyRecipe, Words


def _arts(n: int) -> list:
    return [Article(f"a{i}", f"text number {i}") for i in range(n)]


def _pids(results) -> set[int]:
    return {int(n[4:]) for r in results for n in r.notes if n.startswith("pid:")}


def test_the_default_n_process_is_the_usable_cores():
    assert usable_cores() == len(os.sched_getaffinity(0)) >= 1
    assert inspect.signature(api.extract).parameters["n_process"].default == usable_cores()


def test_workers_run_an_input_of_a_batch_or_more_and_this_process_a_smaller_one():
    pipeline = Pipeline([Shout(), Words(), Pid()])
    big = list(LocalEngine(pipeline, n_process=2, batch_size=8).run(_arts(30)))
    assert [r.article.id for r in big] == [f"a{i}" for i in range(30)]
    assert _pids(big) and os.getpid() not in _pids(big)
    small = list(LocalEngine(pipeline, n_process=2, batch_size=8).run(_arts(7) + [Reject("x:1", "E101", "bad")]))
    assert _pids(small) == {os.getpid()} and small[-1].reject.code == "E101"


def test_one_blas_thread_unless_the_user_sized_the_pool():
    env = {}
    one_blas_thread(env)
    assert env == {"OPENBLAS_NUM_THREADS": "1"}
    for mine in ({"OMP_NUM_THREADS": "4"}, {"OPENBLAS_NUM_THREADS": "2"}):
        env = dict(mine)
        one_blas_thread(env)
        assert env == mine


def test_workers_start_with_one_blas_thread_and_this_process_keeps_its_environment(monkeypatch):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    out = list(LocalEngine(Pipeline([Shout(), BlasEnv(), Pid()]), n_process=2, batch_size=8).run(_arts(16)))
    assert os.getpid() not in _pids(out)
    assert {n for r in out for n in r.notes if n.startswith("blas:")} == {"blas:1"}
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    out = list(LocalEngine(Pipeline([Shout(), BlasEnv()]), n_process=2, batch_size=8).run(_arts(16)))
    assert {n for r in out for n in r.notes if n.startswith("blas:")} == {"blas:3"}


def test_rejects_do_not_count_towards_the_first_batch():
    stream = [Reject(f"x:{i}", "E101", "bad") for i in range(10)] + _arts(8)
    out = list(LocalEngine(Pipeline([Shout(), Words(), Pid()]), n_process=2, batch_size=8).run(stream))
    assert os.getpid() not in _pids(out) and sum(r.reject is not None for r in out) == 10


def test_a_worker_builds_its_pipeline_from_a_recipe_once():
    out = list(LocalEngine(ToyRecipe(), n_process=2, batch_size=8).run(_arts(40)))
    assert [r.article.id for r in out] == [f"a{i}" for i in range(40)]
    seen = {}
    for r in out:  # a worker's count goes on across its chunks: one pipeline per worker
        pid = next(n for n in r.notes if n.startswith("pid:"))
        seen.setdefault(pid, []).append(int(next(n for n in r.notes if n.startswith("seen:"))[5:]))
    assert 1 <= len(seen) <= 2 and all(counts == sorted(counts) for counts in seen.values())
    assert sum(len(c) for c in seen.values()) == 40
    assert max(max(c) for c in seen.values()) > 4  # more than one chunk in some worker


def test_a_recipe_is_built_in_this_process_for_a_small_input():
    out = list(LocalEngine(ToyRecipe(), n_process=2, batch_size=8).run(_arts(3)))
    assert _pids(out) == {os.getpid()} and len(out) == 3


def test_an_error_building_the_workers_pipeline_reaches_the_caller_with_its_code():
    with pytest.raises(ConfigError) as err:
        list(LocalEngine(ToyRecipe(fail=True), n_process=2, batch_size=4).run(_arts(10)))
    assert err.value.code == "E008" and "/no/such/folder" in str(err.value)


def test_coded_errors_pickle_with_their_code():
    err = pickle.loads(pickle.dumps(ConfigError(E.E003, model="xx")))
    assert type(err) is ConfigError and err.code == "E003" and "'xx'" in err.message
    own = pickle.loads(pickle.dumps(ConfigError("odd {x}", x=1)))
    assert own.code == "E000" and own.message == "odd 1"


def test_a_recipe_is_a_few_keywords():
    recipe = Recipe(data_dir="/tmp/lexicons")
    assert len(pickle.dumps(recipe)) < 300
    assert pickle.loads(pickle.dumps(recipe)) == recipe


def test_extract_checks_the_data_folder_before_making_the_database(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Lavrov met Wang."}\n')
    with pytest.raises(ConfigError) as err:
        api.extract([tmp_path / "a.jsonl"], db=tmp_path / "x.duckdb", data_dir=tmp_path / "nope")
    assert err.value.code == "E008" and not (tmp_path / "x.duckdb").exists()


def test_extract_checks_a_users_lexicons_before_making_the_database(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Lavrov met Wang."}\n')
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "boilerplate.json").write_text('{"lines": ["(unclosed"]}')
    with pytest.raises(ConfigError) as err:
        api.extract([tmp_path / "a.jsonl"], db=tmp_path / "x.duckdb", data_dir=lexicons)
    assert err.value.code == "E006" and not (tmp_path / "x.duckdb").exists()
