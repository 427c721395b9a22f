"""Engines run a pipeline over a stream: ``local`` (multiprocessing, the default) and ``ray``.

Both take the same arguments, keep the input order, pass ingest rejects through, and
build one pipeline per worker (stages load their models lazily, so a pipeline pickles
cheaply).
"""
