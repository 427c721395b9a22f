"""The Ray engine: the same pipeline on a Ray cluster (or a local Ray instance).

``RayEngine(pipeline, n_process=N)`` starts N actors, each holding one pipeline, and
maps batches over them in input order with ``ray.util.ActorPool``. Give ``address`` (or set
``RAY_ADDRESS``) to join an existing cluster, whose nodes need sideline and its spaCy model
installed; otherwise ``ray.init`` starts a local one with ``n_process`` CPUs. The store is still
written by the driver, one transaction per batch, so a Ray run gives the same ledger
as a local run.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator

from ..errors import E, ConfigError
from ..records import Article, Reject, Result

__all__ = ["RayEngine"]


class RayEngine:
    def __init__(self, pipeline, n_process: int = 1, batch_size: int = 32,
                 address: str | None = None) -> None:
        try:
            import ray  # noqa: F401
        except ImportError as err:
            raise ConfigError(E.E005) from err
        self.pipeline = pipeline
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))
        self.address = address or os.environ.get("RAY_ADDRESS") or None

    def run(self, stream: Iterable[Article | Reject]) -> Iterator[Result]:
        import ray
        from ray.util import ActorPool

        started = not ray.is_initialized()
        if started:
            local = {} if self.address else {"num_cpus": self.n_process, "include_dashboard": False}
            ray.init(address=self.address, log_to_driver=False, **local)
        try:
            worker = ray.remote(_Worker)
            actors = [worker.remote(self.pipeline) for _ in range(self.n_process)]
            pool = ActorPool(actors)
            chunks = _chunks(stream, self.batch_size)
            for chunk, results in zip(*_mapped(pool, chunks)):
                done = iter(results)
                for item in chunk:
                    yield Result(article=None, reject=item) if isinstance(item, Reject) else next(done)
        finally:
            if started:
                ray.shutdown()


class _Worker:
    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline

    def process(self, batch: list[Article]) -> list[Result]:
        return list(self.pipeline.pipe(batch, batch_size=len(batch) or 1))


def _chunks(stream: Iterable[Article | Reject], size: int) -> Iterator[list]:
    it = iter(stream)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _mapped(pool, chunks: Iterator[list]):
    """Two synchronised iterators: the chunks, and their results from the pool, in order."""
    a, b = itertools.tee(chunks)
    articles = ([x for x in c if isinstance(x, Article)] for c in b)
    results = pool.map(lambda actor, batch: actor.process.remote(batch), articles)
    return a, results
