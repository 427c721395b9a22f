"""The spaCy model the nlp stage runs, loaded once: the only ``spacy.load`` of sideline.

:func:`load`:

1. builds every layer of the model on numpy's matrix product instead of thinc's default blis
   (``use_blis=False``): numpy's BLAS (OpenBLAS) multiplies the float32 matrices of the
   ``tok2vec``, ``ner`` and ``senter`` layers about three times as fast on the development
   machine (105 against 33 GFLOPS, one thread), and every token of VOA, dev, dev2 and dev3
   gets the same tags, trees, lemmas and entities (the products differ in the last bits; no
   decision turns on them there). The transition steps of the parser and NER stay in spaCy's
   own code;
2. turns the statistical sentence recogniser ``senter`` on (measured better than the
   rule-based ``sentencizer`` on news), or adds the ``sentencizer`` when the model has none;
3. makes the rule lemmatizer's word lists (``lemma_index``: 57,528 nouns, 20,993 verbs...)
   sets: spaCy asks ``form in index`` of each, which on a list scans it, about 80 microseconds
   a new word; on a set the same answer costs nothing (0.73 s -> 0.14 s of lemmatizing on
   VOA's parsed sentences, every lemma the same). Nothing else reads the lists, and the
   loaded model is never saved;
4. keeps the hyphenated words that start with one of ``whole_words`` as one token
   (``syntax.json``: "co-chaired", not "co", "-", "chaired", which the parser reads as a name).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..errors import E, ConfigError

__all__ = ["load"]


def load(model: str, whole_words: Iterable[str] = ()) -> Any:
    """The spaCy ``Language`` named ``model`` (``ConfigError`` E003 if missing), as the module
    doc says."""
    import spacy
    from thinc.api import use_ops

    try:
        with use_ops("numpy", use_blis=False):  # every layer built here keeps these ops
            nlp = spacy.load(model)
    except (OSError, ImportError) as err:
        raise ConfigError(E.E003, model=model) from err
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", before="ner" if "ner" in nlp.pipe_names else None)
    _index_sets(nlp)
    _keep_whole(nlp, whole_words)
    return nlp


def _keep_whole(nlp: Any, words: Iterable[str]) -> None:
    """Step 4: the tokenizer keeps a word that starts with one of ``words`` whole."""
    words = sorted(words)
    if not words:
        return
    whole = re.compile(r"(?i)^(?:" + "|".join(map(re.escape, words)) + r")[a-z]*$")
    before = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = whole.match if before is None else (lambda s: whole.match(s) or before(s))


def _index_sets(nlp: Any) -> None:
    """Step 3: the rule lemmatizer's ``lemma_index`` lists as frozensets (same membership)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        if isinstance(table[pos], list):
            table[pos] = frozenset(table[pos])

