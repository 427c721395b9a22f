"""Turn the words of a participant or a speaker into actors, using ``doc.mentions``.

A :class:`Resolver` is built once per document. It prefers ``Mention.actor`` (the actors
stage's canonical actor) and falls back to the mention's own words.

Cascade of :meth:`Resolver.actors_of` for the head token of a noun phrase:

1. The head lies in a mention (PERSON, ORG, GPE, NORP, HANDLE): that mention's actor; a
   plural title span the actors stage gave several persons ("the leaders of France and
   China"): all of them.
2. A pronoun: he/she/him/her/his resolve to the latest person mentioned before it;
   they/them/their (and "the two leaders", "both") to the latest pair (see :meth:`pair`).
3. A noun whose own phrase (appositions, compounds, "of"/"from"/"including" phrases,
   national adjectives) holds mentions: the persons there, else the countries and
   organisations there. A group noun (delegates, representatives) with a list of two or
   more countries is marked *split*: one engagement per country.
4. A title-only phrase ("the top Russian diplomat", "his Indonesian counterpart"): the
   person whose title in the text carries the same national word, else the latest person
   mentioned with that title word, else the latest person mentioned.
5. A capitalised word the recogniser missed: the one person whose full name holds it
   ("Fiame" -> "Fiamē Naomi Mataʻafa"), else a name of its own.
6. Anything else (teachers, reporters, the demand) is no actor.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Any

from .names import ACTOR_LABELS, actor_of_mention, aliases, clean_name, stem, strip_titles
from ...records import Actor, Document, Mention
from .countries import LANDS, PlacesMixin
from .arguments import np_tokens, pair_phrase

__all__ = ["Resolver", "Resolved", "actor_of_mention", "clean_name"]

_I = {"i", "me", "my", "myself"}
_SAY = {"say", "tell", "add", "write", "state", "post", "tweet", "announce"}
_HE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THEY = {"they", "them", "their", "theirs", "themselves"}


@dataclass(frozen=True)
class Resolved:
    """The actors a phrase stands for; ``split``: they are separate counterparts (one event each)."""

    actors: tuple[Actor, ...]
    split: bool = False


class Resolver(PlacesMixin):
    """Per-document map from tokens to mentions, with a light coreference for titles and pronouns."""

    def __init__(self, doc: Document, titles: frozenset[str], groups: frozenset[str],
                 pair_words: frozenset[str], not_names: frozenset[str] = frozenset(),
                 places: Any = None, not_participants: frozenset[str] = frozenset()) -> None:
        self.parse = doc.parse
        self.not_participants = not_participants  # "meet the demand": no party to an engagement
        self.places = places  # a sideline.knowledge.gazetteer.Gazetteer: the country of a city visited
        self.titles, self.groups, self.pair_words = titles, groups, pair_words
        self.not_names = not_names
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
        self.last_pair: tuple[Actor, ...] = ()
        self.last_by_kind: dict[str, tuple[Actor, ...]] = {}
        self.last_status: dict[str, Any] = {}  # the status of the latest engagement of each kind
        self.last_open: dict[str, tuple[Actor, ...]] = {}  # the latest not (yet) held, of each kind
        self.last_claim: Any = None  # the latest speaker credited, for "it is also mentioned that"
        self.speakers: list[Any] = []  # every speaker credited so far (Claim or None)
        self.aliases = aliases(self.persons, self.parse)
        self.counts: dict[str, int] = {}
        self.titled: set[str] = set()  # persons the text gives a title somewhere ("President X")
        for start, m in self.persons:
            name = self.actor(m).name
            self.counts[name] = self.counts.get(name, 0) + 1
            if self._left_words(start, m) & self.titles:
                self.titled.add(name)

    def actor(self, m: Mention) -> Actor:
        """The actor of a mention, with in-document aliases and titles resolved when unresolved."""
        a = actor_of_mention(m)
        if a.kind != "person":
            return a
        if m.actor is not None:  # a one-word name the actors stage could not complete ("Fiame")
            full = self.aliases.get(a.name) if " " not in a.name else None
            return a if not full else Actor(name=full, mention=a.mention, role=a.role,
                                            country=a.country, code=a.code, kind=a.kind)
        name = strip_titles(a.name)
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

    # -- mentions -----------------------------------------------------------------------------
    def mention_at(self, tok: Any) -> Mention | None:
        m = self.by_token.get(tok.i)
        if m is None:
            return None
        m = self._nth_of_shared(tok, m)
        if m.label == "TITLE" and m.actor is None:
            return None
        if m.actor is not None and m.actor.code and m.actor.kind == "country":
            words = ""  # a country's own name ("the United States")
        elif m.actor is not None and m.actor.code and m.actor.kind == "government":
            words = m.text  # the words used: "Washington" is its government, "State Department" no actor
        else:
            words = m.text if m.actor is None or not (m.actor.role or m.actor.code) else m.actor.name
        if {w.lower() for w in words.split()} & self.not_names:
            return None  # "Heads of State", "Minister Accepts Invitation To Visit US"
        if m.label not in ACTOR_LABELS and m.actor is None:
            return None
        return m

    def _nth_of_shared(self, tok: Any, m: Mention) -> Mention:
        """"Saudi Arabia's crown prince and the Kuwaiti emir" as one span with two actors: the
        second head of the coordination gets the second actor."""
        span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
        shared = self._shared.get((span.start, span.end), []) if span is not None else []
        if len(shared) < 2:
            return m
        heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.dep_ == "conj"]
        k = next((n for n, t in enumerate(heads) if t.i == tok.i), 0)
        return shared[k] if k < len(shared) else m

    def _all_of_span(self, m: Mention) -> tuple[Actor, ...]:
        """"the leaders of France and China": the persons the actors stage gave this one span."""
        span = self.parse.char_span(m.span.start, m.span.end, alignment_mode="expand")
        shared = self._shared.get((span.start, span.end), []) if span is not None else []
        people = tuple(self.actor(x) for x in shared if x.actor is not None and x.actor.kind == "person")
        return people if len(people) >= 2 else ()

    def _token_ids(self, m: Mention) -> list[int]:
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
            if word is None or word in self._left_words(start, m):
                return a
        return None

    def titled_person(self, word: str, near: int, window: int = 80) -> Actor | None:
        """The person the text names with this title word ("spokeswoman Martina Fietz") within
        ``window`` tokens of token ``near``, before or after it; the closest one."""
        found = [(abs(start - near), m) for start, m in self.persons
                 if abs(start - near) <= window and word in self._left_words(start, m)]
        return self.actor(min(found, key=lambda x: x[0])[1]) if found else None

    def person_with_role(self, word: str, near: int, window: int = 120) -> Actor | None:
        """The person named within ``window`` tokens of token ``near`` whose known office holds
        this title word ("the permanent representative said ... Nebenzya"); the closest one."""
        found = [(abs(start - near), m) for start, m in self.persons if abs(start - near) <= window
                 and m.actor is not None and word in (m.actor.role or "").lower().split()]
        return self.actor(min(found, key=lambda x: x[0])[1]) if found else None

    def _left_words(self, start: int, m: Mention) -> set[str]:
        left = self.parse[max(0, start - 5): start]
        return {t.lower_ for t in left} | {w.lower() for w in m.text.split()}

    # -- the cascade --------------------------------------------------------------------------
    def actors_of(self, tok: Any, exclude: tuple[str, ...] = (), strict: bool = False,
                  loose: bool = False) -> Resolved:
        """Step 1-5 of the module cascade for one head token (``strict``: no guessing of titles;
        ``loose``: a place, where "the capital of Eritrea" stands for Eritrea)."""
        if pair_phrase(tok):
            lands = self._last_countries(tok) if tok.lemma_.lower() in LANDS else ()
            return Resolved(lands or self.last_pair)
        guest = self._visitor(tok)
        if guest is not None:
            return Resolved((guest,))
        m = self.mention_at(tok)
        if m is not None and m.label == "TITLE" and tok.tag_ in ("NNS", "NNPS"):
            people = self._of_countries(tok) or self._plural_title(tok) or self._all_of_span(m)  # "his South Korean and Japanese counterparts"
            if people:
                return Resolved(people)
            m = None  # "the leaders": not one person
        if m is not None and m.label == "TITLE" and m.actor is not None and m.actor.kind == "organisation" \
                and tok.lemma_.lower() in self.titles:
            m = None  # "a top Russian leader" is a person, not an agency
        if m is not None:
            return Resolved((self.actor(m),))
        low = tok.lower_
        if low in _I:
            return self._first_person(tok)
        if tok.pos_ == "PRON" or low in _HE | _THEY:
            return self._pronoun(tok, exclude)
        if pair_phrase(tok):
            return Resolved(self.last_pair)
        found = self._phrase_mentions(tok)
        plain = tok.pos_ == "NOUN" and tok.lemma_.lower() not in self.titles | self.groups
        if found is not None and plain and not loose:  # "the interest of Malaysian companies"
            found = Resolved(tuple(a for a in found.actors if a.kind == "person"))
        if found is not None:
            return found
        if tok.lemma_.lower() in self.titles:
            return self._title(tok, exclude, strict)
        return self._proper_name(tok)

    def _proper_name(self, tok: Any) -> Resolved:
        """A capitalised proper noun the entity recogniser missed ("Hollande"): a name of its own
        (not in a headline in title case, where every word looks like a name)."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
            return Resolved(())
        if tok.lower_ in self.titles or tok.lower_.rstrip("s") in self.titles:
            return Resolved(())  # "Ministers" in "the GCC Foreign Ministers' Meeting"
        if sum(1 for t in tok.sent if t.is_title and t.is_stop and t.i > tok.sent.start) >= 2:
            return Resolved(())  # "Minister Accepts Invitation To Visit US, No Date Yet": a headline
        words = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < tok.i]
        span = self.parse[(words[0].i if words else tok.i): tok.i + 1]
        if any(t.lemma_.lower() in self.titles for t in span[-1:]):
            return Resolved(())
        name = strip_titles(clean_name(span.text))
        name = self.aliases.get(name, name)
        known = self._person_named(name) if " " not in name else None
        if known is not None:  # "Fiame met ...": the person the text named in full
            return Resolved((replace(known, mention=span.text),))
        return Resolved((Actor(name=name, mention=span.text, kind="person"),))

    def _person_named(self, word: str) -> Actor | None:
        """The one person mentioned in the document whose full name holds this word."""
        low = word.lower()
        found = {self.actor(m).name: self.actor(m) for _, m in self.persons
                 if low in {w.lower() for w in m.text.replace("’", "'").split()} and " " in m.text}
        return next(iter(found.values())) if len(found) == 1 else None

    def _first_person(self, tok: Any) -> Resolved:
        """"I": the speaker of the sentence's reporting verb, else the document's main person."""
        for t in tok.sent:
            if t.lemma_.lower() in _SAY and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in _I]
                if subj:
                    r = self.actors_of(subj[0])
                    if r.actors:
                        return r
        a = self.main_person()
        return Resolved((a,) if a else ())

    def _pronoun(self, tok: Any, exclude: tuple[str, ...]) -> Resolved:
        if tok.lower_ in _HE:
            a = self.person_before(tok.i, exclude=exclude)
            return Resolved((a,) if a else ())
        if tok.lower_ in _THEY:
            return Resolved(self.last_pair)
        return Resolved(())

    def _phrase_mentions(self, tok: Any) -> Resolved | None:
        tokens = np_tokens(tok)
        ms = self.mentions_in([t for t in tokens if t != tok])
        if not ms or tok.pos_ == "NUM" and all(m.label == "NORP" for m in ms):
            return None  # "the European six": nobody named
        persons = [m for m in ms if m.label in ("PERSON", "HANDLE") or (m.actor and m.actor.kind == "person")]
        owned = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        own = [m for m in persons if not any(i in owned for i in self._token_ids(m))]
        persons = own or persons
        if persons:  # "officials including X, Y and Z": all of them; "Putin's aide X": X
            listed = tok.tag_ in ("NNS", "NNPS") and any(t.lower_ in ("including", "like", "such") for t in tokens)
            return Resolved(tuple(self.actor(m) for m in (persons if listed else persons[:1])))
        plural = tok.tag_ in ("NNS", "NNPS")
        is_group = tok.lemma_.lower() in self.groups and plural
        national = [m for m in ms if m.label in ("NORP", "GPE")]
        if len(national) >= 2 and len(national) == len(ms) and plural and tok.lemma_.lower() in self.titles:
            people = [self._title_person([m]) for m in national]  # "the leaders of France and China"
            if all(people):
                return Resolved(tuple(people))
        if tok.lemma_.lower() in self.titles and not is_group:
            person = self._title_person(national)
            if person is not None:
                return Resolved((person,))
        if is_group and tok.lemma_.lower() in self.titles and len(national) >= 2 and len(national) == len(ms):
            people = [self._title_person([m]) for m in national]
            if all(people):
                return Resolved(tuple(people))
        actors = tuple(self.actor(m) for m in ms)
        split = is_group and len(actors) > 1 and any(t.lower_ in ("from", "including") for t in tokens)
        return Resolved(actors, split=split)

    def _plural_title(self, tok: Any) -> tuple[Actor, ...]:
        """Each national word of a plural title phrase resolved to the person so titled in the text."""
        words = [t for t in tok.subtree if t.i < tok.i and (t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN")]
        groups: list[list[Any]] = []
        for t in words:  # "South Korean and Japanese" -> [South, Korean], [Japanese]
            if groups and t.i == groups[-1][-1].i + 1:
                groups[-1].append(t)
            else:
                groups.append([t])
        people = []
        for g in groups:
            word_stem = stem(g[-1].lower_)
            person = self._person_with_stem({word_stem})
            if person is None:
                return ()
            people.append(person)
        return tuple(people) if len(people) >= 2 else ()

    def _person_with_stem(self, stems: set[str]) -> Actor | None:
        """The person titled with this national word: in the mention itself ("South Korean
        President Yoon") first, else just around it; never a pronoun ("his ... counterparts")."""
        persons = [(start, m) for start, m in self.persons if m.label != "PRON"]
        for start, m in persons:
            own = m.text.split()
            if stems & {stem(w) for w in own} and {w.lower() for w in own} & self.titles:
                return self.actor(m)
        for start, m in persons:
            end = start + len(m.text.split())
            near = list(self.parse[max(0, start - 4): start]) + list(self.parse[end: end + 6])
            if stems & {stem(t.lower_) for t in near} and any(t.lemma_.lower() in self.titles for t in near):
                return self.actor(m)
        return None

    def _title_person(self, national: list[Mention]) -> Actor | None:
        """A person whose title in the text shares the national word of this title-only phrase."""
        stems = {stem(w) for m in national for w in m.text.lower().split()[-1:]}
        if not stems:
            return None
        for start, m in self.persons:
            if m.label == "PRON":
                continue
            end = start + len(m.text.split())
            near = list(self.parse[max(0, start - 4): start]) + list(self.parse[end: end + 6])
            words = {stem(t.lower_) for t in near}
            if stems & words and any(t.lemma_.lower() in self.titles for t in near):
                return self.actor(m)
        return None

    def _title(self, tok: Any, exclude: tuple[str, ...], strict: bool = False) -> Resolved:
        """A title-only phrase: a plural is a group; a singular the most salient person so titled."""
        if tok.tag_ in ("NNS", "NNPS"):
            sub = [t for t in tok.subtree if t.dep_ not in ("det", "poss", "relcl", "punct", "acl")][:9]
            if not any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in sub):
                return Resolved(())  # "the leaders", "top diplomats": nobody in particular
            mention = " ".join(t.text for t in sub)
            mods = [t.text for t in sub if t != tok and t.lower_ not in ("of", "from", "the", "countries", "nations")]
            name = " ".join(mods + [tok.text])  # "leaders of Central Asian countries" -> "Central Asian leaders"
            return Resolved((Actor(name=name, mention=mention, kind="group"),))
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "another") for c in tok.children):
            return Resolved(())  # "has received a foreign leader": nobody in particular
        titled = [m for start, m in self.persons if start < tok.i and tok.lower_ in self._left_words(start, m)]
        titled = [m for m in titled if self.actor(m).name not in exclude]
        if titled:
            counts: dict[str, int] = {}
            for _, m in self.persons:
                key = self.actor(m).name.split()[-1]
                counts[key] = counts.get(key, 0) + 1
            best = max(titled, key=lambda m: counts.get(self.actor(m).name.split()[-1], 0))
            return Resolved((self.actor(best),))
        if strict:
            return Resolved(())
        a = self.person_before(tok.i, exclude=exclude)
        return Resolved((a,) if a else ())
