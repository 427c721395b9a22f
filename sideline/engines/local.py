"""The local engine: the pipeline in this process, or in ``n_process`` worker processes.

Workers are started with ``spawn`` (safe beside DuckDB's threads); each builds its
pipeline once and processes batches of articles. Results come back in input order.

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
from collections.abc import Iterable, Iterator

from ..records import Article, Reject, Result

__all__ = ["LocalEngine"]

_WORKER_PIPELINE = None  # one per worker process, set by _init (process-local, not shared)


def _init(pipeline, parent: int) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), name="sideline-watchdog", daemon=True).start()


def _watch(parent: int, every: float = 0.5) -> None:
    """End this worker as soon as its parent is gone (re-parented to another process)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _work(batch: list[Article]) -> list[Result]:
    return list(_WORKER_PIPELINE.pipe(batch, batch_size=len(batch) or 1))


class LocalEngine:
    def __init__(self, pipeline, n_process: int = 1, batch_size: int = 32) -> None:
        self.pipeline = pipeline
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))

    def run(self, stream: Iterable[Article | Reject]) -> Iterator[Result]:
        if self.n_process == 1:
            yield from self.pipeline.pipe(stream, batch_size=self.batch_size)
            return
        ctx = mp.get_context("spawn")
        with ctx.Pool(self.n_process, initializer=_init, initargs=(self.pipeline, os.getpid())) as pool:
            yield from _ordered(pool, stream, self.batch_size, self.n_process)


def _ordered(pool, stream: Iterable[Article | Reject], batch_size: int, n_process: int) -> Iterator[Result]:
    """Send batches of articles to the pool, keep rejects in place, yield in input order."""
    it = iter(stream)
    pending = []  # (items of the batch, async result)
    window = 2 * n_process
    while True:
        while len(pending) < window and (chunk := list(itertools.islice(it, batch_size))):
            arts = [x for x in chunk if isinstance(x, Article)]
            pending.append((chunk, pool.apply_async(_work, (arts,))))
        if not pending:
            return
        chunk, fut = pending.pop(0)
        done = iter(fut.get())
        for item in chunk:
            yield Result(article=None, reject=item) if isinstance(item, Reject) else next(done)
