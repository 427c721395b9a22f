"""sideline: a ledger of diplomatic engagements read from news text.

    >>> import sideline
    >>> summary = sideline.extract(["articles.jsonl"], db="ledger.duckdb")
    >>> sideline.export.writers(db="ledger.duckdb", format="jsonl", output="events.jsonl")
"""
from .api import RunSummary, export, extract, link
from .errors import ConfigError, InputError, PipelineError, SidelineError, StoreError
from .pipeline import Pipeline
from .records import (Actor, Article, Claim, Document, Event, EventType, Evidence, Granularity,
                      Reject, Result, Status, When, Where)

__all__ = [
    "extract", "export", "link", "RunSummary", "Pipeline",
    "Article", "Actor", "Claim", "Document", "Event", "EventType", "Evidence", "Granularity",
    "Reject", "Result", "Status", "When", "Where",
    "SidelineError", "ConfigError", "PipelineError", "InputError", "StoreError",
]
__version__ = "0.1.0"
