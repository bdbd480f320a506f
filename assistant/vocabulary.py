"""General product-type vocabulary: the kinds of things shops sell, beyond any one catalog.

Read from `common/data/product_types.txt` (derived from the Shopify Standard Product Taxonomy,
MIT; redaction reads it too, through `common.product_kinds`) and `product_types_extra.txt` (types
it lacks, written for this project). Understanding uses it to recognise a product type the loaded catalog does not carry ("earrings" in a shop without
earrings), and to keep spelling correction from turning a real product word into a catalog word.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from assistant.spelling import ordinary_words
from common.product_kinds import TAXONOMY
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, singular, terms, tokenize

DATA = Path(__file__).resolve().parent / "data"
FILES = (TAXONOMY, DATA / "product_types_extra.txt")

# Single words the taxonomy uses as a category but a shopper uses as a qualifier: a material, a
# colour, an audience ("baby"), or a word too broad to be a product on its own.
NOT_TYPES = frozenset(
    {*COLOURS, *MATERIALS, *AUDIENCE_WORDS, *STOPWORDS}
    | set(
        "baby toddler kid wear decor finding jewelry jewellery clothe clothing apparel home garden party gift "
        "outdoor indoor travel sport fitness health beauty care personal office school kitchen bath "
        "car bike pet dog cat bird fish horse food drink water light power electric digital smart mini "
        "style design print pattern shape size large small top bottom front back side left right one ones "
        "budget premium option order gift set pair piece".split()
    )
)


@cache
def product_types() -> frozenset[tuple[str, ...]]:
    """Every known product type as a term tuple ("money clip" -> ("money", "clip"))."""
    found: set[tuple[str, ...]] = set()
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                phrase = tuple(terms(line))
                if phrase and not (len(phrase) == 1 and phrase[0] in NOT_TYPES):
                    found.add(phrase)
    return frozenset(found)


@cache
def activity_words() -> frozenset[str]:
    """Activities the taxonomy lists as a type but mostly uses to qualify other types
    ("shopping" in shopping bag, cart, tote; "cleaning", "skating"): a gerund used so is what
    the shopper is doing ("shopping for my niece"), not a product. Other modifier-heavy words
    ("guitar", "phone") stay types: a shopper does ask for those."""
    heads: dict[str, int] = {}
    modifiers: dict[str, int] = {}
    for p in product_types():
        if len(p) > 1:
            heads[p[-1]] = heads.get(p[-1], 0) + 1
            for w in p[:-1]:
                modifiers[w] = modifiers.get(w, 0) + 1
    singles = {p[0] for p in product_types() if len(p) == 1}
    return frozenset(w for w in singles if _gerund(w) and modifiers.get(w, 0) > 2 * (heads.get(w, 0) + 1))


def _gerund(word: str) -> bool:
    """A verb + "ing" ("shopping", "skating"), not a noun that ends so ("awning", "swing")."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    known = ordinary_words()
    return stem in known or stem + "e" in known or (stem[-1] == stem[-2:-1] and stem[:-1] in known)


@cache
def type_words() -> frozenset[str]:
    """Single words that are product types on their own ("wallet", "belt", "earring")."""
    return frozenset(p[0] for p in product_types() if len(p) == 1)


@cache
def known_words() -> frozenset[str]:
    """Every word of every known product type: real words, never 'corrected' into others."""
    return frozenset(w for p in product_types() for w in p)


def is_type(phrase: list[str]) -> bool:
    if len(phrase) == 1 and phrase[0] in activity_words():
        return False
    return tuple(phrase) in product_types()


def is_listing(node: list[str]) -> bool:
    """A category node that lists several kinds ("Bags, Wallets & Belts"): a product filed under
    it is one of them, so a type word in it does not say what the product is."""
    return len({w for w in node if w in type_words()}) >= 2


def _names_kind(word: str) -> bool:
    """A word of the type vocabulary, or one written closed that it knows as two ("tshirt")."""
    return word in type_words() or any(is_type([word[:i], word[i:]]) for i in range(1, len(word)))


def lists_kinds(node: str) -> bool:
    """A category node, as written, that lists kinds side by side ("Polos & T-Shirts", "Bags,
    Wallets & Belts"): two kinds or more, each said in the plural or last. A kind said in the
    singular before another is its modifier ("Coffee Mugs" holds mugs, not coffee), which
    `is_listing`, reading singular terms, cannot tell."""
    words = tokenize(node)
    last = len(words) - 1
    kinds = {singular(w) for k, w in enumerate(words) if (singular(w) != w or k == last) and _names_kind(singular(w))}
    return len(kinds) >= 2
