"""The Python API. The command line (cli.py) is a thin layer over it: every command is one
call to :func:`extract`, :func:`dates` or a method of the :class:`LedgerDB` that
:func:`open` returns, and every flag is named after the keyword it sets.

    import sideline
    sideline.extract(["articles.jsonl"], db="ledger.duckdb")
    with sideline.open("ledger.duckdb") as ledger:
        for ev in ledger.events(actor="Lavrov", status="planned"):
            print(ev.article, ev.type.value, [a.name for a in ev.actors])

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

import inspect
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from . import browse as _browse
from . import query as _query
from .errors import E, ConfigError
from .evaluate import Report, read_jsonl, score as _score
from .pipeline import Pipeline, Recipe
from .aggregate import Counts
from .browse import ActorProfile, ArticleView, Page, StoryPage
from .query import ActorSummary, EventClaims, EventFilter
from .records import Article, Event, Reject, Result
from .engines.local import usable_cores

__all__ = ["RunSummary", "extract", "link", "open", "LedgerDB", "dates", "serve", "DEFAULT_DB"]

DEFAULT_DB = "sideline.duckdb"
#: the default ``n_process`` of :func:`extract`: the cores this process may use
USABLE_CORES = usable_cores()


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


def _engine(pipeline: Pipeline | Recipe, engine: str, n_process: int, batch_size: int,
            ray_address: str | None = None):
    if engine == "local":
        from .engines.local import LocalEngine

        return LocalEngine(pipeline, n_process=n_process, batch_size=batch_size)
    if engine == "ray":
        from .engines.ray import RayEngine

        built = pipeline.build() if isinstance(pipeline, Recipe) else pipeline
        return RayEngine(built, n_process=n_process, batch_size=batch_size, address=ray_address)
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


def extract(inputs: Sequence[str | Path], db: str | Path = DEFAULT_DB, *, n_process: int = USABLE_CORES,
            batch_size: int = 32, strict: bool = False, engine: str = "local",
            ray_address: str | None = None, published: date | None = None, data_dir: str | Path | None = None,
            pipeline: Pipeline | None = None,
            on_result: Callable[[Result], None] | None = None, link_events: bool = True) -> RunSummary:
    """Extract events from ``inputs`` (files, folders, ``-``) into the ledger at ``db``.

    ``n_process`` worker processes share the work (by default as many as this process may
    use cores, :data:`USABLE_CORES`); an input of fewer than ``batch_size`` articles is run in
    this process all the same, since starting workers would cost more than it saves.
    ``engine="ray"`` runs the pipeline on Ray: a local Ray instance with ``n_process``
    workers, or the existing cluster at ``ray_address`` (``"ray://head:10001"``, ``"auto"``;
    else the ``RAY_ADDRESS`` environment variable), whose nodes need sideline and its model.
    ``data_dir`` holds the user's own lexicons (merged over the packaged ones).
    ``strict`` only changes what the command line does with rejects (exit status);
    the run always goes on. ``on_result`` is called with every result as it is stored
    (the CLI uses it for its progress bar and reject messages).
    """
    from .stages.ingest.read import check_inputs, read_inputs
    from .store.database import Store

    check_inputs(inputs)  # none exists: an error, and no database is made
    if ray_address and engine != "ray":
        raise ConfigError(E.E012, address=ray_address, engine=engine)
    started = time.perf_counter()
    # the default pipeline is built where it runs: workers build their own from the recipe
    recipe = Recipe(data_dir=str(data_dir) if data_dir else None)
    if pipeline is None and (data_dir or os.environ.get("SIDELINE_DATA")):
        recipe.build()  # a user's lexicons are checked before the ledger is opened (E006, E008, E009)
    pipeline = pipeline or recipe
    counts = {"articles": 0, "extracted": 0, "unchanged": 0, "rejected": 0, "events": 0}
    rejects: list[Reject] = []
    with Store(db) as store:
        run_id = store.begin_run([str(p) for p in inputs])
        stream = _unseen(read_inputs(list(inputs), published=published), store, batch_size, counts)
        results = _engine(pipeline, engine, n_process, batch_size, ray_address).run(stream)
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


# ``open`` is sideline.open; it hides the builtin in this module, which does not use the builtin.
def open(db: str | Path = DEFAULT_DB) -> "LedgerDB":  # noqa: A001
    """The ledger at ``db``, opened read-only for asking (a :class:`LedgerDB`); use it in a
    ``with`` block or call ``close()``. A missing or older database is a ``StoreError``."""
    return LedgerDB(db)


class LedgerDB:
    """A read-only view of the ledger at ``db``: each method answers one question, as the
    command of the same name does (``sideline events`` is :meth:`events`, ``sideline eval`` is
    :meth:`score`), and returns typed records with a ``to_json()`` twin.

    The database is opened with DuckDB ``read_only=True`` (many readers may share a file,
    none of them needs it writable) and held until :meth:`close`; while it is open no
    ``extract`` can write to it. Filters are declared in :class:`~sideline.query.EventFilter`:
    a new one is a field there, and so a keyword of :meth:`events` and a flag of the CLI.
    """

    def __init__(self, db: str | Path = DEFAULT_DB) -> None:
        from .store.database import Store

        self.path = str(db)
        self._store = Store(db, read_only=True)

    def __enter__(self) -> "LedgerDB":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    def events(self, *, limit: int | None = None, **filters: Any) -> list[Event]:
        """Event mentions (one claim in one article each) that pass every filter given, in
        ledger order; at most ``limit``. Filters: ``actor``, ``with_`` (another participant),
        ``since``, ``until`` (a date or ISO string), ``status``, ``type`` (enum or value),
        ``place``, ``article``, ``country`` (codes: a list or "RUS,USA"), ``cameo`` (a code or
        its first digits), ``plover``, ``source``, ``min_confidence``, ``event_id`` (see
        :class:`~sideline.query.EventFilter`). An unknown filter
        or value is a :class:`~sideline.errors.QueryError`."""
        return _query.events(self._store, EventFilter.of(**filters), limit=limit)

    # the keywords **filters takes, for help(), inspect.signature and the CLI's flag check
    events.__signature__ = inspect.Signature([
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("limit", inspect.Parameter.KEYWORD_ONLY, default=None, annotation="int | None"),
        *(inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=f.type)
          for f in fields(EventFilter)),
    ], return_annotation="list[Event]")

    def counts(self, by: list[str], **filters: Any) -> "Counts":
        """Ledger events counted by ``by``: any of ``month``, ``year``, ``dyad``, ``country``,
        ``type``, ``status`` (a list, or one string with commas). An event counts when one of
        its mentions passes the filters (those of :meth:`events`), once in each group it falls
        in, under its ledger values (see :mod:`sideline.aggregate`). Returns a
        :class:`~sideline.aggregate.Counts` (``rows``, ``records()``, ``to_json()``,
        ``to_arrow()``); an unknown key or filter is a :class:`~sideline.errors.QueryError`."""
        return _query.counts(self._store, by, EventFilter.of(**filters))

    counts.__signature__ = inspect.Signature([
        inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("by", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="list[str]"),
        *(inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=f.type)
          for f in fields(EventFilter)),
    ], return_annotation="Counts")

    def event(self, event_id: str) -> EventClaims | None:
        """One event with all its claims (``event_id`` may be the id of one of its mentions),
        or None."""
        return _query.event_claims(self._store, event_id)

    def story(self, actor_a: str, actor_b: str) -> list[EventClaims]:
        """The events of two actors in date order, each with its claims in the order they were
        published."""
        return _query.bundle(self._store, _query.story(self._store, actor_a, actor_b))

    def actors(self, query: str | None = None) -> list[ActorSummary]:
        """Canonical actors (those whose name or alias holds ``query``), most mentioned first."""
        return _query.actors(self._store, query)

    def articles(self) -> list["ArticleRef"]:
        """Every stored article with its provenance (url, outlet, title, publication date,
        when it entered the ledger) and how many event mentions it holds, by id."""
        from .export.view import article_refs

        return list(article_refs(self._store).values())

    def rejects(self) -> list[Reject]:
        """The inputs that were rejected, and why."""
        return list(self._store.rejects())

    # -- what the web pages ask (sideline serve); each answers from SQL, not the whole ledger ----
    def page(self, *, offset: int = 0, limit: int = 50, **filters: Any) -> "Page":
        """A page of the mentions :meth:`events` gives for the same filters: ``.total`` of them,
        ``.events`` the ``limit`` from ``offset``."""
        return _browse.page(self._store, EventFilter.of(**filters), offset=offset, limit=limit)

    def dyad(self, actor_a: str, actor_b: str, *, offset: int = 0, limit: int = 50) -> "StoryPage":
        """A page of :meth:`story`: ``.total`` events of the pair, ``.events`` the ``limit`` from ``offset``."""
        return _browse.story(self._store, actor_a, actor_b, offset=offset, limit=limit)

    def texts_of(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles of these ids (their text as given), by id."""
        return _browse.articles(self._store, article_ids)

    def article(self, article_id: str) -> "ArticleView | None":
        """One stored article (its text as given), the mentions it holds and its rejects, or None."""
        return _browse.article(self._store, article_id)

    def actor(self, name: str, *, limit: int = 50, offset: int = 0) -> "ActorProfile | None":
        """The canonical actor ``name``: roles, codes, aliases, engagements (latest first, ``limit``
        from ``offset``), mentions per month and status, and its network; or None."""
        return _browse.actor(self._store, name, limit=limit, offset=offset)

    def roster(self, query: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Canonical actors (name, kind, role, country, code, aliases, mentions) from the ledger's
        actor table, most mentioned first; a quick :meth:`actors` without the role sources."""
        return _browse.roster(self._store, query, limit)

    def sql(self, query: str, max_rows: int = 1000, timeout: float = 5.0):
        """Run one read-only SELECT on a sandboxed connection of its own (no external access,
        ``max_rows`` rows, ``timeout`` seconds); a refused or failed query is a ``QueryError``."""
        from .store.sandbox import run_sql

        return run_sql(self.path, query, max_rows=max_rows, timeout=timeout)

    def app(self):
        """The web app (ASGI) over this ledger's file, as ``sideline serve`` serves it. Every
        request opens a read-only connection of its own; close this object if an ``extract``
        must write to the file while the app runs."""
        from .web.app import create_app

        path = self.path
        return create_app(lambda: LedgerDB(path), title=Path(path).name)

    def export(self, format: str = "jsonl", output: str | os.PathLike | None = None):
        """Write the ledger as ``format`` (a name in ``sideline.export.WRITERS``) to ``output``
        (standard output when None or ``-``); returns what was written (``Exported``)."""
        from .export.writers import export

        return export(self._store, format, output)

    def score(self, gold: str | os.PathLike | Iterable[dict], articles: str | os.PathLike | None = None) -> Report:
        """Score the ledger against ``gold`` (a FORMAT.md gold JSONL file, or its rows);
        ``articles``, the articles JSONL that was run, makes its articles without gold count."""
        from .codec import event_to_json

        rows = read_jsonl(gold) if isinstance(gold, (str, os.PathLike)) else list(gold)
        ids = [str(a["id"]) for a in read_jsonl(articles)] if articles else []
        return _score(rows, [event_to_json(ev) for ev in self._store.events()], ids)


def dates(inputs: Sequence[str | Path], published: date | None = None, *,
          on_reject: Callable[[Reject], None] | None = None) -> Iterator[dict[str, Any]]:
    """Every temporal expression of ``inputs`` (read as ``extract`` reads them), one dict per
    expression: ``{"article", "start", "end", "text", "value", "granularity"}``, TIMEX3-style
    values, offsets into the article text as given. ``published`` anchors texts without a
    date; ``on_reject`` is called with each input that cannot be read."""
    from .stages.clean.stage import Clean
    from .stages.ingest.read import read_inputs
    from .stages.nlp import NLP
    from .stages.time.stage import Timexes
    from .stages.time.timexes import timex_records

    pipeline = Pipeline([Clean(), NLP(parse_all=True), Timexes()])
    for item in pipeline.documents(read_inputs(list(inputs), published=published)):
        if isinstance(item, Result):
            if on_reject is not None and item.reject is not None:
                on_reject(item.reject)
            continue
        yield from timex_records(item)


def serve(db: str | Path = DEFAULT_DB, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the ledger at ``db`` as web pages and their JSON twins on ``host``:``port`` until
    interrupted (``sideline serve``). Read-only; binds to this machine only unless ``host`` says
    otherwise. A missing or unreadable ledger is a ``StoreError`` before anything is served."""
    from .web.app import run

    LedgerDB(db).close()  # a missing or newer database fails here, with its code
    run(lambda: LedgerDB(db), host=host, port=port, title=Path(db).name)
