"""Who the text credits for a claim (``Event.attributed_to``); None for the article's own voice.

The reporting verbs, frames and report nouns are data (``data/en/reporting.json``).

Cascade of :meth:`Attributor.speaker` for a trigger:

1. A reporting verb above the trigger (the trigger lies in its complement, not in its
   subject): its subject, or its object for quote/cite ("media quoted Ryabkov as saying");
   a relative pronoun stands for its antecedent ("Ahmad, who confirmed the visit"); a
   report noun as subject stands for its author ("a Foreign Ministry statement said"); a
   reporting verb with no speaker of its own ("it is also mentioned that") keeps the source
   credited just before.
2. A frame in the trigger's sentence: "according to X", "citing X", "as reported by X".
3. A reporting verb of the same sentence that is the root while the trigger sits in a
   quotation or a parenthesis ("“...,” she said"), or that closes the sentence after a comma
   ("..., the agency reported.") whatever clause the parser hung it on.
4. A quotation spanning sentences: the trigger's sentence opens or continues a quote
   that a later sentence (at most three on) closes with a reporting verb.
5. None: the article's own voice.

The speaker phrase is resolved like a participant (mentions, pronouns, titles). A spokesperson
or envoy without a name takes the name the text gives that title nearby ("her spokeswoman
said ... spokeswoman Martina Fietz said"); an unnamed official is credited to the institution
the words name ("a State Department spokesperson" -> State Department), else to its words.
Names inside a dateline ("Danang: ...") are never speakers.
"""
from __future__ import annotations

from typing import Any

from ...lexicons import load
from ...records import Claim
from .resolve import Resolver, clean_name
from .arguments import dateline_end
from .triggers import Trigger
from .words import Words

__all__ = ["Attributor"]

_QUOTES_OPEN = "“\"«"
_QUOTES_CLOSE = "”\"»"
_SPEAKER_DEPS = ("nsubj", "nsubjpass", "csubj")
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "prep", "obj", "oprd", "dep")


def _names_a_person(head: Any, resolver: Resolver) -> bool:
    """The speaker phrase names its person ("spokesman Dmitry Peskov"; not "Putin's spokesman")."""
    owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    return any((m := resolver.discourse.mention_at(t)) is not None and m.label == "PERSON"
               for t in head.subtree if t != head and t.i not in owned)


class Attributor:
    """Reporting lexicon (``data/en/reporting.json``) and the attribution rules. ``words``: the
    events stage's word record (else the one of ``data_dir``)."""

    def __init__(self, data_dir: str | None = None, words: Words | None = None) -> None:
        d = load("reporting", data_dir)
        self.w = words or Words.load(data_dir)
        self.verbs = frozenset(d["verbs"])
        self.object_speaker = frozenset(d["object_speaker"])
        self.from_speaker = frozenset(d.get("from_speaker", ()))
        self.report_nouns = frozenset(d["report_nouns"])
        self.frames = tuple(d["frames"])
        #: one-word frames ("citing X") and two-word frames ("according to X"), as word tuples
        self._frames = [tuple(f.split()) for f in self.frames if len(f.split()) <= 2]
        self.dismissals = frozenset(d.get("dismissals", ()))

    def speaker(self, trig: Trigger, resolver: Resolver, sents: list[Any], k: int) -> Claim | None:
        """Steps 1-5 for the trigger of sentence ``sents[k]``."""
        head = self._reporting_head(trig.token)
        if head is not None:
            claim = self._speaker_of_verb(head, resolver)
            if claim is not None:
                return claim
            if self._agentless(head):  # "It is also mentioned that ...": the source just cited
                return resolver.discourse.last_claim
        claim = self._frame(trig.token.sent, resolver)
        if claim is not None:
            return claim
        return self._quote_across(sents, k, resolver)

    def dismisser(self, trig: Trigger, resolver: Resolver) -> Claim | None:
        """Who calls the report of this engagement untrue: "a spokesman said reports that the
        president plans to fly to Hanoi in May were a canard" (a second claim, denied, by the
        spokesman): a report word before the trigger, a dismissal after it, a reporting verb at
        the root."""
        tok, sent = trig.token, trig.token.sent
        if not any(t.lemma_.lower() in self.report_nouns and t.i < tok.i for t in sent) \
                or not any(t.lemma_.lower() in self.dismissals and t.i > tok.i for t in sent):
            return None
        root = sent.root
        if root.lemma_.lower() not in self.verbs or root.i > tok.i:
            return None
        return self._speaker_of_verb(root, resolver)

    def _agentless(self, verb: Any) -> bool:
        """A reporting verb without a speaker of its own: "it is learnt", "it was also mentioned"."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return all(c.lower_ in self.w.expletives for c in subj) and not any(c.dep_ == "agent" for c in verb.children)

    # -- step 1 -------------------------------------------------------------------------------
    def _reporting_head(self, tok: Any) -> Any | None:
        t = tok
        for _ in range(10):
            if t.head == t:
                return None
            child, t = t, t.head
            if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX") and child.dep_ not in _SPEAKER_DEPS:
                if child.dep_ in _COMPLEMENTS \
                        or child.dep_ == "nsubj" and t.dep_ == "ccomp":
                    return t
        return None

    def _speaker_of_verb(self, verb: Any, resolver: Resolver) -> Claim | None:
        if verb.lemma_.lower() in self.from_speaker:  # "X has learnt from the press service"
            srcs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in self.w.ablative
                    for g in c.children if g.dep_ == "pobj"]
            if srcs:
                return self._claim(srcs[0], resolver)
        if verb.lemma_.lower() in self.object_speaker:
            objs = [c for c in verb.children if c.dep_ in ("dobj",)]
            if objs:
                return self._claim(objs[0], resolver)
        subj = [c for c in verb.children if c.dep_ in _SPEAKER_DEPS and c.i >= dateline_end(c.sent, self.w)
                and c.lower_ not in self.w.expletives]
        if not subj:
            if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.verbs:
                return self._speaker_of_verb(verb.head, resolver)  # "Kyodo said it had confirmed plans"
            if verb.dep_ == "pcomp" and verb.head.head.lemma_.lower() in self.verbs:
                return self._speaker_of_verb(verb.head.head, resolver)  # "quoted X as saying"
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
                return self._speaker_of_verb(verb.head, resolver) if verb.head.lemma_.lower() in self.verbs \
                    else self._claim_from_subject_of(verb.head, resolver)
            return None
        if subj[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return self._claim(verb.head, resolver)  # "Mr. Ahmad, who confirmed the visit"
        return self._claim(subj[0], resolver)

    def _claim_from_subject_of(self, verb: Any, resolver: Resolver) -> Claim | None:
        subj = [c for c in verb.children if c.dep_ in _SPEAKER_DEPS]
        return self._claim(subj[0], resolver) if subj else None

    # -- step 2-3 -----------------------------------------------------------------------------
    def _frame(self, sent: Any, resolver: Resolver) -> Claim | None:
        for tok in sent:
            low = tok.lower_
            for frame in self._frames:
                if len(frame) == 2 and low == frame[0] and tok.i + 1 < sent.end \
                        and tok.doc[tok.i + 1].lower_ == frame[1]:  # "according to X"
                    objs = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
                    if objs:
                        return self._claim(objs[0], resolver)
            if (low,) in self._frames and tok.dep_ != "ROOT":  # "citing X"
                objs = [g for g in tok.children if g.dep_ in ("dobj", "pobj")]
                if objs and tok.head.lemma_.lower() not in self.verbs:
                    return self._claim(objs[0], resolver)
        for tok in sent:  # "as reported by the press service"
            if tok.lemma_.lower() in self.verbs and any(c.dep_ == "mark" and c.lower_ in self.w.as_conj
                                                        for c in tok.children):
                agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                if agents:
                    return self._claim(agents[0], resolver)
        last = [t for t in sent if not (t.is_punct or t.is_space)][-1:]
        if last and self._closing(last[0]):  # "..., The New Arab's service reported." misparsed
            return self._speaker_of_verb(last[0], resolver)
        root = sent.root
        if root.lemma_.lower() in self.verbs and any(c.dep_ in _SPEAKER_DEPS for c in root.children):
            if any(t.text in _QUOTES_OPEN + _QUOTES_CLOSE for t in sent):
                return self._speaker_of_verb(root, resolver)
        return None

    def _closing(self, verb: Any) -> bool:
        """A reporting verb that closes the sentence after a comma and its subject ("..., the
        agency reported."), whatever clause the parser hung it on."""
        if verb.lemma_.lower() not in self.verbs or verb.pos_ != "VERB" or verb.dep_ == "ROOT":
            return False
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        start = subj[0].left_edge.i if subj else verb.i
        return bool(subj) and start > verb.sent.start and verb.doc[start - 1].text == ","

    # -- step 4 -------------------------------------------------------------------------------
    def _quote_across(self, sents: list[Any], k: int, resolver: Resolver) -> Claim | None:
        sent = sents[k]
        opens = sum(1 for t in sent if t.text in _QUOTES_OPEN and t.text != '"')
        if not (sent.text.lstrip()[:1] in _QUOTES_OPEN or opens):
            return None
        if any(t.text in "”" for t in sent) and sent.text.rstrip()[-1:] not in "”\"":
            return None  # closed inside the sentence without a reporting verb: no speaker here
        for nxt in sents[k + 1: k + 4]:
            if any(t.text in _QUOTES_CLOSE for t in nxt):
                for tok in nxt:
                    if tok.lemma_.lower() in self.verbs and tok.pos_ == "VERB":
                        claim = self._speaker_of_verb(tok, resolver)
                        if claim is not None:
                            return claim
                return None
        return None

    # -- the speaker phrase -----------------------------------------------------------------------
    def _claim(self, tok: Any, resolver: Resolver) -> Claim | None:
        w = self.w
        if tok.i < dateline_end(tok.sent, w):
            return None  # "Danang: ... , the White House said": not the place of the dateline
        head = tok
        if tok.lemma_.lower() in self.report_nouns:
            owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "nmod")]
            owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in w.owner_preps
                       for g in c.children if g.dep_ == "pobj"]
            named = [o for o in owners if o.pos_ == "PROPN" or resolver.discourse.mention_at(o) is not None]
            if named and tok.lemma_.lower() not in w.voice_nouns:
                head = named[-1]
        people = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if people and head.ent_type_ != "PERSON":
            head = people[0]  # "the ministry's spokeswoman, Maria Zakharova, said": the person
        nameless = not _names_a_person(head, resolver)
        unnamed = nameless and head.lemma_.lower() in w.unnamed_nouns
        spokes = nameless and head.lemma_.lower() in w.spokes_nouns
        r = resolver.actors_of(head, strict=True) if not (unnamed or spokes) else None
        if r is None:
            named_later = resolver.discourse.titled_person(head.lower_, near=head.i) \
                or resolver.discourse.person_with_role(head.lower_, near=head.i)  # "her spokeswoman said. ...
            if named_later is not None and head.lemma_.lower() in w.spokes_nouns:  # spokeswoman Martina Fietz"
                return Claim(name=named_later.name, mention=" ".join(t.text for t in head.subtree), actor=named_later)
            return self._unnamed(head, resolver)
        if r.actors and len(r.actors) == 1 and not (head.pos_ == "NOUN" and r.actors[0].kind != "person"
                                                     and head.lemma_.lower() not in self.report_nouns):
            a = r.actors[0]
            if head.lemma_.lower() in resolver.titles or resolver.discourse.mention_at(head) is not None:
                return Claim(name=a.name, mention=a.mention, actor=a)
            return Claim(name=a.name, mention=_phrase(head, w), actor=a)  # "the Akorda's press service"
        if head.pos_ == "PRON":
            return None
        return self._unnamed(head, resolver)

    def _unnamed(self, head: Any, resolver: Resolver) -> Claim | None:
        """A speaker without a name: credited to the institution it speaks for, if the words name one
        ("a State Department spokesperson" -> State Department), else to its own words."""
        words = [t for t in head.subtree if t.dep_ not in ("relcl", "punct", "acl", "appos") and t.i <= head.i + 6]
        text = clean_name(" ".join(t.text for t in words), self.w)
        if not text or len(text) < 3:
            return None
        orgs = [m for m in resolver.discourse.mentions_in(words) if m.label == "ORG"]
        if orgs:
            a = resolver.discourse.actor(orgs[0])
            return Claim(name=a.name, mention=text, actor=a)
        names = [t for t in words if t.pos_ == "PROPN" and t.i < head.i and t.dep_ in ("compound", "nmod", "poss")]
        owner = [t for n in names if n.dep_ == "poss" for t in n.subtree if t.pos_ == "PROPN"]
        if len(names) >= 2 and head.lemma_.lower() in self.w.unnamed_nouns:  # "a State Department spokesperson"
            return Claim(name=" ".join(t.text for t in names), mention=text)
        if owner and head.pos_ == "NOUN":  # "The New Arab's Arabic-language service": its owner
            return Claim(name=" ".join(t.text for t in owner), mention=text)
        return Claim(name=text, mention=text)



def _phrase(head: Any, w: Words) -> str:
    """The words of a speaker phrase, without clauses ("the Akorda's press service")."""
    return clean_name(" ".join(t.text for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos")
                               and t.i <= head.i), w)
