"""Actor knowledge: people, their offices with tenure, and the names news gives them.

The facts live in ``data/en/actors.json`` (people, hand-curated), ``data/en/officeholders.json``
(heads of state and government and foreign ministers of the UN members since 1990, in bulk:
see :mod:`sideline.knowledge.offices`), ``data/en/organisations.json``, ``data/en/demonyms.json``
and ``data/en/titles.json``; a user's files of the same names are merged over them (see
:mod:`sideline.lexicons`). Every office lookup takes a date, and answers only when exactly
one holder of the office fits it.

>>> kb = Knowledge.load()
>>> kb.lookup_name("Sergei Lavrov").name
'Sergey Lavrov'
>>> kb.holder("Secretary of State", "USA", on=date(2023, 4, 1)).name
'Antony Blinken'
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from .. import lexicons
from ..errors import E, ConfigError
from .names import key, same_person, split_handle, tokens
from .offices import OfficeIndex, join_holders

__all__ = ["Office", "Person", "Knowledge", "parse_date"]

#: which office to report when a person holds several at once (lower first)
_FAMILY_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}


def parse_date(text: str | None, end: bool = False) -> date | None:
    """'2004', '2004-03' or '2004-03-09' -> a date (the first day, or with ``end`` the last)."""
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    parts = [int(p) for p in str(text).split("-")]
    y, m, d = (parts + [None, None])[:3]
    if m is None:
        return date(y, 12, 31) if end else date(y, 1, 1)
    if d is None:
        if not end:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, m, d)


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None = None  # ISO3
    org: str | None = None  # an org key of actors.json "orgs" (UN, EU, AU, ...)
    start: date | None = None
    end: date | None = None  # None while in office
    dated: bool = True  # False when the tenure is unknown
    family: str | None = None  # head_of_state, head_of_government, foreign_minister when the data says so
    seen: date | None = None  # end unknown: the last date a source still listed the holder in office
    acting: bool = False
    source: tuple[str, ...] = ()

    def active(self, on: date | None) -> bool:
        """In office on ``on`` (today when None). A tenure whose end is unknown counts only up
        to the date it was last seen: after that nobody can say."""
        if not self.dated:
            return on is None
        if on is None:
            return self.end is None and self.seen is None
        if self.start is not None and on < self.start:
            return False
        if self.end is not None:
            return on <= self.end
        return self.seen is None or on <= self.seen


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    gender: str | None = None
    handles: tuple[str, ...] = ()
    org_codes: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    families: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    bulk: bool = field(default=False, compare=False)  # from officeholders.json, not the hand-curated file

    def office(self, on: date | None = None) -> Office | None:
        """The main office held on ``on`` (the current one when ``on`` is None)."""
        held = [o for o in self.offices if o.active(on)]
        if not held:
            return None
        return min(held, key=lambda o: (_FAMILY_RANK.get(o.family or self.families.get(o.role, ""), 9),
                                        -(o.start or date.min).toordinal()))

    def last_office(self, on: date | None = None) -> Office | None:
        """The office held on ``on``, else the latest one before it, else any."""
        cur = self.office(on)
        if cur is not None:
            return cur
        past = [o for o in self.offices if o.start and (on is None or o.start <= on)]
        if past:
            return max(past, key=lambda o: o.start)
        return self.offices[0] if self.offices else None

    def role(self, on: date | None = None) -> str | None:
        o = self.office(on)
        return o.role if o else None

    def country(self, on: date | None = None) -> str | None:
        o = self.last_office(on)
        return o.country if o else None

    def code(self, on: date | None = None) -> str | None:
        o = self.office(on)
        if o is None:
            past = self.last_office(on)
            return past.country if past and past.country else None
        if o.org:
            return self.org_codes.get(o.org, "IGO")
        return f"{o.country}GOV" if o.country else None


class Knowledge:
    """People and their offices, with name lookup and office holders by date."""

    def __init__(self, actors: dict, titles: dict, countries: dict, holders: dict | None = None) -> None:
        self.titles = {k.lower(): v for k, v in titles.get("titles", {}).items()}
        self.families = dict(titles.get("families", {}))
        self.family_exceptions = {k: set(v) for k, v in titles.get("family_exceptions", {}).items()}
        self.family_countries = {k: set(v) for k, v in titles.get("family_countries", {}).items()}
        self.deputy_words = tuple(titles.get("deputy_words", ()))
        self.patronymics = frozenset(titles.get("patronymic_connectors", ()))
        self.leaders = dict(actors.get("leaders", {}))
        self.orgs = dict(actors.get("orgs", {}))
        self.office_handles = {k.lower(): v for k, v in actors.get("office_handles", {}).items()}
        self.countries = countries
        self.members = tuple((holders or {}).get("members", ())) + tuple((holders or {}).get("observers", ()))
        org_codes = {k: v["code"] for k, v in self.orgs.items()}
        curated = [self._person(p, org_codes) for p in actors.get("people", [])]
        bulk = [self._person(p, org_codes, bulk=True) for p in (holders or {}).get("people", [])]
        curated, bulk = join_holders(bulk, curated, self.office_family)
        # a one-word name ("Abdullah", "Philippe") is too common to be looked up: such holders answer
        # office lookups only
        self._holders_only = [p for p in bulk if len(tokens(p.name)) < 2]
        self.people: list[Person] = curated + [p for p in bulk if len(tokens(p.name)) >= 2]
        self._index: OfficeIndex | None = None
        self._by_key: dict[str, list[Person]] = defaultdict(list)
        self._by_token: dict[str, list[Person]] = defaultdict(list)
        self._by_handle: dict[str, Person] = {}
        for p in self.people:
            for n in (p.name, *p.aliases):
                k = key(n)
                if p not in self._by_key[k]:
                    self._by_key[k].append(p)
                toks = tokens(n, drop_particles=True)
                # a bare surname finds only the hand-curated people: thousands of bulk names would
                # make "Khan" or "Kim" somebody
                for t in {toks[0], toks[-1]} if toks and not p.bulk else ():
                    if len(t) > 1 and p not in self._by_token[t]:
                        self._by_token[t].append(p)
            for h in p.handles:
                self._by_handle[h.lower().lstrip("@")] = p
        self._keys = list(self._by_key)
        self._near: dict[str, tuple[Person, ...]] = {}  # name -> _fuzzy(name): a name recurs across articles
        self._surnames: frozenset[str] | None = None

    @property
    def surnames(self) -> frozenset[str]:
        """The surnames of the hand-curated people as written ("Ruto", "Modi"): a bare one the
        recogniser missed still names its person, when it is one person's only (bulk names are too
        many: "Khan", "Kim")."""
        if self._surnames is None:
            owners: dict[str, set[str]] = defaultdict(set)
            for p in self.people:
                for n in (p.name, *p.aliases) if not p.bulk else ():
                    if len(n.split()) > 1:
                        owners[n.split()[-1]].add(p.name)
            self._surnames = frozenset(n for n, who in owners.items() if len(who) == 1)  # "Ahmed": several
        return self._surnames

    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None) -> "Knowledge":
        return cls(lexicons.load("actors", data_dir), lexicons.load("titles", data_dir),
                   lexicons.load("demonyms", data_dir).get("countries", {}),
                   lexicons.load("officeholders", data_dir))

    def _person(self, p: dict, org_codes: dict, bulk: bool = False) -> Person:
        try:
            offices = tuple(_office(o) for o in p.get("offices", []))
            if not isinstance(p.get("name"), str) or not p["name"].strip():
                raise ValueError("a person needs a non-empty 'name'")
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise ConfigError(E.E007, entry=p.get("name") if isinstance(p, dict) else p, reason=repr(err)) from err
        return Person(name=p["name"], aliases=tuple(p.get("aliases", ())), offices=offices,
                      gender=p.get("gender"), handles=tuple(p.get("handles", ())),
                      org_codes=org_codes, families=self.families, bulk=bulk)

    # -- roles --------------------------------------------------------------------------------
    def canonical_role(self, role: str) -> str:
        return self.titles.get(role.lower().strip(), role)

    def family(self, role: str, country: str | None = None) -> str:
        """The office family of a role ("Secretary of State" of the USA -> foreign_minister). A
        deputy or vice office is never its full office; a title that names the office only in
        some countries ("Secretary of State": the USA) is its own family elsewhere."""
        role = self.canonical_role(role)
        if country and country in self.family_exceptions.get(role, ()):
            return role
        if country and role in self.family_countries and country not in self.family_countries[role]:
            return role
        fam = self.families.get(role, role)
        low = f" {role.lower()} "
        if fam in _FAMILY_RANK and any(f" {w} " in low or f" {w}-" in low for w in self.deputy_words):
            return role
        return fam

    def office_family(self, office: Office) -> str:
        return office.family or self.family(office.role, office.country or office.org)

    # -- names --------------------------------------------------------------------------------
    def lookup_name(self, name: str, on: date | None = None, country: str | None = None,
                    loose: bool = False) -> Person | None:
        """The person a name refers to: an exact alias first, then a surname or a guarded
        fuzzy match; ``on`` prefers people in office at that date and breaks ties, and
        ``country`` (ISO3, when the text gives one) keeps only people who served it. A lone
        misspelt surname ("Rybakov") is matched only with ``loose`` (and a date): a place
        name tagged as a person ("Borneo") is too close to a surname ("Borne") otherwise."""
        k = key(name)
        if not k:
            return None
        exact = self._by_key.get(k)
        if exact:
            return self._pick(exact, on, strict=False)
        short = self._given_and_father(name)
        if short is not None:  # "Mohamed bin Salman bin Abdulaziz Al Saud": "Mohamed bin Salman"
            found = self.lookup_name(short, on, country, loose)
            if found is not None:
                return found
        if country:
            found = self.lookup_name(name, on)
            if found is not None:
                return found if any(o.country == country for o in found.offices) else None
            return self._pick([p for p in self._fuzzy(name, k) if any(o.country == country for o in p.offices)],
                              on, strict=True)
        if len(k.split()) == 1:
            found = self._by_token.get(k, [])
            if not found and loose and on is not None and len(k) > 4:
                for cand, _, _ in process.extract(k, list(self._by_token), scorer=fuzz.ratio, limit=5,
                                                  score_cutoff=85):
                    if cand[0] == k[0] and abs(len(cand) - len(k)) <= 1:
                        found += [p for p in self._by_token[cand] if p not in found and p.office(on)]
            # a bare name is told apart by the hand-curated tenures only: a bulk tenure joined to a
            # curated person ("Mohamed Bazoum", foreign minister in the bulk file) must not make
            # a common given name somebody
            return self._pick(found, on, strict=True, curated=True)
        return self._pick(self._fuzzy(name, k), on, strict=True)

    def _given_and_father(self, name: str) -> str | None:
        """A name of two patronyms or more, shortened to the given name and the first patronym."""
        words = name.split()
        at = [i for i, w in enumerate(words) if w.lower() in self.patronymics and 0 < i < len(words) - 1]
        return " ".join(words[:at[0] + 2]) if len(at) >= 2 else None

    def _fuzzy(self, name: str, k: str) -> list[Person]:
        """People whose name or alias is close to ``name`` and passes the same-person guard
        (remembered per name: the knowledge does not change while it is used)."""
        if name in self._near:
            return list(self._near[name])
        cands: list[Person] = []
        for cand, _, _ in process.extract(k, self._keys, scorer=fuzz.ratio, limit=12, score_cutoff=70):
            cands += [p for p in self._by_key[cand] if p not in cands and
                      any(same_person(name, n) for n in (p.name, *p.aliases))]
        self._near[name] = tuple(cands)
        return cands

    def _pick(self, cands: list[Person], on: date | None, strict: bool, curated: bool = False) -> Person | None:
        if len(cands) == 1:
            return cands[0]
        if not cands:
            return None
        active = [p for p in cands if any(o.active(on) for o in p.offices if not (curated and o.source))] if on else []
        if len(active) == 1:
            return active[0]
        return None if strict else (active or cands)[0]

    def by_handle(self, handle: str, on: date | None = None) -> Person | None:
        """The person behind a social-media handle or a hashtag ("@AymanHsafadi", "#Lavrov")."""
        h = handle.lower().lstrip("@#")
        if h in self._by_handle:
            return self._by_handle[h]
        office = self.office_handles.get("@" + h)
        if office:
            return self.holder(office["role"], office.get("country") or office.get("org"), on)
        words = split_handle(handle)
        if len(words.split()) > 1 or handle.startswith("#"):
            found = self.lookup_name(words, on)
            if found:
                return found
        flat = key(words).replace(" ", "")
        hits = [p for p in self.people if not p.bulk and any(flat in _handle_forms(n) for n in (p.name, *p.aliases))]
        return self._pick(hits, on, strict=True)

    # -- offices ------------------------------------------------------------------------------
    def offices_of(self, person: Person | str, on: date | None = None) -> list[Office]:
        p = self.lookup_name(person, on) if isinstance(person, str) else person
        if p is None:
            return []
        return [o for o in p.offices if on is None or o.active(on)]

    def holder(self, role: str, country: str | None, on: date | None = None) -> Person | None:
        """Who held ``role`` ("Foreign Minister", "the top diplomat", "Leader") in a country
        (ISO3) or organisation (UN, EU, AU) on a date (today when ``on`` is None): the one holder
        of that office family whose tenure covers the date; None when nobody or several fit."""
        if not country:
            return None
        if self.canonical_role(role) in ("Leader", "Head of State"):
            return self._leader(country, on)
        found = self.holders(role, country, on)
        return found[0] if len(found) == 1 else None

    def holders(self, role: str, country: str, on: date | None = None) -> list[Person]:
        """Everyone who held the office family of ``role`` in ``country`` on ``on`` (co-holders,
        or two holders a year-precision source cannot tell apart in a year of change)."""
        return self._holders(self.family(role, country), country, on)

    def _holders(self, fam: str, country: str, on: date | None) -> list[Person]:
        if self._index is None:
            self._index = OfficeIndex(self.people + self._holders_only, self.office_family)
        return self._index.holders(country, fam, on)

    def _leader(self, country: str, on: date | None) -> Person | None:
        order = [self.leaders[country]] if country in self.leaders else []
        order += ["head_of_state", "head_of_government", "Leader"]
        for role in order:
            found = self._holders(self.family(role, country), country, on)
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def counterpart_of(self, person: Person | str, country: str, on: date | None = None) -> Person | None:
        """The holder in ``country`` of the office ``person`` holds: Lavrov's US counterpart
        in September 2024 is the Secretary of State, Antony Blinken."""
        p = self.lookup_name(person, on) if isinstance(person, str) else person
        role = p.role(on) if p else None
        if role is None:
            return None
        found = self.holder(role, country, on)
        if found is None and self.family(role) in ("head_of_state", "head_of_government"):
            found = self._leader(country, on)
        return found

    def org(self, key_: str) -> dict | None:
        return self.orgs.get(key_)


def _office(o: dict) -> Office:
    fam = o.get("family")
    return Office(role=o["role"], country=o.get("country"), org=o.get("org"), start=parse_date(o.get("from")),
                  end=parse_date(o.get("to"), end=True), dated=bool(o.get("from") or o.get("to")),
                  family=fam, seen=parse_date(o.get("seen"), end=True), acting=bool(o.get("acting")),
                  source=tuple(o.get("source", ())))


def _handle_forms(name: str) -> set[str]:
    toks = tokens(name)
    if not toks:
        return set()
    initials = "".join(t[0] for t in toks)
    return {"".join(toks), toks[-1], toks[0] + toks[-1], initials,
            "".join(t[0] for t in toks[:-1]) + toks[-1], toks[0][0] + "".join(toks[1:])}
