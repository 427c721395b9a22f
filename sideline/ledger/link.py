"""Event linking: which claims (mentions) speak of the same real-world engagement.

Cost stays close to linear: mentions are *blocked* by a dict key (type family and the
participants' core dyad, order-free for meetings; the visitor for visits), and inside a
block they are compared only with those whose time intervals overlap (a sweep over
mentions sorted by date).

The decision depends only on the set of mentions in a block, never on their order:

1. **tier 0** (a hard date to within a few days): connected components (union-find) of the
   symmetric relation "intervals overlap, no place/occasion/host conflict"; a pair that
   overlaps only through the one-day slack must also share a place or occasion or have
   similar evidence (rapidfuzz ``token_set_ratio``);
2. **tier 1** (a month, or an undated claim's soft window around its article date), then
   **tier 2** (season, quarter, year, nothing): each mention joins the one earlier cluster
   it fits clearly best; a mention that fits none, or is ambiguous between several, is
   grouped with the others of its tier by a leader sweep (sorted by date, then id), which
   cannot chain two distinct events through a vague claim. A claim with no date and no
   article date joins the only event it fits, or stands alone.

Every link needs overlapping intervals, so a block splits into *runs* of chained intervals
whose clusters depend on that run alone (:meth:`Linker.segments`); the ledger re-clusters
only the runs that gain or change a mention. The caps below bound the work per mention in
very dense blocks and count only overlapping mentions, so they keep that property.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from rapidfuzz import fuzz, utils

from .dates import DAY_SLACK, UNBOUNDED, mention_interval, tier
from ..lexicons import load
from ..records import Event, Where

__all__ = ["Item", "Linker", "event_id_for", "country_names", "fold"]

TEXT_LINK = 55.0  # evidence similarity that confirms a link made only through the day slack
OCCASION_CONFLICT = 50.0  # occasions less similar than this are different occasions
OCCASION_MATCH = 80.0
MARGIN = 0.25  # a vague claim joins the best cluster only when it beats the next by this
# Caps that keep the work per mention bounded in dense blocks (a dyad that meets every day).
# Each counts mentions that *overlap* in time, so a block's clusters still split by runs.
MAX_CANDIDATES = 150  # a vague claim overlapping more mentions than this is left unattached
MAX_CLUSTERS = 8  # ... or compatible with more events than this: too ambiguous to place
MAX_SCORED = 4  # evidence compared with at most this many mentions of each candidate event
MAX_LEADERS = 100  # a leftover claim is tried against at most this many open groups


@dataclass(frozen=True, slots=True)
class Item:
    """The compact linking view of one mention."""

    mid: str
    block: tuple[str, ...]
    lo: int
    hi: int
    hard: bool
    tier: int
    host: str
    place: str
    country: str
    place_is_country: bool
    occasion: str
    text: str


def event_id_for(mention_ids: Iterable[str]) -> str:
    """``ev-`` + a hash of the smallest mention id of a cluster: the same set gives the same id."""
    return "ev-" + hashlib.sha1(min(mention_ids).encode("utf-8")).hexdigest()[:16]


def fold(text: str | None) -> str:
    """Lower case, no accents, no punctuation: "São Paulo," -> "sao paulo"."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


@functools.lru_cache(maxsize=512)
def country_names(iso3: str | None) -> frozenset[str]:
    """The normalised names of a country (ISO 3166 alpha-3), to tell "Russia" from "Moscow"."""
    if not iso3:
        return frozenset()
    iso3 = iso3.upper()
    names = {iso3.lower()}
    try:
        import pycountry
        rec = pycountry.countries.get(alpha_3=iso3)
        if rec is not None:
            names |= {fold(getattr(rec, k, None)) for k in ("name", "common_name", "official_name")}
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    names |= {"usa", "us", "united states", "america"} if iso3 == "USA" else set()
    names |= {"uk", "britain", "great britain", "united kingdom"} if iso3 == "GBR" else set()
    names |= {"russia"} if iso3 == "RUS" else set()
    return frozenset(n for n in names if n)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        ri, rj = self.find(i), self.find(j)
        self.parent[max(ri, rj)] = min(ri, rj)
        return min(ri, rj)


def _sig(it: Item) -> tuple[str, str, str]:
    """What a group of claims pins down: a city, a country, a host."""
    return (it.place if it.place and not it.place_is_country else "",
            it.country if it.place else "", it.host)


def _clash(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(x and y and x != y for x, y in zip(a, b))


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x or y for x, y in zip(a, b))


class Linker:
    """Builds linking items from Events and clusters the items of one block."""

    def __init__(self, data_dir: str | None = None) -> None:
        types = load("types", data_dir)["types"]
        self.family = {name: spec.get("family", name) for name, spec in types.items()}
        self._norms: dict[str | None, str] = {}  # memo: places and occasions repeat a lot

    def _fold(self, text: str | None) -> str:
        out = self._norms.get(text)
        if out is None:
            out = self._norms[text] = fold(text)
        return out

    # -- items ---------------------------------------------------------------------------
    def block_key(self, event: Event, mid: str) -> tuple[str, ...]:
        family = self.family.get(event.type.value, event.type.value)
        names = [a.name for a in event.actors if a.name]
        if not names:
            return ("solo", mid)
        if family == "visit":
            return (family, names[0])
        core = names[:2] if len(names) > 1 else [names[0], ""]
        return (family, *sorted(core))

    def item(self, event: Event, published: date | None, mid: str | None = None) -> Item:
        mid = mid or event.mention_id
        when, where = event.when, event.where or Where(None)
        (lo, hi), hard = mention_interval(when.value if when else None,
                                          when.end_value if when else None, event.status, published)
        family = self.family.get(event.type.value, event.type.value)
        host = event.actors[1].name if family == "visit" and len(event.actors) > 1 else ""
        place = self._fold(where.name)
        country = (where.country or "").upper()
        return Item(mid=mid, block=self.block_key(event, mid), lo=lo, hi=hi, hard=hard,
                    tier=tier((lo, hi), hard), host=host, place=place, country=country,
                    place_is_country=bool(place) and place in country_names(country),
                    occasion=self._fold(where.occasion), text=event.evidence.text if event.evidence else "")

    # -- pairwise relation ------------------------------------------------------------------
    @staticmethod
    def conflict(a: Item, b: Item) -> bool:
        """Two claims cannot be one event: different hosts, places or occasions."""
        if a.host and b.host and a.host != b.host:
            return True
        if a.place and b.place and a.place != b.place:
            same_country = a.country and a.country == b.country
            if not (same_country and (a.place_is_country or b.place_is_country)):
                return True
        if a.occasion and b.occasion and a.occasion != b.occasion:
            if fuzz.token_set_ratio(a.occasion, b.occasion) < OCCASION_CONFLICT:
                return True
        return False

    @staticmethod
    def support(a: Item, b: Item) -> float:
        """How strongly two compatible claims look alike: place, occasion, evidence words."""
        score = 0.0
        if a.place and a.place == b.place:
            score += 1.0
        if a.occasion and b.occasion and fuzz.token_set_ratio(a.occasion, b.occasion) >= OCCASION_MATCH:
            score += 1.0
        if a.text and b.text:
            score += fuzz.token_set_ratio(a.text, b.text, processor=utils.default_process) / 100.0
        return score

    def _tight_link(self, a: Item, b: Item) -> bool:
        """Tier-0 relation (a.lo <= b.lo and the intervals overlap)."""
        if self.conflict(a, b):
            return False
        gap = (b.lo + DAY_SLACK) - (a.hi - DAY_SLACK)  # days from a's last day to b's first
        if gap <= 0:  # the dates overlap without the slack
            return True
        if gap > 1:
            return False
        if (a.place and a.place == b.place) or (a.occasion and a.occasion == b.occasion):
            return True
        return bool(a.text and b.text) and fuzz.token_set_ratio(
            a.text, b.text, processor=utils.default_process) >= TEXT_LINK

    # -- clustering one block ---------------------------------------------------------------
    @staticmethod
    def segments(items: Iterable[Item]) -> list[list[Item]]:
        """Split items into runs whose intervals chain together, each sorted by (lo, hi, id).

        Every link needs overlapping intervals, so no cluster crosses from one run to
        another: a run's clusters depend on that run's items only.
        """
        runs: list[list[Item]] = []
        reach = 0
        for it in sorted(items, key=lambda it: (it.lo, it.hi, it.mid)):
            if runs and it.lo <= reach:
                runs[-1].append(it)
                reach = max(reach, it.hi)
            else:
                runs.append([it])
                reach = it.hi
        return runs

    def cluster(self, items: Iterable[Item]) -> list[tuple[str, ...]]:
        """The clusters (sorted tuples of mention ids) of one block's items; order-free."""
        return sorted(c for run in self.segments(items) for c in self.cluster_run(run))

    def cluster_run(self, run: list[Item]) -> list[tuple[str, ...]]:
        """The clusters of one run (as :meth:`segments` gives it, sorted)."""
        by_tier: list[list[Item]] = [[], [], []]
        for it in run:
            by_tier[it.tier].append(it)
        clusters = self._components(by_tier[0])
        for t in (1, 2):
            clusters = self._attach(clusters, by_tier[t])
        return sorted(tuple(sorted(it.mid for it in c)) for c in clusters)

    def _components(self, items: list[Item]) -> list[list[Item]]:
        """Union-find over linked pairs, in date order; two groups whose places or hosts
        conflict are never merged (an undated-place claim cannot bridge Geneva and New York)."""
        uf = _UnionFind(len(items))
        sigs = [_sig(it) for it in items]  # per root
        active: list[int] = []
        for j, b in enumerate(items):
            active = [i for i in active if items[i].hi >= b.lo]
            for i in active:
                ri, rj = uf.find(i), uf.find(j)
                if ri != rj and not _clash(sigs[ri], sigs[rj]) and self._tight_link(items[i], b):
                    sigs[uf.union(ri, rj)] = _merge(sigs[ri], sigs[rj])
            active.append(j)
        groups: dict[int, list[Item]] = {}
        for j, it in enumerate(items):
            groups.setdefault(uf.find(j), []).append(it)
        return list(groups.values())

    def _attach(self, clusters: list[list[Item]], items: list[Item]) -> list[list[Item]]:
        if not items:
            return clusters
        index = sorted(((it.lo, it.mid, k) for k, c in enumerate(clusters) for it in c))
        los = [lo for lo, _, _ in index]
        member = {it.mid: it for c in clusters for it in c}
        width = max((it.hi - it.lo for c in clusters for it in c), default=0)
        keys = [min(it.mid for it in c) for c in clusters]
        sigs = [functools.reduce(_merge, map(_sig, c)) for c in clusters]
        joined: dict[int, list[Item]] = {}
        leftovers: list[Item] = []
        for x in items:  # in date order; a join narrows what the event may still take
            lo_i, hi_i = bisect.bisect_left(los, x.lo - width), bisect.bisect_right(los, x.hi)
            best = self._best_cluster(x, [index[i] for i in range(lo_i, hi_i)], member, keys, sigs)
            if best is None:
                leftovers.append(x)
            else:
                joined.setdefault(best, []).append(x)
                sigs[best] = _merge(sigs[best], _sig(x))
        out = [c + joined.get(k, []) for k, c in enumerate(clusters)]
        timeless = [[x] for x in leftovers if x.lo == UNBOUNDED[0]]  # no date, no article date
        return out + self._leaders([x for x in leftovers if x.lo != UNBOUNDED[0]]) + timeless

    def _best_cluster(self, x: Item, candidates: list[tuple[int, str, int]], member: Mapping[str, Item],
                      keys: list[str], sigs: list[tuple[str, ...]]) -> int | None:
        compatible: dict[int, list[Item]] = {}
        mine = _sig(x)
        n_overlap = 0
        for _, mid, k in candidates:
            y = member[mid]
            if y.hi < x.lo or y.lo > x.hi:
                continue
            n_overlap += 1
            if n_overlap > MAX_CANDIDATES:
                return None
            if not _clash(mine, sigs[k]) and not self.conflict(x, y):
                compatible.setdefault(k, []).append(y)
        if not compatible or len(compatible) > MAX_CLUSTERS:
            return None
        scores = {k: max(self.support(x, y) for y in ys[:MAX_SCORED]) for k, ys in compatible.items()}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], keys[kv[0]]))
        if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN:
            return ranked[0][0]
        return None

    def _leaders(self, items: list[Item]) -> list[list[Item]]:
        """Group vague leftovers: each joins the first open leader it fits, else leads."""
        groups: list[list[Item]] = []
        sigs: list[tuple[str, ...]] = []
        open_: list[int] = []
        for x in items:  # already sorted by (lo, hi, mid)
            open_ = [g for g in open_ if groups[g][0].hi >= x.lo]
            mine = _sig(x)
            for g in open_[:MAX_LEADERS]:
                if not _clash(sigs[g], mine) and not self.conflict(groups[g][0], x):
                    groups[g].append(x)
                    sigs[g] = _merge(sigs[g], mine)
                    break
            else:
                groups.append([x])
                sigs.append(mine)
                open_.append(len(groups) - 1)
        return groups
