"""Load the data files that drive sideline: triggers, cues, titles, places, actor knowledge.

The packaged files live in ``sideline/data/en`` (the English lexicons and knowledge) and
``sideline/data`` (tables that hold for every language: event types, GDELT codes); a name is
looked up in that order (:func:`packaged`). A user extends them with a directory of
their own (``$SIDELINE_DATA`` or the ``data_dir`` argument): a file of the same name there
is merged over the packaged one. JSON lists are extended, JSON objects are updated key by
key (recursively for nested objects), and text files are appended. Text files hold one
entry per line; blank lines and lines starting with ``#`` are skipped.

Rule modules read their words through a *word record*: a frozen dataclass whose fields are
:func:`entry` fields, each naming the lexicon and key it comes from. :func:`words` builds one
per class and data directory, so that a stage builds its record once in ``__init__`` (with its
``data_dir``) and hands it down; a rule called without one falls back to ``words(Record)``,
the packaged lexicons (and ``$SIDELINE_DATA``).

A user's file is checked before it is merged (a bad one is a ConfigError naming it): it
must be UTF-8 JSON (or text) whose values have the packaged file's shapes (an object where
it has an object, a list where it has a list: E006); the folder must exist (E008). Most
entries are literal phrases. The few that are regular expressions (``PATTERNS``) must
compile (E006) and must not nest repetition: a repeated group that itself holds an
unbounded repeat or, repeated without bound, an alternation (``(a|aa)+``, ``(\\w+\\s?)*``,
``(.*a){12}``) can take exponential time on one line of text, and is refused (E009).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from .errors import E, ConfigError

__all__ = ["load", "load_lines", "packaged", "entry", "words", "DATA_DIR", "LANGUAGE", "PATTERNS", "check_pattern"]

DATA_DIR = Path(__file__).parent / "data"
#: the language whose lexicons are packaged (``data/<LANGUAGE>``)
LANGUAGE = "en"
R = TypeVar("R")

#: the entries of each lexicon that are regular expressions (``[]``: every item of a list,
#: ``[0]``: the first item); every other entry is a literal phrase
PATTERNS = {
    "boilerplate": ("lines[]", "inline[]", "replacements[][0]"),
    "pubdate": ("byline_keywords", "byline_exclude[]", "prefix", "dates[]", "dateline", "dateline_day_first",
                "urls[].pattern", "embedded_post", "caption_end", "caption_exclude[]", "month_dates[]"),
    "venues": ("venues[].patterns[]",),
}


def packaged(filename: str) -> Path:
    """The packaged data file ``filename``: the language's own, else the language-free one."""
    own = DATA_DIR / LANGUAGE / filename
    return own if own.exists() else DATA_DIR / filename


def _user_dirs(data_dir: str | os.PathLike | None) -> tuple[Path, ...]:
    dirs = []
    if os.environ.get("SIDELINE_DATA"):
        dirs.append(Path(os.environ["SIDELINE_DATA"]))
    if data_dir:
        dirs.append(Path(data_dir))
    for d in dirs:
        if not d.is_dir():
            raise ConfigError(E.E008, path=str(d))
    return tuple(dirs)


def _shape(value: Any) -> str:
    return "an object" if isinstance(value, dict) else "a list" if isinstance(value, list) else "a value"


def _check_shapes(base: Any, extra: Any, path: Path, where: str = "the file") -> None:
    """A user's value must have the shape of the packaged one (object, list, or plain value)."""
    if _shape(base) != _shape(extra) and base is not None:
        raise ConfigError(E.E006, path=str(path), reason=f"{where} is {_shape(extra)}; it must be {_shape(base)}")
    if isinstance(base, dict):
        for k, v in extra.items():
            if k in base:
                _check_shapes(base[k], v, path, f"'{k}'")


def _at(value: Any, steps: list[str], where: str):
    """The (place, string) pairs a ``PATTERNS`` path names inside ``value``."""
    if not steps:
        if isinstance(value, str):
            yield where, value
        return
    step, rest = steps[0], steps[1:]
    if step == "[]" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _at(item, rest, f"{where}[{i}]")
    elif step.startswith("[") and isinstance(value, list) and len(value) > int(step[1:-1]):
        yield from _at(value[int(step[1:-1])], rest, f"{where}{step}")
    elif isinstance(value, dict) and step in value:
        yield from _at(value[step], rest, f"{where}.{step}" if where else step)


def _check_patterns(name: str, data: Any, path: Path) -> None:
    for spec in PATTERNS.get(name, ()):
        for where, pattern in _at(data, re.findall(r"\[\d*\]|[^.\[\]]+", spec), ""):
            check_pattern(pattern.replace("{MONTH}", "(?:jan)"), where, path)


def check_pattern(pattern: str, where: str, path: str | os.PathLike) -> None:
    """Compile a user's regular expression: E006 when it does not compile, E009 when it
    nests repetition (see the module doc)."""
    try:
        re.compile(pattern)
        tree = _sre.parse(pattern)
    except (re.error, OverflowError, RecursionError) as err:
        raise ConfigError(E.E006, path=str(path), reason=f"{where}: not a regular expression ({err})") from err
    if _nested(tree, None):
        raise ConfigError(E.E009, pattern=pattern, where=where, path=str(path))


try:  # the parser of the standard re module (named sre_parse before Python 3.11)
    import re._parser as _sre  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_REPEATS = {str(op) for op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")}


def _nested(items: Any, outer: int | None) -> bool:
    """Whether a parsed pattern repeats (``outer``: the bound of the repeat it is in, if any)
    an unbounded repeat or, without bound, an alternation."""
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            low, high, body = av
            unbounded = high == _sre.MAXREPEAT
            if outer is not None and outer > 1 and unbounded:
                return True
            inner = high if outer is None else max(high, outer)
            if _nested(body, inner if high > 1 else outer):
                return True
        elif name == "BRANCH" and outer == _sre.MAXREPEAT:
            return True
        elif any(_nested(x, outer) for x in _parts(av)):
            return True
    return False


def _parts(av: Any):
    """The sub-patterns inside an operand (groups, branches, lookarounds)."""
    if isinstance(av, _sre.SubPattern):
        yield av
    elif isinstance(av, (tuple, list)):
        for x in av:
            if isinstance(x, (_sre.SubPattern, tuple, list)):
                yield from _parts(x)


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ConfigError(E.E006, path=str(path), reason=str(err)) from err


def load(name: str, data_dir: str | os.PathLike | None = None) -> Any:
    """The JSON lexicon ``name`` (``data/NAME.json``), merged with the user's own."""
    return _load_json(name, _user_dirs(data_dir))


@lru_cache(maxsize=64)
def _load_json(name: str, dirs: tuple[Path, ...]) -> Any:
    data = _read_json(packaged(f"{name}.json"))
    for d in dirs:
        p = d / f"{name}.json"
        if p.exists():
            extra = _read_json(p)
            _check_shapes(data, extra, p)
            _check_patterns(name, extra, p)
            data = _merge(data, extra)
    return data


def load_lines(name: str, data_dir: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The text lexicon ``name`` (``data/NAME.txt``): one entry per line, user's lines appended."""
    return _load_lines(name, _user_dirs(data_dir))


@lru_cache(maxsize=64)
def _load_lines(name: str, dirs: tuple[Path, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for p in (packaged(f"{name}.txt"), *(d / f"{name}.txt" for d in dirs)):
        if not p.exists():
            continue
        try:
            lines = p.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(E.E006, path=str(p), reason=str(err)) from err
        out += [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(out)


def entry(lexicon: str, key: str, kind: Callable[[Any], Any] = frozenset) -> Any:
    """A field of a word record: ``key`` of the JSON lexicon ``lexicon`` (``"cues.venue_nouns"``
    for a nested key), turned into ``kind`` (a frozenset by default; ``tuple`` keeps the order,
    ``str`` takes one string)."""
    return field(metadata={"lexicon": lexicon, "key": key, "kind": kind})


def words(record: type[R], data_dir: str | os.PathLike | None = None) -> R:
    """The word record ``record`` (a frozen dataclass of :func:`entry` fields) filled from the
    lexicons merged with the user's own; built once per class and data directory."""
    return _words(record, _user_dirs(data_dir))


@lru_cache(maxsize=64)
def _words(record: type[R], dirs: tuple[Path, ...]) -> R:
    values = {}
    for f in fields(record):
        name, key = f.metadata["lexicon"], f.metadata["key"]
        value = _load_json(name, dirs)
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise ConfigError(E.E006, path=str(packaged(f"{name}.json")), reason=f"no key {key!r}")
            value = value[part]
        values[f.name] = f.metadata["kind"](value)
    return record(**values)
