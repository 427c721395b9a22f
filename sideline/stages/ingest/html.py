"""Main text, title, date, URL and site name of an HTML page (used by ingest), by trafilatura.

The URL is the page's own (``og:url``, else ``<link rel="canonical">``) and the site name its
``og:site_name`` (else the host name): the article's ``url`` and ``source`` in every export.

trafilatura runs in its precision mode without its fallback extractors, so that a page
whose only text is a menu or a cookie banner has no main text (and is rejected, E110)
rather than being read as an article.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Extracted", "extract_html"]


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # the site's name


def extract_html(page: str) -> Extracted:
    """The main text and metadata of an HTML page; empty text when it has none."""
    import trafilatura  # here: reading JSON or text never needs it (0.1 s of imports)

    got = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True, fast=True)
    if got is None:
        return Extracted(text="")
    d = got.as_dict() if hasattr(got, "as_dict") else dict(got)
    return Extracted(text=d.get("text") or "", title=d.get("title"), date=d.get("date"), url=d.get("url"),
                     source=d.get("sitename") or d.get("hostname"))
