"""The ASGI app behind ``sideline serve``: Starlette routes, Jinja2 templates (auto-escaping on),
static files from the package, uvicorn to serve them.

Every page is a GET; its JSON twin is the same path with ``.json`` (``/event/ID.json``,
``/search.json?actor=Lavrov``) and returns the dict the template shows. Each request uses a
read-only ``LedgerDB`` of its own (``opener``; :class:`Ledgers` keeps them open while requests
come and closes them two seconds after the last), so the server holds no lock on the file
while nobody browses and an ``extract`` can write to it; while one writes, pages answer 503
(E208) until it ends, and then show what it wrote. Nothing here writes: any other method is 405, the SQL page
runs SELECTs on a sandboxed connection. Responses carry a Content-Security-Policy that allows
the package's own scripts and styles only, so text from an article can never run as code.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import E, ConfigError, QueryError, SidelineError, StoreError
from . import pages
from .render import HERE, environment

__all__ = ["create_app", "run", "LOOPBACK"]

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _status(err: SidelineError) -> int:
    if isinstance(err, pages.NotFound):
        return 404
    if isinstance(err, QueryError):
        return 400
    if isinstance(err, StoreError) and err.code == "E208":
        return 503
    return 500


class Ledgers:
    """Read-only LedgerDBs for the requests, one per request at a time. They stay open while
    requests keep coming (DuckDB keeps its cache warm) and are all closed ``idle`` seconds
    after the last one, so that the server holds no lock on the file while nobody browses."""

    def __init__(self, opener: Callable[[], Any], idle: float = 2.0) -> None:
        self.opener, self.idle = opener, idle
        self._free: list[Any] = []
        self._busy, self._last = 0, 0.0
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    @contextmanager
    def ledger(self) -> Iterator[Any]:
        with self._lock:
            led = self._free.pop() if self._free else None
            self._busy += 1
        try:
            led = led or self.opener()
        except BaseException:
            self._release(None)
            raise
        try:
            yield led
        finally:
            self._release(led)

    def _release(self, led: Any) -> None:
        with self._lock:
            self._busy -= 1
            if led is not None:
                self._free.append(led)
            self._last = time.monotonic()
            self._arm(self.idle)

    def _arm(self, delay: float) -> None:
        if self._timer is None:
            self._timer = threading.Timer(delay, self._reap)
            self._timer.daemon = True
            self._timer.start()

    def _reap(self) -> None:
        with self._lock:
            self._timer = None
            left = self.idle - (time.monotonic() - self._last)
            if self._busy or left > 0:
                self._arm(max(left, 0.05))
                return
            free, self._free = self._free, []
        for led in free:
            led.close()

    def close(self) -> None:
        with self._lock:
            free, self._free = self._free, []
        for led in free:
            led.close()


class Site:
    """The pages over one ledger: ``opener()`` gives a fresh read-only LedgerDB."""

    def __init__(self, opener: Callable[[], Any], title: str) -> None:
        self.ledgers, self.title = Ledgers(opener), title
        self.env = environment()

    def respond(self, request: Request, template: str, build: Callable[[Any], dict], as_json: bool) -> Response:
        try:
            with self.ledgers.ledger() as ledger:
                data = build(ledger)
        except SidelineError as err:
            return self.error(request, err, as_json)
        if as_json:
            return JSONResponse(json.loads(json.dumps(data, default=str)), headers=HEADERS)
        html = self.env.get_template(template).render(data=data, title=self.title, twin=_twin(request))
        return Response(html, media_type="text/html; charset=utf-8", headers=HEADERS)

    def error(self, request: Request, err: SidelineError, as_json: bool) -> Response:
        status = _status(err)
        body = {"error": err.code, "message": err.message}
        if as_json:
            return JSONResponse(body, status_code=status, headers=HEADERS)
        html = self.env.get_template("error.html").render(data=body, title=self.title, twin=_twin(request))
        return Response(html, status_code=status, media_type="text/html; charset=utf-8", headers=HEADERS)


def _twin(request: Request) -> str:
    """The address of a page's JSON twin: its path as requested (still percent-encoded) + .json."""
    path = request.scope.get("raw_path", b"").decode("latin-1") or request.url.path
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")


def _split(key: str) -> tuple[str, bool]:
    return (key[:-5], True) if key.endswith(".json") else (key, False)


def _routes(site: Site) -> list:
    def keyed(template: str, fn: Callable, with_params: bool = False):
        def endpoint(request: Request) -> Response:
            key, as_json = _split(request.path_params["key"])
            if with_params:
                return site.respond(request, template, lambda led: fn(led, key, request.query_params), as_json)
            return site.respond(request, template, lambda led: fn(led, key), as_json)
        return endpoint

    def listing(template: str, fn: Callable, as_json: bool, with_params: bool = True):
        def endpoint(request: Request) -> Response:
            build = (lambda led: fn(led, request.query_params)) if with_params else fn
            return site.respond(request, template, build, as_json)
        return endpoint

    routes = [Route("/", lambda request: RedirectResponse("/search", status_code=302))]
    for name, fn, with_params in (("search", pages.search, True), ("counts", pages.counts, True),
                                  ("actors", pages.actors, True),
                                  ("story", pages.story, True), ("rejects", pages.rejects, False),
                                  ("sql", pages.sql, True)):
        routes.append(Route(f"/{name}.json", listing(f"{name}.html", fn, True, with_params)))
        routes.append(Route(f"/{name}", listing(f"{name}.html", fn, False, with_params)))
    routes += [Route("/event/{key:path}", keyed("event.html", pages.event)),
               Route("/actor/{key:path}", keyed("actor.html", pages.actor, with_params=True)),
               Route("/article/{key:path}", keyed("article.html", pages.article)),
               Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")]
    return routes


def create_app(opener: Callable[[], Any], title: str = "sideline", allowed_hosts: tuple[str, ...] | None = None):
    """The app over the ledger ``opener()`` opens (a read-only ``LedgerDB``, one per request).
    ``allowed_hosts``: the Host headers answered (``sideline serve`` on a loopback address allows
    only loopback names, which stops DNS rebinding); None answers any."""
    site = Site(opener, title)
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))] if allowed_hosts else []

    async def not_found(request: Request, exc: Exception) -> Response:
        err = pages.NotFound("page", request.url.path)
        return site.error(request, err, request.url.path.endswith(".json"))

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": "405", "message": "sideline serve only reads: GET and HEAD only"},
                            status_code=405, headers={**HEADERS, "Allow": "GET, HEAD"})

    @asynccontextmanager
    async def lifespan(app) -> AsyncIterator[None]:
        yield
        site.ledgers.close()

    app = Starlette(routes=_routes(site), middleware=middleware, lifespan=lifespan,
                    exception_handlers={404: not_found, 405: not_allowed})
    app.state.ledgers = site.ledgers
    return app


def run(opener: Callable[[], Any], host: str = "127.0.0.1", port: int = 8000, title: str = "sideline") -> None:
    """Serve the app with uvicorn until interrupted; prints the address to open."""
    import uvicorn

    allowed = LOOPBACK if host in LOOPBACK else None
    app = create_app(opener, title=title, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    _check_free(host, port)
    print(f"sideline serve: http://{shown}:{port}/  (read-only; Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_free(host: str, port: int) -> None:
    """A port that cannot be bound is a coded error here, not uvicorn's exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as err:
        raise ConfigError(E.E322, host=host, port=port, reason=err.strerror or str(err)) from None
