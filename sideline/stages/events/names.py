"""Names of actors as the text gives them: cleaning, titles, national stems, mention actors.

Used by :mod:`sideline.stages.events.resolve` (participants and speakers) when a mention has no actor of
the actors stage, or to compare national words ("Chinese" and "China" share a stem).
"""
from __future__ import annotations

from typing import Any

from ...records import Actor, Mention
from .words import Words

__all__ = ["KINDS", "ACTOR_LABELS", "clean_name", "strip_titles", "stem", "actor_of_mention", "aliases"]

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "country",
         "HANDLE": "person", "TITLE": "person"}
ACTOR_LABELS = frozenset(KINDS) - {"TITLE"}


def stem(word: str, words: Words | None = None) -> str:
    """A crude stem that makes a country and its adjective meet (China/Chinese, Peru/Peruvian)."""
    word = word.lower().strip(".")
    return (words or Words.load()).stems.get(word, word[:4])


def clean_name(text: str, words: Words | None = None) -> str:
    """A mention's words as a name: no leading article, no possessive, one line."""
    w = words or Words.load()
    text = " ".join(text.split())
    return w.possessive.sub("", w.lead_article.sub("", text)).strip(" ,.;:-\"'“”")


def strip_titles(name: str, words: Words | None = None) -> str:
    """A person's name without the titles before it ("Mr Li" -> "Li", "PM Halim" -> "Halim")."""
    prefixes = (words or Words.load()).name_prefixes
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().strip(".,") in prefixes:
        parts = parts[1:]
    return " ".join(parts)


def actor_of_mention(m: Mention, words: Words | None = None) -> Actor:
    """The mention's resolved actor (with the words used), else an actor made of its words."""
    if m.actor is not None:
        return m.actor if m.actor.mention == m.text else Actor(
            name=m.actor.name, mention=m.text, role=m.actor.role, country=m.actor.country,
            code=m.actor.code, kind=m.actor.kind)
    return Actor(name=clean_name(m.text, words), mention=m.text, kind=KINDS.get(m.label, "person"))


def aliases(persons: list[tuple[int, Mention]], parse: Any, words: Words | None = None) -> dict[str, str]:
    """Short name -> the fuller name of the same person in a document ("Hu" -> "Hu Jintao"), from
    the person mentions (token start, mention) and the parse ("President Joko Widodo (Jokowi)")."""
    w = words or Words.load()
    names = {strip_titles(clean_name(m.text, w), w) for _, m in persons if m.actor is None}
    names |= {m.actor.name for _, m in persons if m.actor is not None}
    out: dict[str, str] = {}
    for short in names:
        words = set(short.lower().split())
        longer = [n for n in names if len(n) > len(short) and words <= set(n.lower().split())]
        if longer:
            out[short] = max(longer, key=len)
    for start, m in persons:
        end = start + len(parse.char_span(m.span.start, m.span.end, alignment_mode="expand"))
        if end + 2 < len(parse) and parse[end].text == "(" and parse[end + 2].text == ")":
            out.setdefault(parse[end + 1].text, strip_titles(clean_name(m.text, w), w))
    return out
