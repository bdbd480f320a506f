"""A card on screen pointed at by words of its own title: "is the santoku ok for bread?", "does
the skillet go in the oven?", "how long is the 26 cm one?".

A shopper asks about a card by what it is, as its title says it, more often than by position.
Naming (`naming.py`) finds a product by its rare name words and leaves out product-type words,
which is right across a catalog ("a santoku" is a kind to search for) but not on screen, where
"the santoku" means the one card that is a santoku. So: in a question, the words after "the",
"that" or "this" point at a card when they are words of that card's title (or brand) and of no
other card's on screen. Words two cards share ("the knife" over two knives) point at nothing,
and so do words no title has ("the first one", "the price").
"""

from __future__ import annotations

import re

from assistant.question_reading import is_question
from common.schema import Product
from common.text import STOPWORDS, singular, terms, tokenize

POINTED_PHRASE = re.compile(r"\b(?:the|that|this)\s+([^\W_][\w'-]*(?:\s+[^\W_][\w'-]*){0,2})", re.I)


def title_pointed(message: str, on_screen: list[Product]) -> list[int]:
    """1-based positions of the cards a question points at by their own title words."""
    if len(on_screen) < 2 or not is_question(message):
        return []  # one card is what "it" means already; a request ("the cast iron ones") filters
    titles = [set(terms(f"{p.title} {p.brand or ''}")) for p in on_screen]
    out: list[int] = []
    for m in POINTED_PHRASE.finditer(message):
        words = [w for w in terms(m.group(1)) if w not in STOPWORDS]
        for n in range(len(words), 0, -1):  # "the santoku ok for": the longest run that picks one
            hits = [i for i, title in enumerate(titles) if all(w in title for w in words[:n])]
            if len(hits) == 1:
                out.append(hits[0] + 1)
                break
            if hits:
                break  # words several cards share point at none of them
    return list(dict.fromkeys(out))


def pointing_words(message: str, product: Product) -> str | None:
    """The words that point at this card in "the <words>" phrases ("santoku" in "is the santoku ok
    for cutting bread?"): they name the product, so the answer is not about them (a "yes" for
    the word "santoku" in its own description)."""
    title = set(terms(f"{product.title} {product.brand or ''}"))
    said: list[str] = []
    for m in POINTED_PHRASE.finditer(message):
        for word in tokenize(m.group(1)):
            if word in STOPWORDS or singular(word) not in title:
                break
            said.append(word)
    return " ".join(said) or None
