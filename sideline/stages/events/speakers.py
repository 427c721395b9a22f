"""Who a speaker phrase names (the subject of "said", the object of "according to"), as a
:class:`~sideline.records.Claim`; the words are data (``data/en/reporting.json``).

Cascade of :meth:`Speakers.claim` for the head token of a speaker phrase:

1. A name inside a dateline ("Danang: ...") is never a speaker.
2. A report noun or an outlet word with a definite determiner and no owner of its own ("the
   statement points out", "the newspaper said", "the note adds") is the body or outlet the
   text credited last (the statement or outlet it named before; a person is not one), when
   there is one; an outlet word described by places or languages only ("the London-based
   Arabic outlet") is still the outlet credited last, when that was an outlet.
3. A report noun owned by a name stands for its owner ("a Foreign Ministry statement said",
   "a statement from the White House"); a person in apposition for the title before it
   ("the ministry's spokeswoman, Maria Zakharova, said").
4. The phrase resolved like a participant (mentions, pronouns, titles); a spokesperson or envoy
   without a name takes the name the text gives that title nearby ("her spokeswoman said ...
   spokeswoman Martina Fietz said"); a body or aide a person owns is that person's ("his
   office said" -> "William Ruto's office", "the President's press service"), not the
   person; an owner the text does not know as a person (an outlet's "online service") owns
   no person's body.
5. An unnamed speaker is credited to the institution its words name ("a State Department
   spokesperson" -> State Department), else to its own words ("diplomatic sources in Brussels"),
   without a phrase that tells when or how it spoke ("the presidency in a statement on Monday").

:meth:`Speakers.sourcey` says whether a phrase can be a source at all: "citing security
concerns" and "according to the protocol" name reasons and rules, not who says so; nor does a
name of an event, a time, a law or a place ("citing Hurricane Katrina", "citing Ramadan").
"""
from __future__ import annotations

from typing import Any

from ...records import Claim
from .phrases import dateline_end
from .resolve import Resolver, clean_name
from .words import Words

__all__ = ["Speakers"]

#: mention labels that can speak (a person, a body, a country or its capital, an account)
_SPEAKING = ("PERSON", "ORG", "GPE", "NORP", "HANDLE", "TITLE")
#: entity labels of names that cannot speak: events, times, laws, places, things, amounts
_MUTE = frozenset({"EVENT", "DATE", "TIME", "LAW", "FAC", "LOC", "PRODUCT", "MONEY", "PERCENT", "QUANTITY",
                   "CARDINAL", "ORDINAL"})


def _names_a_person(head: Any, resolver: Resolver) -> bool:
    """The speaker phrase names its person ("spokesman Dmitry Peskov"; not "Putin's spokesman")."""
    owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    return any((m := resolver.discourse.mention_at(t)) is not None and m.label == "PERSON"
               for t in head.subtree if t != head and t.i not in owned)


def _outlet(claim: Claim, outlet_nouns: frozenset[str]) -> bool:
    """The claim is an outlet's: its words name one ("the al-Quds newspaper")."""
    return bool({w.lower() for w in claim.mention.split()} & outlet_nouns)


def _personal(owner: Any, resolver: Resolver) -> bool:
    """The owner of a body can be a person: a pronoun, a title, a person's name; not a name the
    text knows as no person ("The Daily Star's online service": an outlet's)."""
    if owner.pos_ == "PRON" or owner.lemma_.lower() in resolver.titles:
        return True
    m = resolver.discourse.mention_at(owner)
    return m is not None and m.label in ("PERSON", "TITLE")


class Speakers:
    """The speaker-phrase rules. ``report_nouns``: nouns that stand for their author (statement,
    readout); ``outlet_nouns``: words for a medium or its copy (newspaper, agency, note);
    ``speaker_nouns``: bodies and kinds of people that speak without a name (ministry,
    analysts); ``clitic``: the possessive ending of a name ("'s"); ``words``: the events
    stage's word record."""

    def __init__(self, report_nouns: frozenset[str], outlet_nouns: frozenset[str], words: Words,
                 speaker_nouns: frozenset[str] = frozenset(), clitic: str = "",
                 collective: dict[str, str] | None = None) -> None:
        self.report_nouns, self.outlet_nouns, self.w = report_nouns, outlet_nouns, words
        self.speaker_nouns, self.clitic = speaker_nouns, clitic
        self.collective = dict(collective or {})  # "the media reported": "media reports"

    def sourcey(self, tok: Any, resolver: Resolver) -> bool:
        """Whether the phrase headed by ``tok`` can say something: a name (a mention, a proper
        noun), a title, a report or outlet word, an unnamed official or source, a pronoun; not
        reasons, plans or rules ("citing security concerns", "according to the protocol")."""
        lemma = tok.lemma_.lower()
        if tok.ent_type_ in _MUTE and resolver.discourse.mention_at(tok) is None:
            return False  # "citing Hurricane Katrina", "citing Ramadan": an event or a time, not a voice
        if tok.pos_ in ("PROPN", "PRON") or {lemma, tok.lower_} & (self.report_nouns | self.outlet_nouns | resolver.titles):
            return True  # (by form too: "media" has the lemma "medium")
        if lemma in self.speaker_nouns:
            return True
        if lemma in self.w.unnamed_nouns | self.w.spokes_nouns:
            return True
        m = resolver.discourse.mention_at(tok)
        return m is not None and m.label in _SPEAKING

    def claim(self, tok: Any, resolver: Resolver) -> Claim | None:
        """Steps 1-5 of the module cascade for the head ``tok`` of a speaker phrase."""
        w = self.w
        if tok.i < dateline_end(tok.sent, w):
            return None  # "Danang: ... , the White House said": not the place of the dateline
        earlier = self._anaphoric(tok, resolver)
        if earlier is not None:
            return earlier
        head = self._owner(tok, resolver)
        people = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if people and head.ent_type_ != "PERSON":
            head = people[0]  # "the ministry's spokeswoman, Maria Zakharova, said": the person
        nameless = not _names_a_person(head, resolver)
        unnamed = nameless and head.lemma_.lower() in w.unnamed_nouns
        spokes = nameless and head.lemma_.lower() in w.spokes_nouns
        r = resolver.actors_of(head, strict=True) if not (unnamed or spokes) else None
        if r is None:
            named_later = resolver.discourse.titled_person(head.lower_, near=head.i) \
                or resolver.discourse.person_with_role(head.lower_, near=head.i)  # "her spokeswoman said. ...
            if named_later is not None and head.lemma_.lower() in w.spokes_nouns:  # spokeswoman Martina Fietz"
                return Claim(name=named_later.name, mention=" ".join(t.text for t in head.subtree), actor=named_later)
            return self._persons_body(head, resolver) or self._unnamed(head, resolver)
        body = self._persons_body(head, resolver)
        if body is not None:
            return body
        if r.actors and len(r.actors) == 1 and not (head.pos_ == "NOUN" and r.actors[0].kind != "person"
                                                     and head.lemma_.lower() not in self.report_nouns):
            a = r.actors[0]
            body = _organisation(head, a, w)
            if body is not None:  # "a statement from State House": the body, not a person "House"
                return body
            if head.lemma_.lower() in resolver.titles or resolver.discourse.mention_at(head) is not None:
                return Claim(name=a.name, mention=a.mention, actor=a)
            return Claim(name=a.name, mention=_phrase(head, w), actor=a)  # "the Akorda's press service"
        if head.pos_ == "PRON":
            return None
        return self._unnamed(head, resolver)

    def _owners(self, tok: Any, resolver: Resolver) -> list[Any]:
        """The names that own a report noun ("the Kremlin's statement", "a statement from the
        White House", "a Foreign Ministry statement")."""
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "nmod")]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in self.w.owner_preps
                   for g in c.children if g.dep_ == "pobj"]
        return [o for o in owners if o.pos_ == "PROPN" or resolver.discourse.mention_at(o) is not None
                or (o.lemma_.lower() in self.speaker_nouns and o.dep_ == "pobj")]

    def _owner(self, tok: Any, resolver: Resolver) -> Any:
        """Step 3: the name a report noun stands for, else the noun itself."""
        lemma = tok.lemma_.lower()
        if lemma in self.report_nouns and lemma not in self.w.voice_nouns:
            named = self._owners(tok, resolver)
            if named:
                return named[-1]
        return tok

    def _anaphoric(self, tok: Any, resolver: Resolver) -> Claim | None:
        """Step 2: "the statement", "the newspaper", "this note" with no owner of its own: the
        body or outlet credited last (not a person), if the text credited one."""
        lemma = tok.lemma_.lower()
        if lemma not in (self.report_nouns - self.w.voice_nouns) | self.outlet_nouns or tok.pos_ != "NOUN":
            return None
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if not dets & self.w.anaphoric or self._owners(tok, resolver):
            return None
        last = next((c for c in reversed(resolver.discourse.speakers)
                     if c is not None and (c.actor is None or c.actor.kind != "person")), None)
        named = [m for c in tok.children if c.dep_ in ("amod", "compound", "npadvmod")
                 for m in [resolver.discourse.mention_at(t) for t in c.subtree] if m is not None]
        if named and not (lemma in self.outlet_nouns and last is not None and _outlet(last, self.outlet_nouns)
                          and all(m.label in ("NORP", "GPE") for m in named)):
            return None  # "the Kenyan newspaper" after a ministry: a new source; "the BBC website": a name
        return last  # "the London-based Arabic outlet" after "the al-Quds newspaper reported": that one

    def _persons_body(self, head: Any, resolver: Resolver) -> Claim | None:
        """Step 4: a body or an aide that a person owns ("his office said", "Ruto's spokesman
        said") speaks for that person but is not the person: the claim is "<person>'s <noun>"
        (so that an actor who cancels a trip is not credited with his office's word)."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma not in self.speaker_nouns | self.w.spokes_nouns | self.w.unnamed_nouns:
            return None
        owners = [c for c in head.children if c.dep_ == "poss"]
        if not owners or not _personal(owners[0], resolver):
            return None
        r = resolver.actors_of(owners[0], strict=True)
        if r is None or len(r.actors) != 1 or r.actors[0].kind != "person":
            return None
        words = " ".join(t.text for t in head.subtree if t.i > owners[0].right_edge.i and t.i <= head.i)
        name = f"{r.actors[0].name}{self.clitic} {words}"
        return Claim(name=name, mention=_phrase(head, self.w))

    def _how_said(self, prep: Any) -> bool:
        """A phrase after the speaker that tells when or how it spoke, not who it is ("the
        presidency [in a statement on Monday]"; not "sources [in Brussels]")."""
        return any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in self.report_nouns for t in prep.subtree)

    def _unnamed(self, head: Any, resolver: Resolver) -> Claim | None:
        """Step 5: a speaker without a name, credited to the institution it speaks for, if the
        words name one ("a State Department spokesperson" -> State Department), else to its words."""
        said = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i and self._how_said(c) for t in c.subtree}
        said |= {t.i for d in head.subtree if d.i != head.i and d.dep_ in ("relcl", "acl", "appos") for t in d.subtree}
        words = [t for t in head.subtree if t.dep_ != "punct" and t.i <= head.i + 6 and t.i not in said]
        text = clean_name(" ".join(t.text for t in words), self.w)
        if not text or len(text) < 3:
            return None
        orgs = [m for m in resolver.discourse.mentions_in(words) if m.label == "ORG"]
        if orgs:
            a = resolver.discourse.actor(orgs[0])
            return Claim(name=a.name, mention=text, actor=a)
        names = [t for t in words if t.pos_ == "PROPN" and t.i < head.i and t.dep_ in ("compound", "nmod", "poss")]
        owner = [t for n in names if n.dep_ == "poss" for t in n.subtree if t.pos_ == "PROPN"]
        if len(names) >= 2 and head.lemma_.lower() in self.w.unnamed_nouns:  # "a State Department spokesperson"
            return Claim(name=" ".join(t.text for t in names), mention=text)
        if owner and head.pos_ == "NOUN":  # "The New Arab's Arabic-language service": its owner
            return Claim(name=" ".join(t.text for t in owner), mention=text)
        word = next((k for k in (head.lower_, head.lemma_.lower()) if k in self.collective), None)
        if not names and word is not None:  # "the media reported": media reports
            return Claim(name=self.collective[word], mention=text)
        return Claim(name=text, mention=text)


def _phrase(head: Any, w: Words) -> str:
    """The words of a speaker phrase, without clauses ("the Akorda's press service")."""
    return clean_name(" ".join(t.text for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos")
                               and t.i <= head.i), w)


def _organisation(head: Any, a: Any, w: Words) -> Claim | None:
    """A speaker the parser marks as an organisation ("State House", a presidency named for its
    building) that no mention resolved: the organisation's own words, not a person made of them."""
    if a.kind != "person" or head.ent_type_ not in ("ORG", "FAC"):
        return None
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is None or a.name == ent.text or a.name not in ent.text:  # a person made of the body's words
        return None
    name = clean_name(ent.text, w)
    return Claim(name=name, mention=ent.text) if name else None
