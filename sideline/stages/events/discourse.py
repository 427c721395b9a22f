"""What a document has told so far, as the events stage reads it in text order.

A :class:`Discourse` is the one record of the document's state that the events stage owns
(one per document) and hands down to the resolver, the participant reader, the attributor
and the country rules:

* **entities**: every mention by token (one span may carry several actors), the persons
  named in text order, the in-document aliases of a person ("Fiame" for the full name), how
  often each is named and whom the text gives a title;
* **engagements told**: the latest of each kind (:func:`sideline.types.refers_as`), its
  status, the latest one not (yet) held, and the last pair of persons that took part;
* **speakers**: every claim's source so far, and the latest one credited.

Only :meth:`Discourse.tell` and :meth:`Discourse.credit` write to it; everything else reads.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ... import types
from ...records import Actor, Document, EventType, Mention, Status
from .names import ACTOR_LABELS, actor_of_mention, aliases, stem, strip_titles
from .words import Words

__all__ = ["Discourse"]


class Discourse:
    """The entities and engagements a document has told so far (see the module docstring).
    ``titles``: title nouns (president, minister); ``not_names``: words that make a mention
    no actor ("Heads of State"); ``words``: the events stage's word record."""

    def __init__(self, doc: Document, titles: frozenset[str], not_names: frozenset[str] = frozenset(),
                 words: Words | None = None) -> None:
        self.parse = doc.parse
        self.titles, self.not_names = titles, not_names
        self.words = words or Words.load()
        self.by_token: dict[int, Mention] = {}
        self._shared: dict[tuple[int, int], list[Mention]] = {}  # one span, several actors
        self.persons: list[tuple[int, Mention]] = []
        for m in sorted(doc.mentions, key=lambda x: x.span.start):
            span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)
            self._shared.setdefault((span.start, span.end), []).append(m)
            if m.label in ("PERSON", "HANDLE") or (m.actor is not None and m.actor.kind == "person"):
                self.persons.append((span.start, m))
        self._starts = [i for i, _ in self.persons]
        self.aliases = aliases(self.persons, self.parse, self.words)
        self.counts: dict[str, int] = {}
        self.titled: set[str] = set()  # persons the text gives a title somewhere ("President X")
        for start, m in self.persons:
            name = self.actor(m).name
            self.counts[name] = self.counts.get(name, 0) + 1
            if self.left_words(start, m) & self.titles:
                self.titled.add(name)
        self.last_pair: tuple[Actor, ...] = ()
        self._pair_at = -1  # where the engagement of the last pair was told
        self._latest: dict[str, tuple[Actor, ...]] = {}
        self._status: dict[str, Any] = {}  # the status of the latest engagement of each kind
        self._open: dict[str, tuple[Actor, ...]] = {}  # the latest not (yet) held, of each kind
        self.last_claim: Any = None  # the latest speaker credited, for "it is also mentioned that"
        self.speakers: list[Any] = []  # every speaker credited so far (Claim or None)

    # -- what the events stage writes ----------------------------------------------------------
    def tell(self, kind: EventType, actors: tuple[Actor, ...], status: Any = None, at: int = -1) -> None:
        """An engagement told (its trigger at token ``at``): the latest of its kind, for "the
        meeting" and "the two leaders" later on."""
        group = types.refers_as(kind)
        self._latest[group] = actors
        self._status[group] = status
        if status is not None and status.coarse is not Status.OCCURRED:
            self._open[group] = actors
        persons = tuple(a for a in actors if a.kind == "person")
        if len(persons) >= 2:
            self.last_pair = persons
            self._pair_at = at

    def pair_before(self, i: int) -> tuple[Actor, ...]:
        """What "they", "the two" and "both sides" at token ``i`` stand for: the persons of the
        latest engagement told, or, named since, whichever was named last: the latest persons
        coordinated in the text ("Putin and Xi arrived in the hall. They ...": a sentence with
        no engagement word), or a person and the one a verb of the pronoun's own sentence sets
        against them ("X shook hands with Y after their talks")."""
        found = [p for p in (self._coordinated_before(i), self._clause_pair_before(i))
                 if p[0] and p[1] > self._pair_at]
        return max(found, key=lambda p: p[1])[0] if found else self.last_pair

    def _clause_pair_before(self, i: int) -> tuple[tuple[Actor, ...], int]:
        """The persons its own sentence sets against each other before token ``i``: the subject
        of a verb and a person it governs (object, prepositional object: "X shook hands with Y
        after their talks"); the latest such verb, and the token of its last person."""
        tok = self.parse[i]
        best: tuple[tuple[Actor, ...], int] = ((), -1)
        for verb in (t for t in tok.sent if t.i < i and t.pos_ in ("VERB", "AUX")):
            subj = [self._person_at(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < i]
            subj = subj or [self._person_at(c) for a in verb.lefts if a.dep_ == "advcl" for c in a.children
                            if c.dep_ == "nsubj" and c.i < a.i]  # "X, left, shakes hands": X hung on "left"
            objs = [g for c in verb.children if c.dep_ == "dobj" for g in (c, *c.conjuncts)]
            objs += [g for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
                     for g in (p, *p.conjuncts)]
            people = [a for a in [self._person_at(o) for o in objs if o.i < i] if a is not None]
            if subj and subj[0] is not None and people and people[0].name != subj[0].name:
                pair = (subj[0], people[0])
                best = (pair, max(o.i for o in objs if o.i < i))
        return best

    def _person_at(self, tok: Any) -> Actor | None:
        """The person (no pronoun) named at token ``tok``, if one is."""
        m = self.mention_at(tok)
        person = m is not None and (m.label in ("PERSON", "HANDLE") or m.actor is not None and m.actor.kind == "person")
        if not person or m.label == "PRON":
            return None
        return self.actor(m)

    def _coordinated_before(self, i: int) -> tuple[tuple[Actor, ...], int]:
        """The latest run of persons joined by a coordinator ("A and B", "A, B and C") before token
        ``i``, and the token of its last person."""
        runs: list[tuple[list[Mention], bool, int]] = []  # (mentions, has a coordinator, last start)
        prev_end = None
        for start, m in self.persons:
            if start >= i:
                break
            between = list(self.parse[prev_end:start]) if prev_end is not None and prev_end <= start else []
            joins = 0 < len(between) <= 2 and all(t.lower_ in self.words.coordinators or t.text == ","
                                                   for t in between)
            if joins and runs:
                ms, coord, _ = runs[-1]
                runs[-1] = (ms + [m], coord or any(t.lower_ in self.words.coordinators for t in between), start)
            else:
                runs.append(([m], False, start))
            span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
            prev_end = span.end if span is not None else start + 1
        for ms, coord, last in reversed(runs):
            people = tuple(dict.fromkeys(self.actor(m) for m in ms if m.label != "PRON"))
            if coord and len(people) >= 2:
                return people, last
        return (), -1

    def credit(self, claim: Any) -> None:
        """The source of the latest claim (None: the article's own voice)."""
        self.last_claim = claim or self.last_claim
        self.speakers.append(claim)

    # -- engagements told ----------------------------------------------------------------------
    def latest(self, kind: EventType | str) -> tuple[Actor, ...]:
        """The participants of the latest engagement told that an anaphor of ``kind`` refers to
        (a type, or a :func:`~sideline.types.refers_as` group such as "consult")."""
        return self._latest.get(_group(kind), ())

    def latest_open(self, kind: EventType | str) -> tuple[Actor, ...] | None:
        """The latest engagement of this kind not (yet) held, if one was told."""
        return self._open.get(_group(kind))

    def latest_status(self, kind: EventType | str) -> Any:
        return self._status.get(_group(kind))

    # -- entities -------------------------------------------------------------------------------
    def actor(self, m: Mention) -> Actor:
        """The actor of a mention, with in-document aliases and titles resolved when unresolved."""
        a = actor_of_mention(m, self.words)
        if a.kind != "person":
            return a
        if m.actor is not None:  # a one-word name the actors stage could not complete ("Fiame")
            full = self.aliases.get(a.name) if " " not in a.name else None
            return a if not full else Actor(name=full, mention=a.mention, role=a.role,
                                            country=a.country, code=a.code, kind=a.kind)
        name = strip_titles(a.name, self.words)
        name = self.aliases.get(name, name)
        return Actor(name=name, mention=a.mention, kind=a.kind)

    def main_country(self) -> str | None:
        """The country the document names most often (the host of an address to "the joint session")."""
        counts: dict[str, int] = {}
        for m in self.by_token.values():
            if m.label == "GPE":
                name = self.actor(m).name
                counts[name] = counts.get(name, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def country_named(self, iso3: str) -> Actor | None:
        """The country with this ISO code as the document names it ("Nigeria"), if it does."""
        for m in self.by_token.values():
            if m.label in ("GPE", "NORP") and m.actor is not None and m.actor.kind == "country" \
                    and m.actor.country == iso3:
                return self.actor(m)
        return None

    def person_of(self, country: str, prefer: Actor | None = None) -> Actor | None:
        """The person of a country the document mentions most (``prefer`` first if of that country)."""
        if prefer is not None and prefer.kind == "person" and prefer.country == country:
            return prefer
        counts: dict[str, tuple[int, Actor]] = {}
        for _, m in self.persons:
            a = self.actor(m)
            if a.country == country:
                n, _ = counts.get(a.name, (0, a))
                counts[a.name] = (n + 1, a)
        return max(counts.values(), key=lambda x: x[0])[1] if counts else None

    def main_person(self) -> Actor | None:
        """The person the document mentions most (the author of a first-person release, say)."""
        if not self.counts:
            return None
        name = max(self.counts, key=lambda n: (self.counts[n], len(n)))
        return Actor(name=name, mention=name)

    def mention_at(self, tok: Any) -> Mention | None:
        m = self.by_token.get(tok.i)
        if m is None:
            return None
        m = self._nth_of_shared(tok, m)
        if m.label == "TITLE" and m.actor is None:
            return None
        if m.actor is not None and m.actor.code and m.actor.kind in ("country", "organisation"):
            words = ""  # a country's or a known body's own name ("the United States", "the United Nations")
        elif m.actor is not None and m.actor.code and m.actor.kind == "government":
            words = m.text  # the words used: "Washington" is its government, "State Department" no actor
        else:
            words = m.text if m.actor is None or not (m.actor.role or m.actor.code) else m.actor.name
        if {w.lower() for w in words.split()} & self.not_names:
            return None  # "Heads of State", "Minister Accepts Invitation To Visit Chile"
        if m.label not in ACTOR_LABELS and m.actor is None:
            return None
        return m

    def _nth_of_shared(self, tok: Any, m: Mention) -> Mention:
        """"Norway's prime minister and the Danish king" as one span with two actors: the
        second head of the coordination gets the second actor."""
        span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
        shared = self._shared.get((span.start, span.end), []) if span is not None else []
        if len(shared) < 2:
            return m
        heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.dep_ == "conj"]
        k = next((n for n, t in enumerate(heads) if t.i == tok.i), 0)
        return shared[k] if k < len(shared) else m

    def all_of_span(self, m: Mention, lands: bool = False) -> tuple[Actor, ...]:
        """"the leaders of France and China": the persons the actors stage gave this one span (two
        or more); ``lands``: with the countries it gave for holders it does not know."""
        span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
        shared = self._shared.get((span.start, span.end), []) if span is not None else []
        people = tuple(self.actor(x) for x in shared if x.actor is not None and x.actor.kind == "person")
        if len(people) < 2:
            return ()
        return tuple(self.actor(x) for x in shared if x.actor is not None) if lands else people

    def token_ids(self, m: Mention) -> list[int]:
        span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
        return [t.i for t in span] if span is not None else []

    def mentions_in(self, tokens: list[Any]) -> list[Mention]:
        seen: list[Mention] = []
        for t in tokens:
            m = self.mention_at(t)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def person_before(self, i: int, word: str | None = None, exclude: tuple[str, ...] = ()) -> Actor | None:
        """The latest person mentioned before token ``i`` (with ``word`` just before it, if given)."""
        k = bisect_left(self._starts, i)
        for start, m in reversed(self.persons[:k]):
            a = self.actor(m)
            if a.name in exclude:
                continue
            if word is None or word in self.left_words(start, m):
                return a
        return None

    def titled_person(self, word: str, near: int, window: int = 80) -> Actor | None:
        """The person the text names with this title word ("spokeswoman Martina Fietz") within
        ``window`` tokens of token ``near``, before or after it; the closest one."""
        found = [(abs(start - near), m) for start, m in self.persons
                 if abs(start - near) <= window and word in self.left_words(start, m)]
        return self.actor(min(found, key=lambda x: x[0])[1]) if found else None

    def person_with_role(self, word: str, near: int, window: int = 120) -> Actor | None:
        """The person named within ``window`` tokens of token ``near`` whose known office holds
        this title word ("the permanent representative said ... Nebenzya"); the closest one."""
        found = [(abs(start - near), m) for start, m in self.persons if abs(start - near) <= window
                 and m.actor is not None and word in (m.actor.role or "").lower().split()]
        return self.actor(min(found, key=lambda x: x[0])[1]) if found else None

    def left_words(self, start: int, m: Mention) -> set[str]:
        left = self.parse[max(0, start - 5): start]
        return {t.lower_ for t in left} | {w.lower() for w in m.text.split()}

    def person_named(self, word: str) -> Actor | None:
        """The one person mentioned in the document whose full name holds this word."""
        low = word.lower()
        found = {self.actor(m).name: self.actor(m) for _, m in self.persons
                 if low in {w.lower() for w in m.text.replace("’", "'").split()} and " " in m.text}
        return next(iter(found.values())) if len(found) == 1 else None

    def person_with_stem(self, stems: set[str]) -> Actor | None:
        """The person titled with this national word: in the mention itself ("South Korean
        President Yoon") first, else just around it; never a pronoun ("his ... counterparts")."""
        persons = [(start, m) for start, m in self.persons if m.label != "PRON"]
        for start, m in persons:
            own = m.text.split()
            if stems & {stem(w, self.words) for w in own} and {w.lower() for w in own} & self.titles:
                return self.actor(m)
        for start, m in persons:
            end = start + len(m.text.split())
            near = list(self.parse[max(0, start - 4): start]) + list(self.parse[end: end + 6])
            if stems & {stem(t.lower_, self.words) for t in near} and any(t.lemma_.lower() in self.titles for t in near):
                return self.actor(m)
        return None

    def title_person(self, national: list[Mention]) -> Actor | None:
        """A person whose title in the text shares the national word of this title-only phrase."""
        stems = {stem(w, self.words) for m in national for w in m.text.lower().split()[-1:]}
        if not stems:
            return None
        for start, m in self.persons:
            if m.label == "PRON":
                continue
            end = start + len(m.text.split())
            near = list(self.parse[max(0, start - 4): start]) + list(self.parse[end: end + 6])
            words = {stem(t.lower_, self.words) for t in near}
            if stems & words and any(t.lemma_.lower() in self.titles for t in near):
                return self.actor(m)
        return None


def _group(kind: EventType | str) -> str:
    return types.refers_as(kind) if isinstance(kind, EventType) else kind
