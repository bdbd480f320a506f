"""The steering vocabulary, read once.

`assistant/data/steering.json` holds the closed word classes that steer understanding (pointers,
follow-up cues, refusal verbs, pro-forms, colour shades...), one key per job. Many modules need
one key each; they all ask this one cached reader instead of parsing the file for themselves.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

STEERING_FILE = Path(__file__).resolve().parent / "data" / "steering.json"


@cache
def steering() -> dict[str, Any]:
    """The whole steering table; callers index the key of their job and must not mutate it."""
    return json.loads(STEERING_FILE.read_text(encoding="utf-8"))
