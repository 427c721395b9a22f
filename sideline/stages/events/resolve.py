"""Turn the words of a participant or a speaker into actors, using ``doc.mentions``.

A :class:`Resolver` is built once per document. It prefers ``Mention.actor`` (the actors
stage's canonical actor) and falls back to the mention's own words.

Cascade of :meth:`Resolver.actors_of` for the head token of a noun phrase:

1. The head lies in a mention (PERSON, ORG, GPE, NORP, HANDLE): that mention's actor; a
   plural title span the actors stage gave several persons ("the leaders of France and
   China"): all of them.
2. A pronoun: "I" in a quotation is its speaker; he/she/him/her/his resolve to the latest person mentioned before it;
   they/them/their (and "the two leaders", "both") to the latest pair (see :meth:`pair`).
3. A noun whose own phrase (appositions, compounds, "of"/"from"/"including" phrases,
   national adjectives) holds mentions: the persons there, else the countries and
   organisations there; a plural title over a list of countries ("the presidents of A, B and
   C") the persons its phrase names, one per country ("..., X, Y and Z, respectively"), else
   the countries. A group noun (delegates, representatives) with a list of two or
   more countries is marked *split*: one engagement per country.
4. A title-only phrase ("the top Russian diplomat", "his Indonesian counterpart"): the
   person whose title in the text carries the same national word, else the latest person
   mentioned with that title word, else the latest person mentioned.
5. A capitalised word the recogniser missed: the one person whose full name holds it
   ("Fiame" -> "Fiamē Naomi Mataʻafa"), else a name of its own.
6. Anything else (teachers, reporters, the demand) is no actor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from .names import actor_of_mention, clean_name, stem, strip_titles
from ...records import Actor
from .countries import Countries
from .discourse import Discourse
from .phrases import np_tokens, pair_phrase
from .words import Words

__all__ = ["Resolver", "Resolved", "actor_of_mention", "clean_name"]


#: entity labels of words that are nobody's name (times, amounts, regions, buildings, events, things)
_NO_PERSON = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})


@dataclass(frozen=True)
class Resolved:
    """The actors a phrase stands for; ``split``: they are separate counterparts (one event each)."""

    actors: tuple[Actor, ...]
    split: bool = False


class Resolver:
    """Turns the head token of a phrase into the actors it stands for, reading the document's
    :class:`~sideline.stages.events.discourse.Discourse` (mentions, persons, engagements told)
    and the country rules (:class:`~sideline.stages.events.countries.Countries`); ``words``: the
    events stage's word record (else the packaged one)."""

    def __init__(self, discourse: Discourse, groups: frozenset[str], pair_words: frozenset[str],
                 places: Any = None, not_participants: frozenset[str] = frozenset(),
                 words: Words | None = None) -> None:
        self.discourse = discourse
        self.parse = discourse.parse
        self.titles, self.groups, self.pair_words = discourse.titles, groups, pair_words
        self.not_participants = not_participants  # "meet the demand": no party to an engagement
        self.words = words or Words.load()
        self.countries = Countries(discourse, places, self.words)
        self.voice: Callable[[Any], Actor | None] | None = None  # who speaks the quotation a token sits in
        self._hearing = False

    # -- the cascade --------------------------------------------------------------------------
    def actors_of(self, tok: Any, exclude: tuple[str, ...] = (), strict: bool = False,
                  loose: bool = False) -> Resolved:
        """Step 1-5 of the module cascade for one head token (``strict``: no guessing of titles;
        ``loose``: a place, where "the capital of Eritrea" stands for Eritrea)."""
        w = self.words
        if pair_phrase(tok, w):
            lands = self.countries.last_countries(tok) if tok.lemma_.lower() in w.lands else ()
            last = self.discourse.pair_before(tok.i)
            named = self._named_pair(tok) if len(last) != 2 else ()  # the last engagement had no pair
            return Resolved(lands or named or last)
        guest = self.countries.visitor(tok) or self.countries.home(tok, exclude)  # "his country"
        if guest is not None:
            return Resolved((guest,))
        m = self.discourse.mention_at(tok)
        if m is not None and m.label == "TITLE" and tok.tag_ in ("NNS", "NNPS"):
            lands = self.countries.of_countries(tok)
            spanned = self.discourse.all_of_span(m, lands=True)  # the actors stage's holders, one per country
            people = (self._holders(tok, len(lands)) if len(lands) >= 2 else ()) \
                or (spanned if len(spanned) > max(1, len(lands)) else ()) or lands \
                or self._plural_title(tok) or self.discourse.all_of_span(m)  # "his South Korean and Japanese counterparts"
            if people:
                return Resolved(people)
            m = None  # "the leaders": not one person
        if m is not None and m.label == "TITLE" and m.actor is not None and m.actor.kind == "organisation" \
                and tok.lemma_.lower() in self.titles:
            m = None  # "a top Russian leader" is a person, not an agency
        if m is not None:
            return Resolved((self.discourse.actor(m),))
        low = tok.lower_
        if low in w.first_person:
            return self._first_person(tok)
        if low in w.first_plural:  # "'We will meet him,' the president said": the speaker's side,
            r = self._speaker(tok)  # when the speaker acts for a state (a union's "we" is the union's)
            return r if r.actors and all(a.code for a in r.actors) else Resolved(())
        if tok.pos_ == "PRON" or low in w.he | w.they:
            return self._pronoun(tok, exclude)
        if pair_phrase(tok, w):
            return Resolved(self.discourse.pair_before(tok.i))
        if m is None and tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in self.titles:
            lands = self.countries.of_countries(tok)  # "the leaders of Australia, China and India"
            if len(lands) >= 2:
                return Resolved(self._holders(tok, len(lands)) or lands)
        found = self._phrase_mentions(tok)
        plain = tok.pos_ == "NOUN" and tok.lemma_.lower() not in self.titles | self.groups
        if found is not None and plain and not loose:  # "the interest of Malaysian companies"
            found = Resolved(tuple(a for a in found.actors if a.kind == "person"))
        if found is not None:
            return found
        if tok.lemma_.lower() in self.titles:
            return self._title(tok, exclude, strict)
        return self._proper_name(tok)

    def _holders(self, tok: Any, n: int) -> tuple[Actor, ...]:
        """"The presidents of A, B and C, X, Y and Z (respectively)": the ``n`` persons the
        plural title's own phrase names, one per country, when it names that many."""
        found = self.discourse.mentions_in([t for t in tok.subtree if t.i > tok.i])
        people = tuple(dict.fromkeys(self.discourse.actor(m) for m in found if m.label == "PERSON"))
        return people if len(people) == n else ()

    def _named_pair(self, tok: Any) -> tuple[Actor, ...]:
        """The persons the actors stage gave a plural title over this token ("the two heads of
        state": the two most mentioned of the last sentences with that office), when it gave two
        or more; used when the latest engagement told does not give a pair ("he was to meet A, B
        and C ... the next day D received him, after which the two heads of state ...")."""
        m = self.discourse.by_token.get(tok.i)
        return self.discourse.all_of_span(m) if m is not None and m.label == "TITLE" else ()

    def _proper_name(self, tok: Any) -> Resolved:
        """A capitalised proper noun the entity recogniser missed ("Hollande"): a name of its own
        (not in a headline in title case, where every word looks like a name)."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in _NO_PERSON:
            return Resolved(())  # "the Summit of the Americas": a region, no one's name
        if tok.lower_ in self.titles or tok.lower_.rstrip("s") in self.titles:
            return Resolved(())  # "Ministers" in "the GCC Foreign Ministers' Meeting"
        if sum(1 for t in tok.sent if t.is_title and t.is_stop and t.i > tok.sent.start) >= 2:
            return Resolved(())  # "Minister Accepts Invitation To Visit Chile, Date Not Set": a headline
        words = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < tok.i]
        span = self.parse[(words[0].i if words else tok.i): tok.i + 1]
        if any(t.lemma_.lower() in self.titles for t in span[-1:]):
            return Resolved(())
        name = strip_titles(clean_name(span.text, self.words), self.words)
        name = self.discourse.aliases.get(name, name)
        known = self.discourse.person_named(name) if " " not in name else None
        if known is not None:  # "Fiame met ...": the person the text named in full
            return Resolved((replace(known, mention=span.text),))
        return Resolved((Actor(name=name, mention=span.text, kind="person"),))

    def _speaker(self, tok: Any) -> Resolved:
        """The speaker of the sentence's reporting verb (none: nobody)."""
        first = self.words.first_person | self.words.first_plural
        for t in tok.sent:
            if t.lemma_.lower() in self.words.say_verbs and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in first]
                if subj:
                    r = self.actors_of(subj[0])
                    if r.actors:
                        return r
        return Resolved(())

    def _first_person(self, tok: Any) -> Resolved:
        """"I": the speaker of the quotation it sits in (when a person), else of the sentence's
        reporting verb, else the document's main person."""
        quoted = self._quoted_speaker(tok)
        if quoted is not None:
            return Resolved((quoted,))
        r = self._speaker(tok)
        if r.actors:
            return r
        a = self.discourse.main_person()
        return Resolved((a,) if a else ())

    def _quoted_speaker(self, tok: Any) -> Actor | None:
        if self.voice is None or self._hearing:
            return None
        self._hearing = True  # the speaker's own phrase is read outside the quotation, never this "I"
        try:
            actor = self.voice(tok)
        finally:
            self._hearing = False
        return actor if actor is not None and actor.kind == "person" else None

    def _pronoun(self, tok: Any, exclude: tuple[str, ...]) -> Resolved:
        if tok.lower_ in self.words.he:
            a = self.discourse.person_before(tok.i, exclude=exclude)
            return Resolved((a,) if a else ())
        if tok.lower_ in self.words.they:
            return Resolved(self.discourse.pair_before(tok.i))
        if tok.lower_ in self.words.it:
            return self._body_above(tok)
        return Resolved(())

    def _body_above(self, tok: Any) -> Resolved:
        """"The delegation had a visit to X, where it had a meeting with Y": "it" in a clause
        is the body (a state, a ministry, a delegation; no person) subject of a clause above;
        "Saudi Arabia announced it will host talks": the body that says it, of itself."""
        verb = tok.head
        if tok.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.words.say_verbs:
            said = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "Saudi Arabia announced it will host
            bodies = tuple(a for a in self.actors_of(said[0]).actors if a.kind != "person") if said else ()
            return Resolved(bodies[:1])  # talks": the body that says it, of itself
        if tok.dep_ != "nsubj" or verb.dep_ not in ("relcl", "advcl"):
            return Resolved(())
        for _ in range(4):
            if verb.head == verb:
                break
            verb = verb.head
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c != tok
                    and c.lower_ not in self.words.it]
            if subj:
                bodies = tuple(a for a in self.actors_of(subj[0]).actors if a.kind != "person")
                return Resolved(bodies[:1])
        return Resolved(())

    def _phrase_mentions(self, tok: Any) -> Resolved | None:
        w = self.words
        tokens = np_tokens(tok, w)
        ms = self.discourse.mentions_in([t for t in tokens if t != tok])
        if not ms or tok.pos_ == "NUM" and all(m.label == "NORP" for m in ms):
            return None  # "the European six": nobody named
        persons = [m for m in ms if m.label in ("PERSON", "HANDLE") or (m.actor and m.actor.kind == "person")]
        owned = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        own = [m for m in persons if not any(i in owned for i in self.discourse.token_ids(m))]
        persons = own or persons
        if persons:  # "officials including X, Y and Z": all of them; "Putin's aide X": X
            listed = tok.tag_ in ("NNS", "NNPS") and any(t.lower_ in w.listing for t in tokens)
            return Resolved(tuple(self.discourse.actor(m) for m in (persons if listed else persons[:1])))
        plural = tok.tag_ in ("NNS", "NNPS")
        is_group = tok.lemma_.lower() in self.groups and plural
        national = [m for m in ms if m.label in ("NORP", "GPE")]
        if len(national) >= 2 and len(national) == len(ms) and plural and tok.lemma_.lower() in self.titles:
            people = [self.discourse.title_person([m]) for m in national]  # "the leaders of France and China"
            if all(people):
                return Resolved(tuple(people))
        if tok.lemma_.lower() in self.titles and not is_group:
            person = self.discourse.title_person(national)
            if person is not None:
                return Resolved((person,))
        if is_group and tok.lemma_.lower() in self.titles and len(national) >= 2 and len(national) == len(ms):
            people = [self.discourse.title_person([m]) for m in national]
            if all(people):
                return Resolved(tuple(people))
        actors = tuple(self.discourse.actor(m) for m in ms)
        split = is_group and len(actors) > 1 and any(t.lower_ in w.from_list for t in tokens)
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
            word_stem = stem(g[-1].lower_, self.words)
            person = self.discourse.person_with_stem({word_stem})
            if person is None:
                return ()
            people.append(person)
        return tuple(people) if len(people) >= 2 else ()

    def _title(self, tok: Any, exclude: tuple[str, ...], strict: bool = False) -> Resolved:
        """A title-only phrase: a plural is a group; a singular the most salient person so titled."""
        if tok.tag_ in ("NNS", "NNPS"):
            sub = [t for t in tok.subtree if t.dep_ not in ("det", "poss", "relcl", "punct", "acl")][:9]
            if not any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in sub):
                return Resolved(())  # "the leaders", "top diplomats": nobody in particular
            mention = " ".join(t.text for t in sub)
            mods = [t.text for t in sub if t != tok and t.lower_ not in self.words.group_name_skip]
            name = " ".join(mods + [tok.text])  # "leaders of Central Asian countries" -> "Central Asian leaders"
            lands = {a.country for t in sub if t.ent_type_ in ("NORP", "GPE") and (m := self.discourse.mention_at(t))
                     and (a := self.discourse.actor(m)) is not None and a.country}  # "officials in Ankara": Turkey's
            land = lands.pop() if len(lands) == 1 else None
            return Resolved((Actor(name=name, mention=mention, country=land, kind="group"),))
        if any(c.dep_ == "det" and c.lower_ in self.words.nonspecific for c in tok.children):
            return Resolved(())  # "has received a foreign leader": nobody in particular
        titled = [m for start, m in self.discourse.persons if start < tok.i and tok.lower_ in self.discourse.left_words(start, m)]
        titled = [m for m in titled if self.discourse.actor(m).name not in exclude]
        if titled:
            counts: dict[str, int] = {}
            for _, m in self.discourse.persons:
                key = self.discourse.actor(m).name.split()[-1]
                counts[key] = counts.get(key, 0) + 1
            best = max(titled, key=lambda m: counts.get(self.discourse.actor(m).name.split()[-1], 0))
            return Resolved((self.discourse.actor(best),))
        if strict:
            return Resolved(())
        a = self.discourse.person_before(tok.i, exclude=exclude)
        return Resolved((a,) if a else ())
