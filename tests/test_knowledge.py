"""Actor knowledge: names, offices by date, counterparts, handles. No model needed."""
from __future__ import annotations

import json
from datetime import date

import pytest

from sideline.knowledge.names import key, same_person, split_handle
from sideline.knowledge.people import Knowledge, parse_date
from sideline.lexicons import packaged


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge.load()


def name(person) -> str | None:
    return person.name if person is not None else None


# -- the data file itself ------------------------------------------------------------------------
def test_actors_file_states_its_sources_and_check_date():
    data = json.loads((packaged("actors.json")).read_text(encoding="utf-8"))
    assert data["checked"] == "2026-11-22"
    sections = {s["section"] for s in data["sources"]}
    assert sections and data["people"]
    assert all(s["source"] for s in data["sources"])
    assert all(p["section"] in sections for p in data["people"])


def test_every_office_is_well_formed(kb):
    offices = [(p, o) for p in kb.people for o in p.offices]
    assert len(kb.people) > 100 and len(offices) >= len(kb.people)
    for p, o in offices:
        assert o.country or o.org, p.name
    closed = [(p, o) for p, o in offices if o.start and o.end]
    assert closed and all(o.start <= o.end for p, o in closed), [(p.name, o) for p, o in closed if o.start > o.end]


def test_partial_dates_cover_the_whole_period():
    assert parse_date("2004") == date(2004, 1, 1)
    assert parse_date("2004", end=True) == date(2004, 12, 31)
    assert parse_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_date(None) is None


# -- names ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", ["Sergei Lavrov", "Sergey Lavrov", "SERGEI LAVROV", "Sergei Viktorovich Lavrov"])
def test_transliterations_of_one_name(kb, variant):
    assert name(kb.lookup_name(variant)) == "Sergey Lavrov"


@pytest.mark.parametrize("variant", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky"])
def test_zelenskyy_spellings(kb, variant):
    assert name(kb.lookup_name(variant)) == "Volodymyr Zelenskyy"


def test_accents_and_initials(kb):
    assert name(kb.lookup_name("Antonio Guterres")) == "António Guterres"
    assert name(kb.lookup_name("S. Jaishankar")) == "Subrahmanyam Jaishankar"


def test_misspelling_is_matched_with_guard(kb):
    assert name(kb.lookup_name("Rybakov", on=date(2023, 4, 20), loose=True)) == "Sergei Ryabkov"
    assert kb.lookup_name("Rybakov", on=date(2023, 4, 20)) is None  # only when asked
    assert name(kb.lookup_name("Alassane Ouatarra")) == "Alassane Ouattara"


def test_same_surname_different_given_name_are_different_people(kb):
    assert name(kb.lookup_name("Kim Jong Il")) == "Kim Jong Il"
    assert name(kb.lookup_name("Kim Jong Un")) == "Kim Jong Un"
    assert name(kb.lookup_name("Raul Castro")) == "Raúl Castro"
    assert name(kb.lookup_name("Fidel Castro")) == "Fidel Castro"
    assert not same_person("Kim Jong Il", "Kim Jong Un")
    assert not same_person("Raúl Castro", "Fidel Castro")
    assert not same_person("Li Qiang", "Li Keqiang")


def test_surname_alone_is_decided_by_the_date(kb):
    assert name(kb.lookup_name("Castro", on=date(2015, 5, 11))) == "Raúl Castro"
    assert name(kb.lookup_name("Castro", on=date(2000, 1, 1))) == "Fidel Castro"
    assert name(kb.lookup_name("Singh", on=date(2012, 6, 19))) == "Manmohan Singh"


def test_unknown_name_is_none(kb):
    assert kb.lookup_name("Quentin Zwirblewski") is None


def test_name_keys_fold_variants():
    assert key("Sergei Lavrov") == key("Sergey Lavrov")
    assert key("Recep Tayyip Erdoğan") == key("recep tayyip erdogan")
    assert same_person("Rybakov", "Sergei Ryabkov")


# -- offices -------------------------------------------------------------------------------------
def test_office_holder_by_date(kb):
    assert name(kb.holder("Secretary of State", "USA", on=date(2023, 4, 20))) == "Antony Blinken"
    assert name(kb.holder("Secretary of State", "USA", on=date(2019, 4, 20))) == "Mike Pompeo"


def test_title_words_name_the_same_office(kb):
    # the US foreign minister is the Secretary of State; "top diplomat" is a foreign minister
    assert name(kb.holder("foreign minister", "USA", on=date(2014, 1, 1))) == "John Kerry"
    assert name(kb.holder("top diplomat", "RUS", on=date(2023, 4, 20))) == "Sergey Lavrov"
    assert name(kb.holder("Leader", "IND", on=date(2012, 6, 19))) == "Manmohan Singh"


def test_organisation_offices(kb):
    assert name(kb.holder("Secretary-General", "UN", on=date(2010, 1, 1))) == "Ban Ki-moon"
    guterres = kb.lookup_name("Antonio Guterres")
    assert guterres.role(date(2024, 9, 26)) == "Secretary-General"
    assert guterres.code(date(2024, 9, 26)) == "IGOUNO"


def test_role_country_and_code_at_a_date(kb):
    putin = kb.lookup_name("Vladimir Putin")
    assert (putin.role(date(2010, 1, 1)), putin.country(date(2010, 1, 1))) == ("Prime Minister", "RUS")
    assert putin.role(date(2015, 1, 1)) == "President"
    assert putin.code(date(2015, 1, 1)) == "RUSGOV"
    offices = kb.offices_of(putin, on=date(2015, 1, 1))
    assert [o.role for o in offices] == ["President"]


def test_counterpart(kb):
    assert name(kb.counterpart_of("Sergey Lavrov", "USA", on=date(2024, 9, 1))) == "Antony Blinken"
    # a prime minister's counterpart in a presidential republic is its leader
    assert name(kb.counterpart_of("Justin Trudeau", "MEX", on=date(2016, 6, 28))) == "Enrique Peña Nieto"


# -- handles -------------------------------------------------------------------------------------
def test_handles_and_hashtags(kb):
    assert name(kb.by_handle("@AymanHsafadi")) == "Ayman Safadi"
    assert name(kb.by_handle("#Lavrov", on=date(2023, 1, 1))) == "Sergey Lavrov"
    assert name(kb.by_handle("@NAkufoAddo")) == "Nana Akufo-Addo"
    assert name(kb.by_handle("@POTUS", on=date(2022, 1, 1))) == "Joe Biden"
    assert split_handle("@NAkufoAddo") == "N Akufo Addo"


def test_user_data_dir_extends_the_knowledge(tmp_path):
    extra = {"people": [{"name": "Ilse Vandermoot", "gender": "f", "aliases": ["I. Vandermoot"], "section": "X",
                         "offices": [{"role": "Foreign Minister", "country": "NLD", "from": "2031-01-01", "to": None}]}]}
    (tmp_path / "actors.json").write_text(json.dumps(extra), encoding="utf-8")
    kb2 = Knowledge.load(tmp_path)
    assert name(kb2.lookup_name("I. Vandermoot")) == "Ilse Vandermoot"
    assert name(kb2.lookup_name("Sergei Lavrov")) == "Sergey Lavrov"  # the packaged people stay


def test_malformed_entry_is_a_config_error(tmp_path):
    from sideline.errors import ConfigError

    bad = {"people": [{"name": "Nobody", "offices": [{"country": "FRA", "from": "2020-13-01"}]}]}
    (tmp_path / "actors.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Knowledge.load(tmp_path)
    assert err.value.code == "E007"


def test_a_name_of_several_patronyms_is_looked_up_by_its_given_name_and_first_patronym():
    from sideline.knowledge import Knowledge

    kb = Knowledge.load()
    long = kb.lookup_name("Mohamed bin Salman bin Abdulaziz Al Saud")
    assert long is not None and long.name == "Mohammed bin Salman"
    assert kb.lookup_name("Salman bin Abdulaziz Al Saud").name != long.name  # the father is another person
