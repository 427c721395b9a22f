"""Ingest: files, folders and standard input -> Article and Reject records."""
from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from sideline.records import Article, Reject
from sideline.stages.ingest.read import parse_published, read_inputs

MESSY = Path(__file__).parent / "fixtures" / "messy"


def _summary(items):
    return [(x.id if isinstance(x, Article) else x.code, Path(x.origin).name) for x in items]


@pytest.fixture(scope="module")
def messy():
    return list(read_inputs([MESSY]))


def test_folder_in_sorted_order_skipping_hidden_and_other_files(messy):
    assert _summary(messy) == [
        ("gz-001", "archive.jsonl.gz:1"),
        ("gz-002", "archive.jsonl.gz:2"),
        ("E104", "empty.txt"),
        ("mahama-lome", "mahama-lome.html"),
        ("qatar-call", "qatar-call.txt"),
        ("ribeiro-cp1252", "ribeiro-cp1252.txt"),
        ("E103", "scan.txt"),
        ("fx-001", "wires.jsonl:1"),
        ("E101", "wires.jsonl:3"),
        ("E112", "wires.jsonl:4"),
        ("E102", "wires.jsonl:5"),
        ("fx-005", "wires.jsonl:6"),
        ("fx-006", "wires.jsonl:7"),
    ]
    assert list(read_inputs(MESSY)) == messy  # deterministic, and a single path works


def _by_id(items):
    return {x.id: x for x in items if isinstance(x, Article)}


def _rejects(items):
    return {x.code: x for x in items if isinstance(x, Reject)}


def test_rejects_say_why(messy):
    rejects = _rejects(messy)
    assert "PDF" in rejects["E103"].reason
    assert rejects["E101"].origin.endswith("wires.jsonl:3")
    assert "line 3" in rejects["E101"].reason
    assert "array" in rejects["E112"].reason
    assert rejects["E102"].article == "fx-004"
    assert rejects["E104"].article == "empty"


def test_json_articles(messy):
    arts = _by_id(messy)
    a = arts["fx-001"]
    assert a.published == date(2025, 3, 4) and a.published_from == "metadata"
    assert a.source == "Reuters" and a.url.startswith("https://example.org/")
    assert "&#039;" in a.text  # the text is kept exactly as given
    assert arts["fx-005"].published is None
    assert arts["fx-006"].published is None  # "last Tuesday": not a date, but not a reject


def test_cp1252_text_decoded(messy):
    a = _by_id(messy)["ribeiro-cp1252"]
    assert "João Almeida Ribeiro" in a.text
    assert "Portugal’s" in a.text and "“reconstruction agenda”" in a.text
    assert a.origin.endswith("ribeiro-cp1252.txt")


def test_html_main_text_title_and_date(messy):
    a = _by_id(messy)["mahama-lome"]
    assert a.title == "Ghana and Togo leaders meet in Lomé"
    assert a.published == date(2024, 6, 18) and a.published_from == "metadata"
    assert "Mahama of Ghana held talks with Togo’s President Faure Gnassingbé" in a.text
    assert "ECOWAS summit in Abuja" in a.text
    for junk in ("tracking", "Politics", "Subscribe", "Share on Facebook", "rights reserved", "Photo:"):
        assert junk not in a.text


def test_gzip_jsonl(messy):
    arts = _by_id(messy)
    assert arts["gz-001"].text.count("met her Australian counterpart") == 3
    assert arts["gz-002"].text.startswith("---\ntitle:")


def test_missing_path_and_stream_goes_on(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("Ministers met in Accra.", encoding="utf-8")
    out = list(read_inputs([tmp_path / "nope.jsonl", good]))
    assert isinstance(out[0], Reject) and out[0].code == "E109" and "nope.jsonl" in out[0].reason
    assert isinstance(out[1], Article) and out[1].id == "ok" and out[1].text == "Ministers met in Accra."


def test_published_default_fills_gaps_only(tmp_path):
    out = _by_id(read_inputs([MESSY / "wires.jsonl", MESSY / "more"], published="2025-01-02"))
    assert out["fx-005"].published == date(2025, 1, 2) and out["fx-005"].published_from == "given"
    assert out["fx-001"].published == date(2025, 3, 4)
    assert out["qatar-call"].published == date(2025, 1, 2)


@pytest.mark.parametrize("value, expected", [
    ("2024-09-27", date(2024, 9, 27)),
    ("2024-09-27T23:10:00+03:00", date(2024, 9, 27)),
    ("2024-09-27 10:00", date(2024, 9, 27)),
    (date(2020, 1, 2), date(2020, 1, 2)),
    ("27/09/2024", None),
    ("2024-13-40", None),
    ("", None),
    (20240927, None),
    (None, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_stdin_jsonl_and_text():
    lines = "\n".join([json.dumps({"id": "s1", "text": "A met B."}), "{broken", json.dumps({"id": 7, "text": "C met D."})])
    out = list(read_inputs(["-"], stdin=io.StringIO("\n  " + lines)))
    assert [(type(x).__name__, x.origin) for x in out] == [
        ("Article", "<stdin>:2"), ("Reject", "<stdin>:3"), ("Article", "<stdin>:4")]
    assert out[2].id == "7"
    out = list(read_inputs("-", stdin=io.StringIO("Lavrov met Guterres in New York.")))
    # plain text from stdin gets an id made from its text (issue 12, item 4)
    assert out == [Article(id="stdin-52143ab1eb06", text="Lavrov met Guterres in New York.", origin="<stdin>")]


def test_max_chars(tmp_path):
    (tmp_path / "long.txt").write_text("word " * 100, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "j", "text": "x" * 200}) + "\n", encoding="utf-8")
    out = list(read_inputs([tmp_path], max_chars=100))
    assert [(x.code, x.article) for x in out] == [("E105", "j"), ("E105", "long")]


def test_undecodable_and_binary(tmp_path):
    (tmp_path / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "ctrl.txt").write_bytes(b"abc\x01\x02\x03\x04\x05\x06def" * 10)
    codes = [(x.code, Path(x.origin).name) for x in read_inputs([tmp_path])]
    assert codes == [("E107", "broken.jsonl.gz"), ("E103", "ctrl.txt")]


def test_other_encodings(tmp_path):
    (tmp_path / "u16.txt").write_bytes("Vučić met Kurti in Brussels.".encode("utf-16"))
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": "ok"}).encode())
    (tmp_path / "latin.txt").write_bytes("Peña Nieto visited Ottawa.".encode("latin-1"))
    arts = _by_id(read_inputs([tmp_path]))
    assert arts["u16"].text == "Vučić met Kurti in Brussels."
    assert arts["b"].text == "ok"
    assert arts["latin"].text == "Peña Nieto visited Ottawa."


def test_html_without_main_text(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>Nothing</title></head><body>"
                                         "<nav><p>Home</p></nav><script>x()</script></body></html>")
    out = list(read_inputs(tmp_path))
    assert [(x.code, x.article) for x in out] == [("E110", "blank")]


def test_json_list_file_and_bad_ids(tmp_path):
    items = [{"id": "l1", "text": "one"}, {"id": "", "text": "two"}, {"id": True, "text": "three"}, "four"]
    (tmp_path / "list.json").write_text(json.dumps(items), encoding="utf-8")
    out = list(read_inputs(tmp_path))
    assert [x.id if isinstance(x, Article) else x.code for x in out] == ["l1", "E102", "E102", "E112"]


def test_gzip_text_file(tmp_path):
    with gzip.open(tmp_path / "note.txt.gz", "wt", encoding="utf-8") as f:
        f.write("Ministers met.")
    out = list(read_inputs(tmp_path))
    assert out[0].id == "note" and out[0].text == "Ministers met."


def test_jsonl_in_utf16_and_binary_jsonl(tmp_path):
    line = json.dumps({"id": "w", "text": "Peña Nieto met Trudeau."}, ensure_ascii=False)
    (tmp_path / "a.jsonl").write_bytes((line + "\n").encode("utf-16"))
    (tmp_path / "b.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "c.jsonl").write_bytes(json.dumps({"id": "c", "text": "Peña"}, ensure_ascii=False).encode("cp1252"))
    out = list(read_inputs(tmp_path))
    assert out[0].text == "Peña Nieto met Trudeau." and out[0].origin.endswith("a.jsonl:1")
    assert out[1].code == "E103"
    assert out[2].text == "Peña"


def test_pretty_printed_json_file(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "p", "text": "A met B."}, indent=2), encoding="utf-8")
    (tmp_path / "two.json").write_text('{"id": "q", "text": "x"}\n{"id": "r", "text": "y"}\n', encoding="utf-8")
    out = list(read_inputs(tmp_path))
    assert [(x.id, Path(x.origin).name) for x in out] == [("p", "one.json#1"), ("q", "two.json:1"), ("r", "two.json:2")]
