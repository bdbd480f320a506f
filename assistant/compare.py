"""Comparisons that help choose: what differs among the compared products comes first.

`comparison_rows(products)` aligns the products' specifications by key (case and spacing aside),
adds the facts their descriptions state that the answerer knows (an IPX rating, "water-resistant",
"dishwasher safe": `data/answers.yaml`) and each one's first description sentence the others do
not share (catalog text, so never one that reads as an instruction), and orders the rows: attributes that differ, then price,
rating and stock, then what they share. `choice_text` says which one suits the shopper's stated
request and why, from the same records: the words of the request each record carries, then price
and rating to break a tie. No model writes here.
"""

from __future__ import annotations

import re

from assistant import measures
from assistant.answer_data import knowledge
from assistant.answer_evidence import description_sentences
from common.schema import Product
from common.text import STOPWORDS, money, singular, tokenize
from common.untrusted import instruction_like

MISSING = "not stated"
MAX_VALUE_CHARS = 60  # a longer specification value is a paragraph, not a comparable value
MAX_SENTENCE_CHARS = 140  # a description sentence quoted in a comparison cell
# Words of a comparison request that say nothing about what the shopper wants.
# Words that say which cards to compare, not what the shopper wants of them ("compare the two
# cheapest": the kettle whose listing says "two cups" is no better for it).
COMPARE_WORDS = frozenset(
    "compare comparison versus vs difference differences between which better best one ones first second "
    "third fourth fifth them these those both two three four cheapest cheaper priciest pricier dearest "
    "dearer expensive rated highest lowest top most least".split()
)
Row = tuple[str, list[str]]


def aligned(products: list[Product]) -> dict[str, list[str]]:
    """Specification and known description facts per key, one value per product, keys aligned."""
    rows: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for i, p in enumerate(products):
        for key, value in [*p.attributes.items(), *_described(p)]:
            if not value.strip() or len(value) > MAX_VALUE_CHARS:
                continue
            norm = " ".join(tokenize(key))
            names.setdefault(norm, key)
            rows.setdefault(norm, [MISSING] * len(products))[i] = value.strip()
    for field, get in (
        ("colour", lambda p: ", ".join(p.colours)),
        ("material", lambda p: p.material or ""),
        ("for", lambda p: ", ".join(p.audience)),
        ("brand", lambda p: p.brand or ""),
    ):
        values = [get(p) or MISSING for p in products]
        if field not in rows and any(v != MISSING for v in values):
            rows[field] = values
            names[field] = field
    own = _own_sentences(products)
    if any(own):
        names["listing also says"] = "listing also says"
        rows["listing also says"] = [o or MISSING for o in own]
    return {names[k]: v for k, v in rows.items()}


def _own_sentences(products: list[Product]) -> list[str]:
    """Per product, the first description sentence no other compared product's description has
    ("The case charges over USB-C" against "IPX5 rated against sweat and rain"): shared catalog
    wording tells nothing apart."""
    said = [
        [x for x in description_sentences(p.description) if len(x) <= MAX_SENTENCE_CHARS and not instruction_like(x)]
        for p in products
    ]
    out = []
    for i, sentences in enumerate(said):
        others = {x.lower() for j, o in enumerate(said) if j != i for x in o}
        out.append(next((x for x in sentences if x.lower() not in others), ""))
    return out


def _described(p: Product) -> list[tuple[str, str]]:
    """Facts a description states that a shopper compares on ("IPX5", "water-resistant"), and
    the amounts it states of what shoppers compare (`assistant/measures.py`: "8 hours" of
    playback, "450 g") where no specification states them."""
    out = []
    for sentence in description_sentences(p.description):
        for fact in knowledge().facts:
            m = fact.pattern.search(sentence)
            if m:
                out.append((f"{fact.label} (description)", m.group(0)))
    labels = {fact.label for fact in knowledge().facts}
    for name in measures.measures().quantities:
        q = measures.quantity(name)
        if q.keys is None or q.name in labels:  # price and rating have rows; facts are above
            continue
        found = measures.readings(p, name)
        if found and all(r.aspect is None for r in found):  # only the description states it
            out.append((f"{q.name} (description)", found[0].amount))
    return out


def comparison_rows(products: list[Product]) -> list[Row]:
    """Rows in the order that helps choose: what differs, then price, rating, stock, then what
    they share."""
    differ, same = [], []
    for key, values in aligned(products).items():
        if all(v == MISSING for v in values):
            continue
        (differ if len({v.lower() for v in values}) > 1 else same).append((key, values))
    # Keys every product states first: a difference is clearer than "not stated".
    differ.sort(key=lambda row: sum(v == MISSING for v in row[1]))
    price = [("price", [_price(p) for p in products])]
    rating = [("rating", [f"{p.rating:g}/5" if p.rating else "unrated" for p in products])]
    stock = [("stock", ["in stock" if p.in_stock else "out of stock" for p in products])]
    return [*differ, *price, *rating, *stock, *same]


def _price(p: Product) -> str:
    return "price not listed" if p.price is None else money(p.price, p.currency, cents=True)


def comparison_table(products: list[Product]) -> str:
    """A Markdown side-by-side, differences first, straight from the records."""
    head = "| | " + " | ".join(p.title for p in products) + " |"
    sep = "|---|" + "---|" * len(products)
    body = ["| " + name + " | " + " | ".join(values) + " |" for name, values in comparison_rows(products)]
    return "\n".join([head, sep, *body])


def wanted_words(request: str) -> list[str]:
    """The words of the shopper's request that say what they want ("for running in the rain")."""
    words = [singular(w) for w in tokenize(request) if w not in STOPWORDS and w not in COMPARE_WORDS]
    return list(dict.fromkeys(w for w in words if len(w) > 2 and not w.isdigit()))


def choice_text(products: list[Product], request: str) -> str:
    """Which of the compared products suits the stated request, and why, from their records;
    without a stated request, what sets each apart on price and rating."""
    wanted = wanted_words(request)
    carried = [_carries(p, wanted) for p in products]
    best = max(range(len(products)), key=lambda i: (len(carried[i]), -(products[i].price or 0)))
    if wanted and carried[best] and sum(len(c) == len(carried[best]) for c in carried) == 1:
        # What sets it apart: the asked words the others' listings do not all carry.
        apart = [w for w in carried[best] if not all(w in c for i, c in enumerate(carried) if i != best)]
        says = ", ".join(f"“{w}”" for w in apart or carried[best])
        return f"For what you asked, the {products[best].title} suits better: its listing mentions {says}."
    return _tradeoff(products)


def _carries(p: Product, wanted: list[str]) -> list[str]:
    text = " ".join([p.title, p.description, *p.attributes.keys(), *p.attributes.values(), p.material or ""])
    words = {singular(w) for w in tokenize(text)}
    return [w for w in wanted if w in words]


def _tradeoff(products: list[Product]) -> str:
    """ "The X is the cheaper; the Y is rated higher." (only what the records show)."""
    priced = [p for p in products if p.price is not None]
    rated = [p for p in products if p.rating]
    parts = []
    two = len(products) == 2
    low = top = None
    if len(priced) >= 2 and len({p.price for p in priced}) > 1:
        low = min(priced, key=lambda p: p.price or 0)
        parts.append(f"the {low.title} is the {'cheaper' if two else 'cheapest'} at {_price(low)}")
    if len(rated) >= 2 and len({p.rating for p in rated}) > 1:
        top = max(rated, key=lambda p: p.rating or 0)
        parts.append(f"the {top.title} is rated {'higher' if two else 'highest'} ({top.rating:g}/5)")
    if not parts:
        return ""
    if len(parts) == 2 and low is top:
        parts = [f"{parts[0]} and {parts[1].split(' is ', 1)[1]}"]
    text = "; ".join(parts)
    return re.sub(r"^the", "The", text) + "."
