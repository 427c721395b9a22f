"""The events stage over sentences written for these tests (names are real, the sentences are not).

Every test runs the real NLP and actors stages (``make_doc`` from conftest.py), so they are
marked slow. The figures on the development sets are measured by bench/accuracy.py.
"""
from __future__ import annotations

import unicodedata

import pytest

from sideline.records import Document, EventType, Status
from sideline.stages.events import Events
from sideline.stages.events.merge import merge


@pytest.fixture(scope="module")
def stages():
    from sideline.stages.actors.stage import Actors

    return Actors(), Events()


@pytest.fixture()
def extract(make_doc, stages):
    actors, events = stages

    def run(text: str, published: str = "2024-05-06") -> Document:
        return events(actors(make_doc(text, published=published)))

    return run


def names(ev) -> list[str]:
    folded = (unicodedata.normalize("NFKD", a.name).encode("ascii", "ignore").decode() for a in ev.actors)
    return [n.split()[-1] for n in folded]


def find(doc: Document, *surnames: str, kind: EventType | None = None):
    out = [e for e in doc.events if all(any(n.startswith(s) for n in names(e)) for s in surnames)
           and (kind is None or e.type is kind)]
    assert out, f"no event with {surnames} in {[(e.type.value, names(e)) for e in doc.events]}"
    return out[0]


# -- trigger families ---------------------------------------------------------------------------
def test_verbal_meet_occurred(extract):
    doc = extract("Norwegian Prime Minister Jonas Gahr Store met German Chancellor Olaf Scholz in Berlin on Monday.")
    ev = find(doc, "Store", "Scholz")
    assert ev.type is EventType.MEET and ev.status is Status.OCCURRED
    assert ev.attributed_to is None
    assert doc.text[ev.trigger.start:ev.trigger.end] == "met"


def test_light_verb_talks(extract):
    doc = extract("Japanese Prime Minister Fumio Kishida held talks with Indian Prime Minister Narendra Modi in Tokyo.")
    ev = find(doc, "Kishida", "Modi")
    assert ev.type is EventType.TALKS and ev.status is Status.OCCURRED


def test_phone_call(extract):
    doc = extract("French President Emmanuel Macron spoke by phone with Brazilian President Lula da Silva on Tuesday.")
    assert find(doc, "Macron", "Silva").type is EventType.PHONE_CALL


def test_telephone_conversation(extract):
    doc = extract("Emmanuel Macron had a telephone conversation with Joe Biden on Friday.")
    assert find(doc, "Macron", "Biden").type is EventType.PHONE_CALL


def test_host_puts_host_first(extract):
    doc = extract("Chinese President Xi Jinping hosted Brazilian President Lula da Silva at the Great Hall of the People.")
    ev = find(doc, "Jinping", "Silva", kind=EventType.HOST)
    assert names(ev)[0] == "Jinping"


def test_passive_receive(extract):
    doc = extract("Kenyan President William Ruto was received by Ethiopian Prime Minister Abiy Ahmed at the airport.")
    ev = find(doc, "Ruto", "Ahmed", kind=EventType.HOST)
    assert names(ev)[0] == "Ahmed"


def test_visit_visitor_first(extract):
    doc = extract("Indian Prime Minister Narendra Modi arrived in Washington on Wednesday for a state visit.")
    ev = find(doc, "Modi", kind=EventType.VISIT)
    assert names(ev)[0] == "Modi" and ev.status is Status.OCCURRED


def test_address_parliament_is_other_consult(extract):
    doc = extract("Ukrainian President Volodymyr Zelensky addressed the Canadian Parliament on Friday.")
    ev = find(doc, "Zelensky", kind=EventType.OTHER_CONSULT)
    assert ev.status is Status.OCCURRED


def test_nominal_meeting_between(extract):
    doc = extract("The meeting between Antony Blinken and Wang Yi lasted three hours.")
    assert find(doc, "Blinken", "Yi").type is EventType.MEET


def test_caption_present_tense(extract):
    doc = extract("Spanish Prime Minister Pedro Sanchez greets Moroccan King Mohammed VI in Rabat.\n"
                  "The two leaders discussed migration.")
    assert find(doc, "Sanchez").type is EventType.HOST


# -- participants -------------------------------------------------------------------------------
def test_coordinated_subjects_one_event(extract):
    doc = extract("Olaf Scholz, Emmanuel Macron and Giorgia Meloni met in Kyiv on Thursday.")
    ev = find(doc, "Scholz", "Macron", "Meloni")
    assert len(ev.actors) == 3


def test_list_of_delegations_one_event_each(extract):
    doc = extract("Sergei Lavrov met delegates from Brazil, Egypt and Indonesia on Wednesday.")
    meets = [e for e in doc.events if e.type is EventType.MEET]
    assert len(meets) == 3
    assert {names(e)[-1] for e in meets} == {"Brazil", "Egypt", "Indonesia"}


def test_counterpart_named_in_apposition(extract):
    doc = extract("Sergei Lavrov will meet his Chinese counterpart, Wang Yi, in Beijing next week.")
    assert find(doc, "Lavrov", "Yi").status is Status.PLANNED


# -- status ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, status", [
    ("Justin Trudeau will meet Joe Biden in Ottawa next month.", Status.PLANNED),
    ("Justin Trudeau is due to meet Joe Biden in Ottawa.", Status.PLANNED),
    ("Justin Trudeau is ready to meet Joe Biden at any time.", Status.PROPOSED),
    ("Justin Trudeau will not meet Joe Biden during the summit.", Status.RULED_OUT),
    ("Justin Trudeau refused to meet Joe Biden.", Status.RULED_OUT),
    ("Justin Trudeau may meet Joe Biden on the sidelines of the summit.", Status.UNCERTAIN),
    ("Justin Trudeau postponed his meeting with Joe Biden.", Status.POSTPONED),
    ("Justin Trudeau met Joe Biden on Monday.", Status.OCCURRED),
])
def test_status_classes(extract, sentence, status):
    assert find(extract(sentence), "Trudeau", "Biden").status is status


def test_negation_in_governing_clause(extract):
    doc = extract("Kremlin officials denied that Vladimir Putin had met Donald Trump in Helsinki.")
    ev = find(doc, "Putin", "Trump")
    assert ev.status.coarse is Status.RULED_OUT and ev.status is Status.DENIED


def test_no_meeting_planned(extract):
    doc = extract("A spokesman said no meeting between Recep Tayyip Erdogan and Bashar al-Assad was planned.")
    assert find(doc, "Erdogan", "al-Assad").status is Status.RULED_OUT


def test_anchor_since_a_meeting_keeps_its_own_status(extract):
    doc = extract("Keir Starmer has not seen Xi Jinping since a meeting with Xi Jinping in Rio in 2024.")
    meetings = [e for e in doc.events if e.type is EventType.MEET]
    assert meetings and all(e.status is Status.OCCURRED for e in meetings)


# -- attribution ----------------------------------------------------------------------------------
def test_reported_speech(extract):
    doc = extract("Olaf Scholz will visit Beijing next week, government spokesman Steffen Hebestreit said on Friday.")
    ev = find(doc, "Scholz", kind=EventType.VISIT)
    assert ev.attributed_to is not None and "Hebestreit" in ev.attributed_to.name


def test_according_to(extract):
    doc = extract("According to the Turkish Foreign Ministry, Hakan Fidan met Sergei Lavrov in Moscow.")
    ev = find(doc, "Fidan", "Lavrov")
    assert ev.attributed_to is not None and "Ministry" in ev.attributed_to.name


def test_unnamed_official_credited_to_institution(extract):
    doc = extract("Joe Biden will meet Xi Jinping in San Francisco, a White House official said.")
    ev = find(doc, "Biden", "Jinping")
    assert ev.attributed_to is not None
    assert "White House" in ev.attributed_to.name or "official" in ev.attributed_to.mention


def test_two_sources_two_claims(extract):
    doc = extract("The Kremlin said Vladimir Putin would meet Recep Tayyip Erdogan in Sochi. "
                  "But Ankara said no meeting between Vladimir Putin and Recep Tayyip Erdogan was planned.")
    statuses = {e.status.coarse for e in doc.events if "Putin" in names(e)}
    assert {Status.PLANNED, Status.RULED_OUT} <= statuses


# -- no event -------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The new factory will meet the demand for electric cars by 2026.",
    "The results met the expectations of analysts in London.",
    "Teachers and the school board returned to the bargaining table on Monday.",
    "Ahmed Hassan appeared in court in Cairo on Sunday with his lawyer.",
    "Emmanuel Macron told reporters at a press conference that the economy was growing.",
])
def test_no_event_for_non_diplomatic_uses(extract, sentence):
    assert extract(sentence).events == ()


# -- pure logic -----------------------------------------------------------------------------------
def test_merge_keeps_one_claim_per_reading(extract):
    doc = extract("Narendra Modi met Joe Biden on Friday.\nNarendra Modi met Joe Biden on Friday.")
    assert len(merge(list(doc.events))) == len(doc.events) == 1


def test_stage_contract():
    stage = Events()
    assert stage.name == "events" and stage.requires == ("parse", "sentences", "mentions", "published") and stage.provides == ("events",)
    from sideline.records import Article

    doc = Document(article=Article(id="x", text="nothing"))
    assert stage(doc).events == ()


# -- later additions: classes found on the development sets (sentences written here) ------------
def test_respectively_pairs_hosts_and_guests(extract):
    doc = extract("President Ruto and President Tinubu were received by Mary Kamau and John Otieno respectively.")
    hosts = [tuple(names(e)) for e in doc.events if e.type is EventType.HOST]
    assert ("Kamau", "Ruto") in hosts and ("Otieno", "Tinubu") in hosts


def test_dateline_place_is_not_a_participant(extract):
    doc = extract("NAIROBI, Kenya – Ugandan President Yoweri Museveni arrived in Kenya on Sunday for a state visit.")
    ev = find(doc, "Museveni", kind=EventType.VISIT)
    assert names(ev)[0] == "Museveni"


def test_welcomed_to_a_country_is_also_a_visit(extract):
    doc = extract("Prime Minister Anthony Albanese welcomed President Joko Widodo to Australia on Wednesday.")
    assert names(find(doc, "Albanese", "Widodo", kind=EventType.HOST))[0] == "Albanese"
    assert names(find(doc, "Widodo", kind=EventType.VISIT))[0] == "Widodo"


def test_agentless_report_keeps_the_source_just_cited(extract):
    doc = extract("According to diplomatic sources in Brussels, Albin Kurti will meet Aleksandar Vucic on Monday. "
                  "It is also mentioned that Albin Kurti may not meet Aleksandar Vucic at all.")
    ev = next(e for e in doc.events if e.status is Status.UNCERTAIN)
    assert ev.attributed_to is not None and "sources" in ev.attributed_to.mention


def test_unnamed_spokeswoman_named_nearby(extract):
    doc = extract("Olaf Scholz will host Emmanuel Macron in Berlin on Friday, his spokeswoman said. "
                  "The dinner will focus on trade, government spokeswoman Christiane Hoffmann said on Monday.")
    ev = find(doc, "Scholz", "Macron", kind=EventType.HOST)
    assert ev.attributed_to is not None and ev.attributed_to.name.endswith("Hoffmann")


def test_during_an_upcoming_visit_has_its_own_status(extract):
    doc = extract("Sergei Lavrov is ready to meet Antony Blinken during an upcoming visit to New York.")
    assert find(doc, "Lavrov", "Blinken", kind=EventType.MEET).status is Status.PROPOSED
    assert find(doc, "Lavrov", kind=EventType.VISIT).status is Status.PLANNED


def test_address_names_the_parliament_after_its_country(extract):
    doc = extract("Indonesian President Joko Widodo visited Pakistan and addressed the joint session of parliament.")
    ev = find(doc, "Widodo", kind=EventType.OTHER_CONSULT)
    assert ev.actors[-1].name == "Parliament of Pakistan"


def test_venue_summit_is_not_an_engagement_of_its_own(extract):
    doc = extract("Narendra Modi and Joe Biden met on the sidelines of the G20 summit in Rome.")
    assert len([e for e in doc.events if e.type is EventType.MEET]) == 1


def test_a_capital_met_by_a_foreign_minister_stands_for_its_official(extract):
    doc = extract("According to Foreign Minister Sergei Lavrov, Moscow is open to meeting with Antony Blinken.")
    ev = find(doc, "Blinken", kind=EventType.MEET)
    assert "Lavrov" in names(ev) and ev.status is Status.PROPOSED


def test_government_voice_goes_to_the_official_quoted(extract):
    doc = extract("Vladimir Putin will not meet Joe Biden in New York, Moscow said on Friday. "
                  "State media quoted Kremlin spokesman Dmitry Peskov as saying that "
                  "no meeting with Joe Biden was possible.")
    ev = find(doc, "Putin", "Biden")
    assert ev.status is Status.RULED_OUT and ev.attributed_to.name.endswith("Peskov")
    assert ev.attributed_to.mention == "Moscow"  # the words the sentence credits


def test_a_body_with_a_name_of_its_own_keeps_its_claim(extract):
    doc = extract("Vladimir Putin will not meet Joe Biden in New York, the Kremlin said on Friday. "
                  "Foreign ministry spokeswoman Maria Zakharova said the talks with Turkey had been postponed.")
    ev = find(doc, "Putin", "Biden")
    assert ev.status is Status.RULED_OUT and ev.attributed_to.name == "Kremlin"  # not the ministry's spokeswoman


# -- attribution and shared modifiers (second helper) --------------------------------------------
def test_conjoined_trigger_noun_shares_the_participants_and_the_speaker(extract):
    doc = extract("Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Friday. "
                  "Her spokesman, Mr. Carlos Mendoza, who confirmed the trip and meeting of the two leaders "
                  "in a post on Saturday, gave no details.")
    ev = find(doc, "Boric", "Boluarte", kind=EventType.MEET)
    assert ev.attributed_to is not None and ev.attributed_to.name.endswith("Mendoza")
    assert all(not n.endswith("Mendoza") for n in names(ev))


def test_learnt_from_credits_the_source_of_the_from_phrase(extract):
    doc = extract("Finnish President Alexander Stubb held talks with Estonian Prime Minister Kristen Michal "
                  "in Tallinn, the news agency has learnt from the Finnish presidential press service.")
    ev = find(doc, "Stubb", "Michal")
    assert ev.attributed_to is not None
    assert ev.attributed_to.mention.lower().endswith("press service")


def test_unnamed_title_speaker_takes_the_name_of_the_office_holder(extract):
    doc = extract("Russian Foreign Minister Sergey Lavrov is ready to meet UN Secretary-General Antonio Guterres "
                  "in Geneva, Moscow's permanent representative to the UN told reporters on Tuesday. "
                  "Vasily Nebenzya added that no date had been fixed.")
    ev = find(doc, "Lavrov", "Guterres")
    assert ev.attributed_to is not None and ev.attributed_to.name == "Vasily Nebenzya"


def test_list_of_titles_and_names_broken_by_the_parser_keeps_every_person(extract):
    doc = extract("Albanian Prime Minister Edi Rama met with the President of the European Commission, "
                  "Ursula von der Leyen, the head of the Council, Antonio Costa, as well as with the "
                  "Chancellor of Austria, Karl Nehammer, in Vienna.")
    ev = find(doc, "Rama", "Leyen")
    assert len(ev.actors) >= 3


def test_a_noun_inside_an_office_name_is_no_engagement(extract):
    doc = extract("Norway appointed Jan Egeland as its special envoy for the negotiations between "
                  "Colombia and Ecuador.")
    assert not [e for e in doc.events if e.type is EventType.TALKS]


def test_ahead_of_a_meeting_is_planned_even_in_a_past_sentence(extract):
    doc = extract("Ministers discussed trade on Monday ahead of a meeting between Chinese President Xi Jinping "
                  "and Brazilian President Luiz Inacio Lula da Silva in Brasilia on Thursday.")
    assert find(doc, "Jinping", "Silva").status is Status.PLANNED


def test_no_information_about_a_meeting_rules_it_out(extract):
    doc = extract("Turkish Foreign Minister Hakan Fidan said he had no information about a meeting between "
                  "President Recep Tayyip Erdogan and Syrian President Bashar al-Assad.")
    assert find(doc, "Erdogan", "al-Assad").status.coarse is Status.RULED_OUT


def test_would_expect_an_opportunity_to_meet_is_uncertain(extract):
    doc = extract("We would expect Prime Minister Keir Starmer and President Emmanuel Macron to have an "
                  "opportunity to meet on the margins of the summit, an aide said.")
    assert find(doc, "Starmer", "Macron").status is Status.UNCERTAIN


def test_one_name_resolves_to_the_full_name_given_earlier(extract):
    doc = extract("Tongan Prime Minister Siaosi Sovaleni arrived in Suva on Monday. "
                  "On Tuesday, Siaosi met with Fijian Prime Minister Sitiveni Rabuka.")
    ev = find(doc, "Rabuka")
    assert any(a.name == "Siaosi Sovaleni" for a in ev.actors)


def test_an_object_hung_on_a_date_makes_a_meeting_of_its_own(extract):
    doc = extract("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on June 12 "
                  "and Ugandan President Yoweri Museveni earlier this month.")
    find(doc, "Ruto", "Hassan")
    ev = find(doc, "Ruto", "Museveni")
    assert all(not n.endswith("Hassan") for n in names(ev))


def test_an_invitation_later_accepted_leaves_only_the_plan(extract):
    doc = extract("Peruvian President Dina Boluarte invited Chilean President Gabriel Boric to visit Peru. "
                  "Boric will visit Peru in March, his office said.")
    visits = [e for e in doc.events if e.type is EventType.VISIT and names(e)[0] == "Boric"]
    assert visits and all(e.status is not Status.PROPOSED for e in visits)


def test_headline_verb_parsed_as_a_name_still_postpones(extract):
    doc = extract("President @MBuhari postpones travel to the Republic of Chad.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and all(e.status is Status.POSTPONED for e in visits)


def test_a_plan_told_in_the_past_perfect_did_not_happen(extract):
    doc = extract("The summit between President Emmanuel Macron and Chancellor Olaf Scholz had been scheduled "
                  "for Wednesday.")
    assert find(doc, "Macron", "Scholz").status.coarse is Status.RULED_OUT


def test_a_person_is_not_paired_with_his_own_country(extract):
    doc = extract("Russian Foreign Minister Sergey Lavrov met Turkish Foreign Minister Hakan Fidan in Ankara. "
                  "The State Department said it has no plans for top-level discussions with Moscow.")
    find(doc, "Lavrov", "Fidan", kind=EventType.MEET)
    assert not [e for e in doc.events if {"Lavrov", "Russia"} <= set(names(e))]


def test_habitual_contact_is_no_engagement(extract):
    doc = extract("Mexican Foreign Minister Juan Ramon de la Fuente and Canadian Foreign Minister Anita Anand "
                  "agreed to continue coordinating consultations between Mexico and Canada.")
    assert not [e for e in doc.events if {"Mexico", "Canada"} <= set(names(e))]
    doc = extract("These exchanges are part of our regular dialogue with the Nordic Council, said Icelandic "
                  "Foreign Minister Thorgerdur Katrin Gunnarsdottir.")
    assert not doc.events


def test_a_trip_with_no_destination_goes_to_the_dateline_country(extract):
    doc = extract("HANOI, Vietnam: Thailand's new prime minister Paetongtarn Shinawatra met the Vietnamese "
                  "president on Monday on her first trip abroad since taking office.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and any(a.name in ("Vietnam", "Viet Nam") for a in visits[0].actors)


def test_a_visit_to_a_capital_keeps_the_place(extract):
    doc = extract("Chinese Premier Li Qiang arrived in Canberra on Saturday. Australian Prime Minister "
                  "Anthony Albanese will host him at Parliament House.")
    visits = [e for e in doc.events if e.type is EventType.VISIT and names(e)[0] == "Qiang"]
    assert visits and visits[0].actors[1].kind != "person"


def test_officials_including_a_list_are_all_participants(extract):
    doc = extract("President Cyril Ramaphosa hosted Angolan officials including Foreign Minister Tete Antonio "
                  "and Finance Minister Vera Daves at the Union Buildings.")
    ev = find(doc, "Ramaphosa", "Antonio", kind=EventType.HOST)
    assert len(ev.actors) >= 3


def test_meetings_with_x_as_well_as_y_include_y(extract):
    doc = extract("The Egyptian president is expected to hold one-on-one meetings with his Sudanese counterpart "
                  "Abdel Fattah al-Burhan as well as Prime Minister Kamil Idris during his visit.")
    ev = find(doc, "al-Burhan")
    assert any(n == "Idris" for n in names(ev))


def test_a_gathering_of_organisations_with_nobody_named_is_no_event(extract):
    doc = extract("Delegates gathered in Accra for the annual meeting of the African Development Bank "
                  "and the Economic Community of West African States.")
    assert not doc.events


def test_the_meeting_of_a_body_does_not_borrow_the_last_engagement(extract):
    doc = extract("Interior Minister Kipchumba Murkomen received President Evariste Ndayishimiye at the "
                  "airport on Sunday. The annual meeting of the East African Community will review the "
                  "customs union, the secretariat said.")
    find(doc, "Murkomen", "Ndayishimiye", kind=EventType.HOST)
    assert not [e for e in doc.events if e.type is not EventType.HOST and "Murkomen" in names(e)]


def test_plain_words_before_a_summit_are_not_participants(extract):
    doc = extract("Prime Minister Narendra Modi will travel to Brazil to attend the Rio plus Earth summit "
                  "starting Wednesday.")
    assert find(doc, "Modi", kind=EventType.VISIT).actors[1].name == "Brazil"
    assert all(n not in ("Rio", "Earth") for e in doc.events for n in names(e))


def test_the_leaders_of_two_countries_are_both_participants(extract):
    doc = extract("Indian Prime Minister Narendra Modi will hold bilateral meetings with the leaders of "
                  "Japan and Australia in Tokyo, an Indian official said on Monday. Modi will meet "
                  "Japanese Prime Minister Shigeru Ishiba and Australian Prime Minister Anthony Albanese "
                  "on Tuesday.", published="2025-03-10")
    first = [e for e in doc.events if e.sentence is not None and e.sentence.start == 0]
    assert first and {"Ishiba", "Albanese"} <= set(names(first[0]))


def test_a_possible_meeting_is_proposed(extract):
    doc = extract("Ukrainian President Volodymyr Zelensky and Turkish President Recep Tayyip Erdogan discussed "
                  "a possible meeting with the Russian side, an aide said.")
    ev = [e for e in doc.events if e.type is not EventType.PHONE_CALL and e.status is not Status.OCCURRED]
    assert ev and all(e.status is Status.PROPOSED for e in ev)


def test_summits_held_in_two_places_are_two_engagements(extract):
    doc = extract("Chinese President Hu Jintao and Japanese Prime Minister Yasuo Fukuda held summits in "
                  "Beijing and in Tokyo in 2008.")
    assert len([e for e in doc.events if e.type in (EventType.MEET, EventType.TALKS)]) == 2


@pytest.mark.xfail(strict=True, reason="no event at all: 'the AU envoy' resolves to no actor (an organisation's "
                                       "unnamed envoy), so neither the reception nor the talks are found")
def test_the_visiting_official_is_not_guessed_from_the_host(extract):
    doc = extract("Prime Minister Joseph Dion Ngute received the AU envoy at the airport on Monday. "
                  "Before leaving for the hotel, Prime Minister Ngute and the visiting official held brief talks.")
    assert names(find(doc, "Ngute", kind=EventType.HOST))[0] == "Joseph Dion Ngute"
    assert not [e for e in doc.events if e.type is EventType.VISIT and names(e)[0] == "Ngute"]


def test_talks_that_are_the_purpose_of_a_trip_include_the_place(extract):
    doc = extract("A Greek delegation will visit Ankara next week for bilateral talks, the ministry said.")
    talks = [e for e in doc.events if e.type is EventType.TALKS]
    assert talks and len(talks[0].actors) == 2
    assert any(a.kind != "person" and "Greece" not in a.name for a in talks[0].actors)


def test_as_reported_by_credits_the_agent(extract):
    doc = extract("Kyrgyz President Sadyr Japarov will pay a state visit to Tajikistan on May 5. "
                  "This visit, as reported by the Kyrgyz presidential press service, aims to deepen "
                  "cooperation between the two countries.")
    ev = find(doc, "Japarov", kind=EventType.VISIT)
    assert ev.attributed_to is not None and "press service" in ev.attributed_to.mention.lower()


def test_a_closing_reporting_verb_credits_its_subject(extract):
    doc = extract("Qatari Emir Tamim bin Hamad Al Thani met Omani Sultan Haitham bin Tarik in Muscat on "
                  "Sunday amid a \"calm atmosphere\", Oman's state news agency reported.")
    ev = find(doc, "Thani", "Tari")
    assert ev.attributed_to is not None and "news agency" in ev.attributed_to.mention.lower()


def test_a_list_of_names_misread_as_appositions_is_still_a_list(extract):
    doc = extract("Sanchez, Costa, Tusk and Frederiksen went to the EU summit after the meeting with "
                  "Zelensky, who continued the talks with Kallas.")
    ev = find(doc, "Zelensky", "Sanchez")
    assert len(ev.actors) >= 3


def test_a_participle_with_a_by_phrase_has_its_own_doer(extract):
    doc = extract("Somali President Hassan Sheikh Mohamud made a visit to the Kenyan capital last week, "
                  "welcomed by William Ruto with a guard of honour.")
    hosts = [e for e in doc.events if e.type is EventType.HOST]
    assert hosts and names(hosts[0])[0] == "Ruto"


def test_a_visit_without_destination_goes_to_the_country_of_the_host(extract):
    doc = extract("Senegalese President Bassirou Diomaye Faye on Monday hosted the President of Ghana, "
                  "John Mahama, at the palace in Dakar, Senegal. The visiting president of Ghana "
                  "is the chairman of the regional bloc.")
    visits = [e for e in doc.events if e.type is EventType.VISIT and names(e)[0] == "Mahama"]
    assert visits and any(a.name == "Senegal" for a in visits[0].actors)


def test_an_indefinite_title_is_nobody_in_particular(extract):
    doc = extract("Spanish Prime Minister Pedro Sanchez will have dinner with Portuguese Prime Minister "
                  "Luis Montenegro in Lisbon on Friday, the first time this year the Portuguese leader "
                  "has received a foreign leader in person, his office said.")
    assert find(doc, "Sanchez", "Montenegro", kind=EventType.MEET).status is Status.PLANNED
    hosts = [e for e in doc.events if e.type is EventType.HOST]
    assert all("Sanchez" not in names(e) for e in hosts)


def test_the_topic_of_a_coming_briefing_keeps_its_own_status(extract):
    doc = extract("Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung on June 17. "
                  "Mr Lee is expected to brief Mr Carney about his June 17 meeting with Mr Ishiba.")
    evs = [e for e in doc.events if {"Ishiba"} <= set(names(e)) and e.type is not EventType.VISIT]
    assert evs and all(e.status is Status.OCCURRED for e in evs)


def test_honoured_to_welcome_is_done_as_it_is_said(extract):
    doc = extract("I'm honoured to welcome President Lula da Silva to Ottawa, Prime Minister Mark Carney wrote.")
    hosts = [e for e in doc.events if e.type is EventType.HOST]
    assert hosts and all(e.status is Status.OCCURRED for e in hosts)


def test_an_opportunity_offered_is_not_in_doubt(extract):
    doc = extract("Tuvalu Prime Minister Feleti Teo thanked Japan for providing an opportunity to meet with "
                  "Japanese Prime Minister Shigeru Ishiba in Tokyo next week.")
    ev = find(doc, "Teo", "Ishiba")
    assert ev.status is not Status.UNCERTAIN


@pytest.mark.xfail(strict=True, reason="no meeting: 'the European six' is not resolved to the six leaders named "
                                       "just before, so the meeting with Zelensky has one party and is dropped")
def test_a_number_with_a_national_adjective_names_nobody(extract):
    doc = extract("Macron, Scholz, Meloni, Tusk, Sanchez and Frederiksen arrived in Kyiv on Friday. "
                  "After the talks in Kyiv, the European six met with Ukrainian President Volodymyr Zelensky.")
    ev = find(doc, "Zelensky", "Macron", "Frederiksen", kind=EventType.MEET)
    assert "European" not in [a.name for a in ev.actors] and len(ev.actors) == 7


def test_a_country_welcoming_a_guest_tells_of_a_visit(extract):
    doc = extract("Prime Minister Keir Starmer said it was remarkable that ten years have passed since "
                  "Britain last welcomed a Chinese president on a state visit.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [[a.name for a in e.actors] for e in visits] == [["China", "United Kingdom"]]
    assert not [e for e in doc.events if e.type is EventType.HOST and e.actors[0].kind != "person"]


def test_the_first_leader_since_a_year_implies_an_earlier_visit(extract):
    doc = extract("Pedro Sanchez has become the first Spanish prime minister to visit Bolivia since 1987, "
                  "holding talks with President Luis Arce in La Paz. Trade between Spain and Bolivia has grown.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert any(e.actors[0].name == "Spain" for e in visits)
    assert any(names(e)[0] == "Sanchez" for e in visits)


def test_a_source_wondering_when_its_planned_trip_happens_keeps_the_plan(extract):
    doc = extract("Indian External Affairs Minister S Jaishankar will visit Canberra, the Australian foreign "
                  "ministry said. 'We are still discussing when that visit might occur,' the ministry said.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and all(e.status is not Status.UNCERTAIN for e in visits)


def test_a_past_tense_on_a_date_after_publication_is_planned(extract):
    doc = extract("Indonesian President Prabowo Subianto and Malaysian Prime Minister Anwar Ibrahim attended "
                  "the annual consultation meeting in Kuching on November 22, 2025.", published="2025-11-17")
    ev = find(doc, "Subianto", "Ibrahim")
    assert ev.status is Status.PLANNED


def test_his_counterparts_are_not_himself(extract):
    doc = extract("Chinese Premier Li Qiang flew into Tokyo late on Saturday for a three-way summit with his South "
                  "Korean and Japanese counterparts. South Korean President Lee Jae-myung and Japanese Prime "
                  "Minister Shigeru Ishiba will join him.")
    ev = find(doc, "Qiang", "Ishiba", kind=EventType.MEET)
    assert len(ev.actors) == 3


def test_the_summit_that_could_make_progress_is_still_to_come(extract):
    doc = extract("Chinese Premier Li Qiang will meet Japanese Prime Minister Shigeru Ishiba on Monday. "
                  "Diplomats said the summit could make progress on trade.")
    evs = [e for e in doc.events if "Ishiba" in names(e)]
    assert evs and all(e.status is Status.PLANNED for e in evs)


def test_invitations_extended_to_people_to_visit_make_them_the_visitors(extract):
    doc = extract("Nepal extended formal invitations on Monday to Indian Prime Minister Narendra Modi to visit "
                  "Kathmandu, officials said.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and names(visits[0])[0] == "Modi"


# -- presence, participles, cities visited ------------------------------------------------------
def test_being_in_a_foreign_city_is_a_visit(extract):
    doc = extract("Russian Foreign Minister Sergey Lavrov will be in New York next week for a Security Council "
                  "debate, the ministry said. Lavrov was in Moscow on Friday.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [(names(e)[0], e.actors[1].country, e.status) for e in visits] == [("Lavrov", "USA", Status.PLANNED)]


def test_being_somewhere_makes_no_visit_of_a_private_person(extract):
    doc = extract("Professor Ama Mensah, a historian, is already in Addis Ababa for the ceremony.")
    assert not [e for e in doc.events if e.type is EventType.VISIT]


def test_a_courtesy_call_received_by_one_from_another(extract):
    doc = extract("The pledge was made at a courtesy call received by Fijian Prime Minister Sitiveni Rabuka "
                  "from Samoan Prime Minister Fiame Naomi Mata'afa.")
    ev = find(doc, "Rabuka", "Mataafa")
    assert ev.type is EventType.MEET and ev.status is Status.OCCURRED


def test_a_city_visited_stands_for_its_country(extract):
    doc = extract("President Dmitry Medvedev is visiting Vladivostok this week. "
                  "Chinese Foreign Minister Wang Yi will travel to Saint Petersburg on Monday.")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert [(names(e)[0], e.actors[1].name) for e in visits] == [("Yi", "Russia")]  # no visit to one's own country


def test_that_visit_still_to_come_is_the_one_not_yet_made(extract):
    doc = extract("Chinese Foreign Minister Qin Gang has accepted an invitation to visit Washington, the State "
                  "Department said. The secretary, when he was in Beijing last week, invited him. Talks continue "
                  "on when that visit might take place, spokesman Matthew Miller said.")
    later = [e for e in doc.events if e.type is EventType.VISIT and e.status is not Status.OCCURRED]
    assert later and all(names(e)[0] == "Gang" for e in later)


def test_a_month_in_a_persons_name_is_no_date(make_doc):
    from sideline.stages.actors.stage import Actors
    from sideline.stages.time.stage import Timexes

    doc = Timexes()(Actors()(make_doc("Tanzanian Foreign Minister January Makamba spoke in Nairobi.")))
    assert not doc.timexes


def test_names_of_an_as_clause_the_parser_hung_on_a_noun_are_the_subject(extract):
    doc = extract("Energy and migration were likely agenda items as Chile, Peru and Colombia sat down for "
                  "their first joint summit in a decade.")
    ev = find(doc, "Chile", "Peru", "Colombia")
    assert ev.type is EventType.MEET and len(ev.actors) == 3


def test_a_meeting_that_gathered_the_leaders_of_countries(extract):
    doc = extract("Venezuelan President Nicolas Maduro last week attended a meeting in La Paz that gathered the "
                  "leaders of Peru and Ecuador.")
    ev = find(doc, "Maduro", "Peru", "Ecuador")
    assert ev.status is Status.OCCURRED


def test_the_visiting_official_is_the_visitor_told_before(extract):
    doc = extract("Kenyan Foreign Minister Musalia Mudavadi arrived in Accra on Monday for a two-day visit. "
                  "Ghanaian President John Mahama and the visiting official later held talks at the airport.")
    ev = find(doc, "Mahama", "Mudavadi", kind=EventType.TALKS)
    assert ev.status is Status.OCCURRED


def test_a_building_is_where_not_who(extract):
    doc = extract("Prime Minister Philemon Yang received the Chairperson of the African Union Commission, "
                  "Moussa Faki Mahamat, at the Nsimalen International Airport on Thursday.")
    ev = find(doc, "Yang", "Mahamat")
    assert not [a for a in ev.actors if "Airport" in a.name]


def test_a_stray_full_stop_before_which_includes_keeps_the_list(extract):
    doc = extract("Lavrov met several delegates on the sidelines of the assembly. which includes Ghana, Peru and "
                  "Laos, officials said.")
    met = sorted(e.actors[1].name for e in doc.events if names(e)[0] == "Lavrov")
    assert met == ["Ghana", "Laos", "Peru"]


def test_a_title_whose_apposed_name_has_conjuncts_is_a_list(extract):
    doc = extract("US President Joe Biden and Chinese President Xi Jinping held talks in Woodside on Wednesday.")
    ev = find(doc, "Biden", "Jinping")
    assert ev.type is EventType.TALKS and len(ev.actors) == 2


def test_the_two_nations_are_the_last_two_countries_coordinated(extract):
    doc = extract("Tension has grown between Armenia and Azerbaijan over the border. Brazilian Foreign Minister "
                  "Paulo Ramos said Norway had managed to get the two nations to start a dialogue in Oslo last "
                  "month.")
    ev = find(doc, "Armenia", "Azerbaijan")
    assert ev.status is Status.OCCURRED  # "had managed to get them to start": it came about
    assert ev.attributed_to is not None and ev.attributed_to.name == "Paulo Ramos"


def test_the_two_countries_after_two_leaders_are_their_countries(extract):
    doc = extract("Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim met in Kuching. "
                  "The two countries will talk about palm oil next year.")
    ev = find(doc, "Indonesia", "Malaysia")
    assert ev.status is Status.PLANNED


def test_a_spokeswoman_named_in_apposition_is_the_speaker(extract):
    doc = extract("The Russian Foreign Ministry's spokeswoman, Maria Zakharova, said Lavrov would meet Blinken "
                  "on Friday.")
    ev = find(doc, "Lavrov", "Blinken")
    assert ev.attributed_to.name == "Maria Zakharova"


def test_the_visiting_president_is_the_one_from_abroad(extract):
    doc = extract("Nigeria's capital city, Abuja, will host the next summit of the bloc in December. This was "
                  "revealed by the President of Ghana, John Mahama, after he held a closed-door meeting with "
                  "President Bola Tinubu at the State House. Briefing reporters after the meeting, the visiting "
                  "president said the two leaders discussed trade.", published="2025-11-18")
    visits = [e for e in doc.events if e.type is EventType.VISIT]
    assert visits and names(visits[0])[0] == "Mahama" and visits[0].actors[1].country == "NGA"


def test_reports_called_a_canard_are_two_claims(extract):
    doc = extract("The ministry said reports that Lavrov would meet Blinken in Geneva next week were false.")
    claims = {(e.status, e.attributed_to.name if e.attributed_to else None)
              for e in doc.events if "Blinken" in names(e)}
    assert claims == {(Status.PLANNED, "reports"), (Status.DENIED, "ministry")}


def test_representatives_of_a_community_are_no_party(extract):
    doc = extract("Vice President Kashim Shettima spoke on Tuesday at a meeting with representatives of the "
                  "Ghanaian community in Lagos.")
    assert not doc.events


def test_a_named_summit_is_no_anaphor_of_the_last_meeting(extract):
    doc = extract("Lavrov met Indian Foreign Minister Subrahmanyam Jaishankar in New York on Friday. A ministry "
                  "statement said the two ministers discussed preparations for the upcoming BRICS Summit in Kazan.")
    assert [e.status for e in doc.events if "Jaishankar" in names(e)] == [Status.OCCURRED]


def test_a_summit_convened_by_one_and_not_attended_by_another(extract):
    doc = extract("The mini summit convened by President Nana Akufo-Addo in Aburi last week was not attended by "
                  "President Bola Tinubu.")
    ev = find(doc, "Akufo-Addo", "Tinubu")
    assert ev.status is Status.RULED_OUT


def test_being_in_charge_somewhere_is_no_visit_and_a_trip_home_none_either(extract):
    doc = extract("Acknowledging that he is in charge in Washington now, President Donald Trump blamed his "
                  "predecessor. He said he planned to travel to Dallas next week at the invitation of Mayor "
                  "Eric Johnson.")
    assert not [e for e in doc.events if e.type is EventType.VISIT]


def test_a_question_opening_with_what_or_why_claims_no_engagement():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sideline.stages.events.stage import _dismissive_question

    words = ['"', "What", "is", "there", "to", "discuss", "with", "them", "?", '"', "the", "minister", "asked", ".",
             "When", "will", "they", "meet", "?", "They", "meet", "today", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[w in ('"', "When", "They") and i in (0, 14, 19) for i, w in enumerate(words)])
    discuss, meet_when, meet_today = doc[5], doc[17], doc[20]
    qwords = frozenset({"what", "why", "how", "who"})
    assert _dismissive_question(discuss, qwords)  # the positive case first
    assert not _dismissive_question(meet_when, qwords)  # "when" presupposes the meeting
    assert not _dismissive_question(meet_today, qwords)
