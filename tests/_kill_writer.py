"""Child process for tests/test_kill.py: write a fixed corpus to a store batch by batch.

    python -m tests._kill_writer DB OUT.jsonl N_BATCHES STALL

It prints ``inside K`` while batch K's transaction is open and ``committed K`` after it;
inside batch STALL it sleeps a minute, so that the parent can SIGKILL it mid-transaction.
When every batch is written it links mentions into events with a fixed rule, exports
the ledger as JSONL to OUT.jsonl and prints ``finished``.
"""
from __future__ import annotations

import sys
import time

from sideline.export.writers import export
from sideline.store.database import Store

from ._store_data import batch


def main(db: str, out: str, n_batches: int, stall: int) -> None:
    current = {"k": -1}
    refresh = Store._refresh_actors

    def slow_refresh(self, names):  # runs inside write_batch's transaction
        refresh(self, names)
        print(f"inside {current['k']}", flush=True)
        if current["k"] == stall:
            time.sleep(60)

    Store._refresh_actors = slow_refresh
    with Store(db) as store:
        run_id = store.begin_run(["corpus"])
        for k in range(n_batches):
            current["k"] = k
            results = batch(k)
            known = store.known_hashes(r.article.id for r in results if r.article)
            todo = [r for r in results if r.article is None or known.get(r.article.id) != r.article.text_hash]
            store.write_batch(todo, run_id)
            print(f"committed {k}", flush=True)
        store.set_event_ids({e.mention_id: f"ev-{e.type.value}-{e.status.value}-{e.article[-1]}"
                             for e in store.events()})
        export(store, "jsonl", out)
        store.finish_run(run_id, store.counts())
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
