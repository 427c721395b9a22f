"""Plural and group mentions for the actor resolver: "the two leaders", "the foreign ministers
of Chile and Peru", "their foreign ministers", "the two countries", "G20 leaders".

A plural title resolves to several actors (the stage writes one Mention per actor, all with the
same span): people holding the named offices (a country whose holder is not known at the date
stays the country: "the leaders of Niue, Tonga and Papua New Guinea" in 2008: Niue, Sevele, Somare), the people most mentioned in the last sentences,
the countries named last, or a named group ("G20 leaders") when no person stands for it.
"""
from __future__ import annotations

from .entities import Entity
from .spans import Candidate
from ...records import Actor

__all__ = ["Groups", "GENERIC", "named_after", "offices"]

#: roles too common to guess a holder from the countries an article mentions
GENERIC = {"President", "Prime Minister", "Minister", "Leader", "Official", "Diplomat", "Secretary",
           "Head of State", "Counterpart", "Spokesperson", "Ambassador", "Envoy", "Chairperson"}


class Groups:
    """Plural and group mentions, over a resolver's public face: its lexicon (``lx``), knowledge
    (``kb``), what the document has named so far (``seen``), and ``by_role``, ``role_matches``,
    ``actor``, ``government_actor`` and ``country_actor``."""

    def __init__(self, resolver) -> None:
        self.r = resolver

    def resolve(self, c: Candidate) -> list[Actor]:
        info = c.title
        named = self._named_group(c)
        if named is not None:
            return [named]
        if info.role == "GROUP_COUNTRIES":
            isos = list(dict.fromkeys(reversed(self.r.seen.countries)))[:2]
            return [self.r.country_actor(i, c.name) for i in isos]
        ents: list[Entity] = []
        lands: list[str] = []  # countries whose office holder is not known at the date: the country
        if len(info.countries) > 1 or (info.countries and len(set(info.roles)) > 1):
            for role, iso in offices(info):
                ent = self.r.by_role(info, c, role=role, where=iso)
                if ent is not None:
                    ents.append(ent)
                elif len(info.countries) > 1:
                    lands.append(iso)
            if lands and not ents:
                return [self.r.country_actor(i, c.name) for i in info.countries]
        elif info.possessor in self.r.lx.words.plural_possessives and info.role not in ("Leader", "GROUP_PEOPLE"):
            for ent in self._recent_people(c, 2):
                other = self.r.by_role(info, c, where=ent.country) if ent.country else None
                if other is not None:
                    ents.append(other)
        elif not info.countries and info.role not in ("Official", "Minister", "Counterpart", "Diplomat"):
            ents = self._recent_people(c, 2, None if info.role == "GROUP_PEOPLE" else info.role)
        if not ents and info.countries and info.role not in ("Leader", "Head of State", "President"):
            return [self.r.government_actor(i, c.name) for i in info.countries]  # "Iraqi officials"
        for ent in ents:
            self.r.seen.history.append((c, ent))
            ent.count += 1
        return [self.r.actor(e, c.name) for e in dict.fromkeys(ents)] + [self.r.country_actor(i, c.name) for i in lands]

    def _named_group(self, c: Candidate) -> Actor | None:
        """'G20 leaders', 'ECOWAS Heads of State', 'world leaders': a group no person stands for."""
        info, w = c.title, self.r.lx.words
        words = w.group_heads.search(c.name)
        if words is None or info.countries or info.role not in ("Leader", "Head of State"):
            return None
        head = words.group(0).lower()
        for written, named in w.group_head_forms.items():
            head = head.replace(written, named)
        if info.org:
            org = self.r.kb.org(info.org) or self.r.lx.org_of(info.org) or {"name": info.org}
            return Actor(name=f"{org['name']} {head}", mention=c.name, code=org.get("code"), kind="group")
        if w.world_re.search(c.name):
            return Actor(name=w.world_group.format(head=head), mention=c.name, kind="group")
        return None

    def _recent_people(self, c: Candidate, n: int, role: str | None = None) -> list[Entity]:
        """The first ``n`` people its own sentence named before it ("X sat beside Y ... in the
        talks of the two leaders"), else the ``n`` most mentioned people of the last few
        sentences (ties: the most recent)."""
        seen: list[Entity] = []
        for prev, ent in reversed(self.r.seen.history):
            if c.sent - prev.sent > 6:
                break
            if ent not in seen and ent.solid and (role is None or self.r.role_matches(ent, role)):
                seen.append(ent)
        here = [ent for prev, ent in self.r.seen.history if prev.sent == c.sent and prev.start < c.start]
        here = [e for e in dict.fromkeys(here) if e in seen]
        if len(here) >= n:
            return here[:n]
        out = sorted(seen, key=lambda e: (-e.count, seen.index(e)))[:n]
        return out if len(out) == n else []


def offices(info) -> list[tuple[str, str]]:
    """The (role, country) of each person a plural title names: "the foreign ministers of Chile
    and Peru" two, "the defence and foreign ministers of Chile" two, "the US and Cuban
    presidents" two; a single office of a single country: none."""
    roles = list(dict.fromkeys(info.roles))
    if len(info.countries) > 1 and len(roles) == len(info.countries):
        return list(zip(roles, info.countries))
    if len(info.countries) > 1:
        return [(info.role, iso) for iso in info.countries]
    if info.countries and len(roles) > 1:
        return [(r, info.countries[0]) for r in roles]
    return []


def named_after(cands: list[Candidate], i: int, text: str, joins: frozenset[str]) -> list[Candidate]:
    """"The foreign ministers of Ghana and Kenya, Ama Mensah and Alfred Mutua": the people an
    apposition names right after the plural title ``cands[i]``, one per office the title
    names (:func:`offices`), in the same sentence ("," before the first, a comma or one of
    ``joins`` between them); none when they do not follow it so."""
    c = cands[i]
    if c.label != "TITLE" or c.title is None or not c.title.plural or not offices(c.title):
        return []
    out: list[Candidate] = []
    pos, want = c.end, len(offices(c.title))
    for nxt in cands[i + 1:]:
        gap = text[pos:nxt.start].strip()
        words = gap.replace(",", " ").lower().split()
        joined = gap == "," if not out else gap in (",", "") or len(words) == 1 and words[0] in joins
        if nxt.label != "PERSON" or nxt.sent != c.sent or not joined:
            break
        out.append(nxt)
        pos = nxt.end
        if len(out) == want:
            break
    return out if len(out) == want else []
