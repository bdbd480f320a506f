"""Relative moves from what is on screen: cheaper, more premium, better rated, show more, start over.

The phrases are data (`assistant/data/steering.json`, "moves"), read once; `assistant.interpret`
reads the move from the message and the dialogue applies it (`dialogue.update`).
"""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.steering import steering

_STEERING = steering()
_PHRASES: dict[str, list[str]] = _STEERING["moves"]
MIN_RATING_FLOOR: float = _STEERING["min_rating_floor"]  # "better rated" asks at least this


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.I)


class Move(StrEnum):
    RESET = "reset"
    # "the cheaper the better": cheapest first within the bounds already said, not "under the
    # cheapest shown" (before CHEAPER: the first move found wins)
    CHEAP_FIRST = "cheap_first"
    CHEAPER = "cheaper"
    PRICIER = "pricier"
    BETTER_RATED = "better_rated"
    MORE = "more"


PATTERNS = {move: _pattern(_PHRASES[move.value]) for move in Move}
RESET = PATTERNS[Move.RESET]


def read_move(message: str) -> Move | None:
    """The first move the message makes, in `Move` order (a reset wins over "something cheaper")."""
    return next((move for move in Move if PATTERNS[move].search(message)), None)
