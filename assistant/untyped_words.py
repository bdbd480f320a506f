"""What a request said before it had a kind: "from that brand I want the one for a Hero CD",
then "just one bulb is enough". The kind now named starts the request anew, yet the words said
before still tell its products apart ("hero", "cd" name one of the brand's bulbs): they rank in
the new request, where some but not all of its candidates hold them. A story's chatter ("hope
your day is going well") holds no such word, or one that every candidate holds."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from assistant.catalog import CatalogIndex
from common.text import tokenize

if TYPE_CHECKING:  # dialogue imports this module
    from assistant.dialogue import Request


def telling_words(before: str, now: Request, catalog: CatalogIndex, skip: Collection[str]) -> list[str]:
    """The words of `before` (the text of a request with no kind) that some but not all products
    meeting the new request `now` hold, and its text lacks; `skip`: grammar and chat words."""
    rows = catalog.mask(now.constraints)
    n = int(rows.sum())
    have = set(tokenize(now.text))
    out: list[str] = []
    for w in dict.fromkeys(tokenize(before)):
        if w in skip or w in have or w.isdigit() and len(w) < 2:
            continue
        held = int(rows[catalog.attribute_rows([w])].sum())
        if 0 < held < n:
            out.append(w)
    return out
