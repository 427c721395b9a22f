"""The country side of resolving participants (:class:`Countries`, used by the resolver).

* a city a visit goes to stands for its country's government ("visited Vladivostok": Russia);
* "the two countries", "both nations": the last two countries the text coordinated, else the
  countries of the last pair of persons;
* "the visiting president": the visitor of the latest visit told, else, of the two persons of
  the latest meeting, the one not from the country the text places itself in;
* "the leaders of Paraguay, Uruguay and Bolivia": the countries of the of-phrase.
"""
from __future__ import annotations

from typing import Any

from ...records import Actor
from .discourse import Discourse
from .words import Words

__all__ = ["Countries"]


class Countries:
    """Country rules over a document's :class:`~sideline.stages.events.discourse.Discourse`;
    ``places`` is the gazetteer (a city's country), or None; ``words`` the events stage's words."""

    def __init__(self, discourse: Discourse, places: Any = None, words: Words | None = None) -> None:
        self.discourse = discourse
        self.places = places
        self.words = words or Words.load()

    def of_city(self, a: Actor) -> Actor:
        """A city a visit goes to ("Vladivostok", "New York") stands for its country's government."""
        if self.places is None or a.country or a.kind == "person" and (a.role or a.code or " " in a.name):
            return a  # a known person stays; "Vladivostok" taken for a name is the city
        e = self.places.lookup(a.mention, place_context=True)
        if e is None or not e.is_settlement or not e.country:
            return a
        name = self.places.country_name(e.country) or e.country
        return Actor(name=name, mention=a.mention, country=e.country, code=e.country, kind="country")

    def last_countries(self, tok: Any) -> tuple[Actor, ...]:
        """"the two countries", "both nations": the last two countries the text coordinated
        ("between Venezuela and Guyana"), else the countries of the last pair of persons."""
        for i in range(tok.i - 1, max(1, tok.i - 150), -1):
            if self.discourse.parse[i - 1].lower_ not in self.words.coordinators:
                continue
            pair = [self.discourse.by_token.get(i - 2), self.discourse.by_token.get(i)]
            lands = [self.discourse.actor(m) for m in pair if m is not None]
            if len(lands) == 2 and all(a.kind in ("country", "government") and a.country for a in lands) \
                    and lands[0].country != lands[1].country:
                return tuple(lands)
        codes = list(dict.fromkeys(a.country for a in self.discourse.last_pair if a.country))
        return tuple(self.country(c, tok.text) for c in codes) if len(codes) == 2 else ()

    def country(self, iso: str, mention: str) -> Actor:
        """The country with this ISO code, as the document names it, else by its gazetteer name."""
        named = self.discourse.country_named(iso)
        if named is not None or self.places is None:
            return named or Actor(name=iso, mention=mention, country=iso, code=iso, kind="country")
        return Actor(name=self.places.country_name(iso) or iso, mention=mention, country=iso, code=iso,
                     kind="country")

    def home(self, tok: Any, exclude: tuple[str, ...] = ()) -> Actor | None:
        """"his country", "the president's nation": the country of the person who owns it, a
        pronoun owner being the latest person before it other than those of ``exclude`` (the
        visitor's own country is no destination: "he visited his country" is the other's)."""
        if self.words is None or tok.lemma_.lower() not in self.words.home_nouns:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.pos_ == "PRON":
            person = self.discourse.person_before(owner.i, exclude=exclude)
        else:
            m = self.discourse.mention_at(owner)
            person = self.discourse.actor(m) if m is not None else None
        if person is None or person.kind != "person" or not person.country or person.name in exclude:
            return None
        return self.country(person.country, f"{owner.text} {tok.text}")

    def visitor(self, tok: Any) -> Actor | None:
        """"the visiting official", "the visiting president", "the guest", "his visitor": the visitor
        of the latest visit told, when the text told one (a name of its own wins: "the visiting
        Kenyan president X")."""
        w = self.words
        guest = tok.lemma_.lower() in w.guest_nouns and tok.tag_ == "NN" \
            and any(c.dep_ in ("det", "poss") and c.lower_ in w.anaphoric | w.he for c in tok.children)
        if not (guest or any(c.dep_ == "amod" and c.lower_ in w.visiting for c in tok.children)) \
                or any(c.dep_ in ("compound", "appos") and c.ent_type_ == "PERSON" for c in tok.children):
            return None
        visit = self.discourse.latest("visit")
        if visit and visit[0].kind == "person":
            return visit[0]
        return self._guest_of(tok)

    def _guest_of(self, tok: Any) -> Actor | None:
        """No visit told: of the two persons of the latest meeting, the one not from the country
        the text places itself in (the places it names before, outside titles)."""
        met = [a for a in self.discourse.latest("consult") if a.kind == "person" and a.country]
        if len(met) != 2 or met[0].country == met[1].country:
            return None
        counts: dict[str, int] = {}
        for i, m in self.discourse.by_token.items():
            a = self.discourse.actor(m)
            if i < tok.i and m.label == "GPE" and a.kind in ("country", "government") and a.country:
                counts[a.country] = counts.get(a.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        guests = [a for a in met if a.country != ranked[0][0]]
        return guests[0] if len(guests) == 1 else None

    def of_countries(self, tok: Any) -> tuple[Actor, ...]:
        """"the leaders of Paraguay, Uruguay and Bolivia": the countries named in the of-phrase."""
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in self.words.genitive for g in c.children
                if g.dep_ == "pobj"]
        tokens = [t for g in objs for t in g.subtree]
        found = self.discourse.mentions_in(tokens)
        lands = [a for a in (self.discourse.actor(m) for m in found) if a.kind in ("country", "government")]
        return tuple(self._swallowed(tokens, lands) + lands)

    def _swallowed(self, tokens: list[Any], lands: list[Actor]) -> list[Actor]:
        """A country the title's own mention swallowed ("the leaders of Australia, China and
        India": the title mention ends on Australia, which has no mention of its own)."""
        if self.places is None:
            return []
        have = {a.country for a in lands}
        out = []
        for t in tokens:
            if t.ent_type_ != "GPE" or t.ent_iob_ != "B" or self.discourse.mention_at(t) is not None:
                continue
            name = t.doc[t.i:t.i + next((k for k in range(1, 4) if t.i + k >= len(t.doc)
                                         or t.doc[t.i + k].ent_iob_ != "I"), 1)].text
            e = self.places.lookup(name)
            if e is not None and e.country and not e.is_settlement and e.country not in have:
                have.add(e.country)
                out.append(self.country(e.country, name))
        return out
