"""How a message and a title are cut into the words a product is named by: spellings, model codes
said joined or apart ("fhd 115", "fhd-115"), product lines, brands a record leaves out, and the
phrase positions every naming step looks up."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from assistant.naming_rules import rules
from common.schema import Product
from common.text import STOPWORDS, singular, tokenize


@dataclass
class Line:
    """Products of one category: the title words they all share (the line's name) and the values
    each specification takes among them (the options that tell variants apart)."""

    rows: list[int]
    common: frozenset[str]
    values: dict[str, set[tuple[str, ...]]]
    option_words: set[str]


def product_lines(products: list[Product]) -> dict[str, Line]:
    by_category: dict[str, list[int]] = {}
    for row, p in enumerate(products):
        if p.category_path:
            by_category.setdefault(p.category_path, []).append(row)
    out = {}
    for category, rows in by_category.items():
        if len(rows) < 2:
            continue
        titles = [set(spelled_terms(products[r].title)) - STOPWORDS for r in rows]
        values: dict[str, set[tuple[str, ...]]] = {}
        for r in rows:
            for key, value in products[r].attributes.items():
                values.setdefault(key, set()).add(value_terms(value))
        # An option is a value variants share (colour, size); a key whose every product has its
        # own value (model number, model name) identifies products, it does not tell variants apart.
        distinct = {k: len(v) for k, v in values.items()}
        stated = Counter(k for r in rows for k in products[r].attributes)
        varying = {k: v for k, v in values.items() if 1 < distinct[k] < stated[k] and all(v)}
        option_words = {w for v in varying.values() for terms_ in v for w in terms_}
        # a value written with a hyphen is an option in its joined form too ("USB-C", "usbc")
        option_words |= {f for r in rows for k in varying for f in joined_forms(products[r].attributes.get(k, ""))}
        common = frozenset(set.intersection(*titles) - option_words)
        value_words = {w for vs in values.values() for v in vs for w in v}
        if any(t - common - option_words - value_words for t in titles):
            # Titles that differ by words of their own ("msl women flats", "yepme women flats")
            # are products of one kind, not variants of one product: "the whole FLAT stinks" was
            # read as naming all three (a session-9 chat). Variants differ by option values only.
            continue
        out[category] = Line(rows, common, varying, option_words)
    return out


def catalog_brands(products: list[Product], not_brand: frozenset[str]) -> list[str]:
    """Each product's brand: the record's, else its brand shelf in the category tree (see
    `title_brand`), else, in a catalog that has a brand column, the opening words several of its
    titles share ("LA BRIZA mile boots", "LA BRIZA black boots"), up to a number, a product-type
    or an everyday word. A catalog with no brands at all (tau) gets none: its titles open with
    the product's own name ("Tea Kettle (...)"), not a maker's."""
    out = [p.brand or title_brand(p) for p in products]
    if not any(p.brand for p in products):
        return out
    openings: dict[str, list[int]] = {}
    for row, p in enumerate(products):
        words = tokenize(p.title.replace("'", ""))
        if not out[row] and words and words[0] not in not_brand and not words[0].isdigit():
            openings.setdefault(words[0], []).append(row)
    for rows in openings.values():
        if len(rows) < 2:
            continue
        titles = [tokenize(products[r].title.replace("'", "")) for r in rows]
        shared: list[str] = []
        for column in zip(*titles, strict=False):
            word = column[0]
            if len(set(column)) > 1 or word in not_brand or any(c.isdigit() for c in word):
                break
            shared.append(word)
        for r in rows:
            out[r] = " ".join(shared)
    return out


def title_brand(product: Product) -> str:
    """The brand of a product whose record has none, where its category tree has a level for
    the brand's shelf: a level that reads "<the title's opening words> <its parent level>"
    ("... > dresses > BEEBAY dresses" over "beebay girl's a-line dress"). A third of the Flipkart
    records leave the brand column empty, though their titles open with it."""
    levels = [level.strip() for level in (product.category_path or "").split(">")]
    title = tokenize(product.title.replace("'", ""))
    for parent, level in zip(levels, levels[1:], strict=False):
        words, tail = tokenize(level), tokenize(parent)
        head = words[: len(words) - len(tail)]
        if tail and head and words[len(head) :] == tail and title[: len(head)] == head:
            return " ".join(head)
    return ""


def verdicts_at(raw: list[str]) -> list[int]:
    """Where a phrase asking whether the thing just named will do is said ("jaspo skating kit
    THEEK RAHEGA?", "... CHALEGA?"): it points back at the name before it, as "it" does."""
    return [i for phrase in rules().verdicts for i in phrase_positions(raw, phrase)]


def asks_verdict(text: str) -> bool:
    """Whether the message asks if something will do, in words that mark a question without a
    question word or "?" ("eureka gseb vii chalega", "ye wala theek rahega")."""
    return bool(verdicts_at(said_tokens(text)))


def points_at_product(raw: list[str]) -> bool:
    """A definite word that points at a product ("THE Sonata watch", "THIS kettle"), not one that
    opens a request ("what's the BEST ...", "the cheapest ...")."""
    r_ = rules()
    return any(
        w in r_.definite and not (w == "the" and (nxt in r_.ranking or (nxt.endswith("est") and len(nxt) > 4)))
        for w, nxt in zip(raw, [*raw[1:], ""], strict=True)
    )


def specification_codes(products: list[Product]) -> list[frozenset[str]]:
    """Each product's model codes that only its specifications carry ("Model Number: FHD115" of
    "fabhomedecor fabric double sofa bed"): the code-like words of the values of keys that
    identify products, those whose values are nearly all different (model number, style code,
    model id), not of keys that describe them ("Water Resistance: IPX7" is asked, not a name)."""
    r_ = rules()
    values: dict[str, list[str]] = {}
    for p in products:
        for key, value in p.attributes.items():
            values.setdefault(key, []).append(value.lower())
    identifying = {
        k
        for k, vs in values.items()
        if len(vs) >= r_.identifying_min_products and len(set(vs)) >= r_.identifying_share * len(vs)
    }
    out = []
    for p in products:
        words: set[str] = set()
        for key in identifying & p.attributes.keys():
            value = p.attributes[key]
            words.update(
                w for w in [*spelled_terms(value), *joined_forms(value)] if is_model_code(w) and not DIMENSIONS.match(w)
            )
        out.append(frozenset(words))
    return out


DIMENSIONS = re.compile(r"^\d+(?:x\d+)+$")  # "17x2x20": a size, not a model code


def clause_ends(text: str) -> set[int]:
    """Positions (in `said_tokens(text)`) of the last word of each clause: before a comma, a full
    stop, a question mark, a bracket or a dash set off by spaces ("pet bed large grey - can i")."""
    ends: set[int] = set()
    count = 0
    for clause in CLAUSE_BREAK.split(text.replace("'", "")):
        n = len(said_tokens(clause))
        if n:
            count += n
            ends.add(count - 1)
    return ends


@cache
def connected_pattern() -> re.Pattern[str]:
    """Two words joined by a connective of naming.yaml or "&" (see `NameIndex._brands_joined`)."""
    words = "|".join(map(re.escape, sorted(rules().connectives | {"&"})))
    return re.compile(rf"\b(\w+)\s+({words})\s+(\w+)\b", re.I)


CLAUSE_BREAK = re.compile(r"[,;:!?()]+|\.+(?=\s|$)|\s[-–—]+\s")


def value_terms(value: str) -> tuple[str, ...]:
    return tuple(spelled_terms(value))


def phrase_positions(said: list[str], phrase: tuple[str, ...]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(said) - n + 1) if tuple(said[i : i + n]) == phrase] if n else []


def contains_phrase(said: list[str], phrase: tuple[str, ...]) -> bool:
    return bool(phrase_positions(said, phrase))


CODE_NUMBER = re.compile(r"\d{3,}")
HYPHENATED = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
SPLIT_CODE = re.compile(r"\b([a-z]{2,5})[\s-]?(\d{2,6}[a-z]{0,3})\b")


def joined_forms(text: str) -> list[str]:
    """Brands and model codes written with or without their hyphen or space ("d-link" and
    "dlink", "dap-1320", "dap 1320" and "dap1320"): each joined form, added beside the words,
    so the two spellings meet whichever the title and the shopper used."""
    low = text.lower()
    # Digits on both sides ("13-019") are a code written one way only: joining them would add a
    # name word the shopper never says, and weaken the cover of the words they do say.
    forms = [m.group(0).replace("-", "") for m in HYPHENATED.finditer(low) if re.search(r"[a-z]", m.group(0))]
    forms += [m.group(1) + m.group(2) for m in SPLIT_CODE.finditer(low)]
    return [f for f in forms if len(f) >= 4]


def joined_codes(product: Product) -> list[str]:
    """`joined_forms` of a title and brand, less a value written after its own key ("Running
    Shoes (size 10, ...)" with "size: 10"): "size10" is no model code, and "I'm a size 10" in the
    shopper's story named that shoe over the yellow size 9 one asked about (set O)."""
    keyed = {f"{k}{v}".replace(" ", "").lower() for k, v in product.attributes.items() if len(spelled_terms(k)) == 1}
    return [f for f in joined_forms(f"{product.title} {product.brand or ''}") if f not in keyed]


def is_model_code(word: str) -> bool:
    """Letters and digits in one word of four or more characters ("dap1320", "wq18", "sh83"):
    a model code, not an amount ("16l" is a size, "1320" a number)."""
    return len(word) >= 4 and any(c.isdigit() for c in word) and sum(c.isalpha() for c in word) >= 2


def code_parts(terms: list[str]) -> list[str]:
    """The words inside a model code ("purple02", "8502-7purple", "1070blk" -> "purple", "blk"):
    a shopper names the colour or the suffix without the code's digits."""
    return [part for w in terms if any(c.isdigit() for c in w) for part in re.findall(r"[a-z]{3,}", w) if part != w]


def spelled_terms(text: str) -> list[str]:
    return [spelled_word(singular(w)) for w in said_tokens(text)]


def name_terms(text: str) -> list[str]:
    """The text's words as naming reads them (singular, one spelling): a brand as `Named.matched` holds it."""
    return spelled_terms(text)


SHORT_HYPHENATED = re.compile(r"\b([a-z]{1,2})-([a-z]{1,2})\b")  # "wi-fi", "t-rex" are one word said either way
NUMBER_UNIT = re.compile(r"^(\d+)([a-z]+)$")


DEGREE_SIGN = re.compile(r"(?<=\d)\s*°")


def said_tokens(text: str) -> list[str]:
    """Lowercase words, a number written together with its unit split from it ("25cm", "2L",
    "8hr" -> "25 cm", "2 l", "8 hr"), as titles and shoppers write it either way."""
    out: list[str] = []
    # "110° view": the degree sign is the unit "degree" ("110 degrees" in a tau option, set O)
    text = DEGREE_SIGN.sub(" degree ", text)
    for w in tokenize(SHORT_HYPHENATED.sub(r"\1\2", text.replace("'", "").lower())):
        m = NUMBER_UNIT.match(w)
        if m and spelled_word(singular(m.group(2))) in rules().units:
            out += [m.group(1), m.group(2)]
        else:
            out.append(w)
    return out


def spelled_word(word: str) -> str:
    """One spelling of a word written two ways ("litre"/"liter"): `spellings` in naming.yaml."""
    return rules().spellings.get(word, word)
