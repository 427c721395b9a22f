"""Write a store's ledger out: ``writers`` (jsonl, csv, parquet, plover, cameo and the
dispatch), ``view`` (the ledger read once, with provenance), ``tables`` (the csv and parquet
columns), ``formats`` and ``gdelt`` (PLOVER records and GDELT 2.0 rows), ``codes`` (the
coding rules every format shares)."""
from .writers import EVENT_COLUMNS, MENTION_COLUMNS, WRITERS, Exported, events_path, export, open_output

__all__ = ["export", "Exported", "WRITERS", "MENTION_COLUMNS", "EVENT_COLUMNS", "events_path", "open_output"]
