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
