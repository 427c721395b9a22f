"""Places: the gazetteer, venues and occasions (no model), and the place stage's cascade (slow).

Every sentence here is written for these tests.
"""
from __future__ import annotations

import json
import pickle
import time

import pytest

from sideline.knowledge.gazetteer import Gazetteer, gazetteer, norm_key
from sideline.records import Article, Document, Event, EventType, Evidence, Span, Status


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


# -- the gazetteer ------------------------------------------------------------------------------
def test_norm_key_folds_case_accents_and_stops():
    assert norm_key("Côte d’Ivoire") == "cote d'ivoire"
    assert norm_key("the U.S.") == "us"
    assert norm_key("St. Petersburg") == "saint petersburg"


@pytest.mark.parametrize("text, name, country", [
    ("Kiev", "Kyiv", "UKR"), ("Kyiv", "Kyiv", "UKR"), ("Peking", "Beijing", "CHN"),
    ("Bombay", "Mumbai", "IND"), ("Burma", "Myanmar", "MMR"), ("Britain", "United Kingdom", "GBR"),
    ("Great Britain", "United Kingdom", "GBR"), ("UK", "United Kingdom", "GBR"),
    ("Ivory Coast", "Ivory Coast", "CIV"), ("Côte d'Ivoire", "Ivory Coast", "CIV"),
    ("The Hague", "The Hague", "NLD"), ("Washington D.C.", "Washington", "USA"),
    ("the U.S.", "United States", "USA"), ("New York", "New York", "USA"),
    ("St Petersburg", "Saint Petersburg", "RUS"), ("Yaounde", "Yaoundé", "CMR"),
])
def test_aliases(gaz, text, name, country):
    w = gaz.geocode(text)
    assert (w.name, w.country) == (name, country)
    assert w.text == text


def test_a_city_has_coordinates_and_a_country_its_centre(gaz):
    paris = gaz.geocode("Paris")
    assert paris.country == "FRA" and abs(paris.lat - 48.85) < 0.1 and abs(paris.lon - 2.35) < 0.1
    france = gaz.geocode("France")
    assert france.name == "France" and 42 < france.lat < 51


def test_short_names_must_be_capitals(gaz):
    assert gaz.geocode("US").country == "USA"
    assert gaz.geocode("us") is None


def test_common_words_and_person_names_need_a_place_context(gaz):
    for word in ("Nice", "Mobile", "Of", "Jordan", "Chad"):
        assert gaz.geocode(word) is None, word
    assert gaz.geocode("Nice", place_context=True).country == "FRA"
    jordan = gaz.geocode("Jordan", place_context=True)
    assert (jordan.name, jordan.country) == ("Jordan", "JOR")


def test_ambiguous_cities_prefer_population_then_the_context_country(gaz):
    assert gaz.geocode("Kazan").country == "RUS"
    assert gaz.geocode("Delhi").country == "IND"
    assert gaz.geocode("Birmingham").country == "GBR"
    assert gaz.geocode("Birmingham", context_country="USA").country == "USA"


def test_a_country_wins_over_a_city_of_its_name(gaz):
    assert gaz.geocode("Kuwait").name == "Kuwait" and gaz.lookup("Kuwait").kind == "country"
    assert gaz.lookup("Kuwait City").kind == "city"


def test_city_with_country_and_city_of(gaz):
    assert gaz.geocode("Warsaw, Poland").name == "Warsaw"
    assert gaz.geocode("the city of Bogor").name == "Bogor"


def test_unknown_and_stop_words(gaz):
    assert gaz.geocode("Qwertyville") is None
    assert gaz.geocode("the capital") is None


def test_lookups_are_fast(gaz):
    t = time.perf_counter()
    for _ in range(5000):
        gaz.geocode("Moscow")
        gaz.geocode("Qwertyville")
    assert time.perf_counter() - t < 1.0


# -- venues and occasions -----------------------------------------------------------------------
@pytest.mark.parametrize("text, city, venue", [
    ("the Kremlin", "Moscow", "the Kremlin"), ("JKIA", "Nairobi", "Jomo Kenyatta International Airport"),
    ("Aso Rock", "Abuja", "Aso Villa"), ("Istana Merdeka", "Jakarta", "Istana Merdeka"),
    ("Bogor Palace", "Bogor", "Bogor Palace"), ("Blue House", "Seoul", "Blue House"),
    ("Hyderabad House", "New Delhi", "Hyderabad House"), ("UN headquarters", "New York", "UN headquarters"),
    ("Downing Street", "London", "Downing Street"), ("Palais des Nations", "Geneva", "Palais des Nations"),
])
def test_venues(gaz, text, city, venue):
    w = gaz.geocode(text)
    assert (w.name, w.venue) == (city, venue)


def test_a_state_house_needs_a_country(gaz):
    assert gaz.geocode("State House").name is None
    assert gaz.geocode("State House", context_country="NGA").name == "Abuja"
    assert gaz.geocode("State House", context_country="KEN").name == "Nairobi"


def _find(gaz, text):
    return [(m.text, m.entry) for m in gaz.venues.find(text)]


def test_a_numbered_general_assembly_session(gaz):
    text = "They spoke on the margins of the 78th session of the UN General Assembly this week."
    [(words, entry)] = _find(gaz, text)
    assert words == "the 78th session of the UN General Assembly"
    assert entry.occasion == "78th session of the UN General Assembly" and entry.name == "New York"


def test_unga_hashtag_and_short_forms(gaz):
    [(words, entry)] = _find(gaz, "Both were at #UNGA80 in September.")
    assert entry.occasion == "80th session of the UN General Assembly"
    [(words, entry)] = _find(gaz, "He flew out for the General Assembly on Sunday.")
    assert entry.occasion == "UN General Assembly" and entry.city == "New York"


def test_a_recurring_summit_takes_the_place_the_text_gives(gaz):
    text = "The two men will talk at the BRICS summit in Kazan next month."
    [m] = gaz.venues.find(text)
    assert m.entry.occasion == "BRICS summit" and m.entry.city is None
    w = gaz.venues.place_after(text, m.end)
    assert (w.name, w.country) == ("Kazan", "RUS")
    [m] = gaz.venues.find("a G-20 meeting in New Delhi")
    assert m.entry.occasion == "G20 summit" and gaz.venues.place_after("a G-20 meeting in New Delhi", m.end).name == "New Delhi"


def test_lower_case_aliases_match_any_case_and_cased_ones_only_their_case(gaz):
    assert _find(gaz, "a dinner at the presidential palace")[0][1].venue == "presidential palace"
    assert _find(gaz, "the white house lawn") == []


def test_users_extend_the_venues(tmp_path):
    extra = {"venues": [{"name": "Glass Pavilion", "kind": "venue", "city": "Oslo", "country": "NOR",
                         "lat": 59.91, "lon": 10.75, "aliases": ["Glass Pavilion"]}]}
    (tmp_path / "venues.json").write_text(json.dumps(extra), encoding="utf-8")
    g = Gazetteer(data_dir=tmp_path)
    assert g.geocode("the Glass Pavilion").name == "Oslo"
    assert g.geocode("the Kremlin").name == "Moscow"


# -- datelines ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, place", [
    ("OSLO, Feb 2 (Wire) - The talks went on.", "Oslo"),
    ("Nairobi [Kenya], March 4 : Leaders gathered.", "Nairobi"),
    ("Accra (Ghana), Jan. 9, GNA- The envoy arrived.", "Accra"),
    ("LIMA — The ministers spoke.", "Lima"),
    ("QUITO, ECUADOR – The two presidents met.", "Quito"),
    ("Posted 4 May 2021 10:15 | By Staff - Bogotá\n\nThe leaders met.", "Bogotá"),
    ("Chile: the minister quits\nThe minister quit on Friday.", None),
    ("The envoys met on Friday in a hotel.", None),
])
def test_datelines(gaz, text, place):
    from sideline.stages.place.context import dateline

    found = dateline(text, gaz)
    assert (found[0].name if found else None) == place


# -- the place stage ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp():
    """The model's own pipeline (a missing model fails here: ``make setup`` installs it)."""
    import spacy

    from sideline.stages.nlp import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def stage():
    from sideline.stages.place.stage import Place

    return Place()


def make(nlp, text: str, *events: tuple[str, str]) -> Document:
    """A document over ``text`` (every sentence parsed) with one event per (type, trigger word)."""
    parse = nlp(text)
    parse.user_data["parsed"] = tuple((s.start_char, s.end_char) for s in parse.sents)
    evs, pos = [], 0
    for kind, word in events:
        i = text.find(word, pos)
        i = text.index(word) if i < 0 else i  # the same trigger twice: two events of one clause
        pos = i + 1
        sent = next(s for s in parse.sents if s.start_char <= i < s.end_char)
        evs.append(Event(article="t", type=EventType(kind), status=Status.OCCURRED, actors=(),
                         evidence=Evidence(sent.text, sent.start_char, sent.end_char),
                         trigger=Span(i, i + len(word)), sentence=Span(sent.start_char, sent.end_char)))
    return Document(article=Article(id="t", text=text), text=text, parse=parse, events=tuple(evs))


def wheres(stage, doc):
    return [(e.where.name if e.where else None) for e in stage(doc).events]


@pytest.mark.slow
def test_stage_contract_and_pickling(stage):
    from sideline.stages.place.stage import Place

    assert (stage.name, stage.requires, stage.provides) == ("place", ("text", "parse", "events", "published"), ("places", "events.where"))
    assert isinstance(pickle.loads(pickle.dumps(Place())), Place)


@pytest.mark.slow
def test_places_of_the_document(nlp, stage):
    doc = stage(make(nlp, "The envoy flew from Oslo to Nairobi and then to the Kremlin."))
    names = [(p.text, p.where.name) for p in doc.places]
    assert ("Oslo", "Oslo") in names and ("Nairobi", "Nairobi") in names and ("the Kremlin", "Moscow") in names


@pytest.mark.slow
def test_step2_a_place_attached_to_the_clause(nlp, stage):
    doc = make(nlp, "The Chilean and Peruvian foreign ministers met in Lisbon on Friday to discuss fishing rights.",
               ("meet", "met"))
    assert wheres(stage, doc) == ["Lisbon"]


@pytest.mark.slow
def test_step2_talks_at_a_venue(nlp, stage):
    doc = make(nlp, "The Austrian chancellor held three hours of talks at the Kremlin with the Russian leader.",
               ("talks", "talks"))
    [ev] = stage(doc).events
    assert (ev.where.name, ev.where.venue) == ("Moscow", "the Kremlin")


@pytest.mark.slow
def test_step2_sidelines_of_an_occasion_fix_the_place(nlp, stage):
    doc = make(nlp, "The Omani minister met his Brazilian colleague on the sidelines of the UN General Assembly.",
               ("meet", "met"))
    [ev] = stage(doc).events
    assert (ev.where.name, ev.where.occasion) == ("New York", "UN General Assembly")


@pytest.mark.slow
def test_a_recurring_occasion_with_its_place(nlp, stage):
    doc = make(nlp, "The two presidents are expected to meet at the BRICS summit in Kazan next month.",
               ("meet", "meet"))
    [ev] = stage(doc).events
    assert (ev.where.name, ev.where.occasion) == ("Kazan", "BRICS summit")


@pytest.mark.slow
@pytest.mark.parametrize("text, word, place", [
    ("The Estonian premier arrived in Canberra late on Sunday.", "arrived", "Canberra"),
    ("The Uzbek leader will pay a state visit to Kazakhstan from Tuesday.", "visit", "Kazakhstan"),
    ("His trip to Cuba was the first by a Portuguese leader in a decade.", "trip", "Cuba"),
    ("The Finnish minister, in Hanoi on a two-day visit, praised the new port.", "visit", "Hanoi"),
])
def test_step1_a_visit_goes_to_the_place_visited(nlp, stage, text, word, place):
    assert wheres(stage, make(nlp, text, ("visit", word))) == [place]


@pytest.mark.slow
def test_a_phone_call_has_no_place(nlp, stage):
    doc = make(nlp, "Speaking from Madrid, the Spanish premier had a phone call with the Moroccan king.",
               ("phone_call", "call"))
    assert wheres(stage, doc) == [None]


@pytest.mark.slow
def test_participants_and_metonyms_are_not_places(nlp, stage):
    doc = make(nlp, "The minister met delegates from Jordan and Mali.", ("meet", "met"))
    assert wheres(stage, doc) == [None]
    doc = make(nlp, "Warsaw said its foreign minister would not meet the Belarusian envoy.", ("meet", "meet"))
    assert wheres(stage, doc) == [None]


@pytest.mark.slow
def test_attribution_places_only_when_alone(nlp, stage):
    doc = make(nlp, "The ministry in Tallinn said the two envoys met in Riga on Monday.", ("meet", "met"))
    assert wheres(stage, doc) == ["Riga"]
    doc = make(nlp, "The ministry in Tallinn said the two envoys met on Monday.", ("meet", "met"))
    assert wheres(stage, doc) == ["Tallinn"]


@pytest.mark.slow
def test_step5_the_paragraph_shares_a_place(nlp, stage):
    text = ("The Kenyan minister landed in Geneva on Sunday for a week of council debates. "
            "She is due to meet the high commissioner on Monday.")
    assert wheres(stage, make(nlp, text, ("visit", "landed"), ("meet", "meet"))) == ["Geneva", "Geneva"]


@pytest.mark.slow
def test_step5_the_dateline(nlp, stage):
    text = "BRUSSELS, March 3 (Wire) - The Greek and Turkish premiers will meet on Thursday, aides said."
    assert wheres(stage, make(nlp, text, ("meet", "meet"))) == ["Brussels"]


@pytest.mark.slow
def test_no_place_in_the_text_gives_none(nlp, stage):
    doc = make(nlp, "The Greek and Turkish premiers will meet on Thursday, aides said.", ("meet", "meet"))
    assert wheres(stage, doc) == [None]


@pytest.mark.slow
def test_a_country_is_refined_by_a_city_the_text_gives(nlp, stage):
    text = ("The Zambian president will travel to Angola next week. "
            "Talks are planned in Luanda with his counterpart.")
    assert wheres(stage, make(nlp, text, ("visit", "travel")))[0] == "Luanda"


def test_bad_place_data_is_a_config_error(tmp_path):
    from sideline.errors import ConfigError

    (tmp_path / "venues.json").write_text(json.dumps({"venues": [{"kind": "venue", "aliases": ["X"]}]}))
    with pytest.raises(ConfigError) as err:
        Gazetteer(data_dir=tmp_path)
    assert err.value.code == "E361"
    other = tmp_path / "other"
    other.mkdir()
    (other / "place_aliases.json").write_text(json.dumps({"aliases": {"Gondor": "Minas Tirith"}}))
    with pytest.raises(ConfigError) as err:
        Gazetteer(data_dir=other)
    assert err.value.code == "E361" and "Gondor" in err.value.message


@pytest.mark.slow
def test_a_visit_to_several_countries_takes_the_host_named_by_the_event(nlp, stage):
    from dataclasses import replace

    from sideline.records import Actor

    doc = make(nlp, "The Chilean minister will travel to Norway, Finland and Estonia next month.",
               ("visit", "travel"), ("visit", "travel"))
    visitor = Actor("Chilean minister", "The Chilean minister")
    hosts = [Actor("Finland", "Finland", country="FIN", kind="country"),
             Actor("Estonia", "Estonia", country="EST", kind="country")]
    evs = tuple(replace(e, actors=(visitor, h)) for e, h in zip(doc.events, hosts))
    assert wheres(stage, doc.with_(events=evs)) == ["Finland", "Estonia"]


@pytest.mark.slow
def test_a_dateline_city_refines_the_country_of_the_lead(nlp, stage):
    text = "ASMARA, Eritrea - The Djiboutian president arrived in Eritrea on Sunday for a two-day visit."
    assert wheres(stage, make(nlp, text, ("visit", "arrived"))) == ["Asmara"]


@pytest.mark.slow
def test_a_headline_event_takes_the_story_place(nlp, stage):
    text = ("Premiers meet to mend ties\n\n"
            "The Slovak and Hungarian premiers met in Bratislava on Friday after months of rows.")
    assert wheres(stage, make(nlp, text, ("meet", "meet"), ("meet", "met"))) == ["Bratislava", "Bratislava"]


@pytest.mark.slow
def test_a_host_city_and_a_visit_clause(nlp, stage):
    doc = make(nlp, "Kenya's capital city, Nairobi, will host the next meeting of the regional leaders.",
               ("meet", "meeting"))
    assert wheres(stage, doc) == ["Nairobi"]
    doc = make(nlp, "The two leaders will meet during a visit to the port city of Dalian next week.",
               ("meet", "meet"))
    assert wheres(stage, doc) == ["Dalian"]
    doc = make(nlp, "The Belgian king began his Cuba visit with a wreath-laying.", ("visit", "visit"))
    assert wheres(stage, doc) == ["Cuba"]


@pytest.mark.slow
def test_topics_and_venue_words_in_names_are_not_places(nlp, stage):
    doc = make(nlp, "The envoys held talks on the conflict in Yemen.", ("talks", "talks"))
    assert wheres(stage, doc) == [None]
    doc = make(nlp, "A Kremlin aide told reporters that the two presidents would meet soon.", ("meet", "meet"))
    assert wheres(stage, doc) == [None]


@pytest.mark.slow
def test_an_unparsed_sentence_uses_the_word_before_the_place(nlp, stage):
    doc = make(nlp, "The Chilean and Peruvian foreign ministers met in Lisbon on Friday.", ("meet", "met"))
    doc.parse.user_data["parsed"] = ()
    assert wheres(stage, doc) == ["Lisbon"]


@pytest.mark.slow
def test_a_visit_to_a_country_takes_the_one_city_the_article_gives_it(nlp, stage):
    text = ("The Chilean minister will travel to Poland and Latvia next month.\n\n"
            "Officials said the programme was not final.\n\n"
            "In Warsaw she will open a trade office.")
    doc = make(nlp, text, ("visit", "travel"))
    from dataclasses import replace

    from sideline.records import Actor

    ev = replace(doc.events[0], actors=(Actor("Chilean minister", "The Chilean minister"),
                                         Actor("Poland", "Poland", country="POL", kind="country")))
    assert wheres(stage, doc.with_(events=(ev,))) == ["Warsaw"]


@pytest.mark.slow
def test_a_background_event_does_not_take_the_story_place(nlp, stage):
    from dataclasses import replace
    from datetime import date

    from sideline.records import When

    text = ("The Laotian premier arrived in Hanoi on Monday.\n"
            "The two premiers last held talks in 2015.")
    doc = make(nlp, text, ("visit", "arrived"), ("talks", "talks"))
    evs = (doc.events[0], replace(doc.events[1], when=When("2015")))
    got = stage(doc.with_(events=evs, published=date(2024, 3, 5)))
    assert [e.where.name if e.where else None for e in got.events] == ["Hanoi", None]


@pytest.mark.slow
def test_a_background_event_keeps_the_place_of_its_own_sentence(nlp, stage):
    """'last held talks in Vientiane in March in a meeting hosted by ...': the meeting of long ago
    is the talks told again; it takes their place, not the story's."""
    from dataclasses import replace
    from datetime import date

    from sideline.records import When

    text = ("The Laotian premier arrived in Hanoi on Monday.\n"
            "The two premiers last held talks in Vientiane in March in a meeting hosted by the king.")
    doc = make(nlp, text, ("visit", "arrived"), ("talks", "talks"), ("meet", "meeting"))
    march = When("2023-03")
    evs = (doc.events[0], replace(doc.events[1], when=march), replace(doc.events[2], when=march))
    got = stage(doc.with_(events=evs, published=date(2024, 3, 5)))
    assert [e.where.name if e.where else None for e in got.events] == ["Hanoi", "Vientiane", "Vientiane"]


def test_a_users_venue_overrides_a_packaged_one(tmp_path):
    extra = {"venues": [{"name": "Blue House", "kind": "venue", "city": "Busan", "country": "KOR",
                         "lat": 35.18, "lon": 129.08, "aliases": ["Blue House"]}]}
    (tmp_path / "venues.json").write_text(json.dumps(extra), encoding="utf-8")
    g = Gazetteer(data_dir=tmp_path)
    assert g.geocode("the Blue House").name == "Busan"
    assert [m.entry.name for m in g.venues.find("talks at the Blue House")] == ["Busan"]


def _through_place(doc):
    """Actors, events, time and place over a document the NLP stage made."""
    from sideline.stages.actors.stage import Actors
    from sideline.stages.events import Events
    from sideline.stages.place.stage import Place
    from sideline.stages.time.stage import Time

    return Place()(Time()(Events()(Actors()(doc))))


def test_summits_held_in_two_cities_are_two_claims_with_their_own_places(make_doc):
    doc = make_doc("French President Jacques Chirac and German Chancellor Gerhard Schroeder held summits in Paris "
                   "and in Berlin in 2003.", published="2016-11-18")
    doc = _through_place(doc)
    summits = [e for e in doc.events if e.type.value == "meet"]
    assert sorted(e.where.name for e in summits) == ["Berlin", "Paris"]
    assert len({e.mention_id for e in summits}) == 2


def test_a_trip_at_home_with_no_destination_named_is_no_visit(make_doc):
    doc = make_doc("President Joe Biden arrives for a graduation ceremony at the Naval Academy in Annapolis, "
                   "Maryland, on Friday.", published="2024-05-24")
    doc = _through_place(doc)
    assert not [e for e in doc.events if e.type.value == "visit"]


def test_a_visit_naming_no_destination_goes_to_the_country_it_is_placed_in():
    from dataclasses import replace

    from sideline.records import Actor, Event, EventType, Status, Where
    from sideline.stages.place.stage import Place

    ruto = Actor("William Ruto", "Ruto", kind="person", country="KEN")
    visit = Event(article="t", type=EventType.VISIT, status=Status.CANCELLED, actors=(ruto,), evidence=None,
                  where=Where("Lima", "PER", text="Lima"))
    place = Place()
    assert [(a.name, a.country) for a in place._hosted(visit).actors] == [("William Ruto", "KEN"), ("Peru", "PER")]
    home = replace(visit, where=Where("Nairobi", "KEN", text="Nairobi"))
    assert place._hosted(home).actors == (ruto,)  # at home: no host
    nobody = replace(visit, actors=(replace(ruto, country=None),))
    assert len(place._hosted(nobody).actors) == 1  # a visitor of no known country: left alone
