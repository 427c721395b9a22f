"""sideline: a ledger of diplomatic engagements read from news text.

    >>> import sideline
    >>> summary = sideline.extract(["articles.jsonl"], db="ledger.duckdb")
    >>> with sideline.open("ledger.duckdb") as ledger:
    ...     planned = ledger.events(actor="Lavrov", status="planned")
    ...     ledger.export("jsonl", "events.jsonl")

``extract`` writes the ledger; ``open`` gives a read-only :class:`LedgerDB` whose methods
are the read commands of the CLI (events, counts, event, story, actors, articles, rejects,
export, score);
``dates`` prints no ledger, only the temporal expressions of some texts.
"""
from .errors import (ConfigError, InputError, PipelineError, QueryError, SidelineError,
                     StoreError)
from .pipeline import Pipeline
from .records import (Actor, Article, Claim, Document, Event, EventType, Evidence, Granularity,
                      Reject, Result, Status, When, Where)

# ``open`` is sideline.open, not in __all__: ``from sideline import *`` keeps the builtin open.
__all__ = [
    "extract", "dates", "LedgerDB", "RunSummary", "Pipeline",
    "Article", "Actor", "Claim", "Document", "Event", "EventType", "Evidence", "Granularity",
    "Reject", "Result", "Status", "When", "Where",
    "SidelineError", "ConfigError", "PipelineError", "InputError", "StoreError", "QueryError",
]
__version__ = "0.1.0"

#: the names of :mod:`sideline.api`, imported on first use: a worker process that imports
#: ``sideline.pipeline`` or a stage needs none of the ledger, query and export modules
_API = frozenset({"LedgerDB", "RunSummary", "dates", "extract", "open"})


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'sideline' has no attribute {name!r}")
