"""The English words of the events rules, as one frozen record (:class:`Words`).

Every field names the lexicon and key it comes from (``data/en/syntax.json``: function
words; ``participants.json``; ``triggers.json``; ``status_cues.json``; ``reporting.json``;
``titles.json``; ``demonyms.json``); a user's files of the same names extend them. The
``Events`` stage builds one record with its ``data_dir`` and hands it down; a rule called
without one reads :meth:`Words.load` (the packaged lexicons).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from ... import lexicons
from ...lexicons import entry

__all__ = ["Words"]


def _lead(articles: Any) -> re.Pattern[str]:
    """A leading article ("the Kremlin" -> "Kremlin")."""
    return re.compile(r"^(" + "|".join(re.escape(a) for a in articles) + r")\s+", re.I)


def _possessive(clitics: Any) -> re.Pattern[str]:
    """A trailing possessive ("Russia's", "the Philippines'")."""
    return re.compile("(" + "|".join(re.escape(c) for c in clitics) + "|['’])$")


@dataclass(frozen=True, eq=False)
class Words:
    """The word lists of :mod:`sideline.stages.events` (see each lexicon's ``_about``)."""

    # -- function words (syntax.json) -----------------------------------------------------------
    articles: frozenset[str] = entry("syntax", "articles")
    lead_article: re.Pattern[str] = entry("syntax", "articles", _lead)
    definite: frozenset[str] = entry("syntax", "definite")
    nonspecific: frozenset[str] = entry("syntax", "nonspecific_determiners")
    anaphoric: frozenset[str] = entry("syntax", "anaphoric_determiners")
    they: frozenset[str] = entry("syntax", "they_pronouns")
    it: frozenset[str] = entry("syntax", "it_pronouns")
    person_pronouns: frozenset[str] = entry("syntax", "person_pronouns")
    plural_possessives: frozenset[str] = entry("syntax", "plural_possessives")
    relative_pronouns: frozenset[str] = entry("syntax", "relative_pronouns")
    expletives: frozenset[str] = entry("syntax", "expletives")
    possessive: re.Pattern[str] = entry("syntax", "possessive_clitics", _possessive)
    coordinators: frozenset[str] = entry("syntax", "coordinators")
    contrast: frozenset[str] = entry("syntax", "contrast")
    when: frozenset[str] = entry("syntax", "when_adverbs")
    dismissing_questions: frozenset[str] = entry("syntax", "dismissing_question_words")
    as_conj: frozenset[str] = entry("syntax", "as_conj")
    infinitive: frozenset[str] = entry("syntax", "infinitive")
    genitive: frozenset[str] = entry("syntax", "genitive")
    agentive: frozenset[str] = entry("syntax", "agentive")
    comitative: frozenset[str] = entry("syntax", "comitative")
    ablative: frozenset[str] = entry("syntax", "ablative")
    allative: frozenset[str] = entry("syntax", "allative")
    inessive: frozenset[str] = entry("syntax", "inessive")
    purpose: frozenset[str] = entry("syntax", "purpose")
    reciprocal: frozenset[str] = entry("syntax", "reciprocal")
    member_preps: frozenset[str] = entry("syntax", "member_preps")
    partner_preps: frozenset[str] = entry("syntax", "partner_preps")
    meeting_preps: frozenset[str] = entry("syntax", "meeting_preps")
    participant_preps: frozenset[str] = entry("syntax", "participant_preps")
    destination_preps: frozenset[str] = entry("syntax", "destination_preps")
    site_preps: frozenset[str] = entry("syntax", "site_preps")
    place_preps: frozenset[str] = entry("syntax", "place_preps")
    office_preps: frozenset[str] = entry("syntax", "office_preps")
    speak_preps: frozenset[str] = entry("syntax", "speak_preps")
    owner_preps: frozenset[str] = entry("syntax", "owner_preps")
    anchor_preps: frozenset[str] = entry("syntax", "anchor_preps")
    phase_nouns: frozenset[str] = entry("syntax", "phase_nouns")
    sequence_preps: frozenset[str] = entry("syntax", "sequence_preps")
    setting_preps: frozenset[str] = entry("syntax", "setting_preps")
    caption_positions: frozenset[str] = entry("syntax", "caption_positions")
    caption_letters: frozenset[str] = entry("syntax", "caption_letters")
    np_preps: frozenset[str] = entry("syntax", "np_preps")
    listing: frozenset[str] = entry("syntax", "listing_words")
    future_aux: frozenset[str] = entry("syntax", "future_aux")
    intent_aux: frozenset[str] = entry("syntax", "intent_aux")
    doubt_modals: frozenset[str] = entry("syntax", "doubt_modals")
    hedge_modals: frozenset[str] = entry("syntax", "hedge_modals")
    going: frozenset[str] = entry("syntax", "going")
    past_perfect_aux: frozenset[str] = entry("syntax", "past_perfect_aux")
    been: frozenset[str] = entry("syntax", "been")
    past_be: frozenset[str] = entry("syntax", "past_be")
    copulas: frozenset[str] = entry("syntax", "copulas")
    # -- participants (participants.json, titles.json, demonyms.json) ------------------------------
    offer_nouns: frozenset[str] = entry("participants", "offer_nouns")
    proposer_nouns: frozenset[str] = entry("participants", "proposer_nouns")
    control_verbs: frozenset[str] = entry("participants", "control_verbs")
    object_gerund_preps: frozenset[str] = entry("participants", "object_gerund_preps")
    addressed_verbs: frozenset[str] = entry("participants", "addressed_verbs")
    speaking_verbs: frozenset[str] = entry("participants", "speaking_verbs")
    gathering_verbs: frozenset[str] = entry("participants", "gathering_verbs")
    venue_preps: frozenset[str] = entry("participants", "venue_preps")
    own_preps: frozenset[str] = entry("participants", "own_preps")
    participle_preps: frozenset[str] = entry("participants", "participle_preps")
    sequence_participles: frozenset[str] = entry("participants", "sequence_participles")
    pay_verbs: frozenset[str] = entry("participants", "pay_verbs")
    pay_preps: frozenset[str] = entry("participants", "pay_preps")
    visit_occasion_preps: frozenset[str] = entry("participants", "visit_occasion_preps")
    dateline_words: frozenset[str] = entry("participants", "dateline_words")
    pair_numbers: frozenset[str] = entry("participants", "pair_numbers")
    title_nouns: frozenset[str] = entry("triggers", "title_nouns")
    group_nouns: frozenset[str] = entry("triggers", "group_nouns")
    pair_nouns: frozenset[str] = entry("participants", "pair_nouns")
    pair_alone: frozenset[str] = entry("participants", "pair_alone")
    say_verbs: frozenset[str] = entry("participants", "say_verbs")
    from_list: frozenset[str] = entry("participants", "from_list_words")
    group_name_skip: frozenset[str] = entry("participants", "group_name_skip")
    lands: frozenset[str] = entry("participants", "lands")
    home_nouns: frozenset[str] = entry("participants", "home_nouns")
    visiting: frozenset[str] = entry("participants", "visiting")
    guest_nouns: frozenset[str] = entry("participants", "guest_nouns")
    posted_roles: frozenset[str] = entry("participants", "posted_roles")
    np_place_preps: frozenset[str] = entry("participants", "np_place_preps")
    first: frozenset[str] = entry("participants", "first_words")
    since: frozenset[str] = entry("participants", "since_preps")
    span_preps: frozenset[str] = entry("participants", "span_preps")
    span_nouns: frozenset[str] = entry("participants", "span_nouns")
    include_verbs: frozenset[str] = entry("participants", "include_verbs")
    visited_preps: frozenset[str] = entry("participants", "visited_preps")
    trip_verbs: frozenset[str] = entry("participants", "trip_verbs")
    respectively: frozenset[str] = entry("participants", "respectively")
    legislature: str = entry("participants", "legislature", str)
    legislature_unknown: str = entry("participants", "legislature_unknown", str)
    not_venue_nouns: frozenset[str] = entry("participants", "not_venue_nouns")
    gathering_nouns: frozenset[str] = entry("participants", "gathering_nouns")
    receiving_verbs: frozenset[str] = entry("participants", "receiving_verbs")
    leading_verbs: frozenset[str] = entry("participants", "leading_verbs")
    honour_nouns: frozenset[str] = entry("participants", "honour_nouns")
    gathering_members: tuple[str, ...] = entry("participants", "gathering_members", tuple)
    leader_gatherings: frozenset[str] = entry("participants", "leader_gatherings")
    default_members: str = entry("participants", "default_members", str)
    first_person: frozenset[str] = entry("titles", "first_person")
    first_plural: frozenset[str] = entry("titles", "first_plural")
    he: frozenset[str] = entry("titles", "pronouns")
    name_prefixes: frozenset[str] = entry("titles", "name_prefixes")
    stems: dict[str, str] = entry("demonyms", "stems", dict)  # read only
    sovereigns: dict[str, str] = entry("demonyms", "sovereigns", dict)  # read only: territory -> its state
    # -- triggers (triggers.json) ------------------------------------------------------------------
    caption_verbs: frozenset[str] = entry("triggers", "caption_verbs")
    joined_by_verbs: frozenset[str] = entry("triggers", "joined_by_verbs")
    attend_verbs: frozenset[str] = entry("triggers", "attend_verbs")
    absent_verbs: frozenset[str] = entry("triggers", "absent_verbs")
    invite_verbs: frozenset[str] = entry("triggers", "invite_verbs")
    address_words: frozenset[str] = entry("triggers", "address_words")
    call_verbs: frozenset[str] = entry("triggers", "call_verbs")
    bare_call_verbs: frozenset[str] = entry("triggers", "bare_call_verbs")
    call_on_preps: frozenset[str] = entry("triggers", "call_on_preps")
    call_not_preps: frozenset[str] = entry("triggers", "call_not_preps")
    call_partner_preps: frozenset[str] = entry("triggers", "call_partner_preps")
    carrier_verbs: frozenset[str] = entry("triggers", "carrier_verbs")
    phone_verbs: frozenset[str] = entry("triggers", "phone_verbs")
    speak_verbs: frozenset[str] = entry("triggers", "speak_verbs")
    partner_verbs: frozenset[str] = entry("triggers", "partner_verbs")
    company_verbs: frozenset[str] = entry("triggers", "company_verbs")
    co_verbs: frozenset[str] = entry("triggers", "co_verbs")
    meal_nouns: frozenset[str] = entry("triggers", "meal_nouns")
    contact_verbs: frozenset[str] = entry("triggers", "contact_verbs")
    motion_verbs: frozenset[str] = entry("triggers", "motion_verbs")
    talk_verbs: frozenset[str] = entry("triggers", "talk_verbs")
    phone_nouns: frozenset[str] = entry("triggers", "phone_nouns")
    phone_words: frozenset[str] = entry("triggers", "phone_words")
    light_verbs: frozenset[str] = entry("triggers", "light_verbs")
    measure_nouns: frozenset[str] = entry("participants", "measure_nouns")
    part_nouns: frozenset[str] = entry("participants", "part_nouns")
    part_verbs: frozenset[str] = entry("participants", "part_verbs")
    represent_verbs: frozenset[str] = entry("participants", "represent_verbs")
    courtesy_nouns: frozenset[str] = entry("triggers", "courtesy_nouns")
    courtesy_words: frozenset[str] = entry("triggers", "courtesy_words")
    with_nouns: frozenset[str] = entry("triggers", "with_nouns")
    possessed_nouns: frozenset[str] = entry("triggers", "possessed_nouns")
    phone_only_nouns: frozenset[str] = entry("triggers", "phone_only_nouns")
    adjective_nouns: frozenset[str] = entry("triggers", "adjective_nouns")
    sideline_nouns: frozenset[str] = entry("triggers", "sideline_nouns")
    prefilter_forms: tuple[str, ...] = entry("triggers", "prefilter_forms", tuple)
    # -- status (status_cues.json) -----------------------------------------------------------------
    report_stop: frozenset[str] = entry("status_cues", "report_verbs")
    status_anchors: frozenset[str] = entry("status_cues", "anchor_preps")
    topic_nouns: frozenset[str] = entry("status_cues", "topic_nouns")
    happen_verbs: frozenset[str] = entry("status_cues", "happen_verbs")
    purpose_motion: frozenset[str] = entry("status_cues", "motion_verbs")
    not_words: frozenset[str] = entry("status_cues", "not_words")
    scheduled: frozenset[str] = entry("status_cues", "scheduled")
    overtaken: frozenset[str] = entry("status_cues", "overtaken_adverbs")
    earlier_report: frozenset[str] = entry("status_cues", "earlier_report_adverbs")
    counterfactual_modals: frozenset[str] = entry("status_cues", "counterfactual_modals")
    counterfactual_perfect: frozenset[str] = entry("status_cues", "counterfactual_perfect")
    during_preps: frozenset[str] = entry("status_cues", "during_preps")
    time_cues: frozenset[str] = entry("status_cues", "time_cues")
    glad_words: frozenset[str] = entry("status_cues", "glad_words")
    brief_verbs: frozenset[str] = entry("status_cues", "brief_verbs")
    brief_preps: frozenset[str] = entry("status_cues", "brief_preps")
    floated: frozenset[str] = entry("status_cues", "floated")
    acceptance: frozenset[str] = entry("status_cues", "acceptance")
    ahead: frozenset[str] = entry("status_cues", "ahead_words")
    before: frozenset[str] = entry("status_cues", "before_words")
    fact_modifiers: frozenset[str] = entry("status_cues", "fact_modifiers")
    complement_only: frozenset[str] = entry("status_cues", "complement_only")
    # -- attribution (reporting.json) --------------------------------------------------------------
    frames: tuple[str, ...] = entry("reporting", "frames", tuple)
    spokes_nouns: frozenset[str] = entry("reporting", "spokes_nouns")
    unnamed_nouns: frozenset[str] = entry("reporting", "unnamed_nouns")
    voice_nouns: frozenset[str] = entry("reporting", "voice_nouns")
    outlets: frozenset[str] = entry("reporting", "outlets")

    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None) -> "Words":
        """The record for ``data_dir`` (None: the packaged lexicons and ``$SIDELINE_DATA``)."""
        return lexicons.words(cls, data_dir)
