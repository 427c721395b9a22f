"""The people a document has named so far, with what it has said about them (the actors
stage's memory while it resolves mentions in text order)."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Entity", "Seen"]


@dataclass(eq=False)
class Entity:
    """A person the document has named, with what it has said about them."""

    name: str  # canonical
    surfaces: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    org: str | None = None
    gender: str | None = None
    person: object = None  # knowledge Person
    last: int = -1  # position of the latest mention
    subject_at: int = -1  # position of the latest mention as a subject
    from_text: bool = False  # the role was read in the text
    count: int = 0  # mentions so far
    spelled: str | None = None  # the first full name the text gives (two words or more)

    @property
    def solid(self) -> bool:
        """Known to the knowledge file, given a role by the text, or named in full."""
        return self.person is not None or self.role is not None or len(self.name.split()) > 1


@dataclass(eq=False)
class Seen:
    """What a document has named so far, in text order: the people (``entities``), every person
    mention with its candidate (``history``), the countries (ISO3, in order of mention, with their
    sentences) and the
    person a first-person release speaks as."""

    entities: list[Entity] = field(default_factory=list)
    history: list = field(default_factory=list)  # (Candidate, Entity) per person mention
    countries: list[str] = field(default_factory=list)
    country_sents: list[int] = field(default_factory=list)  # the sentence of each of ``countries``
    first_person: Entity | None = None

    def saw(self, iso: str, sent: int) -> None:
        """A country named (or the country of a person named) in sentence ``sent``."""
        self.countries.append(iso)
        self.country_sents.append(sent)

    def other_country(self, sent: int, own: str) -> str | None:
        """The one country sentence ``sent`` has named so far other than ``own``, else None."""
        found = {iso for iso, s in zip(self.countries, self.country_sents) if s == sent and iso != own}
        return found.pop() if len(found) == 1 else None
