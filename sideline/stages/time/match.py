"""Find the surface of temporal expressions: run every rule, filter, keep the longest.

:func:`scan` returns :class:`Found` records (span, rule kind, the named groups) in text
order, non-overlapping. Normalisation is :mod:`sideline.stages.time.normalise`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import TimexLexicon, fold

__all__ = ["Found", "scan"]

_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    groups: dict[str, str]

    def g(self, name: str) -> str | None:
        return self.groups.get(name)


def _capitalised(text: str, start: int) -> bool:
    return text[start:start + 1].isupper()


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _named_day(text: str, start: int, lex: TimexLexicon) -> bool:
    """"Black Monday", "Good Friday", "Super Tuesday": a capitalised word naming the day."""
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30):start])
    return bool(m) and m.group(1)[0].isupper() and m.group(1).lower() in lex["named_day_words"]


def _ok_month(f: Found, text: str, lex: TimexLexicon, start: int) -> bool:
    """A month word is capitalised; a bare ambiguous one ("May", "March") needs a cue word."""
    if not _capitalised(text, start):
        return False
    if f.kind != "month" or f.g("year") or f.g("part") or f.g("shift"):
        return True
    word = f.g("mon").lower().rstrip(".")
    if word not in lex["ambiguous_months"]:
        return True
    return _word_before(text, f.start) in lex["month_cues"]


def _ok_time(f: Found) -> bool:
    if f.g("mi") or f.g("ampm"):
        return True
    return bool(f.g("zone") and (f.g("mi2") or f.g("mi")))


def _ok(f: Found, m: re.Match[str], text: str, lex: TimexLexicon) -> bool:
    if f.kind == "time":
        return _ok_time(f)
    if f.kind in ("ref", "anaphoric") and any(w[:1].isupper() for w in text[f.start:f.end].split()[1:]):
        return False  # "Pact for the Future" is a name
    if f.kind in ("weekday", "wd_range") and _named_day(text, f.start, lex):
        return False
    if f.kind == "nth" and _word_before(text, f.start) not in lex["nth_cues"]:
        return False
    for name in ("mon", "mon2", "wd", "wd2"):
        if m.group(name) if name in m.re.groupindex else None:
            start = m.start(name)
            if name.startswith("mon") and not _ok_month(f, text, lex, start):
                return False
            if name.startswith("wd") and not _capitalised(text, start):
                return False
    if f.kind == "date" and not _ok_day(f):
        return False
    if f.kind == "year" and not f.g("part") and _number_context(text, f, lex):
        return False
    return True


def _ok_day(f: Found) -> bool:
    day = int(f.g("day"))
    return 1 <= day <= 31 and (not f.g("day2") or int(f.g("day2")) <= 31)


def _number_context(text: str, f: Found, lex: TimexLexicon) -> bool:
    """A bare four-digit number that is a count or an amount ("2000 troops"), not a year."""
    m = re.match(r"\s*(-?[a-z]+)", text[f.end:f.end + 16].lower())
    return bool(m) and m.group(1) in lex["count_nouns"]


def _all_starts(rx: re.Pattern[str], text: str):
    """Matches at every start, so that "in the past" does not hide "the past few days"."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def scan(text: str, lex: TimexLexicon) -> list[Found]:
    """Every temporal expression the rules find in ``text``, longest first, no overlaps."""
    cands: list[Found] = []
    folded = fold(text)  # the rules' letters are lowered (lexicon.fold); groups come from the text
    for kind, rx in lex.rules:
        for m in _all_starts(rx, folded):
            groups = {k: text[m.start(k):m.end(k)] for k, v in m.groupdict().items() if v}
            end = m.start() + len(text[m.start():m.end()].rstrip(" \t,"))
            f = Found(m.start(), end, kind, groups)
            if _ok(f, m, text, lex):
                cands.append(f)
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    used = bytearray(len(text))
    for f in cands:
        if used.find(1, f.start, f.end) < 0:
            taken.append(f)
            used[f.start:f.end] = b"\x01" * (f.end - f.start)
    return sorted(taken, key=lambda f: f.start)
