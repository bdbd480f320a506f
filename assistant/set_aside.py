"""Words of a message that name what the shopper does not mean: "the brown carlton boots, NOT
THE CARLTON LONDON PAIR... laces?" asks about the carlton boots; the carlton london pair is set
aside, and its words name no product (`naming.NameIndex.find`).

A phrase of `data/set_aside.yaml` ("not the", "other than", "instead of") opens the stretch; the
end of its clause (a comma, a full stop, a dash set off by spaces) closes it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "set_aside.yaml"


@cache
def _phrases() -> tuple[tuple[str, ...], ...]:
    data = read_yaml_config(DATA_FILE, what="set-aside data file")
    return tuple(sorted((tuple(p.split()) for p in data["phrases"]), key=len, reverse=True))


def set_aside(words: list[str], ends: set[int]) -> set[int]:
    """Positions of `words` (a message's tokens) inside a set-aside stretch: from after its
    opening phrase to the last word of that clause (`ends`: positions closing a clause)."""
    out: set[int] = set()
    i = 0
    while i < len(words):
        phrase = next((p for p in _phrases() if tuple(words[i : i + len(p)]) == p), None)
        if phrase is None:
            i += 1
            continue
        j = i + len(phrase)
        while j < len(words) and j - 1 not in ends:
            out.add(j)
            j += 1
        i = j
    return out
