"""Tokenising and vocabularies shared by ingest, BM25, the filter index and query understanding.

One tokeniser everywhere keeps BM25, the phrase filter and the query parser in agreement.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from common.language import CJK, segment

WORD = re.compile(r"[a-z0-9]+")

# Kept short on purpose: BM25's idf handles most common words, and words like "men" carry
# meaning in product titles (audience words are also parsed into constraints).
STOPWORDS = frozenset(
    "a an and are as at be by for with in i im i'm is it its me my of on or our the this to we you your "
    "do does have has any some looking want need please show find get "
    # Adverbs of chatter ("she just started running"): never what a product is, and shown as a
    # matched word ('mentions "just"') when a description happens to use them.
    "just really actually basically literally recently already also very quite".split()
)

COLOURS = (
    "black white red blue navy green pink grey gray brown beige yellow purple orange silver gold "
    "maroon olive cream ivory teal turquoise violet magenta khaki tan peach copper bronze "
    "multicolor multicolour rose lavender mustard burgundy charcoal golden aqua"
).split()
# "aqua": a shade records name (a curtain's "aqua striped") that shoppers ask for by it (pool R-u-12).
# "golden" is the colour gold (Flipkart records "Golden"; "golden heels" asks for it), where
# "gold" alone more often names the metal ("gold ring").
COLOUR_ALIASES = {"gray": "grey", "multicolor": "multicolour", "golden": "gold"}

MATERIALS = (
    "cotton leather polyester wool silk linen denim nylon rubber plastic steel stainless "
    "ceramic glass wood wooden bamboo brass copper silver gold canvas suede velvet rayon "
    "spandex acrylic aluminium aluminum porcelain cashmere fleece"
).split()

# Stones a piece of jewellery is made with: asked for, they are required as a material is
# ("diamond ring", "ring with diamonds"). Every labelled set writes them as required attributes.
GEMSTONES = frozenset("diamond pearl ruby emerald sapphire".split())


WORD_OR_CJK = re.compile(r"[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+")


def tokenize(text: str) -> list[str]:
    """Lowercase words; Chinese runs cut into words (so a Chinese catalog gets BM25 terms and
    category phrases like any other)."""
    text = text.lower()
    if not CJK.search(text):
        return WORD.findall(text)
    out: list[str] = []
    for run in WORD_OR_CJK.findall(text):
        out.extend(w for w in segment(run) if w.strip()) if CJK.match(run) else out.append(run)
    return out


@lru_cache(maxsize=1)
def _plurals() -> dict[str, dict[str, str]]:
    path = Path(__file__).with_name("data") / "plurals.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1 << 17)  # a catalog's vocabulary: indexing a million products calls this ~10^8 times
def singular(token: str) -> str:
    """A light plural stripper: enough for 'watches' == 'watch', 'shoes' == 'shoe'.

    A full stemmer (Porter) merges too much for product types ('sports' -> 'sport' is fine,
    but 'glasses' -> 'glass' and 'shorts' -> 'short' change meaning either way); plurals are what
    shoppers and catalogs disagree on. Irregular plurals come from data (common/data/plurals.yaml).
    """
    plurals = _plurals()
    if token in plurals["words"]:
        return plurals["words"][token]
    for ending, single in plurals["endings"].items():
        if token.endswith(ending):
            return token[: -len(ending)] + single
    if len(token) <= 3 or token.endswith("ss") or token.isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    # "-ies" is the plural of both "-y" and "-ie" words ("hobbies", "hoodies"): the stem cannot
    # tell which, so "-ie" singulars take the "-y" form too and both sides meet ("hoodie" and
    # "hoodies" -> "hoody", as "necktie"/"neckties" and "nightie"/"nighty" do).
    if token.endswith("ie") and len(token) > 4:
        return token[:-2] + "y"
    if token.endswith(("ches", "shes", "xes", "sses", "zes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("us", "is")):
        return token[:-1]
    return token


def terms(text: str) -> list[str]:
    """Tokens, singularised: the unit of the phrase filter and of BM25."""
    return [singular(t) for t in tokenize(text)]


def normalise_colour(word: str) -> str:
    return COLOUR_ALIASES.get(word, word)


# Audience words in specs, titles and category paths -> our normalised audiences.
AUDIENCE_WORDS = {
    "men": ["men"],
    "mens": ["men"],
    "man": ["men"],
    "male": ["men"],
    "gents": ["men"],
    "gentlemen": ["men"],
    "women": ["women"],
    "womens": ["women"],
    "woman": ["women"],
    "ladies": ["women"],
    "lady": ["women"],
    "female": ["women"],
    "boys": ["boys"],
    "boy": ["boys"],
    "girls": ["girls"],
    "girl": ["girls"],
    "kids": ["boys", "girls"],
    "kid": ["boys", "girls"],
    "children": ["boys", "girls"],
    "baby": ["baby"],
    "babies": ["baby"],
    "infant": ["baby"],
    "infants": ["baby"],
    "unisex": ["men", "women"],
    "couple": ["couple"],
    "couples": ["couple"],
}


def bm25_tokens(text: str) -> list[str]:
    """The tokens BM25 indexes and queries with: terms without stopwords."""
    return [t for t in terms(text) if t not in STOPWORDS]


CURRENCY_SYMBOLS = {"USD": "$", "INR": "₹", "EUR": "€", "GBP": "£", "CNY": "¥"}


def money(value: float, currency: str = "", cents: bool = False) -> str:
    """ "₹1,000", "$49.99", "12 CHF": an amount as a shopper reads it. `cents` keeps ".00"
    (record prices); budgets drop it when whole."""
    number = f"{value:,.2f}" if cents or not float(value).is_integer() else f"{value:,.0f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol:
        return f"{symbol}{number}"
    return f"{number} {currency}" if currency else number
