"""The words and patterns behind temporal expressions, built from ``data/en/timex.json``.

:class:`TimexLexicon` holds the word tables (months, weekdays, seasons, modifiers, tense
cues) and the compiled recognition rules. Each rule is a ``(kind, regex)`` pair; the kind
tells :mod:`sideline.stages.time.normalise` how to normalise a match. Build one with
:func:`timex_lexicon` (cached per data directory, like every lexicon).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lexicons import load

__all__ = ["TimexLexicon", "timex_lexicon"]

_DASH = r"\s*(?:-|–|—|/|to|and|or|through|till|until)\s*"


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class TimexLexicon:
    data: dict[str, Any]
    rules: tuple[tuple[str, re.Pattern[str]], ...]

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def month(self, word: str | None) -> int | None:
        return self.data["months"].get(word.lower().rstrip(".")) if word else None

    def weekday(self, word: str | None) -> int | None:
        return self.data["weekdays"].get(word.lower().rstrip(".")) if word else None

    def number(self, word: str) -> int | None:
        word = word.lower()
        return int(word) if word.isdigit() else self.data["numbers"].get(word)


def _word_or_abbr(words: Any) -> str:
    """Full words end at a word boundary; abbreviations may take a dot ("Sept.", "Wed.")."""
    full = [w for w in words if len(w) > 4 or w in ("may", "june", "july")]
    abbr = [w for w in words if w not in full]
    return rf"(?:{_alt(full)})\b|(?:{_alt(abbr)})\b\.?"


def _pieces(d: dict[str, Any]) -> dict[str, str]:
    full_months = [m for m in d["months"] if len(m) > 4 or m in ("may", "june", "july")]
    parts = [p for p in d["parts"] if p not in ("beginning", "start", "middle", "end", "close")]
    return {
        "MON": rf"(?P<mon>{_word_or_abbr(d['months'])})",
        "MON2": rf"(?P<mon2>{_word_or_abbr(d['months'])})",
        "FMON": rf"(?P<mon>{_alt(full_months)})\b",
        "FMON2": rf"(?P<mon2>{_alt(full_months)})\b",
        "WD": rf"(?P<wd>{_word_or_abbr(d['weekdays'])})",
        "FWD": r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        "FWD2": r"(?P<wd2>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b",
        "DAY2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b",
        "YEAR": r"(?<![\d$£€.,])(?P<year>(?:1[6-9]|20)\d\d)\b(?!/\d|-(?!\d\d(?:\d\d)?\b)\d|%|,\d| percent)",
        "PART": rf"(?P<part>(?:the\s+(?:very\s+)?(?:beginning|start|middle|end|close)\s+of)|{_alt(parts)})",
        "SHIFT": rf"(?P<shift>{_alt(d['shift'])})",
        "SEASON": rf"(?P<season>{_alt(d['seasons'])})\b",
        "DP": rf"(?P<dp>{_alt(d['day_parts'])})\b",
        "NUM": rf"(?P<num>\d+|{_alt(d['numbers'])})",
        "UNIT": rf"(?P<unit>{_alt(d['units'])})\b",
        "ZONE": rf"(?P<zone>{_alt(d['zones'])})\b",
        "ORD": rf"(?P<ord>{_alt(d['ordinals'])})",
        "DASH": _DASH,
        "MDASH": _DASH.replace("|and|", "|"),  # "April and June" are two months, not a window
    }


_RULES = (
    ("iso", r"(?<![\d/-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    ("numeric", r"(?:{WD},?\s+)?(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    ("date", r"(?:{WD},?\s+)?(?:the\s+)?{MON}\s+{DAY}(?:{DASH}(?:{MON2}\s+)?{DAY2})?(?:,?\s+{YEAR})?"),
    ("date", r"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:{DASH}{DAY2})?\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?"),
    ("date", r"(?:{WD},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MON}{DASH}{DAY2}\s+(?:of\s+)?{MON2}(?:,?\s+{YEAR})?"),
    ("dotted", r"(?:{WD},?\s+)?(?<![\d.])(?P<b>[0-3]?\d)\.(?P<a>[01]?\d)\.(?P<y>\d{4})(?![\d])"),
    ("month", r"(?:{PART}\s*-?\s*)?(?:(?:in\s+)?{SHIFT}\s+)?{MON},?\s+(?:of\s+)?{YEAR}"),
    ("month", r"(?:{PART}\s*-?\s*(?:in\s+)?)?(?:{SHIFT}\s+)?{FMON}"),
    ("month", r"(?:{PART}\s*-?\s*)?{FMON}{MDASH}{FMON2}(?:,?\s+{YEAR})?"),
    ("year", r"(?:{PART}\s*-?\s*(?:in\s+)?)?{YEAR}"),
    ("year_end", r"(?<=(?P<y1>(?:1[6-9]|20)\d\d)[-–])(?P<yy2>\d\d(?:\d\d)?)\b"),
    ("decade", r"(?:the\s+)?(?P<cent>1[6-9]|20|')?(?P<dec>\d)0'?s\b"),
    ("yy", r"(?<![\w'])'(?P<yy>\d\d)\b"),
    ("century", r"(?P<cent>\d{1,2})(?:st|nd|rd|th)[ -]century"),
    ("quarter", r"(?:the\s+)?{ORD}[ -](?:fiscal[ -])?quarter"
                r"(?:\s+of\s+(?:(?:the\s+)?{SHIFT}\s+(?:fiscal\s+)?year|{YEAR}))?"),
    ("quarter", r"\bQ(?P<q>[1-4])(?:\s+{YEAR})?"),
    ("shifted", r"(?:{PART}\s+(?:in\s+)?)?(?:the\s+)?{SHIFT}\s+(?P<fiscal>fiscal\s+)?"
                r"(?P<unit>week|weekend|month|year|quarter|decade|{SEASON}|{FWD})"),
    ("part_unit", r"{PART}\s+(?:in\s+)?(?:the\s+)?(?P<unit>year|month|week|day)\b"),
    ("season", r"(?:{PART}\s+)?(?:{SHIFT}\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?{YEAR})?"),
    ("weekend", r"(?:over\s+)?the\s+(?P<unit>weekend)\b"),
    ("same", r"the\s+same\s+(?P<unit>month|period|quarter|week|day)\s+"
             r"(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?(?:the\s+)?(?:last|previous)\s+year)"),
    ("prev_year", r"(?:the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+(?:before|previous|earlier)"
                  r"|a\s+year\s+(?:earlier|before))"),
    ("duration", r"(?:the\s+)?(?P<shift>past|last|next|coming|previous|following)\s+{NUM}\s+{UNIT}"),
    ("ago", r"{NUM}\s+{UNIT}\s+(?P<dir>ago|earlier|later)"),
    ("deictic", r"(?P<pre>earlier\s+|later\s+)?(?P<deictic>today|tomorrow|yesterday|tonight)(?:\s+{DP})?"),
    ("this_dp", r"(?P<shift>this|last|tomorrow|yesterday)\s+{DP}"),
    ("wd_range", r"(?:(?:from|between)\s+)?{FWD}{DASH}{FWD2}"),
    ("weekday", r"(?:{SHIFT}\s+)?{FWD}(?:\s+{DP})?"),
    ("time", r"(?<![\d:.,$])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|(?P<mi2>[0-5]\d)(?=\s*(?:UTC|GMT)))?"
             r"\s*(?P<ampm>[ap]\.?m\b\.?)?\s*(?:{ZONE})?"
             r"(?:,?\s+(?:on\s+)?(?:{FWD}|(?P<deictic>today|tomorrow|yesterday)))?"),
    ("nth", r"the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:century|anniversary|time|round|day|session))"),
    ("ref", r"(?P<ref>{REFS})\b"),
    ("anaphoric", r"(?P<ana>{ANA})\b"),
)


def _compile(d: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    pieces = _pieces(d)
    pieces["REFS"] = _alt(d["refs"])
    pieces["ANA"] = _alt(d["anaphoric_days"])
    out = []
    for kind, pattern in _RULES:
        body = re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: pieces[m.group(1)], pattern)
        body = body.replace(r"\s", r"[^\S\n]")  # an expression never runs over a line break
        lead = "" if body.startswith("(?<=") else r"(?<![\w-])"
        out.append((kind, re.compile(rf"{lead}{body}(?![\w])", re.IGNORECASE)))
    return tuple(out)


@lru_cache(maxsize=8)
def timex_lexicon(data_dir: str | os.PathLike | None = None) -> TimexLexicon:
    """The temporal lexicon (``data/en/timex.json`` merged with the user's own) and its rules."""
    data = load("timex", data_dir)
    return TimexLexicon(data=data, rules=_compile(data))
