"""The 229 VOA articles of the M2E2 evaluation set, rebuilt as sideline ``Article`` records.

The shared file ``m2e2_text_events.jsonl`` holds one line per annotated sentence
(doc_id, sent_index, char_start, char_end, sentence, ...). This module groups the lines
by ``doc_id``, puts the sentences in ``sent_index`` order and joins them with a blank line
(most sentences there have lost their final full stop, so a paragraph break is the only
boundary a reader can still see). The publication date comes from the doc_id
(``VOA_EN_NW_YYYY.MM.DD.<id>``).

The file is read at run time; none of its text is stored in the repository.

    usage: python bench/voa.py [--path FILE] [--jsonl OUT]   # prints counts, or writes JSONL
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sideline.records import Article  # noqa: E402

VOA_PATH = Path("/work/shared/eval/public/m2e2-voa/m2e2_text_events.jsonl")
_DOC_ID = re.compile(r"VOA_EN_NW_(\d{4})\.(\d{2})\.(\d{2})\.")
SEPARATOR = "\n\n"


def published(doc_id: str) -> date | None:
    """The publication date encoded in a VOA doc_id, or None."""
    m = _DOC_ID.match(doc_id)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def load_articles(path: str | Path = VOA_PATH) -> list[Article]:
    """The VOA articles, in order of first appearance in the file."""
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                sentences[row["doc_id"]].append((int(row["sent_index"]), row["sentence"].strip()))
    return [Article(id=doc_id, text=SEPARATOR.join(s for _, s in sorted(rows)),
                    published=published(doc_id), source="VOA", origin=f"{path}:{doc_id}")
            for doc_id, rows in sentences.items()]


def write_jsonl(articles: list[Article], out: str | Path) -> Path:
    """Write articles as sideline input JSONL (id, text, published, source)."""
    out = Path(out)
    with open(out, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "source": a.source,
                                 "published": a.published.isoformat() if a.published else None},
                                ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", default=str(VOA_PATH))
    ap.add_argument("--jsonl", help="write the articles to this JSONL file")
    args = ap.parse_args(argv)
    articles = load_articles(args.path)
    if args.jsonl:
        write_jsonl(articles, args.jsonl)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters"
          + (f" -> {args.jsonl}" if args.jsonl else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
