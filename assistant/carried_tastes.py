"""Colours a person was said to like carry to the kind asked next ("my sister's baby turns one
and she loves red", then "a little cap would be cute"; "she loves green. maybe a stone
necklace?" after a gift for mom).

A taste said in answer to what is shown narrows the request (`follow_up._narrow_to_tastes`); one
said before any kind was named, or in the message that names a new kind, was kept only to rank
(or lost with the old request), so the cards showed caps and necklaces in every colour while the
same request asked in one message ("red cotton cap") showed red ones. A liked colour is who the
request is for, not what the old kind was: it narrows the new kind where some of its products
come in it, and only ranks where none does. A first message is left as it is: said alone, a
taste only ranks (`Understander.parse`).
"""

from __future__ import annotations

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from common.text import COLOURS, normalise_colour


def liked_colours(prefer: list[str]) -> list[str]:
    """The colours among the words a request prefers (tastes said of the person it is for)."""
    return list(dict.fromkeys(normalise_colour(w) for w in prefer if w in COLOURS))


def narrow_to_liked(old: Constraints, new: Constraints, catalog: CatalogIndex) -> None:
    """A new kind's constraints (`new`, after carry-over) narrowed to the colours liked before or
    now, where the catalog has the kind in them; a colour said outright is left as it is."""
    liked = liked_colours([*old.prefer, *new.prefer])
    if new.colours or not liked:
        return
    new.prefer += [c for c in liked if c not in new.prefer]  # ranks where it cannot filter
    held = [c for c in liked if catalog.mask(new.model_copy(update={"colours": [c]})).any()]
    new.colours = [c for c in held if c not in new.exclude_colours]
