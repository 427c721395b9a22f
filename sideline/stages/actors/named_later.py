"""A title-only mention that the text names only afterwards: "the Palestinian foreign minister
said ... The minister, Ziad Abu Amr, said ...". Resolved in text order, the title found nobody
before it and stood for its state's office; the name that follows is its holder.

Cascade of :func:`name_titles`, for each TITLE mention that resolved to no person (an office of
a state, or nothing):

1. the PERSON mentions after it within ``REACH`` sentences, in text order;
2. the first whose own words give it the same title noun ("The minister, X", "Foreign Minister
   X") and no other country than the title's;
3. the title mention takes that person, with the title's office where the person's is unknown
   or less precise ("Minister" for "Foreign Minister") and the title's country where the
   person's is unknown.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ...records import Actor, Mention

__all__ = ["name_titles", "REACH"]

#: sentences after a title within which its holder is named
REACH = 2


def _words(text: str) -> list[str]:
    return [w.strip(".,;:'’\"“”").lower() for w in text.split()]


def _holder(title: Mention, later: list[tuple[int, Mention]], at: int) -> Actor | None:
    """Step 2: the first person after the title, within reach, named with its title noun."""
    noun = _words(title.text)[-1] if title.text.split() else ""
    for k, m in later:
        if k > at + REACH:
            return None
        a = m.actor
        if a is None or a.kind != "person" or not noun:
            continue
        own = set(_words(a.name))
        said = [w for w in _words(m.text) if w not in own]
        if noun in said and (a.country is None or title.actor is None or a.country == title.actor.country):
            return a
    return None


def name_titles(mentions: list[Mention], sentence_starts: list[int]) -> list[Mention]:
    """Steps 1-3 over the mentions of a document (in text order); ``sentence_starts``: the first
    character of each sentence."""
    def sent(m: Mention) -> int:
        return bisect_right(sentence_starts, m.span.start) - 1

    people = [(sent(m), m) for m in mentions if m.label == "PERSON"]
    out = []
    for m in mentions:
        if m.label == "TITLE" and (m.actor is None or m.actor.kind != "person"):
            at = sent(m)
            holder = _holder(m, [(k, p) for k, p in people if p.span.start > m.span.end], at)
            if holder is not None:
                office = m.actor
                role = office.role if office is not None and office.role and (
                    not holder.role or office.role.lower().endswith(holder.role.lower())) else holder.role
                m = replace(m, actor=replace(holder, mention=m.text, role=role,
                                             country=holder.country or (office.country if office else None),
                                             code=holder.code or (office.code if office else None)))
        out.append(m)
    return out
