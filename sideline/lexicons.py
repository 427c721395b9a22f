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
"""
from __future__ import annotations

import json
import os
from dataclasses import field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from .errors import E, ConfigError

__all__ = ["load", "load_lines", "packaged", "entry", "words", "DATA_DIR", "LANGUAGE"]

DATA_DIR = Path(__file__).parent / "data"
#: the language whose lexicons are packaged (``data/<LANGUAGE>``)
LANGUAGE = "en"
R = TypeVar("R")


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
    return tuple(dirs)


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
            data = _merge(data, _read_json(p))
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
        except OSError as err:
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
