"""Hand-built articles, events and results for the store, export and kill tests (no model)."""
from __future__ import annotations

from datetime import date

from sideline.records import (Actor, Article, Claim, Event, EventType, Evidence, Granularity,
                              Reject, Result, Span, Status, When, Where)

LAVROV = Actor("Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "Foreign Minister",
               "RUS", "RUSGOV", "person")
GUTERRES = Actor("António Guterres", "UN chief Antonio Guterres", "Secretary-General", None,
                 "IGOUNO", "person")
WANG = Actor("Wang Yi", "his Chinese counterpart", "Foreign Minister", "CHN", "CHNGOV", "person")
INDIA = Actor("India", "New Delhi", None, "IND", "IND", "country")

SENTENCES = (
    "Russian Foreign Minister Sergey Lavrov met UN chief Antonio Guterres in New York on Thursday.",
    "Lavrov will travel to New Delhi next month, the ministry said.",
    "Officials denied that Lavrov would meet his Chinese counterpart — «no plans», they said.",
)


def article(i: int, variant: int = 0) -> Article:
    text = f"NEW YORK (item {i}{', updated' * variant}) — " + " ".join(SENTENCES) + f" Ende {i}."
    return Article(id=f"a-{i:04d}", text=text, published=date(2024, 9, 1 + i % 28),
                   url=f"https://example.org/{i}", title=f"Item {i}", source="Test Wire",
                   origin=f"input.jsonl:{i + 1}", published_from="metadata")


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def events(a: Article) -> tuple[Event, ...]:
    ev = [_evidence(a.text, s) for s in SENTENCES]
    ministry = Claim("Russian Foreign Ministry", "the ministry",
                     Actor("Russian Foreign Ministry", "the ministry", None, "RUS", "RUSGOV",
                           "government"))
    return (
        Event(a.id, EventType.MEET, Status.OCCURRED, (LAVROV, GUTERRES), ev[0],
              When("2024-09-26", Granularity.DAY, "on Thursday"),
              Where("New York", "USA", 40.71, -74.01, "UN headquarters", "UNGA 79", "New York"),
              None, 0.93, Span(40, 43), Span(30, 120)),
        Event(a.id, EventType.VISIT, Status.PLANNED, (LAVROV, INDIA), ev[1],
              When("2024-10", Granularity.MONTH, "next month", None),
              Where("New Delhi", "IND", 28.61, 77.21), ministry, 0.7),
        Event(a.id, EventType.MEET, Status.DENIED, (LAVROV, WANG), ev[2], None, None,
              Claim("Officials", "Officials"), 0.4),
    )


def result(i: int, variant: int = 0) -> Result:
    a = article(i, variant)
    return Result(article=a, events=events(a), notes=("a note",) if i % 2 else ())


def reject(i: int) -> Result:
    return Result(article=None, reject=Reject(origin=f"input.jsonl:{i + 1}", code="E104",
                                              reason="the text is empty after cleaning",
                                              article=f"a-{i:04d}"))


def batch(k: int, size: int = 5) -> list[Result]:
    """Batch ``k`` of a fixed corpus: articles ``k*size ...``; every seventh one is rejected."""
    return [reject(i) if i % 7 == 3 else result(i) for i in range(k * size, (k + 1) * size)]
