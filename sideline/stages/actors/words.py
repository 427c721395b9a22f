"""The English words of the actors rules, as one frozen record (:class:`Words`).

Every field names the lexicon and key it comes from (``data/en/titles.json``,
``syntax.json``, ``organisations.json``); a user's files of the same names extend them. The
stage's :class:`~sideline.stages.actors.lexicon.ActorLexicon` builds one with its ``data_dir``
(``lexicon.words``), which the span finder and the resolver read.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ... import lexicons
from ...lexicons import entry

__all__ = ["Words"]


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in words)


def _leading(words: Any) -> re.Pattern[str]:
    """A leading word ("the Foreign Ministry" -> "Foreign Ministry")."""
    return re.compile(r"^(" + _alternation(words) + r")\s+", re.I)


def _trailing(words: Any) -> re.Pattern[str]:
    """A trailing possessive ending ("Russia's")."""
    return re.compile("(" + _alternation(words) + ")$")


def _country_possessive(words: Any) -> re.Pattern[str]:
    """A trailing possessive, the bare apostrophe too ("the Philippines'")."""
    return re.compile("(" + _alternation(words) + "|')$")


def _former(words: Any) -> re.Pattern[str]:
    """A hyphenated former-title prefix ("then-President", "ex-minister")."""
    return re.compile(r"\b(" + _alternation(words) + r")-", re.I)


def _any_of(words: Any) -> re.Pattern[str]:
    return re.compile(_alternation(words), re.I)


def _whole_word(words: Any) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _alternation(words) + r")\b", re.I)


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.I)


@dataclass(frozen=True, eq=False)
class Words:
    """The word lists of :mod:`sideline.stages.actors` (see each lexicon's ``_about``)."""

    # -- function words (syntax.json) -----------------------------------------------------------
    definite: frozenset[str] = entry("syntax", "definite")
    leading_article: re.Pattern[str] = entry("syntax", "definite", _leading)
    indefinite: frozenset[str] = entry("syntax", "indefinite_articles")
    coordinators: frozenset[str] = entry("syntax", "coordinators")
    clause_conjunctions: frozenset[str] = entry("syntax", "clause_conjunctions")
    opening_fillers: frozenset[str] = entry("syntax", "opening_fillers")
    plural_possessives: frozenset[str] = entry("syntax", "plural_possessives")
    allative: frozenset[str] = entry("syntax", "allative")
    year_preps: frozenset[str] = entry("syntax", "year_preps")
    clitics: frozenset[str] = entry("syntax", "possessive_clitics")
    clitic_alternation: str = entry("syntax", "possessive_clitics", _alternation)
    possessive: re.Pattern[str] = entry("syntax", "possessive_clitics", _trailing)
    country_possessive: re.Pattern[str] = entry("syntax", "possessive_clitics", _country_possessive)
    # -- titles (titles.json, organisations.json) --------------------------------------------------
    determiners: frozenset[str] = entry("titles", "title_determiners")
    possessors: frozenset[str] = entry("titles", "possessors")
    plural_words: frozenset[str] = entry("titles", "plural_words")
    connectors: frozenset[str] = entry("titles", "connectors")
    title_glue: frozenset[str] = entry("titles", "title_glue")
    scan_words_extra: frozenset[str] = entry("titles", "scan_words_extra")
    not_title_words: frozenset[str] = entry("titles", "not_title_words")
    former_prefix: re.Pattern[str] = entry("titles", "former_prefixes", _former)
    former_hyphenated: tuple[str, ...] = entry("titles", "former_hyphenated", tuple)
    plural_joins: tuple[str, ...] = entry("titles", "plural_joins", tuple)
    plural_heads: tuple[str, ...] = entry("titles", "plural_heads", tuple)
    shared_head: re.Pattern[str] = entry("titles", "shared_head_pattern", _pattern)
    shared_heads: dict[str, str] = entry("titles", "shared_heads", dict)  # read only
    leading: frozenset[str] = entry("titles", "leading_words")
    gatherings: frozenset[str] = entry("titles", "gathering_words")
    kept_in_names: frozenset[str] = entry("titles", "kept_in_names")
    to_titles: frozenset[str] = entry("titles", "to_titles")
    title_preps: frozenset[str] = entry("titles", "title_preps")
    complement_preps: frozenset[str] = entry("titles", "complement_preps")
    title_fillers: frozenset[str] = entry("titles", "title_fillers")
    world: frozenset[str] = entry("titles", "world_words")
    world_re: re.Pattern[str] = entry("titles", "world_words", _whole_word)
    bare_pair: tuple[str, ...] = entry("titles", "bare_pair_words", tuple)
    country_group: re.Pattern[str] = entry("titles", "country_group_words", _any_of)
    capitalised_pronouns: frozenset[str] = entry("titles", "capitalised_pronouns")
    group_heads: re.Pattern[str] = entry("titles", "group_heads_pattern", _pattern)
    group_head_forms: dict[str, str] = entry("titles", "group_head_forms", dict)  # read only
    world_group: str = entry("titles", "world_group", str)
    adjectival_bodies: tuple[str, ...] = entry("organisations", "adjectival_bodies", tuple)

    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None) -> "Words":
        """The record for ``data_dir`` (None: the packaged lexicons and ``$SIDELINE_DATA``)."""
        return lexicons.words(cls, data_dir)
