"""The local engine: the pipeline in this process, or in ``n_process`` worker processes.

Workers are started with ``spawn`` (safe beside DuckDB's threads), once per run, and stay
warm: each builds its pipeline once when it starts, from a :class:`~sideline.pipeline.Recipe`
(a few keywords; the default pipeline) or from the pickled pipeline a caller gave, and runs a
short article through a recipe-built pipeline at once, so that the spaCy model, the gazetteer
and the matchers load before the first batch comes (while the parent reads the input and sends
the first chunks). A worker then
processes batches of articles and sends back compact :class:`~sideline.records.Result`
records (the article, its events, notes and learned roles; never the parse). Results come
back in input order and are stored by the caller while the workers go on parsing.

A pool only pays when there is work for it: when the input (peeked one batch ahead) holds
fewer than ``batch_size`` articles, or ``n_process`` is 1, the pipeline runs in this process.
With a pool, articles go out in chunks of ``batch_size // n_process`` (at least 4), at most
``4 * n_process`` chunks ahead, so that every worker has work from the start and the last
chunks leave no worker idle for long.

Each worker runs one BLAS thread (``OPENBLAS_NUM_THREADS=1`` in the environment it starts
with, unless the user sized the BLAS pool: :func:`one_blas_thread`): the workers are the
parallelism, and a second BLAS thread per worker only spins for a core another worker is using.

Workers never outlive the run: they ignore SIGINT (Ctrl-C reaches the whole process
group; the parent alone handles it and terminates the pool), and a watchdog thread in
each ends its worker within a second of the parent's death, even by SIGKILL.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager

from ..records import Article, Reject, Result

__all__ = ["LocalEngine", "usable_cores", "one_blas_thread", "WARM_UP"]

#: the article a recipe-built worker pipeline runs first, to load everything it loads lazily
WARM_UP = Article(id="sideline-warm-up", text="The two foreign ministers met in Geneva on Monday.\n\n"
                                             "They held talks for an hour, the ministry said.")
MIN_CHUNK = 4

_WORKER_PIPELINE = None  # one per worker process, set by _init (process-local, not shared)
_WORKER_ERROR: BaseException | None = None  # why the pipeline could not be built, raised on use


def usable_cores() -> int:
    """The number of cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


#: the environment variables that size numpy's BLAS thread pool (read when numpy loads)
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def one_blas_thread(env: MutableMapping[str, str] = os.environ) -> None:
    """Ask for one BLAS thread in ``env`` unless the user set a size there. It takes effect in a
    process that loads numpy afterwards: the command line calls it first thing, the pool for
    its workers."""
    if not any(name in env for name in BLAS_THREADS):
        env[BLAS_THREADS[0]] = "1"


@contextmanager
def _worker_environment():
    """The environment the workers start with (:func:`one_blas_thread`); this process's own
    is put back once they have started."""
    saved = {name: os.environ.get(name) for name in BLAS_THREADS}
    one_blas_thread()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _is_recipe(pipeline) -> bool:
    """A :class:`~sideline.pipeline.Recipe` (it builds a pipeline), not a pipeline."""
    return callable(getattr(pipeline, "build", None))


def _init(pipeline, parent: int) -> None:
    global _WORKER_PIPELINE, _WORKER_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), name="sideline-watchdog", daemon=True).start()
    try:
        _WORKER_PIPELINE = pipeline.build() if _is_recipe(pipeline) else pipeline
        if _is_recipe(pipeline):
            _WORKER_PIPELINE(WARM_UP)
    except Exception as err:  # noqa: BLE001 - raised in the parent by the first batch
        _WORKER_ERROR = err


def _watch(parent: int, every: float = 0.5) -> None:
    """End this worker as soon as its parent is gone (re-parented to another process)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _work(batch: list[Article]) -> list[Result]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return list(_WORKER_PIPELINE.pipe(batch, batch_size=len(batch) or 1))


class LocalEngine:
    """Run ``pipeline`` (a :class:`~sideline.pipeline.Pipeline`, or a
    :class:`~sideline.pipeline.Recipe` to build one) over a stream."""

    def __init__(self, pipeline, n_process: int = 1, batch_size: int = 32) -> None:
        self.pipeline = pipeline
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))

    def run(self, stream: Iterable[Article | Reject]) -> Iterator[Result]:
        it = iter(stream)
        head = _peek(it, self.batch_size) if self.n_process > 1 else []
        if self.n_process == 1 or sum(isinstance(x, Article) for x in head) < self.batch_size:
            yield from self._built().pipe(itertools.chain(head, it), batch_size=self.batch_size)
            return
        ctx = mp.get_context("spawn")
        with _worker_environment():
            pool = ctx.Pool(self.n_process, initializer=_init, initargs=(self.pipeline, os.getpid()))
        with pool:
            chunk = max(MIN_CHUNK, self.batch_size // self.n_process)
            yield from _ordered(pool, itertools.chain(head, it), chunk, 4 * self.n_process)

    def _built(self):
        if _is_recipe(self.pipeline):
            self.pipeline = self.pipeline.build()
        return self.pipeline


def _peek(it: Iterator[Article | Reject], n: int) -> list[Article | Reject]:
    """The items of ``it`` up to its ``n``-th article (all of them when it holds fewer)."""
    head: list[Article | Reject] = []
    seen = 0
    for item in it:
        head.append(item)
        seen += isinstance(item, Article)
        if seen == n:
            break
    return head


def _ordered(pool, stream: Iterable[Article | Reject], chunk_size: int, window: int) -> Iterator[Result]:
    """Send chunks of articles to the pool, keep rejects in place, yield in input order."""
    it = iter(stream)
    pending = []  # (items of the chunk, async result)
    while True:
        while len(pending) < window and (chunk := list(itertools.islice(it, chunk_size))):
            arts = [x for x in chunk if isinstance(x, Article)]
            pending.append((chunk, pool.apply_async(_work, (arts,)) if arts else None))
        if not pending:
            return
        chunk, fut = pending.pop(0)
        done = iter(fut.get() if fut is not None else ())
        for item in chunk:
            yield Result(article=None, reject=item) if isinstance(item, Reject) else next(done)
