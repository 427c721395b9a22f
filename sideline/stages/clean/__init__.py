"""The clean stage: article text as scraped -> clean text, an offset map and a publication date.

``steps``: the cascade of cleaning steps; ``offsets``: the map between cleaned and raw text;
``pubdate``: publication dates found in the text or URL; ``stage``: the stage (``Clean``).
"""
from .stage import Clean, Cleaned

__all__ = ["Clean", "Cleaned"]
