"""The place stage: find place expressions and give each event a ``where``.

Places (``doc.places``) are NER GPE/LOC/FAC entities, the venues and occasions of
``data/en/venues.json``, and place names the NER missed or took for a person after a locative
word ("in Abuja"), each geocoded by :class:`~sideline.knowledge.gazetteer.Gazetteer`. What each place
does in its clause (locative, visited, attribution, participant, metonym) comes from
:func:`sideline.stages.place.roles.role`.

Each event's ``where`` comes from the first step of this cascade that gives one:

0. a phone or video call has no place (``where`` stays None);
1. for a visit, the place visited: the place that names the visit's host ("travel to the
   UK, Spain and Poland" gives one visit per country), "arrived in New York", "visit to
   Kazakhstan", "his trip to Cuba", "in Moscow on a visit", "his Cuba visit";
2. a place attached to the event's clause in the parse: "met ... in Moscow", "talks at
   the Kremlin", "held in Geneva", "during a visit to Vladivostok", "Abuja will host the
   summit", "on the sidelines of the 78th session of the UN General Assembly" (a recurring
   occasion takes the place stated with it: "the BRICS summit in Kazan");
3. a photo caption's meeting (:mod:`sideline.stages.events.captions`): the caption's first place;
   a place stated in the same sentence in a locative role (not a demonym, not a participant
   such as "delegates from Jordan", not a metonym such as "Moscow said", not a topic such
   as "the conflict in Yemen", not another event's place); a place in an attribution ("the
   ministry in Moscow said") only when it is the sentence's only one;
4. the fixed place of an occasion named in the sentence (UNGA -> New York);
5. the place the context sets, in this order: an earlier located event of the same
   paragraph, a place stated earlier in the paragraph, the dateline ("NEW YORK, Sept 26 -"),
   the place an occurred visit of the article went to, the last located event before, the
   last place stated before; an event in the headline or lead with none of these takes the
   story's first located place. A recurring occasion named with no place takes the place the
   article gives it elsewhere ("the G20 summit in Brisbane") before the context. A visit keeps
   a place the context lends only when it lies in the country the visit goes to, else it is
   placed in that country ("I have visited his country" under an Ottawa dateline: Mexico).

Context is not used for an event dated months before publication (background: "they last
met in 2015"), and an earlier event lends its place only to an event that shares a
participant with it and is dated near it.

A bare country is then refined to a city of it that the dateline gives (for events of the
dateline's paragraph and the next), that the sentence before or after states in a locative
role ("a visit to the DRC ... due to travel to Kinshasa"), or, for a visit of the story,
the one city of it the article places anything in ("I will travel to Poland ... In Warsaw
I will meet ..."). A venue without a city of its own (a State House) takes the city of the
article's country, or a place named right after it ("the Presidential Villa, Abuja").

Last, the copies of one claim split by place ("held summits in Prague and in Washington")
take one named place each, and a trip with no destination named that lies in the
traveller's own country ("arrives for a ceremony at West Point, New York") is dropped: it is
no diplomatic visit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ...knowledge.gazetteer import Gazetteer, gazetteer, norm_key
from ..events.captions import CUE as PICTURED
from ..nlp import parsed_spans
from .context import Context, Found, dateline, event_start, within
from .roles import Role, cues, role
from ...records import Actor, Document, Event, EventType, Place as PlaceRecord, Span, Where

__all__ = ["Place"]

NER_LABELS = ("GPE", "LOC", "FAC")
BIG_CITY = 500_000  # a name the NER took for a person is still a place after "in" if it is this big


class Place:
    """The place stage (see the module docstring). ``data_dir``: a directory of the user's own
    place data (``venues.json``, ``place_aliases.json``) merged over the packaged files. The
    gazetteer is built on first use and shared by the stages of a process."""

    name = "place"
    requires = ("text", "parse", "events", "published")
    provides = ("places", "events.where")

    def __init__(self, data_dir: str | None = None) -> None:
        self.data_dir = data_dir
        self._gaz: Gazetteer | None = None

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = gazetteer(self.data_dir)
        return self._gaz

    def __getstate__(self) -> dict[str, Any]:
        return {"data_dir": self.data_dir, "_gaz": None}

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        dl = dateline(doc.text, self.gaz)
        found = self.find(doc, dl)
        places = tuple(PlaceRecord(Span(f.start, f.end), f.text, f.where) for f in found)
        return doc.with_(places=places, events=tuple(self._hosted(ev) for ev in self.locate_all(doc, found, dl)))

    def _hosted(self, ev: Event) -> Event:
        """A visit whose telling names no destination goes to the country it is placed in
        ("the cancellation of Biden's visit" placed in Berlin: Germany), not the visitor's own
        (a visitor of no known country is left alone: home and abroad cannot be told apart)."""
        if ev.type is not EventType.VISIT or len(ev.actors) != 1 or ev.where is None or not ev.where.country \
                or ev.actors[0].kind != "person" or ev.actors[0].country in (None, ev.where.country):
            return ev
        name = self.gaz.country_name(ev.where.country)
        if not name:
            return ev
        host = Actor(name=name, mention=ev.where.text or name, country=ev.where.country, code=ev.where.country,
                     kind="country")
        return replace(ev, actors=ev.actors + (host,))

    def _destination(self, ev: Event, w: Where | None) -> Where | None:
        """Step 5 for a visit: a place the context lends must lie in the country the visit goes
        to ("I have visited his country" under an Ottawa dateline: Mexico, not Canada)."""
        lands = [a.country for a in ev.actors[1:2] if a.kind in ("country", "government") and a.country]
        if ev.type is not EventType.VISIT or not lands or w is not None and w.country == lands[0]:
            return w
        entry = self.gaz.country(lands[0])
        return self.gaz.where_of(entry, ev.actors[1].mention) if entry is not None else w

    # -- finding --------------------------------------------------------------------------------
    def find(self, doc: Document, dl: tuple[Where, int] | None = None) -> list[Found]:
        """Every place expression in the text: venues and occasions, NER places, and place
        names the NER missed after a locative word ("in Abuja", "capital city, Abuja")."""
        text, countries = doc.text, self.article_countries(doc, dl)
        country = countries[0] if countries else None
        out = [Found(v.start, v.end, v.text, self._venue_where(v, countries),
                     "occasion" if v.is_occasion else "venue") for v in self.gaz.venues.find(text)]
        taken = [(f.start, f.end) for f in out]
        for ent in doc.parse.ents:
            s, e = ent.start_char, ent.end_char
            if ent.label_ not in NER_LABELS or any(s < b and a < e for a, b in taken):
                continue
            w = self.gaz.geocode(ent.text, country, place_context=True)
            if w is None and ent.label_ == "FAC":
                w = Where(name=None, venue=ent.text, text=ent.text)
            if w is not None:
                out.append(self._found(s, e, ent.text, w, ent.label_.lower()))
        out += self._missed(doc, out, country)
        out.sort(key=lambda f: f.start)
        return [self._complete_venue(f, out, text) for f in out]

    def _missed(self, doc: Document, out: list[Found], country: str | None) -> list[Found]:
        """Place names after a locative word that the NER missed, or took for a person or an
        organisation when the name is a country, a capital or a big city ("capital city, Abuja")."""
        taken = [(f.start, f.end) for f in out]
        other = [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ not in NER_LABELS]
        more = []
        for m in cues(self.data_dir).missed.finditer(doc.text):
            s, e = m.span("p")
            if any(s < b and a < e for a, b in taken):
                continue
            entry = self.gaz.lookup(m.group("p"), country, place_context=False)
            if entry is None or (any(s < b and a < e for a, b in other) and not (
                    entry.kind == "country" or entry.capital or entry.population >= BIG_CITY)):
                continue
            w = self.gaz.where_of(entry, m.group("p"), country)
            if w is not None and w.name:
                more.append(self._found(s, e, m.group("p"), w, "gpe"))
        return more

    def _found(self, start: int, end: int, text: str, w: Where, kind: str) -> Found:
        level = bool(w.name) and w.name == self.gaz.country_name(w.country)
        return Found(start, end, text, w, kind, level)

    def _venue_where(self, v: Any, countries: list[str]) -> Where:
        """A venue's place; one every country has (a State House) takes the first article
        country that has one."""
        for c in countries or [None]:
            w = self.gaz.venues.where(v, c)
            if w is not None and (w.name or not v.entry.by_country):
                return w
        return self.gaz.venues.where(v, None) or Where(None)

    def _complete_venue(self, f: Found, found: list[Found], text: str) -> Found:
        """A venue or occasion with no city takes the place named right after it
        ("the State House, Abuja", "a hotel in the resort of Sochi", "the regional forum in Lima")."""
        if f.named:
            return f
        nxt = next((g for g in found if g.start >= f.end and g.named and g.kind != "occasion"), None)
        if nxt is not None and cues(self.data_dir).join.fullmatch(text[f.end:nxt.start]):
            w = nxt.where
            return replace(f, where=replace(w, venue=f.where.venue, occasion=f.where.occasion, text=f.text))
        w = self.gaz.venues.place_after(text, f.end) if f.kind == "occasion" else None
        if w is not None:
            return replace(f, where=replace(w, occasion=f.where.occasion, text=f.text))
        return f

    def article_countries(self, doc: Document, dl: tuple[Where, int] | None = None) -> list[str]:
        """The dateline's country, then the countries its places name, most often first."""
        place = dl[0] if dl else None
        counts: Counter[str] = Counter()
        for ent in doc.parse.ents:
            if ent.label_ == "GPE":
                e = self.gaz.lookup(ent.text, place_context=True)
                if e is not None and e.country:
                    counts[e.country] += 1
        ranked = [c for c, _ in counts.most_common()]
        if place is not None and place.country:
            ranked = [place.country] + [c for c in ranked if c != place.country]
        return ranked

    # -- locating events ------------------------------------------------------------------------
    def locate_all(self, doc: Document, found: list[Found],
                   dl: tuple[Where, int] | None = None) -> tuple[Event, ...]:
        """Steps 0-4 for every event, then step 5 (context) and refinement for the rest."""
        order = sorted(range(len(doc.events)), key=lambda i: event_start(doc.events[i]))
        spans = parsed_spans(doc.parse)
        got = {i: self.locate(doc, doc.events[i], found, spans) for i in order}
        context = Context(doc, dl, found, self.gaz, cues(self.data_dir), spans)
        occasions = {f.where.occasion: f.where for f in found if f.kind == "occasion" and f.named}
        located = [(doc.events[i], got[i][0]) for i in order if got[i][1] in (1, 2, 3, 4) and got[i][0].name]
        out: dict[int, Where | None] = {}
        for i in order:
            w, step = got[i]
            if w is not None and not w.name and w.occasion in occasions:
                w = replace(occasions[w.occasion], text=w.text)
            if step == 5 or (w is not None and not w.name):
                w = self._destination(doc.events[i], context.fill(doc.events[i], w, located))
            out[i] = context.refine(doc.events[i], w)
        located = _spread(tuple(replace(ev, where=out[i]) for i, ev in enumerate(doc.events)), found)
        return tuple(ev for ev in located if not _home_trip(ev))

    def locate(self, doc: Document, ev: Event, found: list[Found],
               spans: tuple[tuple[int, int], ...]) -> tuple[Where | None, int]:
        """The event's place and the cascade step that gave it (0: none by rule, 5: ask the context)."""
        cue = cues(self.data_dir)
        if ev.type.value in cue.no_place_types:
            return None, 0
        sent = ev.sentence or ev.trigger
        here = [f for f in found if sent and sent.start <= f.start < sent.end]
        if not here:
            return None, 5
        if ev.status_cue == PICTURED:  # a photo caption: where it was taken ("in Cairo", "visit to Amman")
            return here[0].where, 3
        trig = _trigger_token(doc, ev)
        parsed = within(sent.start, sent.end, spans)
        roles = {id(f): role(doc.parse, f.start, f.end, trig, cue, parsed) for f in here}
        pick = _cascade(ev, here, roles, cue)
        if pick is None:
            return None, 5
        f, step = pick
        return _enrich(f.where, f, here, roles, cue), step


def _trigger_token(doc: Document, ev: Event) -> Any | None:
    if ev.trigger is None:
        return None
    span = doc.parse.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _usable(f: Found, r: Role, cue) -> bool:
    """A place in a locative role (an occasion also after 'sidelines of', 'during', 'attend')."""
    if f.kind == "occasion":
        return r.prep in cue.occasion_preps or r.prep == "dobj" or r.prep.startswith("visit-")
    return (r.prep in cue.locative or r.prep == "host" or r.prep.startswith("visit-")
            or (r.prep == "summit-of" and not f.country_level)
            or (r.prep == "dobj" and f.kind in ("venue", "fac")))


def _cascade(ev: Event, here: list[Found], roles: dict[int, Role], cue) -> tuple[Found, int] | None:
    """Steps 1-4 of the module docstring over the places of the event's sentence."""
    rank = sorted(here, key=lambda f: (not roles[id(f)].direct, roles[id(f)].distance))
    if ev.type.value == "visit":
        visited = _visited(ev, rank, roles, cue)
        if visited is not None:
            return visited, 1
    attached = [f for f in rank if roles[id(f)].attached and _usable(f, roles[id(f)], cue)]
    if attached:
        return ([f for f in attached if f.named and f.kind != "occasion"] or attached)[0], 2
    loc = [f for f in rank if _usable(f, roles[id(f)], cue) and f.named and f.kind != "occasion"]
    free = [f for f in loc if not roles[id(f)].attribution and not roles[id(f)].other_event]
    if free:
        return free[0], 3
    fixed = [f for f in rank if f.kind == "occasion" and f.named and roles[id(f)].prep not in ("subj", "poss")]
    if fixed:
        return fixed[0], 4
    if len(loc) == 1 and roles[id(loc[0])].attribution:
        return loc[0], 3
    return None


def _visited(ev: Event, rank: list[Found], roles: dict[int, Role], cue) -> Found | None:
    """Step 1: the host's place, else a place the visit's clause goes to, else any place the
    sentence has a visit go to ("on Musharraf's invitation to Pakistan, ... his trip")."""
    host = _host_place(ev, rank, roles, cue)
    if host is not None:
        return host
    for f in rank:
        r = roles[id(f)]
        if r.attached and f.named and f.kind != "occasion" and (
                r.prep in cue.visit_preps or r.prep == "dobj" or r.prep.startswith("visit-")):
            return f
    return next((f for f in rank if f.named and roles[id(f)].prep.startswith("visit-")
                 and not roles[id(f)].attribution), None)


def _host_place(ev: Event, here: list[Found], roles: dict[int, Role], cue) -> Found | None:
    """For a visit, the place of the sentence that names its host (the events stage lists the
    host country or city after the visitor): "travel to the UK, Spain and Poland" has one
    visit per country. A city of the host country in a visit role wins over the country."""
    usable = [f for f in here if f.named and f.kind != "occasion" and roles[id(f)].prep not in ("subj", "poss")]
    for actor in ev.actors[1:]:
        keys = {norm_key(actor.name), norm_key(actor.mention)}
        for f in usable:
            if norm_key(f.where.name) in keys or norm_key(f.text) in keys or (
                    f.country_level and actor.kind == "country" and f.where.country == actor.country):
                city = next((g for g in usable if not g.country_level and g.where.country == f.where.country
                             and _usable(g, roles[id(g)], cue)), None) if f.country_level else None
                return city or f
    return None


def _enrich(w: Where, f: Found, here: list[Found], roles: dict[int, Role], cue) -> Where:
    """Refine a country to a city of it named in the sentence; add the occasion; a venue
    or occasion without a city takes a city stated in the sentence."""
    near = [g for g in here if g is not f and _usable(g, roles[id(g)], cue)
            and (roles[id(g)].attached or not roles[id(g)].attribution)]
    if f.country_level:
        for g in near:
            if g.named and g.where.country == w.country and not g.country_level:
                w = replace(g.where, occasion=g.where.occasion or w.occasion, text=w.text)
                break
    if not w.occasion:
        occ = next((g for g in near if g.kind == "occasion" and (not g.named or g.where.name == w.name)), None)
        if occ is not None:
            w = replace(w, occasion=occ.where.occasion)
    if not w.name:
        city = next((g for g in near if g.named and g.kind in ("gpe", "loc")), None)
        if city is not None:
            w = replace(city.where, venue=w.venue, occasion=w.occasion, text=w.text)
    return w


def _spread(events: tuple[Event, ...], found: list[Found]) -> tuple[Event, ...]:
    """Copies of one claim made for "held summits in Prague and in Washington" (events stage,
    step 7) take the named places of their sentence in text order, one each."""
    out = list(events)
    groups: dict[tuple, list[int]] = {}
    for i, ev in enumerate(events):
        groups.setdefault((ev.trigger, ev.sentence, ev.status, ev.actors), []).append(i)
    for (_, sent, _, _), idx in groups.items():
        if len(idx) < 2 or sent is None:
            continue
        named = [f for f in found if sent.start <= f.start < sent.end and f.named and not f.country_level]
        if len(named) >= len(idx):
            for i, f in zip(idx, named[-len(idx):]):
                out[i] = replace(out[i], where=replace(f.where, text=f.text))
    return tuple(out)


def _home_trip(ev: Event) -> bool:
    """A trip with no destination named that the place stage puts in the traveller's own country
    ("Obama arrives for a commencement ceremony at West Point, New York") is no diplomatic visit."""
    if ev.type is not EventType.VISIT or len(ev.actors) != 1 or ev.where is None:
        return False
    who = ev.actors[0]
    return who.kind == "person" and bool(who.country) and ev.where.country == who.country

