"""A value asked that the record's key holds otherwise: "bluetooth?" of a keyboard whose
"Interface: Wired USB", "warm white?" of a bulb whose "color temperature: daylight", "E27 holders
... can i use it?" of one whose "Bulb Base: B22".

The catalog says which values are alternatives of one another: the whole values other products
(or other variants of the same product) give the same specification key. A question that says
one of them whole, where this record gives that key another value and says the asked one nowhere,
is answered no from the record's own value.

A wrong no is worse than "the listing doesn't say", so the reading is narrow:
- the asked value and the record's never stand together in one value of the key: "Wireless
  Bluetooth" makes "wireless" no alternative of "bluetooth", "Men, Women" "men" none of "women"
  (a listed value counts for each of its items);
- the asked value is a value of that key in at least `MIN_PRODUCTS` products, not one listing's
  wording;
- nothing of the record's own value is said by the question, and the asked value is said nowhere
  in the record;
- in a question that says more than the value, the key and what the product is (a story), the
  value must be one that cannot be said by chance: a code ("E27") or a phrase of two words or more
  ("left hand", "warm white"); a single everyday word of a story ("home", "office") is no need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from common.schema import Product
from common.text import singular, tokenize

MIN_PRODUCTS = 2  # an alternative is a value the catalog gives the key in this many products at least
LIST_MARK = re.compile(r"[,|/;&+]|\band\b", re.I)  # a value that lists several ("Bluetooth, USB")

Phrases = dict[str, dict[str, int]]  # key (lower case) -> whole value (lower case) -> products giving it
Same = Callable[[str, str], bool]  # one word in two forms ("leftie"/"left", "buttons"/"button")


@dataclass(frozen=True)
class Alternative:
    key: str  # the record's key, as written
    value: str  # the record's value, as written
    asked: str  # the alternative value the question says


def value_phrases(products: Iterable[Product]) -> Phrases:
    """Each specification key's whole values across a catalog, with how many products give each."""
    out: Phrases = {}
    for p in products:
        for key, value in p.attributes.items():
            items = (" ".join(tokenize(item)) for item in LIST_MARK.split(value))
            said = ", ".join(item for item in items if item)  # "Zip, Magnet": "zip, magnet"
            if said:
                counts = out.setdefault(key.lower(), {})
                counts[said] = counts.get(said, 0) + 1
    return out


def _words(text: str) -> list[str]:
    return [singular(w) for w in tokenize(text)]


def _items(counts: dict[str, int]) -> dict[str, int]:
    """The single values of a key, a listed value counted for each of its items ("zip, magnet")."""
    out: dict[str, int] = {}
    for value, n in counts.items():
        for item in LIST_MARK.split(value):
            if item.strip():
                out[item.strip()] = out.get(item.strip(), 0) + n
    return out


def _is_code(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _said(phrase: list[str], asked: list[str], same: Same) -> bool:
    return bool(phrase) and all(any(same(a, w) for a in asked) for w in phrase)


def _together(counts: dict[str, int], one: list[str], other: list[str], same: Same) -> bool:
    """Some value of the key says both: they are no alternatives of each other."""
    for value in counts:
        words = _words(value)
        if _said(one, words, same) and _said(other, words, same):
            return True
    return False


def other_value_asked(
    asked: list[str],
    accounted: set[str],
    product: Product,
    record_text: str,
    phrases: Phrases,
    same: Same,
    skip_keys: frozenset[str] = frozenset(),
) -> Alternative | None:
    """The record's key whose catalog alternatives include a value the question says whole, where
    the record gives it another value (see the module's doc). `asked`: the question's words
    (singular, no filler, not the product's name); `accounted`: words that say what the product is
    or which one, that leave a question asking the value alone; `record_text`: everything the
    record says; `skip_keys`: keys that hold no alternatives ("Sales Package")."""
    record = set(_words(record_text))
    best: tuple[int, Alternative] | None = None
    for key, value in product.attributes.items():
        counts = phrases.get(key.lower(), {})
        if key.lower() in skip_keys or len(counts) < 2:
            continue
        own = _words(value)
        key_words = set(_words(key))
        for phrase, n in _items(counts).items():
            words = _words(phrase)
            if n < MIN_PRODUCTS or words == own or not _said(words, asked, same):
                continue
            # what tells the record's value apart ("right" of "Right Hand" against "Left Hand")
            apart = [w for w in own if not any(same(w, x) for x in words)]
            if not apart or any(any(same(a, w) for a in asked) for w in apart):
                continue  # the question says what the record gives: no other value asked
            if all(any(same(w, r) for r in record) for w in words):
                continue  # the record says the asked value somewhere: not another value
            if _together(counts, words, own, same):
                continue
            rest = [a for a in asked if a not in accounted and not any(same(a, w) for w in [*words, *key_words])]
            specific = len(words) >= 2 or any(_is_code(w) for w in words)
            if rest and not specific:
                continue  # one everyday word of a story is no need stated
            if best is None or len(words) > best[0]:
                best = (len(words), Alternative(key, value, phrase))
    return best[1] if best else None


def opposed_value(
    asked: list[str],
    accounted: set[str],
    product: Product,
    record_text: str,
    opposites: dict[str, frozenset[str]],
    same: Same,
    skip_keys: frozenset[str] = frozenset(),
) -> tuple[str, str, str] | None:
    """(key, value, asked word) where a specification value says a word that contradicts the one
    asked ("bluetooth?" against "Interface: Wired USB"; `opposites` in answers.yaml), the asked
    word is said nowhere in the record, and the question asks nothing else (a story's word is no
    need: this reading holds no catalog evidence to lean on)."""
    record = set(_words(record_text))
    for word in asked:
        against = opposites.get(word, frozenset())
        rest = [a for a in asked if a != word and a not in accounted]
        if not against or rest or any(same(word, r) for r in record):
            continue
        for key, value in product.attributes.items():
            if key.lower() not in skip_keys and set(_words(value)) & against:
                return key, value, word
    return None
