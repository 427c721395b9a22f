"""The actors stage: parse -> mentions, each resolved to a canonical actor (or None).

Candidates are found by :mod:`sideline.stages.actors.spans` (entities, a PhraseMatcher over the
knowledge file's names, handles, hashtags, title-only phrases, pronouns) and resolved in
text order by :mod:`sideline.stages.actors.resolve` (surnames, misspellings, titles and pronouns
to the full names met earlier in the article, or to knowledge at the document's date).

The events stage asks for the actor of a token span with :meth:`Actors.resolve` (or the
module-level :func:`resolve`, which needs no knowledge), and a store can record what the
article taught about roles with :func:`learned_roles`.
"""
from __future__ import annotations

from dataclasses import replace

import os
import re
from datetime import date

from .dated import clause_window, stated_years
from .binding import mark_clause_subjects
from .cataphora import forward_subjects
from .groups import named_after, offices
from .named_later import name_titles
from .lexicon import ActorLexicon
from .resolve import DocResolver
from .candidates import _is_subject
from .spans import Candidate, SpanFinder
from ... import lexicons
from ...knowledge.people import Knowledge
from ...records import Actor, Document, Mention, Span
from ..nlp import doc_text

__all__ = ["Actors", "resolve", "actors_in", "learned_roles", "estimate_date", "LEARNED_KEY"]

#: where the stage leaves the roles the text taught (in ``doc.parse.user_data``)
LEARNED_KEY = "sideline.learned_roles"
#: which mention wins when several overlap a span
_PREFERENCE = {"PERSON": 0, "HANDLE": 1, "TITLE": 2, "HASHTAG": 3, "ORG": 4, "GPE": 5, "NORP": 6, "PRON": 7}
_QUOTES = re.compile(r"[\"“”]")


class Actors:
    name = "actors"
    requires = ("parse", "published")
    provides = ("mentions", "learned")

    def __init__(self, data_dir: str | os.PathLike | None = None, knowledge: Knowledge | None = None) -> None:
        self.data_dir = data_dir
        self.knowledge = knowledge or Knowledge.load(data_dir)
        self.lexicon = ActorLexicon(data_dir)
        self.finder = SpanFinder(self.lexicon, self.knowledge)
        months = lexicons.load("timex", data_dir)["months"]  # the month names of the time stage's data
        self.month = lambda word: months.get(word.lower().rstrip(".")) if word else None

    def __getstate__(self) -> dict:
        return {"data_dir": self.data_dir}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["data_dir"])

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        mentions, learned = self.find(doc.parse, doc.published)
        doc.parse.user_data[LEARNED_KEY] = learned
        return doc.with_(mentions=tuple(mentions), learned=tuple(learned))

    def find(self, parse, on: date | None) -> tuple[list[Mention], list[tuple]]:
        """Mentions of a spaCy Doc at date ``on``, and the (name, role, country, date) the text taught."""
        text = doc_text(parse)  # spaCy rebuilds Doc.text on every access
        cands = self._aides(text, self._first_person_filter(text, self.finder.find(parse)))
        years = () if on else stated_years(parse, self.month, self.lexicon.words.year_preps)
        res = DocResolver(self.lexicon, self.knowledge, on or estimate_date(cands, years),
                          named=tuple(c.person_hint for c in cands if c.person_hint is not None), dated=on is not None)
        out, resolved, deferred = [], {}, []
        forward = forward_subjects(parse, cands, self.lexicon.pronouns)  # "As she left, Ruiz said"
        mark_clause_subjects(parse, cands, self.lexicon.object_pronouns)  # "Mensah called him": him is not Mensah
        ahead: dict[int, list[Candidate]] = {}  # subject -> the pronouns pointing forward to it, in text order
        for p in cands:
            if id(p) in forward:
                ahead.setdefault(id(forward[id(p)]), []).append(p)
        for i, c in enumerate(cands):
            if id(c) in forward:
                continue  # resolved with its subject, below
            if c.label == "PRON" and c.name.lower() in self.lexicon.first_person and res.seen.first_person is None:
                res.set_first_person(_author(res))
            people = named_after(cands, i, text, self.lexicon.words.coordinators)
            if people:  # "the foreign ministers of A and B, X and Y": theirs once they are resolved
                deferred.append((c, people))
                continue
            actor = res.resolve_at(c, self._window(parse, c))
            resolved[id(c)] = actor
            for one in (actor if isinstance(actor, list) else [actor]) or [None]:
                out.append(Mention(span=Span(c.start, c.end), text=text[c.start:c.end], label=c.label,
                                   actor=one))
            actor = None if isinstance(actor, list) else actor
            for p in ahead.get(id(c), ()):
                one = res.cataphor(p, actor)
                out.append(Mention(span=Span(p.start, p.end), text=text[p.start:p.end], label=p.label, actor=one))
            if c.title_span and actor is not None:
                out += self._apposition(res, parse, text, c, actor)
        for c, people in deferred:
            out = self._named_group(res, text, c, people, resolved, out)
        out.sort(key=lambda m: (m.span.start, m.span.end))
        if any(m.label == "TITLE" and (m.actor is None or m.actor.kind != "person") for m in out):
            out = name_titles(out, [s.start_char for s in parse.sents])  # "the foreign minister ... The minister, X"
        spelled = res.spellings()
        if spelled:  # one name per person throughout the document: the text's own spelling
            out = [replace(m, actor=replace(m.actor, name=spelled[m.actor.name]))
                   if m.actor is not None and m.actor.name in spelled else m for m in out]
        learned = [(spelled.get(r[0], r[0]),) + tuple(r[1:]) for r in res.learned]
        return out, list(dict.fromkeys(learned))

    def _named_group(self, res: DocResolver, text: str, c: Candidate, people: list[Candidate],
                     resolved: dict, out: list[Mention]) -> list[Mention]:
        """"The foreign ministers of Ghana and Kenya, Ama Mensah and Juma Otieno": the title's
        mentions are the people named after it, each with its office (in the title's order) when
        the text gave them none."""
        found = [a for p in people if isinstance(a := resolved.get(id(p)), Actor) and a.kind == "person"]
        if len(found) != len(people):
            found = [a for a in (res.resolve_at(c, None) or []) if a is not None]
        else:
            titled = {a.name: replace(a, role=role, country=iso, code=f"{iso}GOV")
                      for a, (role, iso) in zip(found, offices(c.title)) if a.role is None}
            out = [replace(m, actor=titled[m.actor.name]) if m.actor is not None and m.actor.name in titled
                   and m.actor.role is None else m for m in out]
            found = [titled.get(a.name, a) for a in found]
            res.learned += [(a.name, a.role, a.country, res.on) for a in titled.values()]
        span, words = Span(c.start, c.end), text[c.start:c.end]
        return out + [Mention(span=span, text=words, label=c.label, actor=replace(a, mention=words)) for a in found]

    def _apposition(self, res: DocResolver, parse, text: str, c: Candidate, actor: Actor) -> list[Mention]:
        """The title after a name (", Ghana's foreign minister"): the name's own, unless it names
        another country than the person's ("Having greeted President Ruto, the Leader of Ghana
        said": the parse took the next clause's subject for an apposition); then it is a
        title-only mention of its own."""
        s, e = c.title_span
        info = self.lexicon.parse_title(text[s:e])
        if info is None or not info.country or not actor.country or info.country == actor.country \
                or actor.kind != "person":
            return [Mention(span=Span(s, e), text=text[s:e], label="TITLE",
                            actor=Actor(actor.name, text[s:e], actor.role, actor.country, actor.code, actor.kind))]
        span = parse.char_span(s, e, alignment_mode="expand")
        own = Candidate(s, e, "TITLE", name=text[s:e], title=info, sent=c.sent,
                        subject=span is not None and _is_subject(span, self.lexicon.words))
        found = res.resolve_at(own, self._window(parse, own))
        return [Mention(span=Span(s, e), text=text[s:e], label="TITLE", actor=one)
                for one in (found if isinstance(found, list) else [found]) if one is not None]

    def _window(self, parse, c: Candidate):
        """The period a title-only mention's clause states (see :mod:`.dated`), else None."""
        if c.label != "TITLE" or c.title is None or c.title.plural:
            return None
        span = parse.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return clause_window(span.root, self.month, self.lexicon.words.year_preps)

    def _aides(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """"The assistant to the Kenyan President, Mr. John Doe": a title before a comma and a
        name, itself after a complement preposition (titles.json complement_preps), is the office
        of the one the name serves, not the name's: the name keeps no title."""
        preps = self.lexicon.words.complement_preps
        for c in cands:
            head = c.end - len(c.name)
            if c.label != "PERSON" or c.title is None or text[head:c.end] != c.name or "," not in text[c.start:head]:
                continue
            before = text[max(0, c.start - 20):c.start].split()
            if before and before[-1].lower() in preps:
                c.title, c.start = None, head
        return cands

    def _first_person_filter(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Keep 'I'/'my' only in a first-person text (a minister's release), outside quotes."""
        fp = [c for c in cands if c.label == "PRON" and c.name.lower() in self.lexicon.first_person]
        outside = [c for c in fp if not _in_quotes(text, c.start)]
        drop = set(map(id, fp)) if len(outside) < 2 else {id(c) for c in fp if c not in outside}
        return [c for c in cands if id(c) not in drop]

    # -- for the events stage -------------------------------------------------------------------
    def resolve(self, doc: Document, start: int, end: int, relative_to: Actor | None = None) -> Actor | None:
        """The actor of the clean-text span [start, end): the best mention inside it. A
        counterpart phrase ("his U.S. counterpart") is resolved against ``relative_to``."""
        m = _best(doc.mentions, start, end)
        if m is None:
            return None
        if relative_to is not None and m.label == "TITLE":
            info = self.lexicon.parse_title(m.text)
            if info and info.counterpart and info.country:
                person = self.knowledge.counterpart_of(relative_to.name, info.country, doc.published)
                if person is not None:
                    return Actor(name=person.name, mention=m.text, role=person.role(doc.published),
                                 country=info.country, code=person.code(doc.published), kind="person")
        return m.actor

    def counterpart_of(self, actor: Actor, country: str, on: date | None) -> Actor | None:
        person = self.knowledge.counterpart_of(actor.name, country, on)
        if person is None:
            return None
        return Actor(name=person.name, mention=person.name, role=person.role(on), country=country,
                     code=person.code(on), kind="person")


def resolve(doc: Document, start: int, end: int) -> Actor | None:
    """The actor of the best mention inside (else overlapping) the clean-text span [start, end)."""
    m = _best(doc.mentions, start, end)
    return m.actor if m else None


def actors_in(doc: Document, start: int, end: int) -> tuple[Actor, ...]:
    """Every actor the best mention inside [start, end) stands for: one for a name, several for
    a plural title ("the two leaders", "the foreign ministers of Chile and Peru"), which
    the stage writes as one Mention per actor over the same span."""
    best = _best(doc.mentions, start, end)
    if best is None:
        return ()
    same = [m.actor for m in doc.mentions if m.span == best.span and m.actor is not None]
    return tuple({a.name: a for a in same}.values())


def learned_roles(doc: Document) -> list[tuple[str, str, str | None, date | None]]:
    """What the article said about who holds which office: (name, role, country or org, date)."""
    if doc.parse is None:
        return []
    return list(doc.parse.user_data.get(LEARNED_KEY, []))


def estimate_date(cands: list[Candidate], years: tuple[int, ...] = ()) -> date | None:
    """For an undated article: the middle of the longest period in which most of the people
    it names in full were in office (Kirchner, Lula and Chavez together: 2003-2007). When the
    text states years (``years``), a period holding the latest stated year it can wins, dated
    at the middle of that year: a text naming Lula and Chavez and the year 2005 is of 2005."""
    people = {id(c.person_hint): c.person_hint for c in cands if c.person_hint is not None}
    spans = [(o.start, o.end or date.today()) for p in people.values() for o in p.offices if o.start]
    if not spans:
        return None
    points = sorted({d for span in spans for d in span})
    best, best_n, best_year = None, 0, None
    for a, b in zip(points, points[1:]):
        mid = date.fromordinal((a.toordinal() + b.toordinal()) // 2)
        n = sum(1 for p in people.values() if any(o.start and o.start <= mid <= (o.end or date.today())
                                                   for o in p.offices))
        year = max((y for y in years if a.year <= y <= b.year), default=None)
        longer = best is not None and (b - a) > (best[1] - best[0])
        if n > best_n or n == best_n and ((year or 0) > (best_year or 0) or year == best_year and longer):
            best, best_n, best_year = (a, b), n, year
    if best is None:
        return None
    if best_year is not None:
        return min(max(date(best_year, 7, 1), best[0]), best[1])
    return date.fromordinal((best[0].toordinal() + best[1].toordinal()) // 2)


def _best(mentions, start: int, end: int) -> Mention | None:
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end and m.actor is not None]
    pool = inside or [m for m in mentions if m.span.start < end and start < m.span.end and m.actor is not None]
    if not pool:
        return None
    return min(pool, key=lambda m: (_PREFERENCE.get(m.label, 9), m.span.start))


def _in_quotes(text: str, pos: int) -> bool:
    para_start = text.rfind("\n", 0, pos) + 1
    return len(_QUOTES.findall(text, para_start, pos)) % 2 == 1


def _author(res: DocResolver):
    """The person a first-person text speaks as: the first person named near the top."""
    for c, ent in res.seen.history:
        if c.label == "PERSON" and c.start < 600:
            return ent
    return None
