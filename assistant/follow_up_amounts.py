"""Amounts a follow-up says of the kind asked for ("make it a litre", "1 litre" after bottles):
read against the request's kind, since the follow-up names none. A one-message request reads
them with its own kind (`asked_amounts`); a follow-up's went unread, so "750 ml", then "actually
no make it a litre" kept the 750 ml bottle (pool set O)."""

from __future__ import annotations

from assistant.asked_amounts import asked_amounts, bounded
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.counted_values import kind_units
from assistant.fit import amounts_in
from common.text import terms


def amounts_said(message: str, categories: list[str], catalog: CatalogIndex) -> list[str]:
    """Must-haves for the amounts a follow-up says, as the kind's records write them ("1000 ml").
    An amount in a unit the kind's own records count by ("6 seater") is `counted_values`' to read."""
    if not categories:
        return []
    units = kind_units(categories, catalog)
    said = [
        text
        for text, amount in amounts_in(message.lower())
        if not set(terms(text)) & set(units) and not bounded(message, amount)  # "more than 15 litres"
    ]
    return asked_amounts(catalog, " , ".join(said), Constraints(categories=categories)) if said else []
