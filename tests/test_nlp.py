"""The NLP stage: sentences, offsets, selective parsing, batching, errors.

All test sentences are written for these tests.
"""
from __future__ import annotations

import json
import pickle

import pytest

from sideline.errors import ConfigError
from sideline.lexicons import load_lines, packaged
from sideline.records import Article, Document, Span
from sideline.stages.nlp import NLP, is_parsed, parsed_spans, trigger_pattern

# five sentences; only the third holds an event word
FIVE = ("The river rose sharply overnight. Farmers moved their cattle to higher ground. "
        "Later, Foreign Minister Ana Ruiz met her Chilean counterpart in Lima. "
        "Schools stayed closed for a second day. Engineer Pavel Novak inspected the dam.")

NEWS = ("Ministers Sit Down In Quiet Lakeside Town\n"
        "U.S. envoy Mara Olsen arrived in Tallinn on Sept. 14 for two days of talks. "
        "\"We are ready to listen,\" Dr. Jonas Berg told reporters. "
        "The talks ended at 5 p.m. Both sides issued statements.\n\n"
        "Photo caption: Olsen greets officials at the airport\n"
        "Snowfall closed several roads in the north.")


def _texts(doc) -> list[str]:
    return [doc.text[s.start:s.end] for s in doc.sentences]


# -- without the model ----------------------------------------------------------------------------
def test_trigger_pattern_words_prefixes_and_phrases():
    pat = trigger_pattern(["host", "negotiat*", "sat down", "tête-à-tête"])
    assert pat.search("They hosted") is None
    assert pat.search("He will host the summit")
    assert pat.search("the hostage crisis") is None
    assert pat.search("Negotiators returned")
    assert pat.search("they sat\ndown together")
    assert pat.search("a brief tête-à-tête followed")
    assert trigger_pattern([]).search("meet") is None


def test_event_words_cover_trigger_lexicon():
    path = packaged("triggers.json")
    assert path.exists(), path
    data = json.loads(path.read_text(encoding="utf-8"))
    pat = trigger_pattern(load_lines("event_words"))
    words = list(data.get("verbs", {})) + list(data.get("nouns", {})) + list(data.get("phrases", []))
    missed = [w for w in words if not pat.search(w)]
    assert not missed, f"event_words.txt misses {missed}"


def test_stage_pickles_without_the_model():
    stage = NLP()
    assert stage.name == "nlp" and stage.requires == ("text",)
    assert stage.provides == ("parse", "sentences")
    assert len(pickle.dumps(stage)) < 50_000


def test_unknown_model_is_a_config_error():
    stage = NLP(model="no_such_spacy_model_xyz")
    with pytest.raises(ConfigError) as err:
        stage(Document(article=Article(id="x", text="Hello."), text="Hello."))
    assert err.value.code == "E003"


# -- with the model -------------------------------------------------------------------------------
def test_sentences_on_news_text(make_doc):
    doc = make_doc(NEWS)
    assert _texts(doc) == [
        "Ministers Sit Down In Quiet Lakeside Town",
        "U.S. envoy Mara Olsen arrived in Tallinn on Sept. 14 for two days of talks.",
        "\"We are ready to listen,\" Dr. Jonas Berg told reporters.",
        "The talks ended at 5 p.m.",
        "Both sides issued statements.",
        "Photo caption: Olsen greets officials at the airport",
        "Snowfall closed several roads in the north.",
    ]


def test_offsets_are_clean_text_offsets(make_doc):
    doc = make_doc(NEWS)
    assert doc.parse.text == doc.text and len(doc.parse) and doc.sentences
    for tok in doc.parse:
        assert doc.text[tok.idx:tok.idx + len(tok.text)] == tok.text
    sents = [s for s in doc.parse.sents if s.text.strip()]
    assert len(sents) == len(doc.sentences)
    for sent, span in zip(sents, doc.sentences):
        assert sent.text.strip() == doc.text[span.start:span.end]
    assert all(isinstance(s, Span) for s in doc.sentences)


def test_only_trigger_sentences_and_neighbours_are_parsed(nlp_stage):
    stage = nlp_stage.replace(neighbours=1)
    doc = stage(Document(article=Article(id="n1", text=FIVE), text=FIVE))
    parsed = [is_parsed(s, doc.parse) for s in doc.sentences]
    assert parsed == [False, True, True, True, False]
    assert doc.parse.user_data["parsed"] == tuple((s.start, s.end) for s in doc.sentences[1:4])
    sents = list(doc.parse.sents)
    assert all(t.dep_ and t.tag_ and t.pos_ and t.lemma_ for t in sents[2] if not t.is_space)
    assert not any(t.dep_ or t.tag_ for t in sents[0])
    met = next(t for t in doc.parse if t.text == "met")
    assert met.lemma_ == "meet" and met.dep_ == "ROOT"
    assert is_parsed(sents[2]) and not is_parsed(sents[4])
    assert parsed_spans(doc.parse) == ((doc.sentences[1].start, doc.sentences[3].end),)


def test_neighbours_option(nlp_stage):
    stage = nlp_stage.replace(neighbours=0)
    doc = stage(Document(article=Article(id="n0", text=FIVE), text=FIVE))
    assert [is_parsed(s, doc.parse) for s in doc.sentences] == [False, False, True, False, False]


def test_entities_in_windows_around_events_and_in_the_lead(nlp_stage):
    far = FIVE + " Crews cleared the roads. Judge Lena Holm retired."
    stage = nlp_stage.replace(neighbours=0, ner_window=1, lead=1)
    doc = stage(Document(article=Article(id="w", text=far), text=far))
    names = " | ".join(e.text for e in doc.parse.ents)
    assert "Ana Ruiz" in names  # the event sentence, parsed
    assert "Holm" not in names  # four sentences away, outside the window
    everywhere = nlp_stage.replace(ner_window=None)(Document(article=Article(id="w", text=far), text=far))
    names = " | ".join(e.text for e in everywhere.parse.ents)
    assert "Ana Ruiz" in names and "Lena Holm" in names


def test_entities_do_not_cross_lines(make_doc):
    ents = make_doc(NEWS).parse.ents
    assert len(ents) > 3 and not any("\n" in e.text for e in ents)


def test_the_layers_multiply_with_numpy_not_blis(nlp_stage):
    from thinc.model import Model

    models = [p.model for _, p in nlp_stage.nlp.pipeline if isinstance(getattr(p, "model", None), Model)]
    gemm_layers = [n for m in models for n in m.walk() if n.name == "maxout"]
    assert gemm_layers and not any(n.ops.use_blis for n in gemm_layers)


def test_parse_all(nlp_stage):
    stage = nlp_stage.replace(parse_all=True)
    doc = stage(Document(article=Article(id="all", text=FIVE), text=FIVE))
    assert all(is_parsed(s, doc.parse) for s in doc.sentences)
    assert all(t.dep_ for t in doc.parse if not t.is_space)


def test_pipe_equals_call_and_keeps_order(nlp_stage):
    texts = [FIVE, NEWS, "The envoy phoned Paris.", "No events here at all.", ""]
    docs = [Document(article=Article(id=f"d{i}", text=t), text=t) for i, t in enumerate(texts)]
    piped = list(nlp_stage.pipe(docs, batch_size=2))
    assert [d.article.id for d in piped] == [d.article.id for d in docs]
    for one, many in zip((nlp_stage(d) for d in docs), piped):
        assert one.sentences == many.sentences
        assert [(e.start_char, e.end_char, e.label_) for e in one.parse.ents] == \
               [(e.start_char, e.end_char, e.label_) for e in many.parse.ents]
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in one.parse] == \
               [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in many.parse]
        assert one.parse.user_data["parsed"] == many.parse.user_data["parsed"]
    assert piped[-1].sentences == () and len(piped[-1].parse) == 0


def test_sentences_do_not_depend_on_what_is_parsed(nlp_stage):
    doc = Document(article=Article(id="s", text=NEWS), text=NEWS)
    some, every = nlp_stage(doc), nlp_stage.replace(parse_all=True)(doc)
    assert some.sentences and some.sentences == every.sentences
    for parse in (some.parse, every.parse):
        for sent in parse.sents:
            assert all(sent.start <= t.head.i < sent.end for t in sent)


def test_a_lower_case_which_after_a_full_stop_goes_on_the_sentence():
    import spacy

    from sideline.stages.nlp import _join_continuations

    nlp = spacy.blank("en")
    doc = nlp("He met delegates at the forum. which includes Peru and Laos. The talks ended.")
    for i, t in enumerate(doc):
        t.is_sent_start = i == 0 or doc[i - 1].text == "."
    assert [s.text for s in _join_continuations(doc).sents] == [
        "He met delegates at the forum. which includes Peru and Laos.", "The talks ended."]


def test_a_sentence_cut_at_an_editors_square_brackets_is_joined():
    import spacy

    from sideline.stages.nlp import _join_continuations

    nlp = spacy.blank("en")
    doc = nlp("She said she met [Ugandan counterpart Jeje Odongo] in Kampala. The talks were [sic] useful.\n[Photo] Next.")
    cuts = {"[", "Ugandan", "The", "sic", "Photo"}  # where a senter cuts: at and after the brackets
    for i, t in enumerate(doc):
        t.is_sent_start = i == 0 or t.text in cuts or doc[i - 1].text in (".", "\n")
    assert [s.text.strip() for s in _join_continuations(doc).sents if s.text.strip()] == [
        "She said she met [Ugandan counterpart Jeje Odongo] in Kampala.", "The talks were [sic] useful.",
        "[Photo] Next."]  # after a line break the bracket opens a sentence; what it holds goes on it
