"""The place stage: place expressions of a document, and the ``where`` of each event.

``roles``: what a place expression does in its clause; ``context``: datelines and the places
nearby events give; ``stage``: the stage (``Place``). The gazetteer is in sideline.knowledge.people.
"""
from .stage import Place

__all__ = ["Place"]
