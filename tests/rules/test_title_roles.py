"""Which person named earlier a title-only mention may stand for (DocResolver.role_matches):
an office is never its deputy's, a bare role word may be anyone's with it."""
from __future__ import annotations

from datetime import date

from sideline.stages.actors.entities import Entity
from sideline.stages.actors.resolve import DocResolver

from .test_dated_titles import _stage


def _resolver() -> DocResolver:
    stage = _stage()
    return DocResolver(stage.lexicon, stage.knowledge, date(2023, 4, 20))


def test_an_office_is_not_its_deputys():
    r = _resolver()
    full = Entity(name="Ama Mensah", role="Foreign Minister", country="GHA")
    deputy = Entity(name="Kofi Boateng", role="Deputy Foreign Minister", country="GHA")
    assert r.role_matches(full, "Foreign Minister")
    assert r.role_matches(deputy, "Deputy Foreign Minister")
    assert not r.role_matches(deputy, "Foreign Minister")  # "the foreign minister"
    assert not r.role_matches(Entity(name="Kofi Boateng", role="Vice President"), "President")


def test_a_bare_role_word_may_be_a_deputys():
    r = _resolver()
    assert r.role_matches(Entity(name="Kofi Boateng", role="Deputy Foreign Minister"), "Minister")  # "the minister"


def test_a_title_after_for_or_to_is_someone_elses_office():
    lx = _stage().lexicon
    spokesman = lx.parse_title("a spokesman for the Ghanaian President")
    assert spokesman is not None and spokesman.role == "Spokesperson" and spokesman.country == "GHA"
    assert lx.parse_title("the Special Envoy to the Prime Minister").role == "Special Envoy"
    assert lx.parse_title("the Ghanaian President").role == "President"
    assert lx.parse_title("Minister for Foreign Affairs").role == "Foreign Minister"  # "for" inside one title
