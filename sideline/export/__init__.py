"""Write a store's ledger out: ``writers`` (jsonl, csv, parquet and the dispatch) and
``formats`` (PLOVER records and GDELT 2.0 CAMEO rows)."""
from .writers import (EVENT_COLUMNS, MENTION_COLUMNS, WRITERS, Exported, event_rows, events_path, export,
                      mention_row, mention_rows, open_output)

__all__ = ["export", "Exported", "WRITERS", "MENTION_COLUMNS", "EVENT_COLUMNS",
           "events_path", "open_output", "mention_row", "mention_rows", "event_rows"]
