"""The Python API. The command line (cli.py) is a thin layer over these functions.

``extract`` runs this cascade:

1. open (or create and migrate) the DuckDB ledger and record a run;
2. read the inputs into a stream of articles and rejects (stages/ingest.py);
3. skip articles whose text the ledger already holds unchanged;
4. run the rest through the pipeline, on the chosen engine, in batches;
5. write each batch in one transaction (a killed run loses at most one batch, which
   the next run redoes, so it ends with the ledger an uninterrupted run gives);
6. complete the participants with the roles the corpus taught (learned.py), link the
   ledger's mentions into events (ledger.py) and store both;
7. close the run with its counts and return a :class:`RunSummary`.
"""
from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import E, ConfigError
from .pipeline import Pipeline
from .records import Article, Reject, Result

__all__ = ["RunSummary", "extract", "export", "link", "DEFAULT_DB"]

DEFAULT_DB = "sideline.duckdb"


@dataclass(frozen=True)
class RunSummary:
    """What one ``extract`` did."""

    run_id: str
    articles: int = 0
    extracted: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    rejects: tuple[Reject, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        parts = [f"{self.articles} articles", f"{self.extracted} extracted"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        parts.append(f"{self.rejected} rejected")
        rate = self.articles / self.seconds if self.seconds else 0.0
        return f"{', '.join(parts)}; {self.events} event mentions; {self.seconds:.1f}s ({rate:.1f} articles/s)"


def _engine(pipeline: Pipeline, engine: str, n_process: int, batch_size: int):
    if engine == "local":
        from .engines.local import LocalEngine

        return LocalEngine(pipeline, n_process=n_process, batch_size=batch_size)
    if engine == "ray":
        from .engines.ray import RayEngine

        return RayEngine(pipeline, n_process=n_process, batch_size=batch_size)
    raise ConfigError(E.E004, engine=engine)


def _unseen(stream: Iterable[Article | Reject], store, batch_size: int,
            counter: dict[str, int]) -> Iterator[Article | Reject]:
    """Drop articles whose text the ledger already holds (step 3), looking up a batch at a time."""
    it = iter(stream)
    while chunk := list(itertools.islice(it, batch_size)):
        ids = [a.id for a in chunk if isinstance(a, Article)]
        known = store.known_hashes(ids) if ids else {}
        for item in chunk:
            if isinstance(item, Article) and known.get(item.id) == item.text_hash:
                counter["unchanged"] += 1
                continue
            yield item


def extract(inputs: Sequence[str | Path], db: str | Path = DEFAULT_DB, *, n_process: int = 1,
            batch_size: int = 32, strict: bool = False, engine: str = "local",
            published: date | None = None, data_dir: str | Path | None = None,
            pipeline: Pipeline | None = None,
            on_result: Callable[[Result], None] | None = None, link_events: bool = True) -> RunSummary:
    """Extract events from ``inputs`` (files, folders, ``-``) into the ledger at ``db``.

    ``data_dir`` holds the user's own lexicons (merged over the packaged ones).
    ``strict`` only changes what the command line does with rejects (exit status);
    the run always goes on. ``on_result`` is called with every result as it is stored
    (the CLI uses it for its progress bar and reject messages).
    """
    from .stages.ingest.read import read_inputs
    from .store.database import Store

    started = time.perf_counter()
    pipeline = pipeline or Pipeline.default(data_dir=str(data_dir) if data_dir else None)
    counts = {"articles": 0, "extracted": 0, "unchanged": 0, "rejected": 0, "events": 0}
    rejects: list[Reject] = []
    with Store(db) as store:
        run_id = store.begin_run([str(p) for p in inputs])
        stream = _unseen(read_inputs(list(inputs), published=published), store, batch_size, counts)
        results = _engine(pipeline, engine, n_process, batch_size).run(stream)
        for batch in _batches(results, batch_size):
            store.write_batch(batch, run_id)
            for res in batch:
                _count(res, counts, rejects)
                if on_result:
                    on_result(res)
        if link_events:
            link(store, data_dir)
        counts["articles"] += counts["unchanged"]
        store.finish_run(run_id, dict(counts))
    return RunSummary(run_id=run_id, seconds=time.perf_counter() - started,
                      rejects=tuple(rejects), **counts)


def _batches(results: Iterable[Result], size: int) -> Iterator[list[Result]]:
    it = iter(results)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _count(res: Result, counts: dict[str, int], rejects: list[Reject]) -> None:
    counts["articles"] += 1
    if res.reject is not None:
        counts["rejected"] += 1
        rejects.append(res.reject)
    else:
        counts["extracted"] += 1
        counts["events"] += len(res.events)


def link(store, data_dir: str | Path | None = None) -> int:
    """Link the ledger's mentions into events and store the event ids; returns #events.

    Participants are completed with what the whole corpus taught (:mod:`sideline.ledger.learned`)
    and stored for every reader (``linked_actors``). Only what the new or changed articles can
    change is linked again (:mod:`sideline.store.relink`), and the ledger depends only on what is
    stored, not on the runs or the order it came in.
    """
    from .store.relink import relink

    return relink(store, data_dir)


def export(db: str | Path = DEFAULT_DB, format: str = "jsonl", output: str | Path | None = None) -> None:
    """Write the ledger at ``db`` in ``format`` to ``output`` (standard output when None)."""
    from .export.writers import export as _export
    from .store.database import Store

    with Store(db, read_only=True) as store:
        _export(store, format, output)
