"""Ingest: turn files, folders and standard input into ``Article`` records (or ``Reject`` records).

``read_inputs(paths)`` reads, in the order given:

1. ``-``: standard input, read as bytes like a file. JSON Lines when its first non-blank
   character is ``{``, otherwise one text article with id ``stdin-`` + the first 12 hex
   digits of the SHA-256 of its text (two different texts never share an id).
2. A folder: every article file under it, recursively, in sorted order; hidden files
   and folders (``.name``) and files of other kinds are skipped. A FIFO, socket or device
   (in a folder or named) is never opened: E115.
3. ``.jsonl`` / ``.ndjson`` (also ``.gz``): one article object per line (FORMAT.md
   section 1), read line by line, no line held past ``6 * max_chars`` bytes (E116), runs of
   blank lines skipped a block at a time. A ``.json`` file holds one object, a list of them
   (origins ``path#1``, ``path#2``...) or JSON lines.
4. ``.txt`` (or any other file named explicitly): one article, id = file name without
   extension, decoded by :mod:`.decode`. A whole file (gunzipped or not) is read no further
   than its limit (:mod:`.limits`): a gzip bomb stops there (E105, E119).
5. ``.html`` / ``.htm``: the page's main text, title and date (trafilatura, or a small
   built-in extractor when trafilatura cannot be imported).

Bad input never stops the stream: it becomes a ``Reject(origin, code, reason, article)``:
E109 no such path, E103 binary file, E107 cannot decode, E101 broken JSON line (the
origin and reason name the line), E112 a JSON line that is not an object, E102 no id or
text, E110 an HTML page with no main text, E104 an empty text file, E105 a text larger
than ``max_chars``, E117 an input that gives no article at all. Then :mod:`.guard`: ids and
names become valid UTF-8, a text with a lone surrogate is rejected (E113), and the first
article of an id wins (E114). ``Article.origin`` is ``"path"`` or ``"path:LINE"``. An unparseable
``published`` value becomes None (the clean stage then looks for a date in the text).
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ...errors import E, ConfigError, InputError
from ...records import Article, Reject
from .guard import first_wins, not_regular, storable
from .decode import BOMS, binary_reason as _binary_reason, read_text_bytes, western as _western
from .html import extract_html
from .limits import file_limit, line_limit, lines, open_binary, read_at_most, text_limit

__all__ = ["read_inputs", "check_inputs", "read_text_bytes", "parse_published", "ARTICLE_SUFFIXES"]

log = logging.getLogger(__name__)

JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
ARTICLE_SUFFIXES = JSON_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES


def _reject(origin: str, code: str, article: str | None = None, **values: Any) -> Reject:
    return Reject(origin=origin, code=code, reason=getattr(E, code).format(**values), article=article)


def parse_published(value: object) -> date | None:
    """An ISO date or date-time (``2024-09-27``, ``2024-09-27T10:00:00Z``) as a date, else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _read_bytes(path: Path, max_chars: int) -> bytes:
    """A whole file's bytes, read no further than its limit (a gzip bomb stops there)."""
    suffix = _inner_suffix(path)
    limit = text_limit(max_chars) if suffix not in JSON_SUFFIXES + HTML_SUFFIXES else file_limit(max_chars)
    data = read_at_most(path, limit)
    if data is None:
        if limit == text_limit(max_chars):
            raise InputError(E.E105, size=f"more than {max_chars:,}", limit=max_chars)
        raise InputError(E.E119, limit=limit)
    return data


# -- JSON lines ------------------------------------------------------------------------------
def _kind(value: object) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number",
            bool: "a boolean", type(None): "null"}.get(type(value), type(value).__name__)


def _article(obj: dict, origin: str, default: date | None, max_chars: int) -> Article | Reject:
    """One JSON object -> an Article, or a Reject (E102, E105)."""
    raw_id, text = obj.get("id"), obj.get("text")
    art_id = str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else None
    if not art_id or not art_id.strip() or not isinstance(text, str):
        return _reject(origin, "E102", art_id or None)
    if len(text) > max_chars:
        return _reject(origin, "E105", art_id, size=f"{len(text):,}", limit=max_chars)
    published = parse_published(obj.get("published"))
    if obj.get("published") and published is None:
        log.info("%s: 'published' %r is not an ISO date; looking for a date in the text",
                 origin, obj.get("published"))
    source = "metadata" if published else None
    if published is None and default is not None:
        published, source = default, "given"

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value.strip() else None

    return Article(id=art_id, text=text, published=published, url=opt("url"), title=opt("title"),
                   source=opt("source"), origin=origin, published_from=source)


def _json_line(line: str, name: str, n: int, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    """Line ``n`` of a JSON Lines input: nothing when blank, else an Article or a Reject."""
    line = line.strip().lstrip("\ufeff")
    if not line:
        return
    origin = f"{name}:{n}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        yield _reject(origin, "E101", reason=f"line {n}, column {err.colno}: {err.msg}")
        return
    if not isinstance(obj, dict):
        yield _reject(origin, "E112", kind=_kind(obj))
        return
    yield _article(obj, origin, default, max_chars)


def _json_lines(text: str, name: str, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    if name.lower().endswith((".json", ".json.gz")) and text.lstrip("\ufeff \t\r\n")[:1] in "[{":
        whole = _json_whole(text)
        if whole is not None:
            yield from _json_document(whole, name, default, max_chars)
            return
    for n, line in enumerate(text.split("\n"), start=1):
        yield from _json_line(line, name, n, default, max_chars)


def _stream_jsonl(path: Path, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    """A JSON Lines file (maybe gzipped), read line by line so a big corpus is never all in
    memory, and no line held past its limit; a UTF-16/32 file (BOM) is decoded whole."""
    origin = str(path)
    try:
        with open_binary(path) as f:
            head = f.read(8192)
            wide = any(head.startswith(bom) for bom, enc in BOMS if enc != "utf-8-sig")
            if not wide and (reason := _binary_reason(head)):
                yield _reject(origin, "E103", reason=reason)
                return
            if not wide:
                yield from _jsonl_lines(lines(f, line_limit(max_chars), head), origin, default, max_chars)
    except (OSError, EOFError, zlib.error) as err:
        yield _reject(origin, "E107", reason=f"broken or unreadable data ({err})")
        return
    if wide:
        yield from _read_whole(path, default, max_chars)


def _jsonl_lines(numbered: Iterator[tuple[int, bytes | None]], origin: str, default: date | None,
                 max_chars: int) -> Iterator[Article | Reject]:
    for n, raw in numbered:
        if raw is None:
            yield _reject(f"{origin}:{n}", "E116", limit=line_limit(max_chars))
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = _western(raw) or raw.decode("utf-8", "replace")
        yield from _json_line(line, origin, n, default, max_chars)


def _json_whole(text: str) -> list | None:
    """A ``.json`` file parsed whole: a list of articles, or one article; None if it is not one document."""
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, list) else [value]


def _json_document(items: list, name: str, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    """The articles of a ``.json`` file holding a list (``name#1``, ``name#2``...)."""
    for i, obj in enumerate(items, start=1):
        origin = f"{name}#{i}"
        yield _article(obj, origin, default, max_chars) if isinstance(obj, dict) else \
            _reject(origin, "E112", kind=_kind(obj))


# -- files -------------------------------------------------------------------------------------
def _inner_suffix(path: Path) -> str:
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return os.path.splitext(name)[1]


def _stem(path: Path) -> str:
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return os.path.splitext(name)[0]


def _read_file(path: Path, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    if kind := not_regular(path):
        yield _reject(str(path), "E115", kind=kind)
    elif _inner_suffix(path) in (".jsonl", ".ndjson"):
        yield from _stream_jsonl(path, default, max_chars)
    else:
        yield from _read_whole(path, default, max_chars)


def _read_whole(path: Path, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    origin, suffix = str(path), _inner_suffix(path)
    try:
        text = read_text_bytes(_read_bytes(path, max_chars))
    except InputError as err:
        yield Reject(origin=origin, code=err.code, reason=err.message,
                     article=_stem(path) if err.code == "E105" else None)
        return
    except OSError as err:
        yield _reject(origin, "E107", reason=err.strerror or str(err))
        return
    if suffix in JSON_SUFFIXES:
        yield from _json_lines(text, origin, default, max_chars)
        return
    art_id = _stem(path)
    if suffix in HTML_SUFFIXES:
        yield _html(text, art_id, origin, default, max_chars)
        return
    yield _plain(text, art_id, origin, default, max_chars)


def _plain(text: str, art_id: str, origin: str, default: date | None, max_chars: int) -> Article | Reject:
    if not text.strip():
        return _reject(origin, "E104", art_id)
    if len(text) > max_chars:
        return _reject(origin, "E105", art_id, size=f"{len(text):,}", limit=max_chars)
    return Article(id=art_id, text=text, published=default, origin=origin,
                   published_from="given" if default else None)


def _html(page: str, art_id: str, origin: str, default: date | None, max_chars: int) -> Article | Reject:
    extracted = extract_html(page)
    if not extracted.text.strip():
        return _reject(origin, "E110", art_id)
    if len(extracted.text) > max_chars:
        return _reject(origin, "E105", art_id, size=f"{len(extracted.text):,}", limit=max_chars)
    published, source = parse_published(extracted.date), "metadata"
    if published is None:
        published, source = default, ("given" if default else None)
    return Article(id=art_id, text=extracted.text, published=published, url=extracted.url,
                   title=extracted.title, source=extracted.source, origin=origin, published_from=source)


def _walk(folder: Path) -> list[Path]:
    """Article files under ``folder``, sorted by their path, skipping hidden names."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root, name)
            if not name.startswith(".") and _inner_suffix(path) in ARTICLE_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_stdin(stream: IO, default: date | None, max_chars: int) -> Iterator[Article | Reject]:
    """Standard input, read as bytes (like a file): JSON Lines when its first non-blank
    character is ``{``, else one text article whose id is made from its text."""
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text stream (tests, embedding): back to the bytes it stands for
        data = stream.read()
        binary = io.BytesIO(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)
    head = binary.read(8192)
    while head.isspace() and (more := binary.read(8192)):
        head += more
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _jsonl_lines(lines(binary, line_limit(max_chars), head), "<stdin>", default, max_chars)
        return
    data = head + binary.read(text_limit(max_chars) + 1 - len(head))
    if len(data) > text_limit(max_chars):
        yield _reject("<stdin>", "E105", size=f"more than {max_chars:,}", limit=max_chars)
        return
    try:
        text = read_text_bytes(data)
    except InputError as err:
        yield Reject(origin="<stdin>", code=err.code, reason=err.message)
        return
    yield _plain(text, "stdin-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], "<stdin>",
                 default, max_chars)


def _read_path(p: str | os.PathLike, default: date | None, max_chars: int,
               stdin: IO | None) -> Iterator[Article | Reject]:
    if str(p) == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin, default, max_chars)
        return
    path = Path(p)
    if not os.path.lexists(path):
        yield _reject(str(p), "E109", path=str(p))
    elif path.is_dir():
        for f in _walk(path):
            yield from _read_file(f, default, max_chars)
    else:
        yield from _read_file(path, default, max_chars)


def check_inputs(paths: Iterable[str | os.PathLike]) -> None:
    """ConfigError E010 when not one of ``paths`` exists (``-`` always does): a run with
    nothing to read is an error, not an empty ledger."""
    paths = [str(p) for p in paths]
    if paths and not any(p == "-" or os.path.lexists(p) for p in paths):
        raise ConfigError(E.E010, paths=", ".join(repr(p) for p in paths))


def read_inputs(paths: str | os.PathLike | Iterable[str | os.PathLike], published: date | str | None = None,
                stdin: IO | None = None, max_chars: int = 1_000_000) -> Iterator[Article | Reject]:
    """Articles (and rejects) from files, folders and ``-`` (standard input), in order.

    ``published`` is the publication date of inputs that give none of their own. An input
    that gives nothing is recorded (E117); the first article of an id wins (E114).
    """
    default = parse_published(published)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    yield from first_wins(storable(x) for x in _every(paths, default, max_chars, stdin))


def _every(paths: Iterable[str | os.PathLike], default: date | None, max_chars: int,
           stdin: IO | None) -> Iterator[Article | Reject]:
    for p in paths:
        n = 0
        for item in _read_path(p, default, max_chars, stdin):
            n += 1
            yield item
        if n == 0:
            yield _reject("<stdin>" if str(p) == "-" else str(p), "E117", path=str(p))
