"""bench/m2e2.py: sentence offsets in the rebuilt article and the figures it prints."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import m2e2  # noqa: E402


def _row(i, sentence, events=(), entities=()):
    return {"doc_id": "VOA_EN_NW_2016.05.02.1", "sentence_id": f"s{i}", "sent_index": i,
            "sentence": sentence, "words": sentence.split(), "entities": list(entities), "events": list(events)}


def test_score_places_events_on_sentences(tmp_path):
    meet = {"type": "Contact:Meet", "trigger": {"start": 1, "end": 2, "text": "met"},
            "arguments": [{"role": "Entity", "start": 0, "end": 1, "text": "Okafor"},
                          {"role": "Entity", "start": 3, "end": 4, "text": "Lindqvist"}]}
    ents = [{"type": "PER", "start": 0, "end": 1, "text": "Okafor"}, {"type": "PER", "start": 3, "end": 4, "text": "Lindqvist"}]
    rows = [_row(1, "Okafor met with Lindqvist in Oslo", [meet], ents), _row(0, "Rain fell across the capital")]
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    sents = m2e2.sentence_spans(path)["VOA_EN_NW_2016.05.02.1"]
    assert [s["sent_index"] for s in sents] == [0, 1]
    assert sents[1]["start"] == len("Rain fell across the capital") + len(m2e2.SEPARATOR)
    found = {"article": "VOA_EN_NW_2016.05.02.1", "type": "meet",
             "actors": [{"name": "Ade Okafor", "mention": "Okafor"}, {"name": "Eva Lindqvist", "mention": "Lindqvist"}],
             "evidence": {"start": sents[1]["start"], "end": sents[1]["end"]}}
    stray = dict(found, evidence={"start": 0, "end": 4})
    figs = m2e2.score({"VOA_EN_NW_2016.05.02.1": sents}, [found, stray])
    assert figs["contacts"] == 1 and figs["sentence_recall"] == 1.0 and figs["typed_recall"] == 1.0
    assert figs["participants"] == 2 and figs["participants_named"] == 1.0
    assert figs["events"] == 2 and figs["supported"] == 0.5 and figs["_unsupported"] == [stray]
