"""An extract of JSONL on the local engine imports only what it needs (issue 14): no HTML
reader, no Ray, no web server."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_NEEDED = ("trafilatura", "ray", "starlette", "uvicorn", "sideline.web", "sideline.engines.ray")

SCRIPT = """
import json, sys
from sideline import api
summary = api.extract([sys.argv[1]], db=sys.argv[2], n_process=1)
print(json.dumps({"events": summary.events, "modules": sorted(sys.modules)}))
"""


@pytest.mark.slow
def test_an_extract_of_jsonl_imports_no_html_reader_ray_or_web_server(tmp_path):
    articles = tmp_path / "a.jsonl"
    text = ("MOSCOW, March 3, 2024 - Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
            "Minister Wang Yi in Beijing on Monday, the ministry said.")
    articles.write_text(json.dumps({"id": "a", "text": text, "published": "2024-03-03"}) + "\n")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(articles), str(tmp_path / "x.duckdb")],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["events"] >= 1
    assert "sideline.stages.ingest.read" in out["modules"] and "duckdb" in out["modules"]
    loaded = [m for m in out["modules"] if m.split(".")[0] in NOT_NEEDED or m in NOT_NEEDED]
    assert loaded == []


def test_reading_html_still_imports_its_reader(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Talks</title></head><body><article><p>" + "Lavrov met Wang in "
                    "Beijing on Monday to discuss trade and security. " * 8 + "</p></article></body></html>")
    script = ("import sys; from sideline.stages.ingest.read import read_inputs; "
              "items = list(read_inputs([sys.argv[1]])); "
              "print(type(items[0]).__name__, 'trafilatura' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, str(page)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.stdout.split() == ["Article", "True"], done.stderr[-2000:]


def test_a_worker_builds_its_pipeline_without_the_ledger_query_or_export_modules():
    script = ("import sys, sideline.cli, sideline.engines.local; from sideline.pipeline import Recipe; "
              "p = Recipe().build(); print(len(p.stages), ' '.join(sorted(m for m in sys.modules if "
              "m.split('.')[0] == 'pyarrow' or m.startswith(('sideline.api', 'sideline.store', "
              "'sideline.query', 'sideline.export')))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["8"]  # the eight stages, and none of those modules


def test_sideline_extract_is_still_there_on_first_use():
    import sideline

    assert sideline.extract is __import__("sideline.api").api.extract and callable(sideline.open)
    with pytest.raises(AttributeError):
        sideline.no_such_name  # noqa: B018
