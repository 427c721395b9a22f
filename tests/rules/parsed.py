"""Parsed spaCy Docs built by hand, so that rule tests run without the model and do not drift with it.

A sentence is written as a table, one token a line, as spaCy's own tests build their Docs
(``Doc(vocab, words=..., heads=..., deps=..., pos=...)``)::

    doc = parse('''
        0  Justin    Justin   PROPN  NNP  1  compound  B-PERSON
        1  Trudeau   Trudeau  PROPN  NNP  2  nsubj     I-PERSON
        2  met       meet     VERB   VBD  2  ROOT
        3  Joe       Joe      PROPN  NNP  4  compound  B-PERSON
        4  Biden     Biden    PROPN  NNP  2  dobj      I-PERSON
        5  .         .        PUNCT  .    2  punct
    ''')

Columns: index (checked against the line's position, so that the heads can be read off
it), word, lemma (``_``: the word, lower-cased unless a PROPN), coarse POS, fine tag, head
(the absolute index of the head token; a ROOT is its own head), dependency label, and an
optional entity tag (``B-PERSON``, ``I-GPE``, ``O``). Blank lines and ``#`` comments are
ignored. A word written ``\\n`` is a line break (a paragraph's end; give it POS ``SPACE``, tag
``_SP`` and dependency ``dep``, hung on the sentence before). Sentences are the subtrees of the roots, as in a real parse; the text joins the
words with one space, but none before closing punctuation and clitics (``.``, ``,``,
``'s``, ``n't``) nor after an opening quote or bracket.

:func:`parse` marks every sentence as parsed the way the nlp stage does
(``doc.user_data["parsed"]``, see :mod:`sideline.stages.nlp`), or only the sentences
named by ``parsed``. :func:`document` wraps the Doc in a ``Document`` as the nlp stage
leaves it (``text``, ``sentences``, ``parse``, ``published``), ready for the actors and
events stages.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import spacy
from spacy.tokens import Doc

from sideline.records import Article, Document
from sideline.stages.nlp import PARSED, sentence_spans

__all__ = ["parse", "document", "triggers", "trigger"]

_VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "'s", "’s", "'", "’", "n't", "n’t", ")", "]", "%", "”", "'ll",
                    "'re", "'ve", "'d", "'m", "\n"}
_NO_SPACE_AFTER = {"(", "[", "“", "$", "@", "#", "\n"}


def _rows(table: str) -> list[list[str]]:
    rows = []
    for line in table.splitlines():
        cells = line.split()
        if not cells or cells[0].startswith("#"):
            continue
        if len(cells) not in (7, 8):
            raise ValueError(f"a token line has 7 or 8 columns (i word lemma pos tag head dep [ent]): {line!r}")
        if int(cells[0]) != len(rows):
            raise ValueError(f"token {cells[1]!r} is numbered {cells[0]} but is token {len(rows)}")
        rows.append(cells)
    if not rows:
        raise ValueError("an empty table")
    return rows


def _spaces(words: list[str]) -> list[bool]:
    out = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        out.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER)
    return out


def parse(table: str, parsed: bool | Iterable[int] = True) -> Doc:
    """A Doc from a token table (see the module docstring). ``parsed``: True (every sentence
    is marked parsed), False (none) or the indices of the sentences to mark."""
    rows = _rows(table)
    words = ["\n" if r[1] == "\\n" else r[1] for r in rows]
    lemmas = [r[1] if r[2] == "_" and r[3] == "PROPN" else r[1].lower() if r[2] == "_" else r[2] for r in rows]
    heads = [int(r[5]) for r in rows]
    bad = [(r[1], h) for r, h in zip(rows, heads) if not 0 <= h < len(rows)]
    if bad:
        raise ValueError(f"heads outside the table: {bad}")
    doc = Doc(_VOCAB, words=words, spaces=_spaces(words), lemmas=lemmas, pos=[r[3] for r in rows],
              tags=[r[4] for r in rows], heads=heads, deps=[r[6] for r in rows],
              ents=[r[7] if len(r) == 8 else "O" for r in rows])
    sents = list(doc.sents)
    picks = range(len(sents)) if parsed is True else () if parsed is False else sorted(parsed)
    doc.user_data[PARSED] = tuple(_strip(sents[k]) for k in picks)
    return doc


def _strip(sent) -> tuple[int, int]:
    toks = [t for t in sent if not t.is_space]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def document(table: str, published: date | str | None = "2024-05-06", id: str = "t",
             parsed: bool | Iterable[int] = True) -> Document:
    """A Document as the nlp stage leaves it, over a hand-built parse."""
    doc = parse(table, parsed)
    if isinstance(published, str):
        published = date.fromisoformat(published)
    text = doc.text
    return Document(article=Article(id=id, text=text, published=published), text=text, published=published,
                    sentences=sentence_spans(doc), parse=doc)


def triggers(doc: Doc, lexicon=None) -> list:
    """Every trigger the trigger lexicon finds in the sentences of ``doc``."""
    lexicon = lexicon or _lexicon()
    return [t for sent in doc.sents for t in lexicon.find(sent)]


def trigger(doc: Doc, word: str, lexicon=None):
    """The one trigger whose token is ``word`` (fails when there is none, or more than one)."""
    found = [t for t in triggers(doc, lexicon) if t.token.text == word]
    assert len(found) == 1, f"{len(found)} triggers on {word!r} in {[t.token.text for t in triggers(doc, lexicon)]}"
    return found[0]


@lru_cache(maxsize=1)
def _lexicon():
    from sideline.stages.events.triggers import TriggerLexicon

    return TriggerLexicon()
