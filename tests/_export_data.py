"""A small hand-written ledger for the export tests: a hosted visit of three, talks on trade
and climate, a four-party meeting known to the month, a denied summit (with mojibake), a
visit the host called off (known to the year), an undated lone trip, and a leader coded two
ways. Three articles (one without url), written for these tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sideline import api
from sideline.records import (Actor, Article, Claim, Event, EventType, Evidence, Granularity, Result,
                              Span, Status, When, Where)
from sideline.store.database import Store

CHAKWERA = Actor("Lazarus Chakwera", "Malawi&#039;s President Lazarus Chakwera", "President", "MWI", "MWIGOV")
TEMBO = Actor("Nancy Tembo", "Foreign Minister Nancy Tembo", "Foreign Minister", "MWI", "MWIGOV")
HICHILEMA = Actor("Hakainde Hichilema", "Zambian President Hakainde Hichilema", "President", "ZMB", "ZMBGOV")
QATAR = Actor("Qatar", "Qatar", None, "QAT", "QAT", "country")
OMAN = Actor("Oman", "Oman", None, "OMN", "OMN", "country")
KUWAIT = Actor("Kuwait", "Kuwait", None, "KWT", "KWT", "country")
BAHRAIN = Actor("Bahrain", "Bahrain", None, "BHR", "BHR", "country")
PUTIN = Actor("Vladimir Putin", "Putin", "President", "RUS", "RUSGOV")
ZELENSKY = Actor("Volodymyr Zelensky", "Zelensky", "President", "UKR", "UKRGOV")
PESKOV = Claim("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov",
               Actor("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "Spokesperson", "RUS", "RUSGOV"))
MODI = Actor("Narendra Modi", "Indian Prime Minister Narendra Modi", "Prime Minister", "IND", "INDGOV")
MALDIVES = Actor("Maldives", "Male", None, "MDV", "MDVGOV", "government")
MALDIVES_FM = Claim("Maldivian Foreign Ministry", "the Maldivian foreign ministry",
                    Actor("Maldivian Foreign Ministry", "the ministry", None, "MDV", "MDVGOV", "government"))
CASTRO = Actor("Fidel Castro", "Fidel Castro", None, "CUB", "CUB")
CASTRO_LEADER = Actor("Fidel Castro", "Cuban leader Fidel Castro", "Leader", "CUB", "CUBGOV")
HOLLANDE = Actor("François Hollande", "French President Francois Hollande", "President", "FRA", "FRAGOV")
XI = Actor("Xi Jinping", "Chinese President Xi Jinping", "President", "CHN", "CHNGOV")

A1 = ("LILONGWE, March 4 (Southern Wire) - Malawi&#039;s President Lazarus Chakwera and Foreign Minister "
      "Nancy Tembo welcomed Zambian President Hakainde Hichilema at Kamuzu International Airport on Monday.\n"
      "The two presidents later held talks on cross-border trade and climate change, officials said.\n"
      "Photo: State House\n")
A2 = ("MUSCAT — Foreign ministers of Qatar, Oman, Kuwait and Bahrain met in Muscat in May to discuss "
      "shipping security.\n\nKremlin spokesman Dmitry Peskov on Tuesday denied that Putin\u00c2 would meet "
      "Zelensky, calling such reports &quot;fiction&quot;.\n")
A3 = ("NEW DELHI: The Maldivian foreign ministry said it had called off Indian Prime Minister Narendra Modi's "
      "visit to Male planned for 2025.\nIn Havana, Cuban leader Fidel Castro received French President "
      "Francois Hollande. Castro and Hollande met for an hour, a spokesman said.\n"
      "Chinese President Xi Jinping will travel abroad soon, state media said.\n")


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def _trigger(text: str, word: str, sentence: str) -> Span:
    """The trigger's span: where the cleaned text holds ``word`` (the fixture texts clean to
    themselves but for the entities before the word, which ``Clean`` maps back)."""
    from sideline.stages.clean.stage import Clean

    cleaned = Clean().clean(text).text
    base = cleaned.index(sentence.split("&")[0][:40])
    start = cleaned.index(word, base)
    return Span(start, start + len(word))


def articles() -> list[Article]:
    return [Article("w-001", A1, date(2024, 3, 4), "https://wire.example/malawi-zambia", "Zambian leader in Lilongwe",
                    "Southern Wire"),
            Article("w-002", A2, date(2024, 5, 21), None, None, "Gulf Daily (AFP)"),
            Article("w-003", A3, date(2024, 6, 2), "https://news.example/maldives-modi", "Visit called off",
                    "Delhi Courier")]


def results() -> list[Result]:
    a1, a2, a3 = articles()
    s1 = A1.split("\n")[0][A1.index("Malawi"):]
    s2 = A1.split("\n")[1]
    lilongwe = Where("Lilongwe", "MWI", -13.9669, 33.7873, "Kamuzu International Airport")
    e1 = [Event("w-001", EventType.HOST, Status.OCCURRED, (CHAKWERA, TEMBO, HICHILEMA), _ev(A1, s1),
                When("2024-03-04", Granularity.DAY, "on Monday"), lilongwe, None, 0.9,
                _trigger(A1, "welcomed", s1)),
          Event("w-001", EventType.TALKS, Status.OCCURRED, (CHAKWERA, HICHILEMA), _ev(A1, s2),
                When("2024-03-04", Granularity.DAY), lilongwe, Claim("officials", "officials"), 0.8)]
    t1, t2 = A2.split("\n\n")
    e2 = [Event("w-002", EventType.MULTILATERAL, Status.OCCURRED, (QATAR, OMAN, KUWAIT, BAHRAIN), _ev(A2, t1.strip()),
                When("2024-05", Granularity.MONTH, "in May"), Where("Muscat", "OMN", 23.5841, 58.4078), None, 0.7),
          Event("w-002", EventType.MEET, Status.DENIED, (PUTIN, ZELENSKY), _ev(A2, t2.strip()), None, None,
                PESKOV, 0.6)]
    r1, r2, r3 = A3.strip().split("\n")
    castro_met = r2[r2.index("Castro and"):]
    e3 = [Event("w-003", EventType.VISIT, Status.CANCELLED, (MODI, MALDIVES), _ev(A3, r1),
                When("2025", Granularity.YEAR, "2025"), Where("Male", "MDV", 4.1755, 73.5093), MALDIVES_FM, 0.7),
          Event("w-003", EventType.HOST, Status.OCCURRED, (CASTRO_LEADER, HOLLANDE), _ev(A3, r2[:r2.index(" Castro and")]),
                None, Where("Havana", "CUB", 23.1330, -82.3830), None, 0.8),
          Event("w-003", EventType.MEET, Status.OCCURRED, (CASTRO, HOLLANDE), _ev(A3, castro_met), None,
                Where("Havana", "CUB", 23.1330, -82.3830), Claim("a spokesman", "a spokesman"), 0.5),
          Event("w-003", EventType.VISIT, Status.PLANNED, (XI,), _ev(A3, r3), None, None, None, 0.4)]
    return [Result(a1, tuple(e1)), Result(a2, tuple(e2)), Result(a3, tuple(e3))]


def make_ledger(path: Path) -> Path:
    """The three articles stored and linked at ``path``."""
    with Store(path) as store:
        store.write_batch(results(), "run-1")
        api.link(store)
    return path


def without_dateadded(rows: str | bytes) -> list[list[str]]:
    """GDELT rows without DATEADDED (when a run stored the event: the one cell that differs
    between ledgers built in other runs from the same articles)."""
    text = rows.decode("utf-8") if isinstance(rows, bytes) else rows
    cells = [line.split("\t") for line in text.splitlines()]
    assert all(len(c) == 61 and c[59].isdigit() and len(c[59]) == 14 for c in cells)
    return [c[:59] + c[60:] for c in cells]
