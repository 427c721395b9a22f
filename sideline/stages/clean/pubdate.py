"""Find an article's publication date in its text or URL (used by the clean stage).

Rules, tried in this order; the first that gives a full date wins (data: ``data/en/pubdate.json``):

1. ``front-matter``: a ``date:`` field in YAML or Pelican-style front matter.
2. ``prefix``: the page store's ``" date 2019-07-11"`` prefix at the start of the text.
3. ``byline``: a full date (with a year) near the top, on a line that says "Published",
   "Updated", "Last Modified"... or on a short line with at most four other words
   (so not a photo caption) ("September 20, 2024",
   "Sep 27, 2024", "27 September 2024", "Updated: 2024-09-27", "26.10.2023").
   Embedded tweets ("— Name (@handle) June 28, 2016") are not bylines.
4. ``dateline``: "MOSCOW, Sept 27 (Reuters) -", "New York [US], September 27 :",
   "Berlin, June 14, 2021 (AFP)" at the start of a line near the top. Without a year
   it needs the URL's year (rule 6).
5. ``url``: a day in the URL path (``/2016/06/29/``, ``/2018-05-09/``, ``/200107/28/``).
6. ``caption``: the text's own date when nothing above gives one: a full date closing a
   line near the top (a photo caption, "... in Vilnius, October 3, 2021."), unless the URL
   names another month.
7. ``text-month``: a month with its year alone on a short line near the top ("March 2018",
   "Issue 14 | March 2018"): the 1st of that month, known to the month only.
8. ``url-month``: a month only (``/2023/11/``): the 1st of that month, and a note says so.
9. ``embedded-post``: the latest date signed under an embedded post
   ("— Presidency (@PresidencyZA) October 16, 2018"): the article is at least that recent.

``MONTH_ONLY`` names the sources that know the month only (the 1st stands for the month).

The finder reports the date, the rule that gave it and notes for the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["PubDate", "PubDateFinder", "MONTH_ONLY", "PLAUSIBLE", "plausible"]

MONTH_ONLY = ("url-month", "text-month")

#: the years a news article's publication date may fall in; a date outside is a placeholder
#: or a typo ("0001-01-01", "9999-12-31") and is ignored with a coded note (E118)
PLAUSIBLE = (1800, 2199)


def plausible(d: date | None) -> bool:
    """Whether ``d`` can be the publication date of a news article (see ``PLAUSIBLE``)."""
    return d is None or PLAUSIBLE[0] <= d.year <= PLAUSIBLE[1]


@dataclass(frozen=True)
class PubDate:
    value: date | None
    source: str | None  # front-matter, prefix, byline, dateline, url, caption, text-month, url-month, embedded-post
    notes: tuple[str, ...] = ()


def _make_date(year: Any, month: Any, day: Any) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


class PubDateFinder:
    """Publication-date rules compiled from the ``pubdate`` lexicon."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.months: dict[str, int] = data["months"]
        alt = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        self.head_lines = int(data["head_lines"])
        self.head_chars = int(data["head_chars"])
        self.byline_max = int(data["byline_max_chars"])
        self.byline_words = int(data["byline_max_words"])
        flags = re.IGNORECASE
        self.keyword = re.compile(data["byline_keywords"], flags)
        self.exclude = [re.compile(p, flags) for p in data["byline_exclude"]]
        self.prefix = re.compile(data["prefix"])
        self.dates = [re.compile(p.replace("{MONTH}", alt), flags) for p in data["dates"]]
        self.dateline_rxs = [re.compile(data[k].replace("{MONTH}", f"(?i:{alt})"), re.MULTILINE)
                             for k in ("dateline", "dateline_day_first")]
        self.caption_end = re.compile(data["caption_end"])
        self.caption_exclude = [re.compile(p, flags) for p in data["caption_exclude"]]
        self.month_dates = [re.compile(p.replace("{MONTH}", alt), flags) for p in data["month_dates"]]
        self.month_line_words = int(data["month_line_max_words"])
        self.urls = [(re.compile(u["pattern"]), u["granularity"]) for u in data["urls"]]
        self.post = re.compile(data["embedded_post"], re.MULTILINE)

    # -- pieces ------------------------------------------------------------------------------
    def _from_match(self, m: re.Match) -> date | None:
        g = m.groupdict()
        month = g.get("month") or self.months.get((g.get("mon") or "").lower().rstrip("."))
        return _make_date(g.get("year"), month, g.get("day"))

    def date_in(self, line: str) -> date | None:
        """The first full date written in ``line``."""
        found = []
        for rx in self.dates:
            for m in rx.finditer(line):
                d = self._from_match(m)
                if d:
                    found.append((m.start(), d))
                    break
        return min(found)[1] if found else None

    def _head(self, text: str) -> list[str]:
        lines = [ln.strip() for ln in text[: self.head_chars].splitlines() if ln.strip()]
        return lines[: self.head_lines]

    def byline(self, text: str) -> date | None:
        """A date on a byline: a line near the top that says "Published", "Updated"...,
        or a short line with few words besides the date (not a caption, not a post)."""
        for line in self._head(text):
            if any(rx.search(line) for rx in self.exclude):
                continue
            d = self.date_in(line)
            if d and (self.keyword.search(line) or self._bare(line)):
                return d
        return None

    def _bare(self, line: str) -> bool:
        if len(line) > self.byline_max:
            return False
        rest = line
        for rx in self.dates:
            rest = rx.sub(" ", rest)
        return len(re.findall(r"[^\W\d_]{2,}", rest)) <= self.byline_words

    def _dateline_match(self, text: str) -> re.Match | None:
        found = [m for rx in self.dateline_rxs if (m := rx.search(text[: self.head_chars]))]
        return min(found, key=lambda m: m.start(), default=None)

    def dateline(self, text: str) -> tuple[date | None, str | None]:
        """A dateline's date, or (None, the words) when it has no year."""
        m = self._dateline_match(text)
        if not m:
            return None, None
        if m.group("year"):
            return self._from_match(m), None
        return None, m.group(0).strip()

    def url(self, url: str | None) -> tuple[date | None, str | None]:
        if not url:
            return None, None
        path = re.sub(r"^[a-z]+://[^/]+", "", url.strip())
        for rx, granularity in self.urls:
            for m in rx.finditer(path):
                g = m.groupdict()
                d = _make_date(g["year"], g["month"], g.get("day") or 1)
                if d:
                    return d, ("url" if granularity == "day" else "url-month")
        return None, None

    def caption(self, text: str) -> date | None:
        """A full date closing a line near the top ("... in Vilnius, October 3, 2021.", "...
        Geneva, on Jan. 21, 2022 - Photo: AFP"): the date the text itself states."""
        for line in self._head(text):
            if any(rx.search(line) for rx in (*self.exclude, *self.caption_exclude)):
                continue
            ends = [(m.end(), d) for rx in self.dates for m in rx.finditer(line) if (d := self._from_match(m))]
            if not ends:
                continue
            end, d = max(ends, key=lambda x: x[0])
            if self.caption_end.match(line[end:]) and not re.search(r"[.!?]\s+[A-Z]", line[:end]):
                return d
        return None

    def month_line(self, text: str) -> date | None:
        """A month with its year on a short line near the top ("March 2018"): its 1st."""
        for line in self._head(text):
            for rx in self.month_dates:
                m = rx.search(line)
                month = self.months.get((m.group("mon") if m else "").lower().rstrip("."))
                if not m or not month:
                    continue
                rest = rx.sub(" ", line)
                if self.keyword.search(line) or len(re.findall(r"[^\W\d_]{2,}", rest)) <= self.month_line_words:
                    return _make_date(m.group("year"), month, 1)
        return None

    def embedded_post(self, text: str) -> date | None:
        """The latest date signed under an embedded post ("— Name (@handle) June 28, 2016")."""
        dates = [d for m in self.post.finditer(text) if (d := self.date_in(m.group()))]
        return max(dates) if dates else None

    # -- the cascade -------------------------------------------------------------------------
    def find(self, text: str, url: str | None = None, front_matter: str | None = None) -> PubDate:
        """The publication date of an article whose metadata gives none."""
        if front_matter:
            d = self.date_in(front_matter) or _iso(front_matter)
            if d:
                return PubDate(d, "front-matter")
        m = self.prefix.match(text)
        if m and (d := _iso(m.group(1))):
            return PubDate(d, "prefix")
        if d := self.byline(text):
            return PubDate(d, "byline")
        d, yearless = self.dateline(text)
        if d:
            return PubDate(d, "dateline")
        u, source = self.url(url)
        if u and source == "url":
            return PubDate(u, "url")
        if yearless and u:
            dm = self._dateline_match(text)
            month = self.months.get(dm.group("mon").lower().rstrip("."))
            d = _make_date(u.year, month, dm.group("day"))
            if d:
                return PubDate(d, "dateline", ("publication year taken from the URL",))
        if (d := self.caption(text)) and (not u or (d.year, d.month) == (u.year, u.month)):
            return PubDate(d, "caption", ("publication date taken from a date the text states (a caption)",))
        if (d := self.month_line(text)) and (not u or (d.year, d.month) == (u.year, u.month)):
            return PubDate(d, "text-month", (f"publication date known to the month only ({d:%Y-%m}, from the text)",))
        if u:
            return PubDate(u, "url-month", (f"publication date known to the month only ({u:%Y-%m}, from the URL)",))
        if d := self.embedded_post(text):
            return PubDate(d, "embedded-post", ("publication date estimated from an embedded post's date",))
        notes = ["no publication date found"]
        if yearless:
            notes.append(f"the dateline gives no year: {yearless!r}")
        return PubDate(None, None, tuple(notes))


def _iso(value: str) -> date | None:
    m = re.search(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value)
    return _make_date(*m.groups()) if m else None
