"""Countries, organisations and titles for the actors stage: lookup tables and a title parser.

``ActorLexicon`` answers three questions about words around a name:

* which country a word names (a country name or alias, a demonym, a possessive
  "Russia's", a capital standing for its government): :meth:`country_of`;
* which organisation or national body a phrase names: :meth:`org_of`;
* what a title phrase says ("the top Russian diplomat", "Deputy Prime Minister and Foreign
  Minister of Jordan", "his Chinese counterpart"): :meth:`parse_title` -> :class:`TitleInfo`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ... import lexicons
from ...knowledge.names import key
from .words import Words

__all__ = ["TitleInfo", "ActorLexicon"]

_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}


@dataclass(frozen=True)
class TitleInfo:
    """What a title phrase says about the person it names."""

    role: str | None = None  # canonical role ("Foreign Minister")
    country: str | None = None  # ISO3 of the first country named
    org: str | None = None  # an organisation key ("UN", "EU") or name
    countries: tuple[str, ...] = ()
    possessor: str | None = None  # "his", "her", "their" when the phrase starts with one
    determiner: str | None = None
    plural: bool = False
    former: bool = False
    then: bool = False  # former only by "then" ("the then president"): the holder at the time its clause tells
    gender: str | None = None
    roles: tuple[str, ...] = ()

    @property
    def counterpart(self) -> bool:
        return self.role == "Counterpart"


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


class ActorLexicon:
    """Country, organisation and title tables loaded from the data files; ``words``: the word
    lists of the actors rules (:class:`~sideline.stages.actors.words.Words`)."""

    def __init__(self, data_dir: str | os.PathLike | None = None) -> None:
        self.words = w = Words.load(data_dir)
        t = lexicons.load("titles", data_dir)
        dem = lexicons.load("demonyms", data_dir)
        orgs = lexicons.load("organisations", data_dir)
        self.titles = {k.lower(): v for k, v in t["titles"].items()}
        self.families = t.get("families", {})
        self.leader_roles = set(t.get("leader_roles", []))
        self.role_orgs = t.get("role_orgs", {})
        self.honorifics = {h.lower() for h in t.get("honorifics", [])}
        self.modifiers = {m.lower() for m in t.get("modifiers", [])}
        self.former_words = set(t.get("former_words", []))
        self.then_words = set(t.get("then_words", []))
        self.title_gender = t.get("gender", {})
        self.pronouns = t.get("pronouns", {})
        self.first_person = set(t.get("first_person", []))
        self.object_pronouns = frozenset(t.get("object_pronouns", []))
        self.groups = {g.lower() for g in t.get("groups", [])}
        self.countries = dem["countries"]
        self.capitals = {key(k): v for k, v in dem.get("capitals", {}).items()}
        self._country_names: dict[str, str] = {}
        for iso, c in self.countries.items():
            for n in (c["name"], *c.get("aliases", [])):
                if "," not in n:
                    self._country_names.setdefault(n, iso)
        self.demonyms = dict(dem.get("demonyms", {}))
        self._country_key = {key(n): iso for n, iso in self._country_names.items()}
        self._country_key.update({key(n): iso for n, iso in self.demonyms.items()})
        self.org_entries = [dict(o, kind=o.get("kind", "organisation")) for o in orgs.get("organisations", [])]
        self.body_entries = [dict(o, kind=o.get("kind", "government")) for o in orgs.get("bodies", [])]
        self.body_words = orgs.get("body_words", {})
        self._orgs: dict[str, dict] = {}
        for o in self.org_entries + self.body_entries:
            for n in (o["name"], *o.get("aliases", [])):
                self._orgs.setdefault(n if _is_acronym(n) else key(n), o)
        self._org_names_by_length = [(n, _is_acronym(n)) for n in
                                     sorted((n for n in self._orgs if len(n) >= 2), key=len, reverse=True)]
        self._title_re = re.compile(r"(?<![\w-])(" + _alternation(self.titles) + r")(?![\w-])", re.I)
        places = list(self._country_names) + list(self.demonyms)
        self._country_re = re.compile(r"(?<![\w-])(" + _alternation(places) + r")(?:" + w.clitic_alternation
                                      + r")?(?![\w-])")
        self.scan_words = self._scan_words()
        self.title_words = {word for t in self.titles for word in t.split()} - w.title_glue
        names = list(self._country_names) + list(self.demonyms) + self.org_names()
        self.acronyms = {n for n in names if _is_acronym(n)}
        self.group_re = re.compile(r"(?<![\w-])(" + _alternation(t.get("group_phrases", [])) + r")(?![\w-])", re.I)
        self.plural_titles = {k for k in self.titles if k.endswith("s") and k[:-1] in self.titles}
        self.plural_titles |= {k for k in self.titles if any(k.startswith(f"{h} ") for h in w.plural_heads)}

    # -- countries ------------------------------------------------------------------------------
    def country_name(self, iso: str | None) -> str | None:
        c = self.countries.get(iso or "")
        return c["name"] if c else None

    def adjective(self, iso: str) -> str:
        """The first demonym listed for a country ("Russian"), else its name."""
        for word, code in self.demonyms.items():
            if code == iso:
                return word
        return self.country_name(iso) or iso

    def country_of(self, text: str, capitals: bool = False) -> str | None:
        """ISO3 of a country name, alias, demonym or possessive ("Russia's"); with ``capitals``
        a capital city counts too ("Moscow")."""
        t = self.words.leading_article.sub("", text.strip())
        t = self.words.country_possessive.sub("", t)
        k = key(t)
        iso = self._country_key.get(k)
        if iso is None and k.endswith("s") and k[:-1] in self._country_key and t[:1].isupper():
            iso = self._country_key[k[:-1]]  # "Palestinians", "Saudis"
        if iso is None and capitals:
            iso = self.capitals.get(k)
        return iso

    def countries_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO3) of every country word in ``text``."""
        src = text.title() if text.isupper() else text
        return [(m.start(), m.end(), self._country_names.get(m.group(1)) or self.demonyms[m.group(1)])
                for m in self._country_re.finditer(src)]

    # -- organisations --------------------------------------------------------------------------
    def org_of(self, text: str) -> dict | None:
        """The organisation or national body a phrase names, or None."""
        t = self.words.leading_article.sub("", text.strip())
        t = self.words.possessive.sub("", t)
        return self._orgs.get(t) or self._orgs.get(key(t))

    def org_names(self) -> list[str]:
        return list({n for o in self.org_entries + self.body_entries for n in (o["name"], *o.get("aliases", []))})

    # -- titles ---------------------------------------------------------------------------------
    def family(self, role: str | None) -> str | None:
        return self.families.get(role, role) if role else None

    def is_title_word(self, word: str) -> bool:
        return word.lower() in self.scan_words or word in self.acronyms

    def parse_title(self, text: str) -> TitleInfo | None:
        """Parse a title phrase; None when it holds no title."""
        w = self.words
        raw = w.former_prefix.sub(r"\1 ", " ".join(text.split()))
        entry = self._org_in(raw)
        found_countries = self._outside(self.countries_in(raw), raw, entry)
        residue = raw
        for s, e, _ in reversed(found_countries):  # "the top Russian diplomat" -> "the top diplomat"
            residue = residue[:s] + " " * (e - s) + residue[e:]
        residue = " ".join(residue.split())
        matches = self._head_titles(residue)
        if not matches:
            return None
        roles = tuple(r for _, r in matches)
        for m in w.shared_head.finditer(residue):
            head = w.shared_heads[m.group(3).lower()]
            extra = [self.titles.get(f"{x.lower()} {head}") for x in (m.group(1), m.group(2))]
            roles = tuple(dict.fromkeys([r for r in extra if r] + list(roles)))
        role = min(roles, key=lambda r: (_RANK.get(self.family(r), 9), -len(r)))
        words = residue.lower().replace("-", " - ").split()
        isos = tuple(dict.fromkeys(iso for _, _, iso in found_countries))
        if entry is not None and entry.get("country") and not isos:
            isos, entry = (entry["country"],), None
        orgs = [self._org_key(entry)] if entry else []
        first = words[0] if words else ""
        plural = any(t in self.plural_titles for t, _ in matches) or bool(w.plural_words & set(words)) \
            or (len(isos) > 1 and any(f" {j} " in raw.lower() for j in w.plural_joins))
        gender = next((self.title_gender[t] for t in [*words, *(m for m, _ in matches)]
                       if t in self.title_gender), None)
        org = orgs[0] if orgs else self.role_orgs.get(role) if not isos else None
        return TitleInfo(role=role, country=isos[0] if isos else None, org=org, countries=isos,
                         possessor=first if first in w.possessors else None,
                         determiner=first if first in w.determiners else None, plural=plural,
                         former=bool(self.former_words & set(words))
                         or any(f in raw.lower() for f in w.former_hyphenated),
                         then=self._then(words, raw), gender=gender, roles=roles)

    @staticmethod
    def _outside(found: list[tuple[int, int, str]], raw: str, entry: dict | None) -> list[tuple[int, int, str]]:
        """The country words of a title that are not part of the name of the organisation it
        holds ("Organization of American States Secretary-General": no American title)."""
        if entry is None or not found:
            return found
        low = raw.lower()
        spans = [(m.start(), m.end()) for n in (entry["name"], *entry.get("aliases", ()))
                 for m in re.finditer(re.escape(n.lower()), low)]
        return [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in spans)]

    def _head_titles(self, residue: str) -> list[tuple[str, str]]:
        """The title words of a phrase and their roles, up to a complement preposition between
        two of them: "a spokesman for the President" is a spokesman, not a president."""
        found = list(self._title_re.finditer(residue))
        for prev, nxt in zip(found, found[1:]):
            if set(residue[prev.end():nxt.start()].lower().split()) & self.words.complement_preps:
                found = found[:found.index(nxt)]
                break
        return [(m.group(1).lower(), self.titles[m.group(1).lower()]) for m in found]

    def _then(self, words: list[str], raw: str) -> bool:
        """The phrase is a former title only by a word of ``then_words`` ("the then president")."""
        said = self.then_words & set(words) or any(f in raw.lower() for f in self.then_words if f.endswith("-"))
        return bool(said) and not (self.former_words - self.then_words) & set(words)

    def _org_in(self, text: str) -> dict | None:
        folded = key(text)
        for n, acronym in self._org_names_by_length:
            if acronym:
                if n in text and re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w])", text):
                    return self._orgs[n]
            elif n in folded and re.search(r"(?<![a-z])" + re.escape(n) + r"(?![a-z])", folded):
                return self._orgs[n]
        return None

    @staticmethod
    def _org_key(o: dict) -> str:
        code = o.get("code", "")
        return {"IGOUNO": "UN", "IGOEUREEC": "EU", "IGOEEC": "EU", "IGOAFRAU": "AU", "IGONAT": "NATO",
                "IGOPIF": "PIF", "IGOUNOREF": "UNRWA" if o["name"] == "UNRWA" else "UN"}.get(code, o["name"])

    def _scan_words(self) -> set[str]:
        words = set(self.words.connectors) | self.modifiers | self.honorifics | self.words.determiners
        for phrase in list(self.titles) + list(self._country_names) + list(self.demonyms) + self.org_names():
            if _is_acronym(phrase):
                continue
            words |= {w.lower() for w in re.split(r"[\s]+", phrase) if w}
        words |= {part for w in list(words) if "-" in w for part in w.split("-") if part}
        words |= self.words.scan_words_extra
        return words - self.words.not_title_words


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isupper()
