"""Phrase-level helpers of the events rules: where a dateline ends, whether a noun phrase is a
pair word ("the two leaders", "both"), the tokens of a head's own noun phrase, and the items
of a list the parser may have misread (:func:`conjuncts`, :func:`listed`, :func:`placed_first`)."""
from __future__ import annotations

from typing import Any

from .words import Words

__all__ = ["dateline_end", "pair_phrase", "np_tokens", "conjuncts", "listed", "placed_first", "by_phrase", "received",
           "takes_part", "attendees", "honoured", "visiting_person", "flattened"]


def dateline_end(sent: Any, words: Words | None = None) -> int:
    """Index of the first token after a dateline ("TORONTO –", "BOGOR, Indonesia:"), else the start."""
    w = words or Words.load()
    for tok in sent[:14]:
        sep = tok.text in ("–", "—", "-", ":", "--") or (len(tok) > 2 and tok.text[-1] in "-–—")
        if sep and tok.i > sent.start and tok.whitespace_:
            before = [t for t in sent.doc[sent.start: tok.i + (len(tok) > 2)]
                      if not (t.is_punct or t.is_space or t.like_num)]
            if len(before) <= 8 and all(t.is_title or t.is_upper or t.pos_ == "PROPN" or t.lower_ in w.dateline_words
                                        for t in before):
                return tok.i + 1
    return sent.start


def pair_phrase(tok: Any, words: Words | None = None) -> bool:
    """"the two leaders", "both", "the two would meet": the latest pair (or group) of persons."""
    w = words or Words.load()
    mods = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod")}
    if tok.lower_ in w.pair_numbers and mods & w.definite:
        return True
    if tok.lower_ in w.pair_alone:
        return True
    parties = w.title_nouns | w.group_nouns | w.lands | w.pair_nouns  # "the two leaders", not "two tranches"
    lemma = tok.lemma_.lower()
    return bool(mods & (w.pair_numbers | w.pair_alone)) and tok.tag_ in ("NNS", "NNPS") \
        and (lemma in parties or lemma.rstrip("s") in parties)


_NP_DEPS = {"appos", "compound", "flat", "nmod", "amod", "poss", "npadvmod", "prep", "pobj", "conj", "cc"}


def np_tokens(tok: Any, words: Words | None = None) -> list[Any]:
    """The head's own phrase: appositions, compounds, of/from/including phrases; no clauses."""
    w = words or Words.load()
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _NP_DEPS and not (c.dep_ == "prep" and c.lower_ not in w.np_preps):
                if c.dep_ == "conj" and t == tok:
                    continue  # the coordination is handled by the caller
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def conjuncts(tok: Any) -> list[Any]:
    """A head and its conjuncts; a name "in apposition" to a name is a list the parser misread
    ("Michel, Scholz, Macron and Meloni went"), and so is a title whose apposed name has
    conjuncts ("US President [appos: Barack Obama [conj: Russian President Dmitry Medvedev]]")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj" or (
            c.dep_ == "appos" and _own_entity(c, t) and t.ent_type_ and c.pos_ == t.pos_ == "PROPN") or (
            c.dep_ == "appos" and c.ent_type_ == "PERSON" and not t.ent_type_ and c.i == t.i + 2
            and any(g.dep_ == "conj" for g in c.children)) or _list_item(t, c)]  # "US President [Barack Obama and ...]"
    return sorted(out, key=lambda t: t.i)


def _own_entity(c: Any, head: Any) -> bool:
    """``c`` sits in a named entity of its own, not in ``head``'s ("Lavrov, Pavlo Klimkin": the
    apposed name's head word "Klimkin" inside the entity that "Pavlo" begins)."""
    def start(t: Any) -> int:
        i = t.i
        while i > 0 and t.doc[i].ent_iob_ == "I":
            i -= 1
        return i
    return bool(c.ent_type_) and start(c) > head.i


def _list_item(head: Any, c: Any) -> bool:
    """"the Dutch Prime Minister, the Irish President, and the Greek Foreign Minister": the parser
    hangs the middle item on the first as an apposition; with a determiner of its own in a list
    that goes on with a conjunct, it is one more item."""
    def det(t: Any) -> bool:
        return any(g.dep_ == "det" for g in t.children)
    return c.dep_ == "appos" and det(c) and det(head) and any(g.dep_ == "conj" for g in head.children)


_LIST_DEPS = ("npadvmod", "appos", "conj")


def listed(verb: Any, objs: list[Any], w: Words) -> list[Any]:
    """"met with the President of the Council, Charles Michel, the Head of ..., Josep Borrell":
    a list of titles and names the parser broke into appositions, adverbial nouns and conjuncts
    of the verb or of its objects; the people named along those chains are objects too."""
    if not objs:
        return []
    todo = [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i] + list(objs)
    seen, out = set(), []
    while todo:
        t = todo.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
            out.append(t)
        todo += [c for c in t.children if c.dep_ in _LIST_DEPS]
        todo += [g for c in t.children if c.dep_ == "prep" and c.lower_ in w.comitative
                 for g in c.children if g.dep_ == "pobj"]  # "as well as with X"
    return sorted(out, key=lambda t: t.i)


def placed_first(verb: Any, w: Words) -> list[Any]:
    """"X, left, and Y shake hands": a caption's position word read as the verb of X, the verb
    as its conjunct; X is a subject of the verb too."""
    head = verb.head
    if verb.dep_ != "conj" or head.lower_ not in w.caption_positions or head.i > verb.i:
        return []
    return [t for c in head.children if c.dep_ == "nsubj" for t in conjuncts(c)]


def by_phrase(tok: Any, preps: frozenset[str] | tuple[str, ...] = ()) -> list[Any]:
    """The heads (with conjuncts) of a word's ``by`` phrase (an agent), and of its ``preps`` phrases."""
    return [t for c in tok.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]


def received(verb: Any, w: Words) -> list[Any]:
    """The guests a host receives ("welcomed X to Canberra", "received the delegation"): the
    objects of a receiving verb that name someone (a name, a title, a group), not a thing
    ("received an invitation", "welcomed the offer"); in a passive clause its subject ("X was
    welcomed by Y")."""
    if verb.lemma_.lower() not in w.receiving_verbs:
        return []
    guests = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
              and (c.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or c.pos_ == "PROPN"
                   or c.lemma_.lower() in w.title_nouns | w.group_nouns) for t in conjuncts(c)]
    guests += [t for c in verb.children if c.dep_ == "xcomp" for t in visiting_person(c, w)]  # "received visiting X"
    return guests


def takes_part(head: Any, w: Words) -> bool:
    """The word a gathering's phrase hangs on says someone takes part in it: a part taken ("took
    part in", "took an active part in"), a representation ("will be represented at the summit by
    X"), a delegation led to it ("will lead a delegation to the summit"). An attend verb
    ("participated in") is a trigger of its own."""
    lemma = head.lemma_.lower()
    if lemma in w.part_verbs:  # the in-phrase hung on "took": its object is the part
        return any(c.dep_ == "dobj" and c.lemma_.lower() in w.part_nouns for c in head.children)
    if lemma in w.represent_verbs:
        return True
    if lemma in w.group_nouns and head.dep_ == "dobj" and head.head.lemma_.lower() in w.leading_verbs:
        return True
    return lemma in w.part_nouns and head.dep_ == "dobj" and head.head.lemma_.lower() in w.part_verbs


def attendees(noun: Any, w: Words) -> list[Any]:
    """Who takes part in the gathering ``noun`` by :func:`takes_part`'s words: the one who
    represents ("represented at the summit by X": X), who leads the delegation (its subject)."""
    if noun.dep_ != "pobj" or not takes_part(noun.head.head, w):
        return []
    head = noun.head.head
    if head.lemma_.lower() in w.represent_verbs:
        return by_phrase(head) or by_phrase(noun, w.agentive) or [c for c in head.children if c.dep_ == "nsubj"]
    if head.lemma_.lower() in w.group_nouns:
        return [t for c in head.head.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    return []


def honoured(tok: Any, w: Words) -> list[Any]:
    """"hosted a lunch in honour of X", "a dinner in X's honour": the guest of honour takes
    part (on the verb or on the meal it hosts)."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    out = []
    for h in heads:
        for noun in (g for c in h.children if c.dep_ == "prep" for g in c.children
                     if g.dep_ == "pobj" and g.lemma_.lower() in w.honour_nouns):
            out += [t for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" for t in conjuncts(c)]
            out += [t for c in noun.children if c.dep_ == "prep" and c.lower_ in w.genitive
                    for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]
    return out


def visiting_person(tok: Any, w: Words) -> list[Any]:
    """"visiting Ugandan President X" read as a gerund with X its object: a person is not where
    one travels; the participle is X's title, X the visitor ("after visiting Kenya" stays a trip),
    also where the parser made it a conjunct ("talks between A and visiting President B") or the
    complement of a receiving verb ("received visiting Foreign Minister C")."""
    if tok.lower_ not in w.visiting or tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj", "acl", "conj", "xcomp"):
        return []
    objs = [c for c in tok.children if c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN" and any(
        g.lower_ in w.title_nouns for g in c.lefts))]  # "visiting Jordanian King Abdullah II"
    return [t for o in objs if o.left_edge.i == tok.i + 1 for t in conjuncts(o)]


def flattened(head: Any) -> list[Any]:
    """"Kishida and South Korean President Yoon Suk Yeol agreed": the parser hangs the first name
    of a coordinated subject on the last as a modifier (on the name or on its title), with the
    "and" on it; a name before its own "and" is one more item."""
    if head.pos_ != "PROPN" or head.ent_type_ != "PERSON":
        return []
    words = [head] + [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    return [c for t in words for c in t.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < head.i
            and any(g.dep_ == "cc" and g.i > c.i for g in c.children)]
