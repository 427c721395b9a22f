"""The words and patterns behind temporal expressions, built from ``data/en/timex.json``.

:class:`TimexLexicon` holds the word tables (months, weekdays, seasons, modifiers, tense
cues) and the compiled recognition rules (``rules`` of timex.json, whose ``{PIECES}`` are the
``pieces`` there and the alternations built here from the word tables). Each rule is a
``(kind, regex)`` pair; the kind tells :mod:`sideline.stages.time.normalise` how to normalise
a match. The rules ignore case the fast way: their letters are lowered and they run over the
text with its ASCII letters lowered (:func:`fold`, which keeps every offset), which costs a
third less than ``re.IGNORECASE`` (every rule scans the whole text). Build one with :func:`timex_lexicon` (cached per data directory, like every lexicon).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...lexicons import load

__all__ = ["TimexLexicon", "timex_lexicon", "fold"]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_PATTERN_PIECE = re.compile(r"\\.|\(\?P[<=][^>)]*[>)]|[A-Z]+")


def fold(text: str) -> str:
    """``text`` with its ASCII letters in lower case: same length, same offsets. The rules match
    over it as :data:`re.IGNORECASE` would over ``text`` (their own letters are lowered), the
    words of the lexicons being ASCII."""
    return text.translate(_ASCII_LOWER)


def _lowered(pattern: str) -> str:
    """``pattern`` with its literal letters lowered; escapes (``\\S``, ``\\b``) and group names kept."""
    return _PATTERN_PIECE.sub(lambda m: m.group(0).lower() if m.group(0)[0].isalpha() else m.group(0), pattern)


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class TimexLexicon:
    data: dict[str, Any]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    syntax: dict[str, Any] = field(default_factory=dict)  # data/en/syntax.json: function words

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def month(self, word: str | None) -> int | None:
        return self.data["months"].get(word.lower().rstrip(".")) if word else None

    def weekday(self, word: str | None) -> int | None:
        return self.data["weekdays"].get(word.lower().rstrip(".")) if word else None

    def number(self, word: str) -> int | None:
        word = word.lower()
        return int(word) if word.isdigit() else self.data["numbers"].get(word)


def _word_or_abbr(words: Any, short: Any) -> str:
    """Full words end at a word boundary; abbreviations may take a dot ("Sept.", "Wed.");
    ``short``: full words of four letters or fewer ("may")."""
    full = [w for w in words if len(w) > 4 or w in short]
    abbr = [w for w in words if w not in full]
    return rf"(?:{_alt(full)})\b|(?:{_alt(abbr)})\b\.?"


def _dash(words: Any) -> str:
    """What stands between the two ends of a range: a dash, a slash or a range word ("to")."""
    return r"\s*(?:-|–|—|/|" + "|".join(re.escape(w) for w in words) + r")\s*"


def _pieces(d: dict[str, Any]) -> dict[str, str]:
    short = d["short_months"]
    full_months = [m for m in d["months"] if len(m) > 4 or m in short]
    parts = [p for p in d["parts"] if p not in d["part_phrases"]]
    part_of = d["pieces"]["PART_OF"].replace("{PHRASES}", "|".join(re.escape(p) for p in d["part_phrases"]))
    return {
        **{k: v for k, v in d["pieces"].items() if k != "PART_OF"},
        "MON": rf"(?P<mon>{_word_or_abbr(d['months'], short)})",
        "MON2": rf"(?P<mon2>{_word_or_abbr(d['months'], short)})",
        "FMON": rf"(?P<mon>{_alt(full_months)})\b",
        "FMON2": rf"(?P<mon2>{_alt(full_months)})\b",
        "WD": rf"(?P<wd>{_word_or_abbr(d['weekdays'], short)})",
        "PART": rf"(?P<part>(?:{part_of})|{_alt(parts)})",
        "SHIFT": rf"(?P<shift>{_alt(d['shift'])})",
        "SEASON": rf"(?P<season>{_alt(d['seasons'])})\b",
        "DP": rf"(?P<dp>{_alt(d['day_parts'])})\b",
        "NUM": rf"(?P<num>\d+|{_alt(d['numbers'])})",
        "UNIT": rf"(?P<unit>{_alt(d['units'])})\b",
        "ZONE": rf"(?P<zone>{_alt(d['zones'])})\b",
        "ORD": rf"(?P<ord>{_alt(d['ordinals'])})",
        "DASH": _dash(d["range_words"]),
        "MDASH": _dash(w for w in d["range_words"] if w not in d["month_pair_words"]),  # "April and June"
    }


def _compile(d: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    pieces = _pieces(d)
    pieces["REFS"] = _alt(d["refs"])
    pieces["ANA"] = _alt(d["anaphoric_days"])
    out = []
    for kind, pattern in d["rules"]:
        body = re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: pieces[m.group(1)], pattern)
        body = body.replace(r"\s", r"[^\S\n]")  # an expression never runs over a line break
        lead = "" if body.startswith("(?<=") else r"(?<![\w-])"
        out.append((kind, re.compile(_lowered(rf"{lead}{body}(?![\w])"))))
    return tuple(out)


@lru_cache(maxsize=8)
def timex_lexicon(data_dir: str | os.PathLike | None = None) -> TimexLexicon:
    """The temporal lexicon (``data/en/timex.json`` merged with the user's own) and its rules."""
    data = load("timex", data_dir)
    return TimexLexicon(data=data, rules=_compile(data), syntax=load("syntax", data_dir))
