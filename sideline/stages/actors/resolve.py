"""Resolve mention candidates to canonical actors, in text order (the second half of the actors stage).

The resolver keeps what the document has said so far: the people named (with any role and
country the text gave them), so that a surname, a misspelling, a title or a pronoun later in
the article resolves to the full name met earlier. Knowledge (data/en/actors.json) fills in what
the text does not say, at the document's date.
"""
from __future__ import annotations

import re
from datetime import date

from .binding import subject_entities
from .cataphora import entity_ahead
from .dated import Period
from .lexicon import ActorLexicon, TitleInfo
from ...knowledge.names import key, same_person, split_handle, tokens
from .groups import GENERIC, Groups
from .spans import Candidate
from ...records import Actor

from .entities import Entity, Seen

__all__ = ["Entity", "DocResolver"]

class DocResolver:
    """Resolves one document's candidates in text order. What the document has named so far is
    one explicit record, ``self.seen`` (:class:`~sideline.stages.actors.entities.Seen`), which
    the plural rules (:class:`~sideline.stages.actors.groups.Groups`) read too."""

    def __init__(self, lexicon: ActorLexicon, knowledge, on: date | None, named: tuple = (),
                 dated: bool = True) -> None:
        self.lx, self.kb, self.on = lexicon, knowledge, on
        self.named = tuple(dict.fromkeys(named))  # known people the document names anywhere
        self.seen = Seen()
        self.learned: list[tuple[str, str, str | None, date | None]] = []
        self.groups = Groups(self)
        self.period = Period(on, dated)  # the date of the office lookups (dated.py; ``dated``: ``on`` is the article's)

    # -- entry point ----------------------------------------------------------------------------
    def resolve_at(self, c: Candidate, window) -> Actor | list[Actor] | None:
        """:meth:`resolve`, a title-only mention read in the period its clause states."""
        found, self.period.window = self.resolve(self.period.enter(c, window)), None
        return found

    def resolve(self, c: Candidate) -> Actor | list[Actor] | None:
        """The actor of a candidate; a plural title ("the two leaders") gives a list."""
        if c.label == "TITLE" and c.title is not None and c.title.plural:
            return self.groups.resolve(c)
        by_label = {"PERSON": self._person, "HANDLE": self._handle, "HASHTAG": self._handle, "TITLE": self._title,
                    "PRON": self._pronoun}
        return by_label.get(c.label, self._other)(c)

    # -- people ---------------------------------------------------------------------------------
    def _clean(self, name: str) -> str:
        name = re.split(r"\s[-–—]\s|\n", name)[0]  # "Paula Laboissière - Brasília": a byline
        toks = name.replace("’s", "").replace("'s", "").split()
        while len(toks) > 1 and toks[0].lower().rstrip(".") in {h.rstrip(".") for h in self.lx.honorifics}:
            toks = toks[1:]
        return " ".join(toks).strip(" ,.;:()\"'")

    def _person(self, c: Candidate) -> Actor | None:
        name = self._clean(c.name)
        if not name:
            return None
        ent = self._find_entity(name, c.person_hint, c.title)
        if ent is None:
            return None
        self._learn(ent, c.title, c)
        if ent.country:
            self.seen.saw(ent.country, c.sent)
        return self._mark(ent, c, name)

    def _find_entity(self, name: str, hint, title: TitleInfo | None) -> Entity | None:
        person = hint
        if person is None and len(tokens(name)) > 1:
            exact = self.kb.lookup_name(name, self.on)
            if exact is not None and key(name) in {key(n) for n in (exact.name, *exact.aliases)}:
                person = exact
        if person is not None:
            return self._entity_for(person, name)
        ent = self._in_document(name, title)
        if ent is not None and (ent.person is not None or len(tokens(name)) < 2):
            return ent
        person = self.kb.lookup_name(name, self.on, country=title.country if title else None)
        if ent is not None and (person is None or not self._title_fits(person, title)):
            return ent  # a name met before that the knowledge does not know; a full name it does
            # ("Halim" in a headline, then "Prime Minister Anwar Halim") links it below
        if person is not None and self._title_fits(person, title):
            return self._entity_for(person, name)
        if self._looks_unlike_a_name(name):
            return None
        ent = Entity(name=name, surfaces=[name])
        self.seen.entities.append(ent)
        return ent

    def _title_fits(self, person, title: TitleInfo | None) -> bool:
        """A surname hit in the knowledge file must not contradict the text's own title."""
        if title is None or not title.country:
            return True
        country = person.country(self.on)
        return country is None or country == title.country

    def _looks_unlike_a_name(self, name: str) -> bool:
        return not any(ch.isupper() for ch in name[:1]) or self.lx.country_of(name) is not None

    def _in_document(self, name: str, title: TitleInfo | None) -> Entity | None:
        """The entity named earlier that this name refers to: most recent first, surnames first."""
        last_tok = tokens(name, drop_particles=True)
        best = None
        for ent in sorted(self.seen.entities, key=lambda e: -e.last):
            forms = [ent.name, *ent.surfaces]
            if any(same_person(name, f) for f in forms):
                if title and title.country and ent.country and title.country != ent.country:
                    continue
                full = tokens(ent.name, drop_particles=True)
                if last_tok and full and last_tok[-1] == full[-1]:
                    return ent
                best = best or ent
        return best

    def _entity_for(self, person, surface: str | None = None) -> Entity:
        """The document's entity for a known person. A person of the bulk office-holder lists
        is named as the text spells them in full ("Manouchehr Mottaki"): those lists use
        transliterations of their own, the hand-curated file the usual one."""
        for ent in self.seen.entities:
            if ent.person is person or ent.name == person.name:
                ent.person = person
                return ent
        on = self.period.window[0] if self.period.window else self.on  # a title read in a dated clause
        office = person.office(on) or person.last_office(on)
        name = surface if person.bulk and surface and len(tokens(surface)) > 1 else person.name
        ent = Entity(name=name, surfaces=[name, person.name, *person.aliases], person=person,
                     role=office.role if office and person.office(on) else None,
                     country=office.country if office else None, org=office.org if office else None,
                     gender=person.gender)
        # a name met earlier in a shorter form ("Lavrov" before "Sergey Lavrov") is the same entity
        for other in list(self.seen.entities):
            if other.person is None and any(same_person(s, person.name) for s in other.surfaces):
                ent.surfaces += other.surfaces
                self.seen.entities.remove(other)
        self.seen.entities.append(ent)
        return ent

    def _learn(self, ent: Entity, title: TitleInfo | None, c: Candidate) -> None:
        if title is not None and ent.person is not None and not self._title_fits(ent.person, title):
            title = None  # a title that belongs to a neighbour in a list ("... of Malaysia, John Kerry")
        if title is None or title.plural or title.counterpart or not title.role:
            if title and title.gender and not ent.gender:
                ent.gender = title.gender
            return
        if title.role in ("Official", "Diplomat", "Leader") and ent.role:
            return
        if not title.former:
            ent.role = title.role
            ent.from_text = True
        if title.country:
            ent.country = title.country
        if title.org and not title.country:
            ent.org = title.org
        ent.gender = ent.gender or title.gender
        if not title.former:
            where = title.country or title.org or ent.country or ent.org
            self.learned.append((ent.name, title.role, where, self.on))

    def _mark(self, ent: Entity, c: Candidate, surface: str) -> Actor:
        pos = len(self.seen.history)
        ent.last = pos
        ent.count += 1
        if c.subject or c.label == "PERSON" and not any(h[0].sent == c.sent for h in self.seen.history):
            ent.subject_at = pos
        if surface and surface not in ent.surfaces:
            ent.surfaces.append(surface)
        if surface and ent.spelled is None and len(tokens(surface)) > 1:
            ent.spelled = surface
        self.seen.history.append((c, ent))
        return self.actor(ent, c.name)

    def actor(self, ent: Entity, mention: str) -> Actor:
        country, role, org = ent.country, ent.role, ent.org
        if ent.person is not None and not ent.from_text:
            office = ent.person.office(self.on)
            if office is not None:
                role, country, org = office.role, office.country or country, office.org
        code = None
        if org and not country:
            info = self.kb.org(org)
            code = info["code"] if info else None
        elif country:
            code = f"{country}GOV" if role else country
        return Actor(name=ent.name, mention=mention, role=role, country=country, code=code, kind="person")

    # -- handles, titles, pronouns --------------------------------------------------------------
    def _handle(self, c: Candidate) -> Actor | None:
        person = self.kb.by_handle(c.name, self.on)
        if person is not None:
            ent = self._entity_for(person)
        else:
            words = split_handle(c.name)
            ent = self._in_document(words, None)
            if ent is None and c.label == "HASHTAG":
                return None
        if ent is None:
            return None
        return self._mark(ent, c, "")

    def _title(self, c: Candidate) -> Actor | None:
        info = c.title
        if info is None or info.plural:
            return None
        if info.determiner in self.lx.words.indefinite or info.role in ("Official", "Diplomat"):
            # "a Kremlin official", "a Western European leader": someone, not a known person
            return self.government_actor(info.country, c.name) if info.country else None
        ent = self._counterpart(c, info) if info.counterpart else self.by_role(info, c)
        if ent is None:  # no holder known: the government, with the office named
            role = None if info.counterpart else info.role
            return self.government_actor(info.country, c.name, role) if info.country and not info.former else None
        if ent.gender is None and info.gender:
            ent.gender = info.gender
        return self._mark(ent, c, "")

    def by_role(self, info: TitleInfo, c: Candidate, role: str | None = None,
                 where: str | None = None) -> Entity | None:
        role = role or info.role
        where = where or info.country or info.org
        recent = sorted(self.seen.entities, key=lambda e: -e.last)
        for exact in (True, False):
            for ent in recent:
                if where and where not in (ent.country, ent.org) or not self.period.fits(ent):
                    continue
                if (ent.role == role) if exact else self.role_matches(ent, role):
                    return ent
        if info.former:
            return None
        if where:
            person = self._named_holder(role, where) or self.period.holder(self.kb, role, where)
            return self._entity_for(person) if person is not None else None
        found = {p.name: p for iso in reversed(self.seen.countries[-6:])
                 if role not in GENERIC and (p := self.period.holder(self.kb, role, iso)) is not None}
        return self._entity_for(next(iter(found.values()))) if len(found) == 1 else None

    def _named_holder(self, role: str, where: str):
        """"The Leader of Uzbekistan receives ..." in an article that names President Mirziyoyev further
        down: the one known person the document names anywhere who held that office there is the
        title's, before the knowledge's holder for the date (in a dated article, on that date)."""
        fam = self.kb.family(role, where)
        heads = ("head_of_state", "head_of_government")
        fams = set(heads) if fam == "Leader" or role in ("Leader", "Head of State") else {fam}
        found = [p for p in self.named if any((o.country or o.org) == where and self.kb.office_family(o) in fams
                                              and self.period.active(o) for o in p.offices)]
        return found[0] if len(found) == 1 else None

    def role_matches(self, ent: Entity, role: str) -> bool:
        if not ent.role:
            return False
        if role in ("Leader", "Head of State"):
            heads = ("head_of_state", "head_of_government")
            return self.lx.family(ent.role) in heads or ent.role in self.lx.leader_roles
        if role in ("Leader", "Head of State", "Official", "Diplomat"):
            return role != "Diplomat" or self.lx.family(ent.role) == "foreign_minister" or "Minister" in ent.role
        fam, low, own = self.lx.family(role), f" {role.lower()} ", f" {ent.role.lower()} "
        # an office ("the foreign minister") is no deputy's; a bare "the minister" may be
        deputy = fam != role and any(f" {w} " in own and f" {w} " not in low for w in self.kb.deputy_words)
        return fam == self.lx.family(ent.role) or low.strip() in own and not deputy

    def _counterpart(self, c: Candidate, info: TitleInfo) -> Entity | None:
        """"His Malian counterpart": the person of that country named earlier in a matching
        office, else the knowledge's holder of the anchor's office there. With no national word
        ("his counterpart"), the country is the one other country its sentence names before it."""
        anchor = self._antecedent(c, gender=self.lx.pronouns.get(info.possessor or "", None))
        own = anchor.country if anchor is not None else None
        country = info.country or (self.seen.other_country(c.sent, own) if own else None)
        if country is None:
            return None
        on = self.period.window[0] if self.period.window else self.on
        role = anchor and (anchor.role or anchor.person and anchor.person.role(on))
        for ent in sorted(self.seen.entities, key=lambda e: -e.last):
            if ent.country == country and ent is not anchor and self.period.fits(ent) \
                    and (not role or not ent.role or self.role_matches(ent, role)):
                return ent
        person = None
        if anchor is not None and anchor.person is not None:
            person = self.period.at(lambda d: self.kb.counterpart_of(anchor.person, country, d))
        if person is None and role:
            person = self.period.holder(self.kb, role, country)
        return self._entity_for(person) if person is not None else None

    def _pronoun(self, c: Candidate) -> Actor | None:
        low = c.name.lower()
        if low in self.lx.first_person:
            ent = self.seen.first_person
        else:
            ent = self._antecedent(c, gender=self.lx.pronouns.get(low))
        if ent is None:
            return None
        return self._mark(ent, c, "")

    def cataphor(self, c: Candidate, target: Actor | None) -> Actor | None:
        """A pronoun pointing forward to its subject, resolved as ``target`` (:mod:`.cataphora`)."""
        ent = entity_ahead(self.seen, target, self.lx.pronouns.get(c.name.lower()))
        return self._pronoun(c) if ent is None else self._mark(ent, c, "")

    def _antecedent(self, c: Candidate, gender: str | None) -> Entity | None:
        """The latest person subject of its gender (in 3 sentences), else the latest person of it."""
        fallback = None
        barred = subject_entities(c, self.seen.history)  # "Mensah called him": not Mensah (binding.py)
        for prev, ent in reversed(self.seen.history):
            if prev.start >= c.start or id(ent) in barred:
                continue
            if gender and ent.gender and ent.gender != gender:
                continue
            if c.sent - prev.sent > 5:
                break
            if prev.subject and c.sent - prev.sent <= 3:
                return ent
            fallback = fallback or ent
        return fallback

    # -- organisations, countries ---------------------------------------------------------------
    def _other(self, c: Candidate) -> Actor | None:
        org = c.org or self.lx.org_of(c.name)
        if org is not None:
            return Actor(name=org["name"], mention=c.name, country=org.get("country"), code=org.get("code"),
                         kind=org.get("kind", "organisation"), role=None)
        iso = self.lx.country_of(c.name)
        if iso is not None:
            self.seen.saw(iso, c.sent)
            return self.country_actor(iso, c.name)
        body = self._body(c.name)
        if body is not None:
            self.seen.saw(body.country, c.sent)
            return body
        iso = self.lx.country_of(c.name, capitals=True)
        if iso is not None:  # a capital stands for its government ("Moscow said")
            self.seen.saw(iso, c.sent)
            return Actor(name=self.lx.country_name(iso), mention=c.name, country=iso, code=f"{iso}GOV",
                         kind="government")
        person = self._other_as_person(c)
        if person is not None:
            return person
        if c.label == "ORG":  # an organisation we do not know; a country word in its name places it
            hits = self.lx.countries_in(c.name)
            iso = hits[0][2] if hits else None
            return Actor(name=c.name, mention=c.name, country=iso, code=iso, kind="organisation")
        return None

    def _other_as_person(self, c: Candidate) -> Actor | None:
        """A surname NER took for a place or an organisation ('Vucic', 'Borrell', 'PM Halim')."""
        name = self._clean(c.name)
        if not name[:1].isupper() or len(name) < 3:
            return None
        ent = self._in_document(name, None)
        if ent is not None and not ent.solid:
            return None
        if ent is None:
            person = self.kb.lookup_name(name, self.on)
            ent = self._entity_for(person) if person is not None else None
        return self._mark(ent, c, name) if ent is not None else None

    def _body(self, text: str) -> Actor | None:
        """'Russian Foreign Ministry', 'the Foreign Ministry of Jordan', 'Iraqi delegation'."""
        for word, sector in sorted(self.lx.body_words.items(), key=lambda x: -len(x[0])):
            if word.lower() in text.lower():
                hits = self.lx.countries_in(text)
                if not hits:
                    return None
                iso = hits[0][2]
                body = word.title() if word[:1].isupper() else word
                adjectival = any(b in word for b in self.lx.words.adjectival_bodies)
                name = f"{self.lx.adjective(iso)} {body}" if sector == "GOV" and adjectival \
                    else self.lx.country_name(iso)
                return Actor(name=name, mention=text, country=iso, code=f"{iso}{sector}", kind="government")
        return None

    def government_actor(self, iso: str, mention: str, role: str | None = None) -> Actor:
        """The government of ``iso``; ``role``: the office a title-only mention named when no
        holder is known ("the Kenyan foreign minister"), for the link step to resolve."""
        return Actor(name=self.lx.country_name(iso), mention=mention, role=role, country=iso, code=f"{iso}GOV",
                     kind="government")

    def country_actor(self, iso: str, mention: str) -> Actor:
        return Actor(name=self.lx.country_name(iso), mention=mention, country=iso, code=iso, kind="country")

    def spellings(self) -> dict[str, str]:
        """Names to replace by the text's own full name, throughout the document: people of the
        bulk office-holder lists, whose transliterations are their own ("Manuchehr Motaki" for
        the text's "Manouchehr Mottaki"), and people first named by a surname alone (a headline's
        "Halim") whom the text later names in full ("Prime Minister Anwar Halim")."""
        out = {}
        for e in self.seen.entities:
            if not e.spelled or e.spelled == e.name:
                continue
            if e.person is not None and e.person.bulk and e.name == e.person.name:
                out[e.name] = e.spelled
            elif e.person is None and len(tokens(e.name)) == 1 and tokens(e.spelled)[-1:] == tokens(e.name):
                out[e.name] = e.spelled
        return out

    def set_first_person(self, ent: Entity | None) -> None:
        self.seen.first_person = ent
