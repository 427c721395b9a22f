"""The actors stage: parse -> mentions, each resolved to a canonical actor (or None).

1. ``spans``: candidate mentions (names, titles, handles, pronouns) in the parse
2. ``resolve``: candidates -> canonical actors, in text order (``groups``: plural mentions)
3. ``stage``: the stage itself (``Actors``), with the roles the text states (``learned_roles``)
``lexicon`` holds the countries, organisations and titles the three read.
"""
from .stage import LEARNED_KEY, Actors, actors_in, estimate_date, learned_roles, resolve

__all__ = ["Actors", "resolve", "actors_in", "learned_roles", "estimate_date", "LEARNED_KEY"]
