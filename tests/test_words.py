"""Words are data: the rule modules hold no inline lists of English words, and a user's
lexicon directory (``--data-dir``) reaches the rules.

The first tests read the sources of ``sideline/stages`` and ``sideline/knowledge`` with
:mod:`ast` and fail on an inline collection (set, list, tuple, the keys of a table of
constants, ``"a b c".split()``) of three or more strings when one of them is a word rather
than a label. Labels are what the code compares parses and records against, the same in
every language: dependency labels, part-of-speech tags and entity labels (spaCy's glossary),
sideline's own mention labels and kinds, the values of its enums, canonical role names and
office families (``titles.json``), the kinds and group names of the timex rules, codes in
capitals, snake_case identifiers (lexicon keys), file suffixes and punctuation. The names in ``IDENTIFIERS`` hold identifiers
(``__all__``, a stage's ``requires``); ``ALLOWED`` lists, with a reason, the few word lists
that are not English.

The last tests put a word into a user's lexicon directory and check that the real stages
read it: a new status cue cancels a meeting, a new reporting verb credits a speaker.
"""
from __future__ import annotations

import ast
import json
import pickle
import re
from datetime import date
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

PKG = Path(__file__).resolve().parents[1] / "sideline"
DATA = PKG / "data"
RULE_MODULES = sorted([*(PKG / "stages").rglob("*.py"), *(PKG / "knowledge").rglob("*.py")])

#: assignments whose collections hold identifiers, not words
IDENTIFIERS = frozenset({"__all__", "__slots__", "requires", "provides"})
#: (module, assigned name): word lists that are not English, and why
ALLOWED = {
    # name particles ("al-Sisi", "van der Bellen") are dropped when person names are compared,
    # whatever the language of the article: a property of names, not an English word list
    ("sideline/knowledge/names.py", "PARTICLES"),
    # HTML tag names: markup, not words
    ("sideline/stages/clean/steps.py", "BLOCK_TAGS"),
    # backslash escapes of a dumped text ("\\n", "\\t"): characters, not words
    ("sideline/stages/clean/steps.py", "UNESCAPED"),
}
#: sideline's own labels: mention labels, actor and place kinds, spaCy pipe names, one tag the
#: glossary lacks, the steps of the status reader (``Event.status_cue``)
SIDELINE_LABELS = frozenset({
    "cancelled", "foiled", "negated", "date-open", "floated", "doubt", "accepted", "offer", "future",
    "ahead", "tense", "dismissed", "dated-after", "default",
    "HANDLE", "HASHTAG", "TITLE", "PRON", "GROUP_PEOPLE", "GROUP_COUNTRIES", "predet",
    "person", "government", "country", "organisation", "group",
    "city", "state", "place", "venue", "occasion", "gpe", "loc", "fac",
    "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter", "sentencizer",
})


def _json(name: str) -> dict:
    return json.loads((DATA / "en" / name).read_text(encoding="utf-8"))


def _labels() -> frozenset[str]:
    from sideline.records import EventType, Granularity, Status
    from sideline.stages.time.lexicon import timex_lexicon

    titles = _json("titles.json")
    roles = set(titles["titles"].values()) | set(titles["leader_roles"]) | set(titles["shared_roles"])
    families = set(titles["families"].values())
    rules = timex_lexicon().rules
    kinds = {kind for kind, _ in rules}
    groups = {g for _, rx in rules for g in rx.groupindex}
    enums = {e.value for enum in (EventType, Status, Granularity) for e in enum}
    return frozenset(GLOSSARY) | SIDELINE_LABELS | roles | families | kinds | groups | enums


def is_word(s: str, labels: frozenset[str]) -> bool:
    """A string with letters that is no label (see the module docstring)."""
    if not re.search(r"[^\W\d_]", s) or s in labels or s.startswith("."):
        return False
    if re.fullmatch(r"[A-Z0-9_]+", s) or re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+", s):
        return False  # a code or label in capitals, an identifier (a lexicon key, "head_of_state")
    return True


def _strings(node: ast.AST) -> list[str] | None:
    """The strings of an inline collection, or None when ``node`` is none."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = node.elts
    elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
        items = [k for k in node.keys if k is not None]  # a table of constants: its keys
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return node.func.value.value.split()  # "a b c".split()
    else:
        return None
    return [e.value for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def _targets(tree: ast.AST) -> dict[int, str]:
    """id(node) -> the name assigned to the statement that holds it."""
    out: dict[int, str] = {}
    for stmt in ast.walk(tree):
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
            name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
            for node in ast.walk(stmt.value) if stmt.value is not None else ():
                out[id(node)] = name
    return out


def word_lists(source: str, labels: frozenset[str]) -> list[tuple[int, str, list[str], list[str]]]:
    """(line, assigned name, strings, words) of every inline collection of 3+ strings in ``source``."""
    tree = ast.parse(source)
    names = _targets(tree)
    out = []
    for node in ast.walk(tree):
        strings = _strings(node)
        if strings is None or len(strings) < 3 or names.get(id(node)) in IDENTIFIERS:
            continue
        out.append((node.lineno, names.get(id(node), ""), strings, [s for s in strings if is_word(s, labels)]))
    return out


def test_the_scan_tells_words_from_labels():
    labels = _labels()
    source = ('_WITH = {"with", "between", "among"}\n'
              'DEPS = ("nsubj", "dobj", "pobj")\n'
              'def f(tok):\n    return tok.ent_type_ in ("PERSON", "GPE", "NORP") or tok.lower_ in ("to", "in", "at")\n'
              'OPENERS = frozenset("The He She".split())\n'
              'TABLE = {"french": "fran", "dutch": "neth", "swiss": "swit"}\n'
              'ROLES = {"President", "Foreign Minister", "Leader"}\n'
              '__all__ = ["alpha", "beta", "gamma"]\n')
    found = [(line, words) for line, _, _, words in word_lists(source, labels)]
    assert (1, ["with", "between", "among"]) in found
    assert (4, ["to", "in", "at"]) in found and (4, []) in found  # words; entity labels
    assert (5, ["The", "He", "She"]) in found and (6, ["french", "dutch", "swiss"]) in found
    assert (2, []) in found and (7, []) in found  # dependency labels, canonical roles
    assert all(line != 8 for line, _ in found)  # __all__ holds identifiers


def test_rule_modules_hold_no_inline_word_lists():
    labels = _labels()
    scanned, offenders = 0, []
    for path in RULE_MODULES:
        rel = path.relative_to(PKG.parent).as_posix()
        for line, name, strings, words in word_lists(path.read_text(encoding="utf-8"), labels):
            scanned += 1
            if words and (rel, name) not in ALLOWED:
                offenders.append(f"{rel}:{line} {name or '(inline)'}: {words}")
    assert scanned > 50  # the label collections (dependency labels, entity labels) are seen
    assert not offenders, "English words in rule modules (move them to sideline/data/en):\n" + "\n".join(offenders)


def test_every_allowed_list_still_exists():
    labels = _labels()
    seen = {(p.relative_to(PKG.parent).as_posix(), name) for p in RULE_MODULES
            for _, name, _, words in word_lists(p.read_text(encoding="utf-8"), labels) if words}
    assert ALLOWED <= seen


# -- a user's lexicon directory reaches the rules ------------------------------------------------------
#: "Lavrov nixed a meeting with Blinken." and "Lavrov met Blinken, the agency relayed.", parsed by hand
#: (word, lemma, pos, tag, dep, head, entity)
NIXED = [("Lavrov", "Lavrov", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
         ("nixed", "nix", "VERB", "VBD", "ROOT", 1, "O"),
         ("a", "a", "DET", "DT", "det", 3, "O"),
         ("meeting", "meeting", "NOUN", "NN", "dobj", 1, "O"),
         ("with", "with", "ADP", "IN", "prep", 3, "O"),
         ("Blinken", "Blinken", "PROPN", "NNP", "pobj", 4, "B-PERSON"),
         (".", ".", "PUNCT", ".", "punct", 1, "O")]
RELAYED = [("Lavrov", "Lavrov", "PROPN", "NNP", "nsubj", 1, "B-PERSON"),
           ("met", "meet", "VERB", "VBD", "ccomp", 6, "O"),
           ("Blinken", "Blinken", "PROPN", "NNP", "dobj", 1, "B-PERSON"),
           (",", ",", "PUNCT", ",", "punct", 6, "O"),
           ("the", "the", "DET", "DT", "det", 5, "O"),
           ("agency", "agency", "NOUN", "NN", "nsubj", 6, "O"),
           ("relayed", "relay", "VERB", "VBD", "ROOT", 6, "O"),
           (".", ".", "PUNCT", ".", "punct", 6, "O")]


def _document(tokens: list[tuple]):
    import spacy
    from spacy.tokens import Doc

    from sideline.records import Article, Document, Span

    n = len(tokens)
    spaces = [i + 1 < n and tokens[i + 1][0] not in (",", ".") for i in range(n)]
    parse = Doc(spacy.blank("en").vocab, words=[t[0] for t in tokens], spaces=spaces,
                lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens], tags=[t[3] for t in tokens],
                deps=[t[4] for t in tokens], heads=[t[5] for t in tokens], ents=[t[6] for t in tokens])
    text = parse.text
    return Document(article=Article(id="words", text=text), text=text, published=date(2022, 1, 24),
                    parse=parse, sentences=(Span(0, len(text)),))


def _user_dir(tmp_path: Path, name: str, content: dict) -> str:
    (tmp_path / name).write_text(json.dumps(content), encoding="utf-8")
    return str(tmp_path)


def _events(tokens: list[tuple], data_dir: str | None):
    from sideline.stages.actors import Actors
    from sideline.stages.events import Events

    return Events(data_dir)(Actors(data_dir)(_document(tokens))).events


def test_a_status_cue_of_the_user_cancels_a_meeting(tmp_path):
    before = _events(NIXED, None)
    assert [(e.type.value, e.status.value) for e in before] == [("meet", "occurred")]
    user = _user_dir(tmp_path, "status_cues.json", {"cancelled": ["nix"]})
    after = _events(NIXED, user)
    assert [(e.type.value, e.status.value) for e in after] == [("meet", "cancelled")]
    assert [a.name for a in after[0].actors] == ["Sergey Lavrov", "Antony Blinken"]
    assert _events(NIXED, None)[0].status.value == "occurred"  # the packaged words are left alone


def test_a_reporting_verb_of_the_user_credits_the_speaker(tmp_path):
    assert [e.attributed_to for e in _events(RELAYED, None)] == [None]
    user = _user_dir(tmp_path, "reporting.json", {"verbs": ["relay"]})
    after = _events(RELAYED, user)
    assert len(after) == 1 and after[0].attributed_to is not None
    assert after[0].attributed_to.name == "agency"


def test_a_rebuilt_stage_keeps_the_users_words(tmp_path):
    """Stages are rebuilt in worker processes from their pickles: the user's words go along."""
    from sideline.stages.actors import Actors
    from sideline.stages.events import Events

    user = _user_dir(tmp_path, "status_cues.json", {"cancelled": ["nix"]})
    events, actors = pickle.loads(pickle.dumps((Events(user), Actors(user))))
    assert [e.status.value for e in events(actors(_document(NIXED))).events] == ["cancelled"]


@pytest.mark.slow
def test_data_dir_through_the_pipeline(tmp_path):
    """``--data-dir`` end to end: the default pipeline (real parser) with a user's status cue."""
    from sideline.pipeline import Pipeline
    from sideline.records import Article

    text = ("Russian Foreign Minister Sergey Lavrov nixed a meeting with US Secretary of State Antony "
            "Blinken, officials in Moscow said on Monday, days before the two were due in Geneva.")
    article = Article(id="nixed", text=text, published=date(2022, 1, 24))
    user = _user_dir(tmp_path, "status_cues.json", {"cancelled": ["nix"]})
    before = [e.status.value for e in Pipeline.default()(article).events]
    after = [e.status.value for e in Pipeline.default(data_dir=user)(article).events]
    assert before and "cancelled" not in before
    assert "cancelled" in after
