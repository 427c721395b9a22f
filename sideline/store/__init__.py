"""The DuckDB ledger: ``schema`` (migrations), ``rows`` (what a batch writes) and ``database``
(``Store``: reads and writes; the only SQL in sideline)."""
from .database import MIGRATIONS, SCHEMA_VERSION, Store, Written, reject_key

__all__ = ["Store", "Written", "MIGRATIONS", "SCHEMA_VERSION", "reject_key"]
