"""Whether an interest cue found in a clause says an interest there.

"into" is an interest cue ("he's into cricket") and a preposition ("something that plugs into
the wall", "fits into my bag"). As a preposition it says where a thing goes, and reading what
follows as an interest turned a use into an aside (set T: "plugs into the wall and makes the
living room smell of lemongrass" steered toward walls and living rooms, and the request was cut
to "something that plugs"). The cue stands as an interest only after a form of "be", adverbs and
degree words between (`interest_after_being` in audiences.json).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path


@cache
def _being() -> tuple[frozenset[tuple[str, ...]], frozenset[str], frozenset[str]]:
    raw = json.loads((Path(__file__).resolve().parent / "data" / "audiences.json").read_text(encoding="utf-8"))
    being = raw["interest_after_being"]
    skipped = frozenset(being["degree"]) | frozenset(raw["story_skipped"])
    return frozenset(tuple(c.split()) for c in being["cues"]), frozenset(being["be_forms"]), skipped


def cue_stands(words: list[str], i: int, cue: tuple[str, ...]) -> bool:
    """The cue at `i` says an interest: any cue but a prepositional one, and that one after a
    form of "be" ("he's really into cricket", not "plugs into the wall") or opening its clause."""
    cues, be_forms, skipped = _being()
    if cue not in cues:
        return True
    k = i - 1
    while k >= 0 and words[k] in skipped:
        k -= 1
    # Opening its clause ("he's so | into anime": "so" cuts clauses) the cue keeps its reading.
    return k < 0 or words[k] in be_forms
