"""Ingest: files, folders and standard input -> ``Article`` records (or ``Reject`` records).

``read``: the readers (JSONL, text, HTML, gzip, stdin); ``html``: main text of an HTML page.
"""
from .read import ARTICLE_SUFFIXES, check_inputs, parse_published, read_inputs, read_text_bytes

__all__ = ["read_inputs", "check_inputs", "read_text_bytes", "parse_published", "ARTICLE_SUFFIXES"]
