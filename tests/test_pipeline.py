"""The pipeline contract, with hand-built stages and no model."""
from __future__ import annotations

import pytest

from sideline.errors import E, InputError, PipelineError
from sideline.pipeline import Pipeline
from sideline.records import Article, Document, Reject, Result, Span


class Upper:
    name = "upper"
    requires = ("article",)
    provides = ("text",)

    def __call__(self, doc: Document) -> Document:
        if not doc.article.text.strip():
            raise InputError(E.E104)
        return doc.with_(text=doc.article.text.upper())


class Sentences:
    name = "sentences"
    requires = ("text",)
    provides = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        return doc.with_(sentences=(Span(0, len(doc.text)),))


class Crash:
    name = "crash"
    requires = ("text",)
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        if "BOOM" in doc.text:
            raise RuntimeError("kaboom")
        return doc


def test_wrong_order_fails_when_built():
    with pytest.raises(PipelineError) as err:
        Pipeline([Sentences(), Upper()])
    assert err.value.code == "E001"
    assert "sentences" in str(err.value) and "text" in str(err.value)


def test_dotted_requirements_need_their_root():
    class Dater:
        name = "dater"
        requires = ("events",)
        provides = ("events.when",)

        def __call__(self, doc):
            return doc

    with pytest.raises(PipelineError):
        Pipeline([Upper(), Dater()])
    Pipeline([Upper(), Crash(), Dater()])  # events provided first: fine


def test_call_and_pipe_keep_order_and_reject_only_the_bad_one():
    nlp = Pipeline([Upper(), Sentences(), Crash()])
    arts = [Article("a", "one"), Article("b", "  "), Reject("f.jsonl:3", "E101", "not valid JSON"),
            Article("c", "boom"), Article("d", "four")]
    out = list(nlp.pipe(arts, batch_size=2))
    assert len(out) == 5
    assert out[0].article.id == "a" and out[0].reject is None
    assert out[1].reject.code == "E104" and out[1].reject.article == "b"
    assert out[2].reject.origin == "f.jsonl:3"
    assert out[3].reject.code == "E111" and "kaboom" in out[3].reject.reason
    assert out[4].article.id == "d"
    assert nlp(Article("x", "hi")) == Result(article=Article("x", "hi"))


def test_documents_keep_the_work():
    nlp = Pipeline([Upper(), Sentences()])
    docs = list(nlp.documents([Article("a", "abc")]))
    assert docs[0].text == "ABC" and docs[0].sentences == (Span(0, 3),)


def test_local_engine_with_processes_gives_the_same_results():
    nlp = Pipeline([Upper(), Sentences(), Crash()])
    arts = [Article(str(i), "boom" if i % 7 == 3 else f"text {i}") for i in range(30)]
    arts.insert(5, Reject("x:1", "E101", "bad"))
    one = list(nlp.pipe(arts, batch_size=4))
    two = list(nlp.pipe(arts, batch_size=4, n_process=2))
    assert one == two
    assert sum(r.reject is not None for r in two) == 1 + len([a for a in arts if isinstance(a, Article) and a.text == "boom"])
