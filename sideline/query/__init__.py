"""Typed queries over the ledger, shared by the Python API and the command line.

Every function takes an open :class:`~sideline.store.database.Store` and returns records, never
rows: :class:`~sideline.records.Event` mentions, :class:`EventClaims` (a ledger event with
its claims) and :class:`ActorSummary`, each with a ``to_json()`` twin (``event_to_json`` for
mentions). :class:`sideline.api.LedgerDB` calls them; the CLI prints what it returns.

A filter of ``events`` is declared once, as a field of :class:`EventFilter` with its check in
``_CHECKS``: that makes it a keyword of ``LedgerDB.events`` and a flag of ``sideline events``.
"""
from .actors import ActorSummary, actors
from .events import EventClaims, bundle, counts, event_claims, events, story, story_groups
from .filters import (EventFilter, check_limit, dates_match, fold, names_match, place_match, text_match,
                      words)

__all__ = ["EventFilter", "EventClaims", "ActorSummary", "events", "story", "event_claims", "bundle",
           "actors", "counts", "fold", "check_limit", "story_groups", "names_match", "place_match", "dates_match",
           "text_match", "words"]
