"""Kinds a shop names only in its product titles, read from the titles themselves.

Two forms a shopper uses that no category node and no general vocabulary list:
- a word no English lexicon knows that titles end with, as what their products are ("nirlon
  classic kadhai 2.5 l", "lambency women's pyjama"), filed under a node of other words ("Pans
  Tawas", "Pyjamas Lounge Pants"): Hindi and other loan words for kinds;
- a style said as a plural noun for the one kind its titles put it before ("my aviators",
  "wayfarers": the shop's "aviator sunglasses").
`assistant.type_resolution` asks both; the evidence is always the loaded catalog's titles.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.catalog import CatalogIndex
from assistant.spelling import is_word, ordinary_words
from common.text import singular, terms, tokenize

MIN_LETTERS = 4  # shorter words are codes, sizes and abbreviations ("xl", "pcs", "gsm")


def title_end(title: list[str]) -> str:
    """The last word of a title before an amount that ends it ("kadhai" in "kadhai 1 5 l"): a
    word with a digit, and a short unit word right after one."""
    k = len(title)
    while k and (_has_digit(title[k - 1]) or (k > 1 and len(title[k - 1]) <= 3 and _has_digit(title[k - 2]))):
        k -= 1
    return title[k - 1] if k else ""


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def titles_end_with(catalog: CatalogIndex, word: str, read: int) -> int:
    """How many of the (first `read`) products named by the word have titles ending with it.
    An English word is never counted: titles end with "finish", "purpose", "system" too, and
    the general vocabulary already knows the English kinds."""
    if len(word) < MIN_LETTERS or is_word(word, ordinary_words().__contains__):
        return 0
    rows = catalog.phrase_rows([word])[:read]
    return sum(title_end(terms(catalog.products[int(r)].title)) == word for r in rows)


def style_kind(catalog: CatalogIndex, word: str, is_kind: Callable[[list[str]], bool], read: int) -> list[str] | None:
    """The kind a style said as a plural noun names: the singular, in every title that holds it,
    stands right before one and the same kind (`is_kind`), as titles write that kind. Only a
    plural says the word is a thing; "aviator" alone may be a style asked of a kind named
    elsewhere ("an aviator style pair of shades")."""
    one = singular(word)
    if one == word or len(one) < MIN_LETTERS or not one.isalpha():
        return None
    kinds: set[tuple[str, ...]] = set()
    for row in catalog.attribute_rows([one])[:read]:
        said = tokenize(catalog.products[int(row)].title)
        title = [singular(w) for w in said]
        for i in (i for i, w in enumerate(title) if w == one):
            after = title[i + 1 : i + 2]
            kinds.add(tuple(said[i + 1 : i + 2]) if after and is_kind(after) else ())
    return list(next(iter(kinds))) if len(kinds) == 1 and () not in kinds else None
