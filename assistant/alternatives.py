"""When nothing matches: say what the shop does not carry, and find the closest alternatives.

Alternatives come from relaxing one constraint of the request at a time (the type, the brand,
the budget...) and are labelled with what they break, from the product's own record ("not
earrings", "over ₹500"). They are listed apart from the results and never shown as matches.
"""

from __future__ import annotations

from assistant.constraints import Constraints, phrase_in
from assistant.dialogue import Request, slots
from assistant.reply import Alternative, ProductCard
from assistant.search import Retriever
from assistant.understand import Query
from common.schema import Product
from common.text import money, terms

# Constraint names (as in `Constraints.parts`) and how to drop each.
RELAXED = {
    "category": {"categories": []},
    "attribute": {"attributes": []},
    "flag": {"flags": []},
    "not attribute": {"exclude_attributes": []},
    "brand": {"brands": []},
    "not brand": {"exclude_brands": []},
    "colour": {"colours": []},
    "not colour": {"exclude_colours": []},
    "audience": {"audience": None},
    "price": {
        "price_min": None,
        "price_max": None,
        "cheap": False,
        "price_strict": False,
        "price_near": None,
        "premium": False,
    },
    "rating": {"min_rating": None},
    "in stock": {"in_stock": False},
}


def plural(phrase: str) -> str:
    """ "earring" -> "earrings", "watch" -> "watches"; phrases already plural stay."""
    if not phrase or phrase.endswith("s"):
        return phrase
    return phrase + ("es" if phrase.endswith(("ch", "sh", "x", "z")) else "s")


def _noun(attributes: list[str], product_type: str | None) -> str:
    """The must-haves before the kind, each once: "glass vases", not "glass glass vases" when the
    kind already says it (AF d07)."""
    kind = terms(product_type or "")
    said = [a for a in attributes if not phrase_in(terms(a), kind)]
    return " ".join([*said, plural(product_type or "")]).strip()


def what(request: Request, currency: str) -> str:
    """The request as a noun phrase: "diamond rings for women under ₹500"."""
    parts = [s for s in slots(request, currency) if s.name not in ("type", "attribute")]
    c = request.constraints
    noun = _noun(c.attributes, request.product_type) or "products"
    return " ".join([noun, *[s.label for s in parts]])


def not_carried(request: Request, constraints: Constraints, catalog_masks: list, currency: str) -> tuple[str, bool]:
    """What the shop lacks, and whether it is one thing no product has at all (a type, a brand,
    an attribute) rather than a combination ("t-shirts by puma": both exist, never together)."""
    alone = [name for name, mask in catalog_masks if not mask.any()]
    if alone == ["category"] and request.product_type:
        return plural(request.product_type), True
    if alone == ["brand"]:
        return " or ".join(constraints.brands), True
    if alone == ["attribute"]:
        return _noun(constraints.attributes, request.product_type), True
    return what(request, currency), False


def sentence(missing: str, wholly: bool) -> str:
    """ "We don't carry earrings." / "Nothing in our catalog matches t-shirts by puma." """
    if wholly:
        return f"Sorry, we don't carry {missing}."
    return f"Sorry, nothing in our catalog matches {missing}."


def break_label(name: str, c: Constraints, request: Request, p: Product, currency: str) -> str:
    if name == "category":
        return f"not {plural(request.product_type or ' or '.join(c.categories))}"
    if name == "attribute":
        return "not " + " ".join(c.attributes)
    if name == "flag":
        return "not " + " or ".join(c.flags)
    if name == "not attribute":
        return " or ".join(c.exclude_attributes)
    if name == "brand":
        return "not by " + " or ".join(c.brands)
    if name == "not brand":
        return f"by {p.brand or 'an excluded brand'}"
    if name == "colour":
        return "not in " + " or ".join(c.colours)
    if name == "not colour":
        return "in " + " or ".join(x for x in c.exclude_colours if x in p.colours)
    if name == "audience":
        return f"not for {c.audience}"
    if name == "price":
        if c.price_max is not None and (p.price is None or p.price > c.price_max):
            return f"over {money(c.price_max, currency)}"
        if c.price_max is not None and c.price_strict and p.price == c.price_max:
            return f"not under {money(c.price_max, currency)}"
        return f"under {money(c.price_min or 0, currency)}"
    if name == "rating":
        return f"rated under {c.min_rating:g}"
    return "out of stock"


def closest(retriever: Retriever, query: Query, request: Request, limit: int = 3) -> list[Alternative]:
    """Up to `limit` products that break as little as they can: the best per constraint relaxed,
    products of the type asked for first. A product of another type is offered only when no
    product of the type comes near: beside a pearl necklace "not for girls", a teddy bear "not a
    necklace" is no alternative to a necklace."""
    c = query.constraints
    currency = retriever.catalog.currency
    out: list[Alternative] = []
    seen: set[str] = set()

    def offer(hit) -> None:
        failed = retriever.catalog.failures(c, hit.product)
        label = "; ".join(break_label(f, c, request, hit.product, currency) for f in failed)
        out.append(Alternative(card=ProductCard.of(hit.product, hit.why), breaks=label or "close match"))
        seen.add(hit.product.id)

    parts = c.parts(currency)
    kept_type = [name for name, _ in parts if name != "category"]
    found = [retriever.search(Query(query.raw, query.text, _relaxed(c, name)), k=limit).hits for name in kept_type]
    # The best of each relaxation first, then the next best of each, all of the type asked for.
    for rank in range(limit):
        for hits in found:
            if len(out) < limit and rank < len(hits) and hits[rank].product.id not in seen:
                offer(hits[rank])
    if not out and any(name == "category" for name, _ in parts):
        for hit in retriever.search(Query(query.raw, query.text, _relaxed(c, "category")), k=limit).hits[:1]:
            offer(hit)
    return out


def _relaxed(c: Constraints, name: str) -> Constraints:
    return c.model_copy(update=RELAXED[name], deep=True)
