"""sideline serve: the ledger as web pages, each with its JSON twin, read-only and local.

    app.py       the ASGI app (Starlette) and ``run`` (uvicorn); routes, headers, errors
    pages.py     each page as data: the dict its template shows and its ``.json`` twin returns
    render.py    templates (Jinja2, auto-escaping on), safe links, evidence excerpts and highlights
    templates/   one HTML template per page
    static/      css, js/charts.js (timelines, network) and vendor/d3 (d3 7.9.0 from the npm
                 registry with its licence; requirements/vendor-js.sh fetches and checks it)

Nothing outside this package imports it at module level: ``sideline.api`` reaches it only in
``serve`` and ``LedgerDB.app``, so other commands never load the web dependencies.
"""
from .app import create_app, run

__all__ = ["create_app", "run"]
