"""Whose, not for whom: a person word that owns the person named next ("my sister's baby", "my
sisters baby", "his brother's son") says whose they are; the request is for the one owned (set M
d05 read a cap for "my sister's baby" as women's: the sister, not the baby)."""

from __future__ import annotations

from collections.abc import Container

from common.text import singular


def owner_at(words: list[str], i: int, people: Container[str], audience_words: Container[str]) -> bool:
    """The person word at `i` owns the person named next. `words` are tokens with the apostrophe
    split off ("sister s baby"); `people` and `audience_words` are the audience table's."""
    if singular(words[i]) not in people:
        return False
    after = words[i + 1 : i + 3]
    if after[:1] == ["s"]:
        after = after[1:]
    return bool(after) and (after[0] in people or after[0] in audience_words)
