"""The offices stage: a participant named by a title alone, looked up again at its event's date.

The actors stage resolves "the French president" at the article's date, or at the period its
own clause states (:mod:`sideline.stages.actors.dated`); the date of the event is known only
once the time stage has read it, perhaps from another sentence ("The visit took place in
March 2011. The French president ..."). This stage, run after the time stage, looks such a
participant up again at its event's date: in an article of 2016 the French president of a
visit in March 2011 is the president of March 2011.

Cascade of :meth:`Offices.__call__` for each participant of each event:

1. The event's date is a day, a month or a year whose year the text itself wrote (a date
   read from "last week" leans on the article's date and may be wrong; the participant
   is left as the actors stage gave it), and the article's date (if any) lies outside it.
2. The participant is a person named by a title alone (no word of the person's name in the
   mention; not a former holder; not a plural), whom the document never names: a person the
   text names is the one the title means, whatever the date.
3. The title names its country or organisation; a counterpart ("his Ghanaian counterpart")
   takes the office of another person of the event.
4. Exactly one person held that office over the whole of the event's period: that person
   replaces the participant (the title's words kept as the mention). Nobody, or the office
   changing hands inside the period: the participant is left alone.
"""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import date

from ..knowledge.names import tokens
from ..knowledge.people import Knowledge
from ..records import Actor, Document, Event
from .actors.dated import Window, holder_in
from .actors.lexicon import ActorLexicon

__all__ = ["Offices", "event_period"]


def event_period(ev: Event) -> Window | None:
    """Step 1: the period of the event's date when the text wrote its year, else None."""
    return ev.when.told() if ev.when is not None else None


class Offices:
    name = "offices"
    requires = ("mentions", "events.when", "published")
    provides = ("events.actors",)

    def __init__(self, data_dir: str | os.PathLike | None = None, knowledge: Knowledge | None = None,
                 lexicon: ActorLexicon | None = None) -> None:
        """``knowledge`` and ``lexicon``: the actors stage's, to share (else loaded for ``data_dir``)."""
        self.data_dir = data_dir
        self.knowledge = knowledge or Knowledge.load(data_dir)
        self.lexicon = lexicon or ActorLexicon(data_dir)

    def __getstate__(self) -> dict:
        return {"data_dir": self.data_dir}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["data_dir"])

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        pub = doc.published or doc.article.published
        named = {m.actor.name for m in doc.mentions if m.actor is not None and m.label in ("PERSON", "HANDLE")}
        events = tuple(self._event(ev, pub, named) for ev in doc.events)
        return doc if events == doc.events else doc.with_(events=events)

    def _event(self, ev: Event, pub: date | None, named: set[str]) -> Event:
        period = event_period(ev)
        if period is None or pub is not None and period[0] <= pub <= period[1]:
            return ev
        actors = tuple(self._again(a, ev, period, named) for a in ev.actors)
        return ev if actors == ev.actors else replace(ev, actors=actors)

    def _again(self, a: Actor, ev: Event, period: Window, named: set[str]) -> Actor:
        """Step 2-4 for one participant."""
        if a.kind != "person" or a.name in named or not a.mention:
            return a
        if set(tokens(a.name)) & set(tokens(a.mention)):
            return a  # the mention holds the name
        info = self.lexicon.parse_title(a.mention)
        if info is None or info.plural or info.former or not (info.country or info.org):
            return a
        kb = self.knowledge
        if info.counterpart:
            other = next((o for o in ev.actors if o.kind == "person" and o.name != a.name), None)
            if other is None or not info.country:
                return a
            person = holder_in(lambda d: kb.counterpart_of(other.name, info.country, d), period)
        else:
            person = holder_in(lambda d: kb.holder(info.role, info.country or info.org, d), period)
        if person is None or person.name == a.name:
            return a
        day = period[0]
        return Actor(name=person.name, mention=a.mention, role=person.role(day), country=person.country(day),
                     code=person.code(day), kind="person")
