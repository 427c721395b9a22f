"""The events stage: parse, mentions -> events (type, participants, status, attribution).

1. ``triggers``: the words that announce an engagement
2. ``arguments``: the phrase heads around a trigger, read from the dependency parse
3. ``participants``: who takes part, resolved by ``resolve`` (``names``: surface names;
   ``countries``: countries, capitals and cities visited)
4. ``status``: occurred, planned, proposed, ruled out, uncertain
5. ``attribution``: whose claim it is
``stage`` holds the stage itself (``Events``).
"""
from .stage import Events

__all__ = ["Events"]
