"""The clean stage: article text as scraped -> clean text, an offset map and a publication date.

The cascade, in order (each step is a list of edits in :mod:`sideline.stages.clean.steps`, applied
to a :class:`~sideline.stages.clean.offsets.Tracked` text so every cleaned character keeps the raw
span it came from):

1. **Line ends, escapes and entities**: CR LF -> LF; a text dumped with its escapes (no real
   line break, two or more literal ``\\r\\n`` / ``\\n`` or SQL-doubled quotes ``Russia''s``) has
   them turned back into line breaks and quotes (``\\"`` -> ``"``); ``&#039;`` -> ``'``, ``&amp;`` -> ``&`` (twice, for ``&amp;#039;``), and
   broken forms such as ``,quot;`` (data: ``boilerplate.replacements``).
2. **Mojibake**: ftfy, line by line, on lines holding characters mojibake is made of
   (``â€™`` -> ``’``, ``Ã©`` -> ``é``, a stray ``Â``).
3. **Front matter**: YAML (``---``) or Pelican (``Title: …``) front matter is read (title,
   date) and dropped, except the title's words, which stay as the first line.
4. **Markup**: HTML tags (``<u>``; block tags become line breaks), Markdown images, links,
   bold and heading marks.
5. **Boilerplate**: inline tokens (``%MINIFYHTML…%``, ``[QODLink]``, the ``" date 2019-07-11"``
   prefix) and whole lines matching ``data/en/boilerplate.json`` ("Related article:",
   "Original url:", "Read more", "Photo: …", "X contributed to this report", share
   buttons, "Advertisement", "Username Password", bare URLs...), navigation menus (runs
   of short lines) and lines in another script than the text's.
6. **Duplicates**: a line (paragraph, caption, headline) printed before, exactly or nearly
   (compared without case, spaces and punctuation, after steps 1-2), is dropped; the
   first copy stays. So is a line repeated inside a nearby longer one (a standfirst
   the lead repeats after its dateline), and a caption printed twice on one line.
7. **Whitespace**: invisible characters go; runs of spaces become one space; a lost space
   comes back ("Abuja.The" -> "Abuja. The", "theWhite House" -> "the White House").
8. **Hard wraps**: a line break inside a sentence becomes a space.
9. **Line breaks**: no spaces around line breaks, at most one blank line, none at the ends.

Then the checks: the stage rejects a text that is too large (E105, before cleaning),
empty after cleaning (E104), or not English (E106: too few English function words;
a short text, under ``min_words`` words, when most of its letters are not Latin, or when
it holds three or more function words of another language, ``data/en/not_english.txt``,
and over twice as many of them as English ones).

Publication date: ``Article.published`` when given (``published_from="metadata"``) and
plausible (years 1800-2199; else it is ignored with the note ``[E118] ...``), else
the rules of :mod:`sideline.stages.clean.pubdate` (front matter, ``date`` prefix, byline, dateline,
URL day, URL month), run on the text after step 4. None found: the note
"no publication date found".
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import partial

from .steps import (
    Rules, boilerplate_edits, duplicate_edits, entity_edits, front_matter, markup_edits,
    escape_edits, gap_edits, line_end_edits, mojibake_edits, newline_edits, space_edits, wrap_edits,
)
from ...errors import E, InputError
from ...lexicons import load, load_lines
from .offsets import OffsetMap, Tracked
from .pubdate import PLAUSIBLE, PubDate, PubDateFinder, plausible
from ...records import Document

__all__ = ["Clean", "Cleaned"]

WORD = re.compile(r"[^\W\d_]+")
LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")


@dataclass(frozen=True)
class Cleaned:
    """What the cascade gives for one text."""

    text: str
    offsets: OffsetMap
    fields: dict[str, str]  # front matter fields (title, date...)
    head: str  # the text after step 4, where dates are looked for


def _fixer():
    import ftfy

    config = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_line_breaks=False,
                                  fix_latin_ligatures=False, fix_character_width=False,
                                  remove_terminal_escapes=False, normalization=None,
                                  explain=False)
    return partial(ftfy.fix_text, config=config)


class Clean:
    """Clean an article's text; see the module docstring for the cascade."""

    name = "clean"
    requires = ("article",)
    provides = ("text", "offsets", "published", "published_from", "notes")

    def __init__(self, data_dir: str | os.PathLike | None = None, max_chars: int = 1_000_000,
                 min_english: float = 0.12, min_words: int = 40) -> None:
        self.data_dir = data_dir
        self.max_chars = max_chars
        self.min_english = min_english
        self.min_words = min_words
        self.rules = Rules.from_data(load("boilerplate", data_dir))
        self.dates = PubDateFinder(load("pubdate", data_dir))
        self.stopwords = frozenset(w.lower() for w in load_lines("stopwords_en", data_dir))
        self.foreign = frozenset(load_lines("not_english", data_dir))
        self.fix = _fixer()

    def __reduce__(self):
        return (Clean, (self.data_dir, self.max_chars, self.min_english, self.min_words))

    # -- the stage --------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        article = doc.article
        if len(article.text) > self.max_chars:
            raise InputError(E.E105, size=f"{len(article.text):,}", limit=self.max_chars)
        cleaned = self.clean(article.text)
        if not cleaned.text.strip():
            raise InputError(E.E104)
        self.check_english(cleaned.text)
        notes = list(doc.notes)
        if article.published and not plausible(article.published):
            notes.append("[E118] " + E.E118.format(value=article.published.isoformat(), low=PLAUSIBLE[0],
                                                   high=PLAUSIBLE[1]))
        if article.published and plausible(article.published):
            found = PubDate(article.published, article.published_from or "metadata")
        else:
            found = self.dates.find(cleaned.head, article.url, cleaned.fields.get("date"))
            if not plausible(found.value):
                found = PubDate(None, None, found.notes)
            notes += [n for n in found.notes if n not in notes]
        return doc.with_(text=cleaned.text, offsets=cleaned.offsets, published=found.value,
                         published_from=found.source, notes=tuple(notes))

    def publication_date(self, text: str, url: str | None = None) -> PubDate:
        """The publication date found in a raw text (and its URL), as the stage would."""
        cleaned = self.clean(text)
        return self.dates.find(cleaned.head, url, cleaned.fields.get("date"))

    # -- the cascade ------------------------------------------------------------------------
    def clean(self, raw: str) -> Cleaned:
        """Run the cascade over ``raw``: the clean text and its offset map."""
        t = Tracked.of(raw)
        t = t.edit(line_end_edits(t.text))
        t = t.edit(escape_edits(t.text))
        for _ in range(2):  # 1. entities, twice for "&amp;#039;"
            t = t.edit(entity_edits(t.text, self.rules))
        t = t.edit(mojibake_edits(t.text, self.fix))  # 2. mojibake
        fm = front_matter(t.text)  # 3. front matter
        t = t.edit(fm.edits)
        t = t.edit(markup_edits(t.text))  # 4. markup
        head = t.text
        t = t.edit(boilerplate_edits(t.text, self.rules))  # 5. boilerplate
        t = t.edit(duplicate_edits(t.text))  # 6. duplicates
        t = t.edit(space_edits(t.text))  # 7. whitespace
        t = t.edit(gap_edits(t.text))
        t = t.edit(wrap_edits(t.text, self.rules))  # 8. hard wraps
        t = t.edit(newline_edits(t.text))  # 9. line breaks
        return Cleaned(t.text, t.offsets(), fm.fields, head)

    def english_ratio(self, text: str) -> tuple[float, int]:
        """The share of words that are English function words, and the number of words."""
        words = WORD.findall(text.lower())
        if not words:
            return 0.0, 0
        return sum(w in self.stopwords for w in words) / len(words), len(words)

    def check_english(self, text: str) -> None:
        """Raise E106 unless ``text`` reads as English."""
        ratio, n = self.english_ratio(text)
        if n >= self.min_words:
            if ratio < self.min_english:
                raise InputError(E.E106, ratio=ratio)
            return
        letters = WORD.findall(text)
        total = sum(len(w) for w in letters)
        latin = len(LATIN_LETTER.findall(text))
        if total and latin < total / 2:
            raise InputError(E.E106, ratio=ratio)
        foreign = sum(w in self.foreign for w in letters)  # as written: "Le Drian" is a name
        if foreign >= 3 and foreign > 2 * round(ratio * n):
            raise InputError(E.E106, ratio=ratio)

