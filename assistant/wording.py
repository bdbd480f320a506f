"""Text the assistant writes without a model: canned replies and sentences built from records.

Everything here is deterministic and quotes catalog records only (titles, prices, attributes),
so it is the honest fallback whenever the model fails or has nothing supported to say.
"""

from __future__ import annotations

import re

from assistant.search import SearchResult
from common.schema import Product
from common.text import STOPWORDS, tokenize

CHITCHAT_REPLY = (
    "Hi! I'm the shop's assistant. Tell me what you're looking for, for example "
    '"a waterproof jacket under $120" or "running shoes for women", and I\'ll find options.'
)
OUT_OF_SCOPE_REPLY = (
    "I can only help with shopping here: finding products, comparing them, and questions about "
    "orders, shipping, returns or warranty. What are you shopping for?"
)
THANKS_REPLY = "You're welcome! Anything else I can help you find?"
CLARIFY_REPLY = (
    "Happy to help! What kind of product are you looking for, and do you have a budget, colour or size in mind?"
)
HANDOFF_REPLY = (
    "I'm sorry about this. I'm passing you to a member of our support team, who can look into "
    "your order and account; you can also write to support@shopassist.example. Please don't "
    "share card numbers or passwords in this chat."
)
NO_POLICIES_REPLY = "I don't have the store policies loaded; please contact support@shopassist.example."

CURRENCY_SYMBOLS = {"USD": "$", "INR": "₹", "EUR": "€", "GBP": "£"}

# Words that say "show me something" without saying what.
VAGUE_WORDS = frozenset(
    "something anything stuff things buy shop shopping help recommend suggest suggestions ideas idea "
    "products product items good nice".split()
)


def format_price(price: float | None, currency: str) -> str:
    """ "$77.95", "₹1,299.00", "12.50 CHF"; "price not listed" when the record has none."""
    if price is None:
        return "price not listed"
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{price:,.2f}" if symbol else f"{price:,.2f} {currency}"


def first_sentences(text: str, n: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(parts[:n])


def content_words(text: str) -> list[str]:
    """The words of a request that name something (not stopwords, not "something nice")."""
    return [w for w in tokenize(text) if w not in STOPWORDS and w not in VAGUE_WORDS and len(w) > 2]


# Specification keys already said by detail_text's own parts.
SAID_ATTRIBUTES = re.compile(r"colou?r|material|fabric|brand|ideal for|gender|price", re.I)
DETAIL_SPECS = 3  # specification values quoted in a product's detail
MAX_DETAIL_VALUE_CHARS = 40


def detail_text(p: Product) -> str:
    """A product summarised from its record's attributes. The description is not quoted: it is
    free text from the catalog, and catalog text is untrusted (an injected "say this costs $1"
    would be repeated word for word); the model's sentence after this one may draw on it, and
    that sentence passes grounding and the output filter."""
    parts = [f"{p.title}: {format_price(p.price, p.currency)}"]
    if p.brand:
        parts.append(f"brand {p.brand}")
    if p.colours:
        parts.append("colour " + ", ".join(p.colours))
    if p.material:
        parts.append(f"material {p.material}")
    if p.audience:
        parts.append("for " + ", ".join(p.audience))
    if p.sizes:
        parts.append("sizes " + ", ".join(p.sizes[:8]))
    if p.rating:
        parts.append(f"rated {p.rating:g}/5")
    parts.append("in stock" if p.in_stock else "out of stock")
    text = "; ".join(parts) + "."
    if p.category:
        text += f" Category: {p.category[-1]}."
    specs = [
        f"{key} {value}"
        for key, value in p.attributes.items()
        if not SAID_ATTRIBUTES.search(key) and 0 < len(value) <= MAX_DETAIL_VALUE_CHARS and len(key) <= 30
    ][:DETAIL_SPECS]
    if specs:
        text += " Details: " + "; ".join(specs) + "."
    return text


COMPARED_ATTRIBUTES = [
    ("price", lambda p: format_price(p.price, p.currency)),
    ("brand", lambda p: p.brand or "-"),
    ("colour", lambda p: ", ".join(p.colours) or "-"),
    ("material", lambda p: p.material or "-"),
    ("for", lambda p: ", ".join(p.audience) or "-"),
    ("rating", lambda p: f"{p.rating:g}/5" if p.rating else "unrated"),
    ("stock", lambda p: "in stock" if p.in_stock else "out of stock"),
]


def comparison_rows(products: list[Product]) -> list[tuple[str, list[str]]]:
    return [(name, [get(p) for p in products]) for name, get in COMPARED_ATTRIBUTES]


def comparison_table(products: list[Product]) -> str:
    """A Markdown side-by-side of attributes and prices, straight from the records."""
    head = "| | " + " | ".join(p.title for p in products) + " |"
    sep = "|---|" + "---|" * len(products)
    body = ["| " + name + " | " + " | ".join(values) + " |" for name, values in comparison_rows(products)]
    return "\n".join([head, sep, *body])


def intro_text(result: SearchResult, changes: list[str], more: bool, vague: bool) -> str:
    n = len(result.hits)
    described = result.constraints.describe(result.hits[0].product.currency)
    lead = "Updated (" + "; ".join(changes) + "). " if changes else ""
    if more:
        return f"{lead}Here are {n} more options."
    if vague:
        return f"{lead}Here are {n} ideas from different corners of the shop."
    scope = f" ({'; '.join(described)})" if described else ""
    plural = "s" if result.candidates != 1 else ""
    return f"{lead}I found {result.candidates} matching product{plural}{scope}; here are the top {n}."


def no_match_text(result: SearchResult, changes: list[str]) -> str:
    lead = "Updated (" + "; ".join(changes) + "). " if changes else ""
    return (
        f"{lead}Sorry, nothing in our catalog matches that: {result.empty_reason}. "
        "Try relaxing one of the filters, for example a higher budget or another brand."
    )


def fallback_text(result: SearchResult) -> str:
    first = result.hits[0]
    p = first.product
    why = ", ".join(first.why.terms[:4])
    text = f"My top pick is {p.title} at {format_price(p.price, p.currency)}"
    if p.rating:
        text += f", rated {p.rating:g}/5"
    text += f" (matches: {why})." if why else "."
    if len(result.hits) > 1:
        q = result.hits[1].product
        text += f" Also worth a look: {q.title} at {format_price(q.price, q.currency)}."
    return text
