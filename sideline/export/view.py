"""One read of a ledger for every export and aggregate: :func:`read_view`.

A :class:`LedgerView` holds the stored mentions (with one code per actor,
:class:`~sideline.export.codes.ActorCodes`), the ledger's events made from them (the same
records ``sideline event`` shows), and each article's provenance (:class:`ArticleRef`: url,
outlet, title, publication date, when it entered the ledger). Writers and ``counts`` read it
and never the store, so every format tells the same story with the same codes.

Text helpers: :func:`clean_fragment` (evidence as a reader wants it: entities decoded,
mojibake fixed, markup and line breaks gone; the raw ``evidence.text`` stays exact for its
offsets) and :meth:`LedgerView.trigger_text` (the words of the text that name the event,
PLOVER's ``eventText``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from ..codec import event_to_json
from ..ledger.ledger import LedgerEvent, ledger_events
from ..records import Event, Span
from ..stages.clean.offsets import Tracked
from ..stages.clean.stage import Clean
from ..stages.clean.steps import (entity_edits, gap_edits, line_end_edits, markup_edits,
                                  mojibake_edits, space_edits)
from .codes import ActorCodes

__all__ = ["ArticleRef", "LedgerView", "read_view", "article_refs", "clean_fragment", "mention_line"]


@dataclass(frozen=True)
class ArticleRef:
    """Where a claim was read: the article's id, url, outlet, title and dates."""

    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    added: datetime | None = None  # when the article first entered the ledger (UTC)
    mentions: int = 0  # event mentions stored for it

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The provenance fields of an export line (``full``: with ``article``, ``added`` and
        ``mentions``, as ``sideline articles --json`` prints them)."""
        out = {"published": self.published.isoformat() if self.published else None,
               "url": self.url, "source": self.source, "title": self.title}
        if full:
            out = {"article": self.id, **out, "added": self.added.isoformat() if self.added else None,
                   "mentions": self.mentions}
        return out


@lru_cache(maxsize=1)
def _cleaner() -> Clean:
    return Clean()


def clean_fragment(text: str) -> str:
    """A piece of raw article text as a reader wants it: HTML entities decoded, mojibake fixed,
    markup dropped, invisible characters gone, spaces and line breaks made single spaces."""
    clean = _cleaner()
    t = Tracked.of(text)
    t = t.edit(line_end_edits(t.text))
    for _ in range(2):  # "&amp;#039;"
        t = t.edit(entity_edits(t.text, clean.rules))
    t = t.edit(mojibake_edits(t.text, clean.fix))
    t = t.edit(markup_edits(t.text))
    t = t.edit(space_edits(t.text))
    t = t.edit(gap_edits(t.text))
    return " ".join(t.text.split())


def with_country_name(line: dict[str, Any]) -> dict[str, Any]:
    """An exported line with ``location.country_name`` beside the location's ISO3 code."""
    from ..knowledge.gazetteer import gazetteer

    loc = line.get("location")
    if loc is not None:
        loc["country_name"] = gazetteer().country_name(loc["country"]) if loc.get("country") else None
    return line


def mention_line(ev: Event, article: ArticleRef) -> dict[str, Any]:
    """One line of the jsonl export: the FORMAT.md fields (:func:`sideline.codec.event_to_json`),
    ``evidence.clean`` beside the exact ``evidence.text``, ``location.country_name`` beside the
    ISO3 code (the place's country as a reader names it: a claim placed in Suva is in Fiji),
    and the article's provenance (``published``, ``url``, ``source``, ``title``)."""
    out = event_to_json(ev)
    out["evidence"]["clean"] = clean_fragment(ev.evidence.text)
    with_country_name(out)
    out.update(article.to_json())
    return out


@dataclass(frozen=True)
class LedgerView:
    """A ledger read once (see the module doc)."""

    mentions: tuple[Event, ...]  # in the store's order, recoded
    events: tuple[LedgerEvent, ...]  # in the ledger's order (date, then id), recoded
    articles: Mapping[str, ArticleRef]
    codes: ActorCodes
    leads: frozenset[str] = frozenset()  # the first mention of each article (GDELT's IsRootEvent)
    _by_mention: Mapping[str, LedgerEvent] = field(repr=False, default_factory=dict)
    _mentions: Mapping[str, Event] = field(repr=False, default_factory=dict)
    _texts: Mapping[str, str] = field(repr=False, default_factory=dict)

    def event_of(self, mention: Event) -> LedgerEvent | None:
        """The ledger event a mention belongs to."""
        return self._by_mention.get(mention.mention_id)

    def claims(self, event: LedgerEvent) -> list[Event]:
        """An event's mentions, in the store's order."""
        return [self._mentions[m] for m in event.mention_ids if m in self._mentions]

    def article(self, article_id: str) -> ArticleRef:
        return self.articles.get(article_id) or ArticleRef(article_id)

    def trigger_text(self, mention: Event) -> str | None:
        """The words that name the event (its trigger, as cleaned), or None when unknown."""
        text = self._texts.get(mention.article)
        if text is None or mention.trigger is None:
            return None
        return _trigger(text, mention.trigger, mention.evidence.start, mention.evidence.end)


@lru_cache(maxsize=256)
def _offsets(text: str):
    return _cleaner().clean(text).offsets


def _trigger(text: str, span: Span, lo: int, hi: int) -> str | None:
    try:
        start, end = _offsets(text).to_raw(span.start, span.end)
    except (IndexError, ValueError):
        return None
    if not (lo <= start < end <= hi):  # cleaned with other lexicons: the map does not fit
        return None
    return clean_fragment(text[start:end]) or None


def article_refs(store: Any) -> dict[str, ArticleRef]:
    """Every stored article's provenance, by id."""
    return {r["id"]: ArticleRef(r["id"], r.get("url"), r.get("source"), r.get("title"), r.get("published"),
                                r.get("first_seen"), int(r.get("n_events") or 0)) for r in store.article_info()}


def read_view(store: Any, texts: bool = False) -> LedgerView:
    """Read the ledger in ``store`` once; ``texts``: keep the article texts for
    :meth:`LedgerView.trigger_text` (PLOVER's ``eventText``)."""
    stored = list(store.events())
    codes = ActorCodes.of(a for ev in stored for a in ev.actors)
    articles = article_refs(store)
    sources = {k: a.source for k, a in articles.items() if a.source}
    linked = ledger_events(store, stored, sources)
    events = tuple(replace(le, participants=tuple(codes.actor(a) for a in le.participants))
                   for le in linked)
    mentions = tuple(codes.event(ev) for ev in stored)
    by_mention = {m: le for le in events for m in le.mention_ids}
    article_texts = {a.id: a.text for a in store.articles()} if texts else {}
    leads = frozenset({m.article: m.mention_id for m in reversed(mentions)}.values())
    return LedgerView(mentions, events, MappingProxyType(articles), codes, leads,
                      MappingProxyType(by_mention), MappingProxyType({m.mention_id: m for m in mentions}),
                      MappingProxyType(article_texts))
