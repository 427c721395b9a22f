"""Find actor mention candidates in a parsed document (the first half of the actors stage).

Candidates come from spaCy's entities (PERSON, ORG, GPE, NORP), a PhraseMatcher over the
names and aliases of the knowledge file and the organisations file, @handles and #hashtags,
title-only phrases ("the top Russian diplomat", "his Chinese counterpart") and pronouns.
A person candidate carries the title around its name: a premodifier ("Jordan Foreign
Minister Ayman Safadi"), an apposition before ("the Kuwaiti emir, Sabah Al-Ahmad") or after
("Lavrov, Russia's foreign minister").
"""
from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan

from .candidates import Candidate, _first_tokens, _is_subject, _longest_first, _overlaps, _sent_index
from .lexicon import ActorLexicon, TitleInfo
from ...knowledge.names import same_person
from ..nlp import doc_text

__all__ = ["Candidate", "SpanFinder"]

_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z][A-Za-z0-9_]{1,30})")
_HASHTAG = re.compile(r"(?<![\w#&])#([A-Za-z][A-Za-z0-9_]{1,40})")
_BREAKS = frozenset({"-", "–", "—", ":", "|"})
_APOSTROPHES = frozenset("'’")
_ENT_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "ORG"}
_MISREAD = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})  #: labels a surname may get (never a date)


class SpanFinder:
    """Builds the matchers for one vocabulary and finds candidates in a Doc."""

    def __init__(self, lexicon: ActorLexicon, knowledge) -> None:
        self.lx = lexicon
        self.w = lexicon.words
        self.kb = knowledge
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher, dict]] = {}
        self._known: set[str] | None = None

    # -- matchers -----------------------------------------------------------------------------
    def _matcher(self, doc: Doc):
        vid = id(doc.vocab)
        if vid not in self._matchers:
            import spacy

            tok = spacy.blank("en", vocab=doc.vocab).tokenizer
            lower, exact = PhraseMatcher(doc.vocab, attr="LOWER"), PhraseMatcher(doc.vocab)
            labels: dict[str, object] = {}
            for i, p in enumerate(self.kb.people):
                names = [n for n in (p.name, *p.aliases) if len(n) > 2 and not n.isupper()]
                lower.add(f"P{i}", [tok(n) for n in names])
                labels[f"P{i}"] = p
            for j, o in enumerate(self.lx.org_entries + self.lx.body_entries):
                names = [o["name"], *o.get("aliases", [])]
                exact.add(f"O{j}", [tok(n) for n in names if n.replace(".", "").isupper()])
                lower.add(f"O{j}", [tok(n) for n in names if not n.replace(".", "").isupper() and len(n) > 3])
                labels[f"O{j}"] = o
            for iso, c in self.lx.countries.items():  # country names NER may miss ("Uzbekistan finally ...")
                names = [n for n in (c["name"], *c.get("aliases", [])) if "," not in n and n[:1].isupper()]
                exact.add(f"C{iso}", [tok(n) for n in names])
                labels[f"C{iso}"] = ("country", iso)
            self._matchers[vid] = (lower, exact, labels)
        return self._matchers[vid]

    # -- all candidates -----------------------------------------------------------------------
    def find(self, doc: Doc) -> list[Candidate]:
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        extra = self._handles(doc_text(doc))
        taken = [(c.start, c.end) for c in extra]
        people = [c for c in self._people(doc) if not _overlaps(c.start, c.end, taken)]
        taken += [(c.start, c.end) for c in people]
        more = [c for c in self._surnames(doc, people) if not _overlaps(c.start, c.end, taken)]
        people += more
        taken += [(c.start, c.end) for c in more]
        for c in people:
            if c.title_span:
                taken.append(c.title_span)
        titles = [c for c in self._titles(doc) if not _overlaps(c.start, c.end, taken)]
        taken += [(c.start, c.end) for c in titles]
        others = [c for c in self._others(doc) if not _overlaps(c.start, c.end, taken)]
        taken += [(c.start, c.end) for c in others]
        groups = [c for c in self._groups(doc) if not _overlaps(c.start, c.end, taken)]
        taken += [(c.start, c.end) for c in groups]
        prons = [c for c in self._pronouns(doc) if not _overlaps(c.start, c.end, taken)]
        out = sorted(people + extra + titles + groups + others + prons, key=lambda c: (c.start, c.end))
        for c in out:
            c.sent = _sent_index(starts, c.start)
        return out

    def _people(self, doc: Doc) -> list[Candidate]:
        lower, exact, labels = self._matcher(doc)
        spans: list[tuple[SpacySpan, object]] = []
        for mid, s, e in lower(doc) + exact(doc):
            hit = labels[doc.vocab.strings[mid]]
            if not isinstance(hit, tuple):
                start = self._patronymic_start(doc, s)
                spans.append((doc[start:e], hit if start == s else None))  # "X bin [Known Name]": X's name
        person_texts = [e.text for e in doc.ents if e.label_ == "PERSON"]
        for ent in doc.ents:
            if ent.label_ == "PERSON" or self._person_like(ent, person_texts):
                spans.append((ent, None))
        spans.sort(key=lambda x: (-(x[0].end_char - x[0].start_char), x[1] is None))
        chosen: list[tuple[SpacySpan, object]] = []
        for span, hit in spans:
            if any(span.start < c.end and c.start < span.end for c, _ in chosen):
                continue
            chosen.append((span, hit))
        out = []
        for span, hit in chosen:
            if isinstance(hit, dict):
                continue  # organisations are handled with the other entities
            c = self._person(doc, span, hit)
            if c is not None:
                out.append(c)
        return out

    def _patronymic_start(self, doc: Doc, s: int) -> int:
        """A known name right after a patronymic connector ("Mohamed bin [Salman bin Abdulaziz]")
        is the father's name inside a longer one: the longer name's first token."""
        k = s
        while k >= 2 and doc[k - 1].lower_ in self.kb.patronymics and doc[k - 2].text[:1].isupper() \
                and doc[k - 2].sent.start == doc[s].sent.start:
            k -= 2
        return k

    def _surnames(self, doc: Doc, people: list[Candidate]) -> list[Candidate]:
        """Surnames of the people found, where NER missed them ('met FM Lavrov', 'Singh and Hollande')."""
        names = set()
        for c in people:
            toks = c.name.split()
            if len(toks) > 1:
                names.add(toks[-1])
            if c.person_hint is not None:
                names.add(c.person_hint.name.split()[-1])
        names = {n for n in names if len(n) >= 4 and n[:1].isupper() and not self.lx.is_title_word(n)}
        known = self._known_surnames() - names  # "Ruto hosted ...": a known person's
        out = []
        for tok in _tokens_of(doc, ORTH, names | known):  # "Ruto" tagged PRODUCT is still the surname
            if tok.ent_type_ and tok.ent_type_ not in _MISREAD or tok.text in known and not _alone(doc, tok, self.lx.is_title_word):
                continue
            c = self._person(doc, doc[tok.i:tok.i + 1], None)
            out += [c] if c is not None and c.label == "PERSON" else []
        return out

    def _known_surnames(self) -> set[str]:
        """The surnames of the knowledge's curated people that name no country or capital."""
        if self._known is None:
            self._known = {n for n in self.kb.surnames if len(n) >= 4 and n[:1].isupper()
                           and not self.lx.is_title_word(n) and not self.lx.country_of(n, capitals=True)}
        return self._known

    def _person_like(self, ent: SpacySpan, person_texts: list[str]) -> bool:
        """An ORG/GPE/NORP entity that is really a surname ('Lavrov', 'Vucic', 'Mensah-Bonsu')."""
        text = ent.text
        if ent.label_ not in ("ORG", "GPE", "NORP") or not text[:1].isupper() or len(text) < 4 or len(ent) > 4:
            return False
        if self.lx.country_of(text, capitals=True) or self.lx.org_of(text):
            return False
        if any(same_person(text, p) for p in person_texts if p != text):
            return True
        return len(ent) == 1 and self.kb.lookup_name(text) is not None

    def _person(self, doc: Doc, span: SpacySpan, hit) -> Candidate | None:
        # strip titles and honorifics that NER put inside the name
        i, j = span.start, span.end
        if hit is None and self.lx.country_of(span.text):
            if self._country_owner(doc, j - 1) and j + 1 < len(doc) \
                    and self.lx._title_re.match(doc_text(doc), doc[j + 1].idx):
                return None  # "Togo's president": the owner of a title phrase, found with it
            return Candidate(span.start_char, span.end_char, "GPE", name=span.text, subject=_is_subject(span, self.w))
        while i < j - 1 and (self.lx.is_title_word(doc[i].text) and doc[i].text.lower() not in self.w.kept_in_names
                             and not (hit and doc[i].lower_ in _first_tokens(hit))):
            i += 1
        while j > i + 1 and doc[j - 1].text in self.w.clitics | _APOSTROPHES:
            j -= 1
        name = doc[i:j]
        if not re.search(r"[A-Za-z]", name.text) or (hit is None and not name.text[:1].isupper()):
            return None
        if hit is None and self.lx.country_of(name.text, capitals=True):
            return Candidate(name.start_char, name.end_char, "GPE", name=name.text, subject=_is_subject(name, self.w))
        if hit is None and all(self.lx.is_title_word(t.text) for t in name):
            return None
        left = self._extend_left(doc, i, inside=span.start)
        right = self._apposition_after(doc, j)
        title = self.lx.parse_title(doc[left:i].text) if left < i else None
        start = doc[left].idx if title else name.start_char
        c = Candidate(start=start, end=name.end_char, label="PERSON", name=name.text, title=title, person_hint=hit)
        if right is not None:
            t2 = self.lx.parse_title(doc[right[0]:right[1]].text)
            if t2 and not t2.plural:
                c.title_span = (doc[right[0]].idx, doc[right[1] - 1].idx + len(doc[right[1] - 1]))
                c.title = t2 if title is None or title.role is None else title
                if title and not title.country and t2.country:
                    c.title = t2
        if c.title is None and j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            iso = self.lx.country_of(doc[j + 1].text)
            if iso:  # "Ali Bongo (Gabon)"
                c.title = TitleInfo(country=iso, countries=(iso,))
        c.subject = _is_subject(name, self.w)
        return c

    def _extend_left(self, doc: Doc, i: int, inside: int | None = None) -> int:
        """The first token of the title phrase that ends right before token ``i`` (tokens from
        ``inside`` to ``i`` were inside the name's entity span)."""
        k = i
        inside = i if inside is None else inside
        sent_start = doc[i].sent.start
        while k > sent_start:
            tok = doc[k - 1]
            if _spaced_break(doc, tok):
                break  # "Lithuania - Armenian Prime Minister X": a caption's place, then the title
            if tok.text == "," and k - 1 > sent_start and self._comma_title(doc, k - 1):
                if doc[k].pos_ == "DET" or self._titled(doc[k:i]):
                    break  # "the German Chancellor, the French President": a list of titles;
                    # "the new president, spokesman X": the name has a title of its own
                k -= 1
                continue
            if tok.lower_ in self.w.coordinators and k - 1 > sent_start and not self._joins_titles(doc[k - 2]):
                break  # "Syria and Palestinian leader Yasser Arafat": the list ends the title
            titled = self.lx.is_title_word(tok.text) or tok.text in self.w.clitics
            person = tok.ent_type_ == "PERSON" and not self._country_owner(doc, k - 1)
            if not (titled or tok.is_space and "\n" not in tok.text) or (person and k - 1 < inside):
                break
            k -= 1
        while k < i and (doc[k].text.lower() in self.w.leading or doc[k].is_space):
            k += 1
        return k

    def _country_owner(self, doc: Doc, k: int) -> bool:
        """A country's name before a possessive that NER took for a person ("Togo's president")."""
        return k + 1 < len(doc) and doc[k + 1].lower_ in self.w.clitics and self.lx.country_of(doc[k].text) is not None

    def _extend_right(self, doc: Doc, k: int) -> int:
        """After a title: 'of (the) COUNTRY/ORG (and COUNTRY)*' ('the foreign ministers of Chile and Peru')."""
        end, w = k, self.w
        limit = min(len(doc), doc[k - 1].sent.end)
        ambassador = doc[k - 1].lower_ in w.to_titles
        if k < limit and (doc[k].lower_ in w.title_preps or doc[k].lower_ in w.allative and ambassador):
            j, before = k + 1, None
            plural = doc[k - 1].tag_ in ("NNS", "NNPS")  # a list of countries: "the leaders of A, B and C"
            while j < limit and (doc[j].lower_ in w.title_fillers | w.clitics
                                 or (self.lx.is_title_word(doc[j].text) and doc[j].text[:1].isupper())
                                 or plural and self._listed_country(doc, j, limit)):
                if doc[j].text == ",":
                    before = end if before is None else before
                elif before is not None and doc[j].lower_ in w.clitics:
                    end = before  # "the leaders of Ghana, Kenya's president": another title
                    break
                j += 1
                if doc[j - 1].lower_ not in w.title_fillers and doc[j - 1].text != ",":
                    end = j
        return end

    def _listed_country(self, doc: Doc, j: int, limit: int) -> bool:
        """A comma a country's name follows: a list ("the leaders of Niue, Tonga and Papua New Guinea")."""
        return doc[j].text == "," and j + 1 < limit and doc[j + 1].text[:1].isupper() \
            and self.lx.country_of(doc[j + 1].text) is not None

    def _titled(self, span) -> bool:
        """Words before a name hold a title of its own (an honorific such as "Dr" is none)."""
        honorifics = {h.lower().rstrip(".") for h in self.lx.honorifics}
        return any(self.lx.is_title_word(t.text) and t.lower_.rstrip(".") not in honorifics for t in span)

    def _joins_titles(self, before) -> bool:
        """'Minister and Foreign Minister', 'US and Cuban presidents': an 'and' inside one title."""
        return before.lower_ in self.lx.title_words or before.text in self.lx.demonyms

    def _comma_title(self, doc: Doc, comma: int) -> bool:
        """'the President of Togo, Faure Gnassingbe': a title phrase with a determiner before the comma."""
        k = comma
        while k > doc[comma].sent.start and self.lx.is_title_word(doc[k - 1].text):
            k -= 1
        phrase = doc[k:comma]
        info = self.lx.parse_title(phrase.text) if len(phrase) else None
        return bool(info and not info.plural and (info.determiner or info.country or info.org))

    def _apposition_after(self, doc: Doc, j: int) -> tuple[int, int] | None:
        """', Russia's foreign minister' after a name: the token range of the title."""
        if j >= len(doc) - 1 or doc[j].text != "," or doc[j].sent.start != doc[j - 1].sent.start:
            return None
        k = j + 1
        if doc[k].lower_ in self.w.clause_conjunctions:
            return None  # ", and the Prime Minister of Kosovo, Albin Kurti": the next name's title
        end = min(len(doc), doc[j].sent.end, j + 16)
        while k < end and (self.lx.is_title_word(doc[k].text) or doc[k].text in self.w.clitics):
            k += 1
        if k == j + 1:
            return None
        if k < len(doc) and (doc[k].ent_type_ == "PERSON" or
                             doc[k].is_title and not self.lx.is_title_word(doc[k].text)):
            return None  # a list of names, or an apposition that belongs to the next name
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and doc[k].text == "," and (
                nxt.ent_type_ == "PERSON" or (nxt.is_title and not self.lx.is_title_word(nxt.text))):
            return None  # "the Council's President, the Head of EU Diplomacy, Jane Doe": her title
        return (j + 1, k)

    def _handles(self, text: str) -> list[Candidate]:
        out = []
        for m in _HANDLE.finditer(text):
            out.append(Candidate(m.start(), m.end(), "HANDLE", name=m.group(0)))
        for m in _HASHTAG.finditer(text):
            out.append(Candidate(m.start(), m.end(), "HASHTAG", name=m.group(0)))
        return out

    def _titles(self, doc: Doc) -> list[Candidate]:
        out = []
        for m in self.lx._title_re.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span[-1].tag_ in ("JJ", "VB", "VBP", "VBZ", "VBD"):
                continue  # "the official residence", "to chair"
            left = self._extend_left(doc, span.start)
            phrase = doc[left:self._extend_right(doc, span.end)]
            if any(t.lower_ in self.w.gatherings for t in doc[left:span.start]):
                continue  # "the Assembly of Heads of State", "the ASEAN Foreign Ministers' Meeting"
            if span.end < len(doc) and doc[span.end].lower_ in self.w.gatherings | _APOSTROPHES:
                continue
            info = self.lx.parse_title(phrase.text)
            if info is None or not (info.determiner or info.country or info.org or info.possessor
                                    or phrase[0].lower_ in self.w.world):
                continue
            out.append(Candidate(phrase.start_char, phrase.end_char, "TITLE", name=phrase.text, title=info,
                                 subject=_is_subject(phrase, self.w)))
        return _longest_first(out)

    def _others(self, doc: Doc) -> list[Candidate]:
        lower, exact, labels = self._matcher(doc)
        out = []
        for mid, s, e in exact(doc) + lower(doc):
            hit = labels[doc.vocab.strings[mid]]
            sp = doc[s:e]
            if isinstance(hit, dict):
                out.append(Candidate(sp.start_char, sp.end_char, "ORG", name=sp.text, org=hit,
                                     subject=_is_subject(sp, self.w)))
            elif isinstance(hit, tuple) and not any(t.ent_type_ for t in sp):
                out.append(Candidate(sp.start_char, sp.end_char, "GPE", name=sp.text, subject=_is_subject(sp, self.w)))
        for ent in doc.ents:
            label = _ENT_LABELS.get(ent.label_)
            if label and label != "PERSON":
                text = ent.text
                start = ent.start_char
                if ent[0].lower_ in self.w.definite:
                    start, text = ent[1:].start_char if len(ent) > 1 else start, ent[1:].text if len(ent) > 1 else text
                out.append(Candidate(start, ent.end_char, label, name=text, subject=_is_subject(ent, self.w)))
        return _longest_first(out)

    def _groups(self, doc: Doc) -> list[Candidate]:
        """Plural phrases with no title word: 'the two men', 'the two countries', 'both nations'."""
        out = []
        for m in self.lx.group_re.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            if m.group(0).lower().endswith(self.w.bare_pair) and nxt is not None and nxt.is_alpha and \
                    (not nxt.tag_ or nxt.pos_ in ("NOUN", "ADJ", "NUM", "PROPN")):
                continue  # "the two sides' positions": only a bare "the two" stands for people
            kind = "GROUP_COUNTRIES" if self.w.country_group.search(m.group(0)) else "GROUP_PEOPLE"
            out.append(Candidate(span.start_char, span.end_char, "TITLE", name=span.text,
                                 title=TitleInfo(role=kind, plural=True, determiner="the"),
                                 subject=_is_subject(span, self.w)))
        return out

    def _pronouns(self, doc: Doc) -> list[Candidate]:
        words = set(self.lx.pronouns) | self.lx.first_person
        out = []
        for t in _tokens_of(doc, LOWER, words):
            low = t.lower_
            if low not in self.w.capitalised_pronouns or t.text == low.upper():
                out.append(Candidate(t.idx, t.idx + len(t), "PRON", name=t.text,
                                     subject=t.dep_ in ("nsubj", "nsubjpass")))
        return out


def _alone(doc: Doc, tok, is_title) -> bool:
    """A proper noun standing alone or after a title: no other capitalised name joined to it
    ("Ruto said", "President Ruto"; not "Ruto Avenue", "Patrick Ruto")."""
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return tok.pos_ == "PROPN" and not any(t.pos_ == "PROPN" and t.text[:1].isupper() and not is_title(t.text)
                                           for t in near)


def _tokens_of(doc: Doc, attr: int, words: set[str]) -> list:
    """The tokens of ``doc`` whose ``attr`` (``ORTH``, ``LOWER``) is one of ``words``, in order:
    read off the attribute array, so that only those tokens are made into Python objects."""
    if not words or not len(doc):
        return []
    strings = doc.vocab.strings
    wanted = {strings[w] for w in words}
    return [doc[i] for i, h in enumerate(doc.to_array(attr).tolist()) if h in wanted]


def _spaced_break(doc: Doc, tok) -> bool:
    """A dash, bar or colon with space on both sides ends a title phrase; a hyphen inside a
    name or title ("Akufo-Addo", "Vice-President") does not."""
    return tok.text in _BREAKS and bool(tok.whitespace_) and tok.i > 0 and bool(doc[tok.i - 1].whitespace_)
