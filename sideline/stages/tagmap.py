"""The model's ``attribute_ruler``, applied by table look-up instead of spaCy's ``Matcher``.

The English pipelines map each fine-grained tag to its part of speech and morphology with an
``attribute_ruler`` of some 180 one- and two-token patterns ("TAG is NN" -> NOUN, "TAG is PRP
and LOWER is he" -> PRON, Case=Nom...). spaCy runs them through its general ``Matcher``,
which costs about 15 microseconds a token: on the 229 VOA articles, a seventh of the parse
pass. :class:`TagMap` gives every token the same attributes in a fraction of that:

1. when it is built, every pattern of the ruler is compiled into a list of token tests (an
   attribute compared with a value, a set of values or a regular expression, as the
   ``Matcher`` does); a one-token pattern is filed under the tag it asks for (or under
   "any tag"), so that a token is tried only against the patterns that can match it;
2. a pattern the tests cannot express (an operator such as ``"OP"``, a token attribute not
   listed in ``_READ``) makes :func:`compile_ruler` return ``None``: the caller then runs
   spaCy's own component, so an unusual model is still served, only slower;
3. on a ``Doc``, every match is found first (on the attributes as they were, as the
   ``Matcher`` reads them: one row of attribute values per token, read with ``to_array``, and
   the rules a row matches remembered per distinct row, since words and tags recur), then the attributes of the matched rules are set in rule order,
   a later rule over an earlier one, with spaCy's own ``set_token_attrs``: exactly what the
   ruler's ``set_annotations`` does.

The test suite compares both on parsed text, token by token (``tests/test_tagmap.py``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["TagMap", "compile_ruler"]

#: the token attributes a pattern may test, and how to read them off a spaCy ``Token``
_READ: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space, "POS": lambda t: t.pos_, "ORTH": lambda t: t.text,
    "NORM": lambda t: t.norm_, "LEMMA": lambda t: t.lemma_,
    "IS_PUNCT": lambda t: t.is_punct, "IS_DIGIT": lambda t: t.is_digit, "IS_ALPHA": lambda t: t.is_alpha,
}
_KEYS = tuple(_READ)
Test = tuple[int, str, Any]  # (index of the attribute in _KEYS, "eq"|"in"|"not_in"|"regex", value)


@dataclass(frozen=True)
class _Rule:
    order: int  # the rule's place in the ruler: a later one wins
    tokens: tuple[tuple[Test, ...], ...]  # the tests of each token of the pattern
    index: int  # which token of the match gets the attributes
    attrs: dict  # the ruler's own normalised attributes


def _test(key: str, value: Any) -> Test | None:
    if key not in _READ:
        return None
    i = _KEYS.index(key)
    if isinstance(value, (str, bool, int)):
        return (i, "eq", value)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            return (i, op.lower(), frozenset(arg))
        if op == "REGEX" and isinstance(arg, str):
            return (i, "regex", re.compile(arg))
    return None


def _token_tests(pattern: dict) -> tuple[Test, ...] | None:
    tests = tuple(_test(k, v) for k, v in pattern.items())
    return None if any(t is None for t in tests) else tests


def _passes(tests: Iterable[Test], values: tuple) -> bool:
    for i, op, arg in tests:
        v = values[i]
        if op == "eq":
            if v != arg:
                return False
        elif op == "in":
            if v not in arg:
                return False
        elif op == "not_in":
            if v in arg:
                return False
        elif not arg.search(v):  # regex, searched as the Matcher does
            return False
    return True


class TagMap:
    """A compiled ``attribute_ruler`` (build it with :func:`compile_ruler`); call it on a Doc."""

    #: distinct token readings remembered (tag, word, dependency...); the memory is cleared beyond
    MEMO_SIZE = 200_000

    def __init__(self, rules: list[_Rule]) -> None:
        self.singles: dict[str, list[_Rule]] = {}  # tag -> one-token rules that can match it
        anytag = [r for r in rules if len(r.tokens) == 1 and not _tag_of(r)]
        for r in rules:
            if len(r.tokens) == 1 and _tag_of(r):
                self.singles.setdefault(_tag_of(r), []).append(r)
        self.singles = {tag: sorted(rs + anytag, key=lambda r: r.order) for tag, rs in self.singles.items()}
        self.anytag = anytag
        self.multi = [r for r in rules if len(r.tokens) > 1]
        self.reads = sorted({i for r in rules for tests in r.tokens for i, _, _ in tests} | {_KEYS.index("TAG")})
        self._memo: dict[tuple, tuple] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        for order, start, rule in sorted(self._matches(doc), key=lambda m: (m[0], m[1])):
            set_token_attrs(doc[start + rule.index], rule.attrs)
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 256) -> Iterator[Any]:
        for doc in docs:
            yield self(doc)

    def _matches(self, doc: Any) -> Iterator[tuple[int, int, _Rule]]:
        """Every (rule, first token) that matches: the one-token rules and the first token of the
        longer ones are looked up per distinct reading of a token (its row of attribute values)."""
        if not len(doc):
            return
        from spacy.attrs import IDS

        rows = [tuple(r) for r in doc.to_array([IDS[_KEYS[i]] for i in self.reads]).tolist()]
        seen = [self._reading(row, doc.vocab.strings) for row in rows]
        for k, (singles, firsts, _) in enumerate(seen):
            for rule in singles:
                yield rule.order, k, rule
            for rule in firsts:
                width = len(rule.tokens)
                if k + width <= len(rows) and all(_passes(t, seen[k + j][2]) for j, t in enumerate(rule.tokens) if j):
                    yield rule.order, k, rule

    def _reading(self, row: tuple, strings: Any) -> tuple:
        """(one-token rules matched, longer rules whose first token is matched, the values)."""
        hit = self._memo.get(row)
        if hit is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            values: list[Any] = [None] * len(_KEYS)
            for i, v in zip(self.reads, row):
                values[i] = bool(v) if _KEYS[i].startswith("IS_") else strings[v]
            vals = tuple(values)
            tag = vals[_KEYS.index("TAG")]
            hit = self._memo[row] = (tuple(r for r in self.singles.get(tag, self.anytag) if _passes(r.tokens[0], vals)),
                                     tuple(r for r in self.multi if _passes(r.tokens[0], vals)), vals)
        return hit


def _tag_of(rule: _Rule) -> str | None:
    """The tag a one-token rule asks for by equality (None: it matches any tag)."""
    tag = _KEYS.index("TAG")
    return next((arg for i, op, arg in rule.tokens[0] if i == tag and op == "eq"), None)


def compile_ruler(ruler: Any) -> TagMap | None:
    """A :class:`TagMap` doing what the spaCy ``AttributeRuler`` ``ruler`` does, or None when
    one of its patterns needs the ``Matcher`` (step 2 of the module doc)."""
    rules = []
    for order, attrs in enumerate(ruler.attrs):
        _, patterns = ruler.matcher.get(str(order))
        for pattern in patterns:
            tokens = tuple(_token_tests(tok) for tok in pattern)
            if not tokens or any(t is None for t in tokens):
                return None
            index = ruler.indices[order]
            if not -len(tokens) <= index < len(tokens):
                return None
            rules.append(_Rule(order, tokens, index % len(tokens), attrs))
    return TagMap(rules)
