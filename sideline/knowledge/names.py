"""Name keys and guarded fuzzy comparison of person names (used by knowledge and the actors stage).

A *key* is a name folded for comparison: accents removed, lower case, punctuation
and hyphens turned into spaces, and the common transliteration variants folded
(Sergei/Sergey, Zelenskyy/Zelensky, Aleksandr/Alexander). Two names are the same
person only when they agree token by token: "Kim Jong Il" and "Kim Jong Un" share two
tokens but not the third, and "Raúl Castro" and "Fidel Castro" share a surname but not
a given name, so neither pair matches however close the strings are.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["key", "tokens", "same_person", "similarity", "initials_of", "split_handle"]

_PUNCT = re.compile(r"[^a-z0-9 ]+")
#: transliteration folds applied to a whole key, in order (spelling variants of one name)
_FOLDS = (("sergei", "sergey"), ("aleksandr", "alexander"), ("yy", "y"), ("iy", "y"),
          ("kh", "h"), ("dh", "d"), ("ou", "u"), ("ei", "ey"), ("ii", "i"))
#: particles that a name may carry or drop ("al-Sisi" / "el-Sisi" / "Sisi")
PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "de", "da", "di", "van", "von", "der", "la", "le", "dos", "das"})


def _fold_accents(text: str) -> str:
    text = text.replace("ʻ", "").replace("’", "'").replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The comparison key of a name: folded accents, case, punctuation and spelling variants."""
    text = _fold_accents(name).lower().replace("'", "")
    text = " ".join(_PUNCT.sub(" ", text).split())
    for a, b in _FOLDS:
        text = text.replace(a, b)
    return text


def tokens(name: str, drop_particles: bool = False) -> list[str]:
    toks = key(name).split()
    if drop_particles:
        toks = [t for t in toks if t not in PARTICLES] or toks
    return toks


def similarity(a: str, b: str) -> float:
    """0-100 similarity of two name keys."""
    return fuzz.ratio(a, b)


def _token_ok(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "S. Jaishankar"
        return a[0] == b[0]
    if min(len(a), len(b)) <= 3 or a[0] != b[0]:
        return False  # short tokens must agree exactly ("Il" vs "Un"); typos keep the first letter
    return fuzz.ratio(a, b) >= threshold


@lru_cache(maxsize=65536)
def same_person(a: str, b: str, threshold: float = 80.0) -> bool:
    """True when two surface names can be the same person (remembered: a document compares the
    same names again and again).

    Every token of the shorter name (particles aside) must match a token of the longer one,
    in order, and the last tokens must agree; misspellings inside a token are allowed
    above ``threshold`` ("Rybakov" ~ "Ryabkov", "Ouatarra" ~ "Ouattara").
    """
    ta, tb = tokens(a, drop_particles=True), tokens(b, drop_particles=True)
    if not ta or not tb:
        return False
    if len(ta) > len(tb):
        ta, tb = tb, ta
    if len(ta) == 1:  # a surname (or a family name written first) alone
        t = ta[0]
        if len(tb) == 1 and len(t) > 1 and len(tb[0]) > 1:
            return t == tb[0] or (min(len(t), len(tb[0])) >= 5 and _token_ok(t, tb[0], max(threshold, 85.0)))
        return len(t) > 1 and (t in (tb[0], tb[-1]) or
                               (len(t) >= 5 and _token_ok(t, tb[-1], max(threshold, 85.0))))
    last_ok = _token_ok(ta[-1], tb[-1], threshold)
    if not last_ok and not _token_ok(ta[0], tb[0], threshold):
        return False  # neither the surname nor (for a family-name-first name) the first token agrees
    pos = []
    j = 0
    for t in ta:
        while j < len(tb) and not _token_ok(t, tb[j], threshold):
            j += 1
        if j == len(tb):
            return False  # a token of one name is missing from the other: "Raúl" / "Fidel" Castro
        pos.append(j)
        j += 1
    if len(ta) >= 2 and pos[0] > 0 and pos != list(range(pos[0], pos[0] + len(ta))):
        return False  # a later part of the longer name must be matched as one block ("Mensah Bonsu")
    return True


def initials_of(name: str) -> str:
    return "".join(t[0] for t in tokens(name) if t)


def split_handle(handle: str) -> str:
    """'@NAkufoAddo' -> 'N Akufo Addo'; '#SergeyLavrov' -> 'Sergey Lavrov'."""
    body = handle.lstrip("@#").replace("_", " ")
    body = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", body)
    return " ".join(body.split())
