"""Shared fixtures.

Model fixtures (they load the spaCy pipeline once per test session):

* ``nlp_stage``: one :class:`sideline.stages.nlp.NLP` instance (``nlp_pipeline`` is the
  same object, under the name docs/ARCHITECTURE.md uses).
* ``make_doc``: a function ``make_doc(text, published=None) -> Document`` that runs the NLP
  stage over ``text`` used as the cleaned text (``doc.text == text``, no offset map, so
  evidence offsets equal clean offsets). ``published`` is a ``date`` or an ISO string.

    def test_something(make_doc):
        doc = make_doc("The two ministers met in Oslo on Monday.", published="2024-05-06")
        assert doc.parse.ents

Every test that uses one of these fixtures is marked ``slow`` automatically
(``pytest -m "not slow"`` skips them). A test that loads a spaCy pipeline (``spacy.load``) or
starts Ray (``ray.init``) some other way must carry ``@pytest.mark.slow`` itself: unmarked,
it fails and says so (:func:`_unmarked_tests_load_no_model`). Subprocesses are not watched:
a test that runs the CLI's ``extract`` is marked by hand (tests/test_e2e.py).

Rule tests that need a parse without the model build it by hand: tests/rules/parsed.py.
"""
from __future__ import annotations

import sys
from datetime import date

import pytest

from sideline.records import Article, Document

MODEL_FIXTURES = frozenset({"nlp_stage", "nlp_pipeline", "make_doc"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _unmarked_tests_load_no_model(request, monkeypatch):
    """Fail a test not marked slow that loads a spaCy pipeline or starts Ray."""
    if request.node.get_closest_marker("slow") is not None:
        return
    where = request.node.nodeid

    import spacy

    real_load = spacy.load

    def load(name, *args, **kwargs):
        real_load(name, *args, **kwargs)  # a missing model keeps its own error
        pytest.fail(f"{where} loads the spaCy pipeline {name!r}: mark it @pytest.mark.slow", pytrace=False)

    monkeypatch.setattr(spacy, "load", load)
    ray = sys.modules.get("ray")
    if ray is None:
        try:
            import ray
        except ImportError:
            return

    def init(*args, **kwargs):
        pytest.fail(f"{where} starts Ray: mark it @pytest.mark.slow", pytrace=False)

    monkeypatch.setattr(ray, "init", init)


@pytest.fixture(scope="session")
def nlp_stage():
    """The NLP stage with the default model, loaded once for the session."""
    from sideline.stages.nlp import NLP

    stage = NLP()
    stage.nlp  # load now, so a missing model fails here and not inside a test
    return stage


@pytest.fixture(scope="session")
def nlp_pipeline(nlp_stage):
    """The same NLP stage (the name docs/ARCHITECTURE.md uses)."""
    return nlp_stage


@pytest.fixture(scope="session")
def make_doc(nlp_stage):
    """``make_doc(text, published=None, id="test") -> Document`` after the NLP stage."""

    def make(text: str, published: date | str | None = None, id: str = "test") -> Document:
        if isinstance(published, str):
            published = date.fromisoformat(published)
        article = Article(id=id, text=text, published=published)
        return nlp_stage(Document(article=article, text=text, published=published))

    return make
