"""The typed records that flow through sideline.

Everything a stage reads or writes is one of these frozen dataclasses. A stage
never mutates a record: it returns a new one with :func:`dataclasses.replace`
(see :meth:`Document.with_`).

Offsets: ``Span`` values inside a :class:`Document` (sentences, mentions,
timexes, places, triggers) count characters of the *cleaned* text
``Document.text``. ``Evidence`` offsets count characters of the article text
*as given* (``Article.text``); the clean stage's :class:`~sideline.stages.clean.offsets.OffsetMap`
converts one into the other.
"""
from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

__all__ = [
    "Status", "EventType", "Granularity", "Article", "Span", "Actor", "When", "Where",
    "Claim", "Evidence", "Event", "Mention", "Timex", "Place", "Reject", "Document", "Result",
]


class Status(str, enum.Enum):
    """What a claim says of an engagement. The last three are finer kinds of RULED_OUT."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    PROPOSED = "proposed"
    RULED_OUT = "ruled_out"
    UNCERTAIN = "uncertain"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    DENIED = "denied"

    @property
    def coarse(self) -> "Status":
        """The five-way value the gold uses (postponed/cancelled/denied fold into ruled_out)."""
        if self in (Status.POSTPONED, Status.CANCELLED, Status.DENIED):
            return Status.RULED_OUT
        return self


class EventType(str, enum.Enum):
    MEET = "meet"
    TALKS = "talks"
    VISIT = "visit"
    HOST = "host"
    PHONE_CALL = "phone_call"
    MULTILATERAL = "multilateral"
    OTHER_CONSULT = "other_consult"


class Granularity(str, enum.Enum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Article:
    """One input article. ``text`` is kept exactly as given; evidence offsets point into it."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read: "path/to/file.jsonl:12"
    published_from: str | None = None  # "metadata", "dateline", "byline", "url", or None

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Actor:
    """A participant, a speaker or any resolved actor.

    ``name`` is the canonical name, ``mention`` the words the text used.
    ``kind`` is one of person, government, country, organisation, group.
    """

    name: str
    mention: str
    role: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    code: str | None = None  # CAMEO/PLOVER style: RUSGOV, IGOUNO
    kind: str = "person"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention, "role": self.role,
                "country": self.country, "code": self.code}


@dataclass(frozen=True)
class When:
    """An event's date. ``value`` is TIMEX3-style: 2024-09-27, 2024-09, 2024, 2024-W39, 2024-SU."""

    value: str | None
    granularity: Granularity | None = None
    text: str | None = None
    end_value: str | None = None  # last day of a range ("24 and 25 April")

    def told(self) -> tuple[date, date] | None:
        """(first day, last day) of a day, month or year whose year the text itself wrote
        ("in March 1994"), else None (a date read from "last week" leans on the article's).

        >>> When("1994-03", text="in March 1994").told()
        (datetime.date(1994, 3, 1), datetime.date(1994, 3, 31))
        """
        parts = (self.value or "").split("-")
        if not self.text or not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) \
                or len(parts[0]) != 4 or parts[0] not in self.text:
            return None
        y, rest = int(parts[0]), [int(p) for p in parts[1:]]
        if len(rest) == 2:
            return date(y, *rest), date(y, *rest)
        if rest:
            nxt = date(y + rest[0] // 12, rest[0] % 12 + 1, 1)
            return date(y, rest[0], 1), date.fromordinal(nxt.toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)


@dataclass(frozen=True)
class Where:
    name: str | None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    venue: str | None = None
    occasion: str | None = None
    text: str | None = None  # the words of the text that gave it

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "venue": self.venue, "occasion": self.occasion}


@dataclass(frozen=True)
class Claim:
    """Who makes a claim: a named speaker, a ministry, an agency. ``None`` = the article's own voice."""

    name: str
    mention: str
    actor: Actor | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention}


@dataclass(frozen=True)
class Evidence:
    """The sentence(s) that state a claim; ``Article.text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One claim about one engagement in one article (one line of the JSONL export)."""

    article: str
    type: EventType
    status: Status
    actors: tuple[Actor, ...]
    evidence: Evidence
    when: When | None = None
    where: Where | None = None
    attributed_to: Claim | None = None
    confidence: float = 0.5
    trigger: Span | None = None  # in clean-text offsets
    sentence: Span | None = None  # in clean-text offsets
    event_id: str | None = None  # set by the ledger
    #: the rule of the status reader that gave ``status`` (None: no cue, the default "occurred"
    #: of a trigger noun or a verb not in the past); not stored, used to merge claims
    status_cue: str | None = field(default=None, compare=False, repr=False)
    #: the id this claim was stored under (the store sets it when it reads one back), so that
    #: the link step may rename its participants and keep its id
    stored_id: str | None = field(default=None, compare=False, repr=False)

    @property
    def mention_id(self) -> str:
        """A deterministic id for this claim: same article, words and reading (type, status,
        participants, speaker, place) give the same id (made from the participants as
        extracted: a stored claim keeps the id it was stored under)."""
        if self.stored_id is not None:
            return self.stored_id
        key = "|".join([
            self.article, self.type.value, self.status.value,
            ";".join(a.name for a in self.actors),
            str(self.evidence.start), str(self.evidence.end),
            self.attributed_to.name if self.attributed_to else "",
        ] + ([self.where.name or ""] if self.where is not None and self.where.name else []))
        return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Mention:
    """An actor mention in the cleaned text, with the actor it resolves to (if any)."""

    span: Span
    text: str
    label: str  # PERSON, ORG, GPE, NORP, HANDLE, HASHTAG, TITLE, PRON
    actor: Actor | None = None


@dataclass(frozen=True)
class Timex:
    """A temporal expression in the cleaned text with its normalised value."""

    span: Span
    text: str
    value: str | None
    granularity: Granularity | None
    end_value: str | None = None


@dataclass(frozen=True)
class Place:
    """A place expression in the cleaned text, geocoded."""

    span: Span
    text: str
    where: Where


@dataclass(frozen=True)
class Reject:
    """An input that could not be read or processed, and why. Rejects are stored, never dropped."""

    origin: str  # file path, with ":line" for JSONL
    code: str  # an error code from sideline.errors
    reason: str
    article: str | None = None  # the article id, when one is known

    def __str__(self) -> str:
        who = f"{self.origin} (article {self.article})" if self.article else self.origin
        return f"{who}: [{self.code}] {self.reason}"


@dataclass(frozen=True)
class Document:
    """The working record a pipeline passes from stage to stage (like a spaCy ``Doc``).

    Stages declare which of these fields they require and which they provide.
    ``parse`` holds the spaCy ``Doc`` over ``text`` and never leaves the worker.
    """

    article: Article
    text: str = ""
    offsets: Any = None  # sideline.stages.clean.offsets.OffsetMap: cleaned-text offsets -> article-text offsets
    published: date | None = None
    published_from: str | None = None
    sentences: tuple[Span, ...] = ()
    parse: Any = None
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    notes: tuple[str, ...] = field(default=())  # warnings worth keeping ("no publication date found")
    learned: tuple[tuple, ...] = ()  # (name, role, country or org, date) the text stated

    def with_(self, **changes: Any) -> "Document":
        return replace(self, **changes)

    def evidence(self, span: Span) -> Evidence:
        """Evidence for a cleaned-text span, with offsets into the article text as given."""
        start, end = (span.start, span.end) if self.offsets is None else self.offsets.to_raw(span.start, span.end)
        return Evidence(text=self.article.text[start:end], start=start, end=end)


@dataclass(frozen=True)
class Result:
    """What a pipeline returns for one input: the article and its events, or a reject."""

    article: Article | None
    events: tuple[Event, ...] = ()
    reject: Reject | None = None
    notes: tuple[str, ...] = ()
    learned: tuple[tuple, ...] = ()  # (name, role, country or org, date): roles the text stated
