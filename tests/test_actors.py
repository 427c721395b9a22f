"""The actors stage: mentions resolved to canonical actors.

Title parsing and country words need no model; the stage tests use the ``make_doc``
fixture (the real model, marked slow). All texts are written for these tests.
"""
from __future__ import annotations

import pickle

import pytest

from sideline.stages.actors.lexicon import ActorLexicon
from sideline.stages.actors.stage import Actors, learned_roles, resolve


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon()


@pytest.fixture(scope="module")
def stage() -> Actors:
    return Actors()


@pytest.fixture
def run(stage, make_doc):
    def go(text: str, published: str | None = "2023-04-20"):
        return stage(make_doc(text, published=published))
    return go


def actor_at(doc, words: str, nth: int = 0):
    """The actor of the mention that covers the ``nth`` occurrence of ``words``."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    return resolve(doc, start, start + len(words))


def names_at(doc, words: str) -> set[str]:
    start = doc.text.index(words)
    return {m.actor.name for m in doc.mentions
            if m.actor and m.span.start < start + len(words) and start < m.span.end}


# -- no model ------------------------------------------------------------------------------------
@pytest.mark.parametrize("word, iso", [("Kyrgyz", "KGZ"), ("Russia's", "RUS"), ("U.S.", "USA"), ("Emirati", "ARE"),
                                       ("Britain", "GBR"), ("South Korean", "KOR"), ("DRC", "COD")])
def test_demonyms_and_possessives_give_iso3(lexicon, word, iso):
    assert lexicon.country_of(word) == iso


def test_capital_counts_only_when_asked(lexicon):
    assert lexicon.country_of("Moscow") is None
    assert lexicon.country_of("Moscow", capitals=True) == "RUS"


@pytest.mark.parametrize("phrase, role, country, org", [
    ("the top Russian diplomat", "Foreign Minister", "RUS", None),
    ("Russia's foreign minister", "Foreign Minister", "RUS", None),
    ("the Kyrgyz President", "President", "KGZ", None),
    ("Deputy Prime Minister and Foreign Minister of Jordan", "Foreign Minister", "JOR", None),
    ("UN Secretary-General", "Secretary-General", None, "UN"),
    ("the Kuwaiti emir", "Emir", "KWT", None),
])
def test_title_phrases(lexicon, phrase, role, country, org):
    info = lexicon.parse_title(phrase)
    assert (info.role, info.country, info.org) == (role, country, org)


def test_counterpart_and_group_titles(lexicon):
    info = lexicon.parse_title("his Chinese counterpart")
    assert info.counterpart and info.possessor == "his" and info.country == "CHN"
    assert lexicon.parse_title("the two heads of state").plural
    assert lexicon.parse_title("the Kenyan and Ugandan presidents").countries == ("KEN", "UGA")
    assert lexicon.parse_title("the weather in the hills") is None


def test_organisation_codes(lexicon):
    assert lexicon.org_of("the State Department")["code"] == "USAGOV"
    assert lexicon.org_of("UN")["code"] == "IGOUNO"
    assert lexicon.org_of("ECOWAS")["code"].startswith("IGO")


# -- the stage -----------------------------------------------------------------------------------
def test_spelling_variants_share_one_canonical_name(run):
    doc = run("Sergei Lavrov flew to Geneva on Tuesday. Later, Sergey Lavrov told the press that talks went well.")
    assert actor_at(doc, "Sergei Lavrov").name == "Sergey Lavrov"
    assert actor_at(doc, "Sergey Lavrov").name == "Sergey Lavrov"


def test_misspelling_within_the_article(run):
    doc = run("Deputy Foreign Minister Sergei Ryabkov spoke on Monday about arms control.\n"
              "The meeting was described as useful.\nRybakov added that a second round could follow.")
    assert actor_at(doc, "Rybakov").name == "Sergei Ryabkov"


def test_surname_resolves_to_full_name_met_earlier(run):
    doc = run("Ghanaian lawmaker Kojo Mensah-Bonsu opened the session. Mensah-Bonsu then thanked the guests.")
    assert actor_at(doc, "Mensah-Bonsu", nth=1).name == "Kojo Mensah-Bonsu"


def test_title_only_mention_resolved_by_date(run):
    doc = run("The top Russian diplomat is expected in Ankara next week.", published="2023-04-20")
    actor = actor_at(doc, "The top Russian diplomat")
    assert (actor.name, actor.role, actor.country, actor.code) == ("Sergey Lavrov", "Foreign Minister", "RUS", "RUSGOV")


def test_office_by_date(run):
    text = "The US Secretary of State will travel to Jakarta in the spring."
    assert actor_at(run(text, "2023-02-01"), "US Secretary of State").name == "Antony Blinken"
    assert actor_at(run(text, "2019-02-01"), "US Secretary of State").name == "Mike Pompeo"


def test_pronoun_takes_the_last_person_subject(run):
    doc = run("Lavrov arrived in New York on Sunday. He will chair two sessions of the council.")
    assert actor_at(doc, "He").name == "Sergey Lavrov"
    assert [m.label for m in doc.mentions if m.text == "He"] == ["PRON"]


def test_pronoun_gender_skips_the_wrong_person(run):
    doc = run("Penny Wong met Retno Marsudi and Sergey Lavrov in Jakarta. Earlier, Lavrov said he was pleased.",
              published="2023-07-13")
    assert actor_at(doc, "he").name == "Sergey Lavrov"


def test_handle_and_hashtag(run):
    doc = run("Good talks today with @AymanHsafadi on the region. #Lavrov", published="2023-03-01")
    handle = [m for m in doc.mentions if m.label == "HANDLE"]
    tag = [m for m in doc.mentions if m.label == "HASHTAG"]
    assert handle[0].actor.name == "Ayman Safadi"
    assert tag[0].actor.name == "Sergey Lavrov"


def test_people_sharing_a_surname_stay_apart(run):
    doc = run("Fidel Castro received the delegation in 1998. Years later Raul Castro hosted the French president.",
              published="2015-05-11")
    assert actor_at(doc, "Fidel Castro").name == "Fidel Castro"
    assert actor_at(doc, "Raul Castro").name == "Raúl Castro"


def test_premodifier_role_country_code(run):
    doc = run("Jordan Foreign Minister Ayman Safadi met UN Secretary-General Antonio Guterres in New York.",
              published="2024-09-25")
    safadi = actor_at(doc, "Ayman Safadi")
    assert (safadi.role, safadi.country, safadi.code) == ("Foreign Minister", "JOR", "JORGOV")
    guterres = actor_at(doc, "Antonio Guterres")
    assert (guterres.name, guterres.role, guterres.code) == ("António Guterres", "Secretary-General", "IGOUNO")


def test_appositions_before_and_after(run):
    doc = run("Lavrov, Russia's foreign minister, spoke first. The Kuwaiti emir, Sabah Al-Ahmad Al-Jaber Al-Sabah, "
              "replied.", published="2018-10-01")
    assert actor_at(doc, "Lavrov").role == "Foreign Minister"
    emir = actor_at(doc, "Sabah Al-Ahmad Al-Jaber Al-Sabah")
    assert (emir.name, emir.role, emir.country) == ("Sabah Al-Ahmad Al-Jaber Al-Sabah", "Emir", "KWT")
    assert ("Sergey Lavrov", "Foreign Minister", "RUS") in {r[:3] for r in learned_roles(doc)}


def test_unknown_person_keeps_the_role_the_text_gives(run):
    doc = run("Zambian Trade Minister Chanda Mweemba-Lusaka arrived in Lusaka.", published="2022-01-10")
    actor = actor_at(doc, "Chanda Mweemba-Lusaka")
    assert (actor.name, actor.role, actor.country, actor.code) == (
        "Chanda Mweemba-Lusaka", "Trade Minister", "ZMB", "ZMBGOV")


def test_counterpart_resolved_through_knowledge(run, stage):
    doc = run("Lavrov said he would meet his U.S. counterpart in New York.", published="2024-09-20")
    assert actor_at(doc, "his U.S. counterpart").name == "Antony Blinken"
    start = doc.text.index("his U.S. counterpart")
    lavrov = actor_at(doc, "Lavrov")
    assert stage.resolve(doc, start, start + 20, relative_to=lavrov).name == "Antony Blinken"


def test_countries_governments_and_bodies(run):
    doc = run("Moscow said on Friday that the State Department had not replied. Sudan sent a delegation.",
              published="2024-02-02")
    moscow = actor_at(doc, "Moscow")
    assert (moscow.name, moscow.code, moscow.kind) == ("Russia", "RUSGOV", "government")
    state = actor_at(doc, "State Department")
    assert (state.name, state.code) == ("US State Department", "USAGOV")
    sudan = actor_at(doc, "Sudan")
    assert (sudan.name, sudan.country, sudan.kind) == ("Sudan", "SDN", "country")


def test_group_title_names_both_people(run):
    doc = run("Kenyan President William Ruto hosted Ugandan President Yoweri Museveni in Nairobi. "
              "The two leaders discussed the railway.", published="2023-05-02")
    assert names_at(doc, "The two leaders") == {"William Ruto", "Yoweri Museveni"}


def test_every_mention_has_clean_offsets_and_a_label(run):
    doc = run("Indonesian President Joko Widodo welcomed the Malaysian leader. He spoke of trade with @anwaribrahim.",
              published="2023-01-09")
    labels = {"PERSON", "ORG", "GPE", "NORP", "HANDLE", "HASHTAG", "TITLE", "PRON"}
    for m in doc.mentions:
        assert doc.text[m.span.start:m.span.end] == m.text
        assert m.label in labels
    assert actor_at(doc, "the Malaysian leader").name == "Anwar Ibrahim"


def test_stage_contract_and_pickling(stage):
    assert (stage.name, stage.requires, stage.provides) == ("actors", ("parse", "published"), ("mentions", "learned"))
    again = pickle.loads(pickle.dumps(stage))
    assert again.knowledge.lookup_name("Sergei Lavrov").name == "Sergey Lavrov"


def test_titles_in_a_list_of_appositions_stay_with_their_names(run):
    doc = run("The minister met the President of the European Council, Charles Michel, the head of European "
              "diplomacy, Josep Borrell, and the Chancellor of Germany, Olaf Scholz.", published="2023-10-26")
    assert actor_at(doc, "Charles Michel").role == "President of the European Council"
    assert actor_at(doc, "Josep Borrell").role == "High Representative"
    assert actor_at(doc, "Olaf Scholz").country == "DEU"


def test_indefinite_titles_and_groups(run):
    doc = run("A Kremlin official said G20 leaders would gather in Rio. World leaders welcomed the plan.",
              published="2024-11-01")
    official = actor_at(doc, "A Kremlin official")  # someone of the Russian government, not a known person
    assert (official.name, official.code, official.kind) == ("Russia", "RUSGOV", "government")
    assert names_at(doc, "G20 leaders") == {"G20 leaders"}
    assert names_at(doc, "World leaders") == {"world leaders"}


def test_place_tagged_as_person_is_not_a_known_person(run):
    doc = run("Delegates flew to Borneo on Monday. Interpol was not informed.", published="2023-01-09")
    for words in ("Borneo", "Interpol"):
        actor = actor_at(doc, words)
        assert actor is not None, f"no mention of {words}"
        assert (actor.name, actor.role) == (words, None)  # not matched to someone in the knowledge file


def test_undated_article_is_dated_by_the_people_it_names(run):
    doc = run("Néstor Kirchner and Luiz Inácio Lula da Silva met Hugo Chávez. The Argentine president spoke first.",
              published=None)
    assert actor_at(doc, "The Argentine president").name == "Néstor Kirchner"


def test_actors_in_returns_every_member_of_a_group(run):
    from sideline.stages.actors.stage import actors_in

    doc = run("Pompeo brought together the foreign ministers of Saudi Arabia and Qatar in New York.",
              published="2018-09-27")
    start = doc.text.index("the foreign ministers")
    names = {a.name for a in actors_in(doc, start, start + len("the foreign ministers of Saudi Arabia and Qatar"))}
    assert names == {"Adel al-Jubeir", "Mohammed bin Abdulrahman Al Thani"}
