"""The engines give the same results as one process, in the same order."""
from __future__ import annotations

import sys

import pytest

from sideline.pipeline import Pipeline
from sideline.records import Article, Reject

from .toy_stages import Shout, Words


def _stream():
    arts = [Article(f"a{i}", "" if i % 5 == 2 else f"text number {i}") for i in range(23)]
    arts.insert(4, Reject("in.jsonl:5", "E101", "not valid JSON"))
    return arts


def test_local_engine_processes():
    nlp = Pipeline([Shout(), Words()])
    assert list(nlp.pipe(_stream(), batch_size=3, n_process=2)) == list(nlp.pipe(_stream(), batch_size=3))


@pytest.mark.slow
def test_ray_engine_matches_local():
    pytest.importorskip("ray")
    from ray import cloudpickle

    from sideline.engines.ray import RayEngine

    cloudpickle.register_pickle_by_value(sys.modules[Shout.__module__])
    nlp = Pipeline([Shout(), Words()])
    got = list(RayEngine(nlp, n_process=2, batch_size=4).run(_stream()))
    assert got == list(nlp.pipe(_stream(), batch_size=4))
    assert sum(r.reject is not None for r in got) == 1 + 5


def test_ray_engine_without_ray_is_a_coded_error(monkeypatch):
    from sideline.engines.ray import RayEngine
    from sideline.errors import ConfigError

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    with pytest.raises(ConfigError) as err:
        RayEngine(Pipeline([Shout(), Words()]))
    assert err.value.code == "E005" and "make setup-ray" in str(err.value)


def test_cli_says_how_to_install_ray(tmp_path, monkeypatch, capsys):
    from sideline.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "The ministers met."}\n')
    rc = main(["extract", str(src), "--db", str(tmp_path / "l.duckdb"), "--engine", "ray"])
    err = capsys.readouterr().err
    assert rc != 0 and "E005" in err and "sideline[ray]" in err and "Traceback" not in err


def test_ray_address_joins_a_cluster_without_local_settings(monkeypatch):
    pytest.importorskip("ray")
    import ray

    from sideline.engines.ray import RayEngine

    seen = {}
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kw: seen.update(kw) or (_ for _ in ()).throw(RuntimeError("stop")))
    monkeypatch.setenv("RAY_ADDRESS", "ray://head:10001")
    with pytest.raises(RuntimeError):
        list(RayEngine(Pipeline([Shout(), Words()]), n_process=2).run(_stream()))
    assert seen["address"] == "ray://head:10001" and "num_cpus" not in seen
    monkeypatch.delenv("RAY_ADDRESS")
    seen.clear()
    with pytest.raises(RuntimeError):
        list(RayEngine(Pipeline([Shout(), Words()]), n_process=2).run(_stream()))
    assert seen["address"] is None and seen["num_cpus"] == 2


def test_ray_address_with_the_local_engine_is_refused(tmp_path):
    from sideline import extract
    from sideline.errors import ConfigError

    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "The ministers met."}\n')
    with pytest.raises(ConfigError) as err:
        extract([src], db=tmp_path / "l.duckdb", ray_address="auto", pipeline=Pipeline([Shout(), Words()]))
    assert err.value.code == "E012" and not (tmp_path / "l.duckdb").exists()
