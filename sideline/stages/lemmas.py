"""The model's rule lemmatizer, with every answer remembered per token reading.

spaCy's English ``lemmatizer`` (mode ``"rule"``) builds a ``Token`` object for every token and
computes its lemma from the word, its part of speech and its morphology; it remembers only
some answers (those of its suffix rules), so a parse pass over the 229 VOA articles spends
about 0.7 s there. :class:`Lemmas` gives every token the same lemma:

1. the lemma depends on nothing but the token's word, part of speech and morphology (spaCy's
   own cache is keyed on the same three), so the word, POS, morphology and current lemma of
   every token are read as one attribute array;
2. a token that already has a lemma (the attribute ruler sets some: "I", "'d") keeps it,
   unless the lemmatizer overwrites, as spaCy's does;
3. a reading seen before gets its remembered lemma; a new one is asked of spaCy's lemmatizer
   itself (``rule_lemmatize`` on that token), so the answer is spaCy's by construction;
4. the lemmas are written back as one array.

Any other mode (``"lookup"``, a custom one) returns ``None`` from :func:`compile_lemmatizer`,
and spaCy's component runs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["Lemmas", "compile_lemmatizer"]


class Lemmas:
    """A rule lemmatizer that remembers its answers; call it on a Doc (see the module doc)."""

    #: distinct readings remembered; the memory is cleared beyond
    MEMO_SIZE = 200_000

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(getattr(lemmatizer, "overwrite", False))
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue  # step 2
            found = self._memo.get((orth, pos, morph))
            if found is None:
                found = self._learn(doc[i], (orth, pos, morph))
            if found != lemma:
                lemmas[i], changed = found, True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 256) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)

    def _learn(self, token: Any, reading: tuple[int, int, int]) -> int:
        """Step 3: spaCy's lemma for a reading not seen before, as a string-store hash."""
        if len(self._memo) >= self.MEMO_SIZE:
            self._memo.clear()
        lemma = self.lemmatizer.lemmatize(token)[0]
        found = self._memo[reading] = token.doc.vocab.strings.add(lemma)
        return found


def compile_lemmatizer(lemmatizer: Any) -> Lemmas | None:
    """:class:`Lemmas` over spaCy's rule ``lemmatizer``, or None for another mode."""
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "lemmatize"):
        return None
    return Lemmas(lemmatizer)
