"""The time stage: temporal expressions of a document, and the date of each event.

1. ``lexicon``: the words and patterns of temporal expressions (data/en/timex.json)
2. ``match``: find their surface; ``normalise`` and ``relative``: TIMEX3-style values
3. ``timexes``: find and normalise in a document; ``tense``: which way a bare date points
4. ``frame``: document-level dating (story frame, trips)
``stage`` holds the stages (``Timexes``, ``Time``).
"""
from .stage import Time, Timexes, date_event

__all__ = ["Timexes", "Time", "date_event"]
