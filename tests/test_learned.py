"""Roles the corpus teaches, used across articles at link time (no model: hand-built records).

The people and sentences are invented for these tests.
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sideline import query
from sideline.api import link
from sideline.export.writers import events_path, export
from sideline.ledger.learned import Enricher, RoleBook
from sideline.records import Actor, Article, Event, EventType, Evidence, Result, Status, When
from sideline.store.database import Store

from ._export_data import without_dateadded

A_DAY = date(2024, 5, 6)
B_DAY = date(2024, 5, 13)
KAMAU = ("Wanjiru Kamau", "Foreign Minister", "KEN", A_DAY, "a-teach")
TZ_HOST = Actor("Halima Mtemvu", "Tanzanian President Halima Mtemvu", "President", "TZA", "TZAGOV", "person")


@pytest.fixture(scope="module")
def enricher_for():
    from sideline.knowledge.people import Knowledge

    kb = Knowledge.load()

    def make(*rows) -> Enricher:
        return Enricher(RoleBook.from_rows(rows), kb, shared_roles=("Ambassador", "Minister"))
    return make


def bare(name: str, mention: str | None = None) -> Actor:
    return Actor(name, mention or name)


def title_only(iso: str, country: str, role: str, mention: str) -> Actor:
    return Actor(country, mention, role, iso, f"{iso}GOV", "government")


def event(article: str, *actors: Actor, text: str = "x", start: int = 0) -> Event:
    return Event(article=article, type=EventType.MEET, status=Status.OCCURRED, actors=actors,
                 evidence=Evidence(text, start, start + len(text)), when=When("2024-05-14"))


# -- the book and the enricher ------------------------------------------------------------------
def test_a_surname_gets_the_full_name_role_and_country_learned_a_week_earlier(enricher_for):
    ev = enricher_for(KAMAU)(event("b", bare("Kamau"), TZ_HOST), B_DAY)
    assert ev.actors[0] == Actor("Wanjiru Kamau", "Kamau", "Foreign Minister", "KEN", "KENGOV", "person")
    assert ev.actors[1] == TZ_HOST


def test_a_full_name_without_a_role_gets_the_learned_one(enricher_for):
    got = enricher_for(KAMAU).actor(bare("Wanjiru Kamau"), B_DAY)
    assert (got.name, got.role, got.country) == ("Wanjiru Kamau", "Foreign Minister", "KEN")


def test_a_title_only_participant_becomes_the_one_person_learned_in_that_office(enricher_for):
    minister = title_only("KEN", "Kenya", "Foreign Minister", "the Kenyan foreign minister")
    got = enricher_for(KAMAU).actor(minister, B_DAY)
    assert got == Actor("Wanjiru Kamau", "the Kenyan foreign minister", "Foreign Minister", "KEN", "KENGOV", "person")


def test_two_people_who_share_a_surname_stay_apart(enricher_for):
    other = ("Daudi Kamau", "Trade Minister", "KEN", date(2024, 5, 1), "a-other")
    enrich = enricher_for(KAMAU, other)
    assert enrich.actor(bare("Kamau"), B_DAY) is None
    assert enrich.actor(bare("Daudi Kamau"), B_DAY).role == "Trade Minister"
    assert enrich.actor(bare("Wanjiru Kamau"), B_DAY).role == "Foreign Minister"


def test_two_learned_holders_of_one_office_leave_a_title_alone(enricher_for):
    before = ("Otieno Wafula", "Foreign Minister", "KEN", date(2023, 11, 2), "a-old")
    minister = title_only("KEN", "Kenya", "Foreign Minister", "the Kenyan foreign minister")
    assert enricher_for(KAMAU, before).actor(minister, B_DAY) is None


def test_a_role_learned_outside_the_window_is_not_used(enricher_for):
    old = ("Wanjiru Kamau", "Foreign Minister", "KEN", date(2019, 2, 1), "a-2019")
    enrich = enricher_for(old)
    assert enrich.actor(bare("Kamau"), B_DAY) is None
    assert enrich.actor(title_only("KEN", "Kenya", "Foreign Minister", "the Kenyan foreign minister"), B_DAY) is None
    assert enrich.actor(bare("Kamau"), date(2019, 3, 1)).name == "Wanjiru Kamau"


def test_an_article_without_a_date_and_a_row_without_one_are_left_out(enricher_for):
    undated = ("Wanjiru Kamau", "Foreign Minister", "KEN", None, "a-undated")
    assert len(RoleBook.from_rows([undated])) == 0
    ev = event("b", bare("Kamau"))
    assert enricher_for(KAMAU)(ev, None) is ev


def test_roles_many_hold_at_once_are_never_guessed(enricher_for):
    envoy = ("Amina Chebet", "Ambassador", "KEN", A_DAY, "a-teach")
    title = title_only("KEN", "Kenya", "Ambassador", "the Kenyan ambassador")
    assert enricher_for(envoy).actor(title, B_DAY) is None


def test_the_knowledge_file_wins_over_a_learned_role(enricher_for):
    wrong = ("Sergey Lavrov", "Prime Minister", "RUS", date(2023, 4, 2), "a-wrong")
    other = ("Pyotr Invented", "Foreign Minister", "RUS", date(2023, 4, 2), "a-wrong")
    enrich = enricher_for(wrong, other)
    got = enrich.actor(bare("Lavrov"), date(2023, 4, 9))
    assert (got.name, got.role, got.country) == ("Sergey Lavrov", "Foreign Minister", "RUS")
    title = enrich.actor(title_only("RUS", "Russia", "Foreign Minister", "the Russian foreign minister"),
                         date(2023, 4, 9))
    assert title.name == "Sergey Lavrov"


def test_the_knowledge_is_asked_at_the_date_the_event_text_wrote(enricher_for):
    ruto = ("William Ruto", "President", "KEN", date(2023, 4, 2), "a-ruto")
    president = title_only("KEN", "Kenya", "President", "the Kenyan president")
    told = replace(event("b", president, TZ_HOST), when=When("2022-08", text="in August 2022"))
    got = enricher_for(ruto)(told, date(2023, 4, 20))
    assert got.actors[0].name == "Uhuru Kenyatta"  # the president in August 2022, not the one learned in 2023
    now = enricher_for(ruto)(event("b", president, TZ_HOST), date(2023, 4, 20))
    assert now.actors[0].name == "William Ruto"
    old = replace(event("b", president, TZ_HOST), when=When("1994-03", text="in March 1994"))
    assert enricher_for(ruto)(old, date(2023, 4, 20)).actors[0] == president  # roles of 2023 say nothing of 1994


def test_a_surname_taken_for_an_organisation_is_the_learned_person(enricher_for):
    makamba = Actor("Mwakyusa", "Mwakyusa", None, None, None, "organisation")
    teach = ("Baraka Mwakyusa", "Foreign Minister", "TZA", A_DAY, "a-teach")
    got = enricher_for(teach).actor(makamba, B_DAY)
    assert (got.name, got.kind, got.country) == ("Baraka Mwakyusa", "person", "TZA")
    assert enricher_for(teach).actor(Actor("NATO", "NATO", kind="organisation"), B_DAY) is None


def test_a_rename_that_would_make_an_actor_meet_itself_is_not_made(enricher_for):
    ev = event("b", Actor("Wanjiru Kamau", "Wanjiru Kamau", "Foreign Minister", "KEN", "KENGOV"), bare("Kamau"))
    assert enricher_for(KAMAU)(ev, B_DAY) is ev


def test_the_book_does_not_depend_on_the_order_of_its_rows():
    rows = [KAMAU, ("Wanjiru Kamau", "Foreign Minister", "KEN", date(2024, 5, 9), "a-2"),
            ("Wanjiru Kamau", "Trade Minister", "KEN", date(2024, 5, 10), "a-3"),
            ("Daudi Kamau", "Trade Minister", "KEN", date(2024, 5, 1), "a-other")]
    books = [RoleBook.from_rows(p) for p in itertools.permutations(rows)]
    assert all(b.entries() == books[0].entries() for b in books)
    best = books[0].person("Wanjiru Kamau", B_DAY)
    assert best.role == "Foreign Minister"  # two articles beat one
    assert best.summary() == "Foreign Minister, KEN: learned from 2 articles (2024-05-06 to 2024-05-09)"


# -- through the store: link, incremental runs, readers --------------------------------------------
TEACH = "NAIROBI — Kenyan Foreign Minister Wanjiru Kamau met Tanzanian President Halima Mtemvu on Monday."
LATER = "Kamau met Mtemvu again in Arusha on Tuesday. The Kenyan foreign minister met Mtemvu there."


def _result(article_id: str, text: str, published: date, events: tuple[Event, ...], learned=()) -> Result:
    return Result(article=Article(id=article_id, text=text, published=published), events=events,
                  learned=tuple(learned))


def _teaching() -> Result:
    kamau = Actor("Wanjiru Kamau", "Kenyan Foreign Minister Wanjiru Kamau", "Foreign Minister", "KEN", "KENGOV")
    sentence = TEACH.split(" — ")[1]
    ev = event("a-teach", kamau, TZ_HOST, text=sentence, start=TEACH.index(sentence))
    return _result("a-teach", TEACH, A_DAY, (ev,), [KAMAU[:4], ("Halima Mtemvu", "President", "TZA", A_DAY)])


def _later() -> Result:
    first, second = LATER.split(". ")[0] + ".", LATER.split(". ")[1]
    host = Actor("Halima Mtemvu", "Mtemvu", "President", "TZA", "TZAGOV")
    minister = title_only("KEN", "Kenya", "Foreign Minister", "The Kenyan foreign minister")
    return _result("b-later", LATER, B_DAY, (
        event("b-later", bare("Kamau"), host, text=first, start=0),
        event("b-later", minister, host, text=second, start=LATER.index(second))))


def _exports(db: Path, tmp: Path) -> dict[str, bytes]:
    out = {}
    with Store(db, read_only=True) as store:
        for fmt in ("jsonl", "csv", "plover", "cameo"):
            path = tmp / f"{db.stem}.{fmt}"
            export(store, fmt, path)
            out[fmt] = path.read_bytes()
        out["cameo"] = without_dateadded(out["cameo"])  # when each run stored the event
        out["csv-events"] = events_path(tmp / f"{db.stem}.csv").read_bytes()
    return out


def _run(db: Path, *batches: list[Result]) -> None:
    for batch in batches:
        with Store(db) as store:
            store.write_batch(batch)
            link(store)


def test_a_later_article_gets_what_an_earlier_one_taught_and_keeps_its_extraction(tmp_path):
    db = tmp_path / "one.duckdb"
    _run(db, [_teaching(), _later()])
    raw = _later().events
    with Store(db, read_only=True) as store:
        got = list(store.events(article="b-later"))
        assert [e.mention_id for e in got] == [e.mention_id for e in raw]
        assert [[a.name for a in e.actors] for e in got] == [["Wanjiru Kamau", "Halima Mtemvu"]] * 2
        assert got[0].actors[0].role == "Foreign Minister" and got[0].actors[0].mention == "Kamau"
        assert [e.actors for e in store.events(article="b-later", raw=True)] == [e.actors for e in raw]
        assert len({e.event_id for e in got}) == 1  # both claims now speak of one meeting
        names = {a["name"] for a in store.actors()}
        assert "Kamau" not in names and "Kenya" not in names and "Wanjiru Kamau" in names


@pytest.mark.parametrize("order", ["taught first", "taught last"])
def test_two_runs_in_either_order_give_the_export_of_one_run(tmp_path, order):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    _run(one, [_teaching(), _later()])
    runs = [[_teaching()], [_later()]]
    _run(two, *(runs if order == "taught first" else runs[::-1]))
    a, b = _exports(one, tmp_path), _exports(two, tmp_path)
    assert a == b and b"Wanjiru Kamau" in a["jsonl"]


def test_the_enrichment_goes_when_the_teaching_article_changes(tmp_path):
    db = tmp_path / "l.duckdb"
    _run(db, [_teaching(), _later()])
    untaught = _result("a-teach", TEACH + " Updated.", A_DAY, _teaching().events, ())
    _run(db, [untaught])
    with Store(db, read_only=True) as store:
        assert store.linked_actors() == {}
        assert [a.name for a in next(store.events(article="b-later")).actors] == ["Kamau", "Halima Mtemvu"]


def test_the_actors_query_shows_learned_and_known_roles(tmp_path):
    db = tmp_path / "l.duckdb"
    _run(db, [_teaching(), _later()])
    with Store(db, read_only=True) as store:
        rows = {r.name: r for r in query.actors(store)}
    assert rows["Wanjiru Kamau"].learned == ("Foreign Minister, KEN: learned from 1 article (2024-05-06)",)
    assert rows["Wanjiru Kamau"].mentions == 3 and rows["Wanjiru Kamau"].known == ()
    assert "Kamau" in rows["Wanjiru Kamau"].aliases


def test_the_actors_query_shows_knowledge_base_offices():
    class Fake:
        def events(self):
            return [event("a", Actor("Sergey Lavrov", "Lavrov", "Foreign Minister", "RUS", "RUSGOV"))]

        def learned_roles(self):
            return [("Sergey Lavrov", "Foreign Minister", "RUS", date(2024, 9, 1), "a")]

    row = query.actors(Fake(), "lavrov")[0]
    assert any(k.startswith("Foreign Minister, RUS (2004") and k.endswith("knowledge base") for k in row.known)
    assert row.learned == ("Foreign Minister, RUS: learned from 1 article (2024-09-01)",)


def test_the_jsonl_export_carries_the_completed_participants(tmp_path):
    import json

    db = tmp_path / "l.duckdb"
    _run(db, [_later()], [_teaching()])
    lines = [json.loads(x) for x in _exports(db, tmp_path)["jsonl"].decode().splitlines()]
    later = [x for x in lines if x["article"] == "b-later"]
    assert [[a["name"] for a in x["actors"]] for x in later] == [["Wanjiru Kamau", "Halima Mtemvu"]] * 2
    assert [x["actors"][0]["mention"] for x in later] == ["Kamau", "The Kenyan foreign minister"]


# -- with the model: the actors stage and whole runs --------------------------------------------------
@pytest.fixture(scope="module")
def pipeline():
    from sideline.pipeline import Pipeline

    return Pipeline.default()


def _participants(pipeline, text: str, published: date = B_DAY) -> list[list[Actor]]:
    res = pipeline(Article(id="t", text=text, published=published))
    return [list(e.actors) for e in res.events]


@pytest.mark.slow
def test_a_title_only_minister_with_no_known_holder_keeps_the_office(pipeline):
    found = _participants(pipeline, "The Kenyan foreign minister met Tanzanian President Halima Mtemvu "
                                    "in Arusha on Tuesday.")
    kenya = next(a for actors in found for a in actors if a.country == "KEN")
    assert (kenya.name, kenya.role, kenya.code, kenya.kind) == ("Kenya", "Foreign Minister", "KENGOV", "government")


@pytest.mark.slow
def test_capitals_standing_for_governments_are_the_governments(pipeline):
    res = pipeline(Article(id="t", published=B_DAY,
                           text="Beijing and Tokyo agreed on Monday to hold talks in Geneva next month, "
                                "Moscow said."))
    ev = next(e for e in res.events)
    assert {(a.name, a.country, a.kind) for a in ev.actors} == {("China", "CHN", "government"),
                                                               ("Japan", "JPN", "government")}
    assert ev.attributed_to is not None and ev.attributed_to.name == "Russia"
    assert all(a.name != "Switzerland" for a in ev.actors)  # "in Geneva" is the place


@pytest.mark.slow
def test_washington_is_the_us_government_and_the_united_states_a_country(pipeline):
    found = _participants(pipeline, "Washington and Moscow held talks on Monday, officials said. "
                                    "The United States and Brazil held talks on Friday.")
    flat = {(a.name, a.kind) for actors in found for a in actors}
    assert ("United States", "government") in flat and ("Russia", "government") in flat
    assert ("United States", "country") in flat and ("Washington", "person") not in flat


@pytest.mark.slow
def test_extracting_in_one_run_or_two_in_either_order_gives_one_export(tmp_path, pipeline):
    import json

    import sideline

    teach = {"id": "kt-1", "published": "2024-05-06",
             "text": "NAIROBI — Kenyan Foreign Minister Wanjiru Kamau met Tanzanian President Halima Mtemvu "
                     "in Nairobi on Monday to discuss the border."}
    later = {"id": "kt-2", "published": "2024-05-13",
             "text": "Kamau met Ugandan President Yoweri Tumusiime in Kampala on Tuesday, officials said. "
                     "The Kenyan foreign minister will meet Mtemvu again in Arusha next month."}
    files = {}
    for art in (teach, later):
        files[art["id"]] = tmp_path / f"{art['id']}.jsonl"
        files[art["id"]].write_text(json.dumps(art) + "\n", encoding="utf-8")
    both = tmp_path / "both.jsonl"
    both.write_text(files["kt-1"].read_text() + files["kt-2"].read_text(), encoding="utf-8")
    sideline.extract([both], db=tmp_path / "one.duckdb", pipeline=pipeline)
    for name, order in (("fwd", ["kt-1", "kt-2"]), ("rev", ["kt-2", "kt-1"])):
        for aid in order:
            sideline.extract([files[aid]], db=tmp_path / f"{name}.duckdb", pipeline=pipeline)
    exports = {n: _exports(tmp_path / f"{n}.duckdb", tmp_path) for n in ("one", "fwd", "rev")}
    assert exports["one"] == exports["fwd"] == exports["rev"]
    lines = [json.loads(x) for x in exports["one"]["jsonl"].decode().splitlines()]
    later_names = {a["name"] for x in lines if x["article"] == "kt-2" for a in x["actors"]}
    assert "Wanjiru Kamau" in later_names and "Kamau" not in later_names and "Kenya" not in later_names
