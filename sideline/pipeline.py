"""The pipeline: an ordered list of stages that one :class:`Document` flows through.

A stage is any object with

* ``name``: a short string,
* ``requires`` and ``provides``: tuples of :class:`Document` field names
  (a dotted name such as ``"events.when"`` says the stage fills in a part of a field),
* ``__call__(doc) -> doc``, and optionally ``pipe(docs, batch_size) -> docs``
  for stages that are cheaper in batches (the NLP stage).

The pipeline checks, when it is built, that every stage's requirements are
provided by an earlier stage, so a wrong order fails at once and not mid-run.
An :class:`~sideline.errors.InputError` raised by a stage rejects that one
document (any other exception too, as E111); the stream goes on. When a stage's batch
method fails, the batch is redone one document at a time, so only the bad one is lost.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .errors import E, InputError, PipelineError
from .records import Article, Document, Reject, Result

__all__ = ["Stage", "Pipeline", "Recipe"]

log = logging.getLogger(__name__)

#: what every document has before the first stage runs
GIVEN = ("article",)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True)
class Recipe:
    """How to build the default pipeline (the keywords of :meth:`Pipeline.default`): what the
    local engine sends its workers instead of a pipeline, so that each builds its own once
    and the caller need not build one it does not run (nor import spaCy for it)."""

    model: str | None = None
    data_dir: str | None = None
    options: tuple[tuple[str, Any], ...] = ()

    def build(self) -> "Pipeline":
        return Pipeline.default(model=self.model, data_dir=self.data_dir, **dict(self.options))


def _root(field_name: str) -> str:
    return field_name.split(".", 1)[0]


class Pipeline:
    """Run articles through stages. ``Pipeline.default()`` builds sideline's own."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = tuple(stages)
        self._check_order()
        #: whether a stage decides the publication date (then its verdict, even None, is kept)
        self._dated = any(_root(p) == "published" for s in self.stages for p in s.provides)

    @classmethod
    def default(cls, *, model: str | None = None, data_dir: str | None = None, **options: object) -> "Pipeline":
        """The standard pipeline: clean, nlp, actors, events, time, offices, place, dedupe (see sideline/stages)."""
        from .stages import default_stages

        return cls(default_stages(model=model, data_dir=data_dir, **options))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def _check_order(self) -> None:
        have = set(GIVEN)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have and _root(r) not in have]
            if missing:
                raise PipelineError(E.E001, stage=stage.name, missing=", ".join(missing),
                                    order=" -> ".join(self.names))
            have.update(stage.provides)
            have.update(_root(p) for p in stage.provides)

    def __call__(self, article: Article) -> Result:
        """Process one article; an unusable one comes back as a Result holding a Reject."""
        return next(self._run([Document(article=article)], batch_size=1))

    def documents(self, stream: Iterable[Article | Reject], batch_size: int = 32) -> Iterator[Document | Result]:
        """Like :meth:`pipe` in one process, but yield the finished Documents themselves
        (with their parse, timexes, places...) for tools that need more than the events.
        Rejects come back as Results holding the Reject."""
        it = iter(stream)
        while batch := list(itertools.islice(it, batch_size)):
            docs = iter(self._run_docs([Document(article=a) for a in batch if isinstance(a, Article)], batch_size))
            for item in batch:
                yield Result(article=None, reject=item) if isinstance(item, Reject) else next(docs)

    def pipe(self, stream: Iterable[Article | Reject], batch_size: int = 32,
             n_process: int = 1) -> Iterator[Result]:
        """Process a stream in order. Rejects from ingest pass straight through.

        With ``n_process > 1`` the work is spread over processes by the local engine,
        which runs this same method in each worker, and the order is kept.
        """
        if n_process > 1:
            from .engines.local import LocalEngine

            yield from LocalEngine(self, n_process=n_process, batch_size=batch_size).run(stream)
            return
        it = iter(stream)
        while batch := list(itertools.islice(it, batch_size)):
            docs = [x for x in batch if isinstance(x, Article)]
            results = iter(self._run([Document(article=a) for a in docs], batch_size))
            for item in batch:
                yield Result(article=None, reject=item) if isinstance(item, Reject) else next(results)

    # -- the stage loop -------------------------------------------------------------------------
    def _run(self, docs: list[Document], batch_size: int) -> Iterator[Result]:
        for d in self._run_docs(docs, batch_size):
            yield d if isinstance(d, Result) else _result(d, self._dated)

    def _run_docs(self, docs: list[Document], batch_size: int) -> list[Document | Result]:
        """Run every stage over a batch; a document rejected by a stage leaves the batch."""
        slots: list[Document | Result] = list(docs)
        for stage in self.stages:
            live = [i for i, d in enumerate(slots) if isinstance(d, Document)]
            for i, out in zip(live, self._apply(stage, [slots[i] for i in live], batch_size)):
                slots[i] = out
        return slots

    @staticmethod
    def _apply(stage: Stage, docs: list[Document], batch_size: int) -> list[Document | Result]:
        batch_pipe = getattr(stage, "pipe", None)
        if batch_pipe is not None and len(docs) > 1:
            try:
                return list(batch_pipe(docs, batch_size=batch_size))
            except Exception:  # noqa: BLE001 - redo one at a time: only the bad document is rejected
                log.info("stage %s failed on a batch; processing its documents one at a time", stage.name)
        out: list[Document | Result] = []
        for doc in docs:
            try:
                out.append(stage(doc))
            except InputError as err:
                out.append(_rejected(doc, err))
            except Exception as err:  # noqa: BLE001 - one bad document must not stop the run
                log.exception("stage %s failed on %s", stage.name, doc.article.id)
                out.append(_rejected(doc, InputError(E.E111, reason=f"{stage.name}: {err!r}")))
        return out


def _result(doc: Document, dated: bool = True) -> Result:
    article = doc.article
    if doc.published != article.published and (dated or doc.published):
        from dataclasses import replace

        article = replace(article, published=doc.published, published_from=doc.published_from)
    return Result(article=article, events=doc.events, notes=doc.notes, learned=doc.learned)


def _rejected(doc: Document, err: InputError) -> Result:
    a = doc.article
    return Result(article=None, reject=Reject(origin=a.origin or a.id, code=err.code,
                                              reason=err.message, article=a.id))
