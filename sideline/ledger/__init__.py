"""The ledger: one real-world engagement across many reports, and the story of its claims.

``link``: which mentions speak of the same engagement; ``story``: what the claims add up to;
``dates``: dates as day intervals; ``learned``: roles the corpus teaches, used when linking;
``ledger``: the ``Ledger`` that ties them together.
"""
from .ledger import ClaimEntry, Ledger, LedgerEvent, event_id_for, ledger_events, link

__all__ = ["Ledger", "LedgerEvent", "ClaimEntry", "link", "event_id_for", "ledger_events"]
