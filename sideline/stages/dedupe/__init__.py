"""The dedupe stage: one claim per engagement per article, once dates and places are known.

``trips``: what was planned inside a trip the text calls off is called off with it;
``stage``: the stage (``Dedupe``), which merges the claims that tell one engagement.
"""
from .stage import Dedupe

__all__ = ["Dedupe"]
