"""What sideline knows about the world, independent of any one article: people and their
offices with tenure (``people``), name keys and guarded name comparison (``names``), the
offline gazetteer (``gazetteer``) and venues and occasions (``venues``)."""
from .people import Knowledge, Office, Person, parse_date

__all__ = ["Office", "Person", "Knowledge", "parse_date"]
