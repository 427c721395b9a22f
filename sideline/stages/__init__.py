"""The stages of sideline's default pipeline, in order.

1. ``clean``  (stages/clean.py):  article -> text, offsets, published
2. ``nlp``    (stages/nlp.py):    text -> parse, sentences (the only spacy.load)
3. ``actors`` (stages/actors.py): parse -> mentions (resolved to canonical actors)
4. ``events`` (stages/events.py): parse, mentions -> events (type, participants, status, attribution)
5. ``time``   (stages/time.py):   parse, events -> timexes, events.when
6. ``place``  (stages/place.py):  parse, events -> places, events.where

Ingest (stages/ingest.py) is not a document stage: it turns files and streams into
``Article`` records (or ``Reject`` records) that enter the pipeline.
"""
from __future__ import annotations

from typing import Any

__all__ = ["default_stages"]


def default_stages(model: str | None = None, **options: Any) -> list:
    from .actors import Actors
    from .clean import Clean
    from .events import Events
    from .nlp import NLP
    from .place import Place
    from .time import Time

    nlp = NLP(model=model) if model else NLP()
    return [Clean(), nlp, Actors(), Events(), Time(), Place()]
