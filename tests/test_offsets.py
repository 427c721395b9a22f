"""OffsetMap and Tracked: cleaned-text offsets back to the article text as given."""
from __future__ import annotations

import html
import pickle
import random
import re

import ftfy
import pytest

from sideline.stages.clean.offsets import OffsetMap, Tracked
from sideline.records import Article, Document, Span
from sideline.stages.clean.stage import Clean


def test_identity_map():
    m = Tracked.of("Lavrov met Guterres.").offsets()
    assert m.to_raw(0, 6) == (0, 6)
    assert m.to_raw(11, 19) == (11, 19)
    assert len(m.clean) == 1  # one linear run
    assert OffsetMap.identity(20).to_raw(3, 7) == (3, 7)


def test_entity_replacement_maps_to_the_whole_entity():
    raw = "Russia&#039;s minister"
    t = Tracked.of(raw).edit([(6, 12, "'")])
    assert t.text == "Russia's minister"
    m = t.offsets()
    assert m.to_raw(6, 7) == (6, 12)
    assert raw[slice(*m.to_raw(0, 8))] == "Russia&#039;s"
    assert raw[slice(*m.to_raw(9, 17))] == "minister"


def test_deletion_and_insertion():
    raw = "Abuja.The talks\nRelated article: x\nended."
    t = Tracked.of(raw).edit([(6, 6, " "), (16, 35, "")])
    assert t.text == "Abuja. The talks\nended."
    m = t.offsets()
    s = t.text.index("The")
    assert raw[slice(*m.to_raw(s, s + 9))] == "The talks"
    # a span over the deleted line covers it in the raw text
    assert raw[slice(*m.to_raw(s, len(t.text)))] == "The talks\nRelated article: x\nended."
    # the inserted space stands for its left neighbour
    assert m.char(6) == (5, 6)


def test_changed_run_aligned_inside():
    raw = "Josep PiquÃ© in Madrid"
    fixed = ftfy.fix_text(raw)
    t = Tracked.of(raw).edit([(0, len(raw), fixed)])
    m = t.offsets()
    assert t.text == "Josep Piqué in Madrid"
    assert raw[slice(*m.to_raw(0, 5))] == "Josep"
    assert raw[slice(*m.to_raw(6, 11))] == "PiquÃ©"
    assert raw[slice(*m.to_raw(15, 21))] == "Madrid"


def test_edits_must_be_sorted():
    with pytest.raises(ValueError):
        Tracked.of("abcdef").edit([(3, 4, ""), (1, 2, "")])


def test_clamping_and_empty_spans():
    t = Tracked.of("xx&amp;yy").edit([(2, 7, "&")])
    m = t.offsets()
    assert m.to_raw(-5, 2) == (0, 2)
    assert m.to_raw(3, 99) == (7, 9)
    assert m.to_raw(2, 2) == (2, 2)
    assert m.to_raw(5, 5) == (9, 9)
    assert Tracked.of("").offsets().to_raw(0, 0) == (0, 0)


def test_picklable_and_compact():
    raw = ("Paragraph with &amp; entity and a caf\u00c3\u00a9.\n" * 2000)
    doc = Clean()(Document(article=Article(id="x", text=raw)))
    m = pickle.loads(pickle.dumps(doc.offsets))
    assert m.to_raw(0, 10) == doc.offsets.to_raw(0, 10)
    assert len(m.clean) < 50  # the duplicates were dropped; runs, not characters


# -- the property: any span of any messy text maps to its own raw text ----------------------
PIECES = [
    "Russia&#039;s Foreign Minister met his counterpart",
    "Kenyaâ€™s minister said &quot;talks were frank&quot;",
    "the caf\u00c3\u00a9 in Lom\u00c3\u00a9",
    "withÂ\u00a0revolutionary leader",
    "<u>AFP</u> and <b>Reuters</b>",
    "Related article: Nothing to see here",
    "Advertisement",
    "a line broken\ninside a sentence",
    "theWhite House said.The talks",
    "tabs\tand   spaces\u00a0\u00a0here",
    "Photo: Presidency",
    "%MINIFYHTML5d931d5c332c588%",
    "\u200bzero\u00adwidth",
    "Ministers met in Bras\u00edlia on Monday, officials said.",
]


def _messy(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 25)):
        p = rng.choice(PIECES)
        parts.append(p)
        if rng.random() < 0.3:
            parts.append(p)  # printed twice
        parts.append(rng.choice(["\n", "\n\n", " ", "\n\n\n", "  \n"]))
    return "".join(parts)


def _normal(raw: str) -> str:
    """The raw text as cleaning reads it: entities, mojibake, tags and spaces undone."""
    text = ftfy.fix_text(html.unescape(html.unescape(raw)))
    return " ".join(re.sub(r"<[^<>]*>|[\u200b\u00ad]", "", text).split())


@pytest.mark.parametrize("seed", range(12))
def test_any_span_maps_to_its_raw_text(seed):
    rng = random.Random(seed)
    raw = _messy(rng)
    clean = Clean()
    assert raw.strip()
    doc = clean(Document(article=Article(id=f"p{seed}", text=raw)))
    text, m = doc.text, doc.offsets
    assert sum(ch.isalnum() for ch in text) > 10
    prev = (0, 0)
    for i, ch in enumerate(text):  # every character: a non-empty raw span, in order
        a, b = m.char(i)
        assert 0 <= a < b <= len(raw)
        assert (a, b) >= prev
        prev = (a, b)
        if ch.isalnum():
            assert ch in _normal(raw[a:b]) or ch in raw[a:b]
    for _ in range(200):  # random spans: exact slices, first and last character included
        s = rng.randrange(len(text))
        e = rng.randrange(s + 1, len(text) + 1)
        ev = doc.evidence(Span(s, e))
        assert ev.text == raw[ev.start:ev.end]
        assert (ev.start, ev.end) == (m.char(s)[0], m.char(e - 1)[1])
        words = [w for w in text[s:e].split() if w.isascii() and w.isalpha() and len(w) > 3]
        normal = _normal(ev.text).replace(" ", "")
        for w in words[1:-1]:  # whole words inside the span are in its raw text
            assert w in normal or w in ev.text


def test_evidence_of_an_identical_span_is_identical():
    raw = "Wekesa said talks were &quot;frank&quot;.\n\nThe ministers met in Oslo."
    doc = Clean()(Document(article=Article(id="e", text=raw)))
    s = doc.text.index("The ministers")
    ev = doc.evidence(Span(s, s + len("The ministers met in Oslo.")))
    assert ev.text == "The ministers met in Oslo."
    ev = doc.evidence(Span(0, doc.text.index(".") + 1))
    assert ev.text == "Wekesa said talks were &quot;frank&quot;."


def test_spans_of_fixtures_and_examples():
    from pathlib import Path

    from sideline.stages.ingest.read import read_inputs

    root = Path(__file__).parent.parent
    clean, rng = Clean(), random.Random(7)
    arts = [a for a in read_inputs([root / "sideline" / "data" / "examples" / "articles.jsonl", root / "tests" / "fixtures" / "messy"])
            if isinstance(a, Article)]
    assert len(arts) >= 15
    edges = 0
    for a in arts:
        doc = clean(Document(article=a))
        for _ in range(100):
            s = rng.randrange(len(doc.text))
            e = rng.randrange(s + 1, len(doc.text) + 1)
            ev = doc.evidence(Span(s, e))
            assert ev.text == a.text[ev.start:ev.end]
            first, last = doc.text[s], doc.text[e - 1]
            if first.isascii() and first.isalnum():
                assert _normal(ev.text)[:1] == first or ev.text[:1] == first
                edges += 1
            if last.isascii() and last.isalnum():
                assert _normal(ev.text)[-1:] == last or ev.text[-1:] == last
                edges += 1
    assert edges > len(arts) * 50  # most random spans start and end on a letter or digit
