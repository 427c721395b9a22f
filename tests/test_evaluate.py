"""sideline.evaluate: the reference scorer's semantics on small hand-made gold and predictions."""
from __future__ import annotations

import json

import pytest

from sideline.evaluate import format_report, names_match, normalise, score, score_files


def gold(article="a1", actors=("Sergey Lavrov", "Antony Blinken"), type="meet", status="occurred", **kw):
    row = {"article": article, "actors": list(actors), "type": type, "status": status, "date": None,
           "location": None, "attributed_to": None, "evidence": "..."}
    row.update(kw)
    return row


def pred(article="a1", actors=("Sergei Lavrov", "Blinken"), type="meet", status="occurred", **kw):
    row = {"article": article, "actors": [{"name": n, "mention": n} for n in actors], "type": type,
           "status": status, "attributed_to": None, "date": None, "location": None}
    row.update(kw)
    return row


def test_normalise_folds_accents_and_transliteration():
    assert normalise("Sergei Lavrov") == normalise("Sergey Lavrov") == "sergey lavrov"
    assert normalise("François Hollande") == "francois hollande"
    assert normalise({"name": "Mikhail Mishustin"}) == "mihail mishustin"


@pytest.mark.parametrize("gold_name, form, ok", [
    ("Sergey Lavrov", "lavrov", True),            # a shared surname
    ("President Vladimir Putin", "vladimir putin", True),  # titles are dropped
    ("Iraq", "iraqi delegation", False),          # neither surname, nor close, nor a word of it
    ("Iraq", "iraqi", True),                       # close strings
    ("Jordan", "jordan foreign minister", True),   # a one-word gold name inside the prediction
    ("White House official (unnamed); Kremlin", "kremlin", True),  # alternatives and remarks
    ("Xi", "xi jinping", False),                   # two-letter surnames do not count
])
def test_names_match(gold_name, form, ok):
    assert names_match(gold_name, [normalise(form)]) is ok


def test_perfect_prediction():
    rep = score([gold()], [pred()])
    f = rep.figures()
    assert (f["precision"], f["recall"], f["f1"], f["strict_f1"], f["status_acc"]) == (1.0, 1.0, 1.0, 1.0, 1.0)


def test_type_groups_and_visits():
    assert score([gold(type="talks")], [pred(type="host")]).tp == 1      # one consult group
    assert score([gold(type="visit")], [pred(type="meet")]).tp == 0      # visits are their own
    # a visit needs only its visitor (the first gold actor)
    rep = score([gold(type="visit", actors=("Sergey Lavrov", "United States"))],
                [pred(type="visit", actors=("Lavrov",))])
    assert rep.tp == 1


def test_one_participant_is_not_enough():
    rep = score([gold()], [pred(actors=("Lavrov", "Guterres"))])
    assert (rep.tp, rep.fp, rep.fn) == (0, 1, 1)


def test_status_folding_and_strict_f1():
    rep = score([gold(status="ruled_out"), gold(actors=("Xi Jinping", "Joe Biden"))],
                [pred(status="postponed"), pred(actors=("Xi Jinping", "Biden"), status="planned")])
    f = rep.figures()
    assert f["f1"] == 1.0 and f["status_acc"] == 0.5 and f["strict_f1"] == 0.5
    assert len(rep.wrong_status) == 1
    assert rep.by_status["ruled_out"] == {"gold": 1, "found": 1, "status_right": 1}


def test_optional_gold_is_neither_rewarded_nor_missed():
    rep = score([gold(optional=True)], [pred()])
    assert (rep.tp, rep.fp, rep.fn) == (0, 0, 0)
    rep = score([gold(optional=True)], [])
    assert rep.fn == 0


def test_matching_is_one_to_one_and_prefers_the_right_status():
    rep = score([gold(status="planned")], [pred(status="occurred"), pred(status="planned")])
    assert (rep.tp, rep.fp) == (1, 1)
    assert rep.figures()["status_acc"] == 1.0


def test_date_location_attribution_accuracy():
    g = gold(date="2024-09-26", date_alt=["2024-09"], location="New York", attributed_to="Maria Zakharova")
    p = pred(date="2024-09", location={"name": "New York City"},
             attributed_to={"name": "Maria Zakharova", "mention": "Zakharova"})
    f = score([g], [p]).figures()
    assert f["date_acc"] == 1.0 and f["location_acc"] == 1.0 and f["attribution_acc"] == 1.0


def test_articles_without_gold():
    rep = score([gold()], [pred(), pred(article="empty")])
    assert rep.fp == 0 and rep.figures()["predictions_for_unknown_articles"] == 1
    rep = score([gold()], [pred(), pred(article="empty")], article_ids=["a1", "empty"])
    assert rep.fp == 1 and rep.per_article["empty"] == {"tp": 0, "fp": 1, "fn": 0}


def test_files_and_report(tmp_path):
    g, p = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    g.write_text(json.dumps(gold()) + "\n" + json.dumps(gold(actors=("Xi Jinping", "Joe Biden"))) + "\n")
    p.write_text(json.dumps(pred()) + "\n")
    rep = score_files(g, p)
    assert (rep.tp, rep.fn) == (1, 1)
    text = format_report(rep, by_article=True)
    assert "MISS  a1" in text and "f1" in text and "ruled_out" in text
