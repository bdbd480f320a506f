"""Spell out a pronoun's contraction ("she'd" -> "she would") before a message is read.

Many readers drop apostrophes so that "men's" meets "mens"; without this, "she'd" reaches them as
"shed" and "we'll" as "well" (why, with the measured example: `assistant/data/contractions.json`).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "contractions.json"


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    endings: dict[str, str] = raw["endings"]
    pronouns = "|".join(sorted(map(re.escape, raw["pronouns"]), key=len, reverse=True))
    suffixes = "|".join(sorted(map(re.escape, endings), key=len, reverse=True))
    pattern = re.compile(rf"\b({pronouns})['’]({suffixes})\b", re.I)
    return pattern, {k.lower(): v for k, v in endings.items()}


def spelled_out(text: str) -> str:
    """`text` with each pronoun contraction written as two words; every other word as it was."""
    pattern, endings = _pattern()
    return pattern.sub(lambda m: f"{m.group(1)} {endings[m.group(2).lower()]}", text)
