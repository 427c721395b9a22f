"""The stages of sideline's default pipeline, in order.

1. ``clean``  (stages/clean.py):  article -> text, offsets, published
2. ``nlp``    (stages/nlp.py):    text -> parse, sentences (stages/model.py: the only spacy.load)
3. ``actors`` (stages/actors.py): parse -> mentions (resolved to canonical actors)
4. ``events`` (stages/events.py): parse, mentions -> events (type, participants, status, attribution)
5. ``time``   (stages/time.py):   parse, events -> timexes, events.when
6. ``offices`` (stages/offices.py): events.when -> events.actors (a participant named by a
   title alone, looked up again at its event's date)
7. ``place``  (stages/place.py):  parse, events -> places, events.where
8. ``dedupe`` (stages/dedupe/): events.when, events.where -> events (one claim per engagement)

Ingest (stages/ingest.py) is not a document stage: it turns files and streams into
``Article`` records (or ``Reject`` records) that enter the pipeline.
"""
from __future__ import annotations

__all__ = ["default_stages"]


def default_stages(model: str | None = None, data_dir: str | None = None, max_chars: int = 1_000_000,
                   parse_all: bool = False) -> list:
    """The default stages. ``data_dir`` holds the user's own lexicons, merged over the
    packaged ones by every stage (see sideline/lexicons.py)."""
    from .actors.stage import Actors
    from .clean.stage import Clean
    from .dedupe import Dedupe
    from .events.stage import Events
    from .nlp import DEFAULT_MODEL, NLP
    from .offices import Offices
    from .place.stage import Place
    from .time.stage import Time

    return [Clean(data_dir=data_dir, max_chars=max_chars),
            NLP(model=model or DEFAULT_MODEL, data_dir=data_dir, parse_all=parse_all),
            actors := Actors(data_dir=data_dir), Events(data_dir=data_dir), Time(data_dir=data_dir),
            Offices(data_dir, actors.knowledge, actors.lexicon), Place(data_dir=data_dir), Dedupe()]
