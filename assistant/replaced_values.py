"""A later value of a slot replaces the earlier one: "750 ml should do", then "make it a litre";
"diamond ring", then "she wants a zircon stone"; "plastic", then "actually steel".

A follow-up's must-have is added to the request's by default ("slim fit", then "sleeveless":
both, and the reply says honestly when nothing holds both). It replaces an earlier must-have
where the catalog says the two are values of one slot for the kind asked for: no product of the
kind holds both, and they are
- amounts of one measure ("750 ml" and "1000 ml or 1 l"), or
- values of one specification key the shop records ("Gemstone: Diamond" / "Gemstone: Zircon",
  "Type: Anarkali" / "Type: Straight"), or
- words no recorded key tells apart, each held by some product of the kind (bottles of plastic,
  bottles of steel, none of both).
Two values of different recorded keys ("Fit: Slim", "Sleeve: Sleeveless") are two wishes, kept.
"""

from __future__ import annotations

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints, alternatives
from assistant.fit import amounts_in


def displaced(old: list[str], new: list[str], categories: list[str], catalog: CatalogIndex) -> list[str]:
    """The request's must-haves (`old`) that one of the follow-up's (`new`) replaces."""
    if not categories:
        return []
    out = []
    for before in old:
        if before in new:
            continue
        if any(_one_slot(before, after, categories, catalog) for after in new if after not in old):
            out.append(before)
    return out


def _one_slot(before: str, after: str, categories: list[str], catalog: CatalogIndex) -> bool:
    """Whether `after` is another value of the slot `before` fills, for this kind."""
    if _holding(categories, [before, after], catalog):
        return False  # some product is both: the new one narrows
    families_before, families_after = _families(before), _families(after)
    if families_before or families_after:
        return bool(families_before & families_after)  # an amount and a material fill two slots
    keys_before, keys_after = _keys(before, catalog), _keys(after, catalog)
    if keys_before and keys_after:
        return bool(keys_before & keys_after)
    if keys_before or keys_after:
        return False  # one a recorded value, the other a word of no key: nothing says one slot
    return _holding(categories, [before], catalog) and _holding(categories, [after], catalog)


def _holding(categories: list[str], attributes: list[str], catalog: CatalogIndex) -> bool:
    return bool(catalog.mask(Constraints(categories=categories, attributes=attributes)).any())


def _families(attribute: str) -> set[str]:
    """The measures an amount must-have states ("750 ml" -> {"volume"})."""
    return {amount.family for alt in alternatives(attribute) for _, amount in amounts_in(alt)}


def _keys(attribute: str, catalog: CatalogIndex) -> frozenset[str]:
    """The specification keys the shop records the value under (any of its alternatives)."""
    keys: frozenset[str] = frozenset()
    for alt in alternatives(attribute):
        entry = catalog.recorded.phrases.get(alt.strip())
        keys |= entry.keys if entry else frozenset()
    return keys


def attribute_changes(old: list[str], new: list[str]) -> list[str]:
    """Each must-have on its own: one chip per attribute, so "steel" then "1000 ml" in place of
    "750 ml" reads "replaced: 1000 ml (was 750 ml)", not "(was steel)"."""
    gone, came = [a for a in old if a not in new], [a for a in new if a not in old]
    out = [f"replaced: {a} (was {b})" for a, b in zip(came, gone, strict=False)]
    out += [f"added: {a}" for a in came[len(gone) :]]
    return out + [f"removed: {b}" for b in gone[len(came) :]]
