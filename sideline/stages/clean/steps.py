"""The text-cleaning steps of the clean stage, each one a list of edits on a :class:`Tracked` text.

Every function here takes the current text and returns sorted, non-overlapping
``(start, end, replacement)`` edits, so that :class:`~sideline.stages.clean.offsets.Tracked` can keep
each cleaned character tied to the raw characters it came from. The order in which
the clean stage applies them is documented in :mod:`sideline.stages.clean.stage`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from ...lexicons import load

__all__ = [
    "Rules", "FrontMatter", "line_end_edits", "escape_edits", "entity_edits", "mojibake_edits", "front_matter",
    "markup_edits", "boilerplate_edits", "duplicate_edits", "wrap_edits", "space_edits",
    "gap_edits", "newline_edits",
]

Edits = list[tuple[int, int, str]]

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MAYBE_MOJIBAKE = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
TAG = re.compile(r"<!--.*?-->|</?([A-Za-z][A-Za-z0-9]{0,10})(?:\s[^<>]{0,300})?/?>", re.DOTALL)
BLOCK_TAGS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer".split())
MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)")
MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
MD_LINE = re.compile(r"^(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
YAML_FM = re.compile(r"\A\s*---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
PELICAN_FM = re.compile(r"\A(?:(?:Title|Date|Category|Tags|Slug|Author|Src|Summary|Lang)[ \t]*:[^\n]*\n){2,}")
FM_FIELD = re.compile(r"^([A-Za-z_][\w -]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
LINE = re.compile(r"[^\n]*\n?")
NOT_ALNUM = re.compile(r"[\W_]+")
TERMINAL = re.compile(r"[.!?:;\"”’)\]…]\s*$")
NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")
LETTER = re.compile(r"[^\W\d_]")
SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
GLUED = re.compile(r"(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][a-z][a-z])(?=[A-Z][a-z])")
SPACE_AT = re.compile(r"\s")
BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")
INVISIBLE = re.compile(r"[\r\u200b\u200c\u200d\u2060\ufeff\u00ad]+")


@dataclass(frozen=True)
class Rules:
    """The compiled ``boilerplate`` lexicon."""

    lines: re.Pattern  # every line regex in one alternation
    inline: tuple[re.Pattern, ...]
    replacements: tuple[tuple[re.Pattern, str], ...]
    function_end: re.Pattern  # a line ending with a function word ("the", "of", "will")
    menu_run: int = 5
    menu_line_chars: int = 30

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Rules":
        flags = re.IGNORECASE
        return cls(lines=re.compile("|".join(f"(?:{p})" for p in data["lines"]), flags),
                   inline=tuple(re.compile(p) for p in data["inline"]),
                   replacements=tuple((re.compile(p), r) for p, r in data["replacements"]),
                   function_end=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["function_words"]) + r")$"),
                   menu_run=int(data.get("menu_run", 5)),
                   menu_line_chars=int(data.get("menu_line_chars", 30)))


@lru_cache(maxsize=1)
def _packaged_rules() -> Rules:
    """The rules of the packaged ``boilerplate`` lexicon (for a step called without the stage's)."""
    return Rules.from_data(load("boilerplate"))


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for every line; ``end`` includes the newline."""
    for m in LINE.finditer(text):
        if m.end() > m.start():
            yield m.start(), m.end(), m.group()


def _merge(*edit_lists: Edits) -> Edits:
    """Sorted edits with overlaps resolved in favour of the earliest, longest one."""
    out: Edits = []
    for s, e, r in sorted((x for lst in edit_lists for x in lst), key=lambda x: (x[0], -x[1])):
        if not out or s >= out[-1][1]:
            out.append((s, e, r))
    return out


# -- 1. line ends and entities ---------------------------------------------------------------
def line_end_edits(text: str) -> Edits:
    """Windows (CR LF) and old Mac (CR) line ends become LF."""
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)]


LITERAL_BREAK = re.compile(r"(?:\\r\\n|\\n|\\r)(?![a-z])")  # not "C:\\new\\reports"
ESCAPE = re.compile(r"(?:\\r\\n|\\[nr])(?![a-z])|\\[t\"'\\]")
SQL_QUOTE = re.compile(r"(?<=[A-Za-z])''(?=[A-Za-z])")
UNESCAPED = {"\\n": "\n", "\\r": "\n", "\\t": " ", '\\"': '"', "\\'": "'", "\\\\": "\\"}


def escape_edits(text: str, min_breaks: int = 2) -> Edits:
    """A text dumped with its escapes (an SQL or JSON export written out as is): literal
    ``\\r\\n``, ``\\n`` and ``\\r`` become line breaks, ``\\t`` a space, ``\\"`` and ``\\'`` quotes, and
    an SQL-doubled quote inside a word (``Russia''s``) one quote. Only when the text holds at
    least ``min_breaks`` literal line breaks or doubled quotes, and more literal line breaks
    than real ones, so a backslash in an ordinary article (a path, a regex quoted in a tech
    story) is left alone."""
    if "\\" not in text and "''" not in text:
        return []  # no escape at all: most texts stop here
    breaks, doubled = len(LITERAL_BREAK.findall(text)), len(SQL_QUOTE.findall(text))
    if text.strip().count("\n") >= max(breaks, 1):
        return []
    edits: Edits = []
    if breaks >= min_breaks:
        edits += [(m.start(), m.end(), "\n" if m.group() == "\\r\\n" else UNESCAPED[m.group()])
                  for m in ESCAPE.finditer(text)]
    if doubled >= min_breaks or (doubled and breaks >= min_breaks):
        edits += [(m.start(), m.end(), "'") for m in SQL_QUOTE.finditer(text)]
    return _merge(sorted(edits))


def entity_edits(text: str, rules: Rules) -> Edits:
    """``&#039;`` -> ``'``, ``&amp;`` -> ``&``, and broken forms such as ``,quot;``."""
    edits = [(m.start(), m.end(), html.unescape(m.group())) for m in ENTITY.finditer(text)]
    for rx, repl in rules.replacements:
        edits += [(m.start(), m.end(), repl) for m in rx.finditer(text)]
    return _merge(edits)


# -- 2. mojibake ---------------------------------------------------------------------------
def mojibake_edits(text: str, fix: Callable[[str], str]) -> Edits:
    """ftfy, one line at a time, on the lines that hold characters mojibake is made of."""
    edits: Edits = []
    for s, e, line in _lines(text):
        body = line.rstrip("\n")
        if MAYBE_MOJIBAKE.search(body):
            fixed = fix(body)
            if fixed != body:
                edits.append((s, s + len(body), fixed))
    return edits


# -- 3. front matter and markup ------------------------------------------------------------
@dataclass(frozen=True)
class FrontMatter:
    edits: Edits = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def front_matter(text: str) -> FrontMatter:
    """YAML (``---``) or Pelican (``Title: ...``) front matter: its fields, and edits that
    drop it but keep the title's words as the first line."""
    m = YAML_FM.match(text) or PELICAN_FM.match(text)
    if not m:
        return FrontMatter()
    block_start, block_end = m.start(), m.end()
    fields: dict[str, str] = {}
    title_span = None
    for f in FM_FIELD.finditer(text, block_start, block_end):
        key, value = f.group(1).strip().lower(), f.group(2)
        vs, ve = f.start(2), f.end(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, vs, ve = value[1:-1], vs + 1, ve - 1
        fields.setdefault(key, value)
        if key == "title" and value and title_span is None:
            title_span = (vs, ve)
    if title_span is None:
        return FrontMatter([(block_start, block_end, "")], fields)
    last = block_end - 1 if text[block_end - 1:block_end] == "\n" else block_end
    return FrontMatter([(block_start, title_span[0], ""), (title_span[1], last, "")], fields)


def markup_edits(text: str) -> Edits:
    """HTML tags (block tags become line breaks) and Markdown (images, links, bold, headings)."""
    edits: Edits = []
    for m in TAG.finditer(text):
        name = (m.group(1) or "").lower()
        edits.append((m.start(), m.end(), "\n" if name in BLOCK_TAGS else ""))
    edits += [(m.start(), m.end(), "") for m in MD_IMAGE.finditer(text)]
    for m in MD_LINK.finditer(text):
        edits += [(m.start(), m.start(1), ""), (m.end(1), m.end(), "")]
    for m in MD_STRONG.finditer(text):
        edits += [(m.start(), m.start(2), ""), (m.end(2), m.end(), "")]
    edits += [(m.start(), m.end(), "") for m in MD_LINE.finditer(text) if m.end() > m.start()]
    return _merge(edits)


# -- 4. boilerplate -----------------------------------------------------------------------
def _short(line: str, limit: int) -> bool:
    s = line.strip()
    return 0 < len(s) <= limit and not TERMINAL.search(s) and not s[-1:].isdigit()


def _foreign(line: str, latin_text: bool) -> bool:
    """A line mostly in another script than the (Latin-script) text's."""
    if line.isascii() or not latin_text:
        return False
    letters = LETTER.findall(line)
    return len(letters) >= 3 and len(NON_LATIN.findall(line)) > len(letters) / 2


def boilerplate_edits(text: str, rules: Rules) -> Edits:
    """Inline tokens, boilerplate lines, navigation menus and lines in a foreign script."""
    edits: Edits = [(m.start(), m.end(), "") for rx in rules.inline for m in rx.finditer(text)]
    letters = LETTER.findall(text)
    latin_text = len(NON_LATIN.findall(text)) < 0.5 * max(len(letters), 1)
    lines = [(s, e, line.strip()) for s, e, line in _lines(text)]
    run: list[tuple[int, int]] = []
    for k, (s, e, body) in enumerate(lines):
        if not body:
            continue
        if rules.lines.search(body) or _foreign(body, latin_text):
            edits.append((s, e, ""))
        if _short(body, rules.menu_line_chars) and not _heading(lines, k):
            run.append((s, e))
            continue
        if len(run) >= rules.menu_run:
            edits += [(a, b, "") for a, b in run]
        run = []
    if len(run) >= rules.menu_run:
        edits += [(a, b, "") for a, b in run]
    return _merge(edits)


def _heading(lines: list[tuple[int, int, str]], k: int) -> bool:
    """A short line of four words or more on its own between blank lines: a headline, not a menu item."""
    blank_before = k == 0 or not lines[k - 1][2]
    blank_after = k + 1 == len(lines) or not lines[k + 1][2]
    return blank_before and blank_after and len(lines[k][2].split()) >= 4


# -- 5. duplicates ----------------------------------------------------------------------------
def _key(line: str) -> str:
    return NOT_ALNUM.sub("", line.lower())


def duplicate_edits(text: str, min_chars: int = 20, ratio: float = 0.9, window: int = 8) -> Edits:
    """Drop every line (paragraph, caption, headline) printed before, exactly or nearly; a
    line whose words a nearby longer line repeats (a standfirst, then the lead with a
    dateline); and the second half of a line that says its first half twice."""
    lines = [(s, e, _key(line)) for s, e, line in _lines(text)]
    lines = [x for x in lines if len(x[2]) >= min_chars]
    seen: set[str] = set()
    heads: dict[str, list[str]] = {}
    edits: Edits = []
    for i, (s, e, key) in enumerate(lines):
        if key in seen or _near(key, heads, ratio) or _inside(i, lines, window):
            edits.append((s, e, ""))
            continue
        seen.add(key)
        heads.setdefault(key[:24], []).append(key)
        heads.setdefault("$" + key[-24:], []).append(key)
        edits += _repeat_in_line(text, s, e)
    return edits


def _near(key: str, heads: dict[str, list[str]], ratio: float) -> bool:
    for other in heads.get(key[:24], []) + heads.get("$" + key[-24:], []):
        shorter, longer = sorted((len(key), len(other)))
        if shorter >= ratio * longer and _similarity(key, other) >= ratio:
            return True
    return False


def _similarity(a: str, b: str) -> float:
    try:
        from rapidfuzz.fuzz import ratio
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib is slower
        return SequenceMatcher(None, a, b, autojunk=False).ratio()
    return ratio(a, b) / 100


def _inside(i: int, lines: list[tuple[int, int, str]], window: int, min_chars: int = 60) -> bool:
    key = lines[i][2]
    if len(key) < min_chars:
        return False
    near = lines[max(0, i - window):i] + lines[i + 1:i + 1 + window]
    return any(len(other) > len(key) and key in other for _, _, other in near)


def _repeat_in_line(text: str, start: int, end: int, min_chars: int = 25, slack: int = 12) -> Edits:
    """``"Caption words (AP) Credit: Caption words (AP)"`` -> drop from "Credit:" on."""
    line = text[start:end].rstrip("\n")
    if len(line) < 2 * min_chars or len(line) > 5000:
        return []
    key = _key(line)
    n, done = 0, 0  # n: len(_key(line[:done])), counted piece by piece (the key drops characters one by one)
    for m in re.finditer(r"\s+(?=\S)", line):
        b = m.start()
        if b > len(line) * 0.7:
            break
        n, done = n + len(_key(line[done:b])), b
        if b < len(line) * 0.3:
            continue
        if n >= min_chars and key.endswith(key[:n]) and len(key) - 2 * n <= slack and 2 * n <= len(key):
            return [(start + b, start + len(line), "")]
    return []


# -- 6. hard wraps and whitespace ---------------------------------------------------------
def wrap_edits(text: str, rules: Rules | None = None) -> Edits:
    """Join lines broken inside a sentence.

    A single line break is joined when the line does not end a sentence and the next one
    starts in lower case or with punctuation, or the line ends with a function word
    ("the", "of", "will"), or the block is hard-wrapped (3+ lines of like length). A blank
    line is joined only when the next paragraph starts in lower case after a long line.
    """
    rules = rules or _packaged_rules()
    wrapped = _wrapped_breaks(text)
    edits: Edits = []
    for m in BREAK.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 1]
        if not before or not after:
            continue
        single = m.group().count("\n") == 1
        if not TERMINAL.search(before) and after in ".,;:!?)":
            edits.append((m.start(), m.end(), ""))
        elif not TERMINAL.search(before) and after.islower() and (single or _long_line(text, m.start())):
            edits.append((m.start(), m.end(), " "))
        elif single and (m.start() in wrapped or (rules.function_end.search(before) and not TERMINAL.search(before))):
            edits.append((m.start(), m.end(), " "))
    return edits


def _long_line(text: str, end: int, min_chars: int = 60) -> bool:
    """Whether the line ending at ``end`` is a paragraph's worth (not a headline)."""
    return end - (text.rfind("\n", 0, end) + 1) >= min_chars


def _wrapped_breaks(text: str, lo: int = 40, hi: int = 100, spread: int = 25) -> set[int]:
    """Offsets of the line breaks inside hard-wrapped blocks (3+ lines, all but the last
    of like length between ``lo`` and ``hi`` characters)."""
    out: set[int] = set()
    block: list[tuple[int, int]] = []  # (offset of the line's break, length) of the block's lines
    for s, e, line in _lines(text + "\n"):
        body = line.strip()
        if body:
            block.append((s + len(line.rstrip("\n")), len(body)))
            continue
        out |= _wrapped_block(block, lo, hi, spread)
        block = []
    out |= _wrapped_block(block, lo, hi, spread)
    return out


def _wrapped_block(block: list[tuple[int, int]], lo: int, hi: int, spread: int) -> set[int]:
    body = [n for _, n in block[:-1]]
    if len(block) < 3 or min(body) < lo or max(body) > hi or max(body) - min(body) > spread:
        return set()
    return {pos for pos, _ in block[:-1]}


def space_edits(text: str) -> Edits:
    """Invisible characters go; any run of spaces, tabs or no-break spaces becomes one space."""
    edits = [(m.start(), m.end(), "") for m in INVISIBLE.finditer(text)]
    edits += [(m.start(), m.end(), " ") for m in SPACES.finditer(text)]
    return _merge(edits)


def gap_edits(text: str) -> Edits:
    """A space where a scraper lost one: "Abuja.The" and "theWhite House" (not in handles,
    hashtags, URLs, nor after fewer than three lower-case letters: "McDonald", "YouTube")."""
    edits: Edits = []
    for m in GLUED.finditer(text):
        token_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        token_end = len(text) if (te := SPACE_AT.search(text, m.end())) is None else te.start()
        token = text[token_start:token_end]
        if token[:1] in "@#" or "/" in token or "www" in token or "@" in token:
            continue
        edits.append((m.start(), m.start(), " "))
    return edits


def newline_edits(text: str) -> Edits:
    """No spaces at line ends or starts, at most one blank line, nothing at either end."""
    edits = [(m.start(), m.end(), "\n") for m in re.finditer(r" *\n[ \n]*", text)
             if m.group() != "\n"]
    edits = [(s, e, "\n\n" if text.count("\n", s, e) > 1 else "\n") for s, e, _ in edits]
    edits = [x for x in edits if text[x[0]:x[1]] != x[2]]
    ends: Edits = []
    lead = re.match(r"\s+", text)
    trail = re.search(r"\s+\Z", text)
    if lead:
        ends.append((0, lead.end(), ""))
    if trail and (not lead or trail.start() > 0):
        ends.append((trail.start(), len(text), ""))
    return _merge(ends, edits)  # on a tie the ends win (the merge is stable)
